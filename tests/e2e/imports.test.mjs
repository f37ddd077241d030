// Browser test of 导入: a branch secretary opens 党员管理 → 导入, checks a
// CSV with an error (the error table names its row and column, nothing is
// written), checks and imports a correct one (the members appear in the
// list); on 组织架构 the same dialog imports a group under the branch.
// Fails on console errors, failed requests or unannounced HTTP errors, and
// leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, idNumber } from './lib.mjs'
import { dayFromToday } from '../clock.mjs'

const browser = await launchForFile()

const HEADER = '姓名,性别,身份证号码,手机号码,所属党组织,党员状态,入党日期'

test('a secretary checks and imports a roster and an organization from files', async () => {
  await browserTest(browser, { pages: { sec: "the secretary's" } }, async ({ url, admin, sec }) => {
    const root = await admin.org('中共市统计局党组', 'party_committee')
    const branch = await admin.org('统计局第一党支部', 'branch', root)
    await admin.user('tjsj', '第一党支部书记', 'secretary', branch)
    const joined = dayFromToday(-2000)
    const good = [
      `导入甲,男,${idNumber('33020119800101001')},13800000001,${branch.name},正式党员,${joined}`,
      `导入乙,女,${idNumber('33020119820202002')},13800000002,${branch.name},预备党员,${joined}`,
    ]

    const { page } = sec
    await loginTo(page, url, 'tjsj', '/members')
    await page.locator('[data-test=member-import]').click()
    const dlg = page.locator('[data-test=import-dialog]')
    await dlg.waitFor()
    assert.equal(await dlg.locator('[data-test=import-template]').getAttribute('href'), '/api/import/templates/members.xlsx')

    // a file with a wrong phone in its third row: 校验 lists it
    const bad = [HEADER, good[0], good[1].replace('13800000002', '123')].join('\r\n')
    await dlg.locator('[data-test=import-file]').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
    await dlg.locator('[data-test=import-check]').click()
    const errors = dlg.locator('[data-test=import-errors]')
    await errors.waitFor()
    const text = await errors.innerText()
    assert.match(text, /3\s+手机号码\s+手机号码应为11位大陆手机号/)
    assert.match(await dlg.locator('[data-test=import-summary]').innerText(), /共 2 行，1 行无误/)
    await screenshot(page, 'import-errors')

    // the corrected file: 校验 passes, 导入 imports both
    await dlg.locator('[data-test=import-file]').setInputFiles({ name: '名册.csv', mimeType: 'text/csv',
      buffer: Buffer.from([HEADER, ...good].join('\r\n')) })
    await dlg.locator('[data-test=import-check]').click()
    await dlg.getByText('校验通过：共 2 行，可以导入。').waitFor()
    await dlg.locator('[data-test=import-commit]').click()
    await page.getByText('已导入 2 条').waitFor()
    await page.locator('[data-test=member-table]').getByText('导入乙').waitFor()
    const list = await admin.get(`/api/members?org=${branch.id}`)
    assert.deepEqual(list.items.map((m) => m.name).sort(), ['导入乙', '导入甲'])

    // 组织架构: a group under the branch from a CSV
    await page.goto(`${url}/orgs`)
    await page.xfIdle()
    await page.locator('[data-test=org-import]').click()
    const odlg = page.locator('[data-test=import-dialog]')
    await odlg.waitFor()
    const orgs = `组织名称,上级组织,组织类型,层级\r\n第一党小组,${branch.name},党小组,市级\r\n`
    await odlg.locator('[data-test=import-file]').setInputFiles({ name: '组织.csv', mimeType: 'text/csv', buffer: Buffer.from(orgs) })
    await odlg.locator('[data-test=import-commit]').click()
    await page.getByText('已导入 1 条').waitFor()
    const kids = await admin.get(`/api/orgs/${branch.id}/children`)
    assert.deepEqual(kids.items.map((o) => o.name), ['第一党小组'])
    await page.xfIdle()
    await screenshot(page, 'import-orgs')
  })
})
