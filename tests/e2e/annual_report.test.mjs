// Browser test of 年度报告: a committee opens the page from the side menu,
// finds its organization and this year preselected, and downloads the
// year's report as PDF and as Word; the files are the report of that
// organization (pdftotext; the .docx's document.xml). Fails on console
// errors, failed requests or unannounced HTTP errors, and leaves a
// screenshot in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { launchForFile, browserTest, screenshot, login, shanghaiToday } from './lib.mjs'
import { readZip } from '../api/zip.mjs'

const browser = await launchForFile()

test('a committee downloads the year\'s report as PDF and Word', async () => {
  await browserTest(browser, { pages: { w: "the committee's" } }, async ({ url, admin, w }) => {
    const root = await admin.org('中共市气象局党组', 'party_committee')
    const branch = await admin.org('第一党支部', 'branch', root)
    await admin.member(branch, '张三', '33020119850312451', '13800138000', '2010-07-01')
    await admin.user('jggw', '机关工委', 'committee', root)
    const year = String(shanghaiToday()[0])

    const { page } = w
    await login(page, url, 'jggw')
    await page.locator('.xf-menu .el-menu-item', { hasText: '年度报告' }).click()
    await page.locator('[data-test=annual-org] .el-select__selected-item', { hasText: root.name }).first().waitFor()
    await page.xfIdle()
    assert.match(await page.locator('[data-test=annual-year]').innerText(), new RegExp(`${year}年`))
    await screenshot(page, 'annual-report')

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=annual-pdf]').click()])
    assert.equal(pdf.suggestedFilename(), `${year}年度党建工作报告-${root.name}.pdf`)
    const text = execFileSync('pdftotext', ['-layout', await pdf.path(), '-']).toString().replace(/\s+/g, '')
    assert.ok(text.includes(`${root.name}共有党组织2个，党员1名`), text)

    const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=annual-docx]').click()])
    assert.equal(docx.suggestedFilename(), `${year}年度党建工作报告-${root.name}.docx`)
    const xml = readZip(readFileSync(await docx.path())).get('word/document.xml').toString('utf8')
    assert.ok(xml.includes(`${root.name}共有党组织2个，党员1名`))
  })
})
