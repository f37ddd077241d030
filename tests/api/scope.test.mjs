// Scope: every read and write is limited to the subtrees of the caller's
// role orgs. Reads of single records out of scope answer 404 (never reveal
// existence); writes out of scope answer 403.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	expectStatus, expectError, expectList, createOrg, createMember, createUserAndLogin, uniq, listAll,
	maskId, maskPhone, makeIdNumber, makePhone,
} from './harness.mjs';
import { startWithTree, membersOf } from './fixtures.mjs';

let srv;
let admin;
let city, dA, dB, a1, a2, a1g, b1;
let mA1, mA1g, mA2, mB1, mSelf;
let secA1, comA, comCity, memberUser, both, screenA, judgeA;

before(async () => {
	({ srv, admin, city, dA, dB, a1, a2, a1g, b1 } = await startWithTree({
		dA: 'city', dB: 'city', a1: 'dA', a2: 'dA', a1g: 'a1', b1: { parent: 'dB', name: '乙一支部', level: 'city' },
	}));
	[mA1, mA1g, mA2, mB1, mSelf] = await membersOf(admin, srv, [a1, a1g, a2, b1, a1]);
	secA1 = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] });
	comA = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: dA.id }] });
	comCity = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: city.id }] });
	memberUser = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: a1.id }], member_id: mSelf.id });
	both = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }, { role: 'secretary', org_id: b1.id }] });
	screenA = await createUserAndLogin(admin, srv, { roles: [{ role: 'screen', org_id: dA.id }] });
	judgeA = await createUserAndLogin(admin, srv, { roles: [{ role: 'judge', org_id: dA.id }] });
});
after(async () => { await srv?.stop(); });

const ids = (xs) => xs.map((x) => x.id);

test('a secretary reads the members of its branch and of the orgs below it', async () => {
	const sec = secA1.client;
	assert.equal(expectStatus(await sec.get(`/api/members/${mA1.id}`), 200, srv).id, mA1.id);
	assert.equal(expectStatus(await sec.get(`/api/members/${mA1g.id}`), 200, srv).id, mA1g.id);
	expectStatus(await sec.get(`/api/members/${mA1.id}/transfers`), 200, srv);
	assert.equal(expectStatus(await sec.get(`/api/orgs/${a1.id}`), 200, srv).id, a1.id);
	assert.equal(expectStatus(await sec.get(`/api/orgs/${a1g.id}`), 200, srv).id, a1g.id);
	const tree = expectStatus(await sec.get(`/api/orgs/${a1.id}/tree`), 200, srv);
	assert.equal(tree.member_count, 3);
});

