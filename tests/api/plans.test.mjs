// Year plans (年初部署) after they are made: PATCH of title and year, DELETE
// while no task carries the plan, task_count, scope (reads out of scope
// 404, writes 403), bad input, the server's today on a plan, and audit.
// Creation and its validation are in tasks.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, uniq, todayShanghai, DATE_RE, CHINESE,
} from './harness.mjs';

let srv, admin;
let city, dist, dist2, b1, b2;
let com, com2, sec1, sec2, memberUser;
const YEAR = Number(todayShanghai().slice(0, 4));

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist',
	}));
	({ com, com2, sec1, sec2 } = await clientsFor(admin, srv, {
		com: ['committee', dist], com2: ['committee', dist2], sec1: ['secretary', b1], sec2: ['secretary', b2],
	}));
	const [m] = await membersOf(admin, srv, [b1]);
	({ memberUser } = await clientsFor(admin, srv, { memberUser: ['member', b1, m] }));
});
after(async () => { await srv?.stop(); });

/** A plan of org with the given items (default: none), made by client. */
async function plan(client, org, items = [], fields = {}) {
	const body = { org_id: org.id, year: YEAR, title: uniq('年度党建工作要点'), items, ...fields };
	return expectStatus(await client.post('/api/plans', body), 201, srv);
}

test('a plan answers task_count and the server\'s today; its items\' tasks name the parent organization', async () => {
	const p = await plan(com, dist, [
		{ title: '第一议题制度落实', lead_org_id: dist.id },
		{ title: '支部标准化建设', lead_org_id: b1.id },
	]);
	assert.equal(p.task_count, 2);
	assert.match(p.today, DATE_RE);
	assert.equal(p.today, todayShanghai());
	assert.equal(p.items[0].task.org_parent_id, city.id);
	assert.equal(p.items[0].task.org_parent_name, city.name);
	assert.equal(p.items[1].task.org_parent_id, dist.id);
	assert.equal(p.items[1].task.org_parent_name, dist.name);
	// cascaded tasks carry the plan too
	expectStatus(await com.post(`/api/tasks/${p.items[0].task_id}/cascade`, { org_ids: [b2.id] }), 201, srv);
	const got = expectStatus(await com.get(`/api/plans/${p.id}`), 200, srv);
	assert.equal(got.task_count, 3);
	const list = expectList(await com.get(`/api/plans?org=${dist.id}`), srv);
	assert.equal(list.items.find((x) => x.id === p.id).task_count, 3);
	assert.equal((await plan(com, dist)).task_count, 0);
});

test('PATCH changes title and year; 200 with the whole plan; the change is audited', async () => {
	const p = await plan(com, dist);
	const title = uniq('修订后的工作要点');
	const res = expectStatus(await com.patch(`/api/plans/${p.id}`, { title, year: YEAR + 1 }), 200, srv);
	assert.equal(res.id, p.id);
	assert.equal(res.title, title);
	assert.equal(res.year, YEAR + 1);
	assert.equal(res.org_id, dist.id);
	assert.deepEqual(res.items, []);
	assert.match(res.today, DATE_RE);
	const got = expectStatus(await com.get(`/api/plans/${p.id}`), 200, srv);
	assert.equal(got.title, title);
	assert.equal(got.year, YEAR + 1);
	// only what is sent changes
	const t2 = expectStatus(await com.patch(`/api/plans/${p.id}`, { year: YEAR }), 200, srv);
	assert.equal(t2.title, title);
	assert.equal(t2.year, YEAR);
	const a = expectList(await admin.get(`/api/audit?entity=plan&entity_id=${p.id}`), srv);
	const updates = a.items.filter((x) => x.action === 'update');
	assert.equal(updates.length, 2);
	const first = updates.find((x) => x.after.title === title && x.after.year === YEAR + 1);
	assert.ok(first, 'audit row of the first change');
	assert.equal(first.before.title, p.title);
	assert.equal(first.before.year, YEAR);
	assert.ok(a.items.some((x) => x.action === 'create'));
});

