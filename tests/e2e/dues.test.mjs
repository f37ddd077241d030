// Browser test of the 党费收缴 page: a branch secretary sets a member's base
// of this year by typing the income in 元 (3000.01 元 → 30.00 元 a month at
// 1%), pays November and December in the payment dialog (the amount shown
// is 60.00 元), and sees both months ticked in the grid and the totals
// tab count them; the member sees the months on 我的信息. Fails on console
// errors, failed requests or unannounced HTTP errors; leaves screenshots
// in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, login, loginTo, shanghaiToday } from './lib.mjs'

const browser = await launchForFile()

test('a secretary sets a base in 元, pays two months and sees them in the grid; the member sees them', async () => {
  await browserTest(browser, { pages: { sec: "the secretary's", mem: "the member's" } }, async ({ url, admin, sec, mem }) => {
    const [year] = shanghaiToday()
    const root = await admin.org('市直机关工委', 'work_committee')
    const branch = await admin.org('市财政局第一党支部', 'branch', root)
    const m1 = await admin.member(branch, '张三', '33020119850312451', '13800138000', '2010-07-01')
    await admin.user('zbsj', '支部书记', 'secretary', branch)
    await admin.user('zhangsan', '张三', 'member', branch, { member_id: m1.id })

    const { page } = sec
    await loginTo(page, url, 'zbsj', '/dues')
    const grid = page.locator('[data-test=dues-grid]')
    const row = grid.locator('.el-table__row', { hasText: '张三' })
    await row.waitFor()

    await row.locator('[data-test=base-edit]').click()
    const bform = page.locator('[data-test=base-form]')
    await bform.waitFor()
    await bform.locator('input[name=income]').fill('3000.01')
    await page.locator('[data-test=base-save]').click()
    await page.getByText('每月应缴 30.00 元').waitFor()
    await row.locator('[data-test=monthly]', { hasText: '30.00' }).waitFor()

    await row.locator('[data-test=pay-new]').click()
    const pform = page.locator('[data-test=pay-form]')
    await pform.waitFor()
    // exactly November and December
    const boxes = pform.locator('[data-test=pay-months] .el-checkbox')
    const n = await boxes.count()
    assert.equal(n, 12)
    for (let i = 0; i < n; i++) {
      const box = boxes.nth(i)
      const want = i >= 10
      const on = (await box.getAttribute('class')).includes('is-checked')
      if (on !== want) await box.click()
    }
    await pform.locator('[data-test=pay-amount]', { hasText: '60.00 元' }).waitFor()
    await pform.locator('input[name=payer]').fill('李四')
    await page.locator('[data-test=pay-save]').click()
    await page.getByText('已登记 2 个月党费，共 60.00 元').waitFor()
    await row.locator('[data-test=month-11]', { hasText: '✓' }).waitFor()
    await row.locator('[data-test=month-12]', { hasText: '✓' }).waitFor()
    await screenshot(page, 'dues-grid')

    await page.locator('.el-tabs__item', { hasText: '收缴统计' }).click()
    await page.locator('[data-test=dues-totals] .el-table__row', { hasText: '财政局' }).locator('td', { hasText: '60.00' }).first().waitFor()
    const t = await admin.get(`/api/dues/totals?org=${branch.id}&year=${year}`)
    assert.equal(t.total.paid_fen, 6000)

    await login(mem.page, url, 'zhangsan')
    await mem.page.goto(`${url}/me`)
    await mem.page.xfIdle()
    await mem.page.locator('[data-test=my-dues] .month.paid', { hasText: '12月' }).waitFor()
    await screenshot(mem.page, 'dues-mine')
  })
})