test('a secretary cannot read a member or org of a sibling branch, nor its parent (404 not_found)', async () => {
	const sec = secA1.client;
	expectError(await sec.get(`/api/members/${mA2.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec.get(`/api/members/${mB1.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec.get(`/api/members/${mA2.id}/transfers`), 404, 'not_found', undefined, srv);
	for (const o of [a2, dA, city, b1]) {
		expectError(await sec.get(`/api/orgs/${o.id}`), 404, 'not_found', undefined, srv);
		expectError(await sec.get(`/api/orgs/${o.id}/children`), 404, 'not_found', undefined, srv);
		expectError(await sec.get(`/api/orgs/${o.id}/tree`), 404, 'not_found', undefined, srv);
	}
	// Out of scope and nonexistent records are indistinguishable.
	const hidden = await sec.get(`/api/members/${mA2.id}`);
	const missing = await sec.get('/api/members/987654321');
	assert.deepEqual(hidden.body, missing.body);
});

test('a secretary cannot change, delete or transfer a member of a sibling branch (403 forbidden), and nothing changes', async () => {
	const sec = secA1.client;
	expectError(await sec.patch(`/api/members/${mA2.id}`, { position: '越权' }), 403, 'forbidden', undefined, srv);
	expectError(await sec.del(`/api/members/${mA2.id}`), 403, 'forbidden', undefined, srv);
	expectError(await sec.post(`/api/members/${mA2.id}/transfer`, { to_org_id: a1.id, reason: '越权' }), 403, 'forbidden', undefined, srv);
	expectError(await sec.post('/api/members', {
		name: uniq('越权'), gender: 'male', id_number: makeIdNumber(), phone: makePhone(),
		org_id: a2.id, status: 'full', joined_on: '2015-07-01',
	}), 403, 'forbidden', undefined, srv);
	const now = expectStatus(await admin.get(`/api/members/${mA2.id}`), 200, srv);
	assert.deepEqual(now, mA2);
	assert.equal(expectList(await admin.get(`/api/members?org=${a2.id}`), srv).total, 1);
});

test('a secretary does not see members or orgs outside its subtree in lists', async () => {
	const sec = secA1.client;
	const members = await listAll(sec, '/api/members', srv);
	assert.deepEqual(ids(members).sort((x, y) => x - y), [mA1.id, mA1g.id, mSelf.id].sort((x, y) => x - y));
	const q = await listAll(sec, `/api/members?q=${encodeURIComponent(mA2.name)}`, srv);
	assert.equal(q.length, 0);
	const orgs = await listAll(sec, '/api/orgs', srv);
	assert.deepEqual(ids(orgs).sort((x, y) => x - y), [a1.id, a1g.id].sort((x, y) => x - y));
	const orgsQ = await listAll(sec, `/api/orgs?q=${encodeURIComponent(a2.name)}`, srv);
	assert.equal(orgsQ.length, 0);
	// Asking for another org's members gives nothing (an error or an empty list).
	for (const o of [a2, dA]) {
		for (const p of [`/api/members?org=${o.id}`, `/api/members?org=${o.id}&subtree=1`]) {
			const r = await sec.get(p);
			if (r.status === 200) {
				const b = expectList(r, srv);
				const allowed = new Set([mA1.id, mA1g.id, mSelf.id]);
				assert.ok(b.items.every((m) => allowed.has(m.id)), `${p} leaked ${JSON.stringify(b.items)}`);
				if (o.id === a2.id) assert.equal(b.total, 0);
			} else {
				expectError(r, [403, 404], ['forbidden', 'not_found'], undefined, srv);
			}
		}
	}
});

test('a secretary cannot create, change, move or delete orgs outside its subtree (403)', async () => {
	const sec = secA1.client;
	expectError(await sec.post('/api/orgs', { name: uniq('越权支部'), kind: 'branch', level: 'county', parent_id: a2.id }), 403, 'forbidden', undefined, srv);
	expectError(await sec.post('/api/orgs', { name: uniq('越权支部'), kind: 'branch', level: 'county', parent_id: dA.id }), 403, 'forbidden', undefined, srv);
	expectError(await sec.post('/api/orgs', { name: uniq('越权根'), kind: 'work_committee', level: 'city', parent_id: null }), 403, 'forbidden', undefined, srv);
	expectError(await sec.patch(`/api/orgs/${a2.id}`, { name: uniq('越权改名') }), 403, 'forbidden', undefined, srv);
	expectError(await sec.del(`/api/orgs/${a2.id}`), 403, 'forbidden', undefined, srv);
	// Moving its own subtree somewhere outside its scope.
	expectError(await sec.patch(`/api/orgs/${a1g.id}`, { parent_id: a2.id }), 403, 'forbidden', undefined, srv);
	expectError(await sec.patch(`/api/orgs/${a1.id}`, { parent_id: dB.id }), 403, 'forbidden', undefined, srv);
	const orgs = await listAll(admin, `/api/orgs?q=${encodeURIComponent('越权')}`, srv);
	assert.equal(orgs.length, 0);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${a1g.id}`), 200, srv).parent_id, a1.id);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${a1.id}`), 200, srv).parent_id, dA.id);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${a2.id}`), 200, srv).name, a2.name);
});

test('a district committee sees its district only', async () => {
	const com = comA.client;
	const orgs = await listAll(com, '/api/orgs', srv);
	assert.deepEqual(ids(orgs).sort((x, y) => x - y), [dA.id, a1.id, a2.id, a1g.id].sort((x, y) => x - y));
	for (const o of orgs) assert.ok(o.path.startsWith(dA.path), o.path);
	const members = await listAll(com, '/api/members', srv);
	assert.deepEqual(ids(members).sort((x, y) => x - y), [mA1.id, mA1g.id, mA2.id, mSelf.id].sort((x, y) => x - y));
	expectError(await com.get(`/api/orgs/${dB.id}`), 404, 'not_found', undefined, srv);
	expectError(await com.get(`/api/orgs/${b1.id}`), 404, 'not_found', undefined, srv);
	expectError(await com.get(`/api/orgs/${city.id}`), 404, 'not_found', undefined, srv);
	expectError(await com.get(`/api/orgs/${city.id}/tree`), 404, 'not_found', undefined, srv);
	expectError(await com.get(`/api/members/${mB1.id}`), 404, 'not_found', undefined, srv);
	const tree = expectStatus(await com.get(`/api/orgs/${dA.id}/tree`), 200, srv);
	assert.equal(tree.member_count, 4);
	// The committee sees full numbers in its district.
	assert.equal(expectStatus(await com.get(`/api/members/${mA2.id}`), 200, srv).id_number, mA2.id_number);
});

test('a district committee writes inside its district and gets 403 outside it', async () => {
	const com = comA.client;
	const inside = expectStatus(await com.post('/api/orgs', { name: uniq('区内新支部'), kind: 'branch', level: 'county', parent_id: dA.id }), 201, srv);
	expectError(await com.post('/api/orgs', { name: uniq('区外支部'), kind: 'branch', level: 'county', parent_id: dB.id }), 403, 'forbidden', undefined, srv);
	expectError(await com.post('/api/orgs', { name: uniq('区外根'), kind: 'work_committee', level: 'city', parent_id: null }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/orgs/${b1.id}`, { name: uniq('区外改名') }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/orgs/${inside.id}`, { parent_id: dB.id }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/orgs/${dA.id}`, { parent_id: dB.id }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/members/${mB1.id}`, { position: '区外' }), 403, 'forbidden', undefined, srv);
	expectError(await com.del(`/api/members/${mB1.id}`), 403, 'forbidden', undefined, srv);
	expectError(await com.post('/api/members', {
		name: uniq('区外党员'), gender: 'female', id_number: makeIdNumber({ gender: 'female' }), phone: makePhone(),
		org_id: b1.id, status: 'full', joined_on: '2015-07-01',
	}), 403, 'forbidden', undefined, srv);
	const m = expectStatus(await com.post('/api/members', {
		name: uniq('区内党员'), gender: 'female', id_number: makeIdNumber({ gender: 'female' }), phone: makePhone(),
		org_id: inside.id, status: 'full', joined_on: '2015-07-01',
	}), 201, srv);
	expectStatus(await com.patch(`/api/members/${m.id}`, { position: '组织委员' }), 200, srv);
	expectStatus(await com.del(`/api/members/${m.id}`), 200, srv);
	expectStatus(await com.del(`/api/orgs/${inside.id}`), 200, srv);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${b1.id}`), 200, srv).name, b1.name);
	assert.deepEqual(expectStatus(await admin.get(`/api/members/${mB1.id}`), 200, srv), mB1);
});

