// Browser test of the inbox (待办): a branch secretary on a phone sees the
// bell's badge with the count the server gives, opens the inbox, finds a
// milestone due in 3 days and a member's claim grouped by kind, and a click
// on the claim opens the claims page. Fails on console errors, failed
// requests or unannounced HTTP errors; leaves screenshots.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, login, apiAs, PHONE } from './lib.mjs'
import { dayFromToday } from '../clock.mjs'

const browser = await launchForFile()

const day = dayFromToday

test('a secretary on a phone opens the inbox from the bell and drills into a claim', async () => {
  await browserTest(browser, { pages: { sec: ["the secretary's", PHONE] } }, async ({ url, admin, sec }) => {
    const root = await admin.org('中共市气象局党组', 'party_committee', null, { established_on: '2015-01-01' })
    const branch = await admin.org('第一党支部', 'branch', root, { established_on: '2015-01-01' })
    const member = await admin.member(branch, '张三', '33020119800101001', '13800000000', '2010-07-01')
    await admin.user('zbsj', '第一党支部书记', 'secretary', branch)
    await admin.user('zs', '张三', 'member', branch, { member_id: member.id })
    await admin.post('/api/tasks', { org_id: branch.id, title: '学习贯彻任务', start_on: day(-10), due_on: day(40),
      milestones: [{ title: '方案制定', due_on: day(3) }, { title: '总结', due_on: day(40) }] })
    const rule = await admin.post('/api/point-rules', { category: '履职尽责', item: '完成重点任务', points: 5,
      needs_approval: true, valid_from: '2024-01-01', approver_role: 'secretary' })
    const zs = await apiAs(url, 'zs')
    const claim = await zs.post('/api/claims', { rule_id: rule.id, description: '完成年度攻坚任务', evidence: ['总结.pdf'] })

    const { page } = sec
    await login(page, url, 'zbsj')
    const secApi = await apiAs(url, 'zbsj')
    const { count } = await secApi.get('/api/inbox/count')
    assert.ok(count >= 2)
    const badge = page.locator('.xf-bell-badge .el-badge__content')
    await badge.filter({ hasText: String(count) }).waitFor()
    await page.locator('[data-test=inbox-bell]').click()
    await page.waitForURL(/\/inbox$/)
    await page.xfIdle()
    await page.locator('[data-test=inbox-item]', { hasText: '方案制定' }).waitFor()
    const groups = await page.locator('[data-test=inbox-group] h4').allInnerTexts()
    assert.ok(groups.some((g) => g.includes('任务节点到期')), `groups: ${groups}`)
    assert.ok(groups.some((g) => g.includes('待审核申报')), `groups: ${groups}`)
    assert.equal(await page.locator('[data-test=inbox-item]').count(), count)
    await screenshot(page, 'inbox-phone')
    const wide = await page.evaluate(() => [document.documentElement.scrollWidth,
      ...[...document.querySelectorAll('.xf-header > *')].map((e) => `${e.className}:${Math.round(e.getBoundingClientRect().right)}`)].join(' '))
    assert.ok(Number(wide.split(' ')[0]) <= 390, `no sideways scrolling at 390 px (${wide})`)
    await page.locator('[data-test=inbox-item]', { hasText: '张三' }).click()
    await page.waitForURL(new RegExp(`/points/claims\\?claim=${claim.id}$`))
    await page.xfIdle()
  })
})
