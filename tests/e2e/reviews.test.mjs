// Browser test of the review session pages (述职评议): a committee creates a
// session with 2 criteria and 2 presenters and invites 2 judges (the first
// with the judge role only, the second also a branch secretary); each judge
// logs in on a phone (390x844) and lands on the judge page, which waits for
// the chair; the chair opens presenter 1, both judges score it, the chair
// sees 2/2 and closes it with a 整改清单; for presenter 2 the judge of its
// own branch is refused in plain words; the wall display ranks both with
// their grades and the chair ends the session and takes the results as an
// Excel table. Fails on console errors,
// failed requests or unannounced HTTP errors, and leaves screenshots in
// tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, startServer, launchForFile, watchedPage, screenshot, login, loginTo, apiAs, pickOrg, closeAll, assertNoProblems } from './lib.mjs'
import { todayShanghai } from '../clock.mjs'

const browser = await launchForFile()

async function city(url) {
  const admin = await apiAs(url, 'admin')
  const root = await admin.org('中共市气象局党组', 'party_committee')
  const b1 = await admin.org('第一党支部', 'branch', root)
  const b2 = await admin.org('第二党支部', 'branch', root)
  await admin.user('jggw', '机关工委', 'committee', root)
  // a judge with the judge role only, and one who is also the secretary of
  // the second branch (a judge grant alone makes nobody a branch's own)
  await admin.user('pw1', '评委甲', 'judge', root)
  await admin.post('/api/users', { username: 'pw2', password: PASSWORD, display_name: '评委乙',
    roles: [{ role: 'judge', org_id: root.id }, { role: 'secretary', org_id: b2.id }] })
  return { admin, root, b1, b2 }
}

/** A judge scores the open presenter on the phone page. */
async function score(page, name, values) {
  await page.locator('[data-test=judge-presenter]', { hasText: name }).waitFor()
  for (const [crit, v] of Object.entries(values)) {
    const input = page.locator(`[data-test="score-${crit}"] input`)
    await input.fill(String(v))
    await input.press('Tab')
  }
  await page.locator('[data-test=judge-submit]').click()
}

