// Organizational life: meetings (三会一课, 主题党日, committee meetings) with
// their 第一议题 and follow-up measures, attendance registers, talks with
// members absent three times in a row; validation at the edge, scope
// (a secretary of a sibling branch can neither see nor change), audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor } from './fixtures.mjs';
import {
	expectStatus, expectError, expectFields, expectList, createOrg, createMember, createUserAndLogin, uniq,
	ISO_TIME_0800, listAll,
} from './harness.mjs';

let srv;
let admin;
let city;
let dist;
let b1;
let b2;
let g1;
let committee; // committee of dist
let sec1;      // secretary of b1
let sec2;      // secretary of b2 (sibling branch)
const m1 = [];  // members of b1
let mg;         // member of g1 (a group under b1)
let mb2;        // member of b2

const EST = '2010-01-01';

before(async () => {
	({ srv, admin, city, dist, b1, b2, g1 } = await startWithTree({
		dist: 'city', b1: 'dist', b2: 'dist', g1: 'b1',
	}, { established_on: EST }));
	for (let i = 0; i < 3; i++) m1.push(await createMember(admin, { org_id: b1.id }, srv));
	mg = await createMember(admin, { org_id: g1.id }, srv);
	mb2 = await createMember(admin, { org_id: b2.id }, srv);
	({ committee, sec1, sec2 } = await clientsFor(admin, srv, {
		committee: ['committee', dist], sec1: ['secretary', b1], sec2: ['secretary', b2],
	}));
});
after(async () => { await srv?.stop(); });

function meeting(fields = {}) {
	return {
		org_id: b1.id,
		kind: 'branch_committee',
		held_at: '2024-08-15T14:30:00+08:00',
		place: '三楼会议室',
		topic: uniq('支委会'),
		host: '张书记',
		recorder: '李委员',
		agenda: '一、学习；二、研究发展党员工作',
		minutes: '会议记录……',
		first_topic: { title: '学习习近平总书记重要讲话精神', source: '人民日报', speech_date: '2024-08-01' },
		...fields,
	};
}

async function create(client, fields) {
	return expectStatus(await client.post('/api/meetings', meeting(fields)), 201, srv);
}

test('a meeting is recorded with its first topic; times are shown in Asia/Shanghai', async () => {
	const body = meeting();
	const res = await sec1.post('/api/meetings', body);
	const m = expectStatus(res, 201, srv);
	assert.equal(typeof m.id, 'number');
	assert.match(m.held_at, ISO_TIME_0800);
	expectFields(m, {
		org_id: b1.id, org_name: b1.name, kind: 'branch_committee', kind_name: '支委会',
		held_at: '2024-08-15T14:30:00+08:00', held_on: '2024-08-15', quarter: '2024Q3',
		topic: body.topic, place: body.place, late: false, makeup_for: null,
		first_topic: { ...body.first_topic, discussion: null }, first_topic_missing: false, measures: [],
	});
	const got = expectStatus(await sec1.get(`/api/meetings/${m.id}`), 200, srv);
	assert.deepEqual(got, m);
	// the same moment given in UTC is the same meeting time
	const utc = await create(sec1, { held_at: '2024-08-15T06:30:00Z' });
	assert.equal(utc.held_at, '2024-08-15T14:30:00+08:00');
});

test('a meeting just after midnight in Shanghai belongs to the next day and quarter', async () => {
	const m = await create(sec1, { held_at: '2024-09-30T16:30:00Z', kind: 'theme_day', first_topic: null });
	assert.equal(m.held_on, '2024-10-01');
	assert.equal(m.quarter, '2024Q4');
	const q4 = await listAll(sec1, `/api/meetings?org=${b1.id}&period=2024Q4`, srv);
	assert.ok(q4.some((x) => x.id === m.id));
	const q3 = await listAll(sec1, `/api/meetings?org=${b1.id}&period=2024Q3`, srv);
	assert.ok(!q3.some((x) => x.id === m.id));
	const last = await create(sec1, { held_at: '2024-09-30T23:59:59+08:00', kind: 'theme_day', first_topic: null });
	assert.equal(last.quarter, '2024Q3');
});

