// Tasks on the chart (挂图作战): creation with milestones and its
// validation, cascades down the tree (and further down), progress reports
// and the roll-up of completion, statuses on the days around a due date
// (Asia/Shanghai), milestones done late, reminders per owner, the 晒绩
// board, year-end acceptance, scope (an organization sees and reports
// only its own tasks, the committee sees its subtree) and audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, createOrg, createUserAndLogin, uniq, todayShanghai,
	CHINESE, listAll,
} from './harness.mjs';

let srv;
let admin;
let city, dist, dist2, b1, b2, g1, c1;
let comCity, com, com2, sec1, sec2;

const TODAY = todayShanghai();
/** TODAY plus n days, as YYYY-MM-DD. */
function day(n) {
	const d = new Date(`${TODAY}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}
const STATUSES = ['not_started', 'green', 'yellow', 'red', 'done'];

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, g1, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', g1: 'b1', c1: 'dist2',
	}));
	({ comCity, com, com2, sec1, sec2 } = await clientsFor(admin, srv, {
		comCity: ['committee', city], com: ['committee', dist], com2: ['committee', dist2],
		sec1: ['secretary', b1], sec2: ['secretary', b2],
	}));
});
after(async () => { await srv?.stop(); });

function valid(fields = {}) {
	return {
		org_id: dist.id, title: uniq('任务'), start_on: day(-30), due_on: day(30),
		milestones: [{ title: '方案制定', due_on: day(10) },
			{ title: '总结验收', due_on: day(30) }],
		...fields,
	};
}

async function createTask(client, fields = {}) {
	return expectStatus(await client.post('/api/tasks', valid(fields)), 201, srv);
}

test('a task with milestones is created: 201 with id, not started, 0%', async () => {
	const body = valid({ owner: '张书记', description: '学习贯彻' });
	const res = await com.post('/api/tasks', body);
	const t = expectStatus(res, 201, srv);
	assert.equal(typeof t.id, 'number');
	assert.equal(t.org_id, dist.id);
	assert.equal(t.org_name, dist.name);
	assert.equal(t.title, body.title);
	assert.equal(t.owner, '张书记');
	assert.equal(t.start_on, body.start_on);
	assert.equal(t.due_on, body.due_on);
	assert.equal(t.status, 'not_started');
	assert.match(t.status_title, CHINESE);
	assert.equal(t.percent, 0);
	assert.equal(t.parent_id, null);
	assert.equal(t.on_time, null);
	assert.equal(t.milestones.length, 2);
	assert.deepEqual(t.milestones.map((m) => m.title), ['方案制定', '总结验收']);
	assert.ok(t.milestones.every((m) => m.status === 'pending' && m.done_on === null && m.late === false));
	const got = expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv);
	assert.equal(got.status, 'not_started');
	assert.equal(got.percent, 0);
	assert.equal(got.acceptance, null);
	assert.deepEqual(got.milestones, t.milestones);
});

test('task input is validated at the edge: 422 naming the field, unknown fields rejected', async () => {
	const { title, ...noTitle } = valid();
	assert.ok(title);
	expectError(await com.post('/api/tasks', noTitle), 422, 'invalid_field', 'title', srv);
	expectError(await com.post('/api/tasks', valid({ title: '  ' })), 422, 'invalid_field', 'title', srv);
	expectError(await com.post('/api/tasks', valid({ start_on: '2024-02-30' })), 422, 'invalid_field', 'start_on', srv);
	expectError(await com.post('/api/tasks', valid({ due_on: 'tomorrow' })), 422, 'invalid_field', 'due_on', srv);
	expectError(await com.post('/api/tasks', valid({ start_on: day(5), due_on: day(4), milestones: [] })),
		422, 'invalid_field', 'due_on', srv);
	expectError(await com.post('/api/tasks', valid({ milestones: [{ title: '过早', due_on: day(-31) }] })),
		422, 'invalid_field', 'milestones[0].due_on', srv);
	expectError(await com.post('/api/tasks', valid({ milestones: [{ title: 'a', due_on: day(1) }, { title: '过晚', due_on: day(31) }] })),
		422, 'invalid_field', 'milestones[1].due_on', srv);
	expectError(await com.post('/api/tasks', valid({ milestones: [{ due_on: day(1) }] })),
		422, 'invalid_field', 'milestones[0].title', srv);
	expectError(await com.post('/api/tasks', valid({ milestones: [{ title: 'x', due_on: day(1), color: 'red' }] })),
		422, 'unknown_field', undefined, srv);
	expectError(await com.post('/api/tasks', valid({ milestones: 'soon' })), 422, 'invalid_field', 'milestones', srv);
	expectError(await com.post('/api/tasks', valid({ priority: 1 })), 422, 'unknown_field', 'priority', srv);
	expectError(await com.post('/api/tasks', valid({ org_id: 999999 })), 422, 'invalid_field', 'org_id', srv);
	expectError(await com.post('/api/tasks', valid({ weight: 0 })), 422, 'invalid_field', 'weight', srv);
	const bad = await com.post('/api/tasks', '{"title":');
	expectError(bad, 400, 'bad_json', undefined, srv);
});

test('creating a task for an organization out of scope is 403; a member or judge cannot create', async () => {
	expectError(await com.post('/api/tasks', valid({ org_id: dist2.id })), 403, 'forbidden', undefined, srv);
	expectError(await sec1.post('/api/tasks', valid({ org_id: b2.id })), 403, 'forbidden', undefined, srv);
	expectError(await sec1.post('/api/tasks', valid({ org_id: dist.id })), 403, 'forbidden', undefined, srv);
	const own = await createTask(sec1, { org_id: b1.id });
	assert.equal(own.org_id, b1.id);
});

test('cascade: 201 with one child per org below, each with a copy of the milestones; children split further', async () => {
	const parent = await createTask(com, { title: uniq('下达任务') });
	const res = await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id, b2.id] });
	const body = expectStatus(res, 201, srv);
	assert.equal(body.items.length, 2);
	const byOrg = Object.fromEntries(body.items.map((k) => [k.org_id, k]));
	for (const o of [b1, b2]) {
		const k = byOrg[o.id];
		assert.ok(k, `child for ${o.name}`);
		assert.equal(k.parent_id, parent.id);
		assert.equal(k.root_id, parent.id);
		assert.equal(k.title, parent.title);
		assert.equal(k.due_on, parent.due_on);
		assert.equal(k.status, 'not_started');
		const full = expectStatus(await com.get(`/api/tasks/${k.id}`), 200, srv);
		assert.deepEqual(full.milestones.map((m) => [m.title, m.due_on]),
			parent.milestones.map((m) => [m.title, m.due_on]));
		assert.ok(full.milestones.every((m, i) => m.source_id === parent.milestones[i].id));
	}
	const p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.child_count, 2);
	assert.ok(p.milestones.every((m) => m.cascaded === true));

	// the branch splits its part further, to its group
	const kid = byOrg[b1.id];
	const sub = expectStatus(await sec1.post(`/api/tasks/${kid.id}/cascade`, { org_ids: [g1.id] }), 201, srv);
	assert.equal(sub.items.length, 1);
	assert.equal(sub.items[0].parent_id, kid.id);
	assert.equal(sub.items[0].root_id, parent.id);

	// the list of a parent's children
	const kids = expectList(await com.get(`/api/tasks?parent=${parent.id}&org=${dist.id}&subtree=1`), srv);
	assert.deepEqual(kids.items.map((k) => k.id).sort(), body.items.map((k) => k.id).sort());
});

test('cascade is validated: orgs must lie below the task org, once each; out of scope is 403', async () => {
	const parent = await createTask(com);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [c1.id] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [dist.id] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [city.id] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id, b1.id] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: ['x'] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [999999] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, {}), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id], x: 1 }), 422, 'unknown_field', 'x', srv);
	expectError(await sec1.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id] }), 403, 'forbidden', undefined, srv);
	expectError(await com2.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id] }), 403, 'forbidden', undefined, srv);
	expectStatus(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id] }), 201, srv);
	expectError(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b2.id, b1.id] }), 409, 'already_cascaded', 'org_ids', srv);
	// nothing of the refused call was kept
	const p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.child_count, 1);
	expectError(await com.post('/api/tasks/999999/cascade', { org_ids: [b1.id] }), 404, 'not_found', undefined, srv);
	// the shape of the list is checked with the body, before the task is looked up
	expectError(await com.post('/api/tasks/999999/cascade', { org_ids: [b1.id, b1.id] }), 422, 'invalid_field', 'org_ids', srv);
	expectError(await com.post('/api/tasks/999999/cascade', { org_ids: [0] }), 422, 'invalid_field', 'org_ids', srv);
});

test('progress: 201 with the report and the task; completion rolls up to the parent', async () => {
	const parent = await createTask(com, { milestones: [] });
	const { items } = expectStatus(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id, b2.id] }), 201, srv);
	const k1 = items.find((k) => k.org_id === b1.id);
	const k2 = items.find((k) => k.org_id === b2.id);
	const res = await sec1.post(`/api/tasks/${k1.id}/progress`, {
		percent: 50, note: '已完成动员部署',
		evidence: [{ kind: 'link', title: '动员会通知', url: 'https://example.org/n/1' }, { kind: 'meeting', title: '支委会', ref_id: 12 }],
	});
	const rep = expectStatus(res, 201, srv);
	assert.equal(rep.percent, 50);
	assert.equal(rep.note, '已完成动员部署');
	assert.equal(rep.reported_on, TODAY);
	assert.equal(rep.evidence.length, 2);
	assert.equal(rep.evidence[1].ref_id, 12);
	assert.equal(rep.task.id, k1.id);
	assert.equal(rep.task.percent, 50);
	assert.equal(rep.task.status, 'green');
	let p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.percent, 25);
	assert.equal(p.status, 'green');
	expectStatus(await sec2.post(`/api/tasks/${k2.id}/progress`, { percent: 100, note: '完成' }), 201, srv);
	p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.percent, 75);
	const k2now = expectStatus(await sec2.get(`/api/tasks/${k2.id}`), 200, srv);
	assert.equal(k2now.status, 'done');
	assert.equal(k2now.done_on, TODAY);
	assert.equal(k2now.on_time, true);
	expectStatus(await sec1.post(`/api/tasks/${k1.id}/progress`, { percent: 100 }), 201, srv);
	p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.percent, 100);
	assert.equal(p.status, 'done');
	assert.equal(p.done_on, TODAY);
	const reports = expectList(await sec1.get(`/api/tasks/${k1.id}/progress`), srv);
	assert.deepEqual(reports.items.map((x) => x.percent), [100, 50]);

	// a cascade added after completion reopens the parent
	const { items: more } = expectStatus(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [g1.id] }), 201, srv);
	assert.equal(more.length, 1);
	p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.percent, 66);
	assert.notEqual(p.status, 'done');
	assert.equal(p.done_on, null);
	// and deleting that child completes it again
	expectStatus(await com.del(`/api/tasks/${more[0].id}`), 200, srv);
	p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.status, 'done');
	expectError(await com.del(`/api/tasks/${parent.id}`), 409, 'has_children', undefined, srv);
});

test('progress is validated: percent 0..100, known milestone, evidence items; 100% needs every part done', async () => {
	const t = await createTask(com);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { note: 'x' }), 422, 'invalid_field', 'percent', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: 101 }), 422, 'invalid_field', 'percent', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: -1 }), 422, 'invalid_field', 'percent', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: '50' }), 422, 'invalid_field', 'percent', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: 10, mood: 'good' }), 422, 'unknown_field', 'mood', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: 10, evidence: [{ kind: 'photo', title: 'x' }] }),
		422, 'invalid_field', 'evidence[0].kind', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: 10, evidence: [{ kind: 'link' }] }),
		422, 'invalid_field', 'evidence[0].title', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: 10, milestone_id: 999999 }),
		422, 'invalid_field', 'milestone_id', srv);
	expectError(await com.post(`/api/tasks/${t.id}/progress`, { percent: 100 }), 422, 'invalid_field', 'percent', srv);
	const got = expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv);
	assert.equal(got.percent, 0, 'refused reports change nothing');
	assert.equal(got.status, 'not_started');
	assert.equal(expectList(await com.get(`/api/tasks/${t.id}/progress`), srv).total, 0);
	expectError(await com.post('/api/tasks/999999/progress', { percent: 10 }), 404, 'not_found', undefined, srv);
});

test('milestones roll up: done ones count; a report may mark one done; the last one completes the task', async () => {
	const t = await createTask(com, {
		milestones: [{ title: '一', due_on: day(5) }, { title: '二', due_on: day(10) }, { title: '三', due_on: day(30), weight: 2 }],
	});
	const [m1, m2, m3] = t.milestones;
	let rep = expectStatus(await com.post(`/api/tasks/${t.id}/progress`, { percent: 0, milestone_id: m1.id, note: '节点一完成' }), 201, srv);
	assert.equal(rep.milestone_id, m1.id);
	assert.equal(rep.task.percent, 25);
	assert.equal(rep.task.status, 'green');
	let got = expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv);
	assert.equal(got.milestones[0].status, 'done');
	assert.equal(got.milestones[0].done_on, TODAY);
	assert.equal(got.milestones[0].late, false);
	// a reported percent above the roll-up is kept
	rep = expectStatus(await com.post(`/api/tasks/${t.id}/progress`, { percent: 40 }), 201, srv);
	assert.equal(rep.task.percent, 40);
	const ms = expectStatus(await com.patch(`/api/tasks/${t.id}/milestones/${m2.id}`, { done_on: TODAY }), 200, srv);
	assert.equal(ms.status, 'done');
	got = expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv);
	assert.equal(got.percent, 50);
	rep = expectStatus(await com.post(`/api/tasks/${t.id}/progress`, { percent: 100, milestone_id: m3.id }), 201, srv);
	assert.equal(rep.task.percent, 100);
	assert.equal(rep.task.status, 'done');
	assert.equal(rep.task.on_time, true);
	// reopening a milestone reopens the task
	expectStatus(await com.patch(`/api/tasks/${t.id}/milestones/${m3.id}`, { done_on: null }), 200, srv);
	got = expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv);
	assert.notEqual(got.status, 'done');
	assert.equal(got.done_on, null);
	expectError(await com.patch(`/api/tasks/${t.id}/milestones/${m3.id}`, { done_on: day(1) }), 422, 'invalid_field', 'done_on', srv);
	expectError(await com.patch(`/api/tasks/${t.id}/milestones/${m3.id}`, { due_on: day(31) }), 422, 'invalid_field', 'due_on', srv);
	expectError(await com.patch(`/api/tasks/${t.id}/milestones/999999`, { title: 'x' }), 404, 'not_found', undefined, srv);
});

test('status around the due date: due today is not overdue, due yesterday is red (Asia/Shanghai days)', async () => {
	const dueToday = await createTask(com, { start_on: day(-10), due_on: TODAY, milestones: [] });
	expectStatus(await com.post(`/api/tasks/${dueToday.id}/progress`, { percent: 30 }), 201, srv);
	assert.equal(expectStatus(await com.get(`/api/tasks/${dueToday.id}`), 200, srv).status, 'green');
	const dueYesterday = await createTask(com, { start_on: day(-10), due_on: day(-1), milestones: [] });
	assert.equal(dueYesterday.status, 'red');
	expectStatus(await com.post(`/api/tasks/${dueYesterday.id}/progress`, { percent: 30 }), 201, srv);
	assert.equal(expectStatus(await com.get(`/api/tasks/${dueYesterday.id}`), 200, srv).status, 'red');
	// done late: done, on_time false
	const rep = expectStatus(await com.post(`/api/tasks/${dueYesterday.id}/progress`, { percent: 100 }), 201, srv);
	assert.equal(rep.task.status, 'done');
	assert.equal(rep.task.on_time, false);
	// an overdue milestone makes the task red; moved later it is green again
	const t = await createTask(com, { start_on: day(-20), due_on: day(20), milestones: [{ title: '节点', due_on: day(-1) }] });
	assert.equal(t.status, 'red');
	assert.equal(t.milestones[0].status, 'overdue');
	assert.equal(t.milestones[0].late, true);
	expectStatus(await com.patch(`/api/tasks/${t.id}/milestones/${t.milestones[0].id}`, { due_on: TODAY }), 200, srv);
	assert.equal(expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv).status, 'not_started');
});

test('yellow: a milestone done after its due date, nothing overdue now; the parent shows its children', async () => {
	const parent = await createTask(com, { start_on: day(-20), due_on: day(20),
		milestones: [{ title: '节点', due_on: day(-2) }, { title: '后续', due_on: day(10) }] });
	assert.equal(parent.status, 'red');
	const { items } = expectStatus(await com.post(`/api/tasks/${parent.id}/cascade`, { org_ids: [b1.id] }), 201, srv);
	const kid = items[0];
	assert.equal(kid.status, 'red');
	const km = expectStatus(await sec1.get(`/api/tasks/${kid.id}`), 200, srv).milestones[0];
	// the cascaded milestone of the parent is summed up from the children
	expectError(await com.post(`/api/tasks/${parent.id}/progress`, { percent: 10, milestone_id: parent.milestones[0].id }),
		409, 'derived_milestone', 'milestone_id', srv);
	const rep = expectStatus(await sec1.post(`/api/tasks/${kid.id}/progress`, { percent: 50, milestone_id: km.id }), 201, srv);
	assert.equal(rep.task.status, 'yellow');
	const p = expectStatus(await com.get(`/api/tasks/${parent.id}`), 200, srv);
	assert.equal(p.milestones[0].status, 'done');
	assert.equal(p.milestones[0].done_on, TODAY);
	assert.equal(p.milestones[0].late, true);
	assert.equal(p.milestones[1].status, 'pending');
	assert.equal(p.status, 'yellow');
	assert.equal(p.percent, 50);
});

test('lists: status filter, overdue first, scope of the caller; status values are validated', async () => {
	const red = await createTask(sec2, { org_id: b2.id, start_on: day(-20), due_on: day(-3), milestones: [] });
	const green = await createTask(sec2, { org_id: b2.id, milestones: [] });
	expectStatus(await sec2.post(`/api/tasks/${green.id}/progress`, { percent: 20 }), 201, srv);
	const all = expectList(await sec2.get(`/api/tasks?org=${b2.id}&size=200`), srv);
	assert.ok(all.items.every((t) => t.org_id === b2.id));
	assert.ok(all.items.every((t) => STATUSES.includes(t.status)));
	const firstNotRed = all.items.findIndex((t) => t.status !== 'red');
	assert.ok(all.items.slice(firstNotRed).every((t) => t.status !== 'red'), 'overdue first');
	const reds = expectList(await sec2.get(`/api/tasks?org=${b2.id}&status=red`), srv);
	assert.ok(reds.items.some((t) => t.id === red.id));
	assert.ok(reds.items.every((t) => t.status === 'red'));
	for (const s of STATUSES) {
		const b = expectList(await com.get(`/api/tasks?org=${dist.id}&subtree=1&status=${s}&size=200`), srv);
		assert.ok(b.items.every((t) => t.status === s), `filter ${s}`);
	}
	expectError(await sec2.get('/api/tasks?status=purple'), 422, 'invalid_field', 'status', srv);
	expectError(await sec2.get('/api/tasks?org=abc'), 422, 'invalid_field', 'org', srv);
	expectError(await sec2.get('/api/tasks?subtree=maybe'), 422, 'invalid_field', 'subtree', srv);
	expectError(await sec2.get('/api/tasks?year=20'), 422, 'invalid_field', 'year', srv);

	// the committee sees its subtree; subtree=1 adds the orgs below
	const own = expectList(await com.get(`/api/tasks?org=${dist.id}&size=200`), srv);
	assert.ok(own.items.every((t) => t.org_id === dist.id));
	const sub = await listAll(com, `/api/tasks?org=${dist.id}&subtree=1`, srv);
	assert.ok(sub.some((t) => t.org_id === b2.id));
	assert.ok(sub.length > own.total);
	const mine = await listAll(com, '/api/tasks', srv);
	assert.equal(mine.length, sub.length, 'no org: the caller\'s scope');
	// milestones on demand for the chart
	const chart = expectList(await com.get(`/api/tasks?org=${dist.id}&subtree=1&milestones=1&size=5`), srv);
	assert.ok(chart.items.every((t) => Array.isArray(t.milestones)));
	assert.ok(expectList(await com.get(`/api/tasks?org=${dist.id}&size=5`), srv).items.every((t) => !('milestones' in t)));
});

test('scope: an organization sees and reports only its own tasks (reads 404, writes 403); the committee sees its subtree', async () => {
	const t1 = await createTask(sec1, { org_id: b1.id, milestones: [] });
	const t2 = await createTask(sec2, { org_id: b2.id, milestones: [] });
	const td = await createTask(com, { milestones: [] });
	// sibling and parent tasks are invisible to a branch
	expectError(await sec1.get(`/api/tasks/${t2.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/tasks/${td.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/tasks/${t2.id}/progress`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/tasks?org=${b2.id}`), 404, 'not_found', 'org', srv);
	expectError(await com2.get(`/api/tasks/${t1.id}`), 404, 'not_found', undefined, srv);
	const l1 = await listAll(sec1, '/api/tasks', srv);
	assert.ok(l1.length > 0);
	assert.ok(l1.every((t) => [b1.id, g1.id].includes(t.org_id)), 'only b1 and below');
	const l2 = await listAll(com2, '/api/tasks', srv);
	assert.ok(l2.every((t) => ![b1.id, b2.id, dist.id].includes(t.org_id)));
	// writes out of scope are 403
	expectError(await sec1.post(`/api/tasks/${t2.id}/progress`, { percent: 10 }), 403, 'forbidden', undefined, srv);
	expectError(await sec1.post(`/api/tasks/${td.id}/progress`, { percent: 10 }), 403, 'forbidden', undefined, srv);
	expectError(await sec1.patch(`/api/tasks/${t2.id}`, { title: '改' }), 403, 'forbidden', undefined, srv);
	expectError(await sec1.del(`/api/tasks/${t2.id}`), 403, 'forbidden', undefined, srv);
	expectError(await com2.post(`/api/tasks/${t1.id}/milestones`, { title: 'x', due_on: day(1) }), 403, 'forbidden', undefined, srv);
	assert.equal(expectStatus(await com.get(`/api/tasks/${t2.id}`), 200, srv).percent, 0, 'nothing changed');
	// the committee (and the city above) sees and may report
	expectStatus(await com.get(`/api/tasks/${t1.id}`), 200, srv);
	expectStatus(await comCity.get(`/api/tasks/${t1.id}`), 200, srv);
	expectStatus(await sec1.post(`/api/tasks/${t1.id}/progress`, { percent: 10 }), 201, srv);
	// anonymous is 401
	expectError(await srv.client().get('/api/tasks'), 401, 'unauthorized', undefined, srv);
});

