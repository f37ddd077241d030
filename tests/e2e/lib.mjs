// Shared pieces of the browser tests: a real xianfeng server on a free
// loopback port with a fresh SQLite database in a temp dir, serving the
// built web UI (web/dist), and Debian's Chromium driven by playwright-core.
// Every page is watched: a console error, an uncaught exception, a failed
// request or an HTTP error the test did not announce fails the test.
import { after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, existsSync, openSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLOCK_OFFSET_S, envWithoutClock, serverNow, todayShanghai } from '../clock.mjs'

export { serverNow }

const here = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = path.resolve(here, '../..')
export const XF_BIN = process.env.XF_BIN || path.join(ROOT, 'build/xianfeng')
// the data key that seals personal data: one random key per test process
if (!process.env.XF_DATA_KEY && !process.env.XF_DATA_KEY_FILE) {
  process.env.XF_DATA_KEY = (await import('node:crypto')).randomBytes(32).toString('hex')
}
export const WEB_ROOT = process.env.XF_WEB_ROOT || path.join(ROOT, 'web/dist')
export const SHOTS = path.join(here, 'screenshots')
export const PASSWORD = 'e2e-pass-12345'

// playwright-core is a devDependency of web/ (one lock file for the UI).
const require = createRequire(path.join(ROOT, 'web/package.json'))
const { chromium } = require('playwright-core')

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.unref()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

function xf(args, env = {}) {
  return execFileSync(XF_BIN, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }).toString()
}

/**
 * Starts a server. seed: 'demo' (the demo city; users admin, jggw, haishu,
 * qxj with PASSWORD) or 'admin' (an empty database with one admin user).
 * Returns {url, stop()}.
 */
