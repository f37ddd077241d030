// Screenshots of every page at 1440 px and 390 px into screenshots/ at the
// repository root, for a person to look at. Run by scripts/screenshots.sh.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { ROOT, PASSWORD, startServer, launch, watchedPage, login } from './lib.mjs'

const OUT = path.join(ROOT, 'screenshots')
mkdirSync(OUT, { recursive: true })

const server = await startServer('demo')
const browser = await launch()
let failed = 0
try {
  // A member-role user, so that the member's own page can be shown too.
  const t = await (await fetch(`${server.url}/api/auth/login`, { method: 'POST',
    body: JSON.stringify({ username: 'admin', password: PASSWORD }) })).json()
  const auth = { Authorization: `Bearer ${t.token}` }
  const m = await (await fetch(`${server.url}/api/members?org=3&subtree=1&size=1`, { headers: auth })).json()
  await fetch(`${server.url}/api/users`, { method: 'POST', headers: auth, body: JSON.stringify({
    username: 'dangyuan', password: PASSWORD, display_name: m.items[0].name, member_id: m.items[0].id,
    roles: [{ role: 'member', org_id: m.items[0].org_id }] }) })
  const memberId = m.items[0].id

  const pages = [
    ['admin', 'dashboard', '/dashboard'],
    ['admin', 'orgs', '/orgs?id=3'],
    ['admin', 'org-list', '/orgs/list?kind=branch'],
    ['admin', 'temp-branches', '/orgs/temporary'],
    ['admin', 'clusters', '/clusters'],
    ['admin', 'members', '/members'],
    ['admin', 'member-detail', `/members?id=${memberId}`],
    ['admin', 'users', '/users'],
    ['admin', 'audit', '/audit'],
    ['qxj', 'secretary-dashboard', '/dashboard'],
    ['qxj', 'secretary-members', '/members'],
    ['qxj', 'forbidden', '/users'],
    ['dangyuan', 'member-me', '/me'],
  ]
  for (const width of [1440, 390]) {
    const tag = width === 390 ? 'mobile' : 'desktop'
    {
      const w = await watchedPage(browser, { width, height: width === 390 ? 844 : 900 })
      await w.page.goto(`${server.url}/login`)
      await w.page.waitForLoadState('networkidle')
      await w.page.screenshot({ path: path.join(OUT, `${tag}-login.png`), fullPage: true })
      await w.context.close()
    }
    for (const who of ['admin', 'qxj', 'dangyuan']) {
      const w = await watchedPage(browser, { width, height: width === 390 ? 844 : 900 })
      await login(w.page, server.url, who)
      for (const [user, name, url] of pages) {
        if (user !== who) continue
        await w.page.goto(server.url + url)
        await w.page.xfIdle()
        await w.page.waitForTimeout(400)
        await w.page.screenshot({ path: path.join(OUT, `${tag}-${name}.png`), fullPage: true })
        if (name === 'members') {
          await w.page.locator('[data-test=member-add]').click()
          await w.page.locator('[data-test=member-form]').waitFor()
          await w.page.waitForTimeout(400)
          await w.page.screenshot({ path: path.join(OUT, `${tag}-member-form.png`) })
          await w.page.keyboard.press('Escape')
          await w.page.xfIdle()
        }
        const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        if (overflow > 0) console.log(`  ${tag}-${name}: horizontal overflow ${overflow}px`)
      }
      if (w.problems.length) {
        failed++
        console.log(`problems as ${who} at ${width}px:\n  ${w.problems.join('\n  ')}`)
      }
      await w.context.close()
    }
  }
  console.log(`screenshots in ${OUT}`)
} finally {
  await browser.close()
  await server.stop()
}
process.exit(failed ? 1 : 0)
