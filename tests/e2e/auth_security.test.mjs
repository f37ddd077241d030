// Browser test of 我的安全 and the login with a second factor: a committee
// user opens 我的安全 from the user menu, sees its sessions (the current one
// marked) and ends another; it turns on 动态验证码 (QR code, recovery codes,
// a code computed here by RFC 6238 from the server's clock), logs out, and
// logs in again: the page asks for the code once the password held. Fails on
// console errors, failed requests or unannounced HTTP errors; leaves
// screenshots in tests/e2e/screenshots/.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { PASSWORD, startServer, launchForFile, watchedPage, screenshot, login, loginTo, apiAs, closeAll, assertNoProblems, serverNow } from './lib.mjs'

const browser = await launchForFile()

/** The RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) of a base32 secret at ms. */
function totp(secret, ms) {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  const key = []
  for (const ch of secret) {
    value = (value << 5) | abc.indexOf(ch)
    bits += 5
    if (bits >= 8) { key.push((value >>> (bits - 8)) & 0xff); bits -= 8 }
  }
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 1000 / 30)))
  const h = crypto.createHmac('sha1', Buffer.from(key)).update(counter).digest()
  const o = h[h.length - 1] & 0xf
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]
  return String(n % 1000000).padStart(6, '0')
}

test('a committee sees and ends its sessions, turns on 动态验证码 and logs in with a code', async () => {
  const server = await startServer('empty')
  const url = server.url
  const w = await watchedPage(browser)
  const adm = await watchedPage(browser)
  try {
    const admin = await apiAs(url, 'admin')
    const root = await admin.org('市直机关工委', 'work_committee')
    const jggw = await admin.user('jggw', '机关工委', 'committee', root)
    await apiAs(url, 'jggw') // a second session, elsewhere

    const page = w.page
    await login(page, url, 'jggw')
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=my-security]').click()
    await page.getByText('当前会话').waitFor()
    await page.xfIdle()
    const rows = page.locator('[data-test=sessions] .el-table__body tr')
    assert.equal(await rows.count(), 2)
    // end the other session
    await page.locator('[data-test^=end-]').first().click()
    await page.locator('.el-message-box .el-button--danger').click()
    await page.getByText('已结束该会话').waitFor()
    await page.xfIdle()
    assert.equal(await rows.count(), 1)

    // turn on the second factor
    await page.locator('[data-test=totp-begin]').click()
    await page.locator('[data-test=totp-qr]').waitFor()
    const secret = (await page.locator('[data-test=totp-secret]').textContent()).trim()
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.equal(await page.locator('[data-test=recovery-codes] code').count(), 10)
    await screenshot(page, 'my-security-totp')
    await page.locator('input[data-test=totp-code]').fill(totp(secret, serverNow()))
    await page.locator('[data-test=totp-confirm]').click()
    await page.locator('[data-test=totp-on]').waitFor()
    await page.xfIdle()

    // log out, log in: the code is asked for after the password
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=logout]').click()
    await page.locator('input[name=username]').waitFor()
    await page.locator('input[name=username]').fill('jggw')
    await page.locator('input[name=password]').fill(PASSWORD)
    w.expect('POST', '/api/auth/login', 401)
    await page.locator('[data-test=login-submit]').click()
    await page.locator('input[data-test=login-otp]').waitFor()
    await page.getByText('请输入动态验证码').waitFor()
    // the next step's code: the one just used to confirm is not taken twice
    await page.locator('input[data-test=login-otp]').fill(totp(secret, serverNow() + 30 * 1000))
    await page.locator('[data-test=login-submit]').click()
    await page.locator('[data-test=user-menu]').waitFor()
    await page.xfIdle(800)
    await screenshot(page, 'login-with-otp')

    // the admin, in 用户与权限: 更多 → 解除锁定, 强制下线 (the committee's page
    // then goes back to the login)
    const ap = adm.page
    await loginTo(ap, url, 'admin', '/users')
    await ap.locator(`[data-test=more-${jggw.id}]`).click()
    await ap.locator(`[data-test=unlock-${jggw.id}]`).click()
    await ap.getByText('已解除「jggw」的登录锁定').waitFor()
    await ap.locator(`[data-test=more-${jggw.id}]`).click()
    await ap.locator(`[data-test=end-sessions-${jggw.id}]`).click()
    await ap.getByText('「jggw」已全部下线').waitFor()
    w.expect('GET', '/api/', 401)
    await page.goto(`${url}/me/security`)
    await page.locator('input[name=username]').waitFor()
    assertNoProblems({ "the committee's": w, "the admin's": adm })
  } finally {
    await closeAll(server, w, adm)
  }
})
