// The audit trail: every write appends one entry with before/after, newest
// first; filters; who may read it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	expectStatus, expectError, expectList, createOrg, createMember, createUserAndLogin, uniq,
	ISO_TIME_0800, listAll,
} from './harness.mjs';
import { startWithTree } from './fixtures.mjs';

let srv;
let admin;
let adminId;
let city, dA, dB, a1, b1;
let comA, secA1;

before(async () => {
	({ srv, admin, city, dA, dB, a1, b1 } = await startWithTree({
		dA: 'city', dB: 'city', a1: 'dA', b1: { parent: 'dB', name: '乙一支部', level: 'city' },
	}));
	adminId = admin.user.id;
	comA = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: dA.id }] });
	secA1 = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] });
});
after(async () => { await srv?.stop(); });

const AUDIT_KEYS = ['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'before', 'after'];

async function audit(client, query) {
	const b = expectList(await client.get(`/api/audit?${query}&size=200`), srv);
	for (const e of b.items) {
		for (const k of AUDIT_KEYS) assert.ok(k in e, `audit entry without ${k}: ${JSON.stringify(e)}`);
		assert.match(e.at, ISO_TIME_0800);
		assert.ok(e.before === null || typeof e.before === 'object');
		assert.ok(e.after === null || typeof e.after === 'object');
	}
	return b;
}

function assertNewestFirst(items) {
	for (let i = 1; i < items.length; i++) {
		assert.ok(items[i - 1].id > items[i].id, `not newest first: ${items[i - 1].id} before ${items[i].id}`);
		assert.ok(items[i - 1].at >= items[i].at, `not newest first: ${items[i - 1].at} before ${items[i].at}`);
	}
}

test('creating, changing and deleting an org appends one entry each, with before and after', async () => {
	const o = await createOrg(admin, { name: uniq('审计支部'), parent_id: dA.id }, srv);
	let a = await audit(admin, `entity=org&entity_id=${o.id}`);
	assert.equal(a.total, 1);
	const c = a.items[0];
	assert.equal(c.action, 'create');
	assert.equal(c.entity, 'org');
	assert.equal(c.entity_id, o.id);
	assert.equal(c.user_id, adminId);
	assert.equal(c.username, 'admin');
	assert.equal(c.before, null);
	assert.equal(c.after.name, o.name);
	assert.equal(c.after.parent_id, dA.id);

	const newName = uniq('审计改名');
	expectStatus(await admin.patch(`/api/orgs/${o.id}`, { name: newName }), 200, srv);
	a = await audit(admin, `entity=org&entity_id=${o.id}`);
	assert.equal(a.total, 2);
	const u = a.items[0];
	assert.equal(u.action, 'update');
	assert.equal(u.before.name, o.name);
	assert.equal(u.after.name, newName);

	expectStatus(await admin.del(`/api/orgs/${o.id}`), 200, srv);
	a = await audit(admin, `entity=org&entity_id=${o.id}`);
	assert.equal(a.total, 3);
	assert.deepEqual(a.items.map((e) => e.action), ['delete', 'update', 'create']);
	assert.equal(a.items[0].before.name, newName);
	assert.equal(a.items[0].after, null);
	assertNewestFirst(a.items);
});

test('moving an org is audited with the old and the new parent', async () => {
	const newest = (await audit(admin, 'page=1')).items[0].id;
	const o = await createOrg(admin, { name: uniq('审计搬迁'), kind: 'general_branch', parent_id: dA.id }, srv);
	await createOrg(admin, { name: uniq('审计搬迁子'), parent_id: o.id }, srv);
	expectStatus(await admin.patch(`/api/orgs/${o.id}`, { parent_id: dB.id }), 200, srv);
	const a = await audit(admin, `entity=org&entity_id=${o.id}`);
	// (Only entries written by this test: see the id reuse test below.)
	const mine = a.items.filter((e) => e.id > newest);
	assert.deepEqual(mine.map((e) => e.action).map((x) => (x === 'update' ? 'move' : x)), ['move', 'create']);
	const mv = mine[0];
	assert.ok(['move', 'update'].includes(mv.action), mv.action);
	assert.equal(mv.before.parent_id, dA.id);
	assert.equal(mv.after.parent_id, dB.id);
	const moves = await audit(admin, 'action=move');
	if (mv.action === 'move') assert.ok(moves.items.some((e) => e.id === mv.id));
});

test('ids of deleted records are not reused, so an audit history never mixes two records', async () => {
	for (const [kind, make, del] of [
		['org', () => createOrg(admin, { name: uniq('复用'), parent_id: dA.id }, srv), (x) => admin.del(`/api/orgs/${x.id}`)],
		['member', () => createMember(admin, { org_id: a1.id }, srv), (x) => admin.del(`/api/members/${x.id}`)],
	]) {
		const first = await make();
		expectStatus(await del(first), 200, srv);
		const second = await make();
		assert.notEqual(second.id, first.id, `a new ${kind} got the id of a deleted one (${first.id})`);
		const a = await audit(admin, `entity=${kind}&entity_id=${second.id}`);
		assert.equal(a.total, 1, `the audit of the new ${kind} ${second.id} has entries of another record`);
	}
});

test('member create, update, transfer and delete are audited', async () => {
	const m = await createMember(admin, { org_id: a1.id }, srv);
	expectStatus(await admin.patch(`/api/members/${m.id}`, { position: '宣传委员' }), 200, srv);
	expectStatus(await admin.post(`/api/members/${m.id}/transfer`, { to_org_id: b1.id, reason: '调动' }), 200, srv);
	expectStatus(await admin.del(`/api/members/${m.id}`), 200, srv);
	const a = await audit(admin, `entity=member&entity_id=${m.id}`);
	assert.equal(a.total, 4);
	assert.deepEqual(a.items.map((e) => e.action), ['delete', 'transfer', 'update', 'create']);
	assertNewestFirst(a.items);
	const [del, tr, up, cr] = a.items;
	assert.equal(cr.before, null);
	assert.equal(cr.after.name, m.name);
	assert.equal(cr.after.org_id, a1.id);
	assert.equal(up.before.position, m.position ?? null);
	assert.equal(up.after.position, '宣传委员');
	assert.equal(tr.before.org_id, a1.id);
	assert.equal(tr.after.org_id, b1.id);
	assert.equal(del.before.name, m.name);
	assert.equal(del.after, null);
	for (const e of a.items) {
		assert.equal(e.entity, 'member');
		assert.equal(e.user_id, adminId);
	}
});

test('user create and update are audited without passwords', async () => {
	const password = 'Audit-pass-777';
	const u = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: a1.id }], password });
	expectStatus(await admin.patch(`/api/users/${u.user.id}`, { password: 'Audit-pass-888', display_name: '审计用户' }), 200, srv);
	const a = await audit(admin, `entity=user&entity_id=${u.user.id}`);
	const writes = a.items.filter((e) => e.action !== 'login');
	assert.deepEqual(writes.map((e) => e.action), ['update', 'create']);
	assert.equal(writes[1].after.username, u.username);
	assert.equal(writes[0].after.display_name, '审计用户');
	const text = JSON.stringify(a);
	assert.ok(!text.includes(password) && !text.includes('Audit-pass-888'), 'a password is in the audit trail');
	assert.doesNotMatch(text, /\$argon2|"password(_hash)?"\s*:\s*"/, 'a password hash is in the audit trail');
});

