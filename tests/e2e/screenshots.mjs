// Screenshots of every page at 1440 px and 390 px into screenshots/ at the
// repository root, for a person to look at. Run by scripts/screenshots.sh.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { ROOT, PASSWORD, startServer, launch, watchedPage, login, apiAs, shanghaiToday } from './lib.mjs'

const OUT = path.join(ROOT, 'screenshots')
// XF_SHOTS=recruits,dues: only these pages (all of them when unset)
const only = process.env.XF_SHOTS ? process.env.XF_SHOTS.split(',') : null
mkdirSync(OUT, { recursive: true })

const server = await startServer('demo')
const browser = await launch()
let failed = 0
try {
  // A member-role user, so that the member's own page can be shown too.
  const t = await (await fetch(`${server.url}/api/auth/login`, { method: 'POST',
    body: JSON.stringify({ username: 'admin', password: PASSWORD }) })).json()
  const auth = { Authorization: `Bearer ${t.token}` }
  const m = await (await fetch(`${server.url}/api/members?org=3&subtree=1&size=1`, { headers: auth })).json()
  await fetch(`${server.url}/api/users`, { method: 'POST', headers: auth, body: JSON.stringify({
    username: 'dangyuan', password: PASSWORD, display_name: m.items[0].name, member_id: m.items[0].id,
    roles: [{ role: 'member', org_id: m.items[0].org_id }] }) })
  const memberId = m.items[0].id

  // Some organizational life and points, so the new pages have something to show.
  const admin = await apiAs(server.url, 'admin')
  const qxj = await apiAs(server.url, 'qxj')
  const [y, mo] = shanghaiToday()
  const pad = (n) => String(n).padStart(2, '0')
  const day = (back) => { const d = new Date(Date.UTC(y, mo - 1, 1) - back * 86400000); return d.toISOString().slice(0, 10) }
  let meetingId = null
  for (const [org, kind, topic, back] of [[4, 'branch_committee', '研究部署第四季度党建工作', 20], [4, 'theme_day', '走进社区开展志愿服务', 12],
    [5, 'branch_committee', '学习贯彻全会精神', 25], [12, 'branch_committee', '支委会', 5]]) {
    const mt = await admin.post('/api/meetings', { org_id: org, kind, topic, held_at: `${day(back)}T14:30:00+08:00`,
      place: '三楼会议室', host: '叶霞', recorder: '陈海燕',
      first_topic: kind === 'branch_committee' ? { title: '习近平总书记关于党的建设的重要思想', source: '求是', speech_date: day(back + 3) } : null })
    const reg = await admin.get(`/api/meetings/${mt.id}/attendance`)
    const st = ['present', 'present', 'present', 'late', 'sick_leave', 'present', 'absent', 'official_leave']
    await admin.put(`/api/meetings/${mt.id}/attendance`, { items: reg.items.map((p, i) => ({ member_id: p.member_id, status: st[i % st.length] })) })
    if (kind === 'branch_committee' && !meetingId) {
      meetingId = mt.id
      await admin.post(`/api/meetings/${mt.id}/measures`, { title: '制定支部学习计划', owner: '叶霞', due_on: day(back - 10) })
    }
  }
  const rules = []
  for (const r of [
    { category: '政治学习', item: '参加集中学习', description: '参加支部组织的集中学习', points: 1, cap: 12, cap_period: 'year' },
    { category: '志愿服务', item: '参加社区志愿服务', description: '经社区认定的志愿服务活动', points: 2, cap: 10, cap_period: 'year' },
    { category: '创先争优', item: '获得市级表彰', description: '获市级及以上表彰', points: 10, needs_evidence: true },
    { category: '负面清单', item: '无故缺席组织生活', description: '无故缺席一次', points: -2, needs_approval: false },
  ]) rules.push(await admin.post('/api/point-rules', r))
  const mem = await admin.get('/api/members?org=2&subtree=1&size=12')
  for (const [i, x] of mem.items.entries()) {
    for (let k = 0; k <= i % 4; k++) await admin.post('/api/ledger', { member_id: x.id, rule_id: rules[k % 3].id, reason: '认定' })
  }
  const dy = await apiAs(server.url, 'dangyuan')
  await dy.post('/api/claims', { rule_id: rules[1].id, description: '周末参加社区垃圾分类宣传' })
  await dy.post('/api/claims', { rule_id: rules[0].id, description: '参加支部集中学习' })
  // 述职评议: a session of the bureau (org 2) with its first presenter open
  const rv = await admin.post('/api/reviews', { title: '月度述职分享会', org_id: 2, held_on: `${y}-${pad(mo)}-01`,
    criteria: [{ name: '工作实绩', max: 60 }, { name: '述职表现', max: 40 }],
    presenters: [{ name: '第一党支部书记', org_id: 3 }, { name: '第二党支部书记' }] })
  await admin.post(`/api/reviews/${rv.id}/presenters/${rv.presenters[0].id}/open`)
  void qxj

  const pages = [
    ['admin', 'dashboard', '/dashboard'],
    ['admin', 'orgs', '/orgs?id=3'],
    ['admin', 'org-list', '/orgs/list?kind=branch'],
    ['admin', 'temp-branches', '/orgs/temporary'],
    ['admin', 'clusters', '/clusters'],
    ['admin', 'members', '/members'],
    ['admin', 'member-detail', `/members?id=${memberId}`],
    ['admin', 'users', '/users'],
    ['admin', 'audit', '/audit'],
    ['admin', 'compliance', '/compliance'],
    ['admin', 'meetings', '/meetings'],
    ['admin', 'boards', '/points/boards'],
    ['admin', 'rules', '/points/rules'],
    ['admin', 'screen-points', '/screen/points'],
    ['admin', 'tasks', '/tasks'],
    ['admin', 'task-detail', '/tasks?task=3'],
    ['admin', 'task-reminders', '/tasks/reminders'],
    ['admin', 'task-board', '/tasks/board'],
    ['admin', 'plans', '/plans'],
    ['admin', 'reviews', '/reviews'],
    ['admin', 'review-chair', `/reviews/${rv.id}`],
    ['admin', 'screen-review', `/screen/reviews/${rv.id}`],
    ['jggw', 'committee-dashboard', '/dashboard'],
    ['jggw', 'screen-compliance', '/screen/compliance'],
    ['jggw', 'screen-tasks', '/screen/tasks'],
    ['jggw', 'screen-points', '/screen/points'],
    ['jggw', 'committee-task-board', '/tasks/board'],
    ['jggw', 'committee-compliance', '/compliance?org=2'],
    ['qxj', 'secretary-dashboard', '/dashboard'],
    ['qxj', 'secretary-meetings', '/meetings'],
    ['qxj', 'meeting-new', '/meetings/new?org=4'],
    ['qxj', 'meeting-detail', `/meetings/${meetingId}`],
    ['qxj', 'followup', '/meetings/followup'],
    ['qxj', 'claims', '/points/claims'],
    ['qxj', 'secretary-tasks', '/tasks'],
    ['qxj', 'secretary-task-detail', '/tasks?task=49'],
    ['qxj', 'secretary-reminders', '/tasks/reminders'],
    ['dangyuan', 'my-points', '/points/me'],
    ['qxj', 'secretary-members', '/members'],
    ['qxj', 'forbidden', '/users'],
    ['dangyuan', 'member-me', '/me'],
    ['admin', 'cluster', '/clusters/1'],
    ['admin', 'joint-projects', '/joint-projects'],
    ['admin', 'joint-project', '/joint-projects/1'],
    ['qxj', 'recruits', '/recruits'],
    ['qxj', 'dues', '/dues'],
    ['jggw', 'terms', '/terms'],
    ['jggw', 'transfers', '/transfers'],
    ['jggw', 'lectures', '/lectures'],
    ['jggw', 'campaigns', '/campaigns'],
    ['admin', 'my-security', '/me/security'],
  ]
  for (const width of [1440, 390]) {
    const tag = width === 390 ? 'mobile' : 'desktop'
    {
      const w = await watchedPage(browser, { width, height: width === 390 ? 844 : 900 })
      await w.page.goto(`${server.url}/login`)
      await w.page.waitForLoadState('networkidle')
      await w.page.screenshot({ path: path.join(OUT, `${tag}-login.png`), fullPage: true })
      await w.context.close()
    }
    for (const who of ['admin', 'jggw', 'qxj', 'dangyuan']) {
      const w = await watchedPage(browser, { width, height: width === 390 ? 844 : 900 })
      await login(w.page, server.url, who)
      await w.page.xfIdle(1000) // let the landing page finish before leaving it
      for (const [user, name, url] of pages) {
        if (user !== who || (only && !only.includes(name))) continue
        await w.page.goto(server.url + url)
        await w.page.xfIdle()
        await w.page.waitForTimeout(400)
        await w.page.screenshot({ path: path.join(OUT, `${tag}-${name}.png`), fullPage: true })
        if (name === 'members') {
          await w.page.locator('[data-test=member-add]').click()
          await w.page.locator('[data-test=member-form]').waitFor()
          await w.page.waitForTimeout(400)
          await w.page.screenshot({ path: path.join(OUT, `${tag}-member-form.png`) })
          await w.page.keyboard.press('Escape')
          await w.page.xfIdle()
        }
        if (name === 'plans') {
          await w.page.locator('[data-test=plan-edit]').first().click()
          await w.page.locator('[data-test=plan-edit-form]').waitFor()
          await w.page.waitForTimeout(400)
          await w.page.screenshot({ path: path.join(OUT, `${tag}-plan-edit.png`) })
          await w.page.keyboard.press('Escape')
          await w.page.xfIdle()
        }
        if (name === 'secretary-tasks') {
          await w.page.locator('[data-test=task-new]').click()
          await w.page.locator('[data-test=task-form]').waitFor()
          await w.page.locator('[data-test=ms-add]').click()
          await w.page.waitForTimeout(400)
          await w.page.screenshot({ path: path.join(OUT, `${tag}-task-form.png`) })
          await w.page.keyboard.press('Escape')
          await w.page.xfIdle()
        }
        const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        if (overflow > 0) console.log(`  ${tag}-${name}: horizontal overflow ${overflow}px`)
      }
      if (w.problems.length) {
        failed++
        console.log(`problems as ${who} at ${width}px:\n  ${w.problems.join('\n  ')}`)
      }
      await w.context.close()
    }
  }
  console.log(`screenshots in ${OUT}`)
} finally {
  await browser.close()
  await server.stop()
}
process.exit(failed ? 1 : 0)
