// Browser test of the 实务指南 page: a committee writes an article in the
// editor and saves a second version; a member searches a two-character word,
// sees it marked in the result and the body, reads the kept versions and has
// no editor. Fails on console errors, failed requests or unannounced HTTP
// errors; leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, PHONE } from './lib.mjs'

const browser = await launchForFile()

test('a committee writes an article with two versions; a member finds it by a two-character word', async () => {
  await browserTest(browser, { pages: { com: "the committee's", mem: ["the member's", PHONE] } }, async ({ url, admin, com, mem }) => {
    const root = await admin.org('市直机关工委', 'work_committee')
    const branch = await admin.org('市统计局第一党支部', 'branch', root)
    const member = await admin.member(branch, '张三', '33020119800101001', '13800000000', '2010-07-01')
    await admin.user('jggw', '机关工委', 'committee', root)
    await admin.user('zs', '张三', 'member', branch, { member_id: member.id })
    await admin.post('/api/guide/articles', { title: '党费收缴办法', body: '按月交纳党费。' })

    // the committee writes, then edits into version 2
    let page = com.page
    await loginTo(page, url, 'jggw', '/guide')
    await page.locator('[data-test=guide-new]').click()
    await page.locator('input[data-test=guide-title]').fill('如何召开支委会')
    await page.locator('textarea[data-test=guide-text]').fill('支委会每月召开一次。')
    await page.locator('[data-test=guide-save]').click()
    await page.getByText('文章已发布').waitFor()
    await page.locator('[data-test=guide-edit]').click()
    await page.locator('textarea[data-test=guide-text]').fill('支委会每月至少召开一次，会前确定议题。')
    await page.locator('[data-test=guide-save]').click()
    await page.getByText('已保存为第 2 版').waitFor()
    await screenshot(page, 'guide-edited')

    // a member searches a two-character word
    page = mem.page
    await loginTo(page, url, 'zs', '/guide')
    await page.locator('input[data-test=guide-q]').fill('议题')
    await page.locator('[data-test=guide-search]').click()
    await page.locator('[data-test=guide-result-count]', { hasText: '找到 1 篇文章' }).waitFor()
    const item = page.locator('[data-test=guide-list] .item', { hasText: '如何召开支委会' })
    await item.click()
    await page.locator('[data-test=guide-body] mark', { hasText: '议题' }).waitFor()
    assert.equal(await page.locator('[data-test=guide-edit]').count(), 0)
    await page.getByRole('tab', { name: '历史版本' }).click()
    await page.locator('[data-test=guide-versions] .el-collapse-item', { hasText: '第 1 版' }).waitFor()
    assert.equal(await page.locator('[data-test=guide-versions] .el-collapse-item').count(), 2)
    await screenshot(page, 'guide-member-search')
  })
})
