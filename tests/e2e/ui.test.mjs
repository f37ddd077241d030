// Browser tests of the web UI: Debian's Chromium against a real server with
// a fresh database per test. Each test fails on any console error, failed
// request or HTTP error it did not provoke on purpose, and leaves a
// screenshot of its last page in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, startServer, launchForFile, watchedPage, screenshot, login, pickOrg, idNumber, closeAll, assertNoProblems } from './lib.mjs'

const browser = await launchForFile()

/** Runs body with a server and a watched page; always screenshots and cleans up. */
async function withPage(name, seed, body, viewport) {
  const server = await startServer(seed)
  const w = await watchedPage(browser, viewport)
  try {
    await body(w, server.url)
    await w.page.xfIdle()
  } finally {
    await screenshot(w.page, name).catch(() => {})
    await closeAll(server, w)
  }
  assertNoProblems({ the: w })
}

test('an admin logs in, creates organizations, adds a member after fixing a wrong ID number, finds it and logs out', async () => {
  await withPage('admin-flow', 'admin', async (w, url) => {
    const { page } = w
    // A wrong password shows the server's message, then the right one works.
    await page.goto(`${url}/login`)
    await page.locator('input[name=username]').fill('admin')
    await page.locator('input[name=password]').fill('wrong-password')
    w.expect('POST', '/api/auth/login', 401)
    await page.locator('[data-test=login-submit]').click()
    await page.locator('[data-test=login-error]').getByText('用户名或密码错误').waitFor()
    await login(page, url, 'admin')
    assert.match(await page.locator('[data-test=current-role]').innerText(), /系统管理员/)

    // Create a root organization and a branch below it.
    await page.getByRole('menuitem', { name: '组织架构' }).click()
    await page.locator('[data-test=org-add-root]').click()
    let form = page.locator('[data-test=org-form]')
    await form.locator('input[name=name]').fill('中共测试市直属机关工作委员会')
    await page.locator('[data-test=org-save]').click()
    await page.locator('[data-test=org-detail-name]').getByText('中共测试市直属机关工作委员会').waitFor()
    await page.locator('[data-test=org-tree]').getByText('中共测试市直属机关工作委员会').waitFor()

    await page.locator('[data-test=org-add-child]').click()
    form = page.locator('[data-test=org-form]')
    await form.locator('input[name=name]').fill('测试局第一党支部')
    await page.locator('[data-test=org-save]').click()
    await page.locator('[data-test=org-detail-name]').getByText('测试局第一党支部').waitFor()
    await page.locator('[data-test=org-tree]').getByText('测试局第一党支部').waitFor()

    // The same name again under the same parent: the server's 409 at the name.
    await page.locator('[data-test=org-tree]').getByText('中共测试市直属机关工作委员会').click()
    await page.locator('[data-test=org-detail-name]').getByText('中共测试市直属机关工作委员会').waitFor()
    await page.locator('[data-test=org-add-child]').click()
    form = page.locator('[data-test=org-form]')
    await form.locator('input[name=name]').fill('测试局第一党支部')
    w.expect('POST', '/api/orgs', 409)
    await page.locator('[data-test=org-save]').click()
    await form.locator('.el-form-item__error').first().waitFor()
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'hidden' })

    // Add a member with a wrong check character: the message is at the ID field.
    await page.getByRole('menuitem', { name: '党员管理' }).click()
    await page.locator('[data-test=member-add]').click()
    form = page.locator('[data-test=member-form]')
    await form.locator('input[name=name]').fill('李先锋')
    const good = idNumber('11010119900307001')
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
    await form.locator('input[name=id_number]').fill(bad)
    await form.locator('input[name=phone]').fill('13812345678')
    await pickOrg(page, form.locator('.el-form-item', { hasText: '所属组织' }), '测试局第一党支部')
    const joined = form.locator('input[name=joined_on]')
    await joined.click()
    await joined.fill('2020-07-01')
    await joined.press('Enter')
    w.expect('POST', '/api/members', 422)
    await page.locator('[data-test=member-save]').click()
    const idError = form.locator('[data-test=field-id_number] .el-form-item__error')
    await idError.waitFor()
    assert.match(await idError.innerText(), /身份证/)

    // Fix it: saved, and the member is found by name in the table.
    await form.locator('input[name=id_number]').fill(good)
    await page.locator('[data-test=member-save]').click()
    await form.waitFor({ state: 'hidden' })
    await page.locator('[data-test=member-search]').fill('李先锋')
    await page.locator('[data-test=member-query]').click()
    const row = page.locator('[data-test=member-table] .el-table__row', { hasText: '李先锋' })
    await row.waitFor()
    assert.match(await row.innerText(), /测试局第一党支部/)
    assert.match(await row.innerText(), /预备党员/)

    // Log out: back at the login page, and the member list needs a login again.
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=logout]').click()
    await page.locator('[data-test=login-submit]').waitFor()
    await page.goto(`${url}/members`)
    await page.locator('[data-test=login-submit]').waitFor()
    assert.match(page.url(), /\/login\?redirect=(%2F|\/)members/)
  })
})

