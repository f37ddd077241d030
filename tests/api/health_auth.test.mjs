// Health, login/logout, /api/me, login throttling, CSRF for cookie sessions,
// bearer tokens, disabled users.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN_PASSWORD, DB_KIND, Client, expectStatus, expectError, createOrg, createUserAndLogin, uniq,
	sleep,
} from './harness.mjs';
import { startWithAdmin } from './fixtures.mjs';

let srv;
let admin;
let baseOrg;
// Users that only need to exist get a read-only role on one org.
const screenRole = () => [{ role: 'screen', org_id: baseOrg.id }];

before(async () => {
	({ srv, admin } = await startWithAdmin());
	baseOrg = await createOrg(admin, { name: uniq('基础党委'), kind: 'party_committee', parent_id: null }, srv);
});
after(async () => { await srv?.stop(); });

function sessionCookie(res) {
	const raw = res.headers['set-cookie'] ?? [];
	return (Array.isArray(raw) ? raw : [raw]).find((c) => /^xf_session=/.test(c));
}

test('GET /api/health answers ok, the database kind and a version, without login', async () => {
	const res = await srv.client().get('/api/health');
	const b = expectStatus(res, 200, srv);
	assert.match(res.headers['content-type'] ?? '', /^application\/json/);
	assert.equal(b.status, 'ok');
	assert.equal(b.db, DB_KIND);
	assert.equal(typeof b.version, 'string');
	assert.ok(b.version.length > 0);
});

