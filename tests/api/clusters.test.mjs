// Clusters that work (片区): a name and description that can change, a
// lead organization per year chosen among the members, deletion refused
// while joint projects refer to the cluster, and a page with the members,
// leads, joint projects, activities and a roll-up of the members'
// compliance, tasks and points that equals the boards' own numbers. Only
// the committee and the admin change clusters; the roll-up covers only the
// members the caller may read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor, membersOf, pointRule, award, TWO_DISTRICTS } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, uniq, todayShanghai, dayFromToday, CHINESE,
} from './harness.mjs';

let srv, admin, city, dist, dist2, b1, b2, b3;
let com, sec1, sec3, m1;
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	({ com, sec1, sec3 } = await clientsFor(admin, srv, {
		com: ['committee', dist], sec1: ['secretary', b1], sec3: ['secretary', b3],
	}));
	[m1] = await membersOf(admin, srv, [b1]);
});
after(async () => { await srv?.stop(); });

async function clusterOf(orgs) {
	const cl = expectStatus(await admin.post('/api/clusters', { name: uniq('片区'), description: '城东片区' }), 201, srv);
	for (const o of orgs) expectStatus(await admin.post(`/api/clusters/${cl.id}/orgs`, { org_id: o.id }), 200, srv);
	return cl;
}

function project(cl, fields = {}) {
	return {
		title: uniq('片区联建'), org_id: b1.id, partner_ids: [b3.id], cluster_id: cl.id,
		start_on: dayFromToday(-5), due_on: dayFromToday(30), ...fields,
	};
}