test('a committee chairs a review session, judges score on phones, the wall ranks', async () => {
  const server = await startServer('empty')
  const url = server.url
  const chair = await watchedPage(browser)
  const j1 = await watchedPage(browser, { width: 390, height: 844 })
  const j2 = await watchedPage(browser, { width: 390, height: 844 })
  try {
    await city(url)
    const { page } = chair
    await loginTo(page, url, 'jggw', '/reviews')

    // create: 2 criteria (the defaults 工作实绩 60 and 述职表现 40), 2 presenters
    await page.locator('[data-test=review-new]').click()
    const form = page.locator('[data-test=review-form]')
    await form.locator('input[name=title]').fill('月度述职分享会')
    await form.locator('[data-test=review-org] input').waitFor()
    assert.equal(await form.locator('.el-date-editor input').inputValue(), todayShanghai())
    const rows = form.locator('[data-test=review-presenters] .row')
    await rows.nth(0).locator('input[name=presenter-0]').fill('张书记')
    await pickOrg(page, rows.nth(0), '第一党支部')
    await form.locator('[data-test=presenter-add]').click()
    // a presenter without a name: the server's message stands at that row
    chair.expect('POST', '/api/reviews', 422)
    await page.locator('[data-test=review-save]').click()
    await rows.nth(1).locator('.el-form-item__error').waitFor()
    await rows.nth(1).locator('input[name=presenter-1]').fill('李书记')
    await pickOrg(page, rows.nth(1), '第二党支部')
    await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' })
    await screenshot(page, 'review-create')
    await page.locator('[data-test=review-save]').click()

    // the chair console; invite both judges
    await page.waitForURL(/\/reviews\/\d+$/)
    const reviewId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.locator('[data-test=presenters]').waitFor()
    await page.locator('[data-test=judges-invite]').click()
    const users = page.locator('[data-test=judge-users]')
    for (const who of ['评委甲', '评委乙']) {
      await users.click()
      await users.locator('input').fill(who)
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: who }).first().click()
    }
    await page.locator('[data-test=judges-save]').click()
    await page.getByText('已邀请 2 位评委').waitFor()
    assert.equal(await page.locator('[data-test=judges] tbody tr').count(), 2)

    // the judges log in on their phones and land on the judge page, waiting
    for (const [w, name] of [[j1, 'pw1'], [j2, 'pw2']]) {
      await login(w.page, url, name)
      await w.page.waitForURL(/\/reviews\/judge/)
      await w.page.locator('[data-test=judge-waiting]').waitFor()
    }
    await screenshot(j1.page, 'review-judge-waiting-phone')

    const review = await (await apiAs(url, 'jggw')).get(`/api/reviews/${reviewId}`)
    const [p1, p2] = review.presenters

    // presenter 1: both judges score, the chair sees 2/2 and closes it
    await page.locator(`[data-test=open-${p1.id}]`).click()
    await page.locator(`[data-test=close-${p1.id}]`).waitFor()
    await score(j1.page, '张书记', { 工作实绩: 55, 述职表现: 36 })
    await j1.page.locator('[data-test=judge-sent]').waitFor()
    await screenshot(j1.page, 'review-judge-sent-phone')
    await score(j2.page, '张书记', { 工作实绩: 50, 述职表现: 33.5 })
    await j2.page.locator('[data-test=judge-sent]').waitFor()
    // a judge may send again while the presenter is open
    await score(j2.page, '张书记', { 工作实绩: 52 })
    await j2.page.locator('[data-test=judge-sent]').waitFor()
    await page.locator(`[data-test=scored-${p1.id}]`, { hasText: '2/2' }).waitFor()
    await screenshot(page, 'review-chair-open')
    await page.locator(`[data-test=close-${p1.id}]`).click()
    const box = page.locator('.review-close-box')
    await box.locator('textarea').fill('加强支部标准化建设')
    await box.getByRole('button', { name: '结束评分' }).click()
    // (55 + 52) / 2 + (36 + 33.5) / 2 = 53.5 + 34.8 = 88.3: 较好
    const results = page.locator('[data-test=results]')
    await results.locator('tbody tr', { hasText: '张书记' }).waitFor()
    assert.match(await results.locator('tbody tr').first().innerText(), /53\.5[\s\S]*34\.8[\s\S]*88\.3[\s\S]*较好[\s\S]*加强支部标准化建设/)
    await j1.page.locator('[data-test=judge-waiting]').waitFor()

    // presenter 2: the judge of the second branch is refused in plain words
    await page.locator(`[data-test=open-${p2.id}]`).click()
    j2.expect('PUT', `/api/reviews/${reviewId}/presenters/${p2.id}/scores`, 403)
    await score(j2.page, '李书记', { 工作实绩: 60, 述职表现: 40 })
    await j2.page.locator('[data-test=judge-refused]', { hasText: '您不能为本单位述职人评分' }).waitFor()
    await screenshot(j2.page, 'review-judge-refused-phone')
    await score(j1.page, '李书记', { 工作实绩: 58, 述职表现: 38 })
    await j1.page.locator('[data-test=judge-sent]').waitFor()
    await page.locator(`[data-test=scored-${p2.id}]`, { hasText: '1/2' }).waitFor()
    await page.locator(`[data-test=close-${p2.id}]`).click()
    await page.locator('.review-close-box').getByRole('button', { name: '结束评分' }).click()
    await results.locator('tbody tr', { hasText: '李书记' }).waitFor()

    // the wall display ranks both, before and after the session ends
    const wall = await chair.context.newPage()
    await wall.setViewportSize({ width: 1920, height: 1080 })
    await wall.goto(`${url}/screen/reviews/${reviewId}`)
    const ranking = wall.locator('[data-test=screen-ranking] li')
    await ranking.nth(1).waitFor()
    assert.match(await ranking.nth(0).innerText(), /1[\s\S]*李书记[\s\S]*好[\s\S]*96/)
    assert.match(await ranking.nth(1).innerText(), /2[\s\S]*张书记[\s\S]*较好[\s\S]*88\.3/)
    await page.locator('[data-test=review-close]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '结束评议' }).click()
    await page.locator('[data-test=review-state]', { hasText: '已结束' }).waitFor()
    await page.locator('.el-message-box').waitFor({ state: 'hidden' })
    await screenshot(page, 'review-chair-closed')
    // the results as an Excel table, with the chair's session
    const xlsx = await page.request.get(url + await page.locator('[data-test=results-xlsx]').getAttribute('href'))
    assert.equal(xlsx.status(), 200)
    assert.match(xlsx.headers()['content-type'], /spreadsheetml/)
    await wall.getByText('最终排名').waitFor()
    await screenshot(wall, 'review-screen')
    await j1.page.locator('[data-test=judge-ended]').waitFor()
    await wall.close()

    assertNoProblems({ "the chair's": chair, "the first judge's": j1, "the second judge's": j2 })
  } finally {
    await closeAll(server, chair, j1, j2)
  }
})