test('a city committee sees both districts', async () => {
	const com = comCity.client;
	const orgs = await listAll(com, '/api/orgs', srv);
	for (const o of [city, dA, dB, a1, a2, a1g, b1]) assert.ok(orgs.some((x) => x.id === o.id), o.name);
	const members = await listAll(com, '/api/members', srv);
	for (const m of [mA1, mA2, mB1]) assert.ok(members.some((x) => x.id === m.id));
});

test('a user with two roles sees the union of both subtrees', async () => {
	const c = both.client;
	const members = await listAll(c, '/api/members', srv);
	assert.deepEqual(ids(members).sort((x, y) => x - y), [mA1.id, mA1g.id, mSelf.id, mB1.id].sort((x, y) => x - y));
	expectStatus(await c.get(`/api/members/${mB1.id}`), 200, srv);
	expectError(await c.get(`/api/members/${mA2.id}`), 404, 'not_found', undefined, srv);
});

test('a member-role user reads its own member record only', async () => {
	const c = memberUser.client;
	const me = expectStatus(await c.get('/api/me'), 200, srv);
	assert.equal(me.member_id, mSelf.id);
	const own = expectStatus(await c.get(`/api/members/${mSelf.id}`), 200, srv);
	assert.equal(own.id, mSelf.id);
	assert.equal(own.name, mSelf.name);
	// Only admin and committee see full numbers.
	assert.equal(own.id_number, maskId(mSelf.id_number));
	assert.equal(own.phone, maskPhone(mSelf.phone));
	for (const m of [mA1, mA1g, mA2, mB1]) {
		expectError(await c.get(`/api/members/${m.id}`), 404, 'not_found', undefined, srv);
	}
	const list = await c.get('/api/members');
	if (list.status === 200) {
		assert.deepEqual(ids(expectList(list, srv).items), [mSelf.id]);
	} else {
		expectError(list, 403, 'forbidden', undefined, srv);
	}
	expectError(await c.patch(`/api/members/${mSelf.id}`, { position: '自封' }), 403, 'forbidden', undefined, srv);
	expectError(await c.del(`/api/members/${mSelf.id}`), 403, 'forbidden', undefined, srv);
	expectError(await c.post('/api/orgs', { name: uniq('自建'), kind: 'group', level: 'county', parent_id: a1.id }), 403, 'forbidden', undefined, srv);
	expectError(await c.get('/api/audit'), 403, 'forbidden', undefined, srv);
	assert.deepEqual(expectStatus(await admin.get(`/api/members/${mSelf.id}`), 200, srv), mSelf);
});

