// Browser test of 导出Excel on the list pages: a committee exports the roster
// of its organization (ID numbers in full) and the meetings of one kind (the
// page's filter goes along); a branch secretary exports its roster with ID
// numbers masked as on its page; the audit page exports its rows. Each file
// is read back (tests/api/xlsx_sheet.mjs). Fails on console errors, failed
// requests or unannounced HTTP errors.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { launchForFile, browserTest, login, serverNow, idNumber } from './lib.mjs'
import { sheetOf } from '../api/xlsx_sheet.mjs'

const browser = await launchForFile()

/** Clicks the page's 导出Excel and reads the file it saves: {name, sheet}. */
async function exported(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-xlsx]').click()])
  const file = await dl.path()
  await page.xfIdle()
  return { name: dl.suggestedFilename(), sheet: sheetOf(readFileSync(file)) }
}

test('list pages export what they show: filters, scope and masking as on the page', async () => {
  await browserTest(browser, { seed: 'admin', pages: { com: "the committee's", sec: "the secretary's" } }, async ({ url, admin, com, sec }) => {
    const root = await admin.org('中共市气象局党组', 'party_committee', null, { established_on: '2010-01-01' })
    const branch = await admin.org('第一党支部', 'branch', root, { established_on: '2010-01-01' })
    const ids = [idNumber('33020119850101001'), idNumber('33020119900202003')]
    for (const [i, id] of ids.entries()) {
      await admin.post('/api/members', { name: `党员${"甲乙"[i]}`, gender: 'male', id_number: id, phone: `1380000000${i}`,
        org_id: branch.id, status: 'full', joined_on: '2010-07-01' })
    }
    await admin.user('jggw', '机关党委', 'committee', root)
    await admin.user('zbsj', '第一党支部书记', 'secretary', branch)
    const held = new Date(serverNow() - 86400e3).toISOString()
    await admin.post('/api/meetings', { org_id: branch.id, kind: 'theme_day', held_at: held, topic: '=主题党日' })
    await admin.post('/api/meetings', { org_id: branch.id, kind: 'party_lecture', held_at: held, topic: '党课', lecturer: '书记' })

    // the committee: the roster of its subtree, ID numbers in full
    await login(com.page, url, 'jggw')
    await com.page.xfIdle(1500) // the dashboard loads in waves: let it finish before leaving
    await com.page.goto(`${url}/members?org=${root.id}&subtree=1`)
    await com.page.xfIdle()
    const roster = await exported(com.page)
    assert.equal(roster.name, '中共市气象局党组党员名册.xlsx')
    assert.equal(roster.sheet.rows[2][1], '姓名')
    const rows = roster.sheet.rows.slice(3)
    assert.equal(rows.length, 2)
    assert.deepEqual(rows.map((r) => r[3]).sort(), [...ids].sort())

    // the meetings page's kind filter goes along
    await com.page.goto(`${url}/meetings?org=${branch.id}&kind=theme_day`)
    await com.page.xfIdle()
    const meetings = await exported(com.page)
    const mrows = meetings.sheet.rows.slice(3)
    assert.equal(mrows.length, 1)
    assert.equal(mrows[0][3], '主题党日')
    assert.equal(mrows[0][4], '=主题党日')
    assert.equal(meetings.sheet.cells.E4.kind, 's')

    // the audit page
    await com.page.goto(`${url}/audit`)
    await com.page.xfIdle()
    const audit = await exported(com.page)
    assert.equal(audit.sheet.rows[0][0], '操作日志')
    assert.ok(audit.sheet.rows.length > 3)

    // the secretary: its roster, masked as on its page
    await login(sec.page, url, 'zbsj')
    await sec.page.xfIdle(1500) // the dashboard loads in waves: let it finish before leaving
    await sec.page.goto(`${url}/members`)
    await sec.page.xfIdle()
    const shown = await sec.page.locator('[data-test=member-table] .mono').first().innerText()
    assert.match(shown, /\*{10}/)
    const masked = (await exported(sec.page)).sheet.rows.slice(3)
    assert.equal(masked.length, 2)
    for (const r of masked) assert.match(r[3], /^\d{4}\*{10}[\dX]{4}$/)
    assert.ok(masked.some((r) => r[3] === shown))
  })
})
