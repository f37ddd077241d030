// Users and their roles: who may create them, validation, uniqueness,
// listing in scope, updates (display name, password, roles, disabled).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN_PASSWORD, XF_BIN, expectStatus, expectError, expectList, createMember, createUserAndLogin,
	uniq, listAll,
} from './harness.mjs';
import { startWithTree } from './fixtures.mjs';
import { execFile } from 'node:child_process';

let srv;
let admin;
let city, dA, dB, a1, b1;
let comA;

before(async () => {
	({ srv, admin, city, dA, dB, a1, b1 } = await startWithTree({
		dA: 'city', dB: 'city', a1: 'dA', b1: { parent: 'dB', name: '乙一支部', level: 'city' },
	}));
	comA = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: dA.id }] });
});
after(async () => { await srv?.stop(); });

function assertNoSecrets(obj) {
	const text = JSON.stringify(obj);
	assert.doesNotMatch(text, /"(password|password_hash|hash|salt)"/i, text);
	assert.doesNotMatch(text, /\$argon2/, text);
}

test('an admin creates a user; the answer describes it without any password', async () => {
	const username = uniq('zhangsan');
	const res = await admin.post('/api/users', {
		username, password: 'Zhang-pass-1', display_name: '张三',
		roles: [{ role: 'secretary', org_id: a1.id }, { role: 'judge', org_id: dA.id }],
	});
	const u = expectStatus(res, 201, srv);
	assert.equal(typeof u.id, 'number');
	assert.equal(u.username, username);
	assert.equal(u.display_name, '张三');
	assert.equal(u.member_id, null);
	assert.equal(u.disabled, false);
	assert.equal(u.roles.length, 2);
	assert.ok(u.roles.some((r) => r.role === 'secretary' && r.org_id === a1.id));
	assert.ok(u.roles.some((r) => r.role === 'judge' && r.org_id === dA.id));
	assertNoSecrets(u);
	const got = expectStatus(await admin.get(`/api/users/${u.id}`), 200, srv);
	assert.equal(got.username, username);
	assertNoSecrets(got);
	const list = expectList(await admin.get(`/api/users?q=${encodeURIComponent(username)}`), srv);
	assert.deepEqual(list.items.map((x) => x.id), [u.id]);
	assert.equal(list.total, 1);
	assertNoSecrets(list);
	expectStatus(await srv.loginRaw(username, 'Zhang-pass-1'), 200, srv);
});

test('usernames are unique (409 username_taken)', async () => {
	const username = uniq('lisi');
	expectStatus(await admin.post('/api/users', { username, password: 'Lisi-pass-1', display_name: '李四', roles: [{ role: 'member', org_id: a1.id }] }), 201, srv);
	expectError(await admin.post('/api/users', { username, password: 'Other-pass-1', display_name: '另一个李四', roles: [{ role: 'member', org_id: a1.id }] }),
		409, 'username_taken', undefined, srv);
	// The first user's password still works.
	expectStatus(await srv.loginRaw(username, 'Lisi-pass-1'), 200, srv);
});

test('a password follows the password rule; username and roles are validated', async () => {
	const base = { display_name: '王五', roles: [{ role: 'member', org_id: a1.id }] };
	expectError(await admin.post('/api/users', { ...base, username: uniq('w'), password: '1234567' }), 422, 'invalid_field', 'password', srv);
	expectError(await admin.post('/api/users', { ...base, username: uniq('w') }), 422, 'invalid_field', 'password', srv);
	expectError(await admin.post('/api/users', { ...base, username: uniq('w'), password: '12345678' }), 422, 'invalid_field', 'password', srv);
	expectStatus(await admin.post('/api/users', { ...base, username: uniq('w'), password: 'Plain-pass-12' }), 201, srv);
	expectError(await admin.post('/api/users', { ...base, password: 'Wangwu-pass-1' }), 422, 'invalid_field', 'username', srv);
	expectError(await admin.post('/api/users', { ...base, username: '', password: 'Wangwu-pass-1' }), 422, 'invalid_field', 'username', srv);

	const roleErr = async (roles) => {
		const r = await admin.post('/api/users', { ...base, username: uniq('w'), password: 'Wangwu-pass-1', roles });
		const e = expectError(r, 422, 'invalid_field', undefined, srv);
		assert.match(e.field ?? '', /^roles/, `field should name roles: ${r.text}`);
	};
	await roleErr([{ role: 'king', org_id: a1.id }]);
	await roleErr([{ role: 'secretary' }]);
	await roleErr([{ role: 'secretary', org_id: null }]);
	await roleErr('secretary');
	const unknownOrg = await admin.post('/api/users', { ...base, username: uniq('w'), password: 'Wangwu-pass-1', roles: [{ role: 'secretary', org_id: 987654321 }] });
	assert.ok([404, 422].includes(unknownOrg.status), `${unknownOrg.status} ${unknownOrg.text}`);
});