test('the year of a plan that has tasks stays (409 plan_has_tasks); its title may change', async () => {
	const p = await plan(com, dist, [{ title: '党建品牌创建', lead_org_id: b1.id }]);
	const err = expectError(await com.patch(`/api/plans/${p.id}`, { year: YEAR + 1 }), 409, 'plan_has_tasks', 'year', srv);
	assert.match(err.message, /任务/);
	// nothing changed, not even the title sent with it
	expectError(await com.patch(`/api/plans/${p.id}`, { year: YEAR - 1, title: '不应保存' }), 409, 'plan_has_tasks', 'year', srv);
	const got = expectStatus(await com.get(`/api/plans/${p.id}`), 200, srv);
	assert.equal(got.year, YEAR);
	assert.equal(got.title, p.title);
	// the same year is no change
	expectStatus(await com.patch(`/api/plans/${p.id}`, { year: YEAR, title: '新标题' }), 200, srv);
	assert.equal(expectStatus(await com.get(`/api/plans/${p.id}`), 200, srv).title, '新标题');
});

test('PATCH input is validated: unknown fields, wrong types, blank or long titles, years out of range, bad JSON', async () => {
	const p = await plan(com, dist);
	const url = `/api/plans/${p.id}`;
	expectError(await com.patch(url, { org_id: dist2.id }), 422, 'unknown_field', 'org_id', srv);
	expectError(await com.patch(url, { items: [] }), 422, 'unknown_field', 'items', srv);
	expectError(await com.patch(url, { id: 5 }), 422, 'unknown_field', 'id', srv);
	expectError(await com.patch(url, { title: '' }), 422, 'invalid_field', 'title', srv);
	expectError(await com.patch(url, { title: '   ' }), 422, 'invalid_field', 'title', srv);
	expectError(await com.patch(url, { title: 'x'.repeat(201) }), 422, 'invalid_field', 'title', srv);
	expectError(await com.patch(url, { title: 42 }), 422, 'invalid_field', 'title', srv);
	expectError(await com.patch(url, { title: null }), 422, 'invalid_field', 'title', srv);
	expectError(await com.patch(url, { year: String(YEAR) }), 422, 'invalid_field', 'year', srv);
	expectError(await com.patch(url, { year: 99 }), 422, 'invalid_field', 'year', srv);
	expectError(await com.patch(url, { year: 2024.5 }), 422, 'invalid_field', 'year', srv);
	expectError(await com.patch(url, '{"title":'), 400, 'bad_json', undefined, srv);
	expectError(await com.patch(url, '[1]'), 400, 'bad_json', undefined, srv);
	expectError(await com.patch('/api/plans/abc', { title: 'x' }), [404, 422], ['not_found', 'invalid_field'], undefined, srv);
	expectError(await com.patch('/api/plans/987654321', { title: '不存在' }), 404, 'not_found', undefined, srv);
	const got = expectStatus(await com.get(url), 200, srv);
	assert.equal(got.title, p.title);
	assert.equal(got.year, p.year);
});

