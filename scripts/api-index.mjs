#!/usr/bin/env node
// api-index.mjs - writes the endpoint index of docs/api.md (the table under
// "## Endpoint index") from the route table in src/api/routes.c, so that
// the reference lists every route and who may call it.
//
//   node scripts/api-index.mjs           rewrite the table in docs/api.md
//   node scripts/api-index.mjs --check   exit 1 if docs/api.md is stale
//
// Each row is {method, pattern, handler, who, body, query, limit}. Who may
// call a route is read from its auth expression: XF_AUTH_PUBLIC is
// anyone, ANY / XF_AUTH_USER any logged-in user, anything else the roles it
// names (macros such as MANAGE are expanded from their #define in the file).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const routesFile = path.join(root, 'src/api/routes.c')
const docFile = path.join(root, 'docs/api.md')

/** The routes of routes.c as [method, path, who]. */
export function routes(src) {
  const text = src.replace(/\/\*[\s\S]*?\*\//g, '')
  const macros = new Map()
  for (const m of text.matchAll(/^#define\s+(\w+)\s+((?:.*\\\n)*.*)$/gm)) {
    macros.set(m[1], m[2].replace(/\\\n/g, ' '))
  }
  const expand = (s, depth = 0) => (depth > 8 ? s
    : s.replace(/\b[A-Z_]+\b/g, (w) => (macros.has(w) ? `(${expand(macros.get(w), depth + 1)})` : w)))
  const start = text.indexOf('static const xf_route routes[] = {')
  if (start < 0) throw new Error('api-index: no route table in src/api/routes.c')
  const table = text.slice(start, text.indexOf('\n};', start))
  const out = []
  for (const m of table.matchAll(/\{\s*"([A-Z]+)",\s*"([^"]+)",\s*\w+,([^}]+)\}/g)) {
    // who may call it: the columns after the handler up to the first
    // comma outside parentheses (the body, query and limit follow)
    let depth = 0
    let end = m[3].length
    for (let i = 0; i < m[3].length; i++) {
      if (m[3][i] === '(') depth++
      else if (m[3][i] === ')') depth--
      else if (m[3][i] === ',' && depth === 0) { end = i; break }
    }
    m[3] = m[3].slice(0, end).trim()
    const auth = expand(m[3])
    let who
    if (/\bXF_AUTH_PUBLIC\b/.test(auth)) who = 'anyone'
    else if (/\bXF_AUTH_USER\b/.test(auth)) who = 'any logged-in user (scope decides)'
    else {
      const roles = [...auth.matchAll(/\bXF_ROLE_(?!BIT\b)([A-Z]+)\b/g)].map((r) => r[1].toLowerCase())
      if (!roles.length) throw new Error(`api-index: cannot read who may call ${m[1]} ${m[2]}: ${m[3]}`)
      who = [...new Set(roles)].join(', ')
    }
    out.push([m[1], m[2], who])
  }
  return out
}

/** docs/api.md with its endpoint table made from the routes. */
export function withIndex(doc, rs) {
  const head = doc.indexOf('## Endpoint index')
  if (head < 0) throw new Error('api-index: docs/api.md has no "## Endpoint index"')
  const tableStart = doc.indexOf('| method | path | who |', head)
  const next = doc.indexOf('\n## ', head + 1)
  const end = next < 0 ? doc.length : next + 1
  if (tableStart < 0 || tableStart > end) throw new Error('api-index: no table under "## Endpoint index"')
  const rows = rs.map(([m, p, w]) => `| ${m} | \`${p}\` | ${w} |`)
  const table = ['| method | path | who |', '|---|---|---|', ...rows].join('\n')
  return `${doc.slice(0, tableStart)}${table}\n\n${doc.slice(end)}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(docFile, 'utf8')
  const fresh = withIndex(doc, routes(readFileSync(routesFile, 'utf8')))
  if (process.argv.includes('--check')) {
    if (fresh !== doc) {
      console.error('api-index: the endpoint index of docs/api.md is stale: run node scripts/api-index.mjs')
      process.exit(1)
    }
  } else if (fresh !== doc) {
    writeFileSync(docFile, fresh)
    console.log('api-index: docs/api.md updated')
  }
}
