// Browser test of the walls (大屏) and the cockpit (驾驶舱): a screen user
// opens the compliance wall of its organization; a meeting recorded
// through the API changes the wall's 第一议题 count without a reload, through
// the page's event stream (SSE), long before the 30 s fallback read; the
// task wall and the points wall follow a task and an award the same way.
// Each wall fits 1920x1080 without scrolling and a 390 px phone without
// horizontal overflow. The committee's dashboard shows the four tiles and
// the lagging organizations, and a lagging organization drills down to its
// compliance; a branch secretary's cockpit shows its branch on a phone.
// Fails on console errors, failed requests or unannounced HTTP
// errors, and leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchForFile, watchedPage, screenshot, login, apiAs, closeAll, assertNoProblems } from './lib.mjs'
import { todayShanghai } from '../clock.mjs'

const TODAY = todayShanghai()
/** TODAY plus n days, as YYYY-MM-DD. */
function day(n) {
  const d = new Date(`${TODAY}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

const browser = await launchForFile()

async function city(url) {
  const admin = await apiAs(url, 'admin')
  const root = await admin.org('中共市气象局党组', 'party_committee', null, { established_on: '2010-01-01' })
  const b1 = await admin.org('第一党支部', 'branch', root, { established_on: '2010-01-01' })
  const b2 = await admin.org('第二党支部', 'branch', root, { established_on: '2010-01-01' })
  await admin.user('jggw', '机关工委', 'committee', root)
  await admin.user('dp', '大屏', 'screen', root)
  await admin.user('sj', '支部书记', 'secretary', b1)
  const m = await admin.member(b1, '张志强', '33020119850312451', '13857412345', '2010-07-01', { full_on: '2011-07-01' })
  const rule = await admin.post('/api/point-rules', { category: '履职尽责', item: '完成重点任务', points: 5, cap: null,
    cap_period: 'year', needs_approval: false, valid_from: '2024-01-01' })
  return { admin, com: await apiAs(url, 'jggw'), root, b1, b2, m, rule }
}

/** Opens a wall as the watched page, and waits until its event stream is
 * open (the frame says 实时推送); returns the stream requests seen. */
async function openWall(w, url, path) {
  const streams = []
  w.page.on('request', (r) => { if (r.resourceType() === 'eventsource') streams.push(r.url()) })
  await w.page.goto(url + path)
  await w.page.locator('[data-test=screen] .upd', { hasText: '实时推送' }).waitFor()
  await w.page.xfIdle()
  return streams
}

/** The page fits its viewport: no horizontal overflow, and (walls on the
 * big screen) no vertical scrolling either. */
async function assertFits(page, what, { vertical = false } = {}) {
  const o = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }))
  assert.ok(o.x <= 0, `${what}: ${o.x}px horizontal overflow`)
  if (vertical) assert.ok(o.y <= 0, `${what}: ${o.y}px to scroll down`)
}

// the wall must change long before its 30 s fallback read
const LIVE_WAIT = 10000

test('the compliance wall follows a new meeting live, over its event stream', async () => {
  const server = await startServer('empty')
  const url = server.url
  const wall = await watchedPage(browser, { width: 1920, height: 1080 })
  const phone = await watchedPage(browser, { width: 390, height: 844 })
  try {
    const { com, root, b1 } = await city(url)
    const { page } = wall
    await login(page, url, 'dp')
    const streams = await openWall(wall, url, '/screen/compliance')
    assert.deepEqual(streams.map((s) => new URL(s).pathname + new URL(s).search), [`/api/cockpit/events?org=${root.id}`])
    const ft = page.locator('[data-test=wall-ft-quarter]')
    assert.equal((await ft.textContent()).trim(), '0 / 0 次会议')
    await page.evaluate(() => { window.xfNotReloaded = true })
    await com.post('/api/meetings', { org_id: b1.id, kind: 'branch_committee', held_at: `${TODAY}T09:00:00+08:00`,
      topic: '研究部署党建工作', first_topic: { title: '学习习近平总书记重要讲话精神', source: '求是', speech_date: '2024-06-30' } })
    await ft.filter({ hasText: '1 / 1 次会议' }).waitFor({ timeout: LIVE_WAIT })
    assert.equal(await page.evaluate(() => window.xfNotReloaded), true, 'the wall changed without a reload')
    assert.equal(streams.length, 1, 'one stream, still open')
    await page.xfIdle()
    await assertFits(page, 'compliance wall at 1920x1080', { vertical: true })
    await screenshot(page, 'wall-compliance')

    await login(phone.page, url, 'dp')
    await openWall(phone, url, '/screen/compliance')
    await phone.page.locator('[data-test=wall-ft-quarter]', { hasText: '1 / 1 次会议' }).waitFor()
    await assertFits(phone.page, 'compliance wall at 390 px')
    await screenshot(phone.page, 'wall-compliance-phone')
    assertNoProblems({ 'the wall': wall, 'the phone': phone })
  } finally {
    await closeAll(server, wall, phone)
  }
})

test('the task wall and the points wall follow a task and an award live; the cockpit drills down', async () => {
  const server = await startServer('empty')
  const url = server.url
  const wall = await watchedPage(browser, { width: 1920, height: 1080 })
  const phone = await watchedPage(browser, { width: 390, height: 844 })
  const desk = await watchedPage(browser)
  try {
    const { com, b1, b2, m, rule } = await city(url)
    const { page } = wall
    await login(page, url, 'dp')
    await openWall(wall, url, '/screen/tasks')
    const tasks = page.locator('[data-test=wall-tasks] b')
    assert.equal(await tasks.textContent(), '0')
    // a task of this year: due in 20 days, or on the year's last day if sooner
    const due = [day(20), `${TODAY.slice(0, 4)}-12-31`].sort()[0]
    await com.post('/api/tasks', { org_id: b1.id, title: '推进模范机关建设', start_on: day(-10), due_on: due,
      milestones: [{ title: '总结', due_on: due }] })
    await page.locator('[data-test=wall-tasks] b', { hasText: '1' }).waitFor({ timeout: LIVE_WAIT })
    await page.xfIdle()
    await assertFits(page, 'task wall at 1920x1080', { vertical: true })
    await screenshot(page, 'wall-tasks')

    await openWall(wall, url, '/screen/points')
    assert.equal(await page.locator('[data-test=screen-members] li', { hasText: m.name }).count(), 0)
    await com.post('/api/ledger', { member_id: m.id, rule_id: rule.id, reason: '完成重点任务' })
    await page.locator('[data-test=screen-members] li', { hasText: m.name }).waitFor({ timeout: LIVE_WAIT })
    await page.xfIdle()
    await assertFits(page, 'points wall at 1920x1080', { vertical: true })
    await screenshot(page, 'wall-points')

    await login(phone.page, url, 'dp')
    for (const p of ['/screen/tasks', '/screen/points']) {
      await openWall(phone, url, p)
      await assertFits(phone.page, `${p} at 390 px`)
    }
    await screenshot(phone.page, 'wall-points-phone')
    await phone.page.goto(`${url}/screen/tasks`)
    await phone.page.locator('[data-test=wall-tasks] b', { hasText: '1' }).waitFor()
    await phone.page.xfIdle()
    await screenshot(phone.page, 'wall-tasks-phone')

    // the committee's cockpit: the tiles, the lagging second branch (a
    // meeting without its 第一议题 is not enough) and its drill-down
    await com.post('/api/meetings', { org_id: b2.id, kind: 'branch_committee', held_at: `${TODAY}T09:00:00+08:00`,
      topic: '支委会', first_topic: null })
    await login(desk.page, url, 'jggw')
    await desk.page.goto(`${url}/dashboard`)
    await desk.page.locator('[data-test=cockpit]').waitFor()
    await desk.page.xfIdle()
    const tile = (k) => desk.page.locator(`[data-test=tile-${k}]`)
    for (const k of ['compliance', 'first-topic', 'tasks', 'points']) await tile(k).waitFor()
    assert.match(await tile('first-topic').textContent(), /0 \/ 1 次会议/)
    assert.match(await tile('points').textContent(), new RegExp(m.name))
    assert.match(await tile('tasks').textContent(), /到期 0/)
    for (const w of ['compliance', 'tasks', 'points']) await desk.page.locator(`[data-test=wall-link-${w}]`).waitFor()
    await screenshot(desk.page, 'dashboard-cockpit')
    const lagging = desk.page.locator('[data-test=cockpit-lagging] li')
    if (await lagging.count()) {
      const first = lagging.first().locator('a').first()
      const name = (await first.textContent()).trim()
      await first.click()
      await desk.page.waitForURL(/\/compliance\?org=\d+&period=\d{4}Q[1-4]/)
      await desk.page.xfIdle()
      assert.ok(name.length > 0)
    }

    // a branch secretary's cockpit: its branch, the compliance figures as
    // text (季度督导 is the committees' page), on a phone
    await login(phone.page, url, 'sj')
    await phone.page.goto(`${url}/dashboard`)
    await phone.page.locator('[data-test=cockpit]').waitFor()
    await phone.page.xfIdle()
    assert.equal(await phone.page.locator('[data-test=tile-compliance]').evaluate((e) => e.tagName), 'DIV')
    assert.match(await phone.page.locator('[data-test=tile-points]').textContent(), new RegExp(m.name))
    assert.equal(await phone.page.locator('[data-test^=wall-link]').count(), 0)
    await assertFits(phone.page, 'the cockpit at 390 px')
    await screenshot(phone.page, 'dashboard-cockpit-phone')
    assertNoProblems({ 'the wall': wall, 'the phone': phone, 'the desk': desk })
  } finally {
    await closeAll(server, wall, phone, desk)
  }
})