test('an outside judge scans its one-time code and scores on a phone; the wall follows the event stream', async () => {
  const server = await startServer('empty')
  const url = server.url
  const chair = await watchedPage(browser)
  const phone = await watchedPage(browser, { width: 390, height: 844 })
  try {
    const { root, b1 } = await city(url)
    const api = await apiAs(url, 'jggw')
    const rv = await api.post('/api/reviews', {
      title: '外部评委评议', org_id: root.id, held_on: todayShanghai(),
      criteria: [{ name: '成效', max: 100 }], presenters: [{ name: '王书记', org_id: b1.id }],
    })
    const { page } = chair
    await login(page, url, 'jggw')
    await page.goto(`${url}/reviews/${rv.id}`)
    await page.locator('[data-test=presenters]').waitFor()
    // one code for an outside judge, with its QR code
    await page.locator('[data-test=judges-invite]').click()
    await page.locator('[data-test=judge-how]').getByText('外部评委（评委码）').click()
    await page.locator('[data-test=judge-codes] input').fill('1')
    await page.locator('[data-test=judges-save]').click()
    await page.getByText('已生成 1 个评委码').waitFor()
    const judge = (await api.get(`/api/reviews/${rv.id}`)).judges.find((j) => j.code)
    await page.locator(`[data-test=code-${judge.id}]`).click()
    const qr = page.locator(`[data-test=qr-${judge.id}]`)
    await qr.waitFor()
    await page.waitForFunction((sel) => document.querySelector(sel)?.naturalWidth > 0, `[data-test=qr-${judge.id}]`)
    await screenshot(page, 'review-judge-code')

    // the wall follows the session's event stream
    const wall = await chair.context.newPage()
    await wall.goto(`${url}/screen/reviews/${rv.id}`)
    await wall.getByText('等待主持人').or(wall.getByText('下一位')).first().waitFor()

    // the phone opens the link of the QR code and lands on the judge page
    await phone.page.goto(`${url}/reviews/join?code=${judge.code}`)
    await phone.page.waitForURL(/\/reviews\/judge/)
    await phone.page.locator('[data-test=judge-waiting]').waitFor()
    await api.post(`/api/reviews/${rv.id}/presenters/${rv.presenters[0].id}/open`)
    await score(phone.page, '王书记', { 成效: 91 })
    await phone.page.locator('[data-test=judge-sent]').waitFor()
    await wall.locator('[data-test=screen-scored]', { hasText: '1' }).waitFor()
    await screenshot(phone.page, 'review-join-scored-phone')
    // the code cannot be used twice
    const again = await phone.context.request.post(`${url}/api/reviews/join`, { data: { code: judge.code } })
    assert.equal(again.status(), 409)
    await wall.close()
    assertNoProblems({ "the chair's": chair, "the judge's phone": phone })
  } finally {
    await closeAll(server, chair, phone)
  }
})
