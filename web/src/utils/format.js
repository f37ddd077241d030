// Labels and formats the pages share. The server owns the rules; these only
// turn its codes into the Chinese words people read.
export const ORG_KINDS = {
  work_committee: '机关工委',
  party_committee: '党组/党委',
  organ_committee: '机关党委',
  general_branch: '党总支',
  branch: '党支部',
  temp_branch: '临时党支部',
  group: '党小组',
}
export const ORG_LEVELS = { city: '市级', county: '县（区）级', township: '乡镇（街道）级' }
export const MEMBER_STATUS = { full: '正式党员', probationary: '预备党员' }
export const GENDERS = { male: '男', female: '女' }
export const ROLES = {
  admin: '系统管理员',
  committee: '机关工委',
  secretary: '党组织书记',
  member: '党员',
  judge: '评委',
  screen: '大屏展示',
}
export const AUDIT_ACTIONS = {
  create: '新增', update: '修改', delete: '删除', move: '移动', transfer: '组织关系转接',
  login: '登录', logout: '退出',
}
export const AUDIT_ENTITIES = { org: '党组织', member: '党员', user: '用户', cluster: '片区' }

export const label = (map, v) => (v == null ? '' : map[v] || v)

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
  return r.org_name ? `${label(ROLES, r.role)} · ${r.org_name}` : label(ROLES, r.role)
}

// 组织生活
export const MEETING_KINDS = {
  branch_congress: '党员大会',
  branch_committee: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  democratic_review: '民主评议党员',
  committee_meeting: '党委（党组）会议',
  first_topic: '第一议题学习',
}
/** Register statuses with the paper register's marks, in the order of the form. */
export const ATTENDANCE = [
  { code: 'present', name: '出席', mark: '√', type: 'success' },
  { code: 'late', name: '迟到', mark: '#', type: 'warning' },
  { code: 'sick_leave', name: '病假', mark: '○', type: 'info' },
  { code: 'official_leave', name: '公假', mark: '★', type: 'primary' },
  { code: 'personal_leave', name: '事假', mark: '△', type: 'info' },
  { code: 'absent', name: '缺席', mark: '×', type: 'danger' },
]
export const ATTENDANCE_BY_CODE = Object.fromEntries(ATTENDANCE.map((a) => [a.code, a]))

// 季度督导: the server's status codes, with their colours.
export const COMPLIANCE = {
  green: { name: '达标', color: '#2e9d57', type: 'success' },
  yellow: { name: '补开', color: '#e6a23c', type: 'warning' },
  due: { name: '待开', color: '#409eff', type: 'primary' },
  red: { name: '缺项', color: '#d0262d', type: 'danger' },
}
export const COMPLIANCE_ORDER = ['red', 'yellow', 'due', 'green']

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

// 积分
export const POINT_CATEGORIES = ['政治学习', '组织生活', '履职尽责', '志愿服务', '创先争优', '负面清单']
export const CLAIM_STATUS = {
  pending: { name: '待审核', type: 'warning' },
  approved: { name: '已通过', type: 'success' },
  rejected: { name: '未通过', type: 'danger' },
}
export const CAP_PERIODS = { month: '每月', quarter: '每季度', year: '每年' }
export const LEDGER_SOURCES = { claim: '申报', award: '认定', record: '记实', reversal: '冲正' }
export const signed = (n) => (n > 0 ? `+${n}` : String(n))

// 挂图作战: task and milestone statuses with their chart colours (the
// status itself is the server's; status_title is its Chinese name).
export const TASK_STATUS = {
  red: { name: '逾期', color: '#d0262d', light: '#f6c9cb', type: 'danger' },
  yellow: { name: '滞后已追赶', color: '#e6a23c', light: '#f8e3bf', type: 'warning' },
  green: { name: '正常推进', color: '#2e9d57', light: '#c5e6d1', type: 'success' },
  not_started: { name: '未开始', color: '#a8abb2', light: '#e4e6eb', type: 'info' },
  done: { name: '已完成', color: '#3a7bd5', light: '#cfe0f6', type: 'primary' },
}
export const TASK_STATUS_ORDER = ['red', 'yellow', 'green', 'not_started', 'done']
export const MILESTONE_STATUS = {
  pending: { name: '待完成', color: '#ffffff', border: '#5c6370', type: 'info' },
  done: { name: '已完成', color: '#2e9d57', border: '#17532e', type: 'success' },
  late: { name: '逾期完成', color: '#e6a23c', border: '#8a5a12', type: 'warning' },
  overdue: { name: '已逾期', color: '#d0262d', border: '#6e0b0f', type: 'danger' },
}
/** A milestone's look: done late counts as 'late'. */
export const milestoneLook = (m) => (m.status === 'done' && m.late ? 'late' : m.status)
export const EVIDENCE_KINDS = { link: '链接', file: '文件', meeting: '会议', task: '任务', record: '记录', text: '文字说明' }

// 三级五岗: levels (organization kinds) and the posts each has. Labels for
// the pickers only; the server decides what is valid.
export const DUTY_POSTS = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
  organ_secretary: '机关党委书记',
  discipline_secretary: '机关纪委书记',
  branch_secretary: '支部书记',
  organization_officer: '组织委员',
  publicity_officer: '宣传委员',
  discipline_officer: '纪检委员',
}
const BRANCH_POSTS = ['branch_secretary', 'deputy_secretary', 'organization_officer', 'publicity_officer', 'discipline_officer', 'committee_member']
export const DUTY_LEVEL_POSTS = {
  work_committee: ['secretary', 'deputy_secretary', 'committee_member'],
  party_committee: ['secretary', 'deputy_secretary', 'committee_member'],
  organ_committee: ['organ_secretary', 'deputy_secretary', 'discipline_secretary', 'committee_member'],
  general_branch: BRANCH_POSTS,
  branch: BRANCH_POSTS,
  temp_branch: BRANCH_POSTS,
}
export const DUTY_EVIDENCE_KINDS = { task: '任务', meeting: '会议', ledger: '积分记录', record: '履职记录' }
