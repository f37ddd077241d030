// Browser test of the 实务指南 page: a committee writes an article in the
// editor and saves a second version; a member searches a two-character word,
// sees it marked in the result and the body, reads the kept versions and has
// no editor. Fails on console errors, failed requests or unannounced HTTP
// errors; leaves screenshots in tests/e2e/screenshots/.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, startServer, launch, watchedPage, screenshot, login, apiAs, idNumber, closeAll, assertNoProblems } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { if (browser) await browser.close() })

test('a committee writes an article with two versions; a member finds it by a two-character word', async () => {
  const server = await startServer('empty')
  const url = server.url
  const com = await watchedPage(browser)
  const mem = await watchedPage(browser, { width: 390, height: 844 })
  try {
    const admin = await apiAs(url, 'admin')
    const root = await admin.post('/api/orgs', { name: '市直机关工委', kind: 'work_committee', level: 'city', parent_id: null })
    const branch = await admin.post('/api/orgs', { name: '市统计局第一党支部', kind: 'branch', level: 'city', parent_id: root.id })
    const member = await admin.post('/api/members', { org_id: branch.id, name: '张三', gender: 'male',
      id_number: idNumber('33020119800101001'), phone: '13800000000', status: 'full', joined_on: '2010-07-01' })
    await admin.post('/api/users', { username: 'jggw', password: PASSWORD, display_name: '机关工委',
      roles: [{ role: 'committee', org_id: root.id }] })
    await admin.post('/api/users', { username: 'zs', password: PASSWORD, display_name: '张三',
      member_id: member.id, roles: [{ role: 'member', org_id: branch.id }] })
    await admin.post('/api/guide/articles', { title: '党费收缴办法', body: '按月交纳党费。' })

    // the committee writes, then edits into version 2
    let page = com.page
    await login(page, url, 'jggw')
    await page.goto(`${url}/guide`)
    await page.xfIdle()
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
    await login(page, url, 'zs')
    await page.goto(`${url}/guide`)
    await page.xfIdle()
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
  } finally {
    await closeAll(server, com, mem)
  }
  assertNoProblems({ "the committee's": com, "the member's": mem })
})
