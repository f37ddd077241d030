// Browser test of 专项行动 and 党课库: a committee launches a campaign
// (through the API), a branch secretary reports an item on the campaign
// page; the committee rates it, sees the ranking and closes the campaign
// with a summary. The secretary also records a lecture in the library and
// nominates it into a case-selection call.
// Fails on console errors, failed requests or unannounced HTTP errors;
// leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, apiAs } from './lib.mjs'
import { todayShanghai } from '../clock.mjs'

const browser = await launchForFile()

test('a secretary reports a campaign item; the committee rates, ranks and closes; a lecture is recorded', async () => {
  await browserTest(browser, { pages: { com: "the committee's", sec: "the secretary's" } }, async ({ url, admin, com, sec }) => {
    const today = todayShanghai()
    const root = await admin.org('市直机关工委', 'work_committee')
    const b1 = await admin.org('市统计局第一党支部', 'branch', root)
    await admin.org('市统计局第二党支部', 'branch', root)
    await admin.user('jggw', '机关工委', 'committee', root)
    await admin.user('sj1', '一支部书记', 'secretary', b1)
    const jggw = await apiAs(url, 'jggw')
    const k = await jggw.post('/api/campaigns', {
      org_id: root.id, title: '亮身份比作风专项行动', goals: '党员亮身份，支部比作风', starts_on: today, ends_on: today,
      items: [{ title: '亮身份', kind: '亮' }, { title: '比作风', kind: '比' }],
    })
    assert.equal(k.participant_count, 2)
    const judge = await admin.user('pw1', '评委', 'judge', root)
    const call = await jggw.post('/api/case-calls', {
      title: '年度优秀党课评选', org_id: root.id, deadline: today, criteria: [{ name: '思想性', max: 100 }],
      tiers: [{ name: '十佳', places: 1 }], reviewer_ids: [judge.id],
    })

    // the secretary reports its item
    let page = sec.page
    await loginTo(page, url, 'sj1', `/campaigns/${k.id}`)
    await page.locator('[data-test=campaign-progress] tr', { hasText: '第一党支部' }).locator('[data-test=campaign-report]').click()
    await page.locator('textarea[name=text]').fill('全体党员佩戴党员徽章上岗')
    await page.locator('[data-test=campaign-report-save]').click()
    await page.getByText('报送成功').waitFor()
    await page.locator('[data-test=campaign-progress] tr', { hasText: '第一党支部' }).getByText('1 / 2').waitFor()
    await screenshot(page, 'campaign-reported')
    // and records a lecture
    await page.goto(`${url}/lectures`)
    await page.xfIdle()
    await page.locator('[data-test=lecture-new]').click()
    await page.locator('input[name=title]').fill('学习党章微党课')
    await page.locator('input[name=speaker]').fill('王书记')
    await page.locator('[data-test=lecture-save]').click()
    await page.getByText('党课已登记').waitFor()
    const row = page.locator('[data-test=lectures] tr', { hasText: '学习党章微党课' })
    await row.waitFor()
    // and nominates it for the year's best
    await row.locator('[data-test=lecture-nominate]').click()
    await page.locator('[data-test=lecture-nominate-save]').click()
    await page.getByText('已推荐到案例征集').waitFor()
    const subs = await jggw.get(`/api/case-calls/${call.id}/submissions`)
    assert.equal(subs.items[0].title, '学习党章微党课')

    // the committee rates, sees the ranking, closes
    page = com.page
    await loginTo(page, url, 'jggw', `/campaigns/${k.id}`)
    await page.getByRole('tab', { name: '报送 1' }).click()
    await page.locator('[data-test=campaign-reports] .el-rate__item').nth(3).click()
    await page.getByText('评分已保存').waitFor()
    await page.getByRole('tab', { name: '排名' }).click()
    const first = page.locator('[data-test=campaign-ranking] tbody tr').first()
    await first.getByText('第一党支部').waitFor()
    await first.getByText('4.00').waitFor()
    await page.locator('[data-test=campaign-close]').click()
    await page.locator('textarea[data-test=campaign-summary-input]').fill('各支部按要求完成亮比事项')
    await page.locator('[data-test=campaign-close-save]').click()
    await page.locator('[data-test=campaign-summary]', { hasText: '各支部按要求完成亮比事项' }).waitFor()
    await page.locator('[data-test=campaign-state]', { hasText: '已结束' }).waitFor()
    await screenshot(page, 'campaign-closed')
  })
})