test('login answers a token, a CSRF token and the user, and sets an HttpOnly SameSite=Strict cookie', async () => {
	const res = await srv.loginRaw('admin', ADMIN_PASSWORD);
	const b = expectStatus(res, 200, srv);
	assert.equal(typeof b.token, 'string');
	assert.ok(b.token.length >= 16, 'token should be long and random');
	assert.equal(typeof b.csrf, 'string');
	assert.ok(b.csrf.length >= 16, 'csrf token should be long and random');
	assert.notEqual(b.csrf, b.token);
	assert.equal(b.user.username, 'admin');
	// "user" is the same description as GET /api/me.
	const me = expectStatus(await new Client(srv, { mode: 'bearer', token: b.token }).get('/api/me'), 200, srv);
	for (const k of ['id', 'username', 'display_name', 'member_id', 'roles']) assert.deepEqual(b.user[k], me[k], k);
	const cookie = sessionCookie(res);
	assert.ok(cookie, `no xf_session cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
	const parts = cookie.split(';').map((s) => s.trim());
	assert.equal(parts[0], `xf_session=${b.token}`);
	assert.ok(parts.includes('Path=/'), cookie);
	assert.ok(parts.some((p) => /^HttpOnly$/i.test(p)), cookie);
	assert.ok(parts.some((p) => /^SameSite=Strict$/i.test(p)), cookie);
	// Two logins give two different sessions.
	const again = expectStatus(await srv.loginRaw('admin', ADMIN_PASSWORD), 200, srv);
	assert.notEqual(again.token, b.token);
});

test('GET /api/me describes the admin: admin role without an org, no member', async () => {
	const me = expectStatus(await admin.get('/api/me'), 200, srv);
	assert.equal(typeof me.id, 'number');
	assert.equal(me.username, 'admin');
	assert.ok('display_name' in me);
	assert.equal(me.member_id, null);
	assert.ok(Array.isArray(me.roles));
	const adminRole = me.roles.find((r) => r.role === 'admin');
	assert.ok(adminRole, JSON.stringify(me.roles));
	assert.equal(adminRole.org_id, null);
	for (const k of Object.keys(me)) assert.doesNotMatch(k, /pass|hash|salt/i);
});

test('GET /api/me lists each role with its org id, name and path', async () => {
	const root = await createOrg(admin, { name: uniq('市直机关工委'), kind: 'work_committee', parent_id: null }, srv);
	const branch = await createOrg(admin, { name: uniq('第一党支部'), kind: 'branch', parent_id: root.id }, srv);
	const { client, user } = await createUserAndLogin(admin, srv, {
		roles: [{ role: 'secretary', org_id: branch.id }, { role: 'screen', org_id: root.id }],
		display_name: '张书记',
	});
	const me = expectStatus(await client.get('/api/me'), 200, srv);
	assert.equal(me.id, user.id);
	assert.equal(me.display_name, '张书记');
	assert.equal(me.member_id, null);
	assert.equal(me.roles.length, 2);
	const sec = me.roles.find((r) => r.role === 'secretary');
	assert.deepEqual({ ...sec }, { role: 'secretary', org_id: branch.id, org_name: branch.name, org_path: branch.path });
	const scr = me.roles.find((r) => r.role === 'screen');
	assert.equal(scr.org_id, root.id);
	assert.equal(scr.org_name, root.name);
	assert.equal(scr.org_path, root.path);
});

test('requests without a valid session are refused with 401 unauthorized', async () => {
	const anon = srv.client();
	for (const p of ['/api/me', '/api/orgs', '/api/members', '/api/users', '/api/clusters', '/api/audit']) {
		expectError(await anon.get(p), 401, 'unauthorized', undefined, srv);
	}
	expectError(await anon.post('/api/orgs', { name: '非法', kind: 'branch', level: 'city', parent_id: null }),
		401, 'unauthorized', undefined, srv);
	expectError(await anon.post('/api/auth/logout', {}), 401, 'unauthorized', undefined, srv);
	const forged = new Client(srv, { mode: 'bearer', token: 'not-a-real-token-0123456789abcdef' });
	expectError(await forged.get('/api/me'), 401, 'unauthorized', undefined, srv);
	const forgedCookie = new Client(srv, { mode: 'cookie', token: 'not-a-real-token-0123456789abcdef', csrf: 'x' });
	expectError(await forgedCookie.get('/api/me'), 401, 'unauthorized', undefined, srv);
	expectError(await anon.get('/api/me', { headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' } }),
		401, 'unauthorized', undefined, srv);
	// Nothing was created by the refused write.
	const orgs = expectStatus(await admin.get('/api/orgs?q=%E9%9D%9E%E6%B3%95'), 200, srv);
	assert.equal(orgs.items.filter((o) => o.name === '非法').length, 0);
});

test('a wrong password and an unknown user get the same 401 invalid_credentials answer', async () => {
	const { username } = await createUserAndLogin(admin, srv, { roles: screenRole() });
	const wrong = await srv.loginRaw(username, 'wrong-password-1');
	const e1 = expectError(wrong, 401, 'invalid_credentials', undefined, srv);
	const missing = await srv.loginRaw(uniq('nobody'), 'wrong-password-1');
	expectError(missing, 401, 'invalid_credentials', undefined, srv);
	assert.deepEqual(missing.body, wrong.body, 'the answers must not reveal whether the user exists');
	assert.ok(e1.message.length > 0);
	assert.equal(sessionCookie(wrong), undefined, 'no session cookie on a failed login');
	assert.equal(sessionCookie(missing), undefined, 'no session cookie on a failed login');
	// Missing or empty fields are invalid input, not a crash.
	const empty = await srv.loginRaw('', '');
	assert.ok([401, 422].includes(empty.status), `${empty.status} ${empty.text}`);
});

test('after 5 failed logins for a username, further attempts get 429 even with the right password', async () => {
	const { username, password } = await createUserAndLogin(admin, srv, { roles: screenRole() });
	for (let i = 1; i <= 5; i++) {
		expectError(await srv.loginRaw(username, `wrong-${i}-password`), 401, 'invalid_credentials', undefined, srv);
	}
	expectError(await srv.loginRaw(username, password), 429, 'too_many_attempts', undefined, srv);
	expectError(await srv.loginRaw(username, 'wrong-6-password'), 429, 'too_many_attempts', undefined, srv);
	// Other users are not affected.
	const other = await createUserAndLogin(admin, srv, { roles: screenRole() });
	expectStatus(await srv.loginRaw(other.username, other.password), 200, srv);
	expectStatus(await srv.loginRaw('admin', ADMIN_PASSWORD), 200, srv);
});

test('the login throttle also applies to unknown usernames (it must not reveal which users exist)', async () => {
	const ghost = uniq('ghost');
	for (let i = 1; i <= 5; i++) {
		expectError(await srv.loginRaw(ghost, `wrong-${i}-password`), 401, 'invalid_credentials', undefined, srv);
	}
	expectError(await srv.loginRaw(ghost, 'wrong-6-password'), 429, 'too_many_attempts', undefined, srv);
});

test('logout answers ok and the token is refused afterwards', async () => {
	const { username, password } = await createUserAndLogin(admin, srv, { roles: screenRole() });
	const c = await srv.login(username, password);
	const other = await srv.login(username, password);
	expectStatus(await c.get('/api/me'), 200, srv);
	const out = expectStatus(await c.post('/api/auth/logout', {}), 200, srv);
	assert.deepEqual(out, { ok: true });
	expectError(await c.get('/api/me'), 401, 'unauthorized', undefined, srv);
	expectError(await c.asCookie().get('/api/me'), 401, 'unauthorized', undefined, srv);
	// Only that session ended.
	expectStatus(await other.get('/api/me'), 200, srv);
});

test('with a cookie session every write needs the matching X-CSRF-Token header', async () => {
	const bearer = await srv.login('admin', ADMIN_PASSWORD);
	const cookieNoCsrf = bearer.asCookie({ sendCsrf: false });
	const cookie = bearer.asCookie();
	const before = expectStatus(await admin.get('/api/clusters?size=200'), 200, srv).total;

	// Reads need no CSRF token.
	expectStatus(await cookieNoCsrf.get('/api/me'), 200, srv);

	const name = uniq('片区');
	expectError(await cookieNoCsrf.post('/api/clusters', { name, description: '无令牌' }), 403, 'csrf_failed', undefined, srv);
	expectError(await cookieNoCsrf.post('/api/clusters', { name, description: '错令牌' },
		{ headers: { 'X-CSRF-Token': 'wrong-token' } }), 403, 'csrf_failed', undefined, srv);
	// The CSRF token of another session does not match this one.
	const otherSession = await srv.login('admin', ADMIN_PASSWORD);
	expectError(await cookieNoCsrf.post('/api/clusters', { name, description: '他人令牌' },
		{ headers: { 'X-CSRF-Token': otherSession.csrf } }), 403, 'csrf_failed', undefined, srv);
	assert.equal(expectStatus(await admin.get('/api/clusters?size=200'), 200, srv).total, before,
		'a write refused for CSRF must not change anything');

	const created = expectStatus(await cookie.post('/api/clusters', { name, description: '有令牌' }), 201, srv);
	assert.equal(created.name, name);

	// PATCH and DELETE are writes too.
	const org = await createOrg(admin, { name: uniq('党委'), kind: 'party_committee', parent_id: null }, srv);
	expectError(await cookieNoCsrf.patch(`/api/orgs/${org.id}`, { name: uniq('改名') }), 403, 'csrf_failed', undefined, srv);
	expectError(await cookieNoCsrf.del(`/api/orgs/${org.id}`), 403, 'csrf_failed', undefined, srv);
	expectStatus(await admin.get(`/api/orgs/${org.id}`), 200, srv);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${org.id}`), 200, srv).name, org.name);
	const renamed = uniq('改名');
	assert.equal(expectStatus(await cookie.patch(`/api/orgs/${org.id}`, { name: renamed }), 200, srv).name, renamed);
	expectStatus(await cookie.del(`/api/orgs/${org.id}`), 200, srv);

	// Logout with the cookie is a write as well.
	expectError(await cookieNoCsrf.post('/api/auth/logout', {}), 403, 'csrf_failed', undefined, srv);
	expectStatus(await cookieNoCsrf.get('/api/me'), 200, srv);
	expectStatus(await cookie.post('/api/auth/logout', {}), 200, srv);
	expectError(await bearer.get('/api/me'), 401, 'unauthorized', undefined, srv);
});