test('cluster create and membership changes are audited', async () => {
	const c = expectStatus(await admin.post('/api/clusters', { name: uniq('审计片区'), description: '' }), 201, srv);
	expectStatus(await admin.post(`/api/clusters/${c.id}/orgs`, { org_id: a1.id }), 200, srv);
	expectStatus(await admin.del(`/api/clusters/${c.id}/orgs/${a1.id}`), 200, srv);
	const a = await audit(admin, `entity=cluster&entity_id=${c.id}`);
	assert.equal(a.total, 3);
	assert.equal(a.items[2].action, 'create');
	assert.equal(a.items[2].before, null);
	assert.equal(a.items[2].after.name, c.name);
	assertNewestFirst(a.items);
	for (const e of a.items) assert.equal(e.entity, 'cluster');
});

test('a login is audited for the user who logged in', async () => {
	const u = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: a1.id }] });
	const a = await audit(admin, `action=login&user_id=${u.user.id}`);
	assert.ok(a.total >= 1, 'no login entry');
	for (const e of a.items) {
		assert.equal(e.action, 'login');
		assert.equal(e.user_id, u.user.id);
		assert.equal(e.username, u.username);
	}
});

test('refused writes leave no audit entry', async () => {
	const before = (await audit(admin, 'page=1')).total;
	// conflict, invalid field, out of scope, unknown field, bad JSON
	expectError(await admin.post('/api/orgs', { name: a1.name, kind: 'branch', level: 'county', parent_id: dA.id }), 409, 'name_taken', undefined, srv);
	expectError(await admin.post('/api/orgs', { name: uniq('x'), kind: 'club', level: 'county', parent_id: dA.id }), 422, 'invalid_field', 'kind', srv);
	expectError(await secA1.client.post('/api/orgs', { name: uniq('越权'), kind: 'branch', level: 'county', parent_id: b1.id }), 403, 'forbidden', undefined, srv);
	expectError(await admin.patch(`/api/orgs/${a1.id}`, { colour: 'red' }), 422, 'unknown_field', 'colour', srv);
	expectError(await admin.post('/api/orgs', '{"name":'), 400, 'bad_json', undefined, srv);
	expectError(await admin.patch(`/api/orgs/${dA.id}`, { parent_id: a1.id }), 409, 'move_into_descendant', undefined, srv);
	assert.equal((await audit(admin, 'page=1')).total, before);
});

