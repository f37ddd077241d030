// Browser tests of the 考核评价 pages on the demo city: the admin creates a
// scheme from the five_star template for the city, sees the sums checked
// in the editor and publishes it; the 硬核指数 board ranks the branches and
// a row opens the explanation, where the admin scores a manual item. Then
// a star rating goes from the self-assessment of a branch (its unit's
// secretary) through the review, a 公示 whose window has passed, to the
// decision, and the figure of the city counts it. Each step fails on
// console errors, failed requests or unannounced HTTP errors, and leaves
// screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SHOTS, startServer, launchForFile, watchedPage, screenshot, login, pickOrg, apiAs } from './lib.mjs'
import { dayFromToday, thisYear } from '../clock.mjs'

const browser = await launchForFile()

/** Types a date into the Element Plus date picker of a form item. */
async function fillDate(scope, value) {
  const input = scope.locator('input')
  await input.fill(value)
  await input.press('Enter')
  await scope.locator('.el-form-item__label').click()
}

/** A scheme from a template for the city (the demo's root), published. */
async function cityScheme(url, name, template) {
  const admin = await apiAs(url, 'admin')
  const city = (await admin.get('/api/orgs?roots=1')).items[0]
  const s = await admin.post('/api/schemes', { name, year: thisYear(), org_id: city.id, template })
  return admin.post(`/api/schemes/${s.id}/publish`, {})
}

/** Logs username in, opens the form of a new scheme and names it. */
async function newScheme(page, url, username, name) {
  await login(page, url, username)
  await page.goto(`${url}/assessment/schemes`)
  await page.xfIdle()
  await page.locator('[data-test=scheme-new]').click()
  const form = page.locator('[data-test=scheme-form]')
  await form.locator('input[name=name]').fill(name)
  return form
}

