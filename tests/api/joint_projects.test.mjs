// Joint projects (党建联建项目 / 党建共同体): a project led by one
// organization with partners across districts and clusters, tagged with
// the city's central work (a list the admin keeps), whose milestones and
// progress are a task on the chart (挂图作战); outcomes with evidence
// files, a yearly review by the committee above the lead, lists by
// cluster, tag, organization and year with their Excel twin. Partners
// and the committees above read a project; the lead's writers change it;
// everyone else is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor, officersOf, TWO_DISTRICTS } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, uniq, todayShanghai, dayFromToday, CHINESE, PNG,
} from './harness.mjs';
import { readZip, xlsxCells } from './zip.mjs';

let srv, admin, city, dist, dist2, b1, b2, b3;
let com, com2, sec1, sec2, sec3, cluster, tags;
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	({ com, com2, sec1, sec2, sec3 } = await clientsFor(admin, srv, officersOf({ dist, dist2, b1, b2, b3 })));
	cluster = expectStatus(await admin.post('/api/clusters', { name: uniq('联建片区'), description: '测试片区' }), 201, srv);
	tags = expectList(await admin.get('/api/central-work-tags'), srv).items;
});
after(async () => { await srv?.stop(); });

function project(fields = {}) {
	return {
		title: uniq('红色物业联建'), org_id: b1.id, partner_ids: [b3.id], cluster_id: cluster.id,
		tag_ids: [tags[0].id], goals: '共建共治共享', start_on: dayFromToday(-10), due_on: dayFromToday(60),
		milestones: [
			{ title: '签订共建协议', due_on: dayFromToday(5) },
			{ title: '成果展示', due_on: dayFromToday(50) },
		],
		...fields,
	};
}

