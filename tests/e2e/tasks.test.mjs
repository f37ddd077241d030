// Browser tests of the 挂图作战 pages: a branch secretary on a phone reports
// an overdue task done and marks a milestone of another, and the chart
// changes (colour and percent of both bars); a committee gives out a task
// with a milestone and cascades it to a branch; a committee edits a year
// plan, is told why a plan with tasks stays, and deletes an empty one.
// Each test fails on console
// errors, failed requests or unannounced HTTP errors, and leaves
// screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, committeeAndBranch, screenshot, login, loginTo, apiAs, shanghaiToday, PHONE } from './lib.mjs'
import { dayFromToday } from '../clock.mjs'

const browser = await launchForFile()

const day = dayFromToday

const city = (admin) => committeeAndBranch(admin, { root: ['中共市气象局党组', 'party_committee'], branch: '第一党支部',
  secretary: '第一党支部书记' })

const bar = (page, id) => page.locator(`[data-test=gantt-rows] li[data-task="${id}"]`)
async function barIs(page, id, status, percent) {
  await page.locator(`[data-test=gantt-rows] li[data-task="${id}"][data-status="${status}"][data-percent="${percent}"]`)
    .waitFor({ state: 'attached' })
}

test('a secretary reports progress on a phone and the task chart changes', async () => {
  await browserTest(browser, { pages: { sec: ["the secretary's", PHONE] } }, async ({ url, admin, sec }) => {
    const { branch } = await city(admin)
    // Overdue without milestones: red at 0%.
    const t1 = await admin.post('/api/tasks', { org_id: branch.id, title: '开展主题党日活动', owner: '王书记',
      start_on: day(-30), due_on: day(-1) })
    // An overdue milestone makes the whole task red.
    const t2 = await admin.post('/api/tasks', { org_id: branch.id, title: '组织生活会准备', start_on: day(-30), due_on: day(20),
      milestones: [{ title: '征求意见', due_on: day(-2) }, { title: '召开组织生活会', due_on: day(15) }] })

    const { page } = sec
    await loginTo(page, url, 'zbsj', '/tasks?year=')
    await barIs(page, t1.id, 'red', 0)
    await barIs(page, t2.id, 'red', 0)
    await screenshot(page, 'tasks-before-phone')

    // Report the first task done, with a note.
    await page.locator(`[data-test=task-cards] li[data-task="${t1.id}"]`).click()
    const drawer = page.locator('[data-test=task-drawer]')
    await drawer.locator('[data-test=task-status][data-status=red]').waitFor()
    const pct = drawer.locator('[data-test=report-percent] input')
    await pct.fill('100')
    await pct.press('Tab')
    await drawer.locator('textarea[name=note]').fill('主题党日活动已开展，32名党员参加')
    await drawer.locator('[data-test=report-submit]').click()
    await page.getByText('进展已填报：完成 100%，已完成').waitFor()
    await drawer.locator('[data-test=task-status][data-status=done]').waitFor()
    assert.match(await drawer.locator('[data-test=reports]').innerText(), /32名党员参加/)
    await barIs(page, t1.id, 'done', 100)
    await page.xfIdle()
    await screenshot(page, 'task-reported-phone')
    await page.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })

    // Mark the overdue milestone of the second task done: caught up late (yellow), half done.
    await page.locator(`[data-test=task-cards] li[data-task="${t2.id}"]`).click()
    await drawer.locator('[data-test=milestones] li[data-status=overdue] [data-test=milestone-done]').click()
    await page.getByText('时间节点“征求意见”已完成').waitFor()
    await drawer.locator('[data-test=task-status][data-status=yellow]').waitFor()
    await barIs(page, t2.id, 'yellow', 50)
    await page.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
    assert.match(await bar(page, t2.id).innerText(), /滞后已追赶，完成50%/)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `task page is ${overflow}px wider than the phone`)
    await page.xfIdle()
    await screenshot(page, 'tasks-after-phone')
  })
})

