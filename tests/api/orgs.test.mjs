// The organization tree: create, read, list, children, tree with member
// counts, unique sibling names, moving subtrees, deleting, temporary
// branches, clusters (片区).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	expectStatus, expectError, expectList, createOrg, createMember, createUserAndLogin, uniq,
	todayShanghai, DATE_RE, listAll, makeIdNumber, makePhone,
} from './harness.mjs';
import { startWithTree } from './fixtures.mjs';

let srv;
let admin;
let city;

before(async () => {
	({ srv, admin, city } = await startWithTree());
});
after(async () => { await srv?.stop(); });

const ORG_KEYS = ['id', 'name', 'kind', 'level', 'parent_id', 'path', 'depth', 'established_on',
	'project', 'starts_on', 'ends_on', 'closed_on', 'member_count'];

function district(name = uniq('区委直属机关工委')) {
	return createOrg(admin, { name, kind: 'work_committee', level: 'county', parent_id: city.id }, srv);
}

/** Finds a node by id in a nested tree. */
function findNode(node, id) {
	if (node.id === id) return node;
	for (const c of node.children ?? []) {
		const f = findNode(c, id);
		if (f) return f;
	}
	return null;
}

test('an admin creates a root org; children get path = parent path + id and depth + 1', async () => {
	for (const k of ORG_KEYS) assert.ok(k in city, `missing ${k} in ${JSON.stringify(city)}`);
	assert.equal(city.parent_id, null);
	assert.equal(city.path, `/${city.id}/`);
	assert.equal(city.kind, 'work_committee');
	assert.equal(city.level, 'city');
	assert.equal(city.established_on, todayShanghai(), 'established_on defaults to today');
	assert.equal(city.project, null);
	assert.equal(city.starts_on, null);
	assert.equal(city.ends_on, null);
	assert.equal(city.closed_on, null);
	assert.equal(city.member_count, 0);

	const d = await district();
	assert.equal(d.parent_id, city.id);
	assert.equal(d.path, `${city.path}${d.id}/`);
	assert.equal(d.depth, city.depth + 1);
	const b = await createOrg(admin, { name: uniq('第一党支部'), kind: 'branch', level: 'county', parent_id: d.id }, srv);
	assert.equal(b.path, `${d.path}${b.id}/`);
	assert.equal(b.depth, d.depth + 1);
	const g = await createOrg(admin, { name: uniq('第一党小组'), kind: 'group', level: 'county', parent_id: b.id }, srv);
	assert.equal(g.path, `${b.path}${g.id}/`);
	assert.equal(g.depth, b.depth + 1);

	const got = expectStatus(await admin.get(`/api/orgs/${g.id}`), 200, srv);
	assert.deepEqual(got, g);
});

test('every kind and level of the lists is accepted', async () => {
	const d = await district();
	for (const kind of ['work_committee', 'party_committee', 'organ_committee', 'general_branch', 'branch', 'group']) {
		for (const level of ['city', 'county', 'township']) {
			const o = await createOrg(admin, { name: uniq(`${kind}-${level}`), kind, level, parent_id: d.id }, srv);
			assert.equal(o.kind, kind);
			assert.equal(o.level, level);
		}
	}
});

test('established_on is kept when given and must be a real YYYY-MM-DD date', async () => {
	const o = await createOrg(admin, { name: uniq('党总支'), kind: 'general_branch', parent_id: city.id, established_on: '2001-07-01' }, srv);
	assert.equal(o.established_on, '2001-07-01');
	for (const bad of ['2023-02-29', '2024-13-01', '2024/01/01', '20240101', 'yesterday', '']) {
		expectError(await admin.post('/api/orgs', { name: uniq('坏日期'), kind: 'branch', level: 'city', parent_id: city.id, established_on: bad }),
			422, 'invalid_field', 'established_on', srv);
	}
	// 2024 is a leap year.
	const leap = await createOrg(admin, { name: uniq('闰年'), parent_id: city.id, established_on: '2024-02-29' }, srv);
	assert.equal(leap.established_on, '2024-02-29');
});