test('a task can be edited; dates are checked against its milestones', async () => {
	const t = await createTask(com);
	const p = expectStatus(await com.patch(`/api/tasks/${t.id}`, { title: '新名称', owner: '李四', due_on: day(40) }), 200, srv);
	assert.equal(p.title, '新名称');
	assert.equal(p.owner, '李四');
	assert.equal(p.due_on, day(40));
	expectError(await com.patch(`/api/tasks/${t.id}`, { due_on: day(20) }), 422, 'invalid_field', 'due_on', srv);
	expectError(await com.patch(`/api/tasks/${t.id}`, { start_on: day(50) }), 422, 'invalid_field', ['due_on', 'start_on'], srv);
	expectError(await com.patch(`/api/tasks/${t.id}`, { org_id: b1.id }), 422, 'invalid_field', 'org_id', srv);
	expectError(await com.patch(`/api/tasks/${t.id}`, { milestones: [] }), 422, 'invalid_field', 'milestones', srv);
	const m = expectStatus(await com.post(`/api/tasks/${t.id}/milestones`, { title: '追加节点', due_on: day(35), deliverable: '报告' }), 201, srv);
	assert.equal(m.deliverable, '报告');
	assert.equal(expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv).milestones.length, 3);
	expectStatus(await com.del(`/api/tasks/${t.id}/milestones/${m.id}`), 200, srv);
	assert.equal(expectStatus(await com.get(`/api/tasks/${t.id}`), 200, srv).milestones.length, 2);
});

