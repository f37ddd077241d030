// Browser test of case selection (案例评选): a branch secretary submits a
// case in the form; after the close five reviewers score it blind (through
// the API); the committee ranks the cases into tiers on the call page,
// publishes them, decides early, and the case library shows the selected
// case with its tier and full text. Fails on console errors, failed
// requests or unannounced HTTP errors; screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, login, loginTo, apiAs, shanghaiToday, pickOrg } from './lib.mjs'

const browser = await launchForFile()

test('a case from submission to selection and the library', async () => {
  await browserTest(browser, { pages: { sec: "the secretary's", com: "the committee's", judge: "the reviewer's" } }, async ({ url, admin, sec, com, judge }) => {
    const root = await admin.org('市直机关工委', 'work_committee')
    const b1 = await admin.org('市统计局第一党支部', 'branch', root)
    const b2 = await admin.org('市财政局第一党支部', 'branch', root)
    await admin.user('jggw', '机关工委', 'committee', root)
    await admin.user('zbsj', '支部书记', 'secretary', b1)
    await admin.user('czsj', '财政支部书记', 'secretary', b2)
    const reviewers = []
    for (let i = 1; i <= 5; i++) {
      const u = await admin.user(`zj${i}`, `专家${"甲乙丙丁戊"[i - 1]}`, 'judge', root)
      reviewers.push(u)
    }
    const [y, m, d] = shanghaiToday()
    const today = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    const jggw = await apiAs(url, 'jggw')
    const call = await jggw.post('/api/case-calls', { title: '机关党建十佳实践案例征集', org_id: root.id, deadline: today,
      criteria: [{ name: '创新性', max: 50 }, { name: '实效性', max: 50 }],
      tiers: [{ name: '十佳', places: 1 }, { name: '百优', places: 5 }], reviewer_ids: reviewers.map((u) => u.id) })
    // another branch's case, submitted through the API
    const other = await (await apiAs(url, 'czsj')).post(`/api/case-calls/${call.id}/submissions`,
      { title: '预算绩效党建融合', org_id: b2.id, summary: '财政支部的做法', text: '全文' })

    // the secretary submits in the form
    await login(sec.page, url, 'zbsj')
    await sec.page.goto(`${url}/cases/calls/${call.id}`)
    await sec.page.xfIdle()
    await sec.page.locator('[data-test=case-submit]').click()
    const form = sec.page.locator('[data-test=case-form]')
    await form.waitFor()
    await form.locator('input[name=title]').fill('数据赋能党建“一张图”')
    await pickOrg(sec.page, form.locator('.el-form-item', { hasText: '报送组织' }), '统计局')
    await form.locator('textarea[name=summary]').fill('以统计数据支撑支部工作的做法')
    await form.locator('textarea[name=text]').fill('一、背景。二、做法：数据一张图。三、成效。')
    await sec.page.locator('[data-test=case-save]').click()
    await sec.page.getByText('案例已报送').waitFor()
    await sec.page.locator('[data-test=case-submissions] .el-table__row', { hasText: '数据赋能党建' }).waitFor()
    await screenshot(sec.page, 'case-submitted')

    // close; five reviewers score blind
    await jggw.post(`/api/case-calls/${call.id}/close`)
    const subs = (await jggw.get(`/api/case-calls/${call.id}/submissions`)).items
    const mine = subs.find((s) => s.title.startsWith('数据赋能'))
    for (let i = 1; i <= 5; i++) {
      const r = await apiAs(url, `zj${i}`)
      const view = await r.get(`/api/case-calls/${call.id}/assignments`)
      assert.ok(!JSON.stringify(view).includes('统计局'), 'blind review')
      if (i > 1) await r.put(`/api/case-submissions/${mine.id}/scores`, { scores: { 创新性: 45, 实效性: 40 + i } })
      await r.put(`/api/case-submissions/${other.id}/scores`, { scores: { 创新性: 30, 实效性: 30 } })
    }
    // the first reviewer scores on its page, which names no organization
    await login(judge.page, url, 'zj1')
    await judge.page.goto(`${url}/cases/review?id=${call.id}`)
    await judge.page.xfIdle()
    const item = judge.page.locator('[data-test=case-assignments] .el-collapse-item', { hasText: '数据赋能党建' })
    await item.locator('.el-collapse-item__header').click()
    await item.getByText('数据一张图').waitFor()
    assert.ok(!(await judge.page.content()).includes('统计局'), 'the reviewer\'s page is blind')
    const inputs = item.locator('.el-input-number input')
    await inputs.nth(0).fill('45')
    await inputs.nth(1).fill('41')
    await inputs.nth(1).press('Tab')
    await item.getByRole('button', { name: '保存评分' }).click()
    await judge.page.getByText('评分已保存').waitFor()
    await item.locator('.el-tag', { hasText: '已评分' }).waitFor()
    await screenshot(judge.page, 'case-review')

    // the committee ranks, publishes and decides on the call page
    const { page } = com
    await loginTo(page, url, 'jggw', `/cases/calls/${call.id}`)
    await page.locator('[data-test=case-select]').click()
    await page.getByText('已按排名评定等次').waitFor()
    const top = page.locator('[data-test=case-submissions] .el-table__row').first()
    await top.filter({ hasText: '数据赋能党建' }).filter({ hasText: '十佳' }).waitFor()
    await page.locator('[data-test=case-submissions] .el-table__row', { hasText: '预算绩效' }).filter({ hasText: '百优' }).waitFor()
    await screenshot(page, 'case-selected')
    await page.locator('[data-test=case-publish]').click()
    await page.getByText('评选结果已公示').waitFor()
    // the page reloads the call after publishing: let it finish first
    await page.xfIdle()
    // the 公示 lists the selected cases with their scores
    await page.goto(`${url}/points/notices`)
    await page.xfIdle()
    await page.locator('[data-test=notices] .el-table__row', { hasText: '机关党建十佳实践案例征集' }).click()
    const rows = page.locator('[data-test=notice-detail] [data-test=notice-rows]')
    await rows.locator('.el-table__row', { hasText: '数据赋能党建' }).filter({ hasText: '88' }).waitFor()
    await rows.locator('.el-table__row', { hasText: '预算绩效' }).filter({ hasText: '60' }).waitFor()
    await screenshot(page, 'case-notice')
    await page.xfIdle()
    await page.goto(`${url}/cases/calls/${call.id}`)
    await page.xfIdle()
    await page.locator('[data-test=case-decide-early]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '认定' }).click()
    await page.getByText('入选案例已记入荣誉').waitFor()
    await page.locator('[data-test=case-stage]', { hasText: '已决定' }).waitFor()
    await page.xfIdle()

    // the library shows it, with its tier and full text
    await page.goto(`${url}/cases/library`)
    await page.xfIdle()
    const card = page.locator('[data-test=case-library] .el-card', { hasText: '数据赋能党建' })
    await card.filter({ hasText: '十佳' }).waitFor()
    await screenshot(page, 'case-library')
    await card.click()
    await page.locator('[data-test=case-text]', { hasText: '数据一张图' }).waitFor()
    const honors = await jggw.get(`/api/honors?org=${b1.id}`)
    assert.equal(honors.items.filter((h) => h.source === 'case' && h.grade === '十佳').length, 1)
  })
})