test('bad meetings are refused with 422 naming the field, and nothing is stored', async () => {
	const before = (await listAll(admin, `/api/meetings?org=${b1.id}`, srv)).length;
	const cases = [
		[{ kind: 'meeting' }, 'kind'],
		[{ held_at: '2024-08-15' }, 'held_at'],
		[{ held_at: '2024-08-15T14:30:00' }, 'held_at'],
		[{ held_at: '2024-02-30T14:30:00+08:00' }, 'held_at'],
		[{ held_at: '2024-08-15T25:30:00+08:00' }, 'held_at'],
		[{ held_at: '2099-08-15T14:30:00+08:00' }, 'held_at'],
		[{ held_at: '2009-12-31T14:30:00+08:00' }, 'held_at'],
		[{ held_at: 20240815 }, 'held_at'],
		[{ topic: '' }, 'topic'],
		[{ topic: '   ' }, 'topic'],
		[{ topic: 'x'.repeat(201) }, 'topic'],
		[{ org_id: 0 }, 'org_id'],
		[{ org_id: 999999 }, 'org_id'],
		[{ kind: 'party_lecture' }, 'lecturer'],
		[{ makeup_for: '2024Q5' }, 'makeup_for'],
		[{ makeup_for: '2024Q3' }, 'makeup_for'],
		[{ first_topic: { source: '人民日报' } }, 'first_topic.title'],
		[{ first_topic: { title: '学习', speech_date: '2024-13-01' } }, 'first_topic.speech_date'],
		[{ first_topic: { title: '学习', speech_date: '2024-09-01' } }, 'first_topic.speech_date'],
		[{ first_topic: '学习' }, 'first_topic'],
	];
	for (const [fields, field] of cases) {
		expectError(await sec1.post('/api/meetings', meeting(fields)), 422, 'invalid_field', field, srv);
	}
	const missing = meeting();
	delete missing.held_at;
	expectError(await sec1.post('/api/meetings', missing), 422, 'invalid_field', 'held_at', srv);
	expectError(await sec1.post('/api/meetings', meeting({ color: 'red' })), 422, 'unknown_field', 'color', srv);
	expectError(await sec1.post('/api/meetings', meeting({ first_topic: { title: '学习', note: 1 } })),
		422, 'unknown_field', 'first_topic.note', srv);
	expectError(await sec1.post('/api/meetings', '{"kind":'), 400, 'bad_json', undefined, srv);
	expectError(await sec1.post('/api/meetings', '[1]'), 400, 'bad_json', undefined, srv);
	expectError(await sec1.post('/api/meetings', '{"topic":"a","topic":"b"}'), 400, 'bad_json', undefined, srv);
	assert.equal((await listAll(admin, `/api/meetings?org=${b1.id}`, srv)).length, before);
});

test('a party lecture records its lecturer; a make-up meeting counts as late for its period', async () => {
	const lec = await create(sec1, { kind: 'party_lecture', lecturer: '王教授', first_topic: null });
	assert.equal(lec.lecturer, '王教授');
	const mk = await create(sec1, { kind: 'branch_congress', held_at: '2024-10-12T09:00:00+08:00', makeup_for: '2024Q3' });
	assert.equal(mk.makeup_for, '2024Q3');
	assert.equal(mk.late, true);
	assert.equal(mk.quarter, '2024Q4');
});

