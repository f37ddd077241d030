// Browser test of 发展党员: a branch secretary enters an applicant whose
// application was handed in two and a half years ago, and records every step
// in the "record step" dialog up to the approval: the steps fall due in
// order on the timeline, a step before its earliest date is refused with the
// server's rule shown in the dialog, the branch meeting's votes are entered,
// and at the approval the person is a 预备党员 with a member record. Dates
// come from the server's today. Fails on console errors, failed requests or
// unannounced HTTP errors; leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, idNumber } from './lib.mjs'
import { todayShanghai } from '../clock.mjs'

const browser = await launchForFile()

/** The server's today plus months (the day clamped to the month's end) plus days. */
function at(months, days = 0) {
  const [y, m, d] = todayShanghai().split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const ty = Math.floor(total / 12)
  const tm = total % 12
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate()
  return new Date(Date.UTC(ty, tm, Math.min(d, last)) + days * 86400000).toISOString().slice(0, 10)
}

const VOTE = { members: 10, absent: 1, present: 7, yes: 7 }
// [step code, label, date, figures]
const PATH = [
  ['talk', '党组织派人谈话', at(-30, 10)],
  ['activist', '推荐和确定入党积极分子', at(-29)],
  ['activist_filed', '入党积极分子报上级党委备案', at(-29, 5)],
  ['mentors', '指定培养联系人', at(-29, 5)],
  ['culture', '培养教育考察', at(-17), { assessments: 2, reports: 4 }],
  ['candidate', '确定发展对象', at(-17, 1)],
  ['candidate_filed', '发展对象报上级党委备案', at(-16)],
  ['sponsors', '确定入党介绍人', at(-16)],
  ['vetting', '进行政治审查', at(-16)],
  ['training', '开展集中培训', at(-16, 3), { training_days: 3 }],
  ['committee_review', '支部委员会审查', at(-15)],
  ['pre_review', '上级党委预审', at(-15, 5)],
  ['volunteer_form', '填写入党志愿书', at(-15, 7)],
  ['branch_vote', '支部大会讨论', at(-15, 10), VOTE],
  ['higher_talk', '上级党委派人谈话', at(-15, 15)],
  ['approval', '上级党委审批', at(-14)],
]

test('a secretary takes one applicant from the application to 预备党员', async () => {
  await browserTest(browser, { pages: { sec: "the secretary's" } }, async ({ url, admin, sec }) => {
    const root = await admin.org('市直机关工委', 'work_committee')
    const branch = await admin.org('市统计局第一党支部', 'branch', root)
    await admin.user('zbsj', '支部书记', 'secretary', branch)

    const { page } = sec
    await loginTo(page, url, 'zbsj', '/recruits')
    await page.locator('[data-test=recruit-new]').click()
    const form = page.locator('[data-test=recruit-form]')
    await form.waitFor()
    await form.locator('input[name=name]').fill('王小红')
    await form.locator('input[name=id_number]').fill(idNumber('33020119980315452'))
    await form.locator('input[name=phone]').fill('13900139000')
    const applied = form.locator('.el-date-editor input')
    await applied.fill(at(-30))
    await applied.press('Enter')
    await page.locator('[data-test=recruit-save]').click()

    // the person's page: the application done, the talk next
    await page.locator('[data-test=timeline]').waitFor()
    await page.locator('[data-test=line-apply][data-state=done]').waitFor()
    await page.locator('[data-test=line-talk][data-state=next]').waitFor()
    await page.locator('[data-test=recruit-stage]', { hasText: '入党申请人' }).waitFor()

    const record = async ([code, label, on, figures], { refusedOn } = {}) => {
      await page.locator('[data-test=step-new]').click()
      const f = page.locator('[data-test=step-form]')
      await f.waitFor()
      await f.locator('[data-test=step-select]', { hasText: label }).waitFor()
      const date = f.locator('.el-date-editor input')
      const save = async (day) => {
        await date.fill(day)
        await date.press('Enter')
        await page.locator('[data-test=step-save]').click()
      }
      for (const [k, v] of Object.entries(figures || {})) {
        const input = f.locator(`[data-test=fig-${k}] input`)
        await input.fill(String(v))
        await input.press('Tab')
      }
      if (refusedOn) {
        sec.expect('POST', '/api/recruits/', 422)
        await save(refusedOn)
        await page.locator('[data-test=rule-message]', { hasText: '满一年' }).waitFor()
        await screenshot(page, 'recruit-rule')
      }
      await save(on)
      await f.waitFor({ state: 'hidden' })
      await page.locator(`[data-test=line-${code}][data-state=done]`).waitFor()
    }
    for (const step of PATH) {
      // the culture a month short of its year is refused, and the rule is shown
      await record(step, step[0] === 'culture' ? { refusedOn: at(-18) } : {})
      if (step[0] === 'activist') await page.locator('[data-test=recruit-stage]', { hasText: '入党积极分子' }).waitFor()
      if (step[0] === 'candidate') await page.locator('[data-test=recruit-stage]', { hasText: '发展对象' }).waitFor()
    }
    await page.locator('[data-test=recruit-stage]', { hasText: '预备党员' }).waitFor()
    await page.locator('[data-test=line-approval_filed][data-state=next]').waitFor()
    await page.xfIdle()
    await screenshot(page, 'recruit-probationary')

    // the list shows the person as 预备党员; the member record exists
    await page.goto(`${url}/recruits`)
    await page.xfIdle()
    await page.locator('.el-tabs__item', { hasText: '预备党员' }).click()
    await page.locator('[data-test=recruits] .el-table__row', { hasText: '王小红' }).waitFor()
    const members = await admin.get(`/api/members?org=${branch.id}`)
    const m = members.items.find((x) => x.name === '王小红')
    assert.ok(m)
    assert.equal(m.status, 'probationary')
    assert.equal(m.joined_on, at(-14))
  })
})