test('reminders: what falls due within N days and what is overdue, per owner', async () => {
	const o = await createOrg(admin, { name: uniq('提醒支部'), kind: 'branch', level: 'county', parent_id: dist.id }, srv);
	const soon = await createTask(com, { org_id: o.id, owner: '王五', start_on: day(-30), due_on: day(20),
		milestones: [{ title: '三天后', due_on: day(3) }, { title: '十天后', due_on: day(10) }] });
	const late = await createTask(com, { org_id: o.id, owner: '赵六', start_on: day(-30), due_on: day(-1), milestones: [] });
	await createTask(com, { org_id: o.id, owner: '王五', start_on: day(-30), due_on: day(60), milestones: [] });
	const done = await createTask(com, { org_id: o.id, start_on: day(-30), due_on: day(2), milestones: [] });
	expectStatus(await com.post(`/api/tasks/${done.id}/progress`, { percent: 100 }), 201, srv);
	const r = expectStatus(await com.get(`/api/tasks/reminders?org=${o.id}&days=5`), 200, srv);
	assert.equal(r.today, TODAY);
	assert.equal(r.until, day(5));
	assert.equal(r.total, r.items.length);
	assert.deepEqual(r.items.map((x) => [x.task_id, x.kind, x.title, x.status]), [
		[late.id, 'task', late.title, 'overdue'],
		[soon.id, 'milestone', '三天后', 'due_soon'],
	]);
	assert.equal(r.items[0].days_left, -1);
	assert.equal(r.items[1].days_left, 3);
	assert.equal(r.items[1].owner, '王五');
	assert.deepEqual(r.owners.map((w) => [w.owner, w.overdue, w.due_soon]).sort(), [['王五', 0, 1], ['赵六', 1, 0]]);
	const wide = expectStatus(await com.get(`/api/tasks/reminders?org=${o.id}&days=30`), 200, srv);
	assert.equal(wide.items.length, 4);
	expectError(await com.get('/api/tasks/reminders?days=-1'), 422, 'invalid_field', 'days', srv);
	expectError(await com.get('/api/tasks/reminders?days=400'), 422, 'invalid_field', 'days', srv);
	expectError(await sec1.get(`/api/tasks/reminders?org=${o.id}`), 404, 'not_found', 'org', srv);
	const mine = expectStatus(await sec1.get('/api/tasks/reminders?days=366'), 200, srv);
	assert.ok(mine.items.every((x) => [b1.id, g1.id].includes(x.org_id)));
});

