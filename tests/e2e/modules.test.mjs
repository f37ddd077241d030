// Browser tests of the organizational-life and points pages: a secretary
// records a meeting with its register and the committee's 季度督导 board
// changes colour; a member claims points on a phone, the secretary
// approves (the second approval is capped) and the 先锋榜 changes. Each test
// fails on console errors, failed requests or unannounced HTTP errors, and
// leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PASSWORD, launchForFile, browserTest, screenshot, login, loginTo, apiAs, shanghaiToday, PHONE } from './lib.mjs'

const browser = await launchForFile()

const pad = (n) => String(n).padStart(2, '0')

test('a secretary records a meeting with attendance on a phone and the quarterly board changes colour', async () => {
  await browserTest(browser, { seed: 'demo', pages: { sec: ["the secretary's", PHONE], com: "the committee's" } }, async ({ url, sec, com }) => {
    // A 党小组 set up on the 1st of last month owes one 党小组会, in last month.
    const [y, m] = shanghaiToday()
    const py = m === 1 ? y - 1 : y
    const pm = m === 1 ? 12 : m - 1
    const period = `${py}Q${Math.floor((pm - 1) / 3) + 1}`
    const admin = await apiAs(url, 'admin')
    const group = await admin.post('/api/orgs', { name: '气象局测试党小组', kind: 'group', level: 'city', parent_id: 4,
      established_on: `${py}-${pad(pm)}-01` })
    const names = ['程红旗', '万向阳', '龚建华']
    for (let i = 0; i < names.length; i++) {
      await admin.member(group, names[i], `33020119800101${pad(i * 2 + 1)}1`, `1381234560${i}`, '2005-07-01')
    }

    // The committee sees the group red on the board of the quarter.
    await login(com.page, url, 'jggw')
    await com.page.xfIdle(1000) // the dashboard's figures, before leaving it
    await com.page.goto(`${url}/compliance?org=4&period=${period}`)
    await com.page.xfIdle()
    await com.page.getByRole('tab', { name: /组织明细/ }).click()
    const tag = com.page.locator(`[data-test=compliance-detail] .el-table__row:has([data-org="${group.id}"]) .el-tag`)
    assert.equal(await tag.getAttribute('data-status'), 'red')
    await screenshot(com.page, 'compliance-before')

    // The secretary, on a phone, records the 党小组会 of last month.
    const { page } = sec
    await login(page, url, 'qxj')
    await page.xfIdle(1000)
    await page.goto(`${url}/meetings/new?org=${group.id}`)
    const form = page.locator('[data-test=meeting-form]')
    await form.locator('[data-test=meeting-kind]').getByText('党小组会', { exact: true }).click()
    const held = form.locator('.el-form-item', { hasText: '召开时间' }).locator('input')
    await held.click()
    await held.fill(`${py}-${pad(pm)}-10 19:30`)
    await held.press('Enter')
    await form.locator('input[name=topic]').click()
    await form.locator('input[name=topic]').fill('学习党章')
    await form.locator('input[name=place]').fill('党员活动室')
    await page.locator('[data-test=meeting-save]').click()
    await page.waitForURL(/\/meetings\/\d+$/)

    // Attendance by tapping: one on sick leave, the rest present.
    const reg = page.locator('[data-test=register]')
    await reg.locator('[data-test=register-names] .name').first().waitFor()
    assert.equal(await reg.locator('[data-test=register-names] .name').count(), 3)
    await reg.locator('[data-status=sick_leave]').click()
    await reg.locator('[data-test=register-names] .name', { hasText: '万向阳' }).click()
    await reg.locator('[data-test=register-rest]').click()
    await reg.locator('[data-test=register-save]').click()
    await page.getByText('出勤已保存').waitFor()
    assert.match(await reg.locator('[data-test=register-names]').innerText(), /○万向阳/)
    assert.match(await reg.locator('[data-test=register-names]').innerText(), /√程红旗/)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `meeting page is ${overflow}px wider than the phone`)
    await sec.page.xfIdle()
    await screenshot(page, 'meeting-recorded-phone')

    // The board no longer shows the group red.
    await com.page.reload()
    await com.page.getByRole('tab', { name: /组织明细/ }).click()
    await tag.waitFor()
    const after = await tag.getAttribute('data-status')
    assert.ok(['green', 'due'].includes(after), `status after the meeting: ${after}`)
    await com.page.xfIdle()
    await screenshot(com.page, 'compliance-after')
  })
})