test('a committee gives out a task with a milestone and cascades it to a branch', async () => {
  await browserTest(browser, { pages: { com: "the committee's" } }, async ({ url, admin, com }) => {
    await city(admin)
    const { page } = com
    const [y] = shanghaiToday()
    await loginTo(page, url, 'jggw', `/tasks?year=${y}`)
    await page.getByText('没有符合条件的任务').waitFor()

    await page.locator('[data-test=task-new]').click()
    const form = page.locator('[data-test=task-form]')
    await form.locator('input[name=title]').fill('党支部标准化规范化建设')
    await form.locator('input[name=owner]').fill('组织科')
    await form.locator('[data-test=ms-add]').click()
    await form.locator('input[name=ms-title-0]').fill('完成自查')
    const due = form.locator('input[name=ms-due-0]')
    await due.click()
    await due.fill(`${y}-06-30`)
    await due.press('Enter')
    await page.locator('[data-test=task-save]').click()

    // Right after saving: cascade to the branch below.
    const dlg = page.locator('.el-dialog', { hasText: '下达到下级组织' })
    await dlg.waitFor()
    // The tree loads while the dialog opens; the dialog's focus trap can close
    // a dropdown opened during its opening transition, so open it until it stays.
    await dlg.locator('.el-loading-mask').waitFor({ state: 'detached' })
    const node = page.locator('.el-tree-select__popper:visible .el-tree-node', { hasText: '第一党支部' })
    for (let i = 0; i < 5; i++) {
      if (!(await node.isVisible())) await dlg.locator('[data-test=cascade-orgs]').click()
      await page.waitForTimeout(400)
      if (await node.isVisible()) break
    }
    await node.locator('.el-checkbox').click()
    await dlg.locator('.el-dialog__title').click() // closes the tree's dropdown
    await dlg.locator('[data-test=cascade-submit]').click()
    await page.getByText('已下达到 1 个下级组织').waitFor()

    // The new task opens with its child; the chart has both rows.
    const drawer = page.locator('[data-test=task-drawer]')
    await drawer.locator('[data-test=children] li', { hasText: '第一党支部' }).waitFor()
    assert.match(await drawer.locator('[data-test=milestones]').innerText(), /完成自查/)
    await page.xfIdle()
    assert.equal(await page.locator('[data-test=gantt-rows] li', { hasText: '党支部标准化规范化建设' }).count(), 2)
    await screenshot(page, 'task-cascaded')
  })
})

test('a committee edits a year plan and deletes an empty one; a plan with tasks stays and the page says why', async () => {
  await browserTest(browser, { pages: { com: "the committee's" } }, async ({ url, admin, com }) => {
    const { root, branch } = await city(admin)
    const api = await apiAs(url, 'jggw')
    const year = Number(day(0).slice(0, 4))
    const full = await api.post('/api/plans', { org_id: root.id, year, title: '党建工作要点（征求意见稿）',
      items: [{ title: '支部标准化建设', lead_org_id: branch.id }] })
    const empty = await api.post('/api/plans', { org_id: root.id, year, title: '误建的空计划', items: [] })

    const { page } = com
    await login(page, url, 'jggw')
    await page.xfIdle(1500) // the dashboard's later waves, not to be aborted
    await page.goto(`${url}/plans`)
    await page.xfIdle()
    const row = (text) => page.locator('[data-test=plans] .el-table__body tr', { hasText: text })
    await row(full.title).waitFor()
    // the items' lead organization is shown with its parent
    await row(full.title).locator('.el-table__expand-icon').click()
    await page.locator('[data-test=plans]', { hasText: `第一党支部（${root.name}）` }).waitFor()

    // edit the title
    await row(full.title).locator('[data-test=plan-edit]').click()
    const form = page.locator('[data-test=plan-edit-form]')
    await form.waitFor()
    await form.locator('input[name=title]').fill('党建工作要点')
    await page.locator('[data-test=plan-edit-save]').click()
    await row('党建工作要点').filter({ hasNotText: '征求意见稿' }).waitFor()
    assert.equal((await api.get(`/api/plans/${full.id}`)).title, '党建工作要点')

    // the year of a plan with tasks stays: the server's reason shows at the field
    await row('党建工作要点').filter({ hasNotText: '空计划' }).locator('[data-test=plan-edit]').click()
    await form.waitFor()
    await form.locator('[data-test=plan-edit-year]').click()
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: `${year + 1}年度` }).click()
    com.expect('PATCH', `/api/plans/${full.id}`, 409)
    await page.locator('[data-test=plan-edit-save]').click()
    await form.locator('.el-form-item__error', { hasText: '不能修改年度' }).waitFor()
    await screenshot(page, 'plan-edit-year-refused')
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'hidden' })

    // a plan with tasks is not deleted: the reason is shown in a box
    await row('党建工作要点').filter({ hasNotText: '空计划' }).locator('[data-test=plan-delete]').click()
    com.expect('DELETE', `/api/plans/${full.id}`, 409)
    await page.locator('.el-message-box', { hasText: '确定删除年度计划' }).getByRole('button', { name: '删除' }).click()
    const box = page.locator('.el-message-box', { hasText: '请先' })
    await box.waitFor()
    assert.match(await box.innerText(), /1 项任务/)
    await screenshot(page, 'plan-delete-refused')
    await box.getByRole('button', { name: '知道了' }).click()
    assert.equal((await api.get(`/api/plans/${full.id}`)).id, full.id)

    // an empty plan goes after the confirmation; cancelling keeps it
    await row(empty.title).locator('[data-test=plan-delete]').click()
    await page.locator('.el-message-box', { hasText: empty.title }).getByRole('button', { name: '取消' }).click()
    await row(empty.title).locator('[data-test=plan-delete]').click()
    await page.locator('.el-message-box', { hasText: empty.title }).getByRole('button', { name: '删除' }).click()
    await row(empty.title).waitFor({ state: 'detached' })
    const left = await api.get('/api/plans')
    assert.deepEqual(left.items.map((p) => p.id), [full.id])
  })
})