test('the 晒绩 board ranks organizations by on-time completion; acceptance by the committee', async () => {
	const d = await createOrg(admin, { name: uniq('丙区机关工委'), kind: 'work_committee', level: 'county', parent_id: city.id }, srv);
	const x = await createOrg(admin, { name: uniq('丙一支部'), kind: 'branch', level: 'county', parent_id: d.id }, srv);
	const y = await createOrg(admin, { name: uniq('丙二支部'), kind: 'branch', level: 'county', parent_id: d.id }, srv);
	const comD = (await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: d.id }] })).client;
	const secX = (await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: x.id }] })).client;
	const year = Number(day(-1).slice(0, 4));
	// both tasks of x done on time; y: one done late, one overdue
	const due = day(-1);
	const mk = (org, f = {}) => createTask(comD, { org_id: org.id, start_on: `${year}-01-01` < due ? `${year}-01-01` : due, due_on: due, milestones: [], ...f });
	const x1 = await mk(x, { due_on: TODAY });
	const x2 = await mk(x, { due_on: TODAY });
	const y1 = await mk(y);
	await mk(y);
	for (const t of [x1, x2, y1]) expectStatus(await comD.post(`/api/tasks/${t.id}/progress`, { percent: 100 }), 201, srv);
	const yearOf = (t) => t.year;
	assert.equal(yearOf(x1), Number(TODAY.slice(0, 4)));
	const b = expectStatus(await comD.get(`/api/tasks/board?org=${d.id}&year=${yearOf(y1)}`), 200, srv);
	const rowY = b.items.find((i) => i.org_id === y.id);
	assert.equal(rowY.tasks, 2);
	assert.equal(rowY.done, 1);
	assert.equal(rowY.on_time, 0);
	assert.equal(rowY.overdue, 1);
	assert.equal(rowY.due, 2);
	assert.equal(rowY.on_time_rate, 0);
	if (yearOf(x1) === yearOf(y1)) {
		assert.deepEqual(b.items.map((i) => i.org_id), [x.id, y.id]);
		assert.deepEqual(b.items.map((i) => i.rank), [1, 2]);
		assert.equal(b.items[0].on_time_rate, 100);
	}
	expectError(await comD.get('/api/tasks/board?year=abc'), 422, 'invalid_field', 'year', srv);
	expectError(await com2.get(`/api/tasks/board?org=${d.id}`), 404, 'not_found', 'org', srv);

	// acceptance: the committee over the task's org scores it
	const acc = expectStatus(await comD.post(`/api/tasks/${y1.id}/acceptance`, { score: 80, comment: '完成但滞后' }), 201, srv);
	assert.equal(acc.score, 80);
	assert.equal(acc.comment, '完成但滞后');
	assert.equal(acc.on_time, false);
	expectStatus(await comCity.post(`/api/tasks/${x1.id}/acceptance`, { score: 95 }), 201, srv);
	const again = expectStatus(await comD.post(`/api/tasks/${x1.id}/acceptance`, { score: 90, comment: '优秀' }), 201, srv);
	assert.equal(again.score, 90);
	expectError(await secX.post(`/api/tasks/${x1.id}/acceptance`, { score: 90 }), 403, 'forbidden', undefined, srv);
	expectError(await com2.post(`/api/tasks/${x1.id}/acceptance`, { score: 90 }), 403, 'forbidden', undefined, srv);
	expectError(await comD.post(`/api/tasks/${x1.id}/acceptance`, { score: 101 }), 422, 'invalid_field', 'score', srv);
	expectError(await comD.post(`/api/tasks/${x1.id}/acceptance`, {}), 422, 'invalid_field', 'score', srv);
	expectError(await comD.post('/api/tasks/999999/acceptance', { score: 1 }), 404, 'not_found', undefined, srv);
	const got = expectStatus(await secX.get(`/api/tasks/${x1.id}`), 200, srv);
	assert.equal(got.acceptance.score, 90);
	const sum = expectStatus(await comD.get(`/api/acceptance?org=${d.id}&year=${yearOf(x1)}`), 200, srv);
	const rowX = sum.items.find((i) => i.org_id === x.id);
	assert.equal(rowX.accepted, 1);
	assert.equal(rowX.avg_score, 90);
	assert.equal(rowX.on_time, 2);
});

