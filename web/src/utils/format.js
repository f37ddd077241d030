// Labels and formats the pages share. The server owns the rules and the
// code lists with their Chinese labels (GET /api/catalog, kept by the
// catalog store); these only turn codes into the words people read, and
// add the colours pages draw them in.
import { useCatalogStore } from '../stores/catalog'

/** The label of a code: label('org_kinds', 'branch') → 党支部 from the
 *  server's catalog, or label({a: 'A'}, 'a') from a map of the page's own.
 *  An unknown code shows as itself; null as ''. */
export function label(list, v) {
  if (v == null) return ''
  if (typeof list === 'string') return useCatalogStore().label(list, v)
  return list[v] || v
}

/** The codes of a catalog list in the server's order: [{code, label}, …]. */
export const options = (name) => useCatalogStore().list(name)
/** The entry of a code in a catalog list ({code, label, …}), or null. */
export const entry = (name, v) => useCatalogStore().entry(name, v)

const dtf = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
})

/** An ISO time from the API, shown in Asia/Shanghai: 2024-07-01 09:30:00. */
export function formatTime(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = Object.fromEntries(dtf.formatToParts(d).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/** Today's date in Asia/Shanghai, YYYY-MM-DD. */
export function todayShanghai() {
  return formatTime(new Date().toISOString()).slice(0, 10)
}

export const formatDate = (d) => d || '—'

/** An organization with its parent, as people tell branches apart:
 *  第一党支部（中共市财政局机关委员会）; the name alone for a root. */
export function withParent(name, parentName) {
  if (!name) return ''
  return parentName ? `${name}（${parentName}）` : name
}

/** A member's birth: the date, or only the year when the ID number is masked. */
export function birthText(m) {
  if (!m) return '—'
  if (m.birth_date) return m.birth_date
  return m.birth_year ? `${m.birth_year}年` : '—'
}

/** The role a user acts in, as one line: 党组织书记 · 中共市气象局党组. */
export function roleText(r) {
  if (!r) return ''
  return r.org_name ? `${label('roles', r.role)} · ${r.org_name}` : label('roles', r.role)
}

// 组织生活: the colours of the supervision statuses (the catalog's
// compliance_statuses, most urgent first).
export const COMPLIANCE_LOOK = {
  green: { color: '#2e9d57', type: 'success' },
  yellow: { color: '#e6a23c', type: 'warning' },
  due: { color: '#409eff', type: 'primary' },
  red: { color: '#d0262d', type: 'danger' },
}

/** A period code as words: 2024 → 2024年, 2024Q3 → 2024年第三季度, 2024-07 → 2024年7月. */
export function periodText(p) {
  if (!p) return ''
  let m = /^(\d{4})Q([1-4])$/.exec(p)
  if (m) return `${m[1]}年第${'一二三四'[m[2] - 1]}季度`
  m = /^(\d{4})-(\d{2})$/.exec(p)
  if (m) return `${m[1]}年${Number(m[2])}月`
  return /^\d{4}$/.test(p) ? `${p}年` : p
}

/** Period codes around today for pickers: kind 'year' | 'quarter' | 'month'. */
export function recentPeriods(kind, count = 8) {
  const [y, mo] = todayShanghai().split('-').map(Number)
  const out = []
  if (kind === 'year') for (let i = 0; i < count; i++) out.push(String(y - i))
  else if (kind === 'quarter') {
    let yy = y
    let q = Math.floor((mo - 1) / 3) + 1
    for (let i = 0; i < count; i++) {
      out.push(`${yy}Q${q}`)
      if (--q === 0) { q = 4; yy-- }
    }
  } else {
    let yy = y
    let m = mo
    for (let i = 0; i < count; i++) {
      out.push(`${yy}-${String(m).padStart(2, '0')}`)
      if (--m === 0) { m = 12; yy-- }
    }
  }
  return out
}

// 积分: the tag colours of claim statuses.
export const CLAIM_LOOK = { pending: 'warning', approved: 'success', rejected: 'danger' }
export const signed = (n) => (n > 0 ? `+${n}` : String(n))

// 挂图作战: the chart colours of task and milestone statuses (names come from
// the catalog; a task's status_title is its name too).
export const TASK_LOOK = {
  red: { color: '#d0262d', light: '#f6c9cb', type: 'danger' },
  yellow: { color: '#e6a23c', light: '#f8e3bf', type: 'warning' },
  green: { color: '#2e9d57', light: '#c5e6d1', type: 'success' },
  not_started: { color: '#a8abb2', light: '#e4e6eb', type: 'info' },
  done: { color: '#3a7bd5', light: '#cfe0f6', type: 'primary' },
}
const MILESTONE_LOOK = {
  pending: { color: '#ffffff', border: '#5c6370', type: 'info' },
  done: { color: '#2e9d57', border: '#17532e', type: 'success' },
  late: { color: '#e6a23c', border: '#8a5a12', type: 'warning' },
  overdue: { color: '#d0262d', border: '#6e0b0f', type: 'danger' },
}
/** A milestone's look {color, border, type, name}: done late is 'late'
 *  (逾期完成), a look of its own rather than a status of the server. */
export function milestoneLook(m) {
  const k = m.status === 'done' && m.late ? 'late' : m.status
  const look = MILESTONE_LOOK[k] || MILESTONE_LOOK.pending
  return { ...look, name: k === 'late' ? '逾期完成' : label('milestone_statuses', k) }
}
/** The look of a milestone status for legends. */
export const milestoneStatusLook = (k) => MILESTONE_LOOK[k]

// 考核评价: stars as people read them (★★★☆☆), and the tag colours of
// scheme and star rating states (names come from the catalog).
export const starsText = (n) => (n ? '★'.repeat(n) + '☆'.repeat(Math.max(0, 5 - n)) : '—')
export const SCHEME_LOOK = { draft: 'warning', published: 'success', replaced: 'info' }
export const RATING_LOOK = { self_assessed: 'warning', reviewed: 'primary', decided: 'success' }

// 述职评议: the states of a presenter (the server's codes) and the tag
// colours of the grades (names from the catalog's review_grades).
export const PRESENTER_LOOK = {
  waiting: { name: '等待', type: 'info' },
  open: { name: '评分中', type: 'warning' },
  closed: { name: '已结束', type: 'success' },
}
export const GRADE_LOOK = { good: 'success', fair: 'primary', pass: 'warning', poor: 'danger' }
/** The open presenter of a session, or null. */
export const onStage = (review) => review?.presenters?.find((p) => p.state === 'open') || null

// 驾驶舱 and the walls: a rate of the server (a percentage with one decimal,
// null when nothing counts) as text; the meeting kinds of a missing list.
export const pctText = (v) => (v == null ? '—' : `${v}%`)
export const missingText = (list) =>
  (list || []).map((k) => (k === 'first_topic' ? '第一议题' : label('meeting_kinds', k))).join('、')