test('name, kind, level and parent are validated with 422 naming the field', async () => {
	const base = { name: uniq('支部'), kind: 'branch', level: 'city', parent_id: city.id };
	expectError(await admin.post('/api/orgs', { ...base, kind: 'club' }), 422, 'invalid_field', 'kind', srv);
	expectError(await admin.post('/api/orgs', { ...base, level: 'galaxy' }), 422, 'invalid_field', 'level', srv);
	const { name, ...noName } = base;
	assert.ok(name);
	expectError(await admin.post('/api/orgs', noName), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post('/api/orgs', { ...base, name: '' }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post('/api/orgs', { ...base, name: '   ' }), 422, 'invalid_field', 'name', srv);
	const { kind, ...noKind } = base;
	assert.ok(kind);
	expectError(await admin.post('/api/orgs', noKind), 422, 'invalid_field', 'kind', srv);
	const missingParent = await admin.post('/api/orgs', { ...base, parent_id: 987654321 });
	assert.ok([404, 422].includes(missingParent.status), `${missingParent.status} ${missingParent.text}`);
	if (missingParent.status === 422) expectError(missingParent, 422, 'invalid_field', 'parent_id', srv);
});

test('sibling names are unique (409 name_taken); the same name under another parent is fine', async () => {
	const d1 = await district();
	const d2 = await district();
	const name = uniq('机关第一党支部');
	await createOrg(admin, { name, parent_id: d1.id }, srv);
	expectError(await admin.post('/api/orgs', { name, kind: 'branch', level: 'city', parent_id: d1.id }), 409, 'name_taken', undefined, srv);
	const other = await createOrg(admin, { name, parent_id: d2.id }, srv);
	assert.equal(other.name, name);
	// Renaming into a sibling's name is refused too.
	const sib = await createOrg(admin, { name: uniq('机关第二党支部'), parent_id: d1.id }, srv);
	expectError(await admin.patch(`/api/orgs/${sib.id}`, { name }), 409, 'name_taken', undefined, srv);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${sib.id}`), 200, srv).name, sib.name);
	// Two roots with the same name are siblings as well.
	const rootName = uniq('根');
	await createOrg(admin, { name: rootName, kind: 'work_committee', parent_id: null }, srv);
	expectError(await admin.post('/api/orgs', { name: rootName, kind: 'work_committee', level: 'city', parent_id: null }), 409, 'name_taken', undefined, srv);
});

test('the org list has parent_id on every item and filters by q and kind', async () => {
	const d = await district();
	const tag = uniq('检索');
	const b1 = await createOrg(admin, { name: `${tag}党支部甲`, parent_id: d.id }, srv);
	const b2 = await createOrg(admin, { name: `${tag}党总支乙`, kind: 'general_branch', parent_id: d.id }, srv);
	const all = expectList(await admin.get('/api/orgs'), srv);
	assert.ok(all.total >= 4);
	for (const o of all.items) assert.ok('parent_id' in o, JSON.stringify(o));
	const byQ = expectList(await admin.get(`/api/orgs?q=${encodeURIComponent(tag)}`), srv);
	assert.deepEqual(byQ.items.map((o) => o.id).sort((a, b) => a - b), [b1.id, b2.id].sort((a, b) => a - b));
	assert.equal(byQ.total, 2);
	const byKind = expectList(await admin.get(`/api/orgs?q=${encodeURIComponent(tag)}&kind=general_branch`), srv);
	assert.deepEqual(byKind.items.map((o) => o.id), [b2.id]);
	assert.equal(byKind.total, 1);
	const kindOnly = await listAll(admin, '/api/orgs?kind=general_branch', srv);
	assert.ok(kindOnly.every((o) => o.kind === 'general_branch'));
	assert.ok(kindOnly.some((o) => o.id === b2.id));
	const paged = expectList(await admin.get('/api/orgs?page=1&size=2'), srv);
	assert.equal(paged.items.length, 2);
	assert.equal(paged.total, all.total);
});

test('children lists the direct children; tree nests the subtree and counts members of the whole subtree', async () => {
	const d = await district();
	const a1 = await createOrg(admin, { name: uniq('甲支部'), parent_id: d.id }, srv);
	const a2 = await createOrg(admin, { name: uniq('乙支部'), parent_id: d.id }, srv);
	const g = await createOrg(admin, { name: uniq('甲支部第一小组'), kind: 'group', parent_id: a1.id }, srv);
	await createMember(admin, { org_id: a1.id }, srv);
	await createMember(admin, { org_id: a1.id }, srv);
	await createMember(admin, { org_id: g.id }, srv);
	await createMember(admin, { org_id: a2.id }, srv);

	const ch = expectStatus(await admin.get(`/api/orgs/${d.id}/children`), 200, srv);
	assert.ok(Array.isArray(ch.items));
	assert.deepEqual(ch.items.map((o) => o.id).sort((x, y) => x - y), [a1.id, a2.id].sort((x, y) => x - y));
	for (const o of ch.items) assert.equal(o.parent_id, d.id);
	// a2 is a leaf: its count is the same whether direct or for the subtree.
	assert.equal(ch.items.find((o) => o.id === a2.id).member_count, 1);
	const gch = expectStatus(await admin.get(`/api/orgs/${g.id}/children`), 200, srv);
	assert.deepEqual(gch.items, []);

	const tree = expectStatus(await admin.get(`/api/orgs/${d.id}/tree`), 200, srv);
	assert.equal(tree.id, d.id);
	assert.equal(tree.name, d.name);
	assert.equal(tree.path, d.path);
	assert.equal(tree.member_count, 4);
	assert.equal(tree.children.length, 2);
	const t1 = findNode(tree, a1.id);
	assert.equal(t1.member_count, 3);
	assert.equal(t1.children.length, 1);
	assert.equal(t1.children[0].id, g.id);
	assert.equal(t1.children[0].member_count, 1);
	assert.deepEqual(t1.children[0].children ?? [], []);
	assert.equal(findNode(tree, a2.id).member_count, 1);

	// The city tree contains the district with the same count.
	const cityTree = expectStatus(await admin.get(`/api/orgs/${city.id}/tree`), 200, srv);
	assert.equal(findNode(cityTree, d.id).member_count, 4);
	assert.ok(cityTree.member_count >= 4);

	expectError(await admin.get('/api/orgs/987654321/tree'), 404, 'not_found', undefined, srv);
	expectError(await admin.get('/api/orgs/987654321/children'), 404, 'not_found', undefined, srv);
});

test('PATCH changes name, kind, level and established_on', async () => {
	const d = await district();
	const o = await createOrg(admin, { name: uniq('改前'), parent_id: d.id, established_on: '2010-01-01' }, srv);
	const name = uniq('改后');
	const p = expectStatus(await admin.patch(`/api/orgs/${o.id}`,
		{ name, kind: 'general_branch', level: 'township', established_on: '2012-05-04' }), 200, srv);
	assert.equal(p.name, name);
	assert.equal(p.kind, 'general_branch');
	assert.equal(p.level, 'township');
	assert.equal(p.established_on, '2012-05-04');
	assert.equal(p.path, o.path);
	assert.deepEqual(expectStatus(await admin.get(`/api/orgs/${o.id}`), 200, srv), p);
	expectError(await admin.patch(`/api/orgs/${o.id}`, { kind: 'club' }), 422, 'invalid_field', 'kind', srv);
	expectError(await admin.patch('/api/orgs/987654321', { name: uniq('无') }), 404, 'not_found', undefined, srv);
});

test('moving an org re-parents its whole subtree: descendant paths change, members stay in their orgs', async () => {
	const dx = await district();
	const dy = await district();
	const y = await createOrg(admin, { name: uniq('搬迁党总支'), kind: 'general_branch', parent_id: dx.id }, srv);
	const z = await createOrg(admin, { name: uniq('搬迁支部'), parent_id: y.id }, srv);
	const w = await createOrg(admin, { name: uniq('搬迁小组'), kind: 'group', parent_id: z.id }, srv);
	const m1 = await createMember(admin, { org_id: z.id }, srv);
	const m2 = await createMember(admin, { org_id: w.id }, srv);

	const moved = expectStatus(await admin.patch(`/api/orgs/${y.id}`, { parent_id: dy.id }), 200, srv);
	assert.equal(moved.parent_id, dy.id);
	assert.equal(moved.path, `${dy.path}${y.id}/`);
	assert.equal(moved.depth, dy.depth + 1);
	const z2 = expectStatus(await admin.get(`/api/orgs/${z.id}`), 200, srv);
	assert.equal(z2.parent_id, y.id);
	assert.equal(z2.path, `${moved.path}${z.id}/`);
	assert.equal(z2.depth, moved.depth + 1);
	const w2 = expectStatus(await admin.get(`/api/orgs/${w.id}`), 200, srv);
	assert.equal(w2.path, `${z2.path}${w.id}/`);
	assert.equal(w2.depth, z2.depth + 1);

	assert.equal(expectStatus(await admin.get(`/api/members/${m1.id}`), 200, srv).org_id, z.id);
	assert.equal(expectStatus(await admin.get(`/api/members/${m2.id}`), 200, srv).org_id, w.id);

	const tx = expectStatus(await admin.get(`/api/orgs/${dx.id}/tree`), 200, srv);
	assert.equal(findNode(tx, y.id), null);
	assert.equal(tx.member_count, 0);
	const ty = expectStatus(await admin.get(`/api/orgs/${dy.id}/tree`), 200, srv);
	assert.ok(findNode(ty, w.id));
	assert.equal(ty.member_count, 2);

	const inDy = expectList(await admin.get(`/api/members?org=${dy.id}&subtree=1`), srv);
	assert.deepEqual(inDy.items.map((m) => m.id).sort((a, b) => a - b), [m1.id, m2.id].sort((a, b) => a - b));
	const inDx = expectList(await admin.get(`/api/members?org=${dx.id}&subtree=1`), srv);
	assert.equal(inDx.total, 0);
	const ch = expectStatus(await admin.get(`/api/orgs/${dx.id}/children`), 200, srv);
	assert.equal(ch.items.length, 0);
});

test('moving an org under itself or one of its descendants is refused with 409 move_into_descendant', async () => {
	const d = await district();
	const b = await createOrg(admin, { name: uniq('上级'), kind: 'general_branch', parent_id: d.id }, srv);
	const c = await createOrg(admin, { name: uniq('下级'), parent_id: b.id }, srv);
	const g = await createOrg(admin, { name: uniq('小组'), kind: 'group', parent_id: c.id }, srv);
	expectError(await admin.patch(`/api/orgs/${b.id}`, { parent_id: b.id }), 409, 'move_into_descendant', undefined, srv);
	expectError(await admin.patch(`/api/orgs/${b.id}`, { parent_id: c.id }), 409, 'move_into_descendant', undefined, srv);
	expectError(await admin.patch(`/api/orgs/${b.id}`, { parent_id: g.id }), 409, 'move_into_descendant', undefined, srv);
	expectError(await admin.patch(`/api/orgs/${city.id}`, { parent_id: g.id }), 409, 'move_into_descendant', undefined, srv);
	// Nothing changed.
	const b2 = expectStatus(await admin.get(`/api/orgs/${b.id}`), 200, srv);
	assert.equal(b2.parent_id, d.id);
	assert.equal(b2.path, b.path);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${g.id}`), 200, srv).path, g.path);
});