test('writes are audited with before and after', async () => {
	const t = await createTask(com, { milestones: [] });
	expectStatus(await com.patch(`/api/tasks/${t.id}`, { title: '审计后' }), 200, srv);
	const a = expectList(await admin.get(`/api/audit?entity=task&entity_id=${t.id}`), srv);
	const actions = a.items.map((x) => x.action).sort();
	assert.deepEqual(actions, ['create', 'update']);
	const upd = a.items.find((x) => x.action === 'update');
	assert.equal(upd.before.title, t.title);
	assert.equal(upd.after.title, '审计后');
});

test('year plan (年初部署): each item becomes a task of its lead organization', async () => {
	const year = Number(TODAY.slice(0, 4));
	const body = {
		org_id: dist.id, year, title: uniq('年度党建工作计划'),
		items: [
			{ title: '第一议题制度落实', goal: '全年学习不少于12次', lead_org_id: dist.id, measures: '每月一次' },
			{ title: '支部标准化建设', lead_org_id: b1.id, due_on: `${year}-12-31`,
				milestones: [{ title: '自查', due_on: `${year}-06-30` }] },
		],
	};
	const plan = expectStatus(await com.post('/api/plans', body), 201, srv);
	assert.equal(plan.year, year);
	assert.equal(plan.item_count, 2);
	assert.equal(plan.items.length, 2);
	const [i1, i2] = plan.items;
	assert.equal(i1.lead_org_id, dist.id);
	assert.equal(i1.task.org_id, dist.id);
	assert.equal(i1.task.plan_id, plan.id);
	assert.equal(i1.task.start_on, `${year}-01-01`);
	assert.equal(i1.task.due_on, `${year}-12-31`);
	assert.match(i1.task.description, /全年学习不少于12次/);
	assert.equal(i2.task.org_id, b1.id);
	assert.ok(STATUSES.includes(i2.task.status));
	const t2 = expectStatus(await sec1.get(`/api/tasks/${i2.task_id}`), 200, srv);
	assert.equal(t2.milestones.length, 1);
	// the plan's tasks, and the plan itself, by the usual scope
	const tasks = expectList(await com.get(`/api/tasks?plan=${plan.id}&org=${dist.id}&subtree=1`), srv);
	assert.equal(tasks.total, 2);
	assert.deepEqual(expectStatus(await com.get(`/api/plans/${plan.id}`), 200, srv).items.map((x) => x.task_id),
		[i1.task_id, i2.task_id]);
	const list = expectList(await com.get(`/api/plans?org=${dist.id}&year=${year}`), srv);
	assert.ok(list.items.some((p) => p.id === plan.id));
	expectError(await sec1.get(`/api/plans/${plan.id}`), 404, 'not_found', undefined, srv);
	expectError(await com2.get(`/api/plans/${plan.id}`), 404, 'not_found', undefined, srv);
	// validation, naming the nested field; nothing is created on error
	const bad = (items) => ({ ...body, title: uniq('坏计划'), items });
	expectError(await com.post('/api/plans', bad([{ title: 'x', lead_org_id: c1.id }])), 422, 'invalid_field', 'items[0].lead_org_id', srv);
	expectError(await com.post('/api/plans', bad([{ title: 'x', lead_org_id: b1.id }, { title: 'y', lead_org_id: b1.id, due_on: `${year + 1}-01-05` }])),
		422, 'invalid_field', 'items[1].due_on', srv);
	expectError(await com.post('/api/plans', bad([{ title: 'x', lead_org_id: b1.id, milestones: [{ title: 'm', due_on: `${year - 1}-12-01` }] }])),
		422, 'invalid_field', 'items[0].milestones[0].due_on', srv);
	expectError(await com.post('/api/plans', bad([{ title: 'x', lead_org_id: b1.id, owner: 1 }])), 422, 'unknown_field', 'items[0].owner', srv);
	expectError(await com.post('/api/plans', bad([{ lead_org_id: b1.id }])), 422, 'invalid_field', 'items[0].title', srv);
	expectError(await com.post('/api/plans', { ...body, year: 99 }), 422, 'invalid_field', 'year', srv);
	expectError(await sec1.post('/api/plans', { ...body, org_id: dist.id }), 403, 'forbidden', undefined, srv);
	const after2 = expectList(await com.get(`/api/plans?org=${dist.id}&year=${year}`), srv);
	assert.equal(after2.total, list.total);
});