test('a secretary sees only its own subtree in the tree and in the member table, then logs out', async () => {
  await withPage('secretary-scope', 'demo', async (w, url) => {
    const { page } = w
    // What the server holds for this secretary (the oracle for the checks).
    const t = await (await fetch(`${url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ username: 'qxj', password: PASSWORD }) })).json()
    const auth = { Authorization: `Bearer ${t.token}` }
    const orgId = t.user.roles[0].org_id
    const tree = await (await fetch(`${url}/api/orgs/${orgId}/tree`, { headers: auth })).json()
    const names = new Set()
    const walk = (n) => { names.add(n.name); n.children.forEach(walk) }
    walk(tree)
    const total = (await (await fetch(`${url}/api/members?size=1`, { headers: auth })).json()).total

    await login(page, url, 'qxj')
    assert.match(await page.locator('[data-test=current-role]').innerText(), /党组织书记 · 中共市气象局党组/)
    // The menu has no user or audit administration for a secretary.
    assert.equal(await page.getByRole('menuitem', { name: '用户与权限' }).count(), 0)

    await page.getByRole('menuitem', { name: '组织架构' }).click()
    const treeEl = page.locator('[data-test=org-tree]')
    await treeEl.getByText(tree.name, { exact: true }).waitFor()
    await page.locator('[data-test=org-detail-name]').getByText(tree.name).waitFor()
    const top = await treeEl.locator(':scope > .el-tree-node > .el-tree-node__content').allInnerTexts()
    assert.equal(top.length, 1, `one root, got ${top}`)
    assert.equal(await treeEl.getByText('中共市直属机关工作委员会').count(), 0)
    assert.equal(await treeEl.getByText('中共市公安局党组').count(), 0)
    // Searching for an org outside the subtree finds nothing.
    await page.locator('[data-test=org-search]').fill('公安')
    await page.locator('[data-test=org-search-results]').getByText('找到 0 个党组织').waitFor()
    await page.locator('[data-test=org-search]').fill('')

    await page.getByRole('menuitem', { name: '党员管理' }).click()
    await page.locator('[data-test=member-table] .el-table__row').first().waitFor()
    await page.locator('.el-pagination__total').getByText(`共 ${total} 条`).waitFor()
    const orgCells = await page.locator('[data-test=member-table] .el-table__body-wrapper .el-table__row td:nth-child(6)').allInnerTexts()
    assert.ok(orgCells.length > 0)
    for (const n of orgCells) assert.ok(names.has(n.trim()), `member of ${n} is outside the subtree`)

    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=logout]').click()
    await page.locator('[data-test=login-submit]').waitFor()
  })
})

test('a member list and the 先锋榜 wall display on a 390 px phone have no horizontal scroll', async () => {
  await withPage('phone-members', 'demo', async (w, url) => {
    const { page } = w
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    await login(page, url, 'qxj')
    await page.goto(`${url}/members`)
    await page.locator('[data-test=member-table] .card').first().waitFor()
    let o = await overflow()
    assert.ok(o <= 0, `member list: page is ${o}px wider than the screen`)
    const h = await page.locator('[data-test=member-add]').boundingBox()
    assert.ok(h.height >= 40, `touch target ${h.height}px high`)
    // the wall display, opened on a phone (a secretary checking it)
    await page.goto(`${url}/screen/points`)
    await page.locator('[data-test=screen-members] li').first().waitFor()
    o = await overflow()
    assert.ok(o <= 0, `wall display: page is ${o}px wider than the screen`)
  }, { width: 390, height: 844 })
})