test('a bearer token writes without a CSRF token', async () => {
	const c = await srv.login('admin', ADMIN_PASSWORD);
	const r = await c.post('/api/clusters', { name: uniq('片区'), description: 'bearer' });
	expectStatus(r, 201, srv);
});

test('a disabled user cannot log in (same answer as a wrong password) and its sessions stop working', async () => {
	const { user, client, username, password } = await createUserAndLogin(admin, srv, { roles: screenRole() });
	expectStatus(await client.get('/api/me'), 200, srv);
	const patched = expectStatus(await admin.patch(`/api/users/${user.id}`, { disabled: true }), 200, srv);
	assert.equal(patched.disabled, true);
	expectError(await client.get('/api/me'), 401, 'unauthorized', undefined, srv);
	const refused = await srv.loginRaw(username, password);
	expectError(refused, 401, 'invalid_credentials', undefined, srv);
	const unknown = await srv.loginRaw(uniq('nobody'), password);
	assert.deepEqual(refused.body, unknown.body);
	// Enabled again, the user can log in (old sessions may stay ended).
	assert.equal(expectStatus(await admin.patch(`/api/users/${user.id}`, { disabled: false }), 200, srv).disabled, false);
	expectStatus(await srv.loginRaw(username, password), 200, srv);
});

test('the request log is JSON lines and never contains passwords or session tokens', async () => {
	const password = 'Secret-log-pass-987';
	const { username, client } = await createUserAndLogin(admin, srv, { roles: screenRole(), password });
	await srv.loginRaw(username, 'Wrong-log-pass-654');
	await client.get('/api/me');
	await client.asCookie().get('/api/me');
	expectStatus(await srv.client().get('/api/health'), 200, srv);
	// Let the log settle (no timing assertion: only waits for output to stop growing).
	let len = -1;
	for (let i = 0; i < 50 && len !== srv.log().length; i++) { len = srv.log().length; await sleep(50); }
	const log = srv.log();
	assert.ok(!log.includes(password), 'password found in the server log');
	assert.ok(!log.includes('Wrong-log-pass-654'), 'failed password found in the server log');
	assert.ok(!log.includes(client.token), 'session token found in the server log');
	assert.ok(!log.includes(ADMIN_PASSWORD), 'admin password found in the server log');
	const lines = log.split('\n').filter((l) => l.trim().startsWith('{'));
	assert.ok(lines.length > 0, 'no JSON log lines on stderr');
	for (const l of lines) assert.doesNotThrow(() => JSON.parse(l), `not JSON: ${l}`);
});