test('PATCH changes given fields, removes a first topic with null, and is audited', async () => {
	const m = await create(sec1, {});
	const p = expectStatus(await sec1.patch(`/api/meetings/${m.id}`, { topic: '新主题', first_topic: null }), 200, srv);
	assert.equal(p.topic, '新主题');
	assert.equal(p.first_topic, null);
	assert.equal(p.first_topic_missing, true, 'a committee meeting without first topic is flagged');
	assert.equal(p.place, m.place, 'untouched fields stay');
	const p2 = expectStatus(await sec1.patch(`/api/meetings/${m.id}`, { held_at: '2024-08-16T09:00:00+08:00',
		first_topic: { title: '再学习', discussion: '研讨发言' } }), 200, srv);
	assert.equal(p2.held_on, '2024-08-16');
	assert.equal(p2.first_topic.title, '再学习');
	assert.equal(p2.first_topic.discussion, '研讨发言');
	expectError(await sec1.patch(`/api/meetings/${m.id}`, { org_id: b2.id }), 422, 'invalid_field', 'org_id', srv);
	expectError(await sec1.patch(`/api/meetings/${m.id}`, { kind: null }), 422, 'invalid_field', 'kind', srv);
	expectError(await sec1.patch(`/api/meetings/${m.id}`, { extra: 1 }), 422, 'unknown_field', 'extra', srv);
	const audit = expectList(await admin.get(`/api/audit?entity=meeting&entity_id=${m.id}`), srv);
	const actions = audit.items.map((a) => a.action).sort();
	assert.deepEqual(actions, ['create', 'update', 'update']);
});

test('DELETE removes a meeting with its register and measures', async () => {
	const m = await create(sec1, {});
	expectStatus(await sec1.post(`/api/meetings/${m.id}/measures`, { title: '整改', owner: '张三', due_on: '2024-12-31' }), 201, srv);
	expectStatus(await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [{ member_id: m1[0].id, status: 'present' }] }), 200, srv);
	expectStatus(await sec1.del(`/api/meetings/${m.id}`), 200, srv);
	expectError(await sec1.get(`/api/meetings/${m.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.del(`/api/meetings/${m.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get('/api/meetings/abc'), 404, 'not_found', undefined, srv);
});

test('lists filter by org, subtree, kind and period, newest first, paged', async () => {
	const grp = await create(sec1, { org_id: g1.id, kind: 'group_meeting', held_at: '2024-07-03T19:00:00+08:00', first_topic: null });
	const own = await listAll(sec1, `/api/meetings?org=${b1.id}`, srv);
	assert.ok(!own.some((x) => x.id === grp.id), 'without subtree only the org itself');
	const sub = await listAll(sec1, `/api/meetings?org=${b1.id}&subtree=1`, srv);
	assert.ok(sub.some((x) => x.id === grp.id));
	const kinds = await listAll(sec1, `/api/meetings?org=${b1.id}&subtree=true&kind=group_meeting`, srv);
	assert.deepEqual(kinds.map((x) => x.id), [grp.id]);
	const jul = await listAll(sec1, `/api/meetings?org=${g1.id}&period=2024-07`, srv);
	assert.deepEqual(jul.map((x) => x.id), [grp.id]);
	assert.equal((await listAll(sec1, `/api/meetings?org=${g1.id}&period=2024-08`, srv)).length, 0);
	assert.equal((await listAll(sec1, `/api/meetings?org=${g1.id}&period=2024`, srv)).length, 1);
	for (let i = 1; i < sub.length; i++) assert.ok(sub[i - 1].held_at >= sub[i].held_at, 'newest first');
	const page = expectList(await sec1.get(`/api/meetings?org=${b1.id}&subtree=1&size=2&page=2`), srv);
	assert.equal(page.items.length, 2);
	assert.equal(page.total, sub.length);
	assert.ok('attendees' in page.items[0]);
	expectError(await sec1.get('/api/meetings?kind=meeting'), 422, 'invalid_field', 'kind', srv);
	expectError(await sec1.get('/api/meetings?period=2024Q5'), 422, 'invalid_field', 'period', srv);
	expectError(await sec1.get('/api/meetings?org=x'), 422, 'invalid_field', 'org', srv);
	expectError(await sec1.get('/api/meetings?subtree=maybe'), 422, 'invalid_field', 'subtree', srv);
	expectError(await sec1.get('/api/meetings?size=500'), 422, 'invalid_field', 'size', srv);
	// without org: everything in scope (the secretary's branch and below)
	const all = await listAll(sec1, '/api/meetings', srv);
	assert.equal(all.length, sub.length);
});