test('moving into a parent that already has a child of the same name is refused with 409 name_taken', async () => {
	const d1 = await district();
	const d2 = await district();
	const name = uniq('同名支部');
	await createOrg(admin, { name, parent_id: d1.id }, srv);
	const b = await createOrg(admin, { name, parent_id: d2.id }, srv);
	expectError(await admin.patch(`/api/orgs/${b.id}`, { parent_id: d1.id }), 409, 'name_taken', undefined, srv);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${b.id}`), 200, srv).parent_id, d2.id);
});

test('an org with children or members cannot be deleted (409 org_not_empty); an empty one can', async () => {
	const d = await district();
	const b = await createOrg(admin, { name: uniq('待删支部'), parent_id: d.id }, srv);
	const g = await createOrg(admin, { name: uniq('待删小组'), kind: 'group', parent_id: b.id }, srv);
	const m = await createMember(admin, { org_id: g.id }, srv);
	expectError(await admin.del(`/api/orgs/${g.id}`), 409, 'org_not_empty', undefined, srv);
	expectError(await admin.del(`/api/orgs/${b.id}`), 409, 'org_not_empty', undefined, srv);
	expectStatus(await admin.get(`/api/orgs/${g.id}`), 200, srv);
	expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv);

	assert.deepEqual(expectStatus(await admin.del(`/api/members/${m.id}`), 200, srv), { ok: true });
	assert.deepEqual(expectStatus(await admin.del(`/api/orgs/${g.id}`), 200, srv), { ok: true });
	expectError(await admin.get(`/api/orgs/${g.id}`), 404, 'not_found', undefined, srv);
	assert.deepEqual(expectStatus(await admin.del(`/api/orgs/${b.id}`), 200, srv), { ok: true });
	expectError(await admin.get(`/api/orgs/${b.id}`), 404, 'not_found', undefined, srv);
	expectError(await admin.del(`/api/orgs/${b.id}`), 404, 'not_found', undefined, srv);
	const ch = expectStatus(await admin.get(`/api/orgs/${d.id}/children`), 200, srv);
	assert.equal(ch.items.length, 0);
});

test('a temp_branch needs project, starts_on and ends_on, with ends_on not before starts_on', async () => {
	const d = await district();
	const base = { name: uniq('临时党支部'), kind: 'temp_branch', level: 'city', parent_id: d.id,
		established_on: '2024-02-20', project: '城市更新重点项目', starts_on: '2024-03-01', ends_on: '2024-12-31' };
	for (const f of ['project', 'starts_on', 'ends_on']) {
		const body = { ...base, name: uniq('临时') };
		delete body[f];
		expectError(await admin.post('/api/orgs', body), 422, 'invalid_field', f, srv);
	}
	expectError(await admin.post('/api/orgs', { ...base, project: '' }), 422, 'invalid_field', 'project', srv);
	expectError(await admin.post('/api/orgs', { ...base, starts_on: '2024-02-30' }), 422, 'invalid_field', 'starts_on', srv);
	expectError(await admin.post('/api/orgs', { ...base, ends_on: '2024-02-29' }), 422, 'invalid_field', 'ends_on', srv);

	const t = expectStatus(await admin.post('/api/orgs', base), 201, srv);
	assert.equal(t.kind, 'temp_branch');
	assert.equal(t.project, '城市更新重点项目');
	assert.equal(t.starts_on, '2024-03-01');
	assert.equal(t.ends_on, '2024-12-31');
	assert.equal(t.closed_on, null);
	const sameDay = expectStatus(await admin.post('/api/orgs', { ...base, name: uniq('一日临时'), starts_on: '2024-05-05', ends_on: '2024-05-05' }), 201, srv);
	assert.equal(sameDay.ends_on, '2024-05-05');

	expectError(await admin.patch(`/api/orgs/${t.id}`, { ends_on: '2024-01-01' }), 422, 'invalid_field', 'ends_on', srv);
	assert.equal(expectStatus(await admin.get(`/api/orgs/${t.id}`), 200, srv).ends_on, '2024-12-31');
	const p = expectStatus(await admin.patch(`/api/orgs/${t.id}`, { project: '二期工程', ends_on: '2025-06-30' }), 200, srv);
	assert.equal(p.project, '二期工程');
	assert.equal(p.ends_on, '2025-06-30');
	const closed = expectStatus(await admin.patch(`/api/orgs/${t.id}`, { closed_on: '2025-07-01' }), 200, srv);
	assert.equal(closed.closed_on, '2025-07-01');
	assert.match(closed.closed_on, DATE_RE);
});

test('clusters: create, list, read, add and remove orgs', async () => {
	const d1 = await district();
	const d2 = await district();
	const name = uniq('第一片区');
	const c = expectStatus(await admin.post('/api/clusters', { name, description: '联建片区' }), 201, srv);
	assert.equal(typeof c.id, 'number');
	assert.equal(c.name, name);
	assert.equal(c.description, '联建片区');
	assert.deepEqual(c.orgs, []);

	const list = expectList(await admin.get('/api/clusters'), srv);
	assert.ok(list.items.some((x) => x.id === c.id && x.name === name));

	const a1 = expectStatus(await admin.post(`/api/clusters/${c.id}/orgs`, { org_id: d1.id }), 200, srv);
	assert.equal(a1.id, c.id);
	assert.deepEqual(a1.orgs.map((o) => ({ id: o.id, name: o.name })), [{ id: d1.id, name: d1.name }]);
	const a2 = expectStatus(await admin.post(`/api/clusters/${c.id}/orgs`, { org_id: d2.id }), 200, srv);
	assert.deepEqual(a2.orgs.map((o) => [o.id, o.name]).sort((x, y) => x[0] - y[0]),
		[[d1.id, d1.name], [d2.id, d2.name]].sort((x, y) => x[0] - y[0]));

	const got = expectStatus(await admin.get(`/api/clusters/${c.id}`), 200, srv);
	assert.equal(got.name, name);
	assert.equal(got.orgs.length, 2);

	const r = expectStatus(await admin.del(`/api/clusters/${c.id}/orgs/${d1.id}`), 200, srv);
	assert.deepEqual(r.orgs.map((o) => o.id), [d2.id]);
	assert.deepEqual(expectStatus(await admin.get(`/api/clusters/${c.id}`), 200, srv).orgs.map((o) => o.id), [d2.id]);

	const missingOrg = await admin.post(`/api/clusters/${c.id}/orgs`, { org_id: 987654321 });
	assert.ok([404, 422].includes(missingOrg.status), `${missingOrg.status} ${missingOrg.text}`);
	expectError(await admin.get('/api/clusters/987654321'), 404, 'not_found', undefined, srv);
	expectError(await admin.post('/api/clusters', { description: '无名' }), 422, 'invalid_field', 'name', srv);
});

test('only admin and committee users manage clusters', async () => {
	const d = await district();
	const b = await createOrg(admin, { name: uniq('支部'), parent_id: d.id }, srv);
	const { client: sec } = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: b.id }] });
	expectError(await sec.post('/api/clusters', { name: uniq('片区'), description: '' }), 403, 'forbidden', undefined, srv);
	const { client: com } = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: d.id }] });
	const c = expectStatus(await com.post('/api/clusters', { name: uniq('片区'), description: '区级' }), 201, srv);
	expectStatus(await com.post(`/api/clusters/${c.id}/orgs`, { org_id: b.id }), 200, srv);
	expectError(await sec.post(`/api/clusters/${c.id}/orgs`, { org_id: b.id }), 403, 'forbidden', undefined, srv);
});

test('member counts stay right after creates, transfers, deletes and moves', async () => {
	const d1 = await district();
	const d2 = await district();
	const p = await createOrg(admin, { name: uniq('计数总支'), kind: 'general_branch', parent_id: d1.id }, srv);
	const q = await createOrg(admin, { name: uniq('计数支部'), parent_id: p.id }, srv);
	const r = await createOrg(admin, { name: uniq('计数支部'), parent_id: d2.id }, srv);
	const ms = [];
	for (const org of [p, q, q, q, r, r]) ms.push(await createMember(admin, { org_id: org.id }, srv));
	expectStatus(await admin.post(`/api/members/${ms[1].id}/transfer`, { to_org_id: r.id, reason: '调动' }), 200, srv);
	expectStatus(await admin.del(`/api/members/${ms[4].id}`), 200, srv);
	expectStatus(await admin.patch(`/api/orgs/${q.id}`, { parent_id: d2.id }), 200, srv);
	expectStatus(await admin.post(`/api/members/${ms[0].id}/transfer`, { to_org_id: q.id, reason: '调动' }), 200, srv);

	// Recount from the member list and compare with every node of both trees.
	const members = await listAll(admin, '/api/members', srv);
	const orgs = await listAll(admin, '/api/orgs', srv);
	const pathOf = new Map(orgs.map((o) => [o.id, o.path]));
	const check = (node) => {
		const n = members.filter((m) => pathOf.get(m.org_id)?.startsWith(node.path)).length;
		assert.equal(node.member_count, n, `member_count of ${node.name} (${node.path})`);
		for (const c of node.children ?? []) check(c);
	};
	for (const d of [d1, d2]) check(expectStatus(await admin.get(`/api/orgs/${d.id}/tree`), 200, srv));
	const t2 = expectStatus(await admin.get(`/api/orgs/${d2.id}/tree`), 200, srv);
	assert.equal(t2.member_count, 5); // r: ms[1], ms[5]; q: ms[2], ms[3], ms[0]
	assert.equal(expectStatus(await admin.get(`/api/orgs/${d1.id}/tree`), 200, srv).member_count, 0);
	const direct = expectStatus(await admin.get(`/api/orgs/${r.id}`), 200, srv);
	assert.equal(direct.member_count, 2);
	assert.equal(expectList(await admin.get(`/api/members?org=${d2.id}&subtree=1`), srv).total, 5);
});

test('concurrent opposite moves never create a cycle', async () => {
	for (let round = 0; round < 5; round++) {
		const d = await district();
		const x = await createOrg(admin, { name: uniq('甲'), kind: 'general_branch', parent_id: d.id }, srv);
		const y = await createOrg(admin, { name: uniq('乙'), kind: 'general_branch', parent_id: d.id }, srv);
		const [rx, ry] = await Promise.all([
			admin.patch(`/api/orgs/${x.id}`, { parent_id: y.id }),
			admin.patch(`/api/orgs/${y.id}`, { parent_id: x.id }),
		]);
		const statuses = [rx.status, ry.status].sort();
		assert.deepEqual(statuses, [200, 409], `both moves answered ${rx.status} ${rx.text} / ${ry.status} ${ry.text}`);
		const x2 = expectStatus(await admin.get(`/api/orgs/${x.id}`), 200, srv);
		const y2 = expectStatus(await admin.get(`/api/orgs/${y.id}`), 200, srv);
		assert.ok(!(x2.parent_id === y.id && y2.parent_id === x.id), 'cycle created');
		const tree = expectStatus(await admin.get(`/api/orgs/${d.id}/tree`), 200, srv);
		const seen = [];
		(function walk(n) { seen.push(n.id); for (const c of n.children ?? []) walk(c); })(tree);
		assert.deepEqual(seen.slice().sort((a, b) => a - b), [d.id, x.id, y.id].sort((a, b) => a - b));
		for (const o of [x2, y2]) {
			const parent = o.parent_id === d.id ? d : (o.parent_id === x.id ? x2 : y2);
			assert.equal(o.path, `${parent.path}${o.id}/`);
		}
	}
});

/** Checks paths, depths, subtree member counts and subtree member lists of a whole tree. */
async function assertTreeConsistent(root) {
	const orgs = await listAll(admin, '/api/orgs', srv);
	const byId = new Map(orgs.map((o) => [o.id, o]));
	for (const o of orgs.filter((x) => x.path.startsWith(root.path) && x.id !== root.id)) {
		const p = byId.get(o.parent_id);
		assert.ok(p, `parent of ${o.id} missing`);
		assert.equal(o.path, `${p.path}${o.id}/`, `path of org ${o.id}`);
		assert.equal(o.depth, p.depth + 1, `depth of org ${o.id}`);
	}
	const members = await listAll(admin, '/api/members', srv);
	const tree = expectStatus(await admin.get(`/api/orgs/${root.id}/tree`), 200, srv);
	const inTree = [];
	const walk = async (node) => {
		inTree.push(node.id);
		const expected = members.filter((m) => byId.get(m.org_id)?.path.startsWith(node.path));
		assert.equal(node.member_count, expected.length, `member_count of org ${node.id}`);
		const listed = await listAll(admin, `/api/members?org=${node.id}&subtree=1`, srv);
		assert.deepEqual(listed.map((m) => m.id).sort((a, b) => a - b), expected.map((m) => m.id).sort((a, b) => a - b),
			`members listed in the subtree of org ${node.id}`);
		for (const c of node.children ?? []) await walk(c);
	};
	await walk(tree);
	const expectedIds = orgs.filter((o) => o.path.startsWith(root.path)).map((o) => o.id).sort((a, b) => a - b);
	assert.deepEqual(inTree.sort((a, b) => a - b), expectedIds, 'the tree shows every org of the subtree once');
}

test('concurrent moves, creates and transfers keep paths, counts and subtree lists consistent', async () => {
	const root = await createOrg(admin, { name: uniq('并发根'), kind: 'work_committee', parent_id: null }, srv);
	const d1 = await createOrg(admin, { name: uniq('并发一区'), kind: 'work_committee', parent_id: root.id }, srv);
	const d2 = await createOrg(admin, { name: uniq('并发二区'), kind: 'work_committee', parent_id: root.id }, srv);
	const r = await createOrg(admin, { name: uniq('并发支部'), parent_id: d2.id }, srv);
	for (let round = 0; round < 5; round++) {
		const x = await createOrg(admin, { name: uniq('并发总支'), kind: 'general_branch', parent_id: round % 2 ? d2.id : d1.id }, srv);
		const m = await createMember(admin, { org_id: r.id }, srv);
		const results = await Promise.all([
			admin.patch(`/api/orgs/${x.id}`, { parent_id: round % 2 ? d1.id : d2.id }),
			admin.post('/api/orgs', { name: uniq('并发小组'), kind: 'group', level: 'city', parent_id: x.id }),
			admin.post(`/api/members/${m.id}/transfer`, { to_org_id: x.id, reason: '并发' }),
			admin.post('/api/members', { name: uniq('并发党员'), gender: 'male', id_number: makeIdNumber(), phone: makePhone(),
				org_id: x.id, status: 'full', joined_on: '2015-07-01' }),
		]);
		for (const res of results) assert.ok(res.status < 300, `${res.method} ${res.path} -> ${res.status} ${res.text}`);
	}
	await assertTreeConsistent(root);
});

test('stats count a subtree by kind and level and its members by status; roots and level filter the list', async () => {
	const d = await district();
	const b1 = await createOrg(admin, { name: uniq('统计支部'), parent_id: d.id, level: 'county' }, srv);
	await createOrg(admin, { name: uniq('统计小组'), kind: 'group', parent_id: b1.id, level: 'township' }, srv);
	await createMember(admin, { org_id: b1.id, status: 'full' }, srv);
	await createMember(admin, { org_id: b1.id, status: 'probationary' }, srv);
	await createMember(admin, { org_id: b1.id, status: 'probationary' }, srv);
	const s = expectStatus(await admin.get(`/api/orgs/${d.id}/stats`), 200, srv);
	assert.equal(s.orgs, 3);
	assert.deepEqual(s.orgs_by_kind, { branch: 1, group: 1, work_committee: 1 });
	assert.deepEqual(s.orgs_by_level, { county: 2, township: 1 });
	assert.equal(s.members, 3);
	assert.deepEqual(s.members_by_status, { full: 1, probationary: 2 });

	const roots = expectList(await admin.get('/api/orgs?roots=1&size=200'), srv);
	assert.ok(roots.items.length >= 1 && roots.items.every((o) => o.parent_id === null));
	assert.ok(roots.items.some((o) => o.id === city.id));
	const sec = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: b1.id }] });
	const mine = expectList(await sec.client.get('/api/orgs?roots=1'), srv);
	assert.deepEqual(mine.items.map((o) => o.id), [b1.id]);
	expectError(await sec.client.get(`/api/orgs/${d.id}/stats`), 404, 'not_found', undefined, srv);

	const township = expectList(await admin.get('/api/orgs?level=township&size=200'), srv);
	assert.ok(township.items.length >= 1 && township.items.every((o) => o.level === 'township'));
	expectError(await admin.get('/api/orgs?level=galaxy'), 422, 'invalid_field', 'level', srv);
});

test('children carry subtree_member_count: the members of each child\'s whole subtree, as in /tree', async () => {
	const d = await district();
	const a1 = await createOrg(admin, { name: uniq('甲支部'), parent_id: d.id }, srv);
	const a2 = await createOrg(admin, { name: uniq('乙支部'), parent_id: d.id }, srv);
	const empty = await createOrg(admin, { name: uniq('丙支部'), parent_id: d.id }, srv);
	const g = await createOrg(admin, { name: uniq('甲支部第一小组'), kind: 'group', parent_id: a1.id }, srv);
	const gg = await createOrg(admin, { name: uniq('甲支部第二小组'), kind: 'group', parent_id: a1.id }, srv);
	for (const org of [a1, g, g, gg, a2]) await createMember(admin, { org_id: org.id }, srv);

	const ch = expectStatus(await admin.get(`/api/orgs/${d.id}/children`), 200, srv);
	const by = new Map(ch.items.map((o) => [o.id, o]));
	assert.equal(by.get(a1.id).member_count, 1, 'member_count stays the direct count');
	assert.equal(by.get(a1.id).subtree_member_count, 4);
	assert.equal(by.get(a2.id).subtree_member_count, 1);
	assert.equal(by.get(empty.id).subtree_member_count, 0);
	for (const o of ch.items) assert.equal(typeof o.subtree_member_count, 'number');
	// the deeper level: each group counts its own members only
	const gch = expectStatus(await admin.get(`/api/orgs/${a1.id}/children`), 200, srv);
	assert.deepEqual(gch.items.map((o) => [o.id, o.subtree_member_count]).sort((x, y) => x[0] - y[0]),
		[[g.id, 2], [gg.id, 1]]);

	// after a move, a transfer and a delete the counts follow
	expectStatus(await admin.patch(`/api/orgs/${gg.id}`, { parent_id: a2.id }), 200, srv);
	const m = await createMember(admin, { org_id: empty.id }, srv);
	expectStatus(await admin.post(`/api/members/${m.id}/transfer`, { to_org_id: g.id, reason: '调动' }), 200, srv);
	const after1 = new Map(expectStatus(await admin.get(`/api/orgs/${d.id}/children`), 200, srv).items
		.map((o) => [o.id, o.subtree_member_count]));
	assert.deepEqual([after1.get(a1.id), after1.get(a2.id), after1.get(empty.id)], [4, 2, 0]);

	// every child of the city agrees with the city tree (sibling ids such as
	// 5 and 50 share a prefix: the subtree ranges must not overlap)
	const cityTree = expectStatus(await admin.get(`/api/orgs/${city.id}/tree`), 200, srv);
	const cityKids = expectStatus(await admin.get(`/api/orgs/${city.id}/children`), 200, srv);
	assert.ok(cityKids.items.length > 5);
	for (const o of cityKids.items)
		assert.equal(o.subtree_member_count, findNode(cityTree, o.id).member_count, `subtree of ${o.name}`);

	// scope as for every read: a secretary of one branch sees its children only
	const sec = (await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: a1.id }] })).client;
	const own = expectStatus(await sec.get(`/api/orgs/${a1.id}/children`), 200, srv);
	assert.equal(own.items.find((o) => o.id === g.id).subtree_member_count, 3);
	expectError(await sec.get(`/api/orgs/${d.id}/children`), 404, 'not_found', undefined, srv);
	expectError(await sec.get(`/api/orgs/${a2.id}/children`), 404, 'not_found', undefined, srv);
});