test('a scheme from a template, the index board and its explanation', async () => {
  const server = await startServer('demo')
  const { url } = server
  const w = await watchedPage(browser)
  const { page } = w
  try {
    const form = await newScheme(page, url, 'admin', '五星支部创评办法')
    await pickOrg(page, form.locator('.el-form-item', { hasText: '制定组织' }), '中共市直属机关工作委员会')
    await form.locator('[data-template=five_star]').waitFor()
    await screenshot(page, 'scheme-create')
    await form.locator('[data-test=scheme-create]').click()

    // the editor: 100 points at the first level, a draft
    await page.locator('[data-test=scheme-state][data-state=draft]').waitFor()
    await page.locator('[data-test=scheme-top-sum][data-sum="100"]').waitFor()
    await page.xfIdle()
    await screenshot(page, 'scheme-editor')
    // an extra first-level indicator breaks the sum until it is removed
    await page.locator('[data-test=indicator-add]').click()
    const ind = page.locator('[data-test=indicator-form]')
    await ind.locator('input[name=code]').fill('XX')
    await ind.locator('input[name=title]').fill('临时指标')
    await ind.locator('[data-test=indicator-save]').click()
    await page.locator('[data-test=scheme-top-sum][data-sum="110"]').waitFor()
    await page.locator('[data-test=indicator-tree] tr', { hasText: '临时指标' }).getByRole('button', { name: '删除' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
    await page.locator('[data-test=scheme-top-sum][data-sum="100"]').waitFor()

    await page.locator('[data-test=scheme-publish]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '发布' }).click()
    await page.locator('[data-test=scheme-state][data-state=published]').waitFor()
    await page.locator('[data-test=scheme-version]').waitFor()

    // the board of the city's branches
    await page.goto(`${url}/assessment/index`)
    await page.locator('[data-test=index-board] .el-table__row').first().waitFor()
    await page.locator('[data-test=index-radar] canvas').waitFor()
    await page.xfIdle()
    await screenshot(page, 'index-board')
    await page.locator('[data-test=index-radar]').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/index-radar.png` })
    const rows = await page.locator('[data-test=index-board] .el-table__row').count()
    assert.ok(rows >= 5, `branches ranked (${rows})`)

    // the first row explained; the admin scores the manual item 三级五岗
    const first = page.locator('[data-test=index-board] .el-table__row').first()
    const orgName = (await first.locator('td').nth(1).innerText()).split('（')[0]
    await first.click()
    await page.locator('[data-test=explain-tree]').waitFor()
    assert.match(await page.locator('.page-title').first().innerText(), new RegExp(orgName))
    await page.locator('[data-test=score-DT]').click()
    const sf = page.locator('[data-test=score-form]')
    await sf.locator('.el-input-number input').fill('18')
    await sf.locator('textarea').fill('述职材料齐全，岗位职责落实到位')
    await sf.locator('[data-test=score-save]').click()
    await page.locator('[data-test=explain-score]', { hasText: '述职材料齐全' }).waitFor()
    await page.locator('[data-test=explain-tree] [data-code=DT]', { hasText: '18' }).waitFor()
    await page.xfIdle()
    await screenshot(page, 'index-explain')
    assert.deepEqual(w.problems, [])
  } finally {
    await w.context.close()
    await server.stop()
  }
})

test('a star rating from self-assessment to decision, and the figure', async () => {
  const server = await startServer('demo')
  const { url } = server
  await cityScheme(url, '五星支部创评办法', 'five_star')
  // a branch of the unit whose secretary is qxj
  const qxj = await apiAs(url, 'qxj')
  const branch = (await qxj.get('/api/orgs?kind=branch')).items[0]

  const sec = await watchedPage(browser)
  const adm = await watchedPage(browser)
  try {
    // the secretary assesses the branch
    await login(sec.page, url, 'qxj')
    await sec.page.goto(`${url}/assessment/stars`)
    const card = sec.page.locator('[data-test=self-assessment]')
    await card.waitFor()
    await sec.page.xfIdle()
    await pickOrg(sec.page, card.locator('.toolbar'), branch.name)
    await card.locator('[data-test=self-submit]').waitFor()
    await sec.page.xfIdle()
    await card.locator('[data-test=self-claimed] .el-rate__item').nth(3).click()
    await card.locator('textarea[name=note]').fill('全年组织生活规范，重点任务按期完成')
    await card.locator('input[name=evidence-0]').fill('支部工作总结')
    await card.getByRole('button', { name: '添加一项' }).click()
    await card.locator('input[name=evidence-1]').fill('https://example.org/zongjie')
    await screenshot(sec.page, 'stars-self')
    await card.locator('[data-test=self-submit]').click()
    await card.locator('[data-test=my-rating]', { hasText: '已自评' }).waitFor()
    assert.deepEqual(sec.problems, [])

    // the admin reviews it at the stars the index computes
    const { page } = adm
    await login(page, url, 'admin')
    await page.goto(`${url}/assessment/stars`)
    const row = page.locator('[data-test=ratings] .el-table__row', { hasText: branch.name })
    await row.waitFor()
    await row.getByRole('button', { name: '评定' }).click()
    const rv = page.locator('[data-test=review-form]')
    await rv.getByText('支部工作总结').waitFor()
    await rv.locator('textarea[name=visit_notes]').fill('实地察看支部活动阵地，台账齐全')
    await screenshot(page, 'stars-review')
    await rv.locator('[data-test=review-save]').click()
    await row.locator('[data-state=reviewed]').waitFor()

    // a 公示 whose window has passed, then the decision
    await page.locator('[data-test=star-notice-new]').click()
    const nf = page.locator('[data-test=star-notice-form]')
    await fillDate(nf.locator('.el-form-item', { hasText: '开始日期' }), dayFromToday(-10))
    await fillDate(nf.locator('.el-form-item', { hasText: '截止日期' }), dayFromToday(-1))
    await nf.locator('[data-test=star-notice-publish]').click()
    await page.getByText('已发布公示').first().waitFor()
    await row.getByRole('button', { name: '认定' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '认定' }).click()
    await row.locator('[data-state=decided]').waitFor()
    await page.locator('[data-test=star-figure]', { hasText: '已认定 1 个组织' }).waitFor()
    await page.xfIdle()
    await screenshot(page, 'stars-decided')

    // the notice shows the frozen stars; the dashboard the figure
    await row.getByRole('link').click()
    await page.locator('[data-test=notice-rows]', { hasText: branch.name }).waitFor()
    await page.xfIdle()
    await screenshot(page, 'stars-notice')
    await page.goto(`${url}/dashboard`)
    await page.locator('[data-test=dashboard-stars] [data-test=star-figure]').waitFor()
    await page.xfIdle()
    await screenshot(page, 'dashboard-stars')
    assert.deepEqual(adm.problems, [])
  } finally {
    await sec.context.close()
    await adm.context.close()
    await server.stop()
  }
})

test('a district committee adopts the city scheme and details its open slot', async () => {
  const server = await startServer('demo')
  const { url } = server
  await cityScheme(url, '市直机关堡垒指数', 'fortress')
  const w = await watchedPage(browser)
  const { page } = w
  try {
    const form = await newScheme(page, url, 'haishu', '海曙区堡垒指数细则')
    await form.locator('[data-test=scheme-adopt]:not(.is-disabled)').click()
    await form.locator('.el-select', { hasText: '市直机关堡垒指数' }).waitFor()
    await form.locator('[data-test=scheme-create]').click()
    await page.locator('[data-test=scheme-state][data-state=draft]').waitFor()

    // the open slot (40 points) gets two own indicators
    for (const [code, title, max] of [['PX1', '基层党建品牌创建', '25'], ['PX2', '党建业务融合', '15']]) {
      await page.locator('[data-test=indicator-add-own]').click()
      const ind = page.locator('[data-test=indicator-form]')
      await ind.locator('input[name=code]').fill(code)
      await ind.locator('input[name=title]').fill(title)
      await ind.locator('input[name=max]').fill(max)
      await ind.locator('[data-test=indicator-save]').click()
      await ind.waitFor({ state: 'hidden' })
    }
    await page.locator('[data-test=indicator-tree] [data-group=PX]', { hasText: '下级合计 40' }).waitFor()
    await page.locator('[data-test=scheme-save]').click()
    await page.getByText('已保存').waitFor()
    await page.locator('[data-test=indicator-tree] tr', { hasText: '党建业务融合' }).waitFor()
    await page.xfIdle()
    await screenshot(page, 'scheme-adopted')
    assert.deepEqual(w.problems, [])
  } finally {
    await w.context.close()
    await server.stop()
  }
})
