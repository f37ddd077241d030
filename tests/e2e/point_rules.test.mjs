// Browser test of the rulebook page (积分细则) with 自动记分: an admin adds
// a member rule that scores attendance at a 党课 by itself, choosing the
// record kind and the meeting kind from selects; the table shows it as
// 自动记分; an organization rule for milestones done on time needs no
// approver picked; a 党课's attendance recorded through the API then gives
// the member its entry. Fails on console errors, failed
// requests or unannounced HTTP errors; screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, shanghaiToday } from './lib.mjs'

const browser = await launchForFile()

/** Picks the option with text of the select at locator sel. */
async function pick(page, sel, text) {
  await page.locator(sel).click()
  const opt = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first()
  await opt.waitFor()
  await opt.click()
}

test('an admin adds a rule that scores 党课 attendance by itself, and attendance scores it', async () => {
  await browserTest(browser, { pages: { w: "the admin's" } }, async ({ url, admin, w }) => {
    const root = await admin.org('中共市气象局党组', 'party_committee', null, { established_on: '2010-01-01' })
    const branch = await admin.org('第一党支部', 'branch', root, { established_on: '2010-01-01' })
    const member = await admin.member(branch, '程红旗', '33020119800101011', '13812345600', '2005-07-01')

    const { page } = w
    await loginTo(page, url, 'admin', '/points/rules')
    await page.locator('[data-test=rule-add]').click()
    const dlg = page.locator('.el-dialog:visible')
    await dlg.locator('.el-form-item', { hasText: '项目' }).locator('input').fill('参加党课')
    await pick(page, '[data-test=rule-record-kind]', '出席会议')
    await pick(page, '[data-test=rule-record-qualifier]', '党课')
    await screenshot(page, 'point-rule-record-form')
    await dlg.locator('button', { hasText: '保存' }).click()
    const tag = page.locator('[data-test=rules] [data-test=rule-record]', { hasText: '党课' })
    await tag.waitFor()
    assert.match(await tag.innerText(), /自动记分：出席会议 · 党课/)
    await screenshot(page, 'point-rules-record')

    // an organization rule scoring milestones done on time: no approval to pick
    await page.locator('.el-radio-button', { hasText: '组织积分' }).click()
    await page.xfIdle()
    await page.locator('[data-test=rule-add]').click()
    await dlg.locator('.el-form-item', { hasText: '项目' }).locator('input').fill('按期完成任务节点')
    await pick(page, '[data-test=rule-record-kind]', '按期完成时间节点')
    assert.equal(await dlg.locator('.el-form-item', { hasText: '审核' }).count(), 0)
    await dlg.locator('button', { hasText: '保存' }).click()
    await page.locator('[data-test=rules] [data-test=rule-record]', { hasText: '按期完成时间节点' }).waitFor()
    const orgRules = await admin.get('/api/point-rules?kind=org')
    assert.equal(orgRules.items[0].record_kind, 'milestone_on_time')
    assert.equal(orgRules.items[0].approver_role, 'committee')

    const today = shanghaiToday().map((x) => String(x).padStart(2, '0')).join('-')
    const mt = await admin.post('/api/meetings', { org_id: branch.id, kind: 'party_lecture', held_at: `${today}T00:00:01+08:00`,
      topic: '党课：学习党章', lecturer: '王书记' })
    await admin.put(`/api/meetings/${mt.id}/attendance`, { items: [{ member_id: member.id, status: 'present' }] })
    const led = await admin.get(`/api/ledger?member_id=${member.id}`)
    assert.equal(led.items.length, 1)
    assert.equal(led.items[0].source, 'record')
    assert.equal(led.items[0].record_ref, `attendance:${mt.id}:${member.id}`)
  })
})