test('a secretary of a sibling branch can neither see nor change the meetings of another branch', async () => {
	const m = await create(sec1, {});
	expectError(await sec2.get(`/api/meetings/${m.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec2.patch(`/api/meetings/${m.id}`, { topic: '改' }), 403, 'forbidden', undefined, srv);
	expectError(await sec2.del(`/api/meetings/${m.id}`), 403, 'forbidden', undefined, srv);
	expectError(await sec2.post('/api/meetings', meeting()), 403, 'forbidden', undefined, srv);
	expectError(await sec2.get(`/api/meetings?org=${b1.id}`), 404, 'not_found', undefined, srv);
	const mine = await listAll(sec2, '/api/meetings', srv);
	assert.ok(!mine.some((x) => x.org_id === b1.id), 'lists stay within scope');
	expectError(await sec2.get(`/api/meetings/${m.id}/attendance`), 404, 'not_found', undefined, srv);
	expectError(await sec2.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [] }), 403, 'forbidden', undefined, srv);
	expectError(await sec2.post(`/api/meetings/${m.id}/measures`, { title: '整改', owner: '张三', due_on: '2024-12-31' }),
		403, 'forbidden', undefined, srv);
	const ms = expectStatus(await sec1.post(`/api/meetings/${m.id}/measures`, { title: '整改', owner: '张三', due_on: '2024-12-31' }), 201, srv);
	expectError(await sec2.patch(`/api/measures/${ms.id}`, { done_on: '2024-10-01' }), 403, 'forbidden', undefined, srv);
	expectError(await sec2.get(`/api/measures?org=${b1.id}`), 404, 'not_found', undefined, srv);
	// the district committee sees and changes both branches
	expectStatus(await committee.get(`/api/meetings/${m.id}`), 200, srv);
	expectStatus(await committee.patch(`/api/meetings/${m.id}`, { minutes: '补充记录' }), 200, srv);
	expectStatus(await sec2.post('/api/meetings', meeting({ org_id: b2.id })), 201, srv);
	// a plain member is not an officer: no writes at all
	const { client: plain } = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: b1.id }], member_id: m1[2].id });
	expectError(await plain.post('/api/meetings', meeting()), 403, 'forbidden', undefined, srv);
	expectError(await plain.get(`/api/meetings/${m.id}`), 404, 'not_found', undefined, srv);
	expectError(await srv.client().get('/api/meetings'), 401, ['unauthorized', 'not_logged_in'], undefined, srv);
});

test('follow-up measures of a first topic are tracked until done', async () => {
	const m = await create(sec1, {});
	const a = expectStatus(await sec1.post(`/api/meetings/${m.id}/measures`, { title: '建立学习台账', owner: '王五', due_on: '2024-09-30' }), 201, srv);
	assert.equal(a.done, false);
	assert.equal(a.done_on, null);
	const b = expectStatus(await sec1.post(`/api/meetings/${m.id}/measures`, { title: '开展专题调研', owner: '赵六', due_on: '2024-10-31' }), 201, srv);
	const got = expectStatus(await sec1.get(`/api/meetings/${m.id}`), 200, srv);
	assert.deepEqual(got.measures.map((x) => x.id), [a.id, b.id]);
	let open = await listAll(sec1, `/api/measures?org=${b1.id}`, srv);
	assert.ok(open.some((x) => x.id === a.id) && open.some((x) => x.id === b.id));
	const d = expectStatus(await sec1.patch(`/api/measures/${a.id}`, { done_on: '2024-09-20' }), 200, srv);
	assert.equal(d.done, true);
	open = await listAll(sec1, `/api/measures?org=${b1.id}`, srv);
	assert.ok(!open.some((x) => x.id === a.id), 'done measures leave the open list');
	expectError(await sec1.patch(`/api/measures/${a.id}`, { done_on: '2099-01-01' }), 422, 'invalid_field', 'done_on', srv);
	expectError(await sec1.patch(`/api/measures/${a.id}`, { done_on: '2024-08-01' }), 422, 'invalid_field', 'done_on', srv);
	expectError(await sec1.post(`/api/meetings/${m.id}/measures`, { title: 'x', owner: 'y', due_on: '2024-08-01' }), 422, 'invalid_field', 'due_on', srv);
	expectError(await sec1.post(`/api/meetings/${m.id}/measures`, { title: 'x', owner: 'y' }), 422, 'invalid_field', 'due_on', srv);
	expectError(await sec1.post(`/api/meetings/${m.id}/measures`, { title: 'x', owner: 'y', due_on: '2024-12-01', x: 1 }), 422, 'unknown_field', 'x', srv);
	const noft = await create(sec1, { kind: 'theme_day', first_topic: null });
	expectError(await sec1.post(`/api/meetings/${noft.id}/measures`, { title: 'x', owner: 'y', due_on: '2024-12-01' }), 409, 'no_first_topic', undefined, srv);
	expectStatus(await sec1.del(`/api/measures/${b.id}`), 200, srv);
	expectError(await sec1.patch(`/api/measures/${b.id}`, { done_on: '2024-10-01' }), 404, 'not_found', undefined, srv);
});

test('the attendance register lists every expected member and records the paper marks', async () => {
	const m = await create(sec1, { kind: 'branch_congress' });
	let reg = expectStatus(await sec1.get(`/api/meetings/${m.id}/attendance`), 200, srv);
	const ids = reg.items.map((x) => x.member_id).sort((a, b) => a - b);
	const expected = [...m1.map((x) => x.id), mg.id].sort((a, b) => a - b);
	assert.deepEqual(ids, expected, 'the branch congress expects all members of the branch, groups included');
	assert.ok(reg.items.every((x) => x.status === null));
	assert.equal(reg.summary.unrecorded, 4);
	const put = await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [
		{ member_id: m1[0].id, status: 'present' },
		{ member_id: m1[1].id, status: 'late' },
		{ member_id: m1[2].id, status: 'sick_leave' },
		{ member_id: mg.id, status: 'absent' },
	] });
	reg = expectStatus(put, 200, srv);
	const by = Object.fromEntries(reg.items.map((x) => [x.member_id, x]));
	assert.equal(by[m1[0].id].status, 'present');
	assert.equal(by[m1[0].id].mark, '√');
	assert.equal(by[m1[1].id].mark, '#');
	assert.equal(by[m1[2].id].mark, '○');
	assert.equal(by[mg.id].mark, '×');
	assert.deepEqual(reg.summary, { expected: 4, present: 1, late: 1, sick_leave: 1, official_leave: 0,
		personal_leave: 0, absent: 1, unrecorded: 0 });
	const listed = (await listAll(sec1, `/api/meetings?org=${b1.id}`, srv)).find((x) => x.id === m.id);
	assert.equal(listed.attendees, 4);
	// a member of another branch is not on this register
	expectError(await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [{ member_id: mb2.id, status: 'present' }] }),
		422, 'invalid_field', 'items[0].member_id', srv);
	expectError(await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [
		{ member_id: m1[0].id, status: 'present' }, { member_id: m1[0].id, status: 'late' }] }),
	422, 'invalid_field', 'items[1].member_id', srv);
	expectError(await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [{ member_id: m1[0].id, status: 'here' }] }),
		422, 'invalid_field', 'items[0].status', srv);
	expectError(await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [{ member_id: m1[0].id }] }),
		422, 'invalid_field', 'items[0].status', srv);
	expectError(await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [{ member_id: m1[0].id, status: 'present', x: 1 }] }),
		422, 'unknown_field', 'items[0].x', srv);
	expectError(await sec1.request('PUT', `/api/meetings/${m.id}/attendance`, { items: {} }), 422, 'invalid_field', 'items', srv);
	// nothing changed by the refused writes
	reg = expectStatus(await sec1.get(`/api/meetings/${m.id}/attendance`), 200, srv);
	assert.equal(reg.summary.absent, 1);
	// a group meeting expects the group's members only
	const gm = await create(sec1, { org_id: g1.id, kind: 'group_meeting', first_topic: null });
	const greg = expectStatus(await sec1.get(`/api/meetings/${gm.id}/attendance`), 200, srv);
	assert.deepEqual(greg.items.map((x) => x.member_id), [mg.id]);
	const audit = expectList(await admin.get(`/api/audit?entity=meeting&entity_id=${m.id}&action=attendance`), srv);
	assert.equal(audit.items.length, 1);
});

test('members absent three meetings in a row without leave are due for a talk, until one is recorded', async () => {
	const branch = await createOrg(admin, { name: uniq('第三党支部'), kind: 'branch', level: 'county', parent_id: dist.id, established_on: EST }, srv);
	const a = await createMember(admin, { org_id: branch.id }, srv);
	const b = await createMember(admin, { org_id: branch.id }, srv);
	const days = ['2024-05-10', '2024-06-10', '2024-07-10', '2024-08-10'];
	const statusA = ['present', 'absent', 'absent', 'absent'];
	const statusB = ['absent', 'absent', 'personal_leave', 'absent'];
	for (let i = 0; i < days.length; i++) {
		const m = await create(committee, { org_id: branch.id, kind: 'theme_day', held_at: `${days[i]}T09:00:00+08:00`, first_topic: null });
		expectStatus(await committee.request('PUT', `/api/meetings/${m.id}/attendance`, { items: [
			{ member_id: a.id, status: statusA[i] }, { member_id: b.id, status: statusB[i] }] }), 200, srv);
	}
	let due = expectList(await committee.get(`/api/talks/due?org=${branch.id}`), srv);
	assert.deepEqual(due.items.map((x) => x.member_id), [a.id], 'a leave breaks the streak');
	assert.equal(due.items[0].absences, 3);
	assert.equal(due.items[0].since, '2024-06-10');
	assert.equal(due.items[0].last_absent_on, '2024-08-10');
	assert.equal(due.items[0].name, a.name);
	// the district committee sees it from above
	due = expectList(await committee.get(`/api/talks/due?org=${dist.id}`), srv);
	assert.ok(due.items.some((x) => x.member_id === a.id));
	expectError(await sec2.get(`/api/talks/due?org=${branch.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec2.post('/api/talks', { member_id: a.id, held_on: '2024-08-20', notes: '谈心' }), 403, 'forbidden', undefined, srv);
	expectError(await committee.post('/api/talks', { member_id: a.id, held_on: '2099-01-01', notes: '谈心' }), 422, 'invalid_field', 'held_on', srv);
	expectError(await committee.post('/api/talks', { member_id: a.id, held_on: '2024-08-20' }), 422, 'invalid_field', 'notes', srv);
	expectError(await committee.post('/api/talks', { member_id: 999999, held_on: '2024-08-20', notes: '谈心' }), 422, 'invalid_field', 'member_id', srv);
	const t = expectStatus(await committee.post('/api/talks', { member_id: a.id, held_on: '2024-08-20', notes: '了解缺席原因，提出要求' }), 201, srv);
	assert.equal(t.member_id, a.id);
	assert.equal(t.held_on, '2024-08-20');
	due = expectList(await committee.get(`/api/talks/due?org=${branch.id}`), srv);
	assert.equal(due.items.length, 0, 'the talk answers the streak');
	const talks = expectList(await committee.get(`/api/talks?org=${branch.id}`), srv);
	assert.deepEqual(talks.items.map((x) => x.id), [t.id]);
	expectList(await committee.get(`/api/talks?member=${a.id}`), srv);
});

test('an organization with meetings cannot be deleted', async () => {
	const branch = await createOrg(admin, { name: uniq('临时党支部'), kind: 'branch', level: 'county', parent_id: dist.id, established_on: EST }, srv);
	await create(admin, { org_id: branch.id, kind: 'theme_day', first_topic: null });
	expectError(await admin.del(`/api/orgs/${branch.id}`), 409, 'org_not_empty', undefined, srv);
});