test('rename and describe a cluster; only the committee or the admin may', async () => {
	const cl = await clusterOf([b1]);
	const got = expectStatus(await admin.request('PUT', `/api/clusters/${cl.id}`, { name: `${cl.name}改`, description: '新的简介' }), 200, srv);
	assert.equal(got.name, `${cl.name}改`);
	assert.equal(got.description, '新的简介');
	assert.equal(got.orgs.length, 1);
	expectError(await sec1.request('PUT', `/api/clusters/${cl.id}`, { name: '改名' }), 403, 'forbidden', undefined, srv);
	const other = await clusterOf([]);
	expectError(await admin.request('PUT', `/api/clusters/${other.id}`, { name: got.name }), 409, 'name_taken', 'name', srv);
	expectError(await admin.request('PUT', `/api/clusters/${cl.id}`, { name: '' }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.request('PUT', '/api/clusters/999999', { name: '无' }), 404, 'not_found', undefined, srv);
	const audit = expectList(await admin.get(`/api/audit?entity=cluster&entity_id=${cl.id}`), srv);
	assert.equal(audit.items[0].action, 'update');
});

test('the lead rotates by year among the members', async () => {
	const cl = await clusterOf([b1, b3]);
	const l = expectStatus(await admin.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR}`, { org_id: b1.id }), 200, srv);
	assert.deepEqual(l, { year: YEAR, org_id: b1.id, org_name: b1.name });
	expectStatus(await com.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR - 1}`, { org_id: b3.id }), 200, srv);
	expectStatus(await admin.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR + 1}`, { org_id: b3.id }), 200, srv);
	const page = expectStatus(await sec1.get(`/api/clusters/${cl.id}`), 200, srv);
	assert.equal(page.lead_org_id, b1.id);
	assert.equal(page.lead_org_name, b1.name);
	assert.deepEqual(page.leads.map((x) => [x.year, x.org_id]), [[YEAR + 1, b3.id], [YEAR, b1.id], [YEAR - 1, b3.id]]);
	const listed = expectList(await sec1.get('/api/clusters'), srv).items.find((x) => x.id === cl.id);
	assert.equal(listed.lead_org_id, b1.id);
	// a lead must be a member; years in range; committee or admin only
	const bad = await admin.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR}`, { org_id: b2.id });
	expectError(bad, 422, 'invalid_field', 'org_id', srv);
	assert.match(bad.body.error.message, CHINESE);
	expectError(await admin.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR + 2}`, { org_id: b1.id }), 422, 'invalid_field', 'year', srv);
	expectError(await admin.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR}`, {}), 422, 'invalid_field', 'org_id', srv);
	expectError(await sec1.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR}`, { org_id: b1.id }), 403, 'forbidden', undefined, srv);
	// the lead did not change
	assert.equal(expectStatus(await admin.get(`/api/clusters/${cl.id}`), 200, srv).lead_org_id, b1.id);
});

test('a cluster with joint projects is not deleted; without them it is', async () => {
	const cl = await clusterOf([b1, b3]);
	const p = expectStatus(await sec1.post('/api/joint-projects', project(cl)), 201, srv);
	const res = await admin.del(`/api/clusters/${cl.id}`);
	expectError(res, 409, 'cluster_in_use', undefined, srv);
	assert.match(res.body.error.message, CHINESE);
	expectStatus(await admin.get(`/api/clusters/${cl.id}`), 200, srv);
	expectError(await sec1.del(`/api/clusters/${cl.id}`), 403, 'forbidden', undefined, srv);
	expectStatus(await sec1.del(`/api/joint-projects/${p.id}`), 200, srv);
	expectStatus(await admin.request('PUT', `/api/clusters/${cl.id}/leads/${YEAR}`, { org_id: b1.id }), 200, srv);
	expectStatus(await admin.del(`/api/clusters/${cl.id}`), 200, srv);
	expectError(await admin.get(`/api/clusters/${cl.id}`), 404, 'not_found', undefined, srv);
	const audit = expectList(await admin.get(`/api/audit?entity=cluster&entity_id=${cl.id}`), srv);
	assert.equal(audit.items[0].action, 'delete');
});

test('the page shows the projects and a roll-up equal to the boards\' own numbers', async () => {
	const cl = await clusterOf([b1, b3]);
	const p = expectStatus(await sec1.post('/api/joint-projects', project(cl)), 201, srv);
	expectStatus(await sec1.post(`/api/tasks/${p.task_id}/progress`, { percent: 100, note: '完成' }), 201, srv);
	const rule = await pointRule(admin, srv, { needs_approval: false });
	expectStatus(await award(admin, m1, rule), 201, srv);
	const page = expectStatus(await admin.get(`/api/clusters/${cl.id}`), 200, srv);
	assert.equal(page.year, YEAR);
	assert.deepEqual(page.projects.map((x) => x.id), [p.id]);
	assert.equal(page.project_total, 1);
	assert.deepEqual(page.rollup.rows.map((r) => r.org_id), [b1.id, b3.id]);
	let tasksSum = 0;
	let pointsSum = 0;
	for (const row of page.rollup.rows) {
		const life = expectStatus(await admin.get(`/api/compliance/board?org=${row.org_id}`), 200, srv);
		assert.deepEqual(row.compliance, life.totals);
		const tasks = expectStatus(await admin.get(`/api/tasks/board?org=${row.org_id}&year=${YEAR}`), 200, srv);
		const sum = (k) => tasks.items.reduce((s, i) => s + i[k], 0);
		assert.deepEqual(row.tasks, { tasks: sum('tasks'), done: sum('done'), on_time: sum('on_time'), overdue: sum('overdue') });
		const board = expectStatus(await admin.get(`/api/leaderboards/orgs?org=${row.org_id}&kind=branch&period=${YEAR}`), 200, srv);
		const mine = board.items.find((i) => i.org_id === row.org_id);
		assert.deepEqual(row.points, { points: mine.points, headcount: mine.headcount, org_points: mine.org_points, average: mine.average });
		tasksSum += row.tasks.tasks;
		pointsSum += row.points.points;
	}
	const b1row = page.rollup.rows[0];
	assert.equal(b1row.tasks.tasks, 1);
	assert.equal(b1row.tasks.done, 1);
	assert.equal(b1row.points.points, rule.points);
	assert.equal(page.rollup.total.tasks.tasks, tasksSum);
	assert.equal(page.rollup.total.points.points, pointsSum);
	assert.equal(page.rollup.total.compliance.orgs,
		page.rollup.rows.reduce((s, r) => s + r.compliance.orgs, 0));
});

test('a secretary sees the roll-up of the members it may read only', async () => {
	const cl = await clusterOf([b1, b2]);
	const page = expectStatus(await sec1.get(`/api/clusters/${cl.id}`), 200, srv);
	assert.equal(page.orgs.length, 2);
	assert.deepEqual(page.rollup.rows.map((r) => r.org_id), [b1.id]);
	const other = expectStatus(await sec3.get(`/api/clusters/${cl.id}`), 200, srv);
	assert.deepEqual(other.rollup.rows, []);
	assert.deepEqual(other.projects, []);
	expectError(await sec1.get(`/api/clusters/${cl.id}?year=abc`), 422, 'invalid_field', 'year', srv);
});