test('a committee creates users for roles inside its subtree only, and never admins', async () => {
	const com = comA.client;
	const ok = expectStatus(await com.post('/api/users', { username: uniq('secA'), password: 'Sec-pass-123', display_name: '甲一书记',
		roles: [{ role: 'secretary', org_id: a1.id }] }), 201, srv);
	assert.equal(ok.roles[0].org_id, a1.id);
	expectError(await com.post('/api/users', { username: uniq('secB'), password: 'Sec-pass-123', display_name: '乙一书记',
		roles: [{ role: 'secretary', org_id: b1.id }] }), 403, 'forbidden', undefined, srv);
	expectError(await com.post('/api/users', { username: uniq('cityc'), password: 'Sec-pass-123', display_name: '市工委',
		roles: [{ role: 'committee', org_id: city.id }] }), 403, 'forbidden', undefined, srv);
	expectError(await com.post('/api/users', { username: uniq('boss'), password: 'Sec-pass-123', display_name: '管理员',
		roles: [{ role: 'admin', org_id: null }] }), 403, 'forbidden', undefined, srv);
	expectError(await com.post('/api/users', { username: uniq('mixed'), password: 'Sec-pass-123', display_name: '混合',
		roles: [{ role: 'secretary', org_id: a1.id }, { role: 'admin', org_id: null }] }), 403, 'forbidden', undefined, srv);
	// None of the refused users exists.
	const all = await listAll(admin, '/api/users', srv);
	assert.ok(!all.some((u) => /^(secB|cityc|boss|mixed)/.test(u.username)), JSON.stringify(all.map((u) => u.username)));
});

