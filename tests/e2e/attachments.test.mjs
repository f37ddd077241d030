// Browser test of meeting attachments: a branch secretary opens a meeting,
// uploads a text file (the server refuses its type and the page shows the
// server's message), uploads a photo (listed, with a working download link),
// and deletes it. Fails on console errors, failed requests or unannounced
// HTTP errors, and leaves screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { launchForFile, browserTest, screenshot, loginTo, serverNow } from './lib.mjs'

const browser = await launchForFile()

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

test('a secretary uploads, downloads and deletes meeting attachments', async () => {
  await browserTest(browser, { pages: { sec: "the secretary's" } }, async ({ url, admin, sec }) => {
    const root = await admin.org('中共市气象局党组', 'party_committee', null, { established_on: '2010-01-01' })
    const branch = await admin.org('第一党支部', 'branch', root, { established_on: '2010-01-01' })
    await admin.user('zbsj', '第一党支部书记', 'secretary', branch)
    const m = await admin.post('/api/meetings', { org_id: branch.id, kind: 'theme_day',
      held_at: new Date(serverNow() - 3600e3).toISOString(), topic: '参观革命纪念馆主题党日' })

    const { page } = sec
    await loginTo(page, url, 'zbsj', `/meetings/${m.id}`)
    const box = page.locator('[data-test=attachments]')
    await box.getByText('暂无附件').waitFor()

    // A text file: the server refuses it; its message appears on the page.
    sec.expect('POST', `/api/meetings/${m.id}/attachments`, 422)
    await box.locator('[data-test=attachment-input]').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('纯文本') })
    const err = box.locator('[data-test=attachment-error]')
    await err.waitFor()
    assert.match(await err.innerText(), /说明\.txt：/)
    assert.equal(await box.locator('[data-test=attachment-list] li').count(), 0)

    // A photo: uploaded with its own type and name, listed with a link.
    await box.locator('[data-test=attachment-input]').setInputFiles({ name: '活动照片.png', mimeType: 'image/png', buffer: PNG })
    await page.getByText('已上传 1 个附件').waitFor()
    const row = box.locator('[data-test=attachment-list] li', { hasText: '活动照片.png' })
    await row.waitFor()
    const href = await row.locator('[data-test=attachment-link]').getAttribute('href')
    assert.match(href, /^\/api\/attachments\/\d+$/)
    // The link works with the session cookie alone.
    const r = await page.request.get(url + href)
    assert.equal(r.status(), 200)
    assert.equal(r.headers()['content-type'], 'image/png')
    assert.deepEqual(Buffer.from(await r.body()), PNG)
    await page.xfIdle()
    await screenshot(page, 'meeting-attachments')

    // Delete it.
    await row.locator('[data-test=attachment-delete]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
    await page.getByText('附件已删除').waitFor()
    await box.getByText('暂无附件').waitFor()
    const left = await admin.get(`/api/meetings/${m.id}/attachments`)
    assert.equal(left.total, 0)
  })
})
