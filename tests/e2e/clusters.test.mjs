// Browser tests of 联建共建: in the demo city a committee opens a cluster
// from the list, sees its lead of the year, its joint projects and the
// roll-up of its members, creates a joint project of the cluster there and
// lands on the project's page with its partners and time nodes; the
// project is then in the list filtered by the cluster. Each test fails on
// console errors, failed requests or unannounced HTTP errors, and leaves
// screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, pickOrg } from './lib.mjs'

const browser = await launchForFile()

test('a committee opens a cluster, sees its projects and roll-up, and creates a project there', async () => {
  await browserTest(browser, { seed: 'demo', pages: { com: "the committee's" } }, async ({ url, admin, com }) => {
    const clusters = (await admin.get('/api/clusters?size=50')).items
    const first = clusters.find((c) => c.name === '第一片区')
    assert.ok(first.lead_org_name, 'the demo gives the cluster a lead')
    const page0 = await admin.get(`/api/clusters/${first.id}`)
    assert.ok(page0.projects.length >= 1, 'the demo gives the cluster a project')
    const { page } = com
    await loginTo(page, url, 'jggw', '/clusters')
    await page.locator(`[data-cluster="${first.id}"]`).click()
    await page.locator('[data-test=cluster-lead]', { hasText: first.lead_org_name }).waitFor()
    await page.locator('[data-test=cluster-projects] .el-table__row', { hasText: page0.projects[0].title }).waitFor()
    const rows = page.locator('[data-test=cluster-rollup] .el-table__body-wrapper .el-table__row')
    await rows.first().waitFor()
    assert.equal(await rows.count(), page0.rollup.rows.length)
    await page.locator('[data-test=cluster-total]').waitFor()
    await page.xfIdle()
    await screenshot(page, 'cluster-page')

    // a new project of the cluster
    await page.locator('[data-test=cluster-project-new]').click()
    const dialog = page.locator('.el-dialog', { hasText: '新建联建项目' })
    await dialog.waitFor()
    await dialog.locator('input[data-test=project-title]').fill('片区党建联盟共建项目')
    await pickOrg(page, dialog.locator('.el-form-item', { hasText: '牵头单位' }), first.lead_org_name)
    // partners: a multiple select searched by typing
    const partner = clusters.find((c) => c.name === '第二片区').orgs[0].name
    await dialog.locator('.el-form-item', { hasText: '共建单位' }).locator('.el-select').click()
    await page.keyboard.type(partner)
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: partner }).first().click()
    await dialog.locator('.el-dialog__title').click()
    await dialog.locator('button', { hasText: '添加节点' }).click()
    await dialog.locator('.ms-row input').first().fill('签订共建协议')
    await page.locator('[data-test=project-save]').click()
    await page.getByText('联建项目已创建').waitFor()
    await page.locator('.page-title', { hasText: '片区党建联盟共建项目' }).waitFor()
    await page.locator('[data-test=project-facts]', { hasText: first.name }).waitFor()
    await page.locator('.el-timeline-item', { hasText: '签订共建协议' }).waitFor()
    await page.xfIdle()
    await screenshot(page, 'joint-project-page')

    const list = await admin.get(`/api/joint-projects?cluster=${first.id}`)
    const made = list.items.find((p) => p.title === '片区党建联盟共建项目')
    assert.ok(made)
    assert.equal(made.partners.length, 1)
    assert.ok(made.task_id)
    await page.goto(`${url}/joint-projects?cluster=${first.id}`)
    await page.locator('[data-test=projects] .el-table__row', { hasText: '片区党建联盟共建项目' }).waitFor()
    await page.xfIdle()
  })
})