test('a member claims points on a phone, the secretary approves (the second capped) and the 先锋榜 changes', async () => {
  // An empty platform with just what the test needs, so that no other
  // claims or points (the demo city has a history of both) are in the way.
  await browserTest(browser, { pages: { mem: ["the member's", PHONE], sec: "the secretary's" } }, async ({ url, admin, mem, sec }) => {
    const root = await admin.org('中共市气象局党组', 'party_committee')
    const branch = await admin.org('第一党支部', 'branch', root)
    await admin.user('qxj', '气象局党务干部', 'secretary', root)
    await admin.post('/api/point-rules', { category: '志愿服务', item: '参加社区志愿服务', description: '经社区认定的志愿服务',
      points: 2, cap: 3, cap_period: 'year' })
    const m = await admin.member(branch, '张志强', '33020119850312451', '13857412345', '2010-07-01', { full_on: '2011-07-01' })
    await admin.post('/api/users', { username: 'dangyuan', password: PASSWORD, display_name: m.name, member_id: m.id,
      roles: [{ role: 'member', org_id: m.org_id }] })

    // The member claims twice.
    const { page } = mem
    await loginTo(page, url, 'dangyuan', '/points/me')
    // the total shows "—" until its answer is drawn: wait for the figure
    await page.waitForFunction(() => document.querySelector('[data-test=my-total]')?.innerText.trim() !== '—')
    assert.equal((await page.locator('[data-test=my-total]').innerText()).trim(), '0')
    for (const what of ['社区垃圾分类宣传', '敬老院志愿服务']) {
      await page.locator('[data-test=claim-open]').click()
      const dlg = page.locator('.el-dialog', { hasText: '申报积分' })
      await dlg.locator('[data-test=claim-rule]').click()
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '参加社区志愿服务' }).click()
      await dlg.locator('textarea[name=description]').fill(what)
      await dlg.locator('[data-test=claim-submit]').click()
      await dlg.waitFor({ state: 'hidden' })
      await page.locator('[data-test=my-claims] li', { hasText: what }).getByText('待审核').waitFor()
    }

    // The secretary: nobody on the board yet; approves both, the second capped.
    await login(sec.page, url, 'qxj')
    await sec.page.xfIdle(1000)
    await sec.page.goto(`${url}/points/boards`)
    await sec.page.getByText('本期暂无积分').first().waitFor()
    await sec.page.goto(`${url}/points/claims`)
    for (let i = 0; i < 2; i++) {
      await sec.page.locator('[data-test=claims] [data-test=claim-approve]').first().click()
      await sec.page.locator('[data-test=claim-confirm]').click()
      if (i === 0) await sec.page.getByText('已通过，计 +2 分').waitFor()
      else {
        const box = sec.page.locator('.el-message-box', { hasText: '已达积分上限' })
        await box.waitFor()
        assert.match(await box.innerText(), /实计1分/)
        await screenshot(sec.page, 'claim-capped')
        await box.getByRole('button', { name: '知道了' }).click()
      }
      await sec.page.xfIdle()
    }
    await sec.page.getByText('没有待审核的申报').waitFor()

    // The board now has the member with 3 points.
    await sec.page.goto(`${url}/points/boards`)
    const row = sec.page.locator('[data-test=board-table] .el-table__row', { hasText: m.name })
    await row.waitFor()
    assert.match(await row.innerText(), /\b3\b/)
    await sec.page.xfIdle()
    await screenshot(sec.page, 'board-after')

    // And the member sees 3.
    await page.reload()
    await page.locator('[data-test=my-entries] li').nth(1).waitFor()
    assert.equal((await page.locator('[data-test=my-total]').innerText()).trim(), '3')
    await page.xfIdle()
    await screenshot(page, 'my-points-phone')
  })
})
