// Browser tests of 创建评选 (creation programs): on a phone, a branch
// secretary opens the program the committee started, applies, fills in the
// checklist criterion by criterion and submits; on a desktop, the committee
// reviews the application per criterion and, after the candidates' notice
// has closed, decides — the branch then holds the honor in the registry.
// Each test fails on console errors, failed requests or unannounced HTTP
// errors, and leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, committeeAndBranch, screenshot, loginTo, apiAs, shanghaiToday, PHONE } from './lib.mjs'
import { dayFromToday } from '../clock.mjs'

const browser = await launchForFile()

const day = dayFromToday

async function city(url, admin) {
  const { root, branch } = await committeeAndBranch(admin)
  const com = await apiAs(url, 'jggw')
  const [y] = shanghaiToday()
  const program = await com.post('/api/programs', {
    title: `${y}年度模范机关创建`, kind: 'model', org_id: root.id, year: y,
    criteria: [{ name: '理论学习扎实', evidence: '第一议题学习记录' }, { name: '组织生活规范', evidence: '三会一课会议记录' }],
    applications_open: day(-1), applications_close: day(10), review_by: day(20),
  })
  return { com, root, branch, program, year: y }
}

test('a branch applies on a phone; the committee reviews and decides on a desktop', async () => {
  await browserTest(browser, { pages: { sec: ["the branch's", PHONE], boss: "the committee's" } }, async ({ url, admin, sec, boss }) => {
    const { com, branch, program, year } = await city(url, admin)

    // the branch, on its phone
    let page = sec.page
    await loginTo(page, url, 'zbsj', '/programs')
    await page.locator('[data-test=programs] .el-table__row', { hasText: '模范机关创建' }).click()
    await page.locator('[data-test=program-apply]').click()
    await page.getByText('已申报，请逐条填写自评').waitFor()
    await page.locator('[data-test=app-item-1]').waitFor()
    await page.locator('textarea[name=self-1]').fill('每次支委会第一议题学习重要讲话精神，记录完整')
    await page.locator('[data-test=item-save-1]').click()
    await page.getByText('第 1 条已保存').waitFor()
    await page.locator('textarea[name=self-2]').fill('三会一课按期召开')
    await page.locator('[data-test=app-item-2]').getByText('添加佐证').click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '链接' }).click()
    await page.locator('input[name=url-2-0]').fill('https://example.org/minutes')
    await page.locator('[data-test=item-save-2]').click()
    await page.getByText('第 2 条已保存').waitFor()
    await screenshot(page, 'program-application-phone')
    await page.locator('[data-test=app-submit]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '提交' }).click()
    await page.getByText('申报已提交').waitFor()
    await page.locator('[data-test=app-state]', { hasText: '已提交' }).waitFor()
    const wide = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(wide <= 392, `page is ${wide}px wide`)

    // the committee, at its desk: the review
    page = boss.page
    await loginTo(page, url, 'jggw', `/programs/${program.id}`)
    const row = page.locator('[data-test=program-apps] .el-table__row', { hasText: branch.name })
    await row.locator('[data-test=app-review]').click()
    await page.locator('[data-test=review-form]').waitFor()
    await page.locator('[data-test=review-item-2] .el-radio-button', { hasText: '达标' }).first().click()
    await screenshot(page, 'program-review')
    await page.locator('[data-test=review-save]').click()
    await page.getByText('评审意见已保存').waitFor()
    await row.getByText('列为候选').waitFor()

    // the candidates' notice, its window already past, then the decision
    await com.post(`/api/programs/${program.id}/publish`, { opens_on: day(-6), closes_on: day(-1) })
    await page.reload()
    await page.xfIdle()
    await page.locator('[data-test=program-apps] [data-test=app-choose]').click()
    await page.locator('[data-test=program-decide]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '认定' }).click()
    await page.getByText('已认定，荣誉已登记').waitFor()
    await page.locator('[data-test=program-apps] .el-table__row', { hasText: '已命名' }).waitFor()
    await screenshot(page, 'program-decided')
    const honors = await com.get(`/api/honors?org=${branch.id}`)
    assert.equal(honors.total, 1)
    assert.equal(honors.items[0].title, `${year}年度模范机关`)
    assert.equal(honors.items[0].source, 'program')

    // a decision made in error is withdrawn, with its honor
    await page.locator('[data-test=program-undecide]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '撤销' }).click()
    await page.getByText('认定已撤销').waitFor()
    await page.locator('[data-test=program-apps] .el-table__row', { hasText: '候选公示' }).waitFor()
    assert.equal((await com.get(`/api/honors?org=${branch.id}`)).total, 0)
  })
})