test('the audit list filters by entity, action and user, and pages', async () => {
	const own = await createOrg(comA.client, { name: uniq('工委建'), parent_id: dA.id }, srv);
	const byUser = await audit(admin, `user_id=${comA.user.id}`);
	assert.ok(byUser.items.some((e) => e.entity === 'org' && e.entity_id === own.id && e.action === 'create'));
	assert.ok(byUser.items.every((e) => e.user_id === comA.user.id));
	const creates = await audit(admin, 'entity=org&action=create');
	assert.ok(creates.items.every((e) => e.entity === 'org' && e.action === 'create'));
	assert.ok(creates.items.some((e) => e.entity_id === city.id));
	assertNewestFirst(creates.items);
	const all = await audit(admin, 'page=1');
	assertNewestFirst(all.items);
	const p1 = expectList(await admin.get('/api/audit?page=1&size=3'), srv);
	const p2 = expectList(await admin.get('/api/audit?page=2&size=3'), srv);
	assert.equal(p1.items.length, 3);
	assert.equal(p1.total, p2.total);
	assert.ok(p1.items[2].id > p2.items[0].id);
	expectError(await admin.get('/api/audit?size=201'), 422, 'invalid_field', 'size', srv);
});

test('a committee reads the audit of its own subtree only', async () => {
	const inA = await createOrg(admin, { name: uniq('甲区审计'), parent_id: dA.id }, srv);
	const inB = await createOrg(admin, { name: uniq('乙区审计'), parent_id: dB.id }, srv);
	const com = comA.client;
	const mine = await audit(com, `entity=org&entity_id=${inA.id}`);
	assert.equal(mine.total, 1);
	const other = await com.get(`/api/audit?entity=org&entity_id=${inB.id}`);
	if (other.status === 200) {
		assert.equal(expectList(other, srv).total, 0, 'a committee sees audit entries of another district');
	} else {
		expectError(other, [403, 404], ['forbidden', 'not_found'], undefined, srv);
	}
	const everything = await listAll(com, '/api/audit?entity=org', srv);
	assert.ok(everything.some((e) => e.entity_id === inA.id));
	assert.ok(!everything.some((e) => [inB.id, b1.id, dB.id, city.id].includes(e.entity_id)),
		'a committee sees audit entries outside its subtree');
});

test('secretaries, members, judges and screens cannot read the audit (403)', async () => {
	expectError(await secA1.client.get('/api/audit'), 403, 'forbidden', undefined, srv);
	for (const role of ['member', 'judge', 'screen']) {
		const u = await createUserAndLogin(admin, srv, { roles: [{ role, org_id: a1.id }] });
		expectError(await u.client.get('/api/audit'), 403, 'forbidden', undefined, srv);
	}
	expectError(await srv.client().get('/api/audit'), 401, 'unauthorized', undefined, srv);
});