test('screen and judge roles cannot change orgs or members', async () => {
	for (const u of [screenA, judgeA]) {
		const c = u.client;
		expectError(await c.post('/api/orgs', { name: uniq('无权'), kind: 'branch', level: 'county', parent_id: dA.id }), 403, 'forbidden', undefined, srv);
		expectError(await c.patch(`/api/orgs/${a1.id}`, { name: uniq('无权') }), 403, 'forbidden', undefined, srv);
		expectError(await c.patch(`/api/members/${mA1.id}`, { position: '无权' }), 403, 'forbidden', undefined, srv);
		expectError(await c.del(`/api/members/${mA1.id}`), 403, 'forbidden', undefined, srv);
		expectError(await c.post('/api/members', {
			name: uniq('无权'), gender: 'male', id_number: makeIdNumber(), phone: makePhone(),
			org_id: a1.id, status: 'full', joined_on: '2015-07-01',
		}), 403, 'forbidden', undefined, srv);
	}
	assert.deepEqual(expectStatus(await admin.get(`/api/members/${mA1.id}`), 200, srv), mA1);
});

test('role changes take effect on existing sessions at once', async () => {
	const u = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] });
	expectStatus(await u.client.get(`/api/members/${mA1.id}`), 200, srv);
	expectError(await u.client.get(`/api/members/${mB1.id}`), 404, 'not_found', undefined, srv);
	expectStatus(await admin.patch(`/api/users/${u.user.id}`, { roles: [{ role: 'secretary', org_id: b1.id }] }), 200, srv);
	expectError(await u.client.get(`/api/members/${mA1.id}`), 404, 'not_found', undefined, srv);
	expectStatus(await u.client.get(`/api/members/${mB1.id}`), 200, srv);
	expectError(await u.client.patch(`/api/members/${mA1.id}`, { position: '旧权限' }), 403, 'forbidden', undefined, srv);
	const members = await listAll(u.client, '/api/members', srv);
	assert.deepEqual(ids(members), [mB1.id]);
	const me = expectStatus(await u.client.get('/api/me'), 200, srv);
	assert.deepEqual(me.roles.map((r) => [r.role, r.org_id]), [['secretary', b1.id]]);
});