test('task rows name the parent of their organization; lists and boards answer the server\'s today', async () => {
	const d = await createOrg(admin, { name: uniq('丁区机关工委'), kind: 'work_committee', level: 'county', parent_id: city.id }, srv);
	const x = await createOrg(admin, { name: uniq('丁一支部'), kind: 'branch', level: 'county', parent_id: d.id }, srv);
	const comD = (await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: d.id }] })).client;
	const top = await createTask(comD, { org_id: d.id, milestones: [] });
	assert.equal(top.org_parent_id, city.id);
	assert.equal(top.org_parent_name, city.name);
	const kids = expectStatus(await comD.post(`/api/tasks/${top.id}/cascade`, { org_ids: [x.id] }), 201, srv);
	const kid = (kids.items ?? kids)[0];
	assert.equal(kid.org_parent_id, d.id);
	assert.equal(kid.org_parent_name, d.name);
	// a root organization has no parent
	const rootTask = await createTask(comCity, { org_id: city.id, milestones: [] });
	assert.equal(rootTask.org_parent_id, null);
	assert.equal(rootTask.org_parent_name, null);

	const list = expectList(await comD.get(`/api/tasks?org=${d.id}&subtree=1`), srv);
	assert.equal(list.today, todayShanghai());
	const byId = new Map(list.items.map((t) => [t.id, t]));
	assert.equal(byId.get(top.id).org_parent_name, city.name);
	assert.equal(byId.get(kid.id).org_parent_name, d.name);
	assert.equal(byId.get(kid.id).org_parent_id, d.id);
	// an empty list answers today too
	assert.equal(expectList(await comD.get(`/api/tasks?org=${x.id}&status=done`), srv).today, todayShanghai());
	// names are read, not copied: a renamed parent shows its new name
	const renamed = uniq('丁区直属机关工委');
	expectStatus(await admin.patch(`/api/orgs/${d.id}`, { name: renamed }), 200, srv);
	assert.equal(expectStatus(await comD.get(`/api/tasks/${kid.id}`), 200, srv).org_parent_name, renamed);

	// the board of the tasks' year (due in 30 days may be next year's)
	const board = expectStatus(await comD.get(`/api/tasks/board?org=${d.id}&year=${kid.year}`), 200, srv);
	assert.equal(board.today, todayShanghai());
	const rowX = board.items.find((i) => i.org_id === x.id);
	assert.equal(rowX.org_parent_id, d.id);
	assert.equal(rowX.org_parent_name, renamed);
	assert.equal(board.items.find((i) => i.org_id === d.id).org_parent_name, city.name);
	const acc = expectStatus(await comD.get(`/api/acceptance?org=${d.id}&year=${kid.year}`), 200, srv);
	assert.equal(acc.today, todayShanghai());
	assert.equal(acc.items.find((i) => i.org_id === x.id).org_parent_name, renamed);
	// the parent's name is shown to whoever reads the task, as on the board
	const secX = (await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: x.id }] })).client;
	assert.equal(expectStatus(await secX.get(`/api/tasks/${kid.id}`), 200, srv).org_parent_name, renamed);
});