test('unknown routes under /api answer 404 not_found', async () => {
	expectError(await admin.get('/api/no-such-thing'), 404, 'not_found', undefined, srv);
	expectError(await admin.post('/api/no-such-thing', {}), 404, 'not_found', undefined, srv);
	expectError(await admin.get('/api/orgs/999999999'), 404, 'not_found', undefined, srv);
	expectError(await admin.get('/api/members/999999999'), 404, 'not_found', undefined, srv);
	expectError(await admin.get('/api/users/999999999'), 404, 'not_found', undefined, srv);
	expectError(await admin.get('/api/clusters/999999999'), 404, 'not_found', undefined, srv);
});

test('POST /api/me/password changes the own password and ends the user\'s sessions', async () => {
	const { username, password, client } = await createUserAndLogin(admin, srv, { roles: screenRole() });
	const other = await srv.login(username, password);
	expectError(await client.post('/api/me/password', { old_password: 'not-the-password', new_password: 'Brand-new-pass-1' }),
		422, 'invalid_field', 'old_password', srv);
	expectError(await client.post('/api/me/password', { old_password: password, new_password: 'short' }),
		422, 'invalid_field', 'new_password', srv);
	expectError(await client.asCookie({ sendCsrf: false }).post('/api/me/password', { old_password: password, new_password: 'Brand-new-pass-1' }),
		403, 'csrf_failed', undefined, srv);
	expectStatus(await srv.loginRaw(username, password), 200, srv);
	assert.deepEqual(expectStatus(await client.post('/api/me/password', { old_password: password, new_password: 'Brand-new-pass-1' }), 200, srv), { ok: true });
	expectError(await client.get('/api/me'), 401, 'unauthorized', undefined, srv);
	expectError(await other.get('/api/me'), 401, 'unauthorized', undefined, srv);
	expectError(await srv.loginRaw(username, password), 401, 'invalid_credentials', undefined, srv);
	expectStatus(await srv.loginRaw(username, 'Brand-new-pass-1'), 200, srv);
	expectError(await srv.client().post('/api/me/password', { old_password: password, new_password: 'Brand-new-pass-2' }), 401, 'unauthorized', undefined, srv);
});