test('a committee cannot raise roles by PATCH: no admin, nothing outside its subtree, not for itself', async () => {
	const com = comA.client;
	const u = expectStatus(await com.post('/api/users', { username: uniq('grow'), password: 'Grow-pass-123', display_name: '成长',
		roles: [{ role: 'member', org_id: a1.id }] }), 201, srv);
	expectError(await com.patch(`/api/users/${u.id}`, { roles: [{ role: 'admin', org_id: null }] }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/users/${u.id}`, { roles: [{ role: 'secretary', org_id: b1.id }] }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/users/${comA.user.id}`, { roles: [{ role: 'admin', org_id: null }] }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/users/${comA.user.id}`, { roles: [{ role: 'committee', org_id: city.id }] }), 403, 'forbidden', undefined, srv);
	const p = expectStatus(await com.patch(`/api/users/${u.id}`, { roles: [{ role: 'secretary', org_id: a1.id }] }), 200, srv);
	assert.deepEqual(p.roles.map((r) => [r.role, r.org_id]), [['secretary', a1.id]]);
	const me = expectStatus(await com.get('/api/me'), 200, srv);
	assert.deepEqual(me.roles.map((r) => [r.role, r.org_id]), [['committee', dA.id]]);
});

test('secretaries and members cannot create or change users (403)', async () => {
	const sec = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] });
	const mem = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: a1.id }] });
	for (const c of [sec.client, mem.client]) {
		expectError(await c.post('/api/users', { username: uniq('x'), password: 'Xxxx-pass-1', display_name: 'x',
			roles: [{ role: 'member', org_id: a1.id }] }), 403, 'forbidden', undefined, srv);
		expectError(await c.patch(`/api/users/${mem.user.id}`, { display_name: '改' }), [403, 404], ['forbidden', 'not_found'], undefined, srv);
	}
	expectError(await sec.client.patch(`/api/users/${sec.user.id}`, { roles: [{ role: 'admin', org_id: null }] }), 403, 'forbidden', undefined, srv);
	assert.equal(expectStatus(await admin.get(`/api/users/${mem.user.id}`), 200, srv).display_name, mem.user.display_name);
});

test('a committee lists and reads only users whose roles are inside its subtree', async () => {
	const inA = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] });
	const inB = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: b1.id }] });
	const com = comA.client;
	const list = await listAll(com, '/api/users', srv);
	assert.ok(list.some((u) => u.id === inA.user.id));
	assert.ok(!list.some((u) => u.id === inB.user.id), 'a user of another district is listed');
	assert.ok(!list.some((u) => u.username === 'admin'), 'the admin is listed to a committee');
	expectStatus(await com.get(`/api/users/${inA.user.id}`), 200, srv);
	expectError(await com.get(`/api/users/${inB.user.id}`), 404, 'not_found', undefined, srv);
	expectError(await com.patch(`/api/users/${inB.user.id}`, { disabled: true }), 403, 'forbidden', undefined, srv);
	expectStatus(await srv.loginRaw(inB.username, inB.password), 200, srv);
	const all = expectList(await admin.get('/api/users?size=200'), srv);
	assert.ok(all.items.some((u) => u.id === inB.user.id));
	assert.ok(all.items.some((u) => u.username === 'admin'));
	const page = expectList(await admin.get('/api/users?page=1&size=1'), srv);
	assert.equal(page.items.length, 1);
	assert.equal(page.total, all.total);
});

test('PATCH changes the display name, the password and the roles', async () => {
	const u = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: a1.id }], password: 'Old-pass-123' });
	const p = expectStatus(await admin.patch(`/api/users/${u.user.id}`, { display_name: '新名字' }), 200, srv);
	assert.equal(p.display_name, '新名字');
	expectError(await admin.patch(`/api/users/${u.user.id}`, { password: 'short' }), 422, 'invalid_field', 'password', srv);
	expectStatus(await admin.patch(`/api/users/${u.user.id}`, { password: 'New-pass-456' }), 200, srv);
	expectError(await srv.loginRaw(u.username, 'Old-pass-123'), 401, 'invalid_credentials', undefined, srv);
	const c = await srv.login(u.username, 'New-pass-456');
	const r = expectStatus(await admin.patch(`/api/users/${u.user.id}`, { roles: [{ role: 'secretary', org_id: b1.id }, { role: 'screen', org_id: dA.id }] }), 200, srv);
	assert.equal(r.roles.length, 2);
	const me = expectStatus(await c.get('/api/me'), 200, srv);
	assert.deepEqual(me.roles.map((x) => [x.role, x.org_id]).sort(), [['screen', dA.id], ['secretary', b1.id]].sort());
	assertNoSecrets(r);
	expectError(await admin.patch('/api/users/987654321', { display_name: '无' }), 404, 'not_found', undefined, srv);
});

test('member_id links a user to a member record and shows in /api/me', async () => {
	const m = await createMember(admin, { org_id: a1.id }, srv);
	const u = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: a1.id }], member_id: m.id });
	assert.equal(u.user.member_id, m.id);
	const me = expectStatus(await u.client.get('/api/me'), 200, srv);
	assert.equal(me.member_id, m.id);
	const missing = await admin.post('/api/users', { username: uniq('ghost'), password: 'Ghost-pass-1', display_name: '无',
		member_id: 987654321, roles: [{ role: 'member', org_id: a1.id }] });
	assert.ok([404, 422].includes(missing.status), `${missing.status} ${missing.text}`);
});

test('a committee cannot link a user to a member outside its subtree', async () => {
	const mb = await createMember(admin, { org_id: b1.id }, srv);
	const r = await comA.client.post('/api/users', { username: uniq('link'), password: 'Link-pass-123', display_name: '链接',
		member_id: mb.id, roles: [{ role: 'member', org_id: a1.id }] });
	expectError(r, [403, 404, 422], ['forbidden', 'not_found', 'invalid_field'], undefined, srv);
	assert.notEqual(r.status, 201);
});

test('concurrent creates with the same username: exactly one wins, the others get 409', async () => {
	const username = uniq('race');
	// a create refused as busy (503: the write lock not had in time, as
	// on a loaded machine) is sent again, as a client would
	const create = async () => {
		for (;;) {
			const r = await admin.post('/api/users',
				{ username, password: 'Race-pass-123', display_name: '并发', roles: [{ role: 'member', org_id: a1.id }] });
			if (r.status !== 503) return r;
			expectError(r, 503, 'busy', undefined, srv);
		}
	};
	const results = await Promise.all(Array.from({ length: 8 }, create));
	assert.equal(results.filter((r) => r.status === 201).length, 1, results.map((r) => `${r.status} ${r.text.slice(0, 120)}`).join('\n'));
	for (const r of results.filter((x) => x.status !== 201)) expectError(r, 409, 'username_taken', undefined, srv);
});

test('a committee cannot change the admin or a user holding any role outside its subtree', async () => {
	const mixed = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }, { role: 'secretary', org_id: b1.id }] });
	const com = comA.client;
	for (const id of [admin.user.id, mixed.user.id]) {
		expectError(await com.patch(`/api/users/${id}`, { disabled: true }), 403, 'forbidden', undefined, srv);
		expectError(await com.patch(`/api/users/${id}`, { password: 'Taken-over-123' }), 403, 'forbidden', undefined, srv);
		expectError(await com.patch(`/api/users/${id}`, { roles: [{ role: 'secretary', org_id: a1.id }] }), 403, 'forbidden', undefined, srv);
		expectError(await com.get(`/api/users/${id}`), 404, 'not_found', undefined, srv);
	}
	expectStatus(await srv.loginRaw('admin', ADMIN_PASSWORD), 200, srv);
	expectStatus(await srv.loginRaw(mixed.username, mixed.password), 200, srv);
	const m = expectStatus(await admin.get(`/api/users/${mixed.user.id}`), 200, srv);
	assert.equal(m.roles.length, 2);
});

test('a member-role user cannot relink itself to another member record', async () => {
	const mine = await createMember(admin, { org_id: a1.id }, srv);
	const other = await createMember(admin, { org_id: a1.id }, srv);
	const u = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: a1.id }], member_id: mine.id });
	expectError(await u.client.patch(`/api/users/${u.user.id}`, { member_id: other.id }), 403, 'forbidden', undefined, srv);
	expectError(await u.client.get(`/api/members/${other.id}`), 404, 'not_found', undefined, srv);
	assert.equal(expectStatus(await u.client.get('/api/me'), 200, srv).member_id, mine.id);
});

// The server keeps recently resolved sessions in memory: a change of roles
// made through it applies to the very next request, and one made by
// another process (the command line, a second server) within 2 seconds.
test('a change of roles applies to the next request, even to a session just used', async () => {
	const { client, user } = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] });
	expectStatus(await client.get(`/api/orgs/${a1.id}`), 200, srv);
	expectStatus(await client.get(`/api/orgs/${a1.id}`), 200, srv);
	expectStatus(await admin.patch(`/api/users/${user.id}`, { roles: [{ role: 'secretary', org_id: b1.id }] }), 200, srv);
	expectError(await client.get(`/api/orgs/${a1.id}`), 404, 'not_found', undefined, srv);
	expectStatus(await client.get(`/api/orgs/${b1.id}`), 200, srv);
	const me = expectStatus(await client.get('/api/me'), 200, srv);
	assert.deepEqual(me.roles.map((r) => [r.role, r.org_id]), [['secretary', b1.id]]);
	// disabling the account ends its sessions at once
	expectStatus(await admin.patch(`/api/users/${user.id}`, { disabled: true }), 200, srv);
	expectError(await client.get('/api/me'), 401, 'unauthorized', undefined, srv);
});

test('a change of roles made by another process applies within 2 seconds', async () => {
	const { client, user } = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] });
	expectStatus(await client.get(`/api/orgs/${a1.id}`), 200, srv);
	await new Promise((resolve, reject) => {
		execFile(XF_BIN, ['user', 'roles', '--db', srv.db, '--username', user.username, '--role', `secretary:${b1.id}`],
			{ timeout: 60000 }, (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve()));
	});
	await new Promise((r) => setTimeout(r, 2100));
	expectError(await client.get(`/api/orgs/${a1.id}`), 404, 'not_found', undefined, srv);
	expectStatus(await client.get(`/api/orgs/${b1.id}`), 200, srv);
});