export async function startServer(seed = 'demo') {
  if (!existsSync(XF_BIN)) throw new Error(`server binary ${XF_BIN} missing: run make`)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'xf-e2e-'))
  const db = `sqlite:${path.join(dir, 't.db')}`
  xf(['init', '--db', db])
  if (seed === 'demo') xf(['demo', '--db', db], { XF_ADMIN_PASSWORD: PASSWORD })
  else xf(['user', 'add', '--db', db, '--username', 'admin', '--display-name', '系统管理员', '--role', 'admin'], { XF_PASSWORD: PASSWORD })
  const port = await freePort()
  const args = ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--threads', '2']
  const help = spawnHelp()
  if (help.includes('--web-root') && existsSync(path.join(WEB_ROOT, 'index.html'))) args.push('--web-root', WEB_ROOT)
  const log = openSync(path.join(dir, 'server.log'), 'w')
  const proc = spawn(XF_BIN, args, { stdio: ['ignore', log, log] })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10000
  let health
  while (!health) {
    try {
      const r = await fetch(`${url}/api/health`)
      if (r.ok) health = await r.json()
    } catch { /* not up yet */ }
    if (health) break
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start; see ${dir}/server.log`)
    await new Promise((r) => setTimeout(r, 50))
  }
  // the tests build their dates from the server's clock (XF_CLOCK)
  if (health.today !== todayShanghai()) {
    proc.kill('SIGKILL')
    throw new Error(`the server's today ${health.today} is not the tests' ${todayShanghai()}`)
  }
  return {
    url,
    dir,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM')
        await new Promise((r) => { proc.once('exit', r); setTimeout(r, 3000) })
      }
      if (!process.env.XF_E2E_KEEP) rmSync(dir, { recursive: true, force: true })
    },
  }
}

let helpText = null
function spawnHelp() {
  if (helpText === null) {
    try {
      helpText = execFileSync(XF_BIN, ['serve', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString()
    } catch (e) {
      helpText = String(e.stdout || '') + String(e.stderr || '')
    }
  }
  return helpText
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.XF_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
    env: envWithoutClock() })
}

/** The browser of a test file, launched now (a top-level await in the file)
 * and closed after the file's tests (a node:test hook). */
export async function launchForFile() {
  const browser = await launch()
  after(async () => { await browser.close() })
  return browser
}

/**
 * A page that records every problem. expect(method, pathPrefix, status)
 * announces one HTTP error the test provokes on purpose.
 */
export async function watchedPage(browser, { width = 1440, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  // the browser's clock is the server's (XF_CLOCK moves both; it runs on)
  if (CLOCK_OFFSET_S) await context.clock.install({ time: serverNow() })
  const page = await context.newPage()
  const problems = []
  const expected = []
  let pending = 0
  // an event stream (SSE) stays open while its page is shown: not pending
  const stream = (r) => new URL(r.url()).pathname.endsWith('/events')
  page.on('request', (r) => { if (!stream(r)) pending++ })
  page.on('requestfinished', (r) => { if (!stream(r)) pending-- })
  page.on('requestfailed', (r) => { if (!stream(r)) pending-- })
  // Waits until no request has been open for quiet ms (SPA navigations do
  // not reset Playwright's own networkidle state).
  page.xfIdle = async (quiet = 300) => {
    let since = Date.now()
    const deadline = Date.now() + 15000
    while (Date.now() - since < quiet && Date.now() < deadline) {
      if (pending > 0) since = Date.now()
      await new Promise((r) => setTimeout(r, 25))
    }
  }
  page.on('console', (m) => {
    if (m.type() !== 'error') return
    // Chromium logs every HTTP error response as a console error; those are
    // judged below by their response, announced or not.
    if (/^Failed to load resource: the server responded with a status of/.test(m.text())) return
    problems.push(`console error: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) => {
    // The browser drops a read still in flight (its favicon, an event
    // stream, a page's GETs) when the page goes away: the user moved on, it
    // is not an error of the app. A write cut off still counts.
    if (r.method() === 'GET' && r.failure()?.errorText === 'net::ERR_ABORTED') return
    problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`)
  })
  page.on('response', (r) => {
    if (r.status() < 400) return
    const u = new URL(r.url())
    const i = expected.findIndex((e) => e.method === r.request().method() && u.pathname.startsWith(e.path) && e.status === r.status())
    if (i >= 0) expected.splice(i, 1)
    else problems.push(`HTTP ${r.status()}: ${r.request().method()} ${u.pathname}${u.search}`)
  })
  return {
    page,
    context,
    problems,
    expect(method, p, status) { expected.push({ method, path: p, status }) },
  }
}

/** The end of a test, for its finally block: closes its watched pages and
 * stops its server. */
export async function closeAll(server, ...watched) {
  for (const w of watched) await w.context.close()
  await server.stop()
}

/** Fails the test if a watched page recorded a problem; pages names each
 * by whose it is: { "the secretary's": sec }. */
export function assertNoProblems(pages) {
  for (const [whose, w] of Object.entries(pages)) {
    assert.deepEqual(w.problems, [], `problems on ${whose} page:\n${w.problems.join('\n')}`)
  }
}

/** The viewport of a phone, for watched pages of the tests that use one. */
export const PHONE = { width: 390, height: 844 }

/**
 * One browser test from its start to its end: starts a server (seed:
 * 'empty' unless said), opens a watched page for each entry of pages,
 * named by whose page it is ({ sec: "the secretary's" }, or with a
 * viewport { mem: ["the member's", PHONE] }), logs an API client in as
 * admin, and runs body({ server, url, admin, ...the pages by their keys }).
 * Then closes the pages and the server, whatever body did, and fails the
 * test if a page recorded a problem.
 */
export async function browserTest(browser, { seed = 'empty', pages }, body) {
  const server = await startServer(seed)
  const watched = {}
  const whose = {}
  try {
    for (const [key, spec] of Object.entries(pages)) {
      const [name, viewport] = Array.isArray(spec) ? spec : [spec]
      watched[key] = await watchedPage(browser, viewport)
      whose[name] = watched[key]
    }
    const admin = await apiAs(server.url, 'admin')
    await body({ server, url: server.url, admin, ...watched })
  } finally {
    await closeAll(server, ...Object.values(watched))
  }
  assertNoProblems(whose)
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}

export async function login(page, url, username, password = PASSWORD) {
  await page.goto(`${url}/login`)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=user-menu]').waitFor()
  // The landing page (the dashboard) loads in waves; leaving it early would
  // abort its requests, which the watcher counts as failures.
  await page.xfIdle(800)
}

/** Logs in as username and opens the page at path (e.g. '/visits'), its
 * requests done. */
export async function loginTo(page, url, username, path) {
  await login(page, url, username)
  await page.goto(`${url}${path}`)
  await page.xfIdle()
}

/** Picks an option of an Element Plus select by typing into it. */
export async function pickOrg(page, scope, text) {
  const input = scope.locator('.el-select input').first()
  await input.click()
  await input.fill(text)
  const opt = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first()
  await opt.waitFor()
  await opt.click()
}

/**
 * A bearer-token client of the API for setting up what a test needs: get,
 * post, patch and put, and short-hands for the records most tests start
 * from (extra adds or overrides fields of the body):
 *   org(name, kind, parent, extra): an organization at city level under
 *     parent (a record; null for a root);
 *   user(username, display_name, role, org, extra): an account with the
 *     tests' PASSWORD and one role in org;
 *   member(org, name, first17, phone, joined_on, extra): a male full member
 *     whose ID number is first17 with its check character.
 */
export async function apiAs(url, username, password = PASSWORD) {
  const t = await (await fetch(`${url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ username, password }) })).json()
  if (!t.token) throw new Error(`login ${username} failed: ${JSON.stringify(t)}`)
  const call = async (method, p, body) => {
    const r = await fetch(url + p, { method, headers: { Authorization: `Bearer ${t.token}` },
      body: body === undefined ? undefined : JSON.stringify(body) })
    const data = await r.json().catch(() => null)
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${JSON.stringify(data)}`)
    return data
  }
  return {
    user: t.user,
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b ?? {}),
    patch: (p, b) => call('PATCH', p, b),
    put: (p, b) => call('PUT', p, b),
    org: (name, kind, parent = null, extra = {}) =>
      call('POST', '/api/orgs', { name, kind, level: 'city', parent_id: parent ? parent.id : null, ...extra }),
    user: (username, display_name, role, org, extra = {}) =>
      call('POST', '/api/users', { username, password: PASSWORD, display_name, roles: [{ role, org_id: org.id }], ...extra }),
    member: (org, name, first17, phone, joined_on, extra = {}) => call('POST', '/api/members', {
      name, gender: 'male', id_number: idNumber(first17), phone, status: 'full', joined_on, org_id: org.id, ...extra }),
  }
}

/**
 * The small city most tests start from, made through the admin client
 * admin: a root organization (root: [name, kind]) with a branch below it
 * (branch: its name), the committee account jggw (机关工委) on the root
 * and the secretary account zbsj (secretary: its display name) on the
 * branch. Returns { root, branch }.
 */
export async function committeeAndBranch(admin, { root = ['市直机关工委', 'work_committee'], branch = '市统计局第一党支部',
  secretary = '支部书记' } = {}) {
  const r = await admin.org(root[0], root[1])
  const b = await admin.org(branch, 'branch', r)
  await admin.user('jggw', '机关工委', 'committee', r)
  await admin.user('zbsj', secretary, 'secretary', b)
  return { root: r, branch: b }
}

/** A citizen ID number with its GB 11643 check character. */
export function idNumber(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i]
  return first17 + '10X98765432'[sum % 11]
}

/** The server's today in Asia/Shanghai as [year, month, day]. */
export function shanghaiToday() {
  return todayShanghai().split('-').map(Number)
}
