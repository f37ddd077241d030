// Browser test of the 机关文化 page on a phone (390 px): a member of a branch
// signs up for an activity of the committee above, which is full after it;
// a second member lands on the waiting list and sees its place; the first
// cancels and the second moves up. Fails on console errors, failed requests
// or unannounced HTTP errors; screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, apiAs, serverNow, PHONE } from './lib.mjs'

const browser = await launchForFile()

/** The server's now plus h hours, as ISO 8601 with +08:00. */
function isoIn(h) {
  const d = new Date(serverNow() + h * 3600e3 + 8 * 3600e3)
  return `${d.toISOString().slice(0, 19)}+08:00`
}

test('on a phone, members sign up; the waiting one moves up when a place is freed', async () => {
  await browserTest(browser, { pages: { one: ["the member's", PHONE] } }, async ({ url, admin, one }) => {
    const root = await admin.org('市直机关工委', 'work_committee')
    const branch = await admin.org('市统计局第一党支部', 'branch', root)
    const users = [['zs', '张三', '33020119800101001'], ['ls', '李四', '33020119810202003']]
    const members = []
    for (const [username, name, id17] of users) {
      const m = await admin.member(branch, name, id17, '13800000000', '2010-07-01')
      await admin.user(username, name, 'member', branch, { member_id: m.id })
      members.push(m)
    }
    const a = await admin.post('/api/activities', { title: '机关职工书画展', org_id: root.id, kind: 'culture',
      starts_at: isoIn(72), signup_closes_at: isoIn(48), place: '市民中心三楼', capacity: 1 })
    const ls = await apiAs(url, 'ls')
    const { page } = one
    await loginTo(page, url, 'zs', '/activities')
    const card = page.locator('[data-test=activity]', { hasText: '机关职工书画展' })
    await card.waitFor()
    await card.locator('[data-test=activity-join]').click()
    await page.getByText('报名成功').waitFor()
    await card.locator('[data-test=activity-status]', { hasText: '已报名' }).waitFor()
    await screenshot(page, 'activity-signed-up-phone')
    // the second member finds it full and waits
    const s = await ls.post(`/api/activities/${a.id}/signups`, {})
    assert.deepEqual([s.status, s.position], ['waiting', 1])
    await page.reload()
    await page.xfIdle()
    await card.locator('.counts', { hasText: '候补 1' }).waitFor()
    await card.locator('[data-test=activity-cancel]').click()
    await page.getByText('已取消报名').waitFor()
    await card.locator('[data-test=activity-join]').waitFor()
    const mine = await ls.get(`/api/activities/${a.id}`)
    assert.deepEqual([mine.my_status, mine.confirmed, mine.waiting], ['confirmed', 1, 0])
    // now full: signing up again puts the first member on the waiting list
    await card.locator('[data-test=activity-join]').click()
    await page.getByText('候补第 1 位').first().waitFor()
    await card.locator('[data-test=activity-status]', { hasText: '候补第 1 位' }).waitFor()
    await screenshot(page, 'activity-waiting-phone')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(wide <= 392, `page is ${wide}px wide`)
  })
})