test('after an org moves, every scope follows the new tree at once', async () => {
	// A branch of district A with a member and its own secretary moves to district B.
	const x = await createOrg(admin, { name: uniq('搬迁支部'), parent_id: dA.id }, srv);
	const mx = await createMember(admin, { org_id: x.id }, srv);
	const secX = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: x.id }] });
	const comB = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: dB.id }] });
	expectStatus(await comA.client.get(`/api/members/${mx.id}`), 200, srv);
	expectError(await comB.client.get(`/api/members/${mx.id}`), 404, 'not_found', undefined, srv);

	expectStatus(await admin.patch(`/api/orgs/${x.id}`, { parent_id: dB.id }), 200, srv);

	expectError(await comA.client.get(`/api/members/${mx.id}`), 404, 'not_found', undefined, srv);
	expectError(await comA.client.get(`/api/orgs/${x.id}`), 404, 'not_found', undefined, srv);
	assert.ok(!(await listAll(comA.client, '/api/members', srv)).some((m) => m.id === mx.id));
	assert.ok(!(await listAll(comA.client, '/api/orgs', srv)).some((o) => o.id === x.id));
	expectStatus(await comB.client.get(`/api/members/${mx.id}`), 200, srv);
	assert.ok((await listAll(comB.client, '/api/members', srv)).some((m) => m.id === mx.id));
	assert.equal(expectStatus(await comB.client.get(`/api/members/${mx.id}`), 200, srv).id_number, mx.id_number);
	// The branch's own secretary keeps its branch, wherever it is now.
	expectStatus(await secX.client.get(`/api/members/${mx.id}`), 200, srv);
	assert.deepEqual(ids(await listAll(secX.client, '/api/members', srv)), [mx.id]);
	const me = expectStatus(await secX.client.get('/api/me'), 200, srv);
	assert.equal(me.roles[0].org_path, `${dB.path}${x.id}/`);
});

test('after a transfer the member leaves the old scope and enters the new one', async () => {
	const m = await createMember(admin, { org_id: a2.id }, srv);
	const comB = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: dB.id }] });
	expectStatus(await comA.client.get(`/api/members/${m.id}`), 200, srv);
	expectStatus(await comA.client.post(`/api/members/${m.id}/transfer`, { to_org_id: a1.id, reason: '区内调动' }), 200, srv);
	expectStatus(await secA1.client.get(`/api/members/${m.id}`), 200, srv);
	expectStatus(await admin.post(`/api/members/${m.id}/transfer`, { to_org_id: b1.id, reason: '跨区调动' }), 200, srv);
	expectError(await comA.client.get(`/api/members/${m.id}`), 404, 'not_found', undefined, srv);
	expectError(await secA1.client.get(`/api/members/${m.id}`), 404, 'not_found', undefined, srv);
	assert.ok(!(await listAll(secA1.client, '/api/members', srv)).some((x) => x.id === m.id));
	expectStatus(await comB.client.get(`/api/members/${m.id}`), 200, srv);
	// The committee of the old district cannot move the member any further.
	expectError(await comA.client.post(`/api/members/${m.id}/transfer`, { to_org_id: a1.id, reason: '越权' }), 403, 'forbidden', undefined, srv);
});

test('a transfer into an org outside the caller\'s scope is refused (403)', async () => {
	const m = await createMember(admin, { org_id: a1.id }, srv);
	expectError(await secA1.client.post(`/api/members/${m.id}/transfer`, { to_org_id: b1.id, reason: '越权调出' }), 403, 'forbidden', undefined, srv);
	assert.equal(expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv).org_id, a1.id);
});
