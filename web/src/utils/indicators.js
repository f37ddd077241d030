// The indicator tree of a scheme (考核办法) as the pages draw it: the
// server gives a flat list in tree order (parents first, `parent` codes);
// the editor and the explanation show it as nested rows. The checks here
// repeat the server's rules only to warn while editing (weights adding up
// to 100, a group's max equal to its children's); the server decides.

/** The side an indicator counts on: scored (data, manual) add up to 100;
 *  bonus and deduction come on top; veto sets 1★. */
export function sideOf(kind) {
  if (kind === 'data' || kind === 'manual') return 'scored'
  return kind
}

/** Nested rows of a flat list: each a copy with its `index` in the list,
 *  its `depth` (1 for the first level) and `children` when it has any. */
export function indicatorTree(list) {
  const rows = new Map(list.map((x, i) => [x.code, { ...x, index: i }]))
  const top = []
  for (const r of rows.values()) {
    const p = r.parent && rows.get(r.parent)
    if (p) (p.children ||= []).push(r)
    else top.push(r)
  }
  const walk = (rs, d) => rs.forEach((r) => { r.depth = d; if (r.children) walk(r.children, d + 1) })
  walk(top, 1)
  return top
}

const tenths = (v) => Math.round(Number(v || 0) * 10)

/**
 * The sums of a flat list: top (the first level's scored max, which should
 * be `total`), bonus (the first level's bonus max), and groups: code →
 * {sum, ok} for every indicator with children.
 */
export function treeSums(list, total = 100) {
  const groups = {}
  for (const x of list) {
    if (!x.parent) continue
    const g = (groups[x.parent] ||= { sum: 0 })
    g.sum += tenths(x.max)
  }
  for (const x of list) {
    const g = groups[x.code]
    if (g) { g.ok = g.sum === tenths(x.max); g.sum /= 10 }
  }
  const first = list.filter((x) => !x.parent)
  const add = (side) => first.filter((x) => sideOf(x.kind) === side).reduce((s, x) => s + tenths(x.max), 0) / 10
  const top = add('scored')
  return { top, topOk: tenths(top) === tenths(total), bonus: add('bonus'), deduction: add('deduction'), groups }
}

/** A mapping as words: 线性 60→100, 分档 ≥90 得 10 …, 排名（高者优先）. */
export function mappingText(m) {
  if (!m) return ''
  if (m.linear) return `线性 ${m.linear[0]} → ${m.linear[1]}`
  if (m.steps) return '分档 ' + m.steps.map(([min, p]) => `≥${min} 得 ${p}`).join('，')
  if (m.rank) return m.rank === 'asc' ? '排名（低者优先）' : '排名（高者优先）'
  return ''
}
