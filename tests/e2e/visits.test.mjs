// Browser test of the 四必访 page (关心关爱): a branch secretary records a
// trigger for a member in the dialog and sees the visit owed with its days
// left; an overdue one shows in red as 超期; the secretary records the visit
// and it leaves the due list for the records, and the coverage tab counts
// it. Fails on console errors, failed requests or unannounced HTTP errors;
// leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo } from './lib.mjs'
import { dayFromToday } from '../clock.mjs'

const browser = await launchForFile()

test('a secretary records a trigger, sees the overdue one in red and records the visit', async () => {
  await browserTest(browser, { pages: { sec: "the secretary's" } }, async ({ url, admin, sec }) => {
    const root = await admin.org('市直机关工委', 'work_committee')
    const branch = await admin.org('市统计局第一党支部', 'branch', root)
    const m1 = await admin.member(branch, '张三', '33020119850312451', '13800138000', '2010-07-01')
    await admin.member(branch, '李四', '33020119860412453', '13800138001', '2011-07-01')
    await admin.user('zbsj', '支部书记', 'secretary', branch)
    // one already overdue: 重大变故 ten days ago (due in 3 days)
    await admin.post('/api/visits/triggers', { member_id: m1.id, kind: 'major_event', occurred_on: dayFromToday(-10) })

    const { page } = sec
    await loginTo(page, url, 'zbsj', '/visits')
    const due = page.locator('[data-test=visits-due]')
    await due.locator('.el-table__row', { hasText: '张三' }).locator('.overdue', { hasText: '超期 7 天' }).waitFor()

    await page.locator('[data-test=trigger-new]').click()
    const form = page.locator('[data-test=trigger-form]')
    await form.waitFor()
    await form.locator('[data-test=trigger-member] input').click()
    await form.locator('[data-test=trigger-member] input').fill('李四')
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '李四' }).first().click()
    await form.locator('.el-radio-button', { hasText: '生病住院' }).click()
    await page.locator('[data-test=trigger-save]').click()
    await page.getByText(`应于 ${dayFromToday(7)} 前走访`).waitFor()
    const row = due.locator('.el-table__row', { hasText: '李四' })
    await row.locator('[data-test=days-left]', { hasText: '剩余 7 天' }).waitFor()
    await screenshot(page, 'visits-due')

    await row.locator('[data-test=visit-new]').click()
    const vform = page.locator('[data-test=visit-form]')
    await vform.waitFor()
    await vform.locator('textarea[name=notes]').fill('住院慰问，恢复良好')
    await vform.locator('textarea[name=help_given]').fill('送慰问金')
    await page.locator('[data-test=visit-save]').click()
    await page.getByText('走访已登记').waitFor()
    await due.locator('.el-table__row', { hasText: '李四' }).waitFor({ state: 'detached' })

    await page.locator('.el-tabs__item', { hasText: '走访记录' }).click()
    await page.locator('[data-test=visits] .el-table__row', { hasText: '住院慰问，恢复良好' }).waitFor()
    await page.locator('.el-tabs__item', { hasText: '覆盖率' }).click()
    await page.locator('[data-test=visits-coverage] .el-table__row', { hasText: '统计局' }).waitFor()
    await screenshot(page, 'visits-coverage')
    const list = await admin.get(`/api/visits?org=${branch.id}`)
    assert.equal(list.total, 1)
    assert.equal(list.items[0].help_given, '送慰问金')
  })
})
