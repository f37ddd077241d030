// Browser tests of the 荣誉品牌 pages: a committee registers an honor of a
// branch in the form, sees the year's counts phrased as the report says
// them and attaches the certificate; on a phone, a committee opens a
// branch's brand, grades its year and sees the grade on the card. Each test
// fails on console errors, failed requests or unannounced HTTP errors, and
// leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, committeeAndBranch, screenshot, loginTo, apiAs, shanghaiToday, pickOrg, PHONE } from './lib.mjs'

const browser = await launchForFile()

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex')

test('a committee registers an honor, reads the year\'s counts and attaches the certificate', async () => {
  await browserTest(browser, { pages: { com: "the committee's" } }, async ({ url, admin, com }) => {
    const { branch } = await committeeAndBranch(admin)
    const [y, m, d] = shanghaiToday()
    const today = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    // two second prizes already in the registry
    for (let i = 0; i < 2; i++) {
      await admin.post('/api/honors', { title: `机关党建课题${i + 1}`, category: '调研成果', level: '省级', grade: '二等奖',
        year: y, awarded_by: '省直机关工委', awarded_on: today, org_id: branch.id })
    }
    const { page } = com
    await loginTo(page, url, 'jggw', '/honors')
    await page.locator('[data-test=honor-summary]', { hasText: '二等奖2个' }).waitFor()
    await page.locator('[data-test=honor-new]').click()
    const form = page.locator('[data-test=honor-form]')
    await form.waitFor()
    await form.locator('input[name=title]').fill('全省机关党建优秀调研成果')
    await pickOrg(page, form.locator('.el-form-item', { hasText: '获奖组织' }), '统计局')
    await form.locator('[data-test=honor-grade]').click()
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '一等奖' }).click()
    await form.locator('input[name=awarded_by]').fill('省直机关工委')
    await page.locator('[data-test=honor-save]').click()
    await page.getByText('荣誉成果已登记').waitFor()
    await page.locator('[data-test=honor-summary]', { hasText: '一等奖1个、二等奖2个' }).waitFor()
    const row = page.locator('[data-test=honors] .el-table__row', { hasText: '全省机关党建优秀调研成果' })
    await row.waitFor()
    await screenshot(page, 'honors-registered')

    // the certificate as proof
    await row.locator('[data-test=honor-proof]').click()
    const input = page.locator('.el-drawer [data-test=attachment-input]')
    await input.setInputFiles({ name: '获奖证书.png', mimeType: 'image/png', buffer: PNG })
    await page.locator('.el-drawer [data-test=attachment-link]', { hasText: '获奖证书.png' }).waitFor()
    await screenshot(page, 'honor-proof')
    const list = await admin.get(`/api/honors?org=${branch.id}&grade=一等奖`)
    assert.equal(list.total, 1)
    assert.equal(list.items[0].attachment_count, 1)
  })
})

test('on a phone, a committee grades a branch\'s brand for the year', async () => {
  await browserTest(browser, { pages: { com: ["the committee's", PHONE] } }, async ({ url, admin, com }) => {
    const { branch } = await committeeAndBranch(admin)
    const [y] = shanghaiToday()
    const sec = await apiAs(url, 'zbsj')
    const b = await sec.post('/api/brands', { org_id: branch.id, name: '数据先锋', slogan: '让数据说话，为发展服务', started_year: y - 1 })
    const { page } = com
    await loginTo(page, url, 'jggw', '/brands')
    const card = page.locator(`[data-test=brands] [data-brand="${b.id}"]`)
    await card.waitFor()
    await screenshot(page, 'brands-phone')
    await card.click()
    await page.locator('[data-test=brand-review]').click()
    await page.locator('.el-dialog .el-radio-button', { hasText: '良好' }).click()
    await page.locator('.el-dialog textarea').fill('品牌特色鲜明，数据服务成效明显')
    await page.locator('[data-test=brand-review-save]').click()
    await page.getByText(`${y}年度评价已保存`).waitFor()
    await page.locator('[data-test=brand-reviews]', { hasText: '数据服务成效明显' }).waitFor()
    await screenshot(page, 'brand-reviewed-phone')
    await page.keyboard.press('Escape')
    await card.locator('.el-tag', { hasText: `${y} 良好` }).waitFor()
    const got = await sec.get(`/api/brands/${b.id}`)
    assert.equal(got.last_grade, '良好')
    // the page fits the phone: nothing wider than the screen
    const wide = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(wide <= 392, `page is ${wide}px wide`)
  })
})