test('scope: out of scope a plan reads 404 and is neither changed nor deleted (403); roles as for creating', async () => {
	const p = await plan(com, dist);
	const own = await plan(sec1, b1);
	expectError(await com2.get(`/api/plans/${p.id}`), 404, 'not_found', undefined, srv);
	expectError(await com2.patch(`/api/plans/${p.id}`, { title: '越权' }), 403, 'forbidden', undefined, srv);
	expectError(await com2.del(`/api/plans/${p.id}`), 403, 'forbidden', undefined, srv);
	// a branch secretary below the plan's org may not change the district's plan
	expectError(await sec1.patch(`/api/plans/${p.id}`, { title: '越权' }), 403, 'forbidden', undefined, srv);
	expectError(await sec1.del(`/api/plans/${p.id}`), 403, 'forbidden', undefined, srv);
	// the secretary of another branch neither reads nor changes a branch's plan
	expectError(await sec2.get(`/api/plans/${own.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec2.patch(`/api/plans/${own.id}`, { title: '越权' }), 403, 'forbidden', undefined, srv);
	expectError(await sec2.del(`/api/plans/${own.id}`), 403, 'forbidden', undefined, srv);
	// a member reads nothing here to change: the role check refuses it
	expectError(await memberUser.patch(`/api/plans/${own.id}`, { title: '越权' }), 403, 'forbidden', undefined, srv);
	expectError(await memberUser.del(`/api/plans/${own.id}`), 403, 'forbidden', undefined, srv);
	// not logged in
	expectError(await srv.client().patch(`/api/plans/${own.id}`, { title: '匿名' }), 401, 'unauthorized', undefined, srv);
	// nothing changed
	assert.equal(expectStatus(await com.get(`/api/plans/${p.id}`), 200, srv).title, p.title);
	assert.equal(expectStatus(await sec1.get(`/api/plans/${own.id}`), 200, srv).title, own.title);
	// the owner and the committee above may
	expectStatus(await sec1.patch(`/api/plans/${own.id}`, { title: '支部计划（修订）' }), 200, srv);
	expectStatus(await com.patch(`/api/plans/${own.id}`, { title: '支部计划（工委修订）' }), 200, srv);
	expectStatus(await sec1.del(`/api/plans/${own.id}`), 200, srv);
	expectStatus(await com.del(`/api/plans/${p.id}`), 200, srv);
});

test('DELETE: a plan without tasks goes with its items; with tasks 409 plan_has_tasks until they are deleted', async () => {
	const empty = await plan(com, dist);
	assert.deepEqual(expectStatus(await com.del(`/api/plans/${empty.id}`), 200, srv), { ok: true });
	expectError(await com.get(`/api/plans/${empty.id}`), 404, 'not_found', undefined, srv);
	expectError(await com.del(`/api/plans/${empty.id}`), 404, 'not_found', undefined, srv);
	expectError(await com.patch(`/api/plans/${empty.id}`, { title: '已删除' }), 404, 'not_found', undefined, srv);

	const p = await plan(com, dist, [
		{ title: '主题党日规范化', lead_org_id: dist.id },
		{ title: '三会一课提质', lead_org_id: b1.id },
	]);
	const [t1, t2] = p.items.map((x) => x.task_id);
	const kids = expectStatus(await com.post(`/api/tasks/${t1}/cascade`, { org_ids: [b2.id] }), 201, srv);
	const err = expectError(await com.del(`/api/plans/${p.id}`), 409, 'plan_has_tasks', undefined, srv);
	assert.match(err.message, /3/, 'the message says how many tasks');
	assert.match(err.message, CHINESE);
	expectStatus(await com.get(`/api/plans/${p.id}`), 200, srv);
	// the tasks go first (cascaded ones before their parent), then the plan
	const kidId = (kids.items ?? kids)[0].id;
	expectStatus(await com.del(`/api/tasks/${kidId}`), 200, srv);
	expectStatus(await com.del(`/api/tasks/${t1}`), 200, srv);
	expectError(await com.del(`/api/plans/${p.id}`), 409, 'plan_has_tasks', undefined, srv);
	expectStatus(await com.del(`/api/tasks/${t2}`), 200, srv);
	expectStatus(await com.del(`/api/plans/${p.id}`), 200, srv);
	expectError(await com.get(`/api/plans/${p.id}`), 404, 'not_found', undefined, srv);
	const list = expectList(await com.get(`/api/plans?org=${dist.id}&subtree=1`), srv);
	assert.ok(!list.items.some((x) => x.id === p.id));

	const a = expectList(await admin.get(`/api/audit?entity=plan&entity_id=${p.id}`), srv);
	const del = a.items.find((x) => x.action === 'delete');
	assert.ok(del, 'the delete is audited');
	assert.equal(del.before.id, p.id);
	assert.equal(del.before.title, p.title);
	assert.equal(del.after, null);
});

test('DELETE of a plan whose task passed the year-end acceptance is 409 plan_accepted', async () => {
	const p = await plan(com, dist, [{ title: '年终述职评议', lead_org_id: b1.id }]);
	expectStatus(await com.post(`/api/tasks/${p.items[0].task_id}/acceptance`, { score: 88 }), 201, srv);
	const err = expectError(await com.del(`/api/plans/${p.id}`), 409, 'plan_accepted', undefined, srv);
	assert.match(err.message, /验收/);
	expectStatus(await com.get(`/api/plans/${p.id}`), 200, srv);
});