test('the city starts with central-work tags; the lead\'s secretary creates a project with its task and milestones', async () => {
	assert.ok(tags.length >= 5);
	assert.ok(tags.some((t) => t.name === '一号工程'));
	const p = expectStatus(await sec1.post('/api/joint-projects', project()), 201, srv);
	assert.equal(p.org_id, b1.id);
	assert.equal(p.org_name, b1.name);
	assert.deepEqual(p.partners.map((x) => x.org_id), [b3.id]);
	assert.equal(p.cluster_id, cluster.id);
	assert.equal(p.cluster_name, cluster.name);
	assert.deepEqual(p.tags.map((t) => t.id), [tags[0].id]);
	assert.equal(p.year, YEAR);
	assert.equal(p.status, 'active');
	assert.equal(p.may_write, true);
	assert.ok(p.task_id);
	assert.equal(p.task.id, p.task_id);
	assert.equal(p.task.org_id, b1.id);
	assert.equal(p.task.milestones.length, 2);
	assert.deepEqual(p.reviews, []);
	// the task is on the chart of the lead organization
	const t = expectStatus(await sec1.get(`/api/tasks/${p.task_id}`), 200, srv);
	assert.match(t.title, /联建项目/);
	const audit = expectList(await admin.get(`/api/audit?entity=joint_project&entity_id=${p.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
});

test('progress reported on the task shows on the project', async () => {
	const p = expectStatus(await sec1.post('/api/joint-projects', project()), 201, srv);
	const ms = p.task.milestones[0];
	expectStatus(await sec1.post(`/api/tasks/${p.task_id}/progress`, { percent: 40, note: '协议已签', milestone_id: ms.id }), 201, srv);
	const got = expectStatus(await sec3.get(`/api/joint-projects/${p.id}`), 200, srv);
	assert.ok(got.percent > 0);
	assert.equal(got.percent, got.task.percent);
	assert.equal(got.task.milestones[0].done_on, TODAY);
	assert.equal(got.may_write, false);
});

test('partners and the committees above read; the lead\'s writers change; others are refused', async () => {
	const p = expectStatus(await sec1.post('/api/joint-projects', project()), 201, srv);
	// the partner (another district) and the committee over it read it
	expectStatus(await sec3.get(`/api/joint-projects/${p.id}`), 200, srv);
	expectStatus(await com2.get(`/api/joint-projects/${p.id}`), 200, srv);
	assert.ok(expectList(await sec3.get('/api/joint-projects?size=200'), srv).items.some((x) => x.id === p.id));
	// but may not change it
	expectError(await sec3.patch(`/api/joint-projects/${p.id}`, { title: '改名' }), 403, 'forbidden', undefined, srv);
	expectError(await com2.del(`/api/joint-projects/${p.id}`), 403, 'forbidden', undefined, srv);
	// a sibling branch neither lead nor partner sees nothing
	expectError(await sec2.get(`/api/joint-projects/${p.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec2.patch(`/api/joint-projects/${p.id}`, { title: '改名' }), 404, 'not_found', undefined, srv);
	assert.ok(!expectList(await sec2.get('/api/joint-projects?size=200'), srv).items.some((x) => x.id === p.id));
	// nobody creates a project led by an organization they do not manage
	expectError(await sec3.post('/api/joint-projects', project()), 403, 'forbidden', 'org_id', srv);
	expectError(await com2.post('/api/joint-projects', project()), 403, 'forbidden', 'org_id', srv);
	// the committee above the lead changes it: status, outcomes, partners, tags
	const changed = expectStatus(await com.patch(`/api/joint-projects/${p.id}`, {
		status: 'done', outcomes: '建成红色驿站 3 个', partner_ids: [b2.id, b3.id], tag_ids: [tags[1].id, tags[2].id],
	}), 200, srv);
	assert.equal(changed.status, 'done');
	assert.equal(changed.outcomes, '建成红色驿站 3 个');
	assert.deepEqual(changed.partners.map((x) => x.org_id).sort(), [b2.id, b3.id].sort());
	assert.equal(changed.tags.length, 2);
	// b2 is a partner now
	expectStatus(await sec2.get(`/api/joint-projects/${p.id}`), 200, srv);
});

test('bad input is refused naming the field, with nothing written', async () => {
	const before = expectList(await admin.get('/api/joint-projects'), srv).total;
	const bad = [
		[{ title: '' }, 'title'],
		[{ title: undefined }, 'title'],
		[{ org_id: undefined }, 'org_id'],
		[{ org_id: 999999 }, 'org_id'],
		[{ partner_ids: [b1.id] }, 'partner_ids'],
		[{ partner_ids: [b3.id, b3.id] }, 'partner_ids'],
		[{ partner_ids: [999999] }, 'partner_ids'],
		[{ partner_ids: ['x'] }, 'partner_ids'],
		[{ tag_ids: [999999] }, 'tag_ids'],
		[{ cluster_id: 999999 }, 'cluster_id'],
		[{ status: 'finished' }, 'status'],
		[{ year: YEAR + 2 }, 'year'],
		[{ due_on: dayFromToday(-20) }, 'due_on'],
		[{ milestones: [{ title: '节点' }] }, 'milestones[0].due_on'],
	];
	for (const [f, field] of bad) {
		const res = await sec1.post('/api/joint-projects', project(f));
		expectError(res, 422, 'invalid_field', field, srv);
		assert.match(res.body.error.message, CHINESE);
	}
	assert.equal(expectList(await admin.get('/api/joint-projects'), srv).total, before);
});

test('lists by cluster, tag, organization and year, and the Excel twin', async () => {
	const other = expectStatus(await admin.post('/api/clusters', { name: uniq('另一片区') }), 201, srv);
	const tag = tags[3];
	const p = expectStatus(await sec1.post('/api/joint-projects', project({ cluster_id: other.id, tag_ids: [tag.id] })), 201, srv);
	const q = expectStatus(await com2.post('/api/joint-projects', project({ org_id: b3.id, partner_ids: [], cluster_id: null, tag_ids: [tag.id] })), 201, srv);
	const byCluster = expectList(await admin.get(`/api/joint-projects?cluster=${other.id}`), srv);
	assert.deepEqual(byCluster.items.map((x) => x.id), [p.id]);
	const byTag = expectList(await admin.get(`/api/joint-projects?tag=${tag.id}&size=200`), srv);
	assert.deepEqual(byTag.items.map((x) => x.id).sort(), [p.id, q.id].sort());
	// an organization's projects: those it leads and those it partners
	const byOrg = expectList(await admin.get(`/api/joint-projects?org=${b3.id}&tag=${tag.id}`), srv);
	assert.deepEqual(byOrg.items.map((x) => x.id).sort(), [p.id, q.id].sort());
	assert.equal(expectList(await admin.get(`/api/joint-projects?tag=${tag.id}&year=${YEAR - 1}`), srv).total, 0);
	assert.equal(expectList(await admin.get(`/api/joint-projects?tag=${tag.id}&year=${YEAR}`), srv).total, 2);
	// within scope: the committee of dist2 sees both (lead b3, partner b3); dist's sees only p
	assert.equal(expectList(await com.get(`/api/joint-projects?tag=${tag.id}`), srv).total, 1);
	expectError(await admin.get('/api/joint-projects?cluster=abc'), 422, 'invalid_field', 'cluster', srv);
	const res = await admin.get(`/api/joint-projects.xlsx?tag=${tag.id}`);
	assert.equal(res.status, 200);
	const { out } = xlsxCells(readZip(res.raw));
	assert.equal(out.A1, '党建联建项目');
	const titles = Object.values(out);
	assert.ok(titles.includes(p.title));
	assert.ok(titles.includes(q.title));
	assert.ok(titles.some((v) => typeof v === 'string' && v.includes(tag.name)));
});

test('the yearly review is the committee\'s above the lead', async () => {
	const p = expectStatus(await sec1.post('/api/joint-projects', project()), 201, srv);
	expectError(await sec1.request('PUT', `/api/joint-projects/${p.id}/reviews/${YEAR}`, { grade: '优秀' }), 403, 'forbidden', undefined, srv);
	expectError(await com2.request('PUT', `/api/joint-projects/${p.id}/reviews/${YEAR}`, { grade: '优秀' }), 403, 'forbidden', undefined, srv);
	expectError(await com.request('PUT', `/api/joint-projects/${p.id}/reviews/${YEAR + 1}`, { grade: '优秀' }), 422, 'invalid_field', 'year', srv);
	expectError(await com.request('PUT', `/api/joint-projects/${p.id}/reviews/${YEAR}`, { grade: '满分' }), 422, 'invalid_field', 'grade', srv);
	const got = expectStatus(await com.request('PUT', `/api/joint-projects/${p.id}/reviews/${YEAR}`, { grade: '良好', notes: '成效明显' }), 200, srv);
	assert.equal(got.reviews.length, 1);
	assert.equal(got.reviews[0].grade, '良好');
	const again = expectStatus(await com.request('PUT', `/api/joint-projects/${p.id}/reviews/${YEAR}`, { grade: '优秀' }), 200, srv);
	assert.equal(again.reviews.length, 1);
	assert.equal(again.last_grade, '优秀');
});

test('outcomes carry evidence files: uploaded by the lead, read by partners', async () => {
	const p = expectStatus(await sec1.post('/api/joint-projects', project()), 201, srv);
	const up = (client) => client.request('POST', `/api/joint-projects/${p.id}/attachments?name=${encodeURIComponent('成果.png')}`, PNG,
		{ headers: { 'Content-Type': 'image/png' } });
	const a = expectStatus(await up(sec1), 201, srv);
	assert.equal(a.subject, 'joint_project');
	expectError(await up(sec3), 403, 'forbidden', undefined, srv);
	expectError(await up(sec2), 404, 'not_found', undefined, srv);
	assert.equal(expectStatus(await sec3.get(`/api/joint-projects/${p.id}/attachments`), 200, srv).items.length, 1);
	expectError(await sec2.get(`/api/joint-projects/${p.id}/attachments`), 404, 'not_found', undefined, srv);
	assert.equal(expectStatus(await sec1.get(`/api/joint-projects/${p.id}`), 200, srv).attachment_count, 1);
});

test('deleting a project deletes its task; only the lead\'s writers may', async () => {
	const p = expectStatus(await sec1.post('/api/joint-projects', project()), 201, srv);
	expectError(await sec3.del(`/api/joint-projects/${p.id}`), 403, 'forbidden', undefined, srv);
	expectStatus(await sec1.del(`/api/joint-projects/${p.id}`), 200, srv);
	expectError(await sec1.get(`/api/joint-projects/${p.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/tasks/${p.task_id}`), 404, 'not_found', undefined, srv);
	// a task deleted on the chart leaves the project without one
	const q = expectStatus(await sec1.post('/api/joint-projects', project()), 201, srv);
	expectStatus(await sec1.del(`/api/tasks/${q.task_id}`), 200, srv);
	const got = expectStatus(await sec1.get(`/api/joint-projects/${q.id}`), 200, srv);
	assert.equal(got.task_id, null);
	assert.equal(got.task, null);
});

test('the admin keeps the central-work tags; a tag in use is not deleted', async () => {
	expectError(await com.post('/api/central-work-tags', { name: uniq('标签') }), 403, 'forbidden', undefined, srv);
	const t = expectStatus(await admin.post('/api/central-work-tags', { name: uniq('数字化改革'), sort: 9 }), 201, srv);
	assert.equal(t.project_count, 0);
	expectError(await admin.post('/api/central-work-tags', { name: t.name }), 409, 'duplicate_name', 'name', srv);
	expectError(await admin.post('/api/central-work-tags', { name: '' }), 422, 'invalid_field', 'name', srv);
	const renamed = expectStatus(await admin.patch(`/api/central-work-tags/${t.id}`, { name: `${t.name}2` }), 200, srv);
	assert.equal(renamed.name, `${t.name}2`);
	assert.equal(renamed.sort, 9);
	const p = expectStatus(await sec1.post('/api/joint-projects', project({ tag_ids: [t.id] })), 201, srv);
	const del = await admin.del(`/api/central-work-tags/${t.id}`);
	expectError(del, 409, 'tag_in_use', undefined, srv);
	assert.match(del.body.error.message, CHINESE);
	expectStatus(await sec1.patch(`/api/joint-projects/${p.id}`, { tag_ids: [] }), 200, srv);
	expectStatus(await admin.del(`/api/central-work-tags/${t.id}`), 200, srv);
	assert.ok(!expectList(await sec1.get('/api/central-work-tags'), srv).items.some((x) => x.id === t.id));
	expectError(await admin.del(`/api/central-work-tags/${t.id}`), 404, 'not_found', undefined, srv);
});
