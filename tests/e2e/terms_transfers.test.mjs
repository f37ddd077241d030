// Browser test of 换届管理 and 组织关系转接 (组织管理): the secretary of a
// 机关党委 sees on the board a branch whose term ended in red (逾期) and one
// with no term (未登记任期), records the election of the latter with its
// 书记 in the dialog; on the transfers page an overdue transfer out shows in
// red (已超期), is approved and its arrival recorded. Fails on console
// errors, failed requests or unannounced HTTP errors; leaves screenshots in
// tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo } from './lib.mjs'
import { dayFromToday, addMonths } from '../clock.mjs'

const browser = await launchForFile()

test('a committee secretary keeps the terms board and handles a transfer out', async () => {
  await browserTest(browser, { pages: { sec: "the secretary's" } }, async ({ url, admin, sec }) => {
    const root = await admin.org('市直机关工委', 'work_committee')
    const unit = await admin.org('市统计局机关党委', 'organ_committee', root)
    const b1 = await admin.org('统计局第一党支部', 'branch', unit)
    const b2 = await admin.org('统计局第二党支部', 'branch', unit)
    const m1 = await admin.member(b1, '张三', '33020119850312451', '13800138000', '2010-07-01')
    await admin.member(b2, '李四', '33020119860412453', '13800138001', '2011-07-01')
    await admin.user('jgdw', '机关党委书记', 'secretary', unit)
    // b1's term ended ten days ago
    await admin.post(`/api/orgs/${b1.id}/terms`, { elected_on: addMonths(dayFromToday(-10), -36), entitled: 10, present: 9,
      positions: [{ member_id: m1.id, position: 'secretary', votes: 9 }] })
    // a transfer out whose letter was issued 100 days ago
    await admin.post('/api/transfers', { kind: 'out', member_id: m1.id, outside_org: '外省某厅机关党委',
      letter_no: '介字18号', issued_on: dayFromToday(-100) })

    const { page } = sec
    await loginTo(page, url, 'jgdw', '/terms')
    const board = page.locator('[data-test=terms-board]')
    await board.locator('.el-table__row', { hasText: '统计局第一党支部' }).locator('.overdue', { hasText: '逾期' }).waitFor()
    const row2 = board.locator('.el-table__row', { hasText: '统计局第二党支部' })
    await row2.locator('[data-test=term-days]', { hasText: '未登记任期' }).waitFor()
    await screenshot(page, 'terms-board')

    await row2.locator('[data-test=term-new]').click()
    const form = page.locator('[data-test=term-form]')
    await form.waitFor()
    await form.locator('input[name=entitled]').fill('20')
    await form.locator('input[name=present]').fill('18')
    await form.locator('[data-test=term-member] input').click()
    await form.locator('[data-test=term-member] input').fill('李四')
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '李四' }).first().click()
    await page.locator('[data-test=term-save]').click()
    await page.getByText(/已登记，本届任期至/).waitFor()
    await row2.locator('[data-test=term-days]', { hasText: '剩余' }).waitFor()
    const hist = await admin.get(`/api/orgs/${b2.id}/terms`)
    assert.equal(hist.total, 1)
    assert.equal(hist.items[0].years, 3)
    assert.equal(hist.items[0].positions[0].member_name, '李四')

    await page.goto(`${url}/transfers`)
    await page.xfIdle()
    const list = page.locator('[data-test=transfers]')
    const tr = list.locator('.el-table__row', { hasText: '张三' })
    await tr.locator('.overdue', { hasText: '已超期' }).waitFor()
    await screenshot(page, 'transfers-overdue')
    await tr.locator('[data-test=transfer-approve]').click()
    await page.getByText('已审批').first().waitFor()
    await tr.locator('[data-test=transfer-arrive]').click()
    await page.getByText('已登记到达').first().waitFor()
    await tr.getByText('已到达').waitFor()
    const all = await admin.get(`/api/transfers?org=${unit.id}`)
    assert.equal(all.items[0].state, 'arrived')
  })
})
