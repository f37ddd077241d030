// 组织关系转接 as a workflow: within the tree (the sending side approves,
// then the receiving side, then the arrival moves the member), out to an
// organization outside the platform (the member leaves the roster, its
// record and history stay), in from outside (the member is created on
// arrival); the letter's deadline 3 months from issue and the overdue list;
// returns; refusals with the rule's message; scope across districts; the
// member's history showing every kind. Dates come from the server's today.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, dayFromToday, todayShanghai, addMonths, daysFrom, makeIdNumber, makePhone, uniq,
} from './harness.mjs';

const TODAY = todayShanghai();

let srv, admin, dist, unit, b1, b2, b3;
let com, sec1, sec2, sec3, memberUser, m1, m2, m4, m3;

before(async () => {
	({ srv, admin, dist, unit, b1, b2, b3 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: 'dist', b1: 'unit', b2: 'dist', b3: 'dist2',
	}));
	[m1, m2, m4, m3] = await membersOf(admin, srv, [b1, b1, b1, b3]);
	({ com, sec1, sec2, sec3, memberUser } = await clientsFor(admin, srv, {
		com: ['committee', dist], sec1: ['secretary', b1], sec2: ['secretary', b2],
		sec3: ['secretary', b3], memberUser: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

const create = (client, fields) => client.post('/api/transfers', { letter_no: uniq('介字'), issued_on: TODAY, ...fields });
const step = (client, t, what, body = {}) => client.post(`/api/transfers/${t.id}/${what}`, body);

test('kinds and states come from the catalogue', async () => {
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	assert.deepEqual(cat.transfer_kinds.map((k) => k.code), ['in_tree', 'out', 'in']);
	assert.ok(cat.transfer_states.some((s) => s.code === 'in_approved' && s.label === '转入方已审批'));
});

test('within the tree: the sending side approves, then the receiving side, then arrival moves the member', async () => {
	let t = expectStatus(await create(sec1, { kind: 'in_tree', member_id: m1.id, to_org_id: b2.id, reason: '工作调动' }), 201, srv);
	expectFields(t, { kind: 'in_tree', state: 'applied', member_id: m1.id, person_name: m1.name, from_org_id: b1.id,
		to_org_id: b2.id, to_org_name: b2.name, issued_on: TODAY, deadline_on: addMonths(TODAY, 3), overdue: false });
	assert.equal(t.days_left, daysFrom(t.deadline_on, TODAY));
	// one open transfer per member
	expectError(await create(sec1, { kind: 'out', member_id: m1.id, outside_org: '某省某局机关党委' }), 409, 'transfer_open', 'member_id', srv);
	let e = expectError(await step(sec2, t, 'approve'), 403, 'forbidden', undefined, srv);
	assert.match(e.message, /转出方/);
	e = expectError(await step(sec1, t, 'arrive'), 409, 'wrong_step', undefined, srv);
	assert.match(e.message, /审批/);
	t = expectStatus(await step(sec1, t, 'approve', { note: '同意转出' }), 200, srv);
	assert.equal(t.state, 'out_approved');
	e = expectError(await step(sec1, t, 'approve'), 403, 'forbidden', undefined, srv);
	assert.match(e.message, /转入方/);
	t = expectStatus(await step(sec2, t, 'approve'), 200, srv);
	assert.equal(t.state, 'in_approved');
	expectError(await step(sec2, t, 'arrive', { arrived_on: dayFromToday(1) }), 422, 'invalid_field', 'arrived_on', srv);
	t = expectStatus(await step(sec2, t, 'arrive', { arrived_on: TODAY }), 200, srv);
	expectFields(t, { state: 'arrived', arrived_on: TODAY, overdue: false });
	const m = expectStatus(await admin.get(`/api/members/${m1.id}`), 200, srv);
	assert.equal(m.org_id, b2.id);
	const h = expectList(await admin.get(`/api/members/${m1.id}/transfers`), srv);
	const row = h.items.find((x) => x.id === t.id && x.kind === 'in_tree');
	expectFields(row, { state: 'arrived', letter_no: t.letter_no, from_org_id: b1.id, to_org_id: b2.id });
	expectError(await step(sec2, t, 'reject'), 409, 'transfer_closed', undefined, srv);
	const audit = expectList(await admin.get(`/api/audit?entity=transfer&entity_id=${t.id}`), srv);
	assert.deepEqual(audit.items.map((x) => x.action).sort(), ['approve', 'approve', 'create', 'transfer']);
});

test('out of the platform: overdue past the letter\'s 3 months; on arrival the member leaves the roster, record kept', async () => {
	const issued = dayFromToday(-100);
	let t = expectStatus(await create(sec1, { kind: 'out', member_id: m2.id, outside_org: '外省某厅机关党委', issued_on: issued }), 201, srv);
	expectFields(t, { kind: 'out', state: 'applied', outside_to: '外省某厅机关党委', to_org_id: null, deadline_on: addMonths(issued, 3), overdue: true });
	assert.ok(t.days_left < 0);
	const over = expectList(await com.get(`/api/transfers?org=${dist.id}&overdue=1`), srv);
	assert.ok(over.items.some((x) => x.id === t.id));
	for (const x of over.items) assert.equal(x.overdue, true);
	const box = expectStatus(await sec1.get('/api/inbox'), 200, srv);
	const alert = box.items.find((x) => x.kind === 'transfers_overdue');
	assert.ok(alert, 'the overdue transfer is in the sending secretary\'s inbox');
	assert.equal(alert.link, '/transfers');
	assert.equal(alert.due_on, t.deadline_on);
	const other = expectStatus(await sec3.get('/api/inbox'), 200, srv);
	assert.ok(!other.items.some((x) => x.kind === 'transfers_overdue'));
	t = expectStatus(await step(sec1, t, 'approve'), 200, srv);
	assert.equal(t.state, 'out_approved');
	t = expectStatus(await step(sec1, t, 'arrive'), 200, srv);
	expectFields(t, { state: 'arrived', arrived_on: TODAY, overdue: false });
	const roster = expectList(await admin.get(`/api/members?org=${b1.id}&size=200`), srv);
	assert.ok(!roster.items.some((x) => x.id === m2.id), 'left the roster');
	// nor on the branch's boards, its figures, a meeting's roll or its dues
	const board = expectList(await admin.get(`/api/leaderboards/members?org=${b1.id}`), srv);
	assert.ok(!board.items.some((x) => x.member_id === m2.id), 'left the 先锋榜');
	const stats = expectStatus(await admin.get(`/api/orgs/${b1.id}/stats`), 200, srv);
	const all = expectList(await admin.get(`/api/members?org=${b1.id}&subtree=1&size=1`), srv);
	assert.equal(stats.members, all.total, 'the figures count the roster only');
	const dues = expectStatus(await admin.get(`/api/dues?org=${b1.id}`), 200, srv);
	assert.ok(!dues.items.some((x) => x.member_id === m2.id), 'owes no dues here');
	expectStatus(await admin.get(`/api/members/${m2.id}`), 200, srv);
	const h = expectList(await admin.get(`/api/members/${m2.id}/transfers`), srv);
	expectFields(h.items[0], { kind: 'out', state: 'arrived', to_org_name: '外省某厅机关党委' });
	const e = expectError(await create(sec1, { kind: 'in_tree', member_id: m2.id, to_org_id: b2.id }), 409, 'member_left', 'member_id', srv);
	assert.match(e.message, /已转出/);
	const still = expectList(await com.get(`/api/transfers?org=${dist.id}&overdue=1`), srv);
	assert.ok(!still.items.some((x) => x.id === t.id), 'an arrived transfer is no longer overdue');
	const after = expectStatus(await sec1.get('/api/inbox'), 200, srv);
	assert.ok(!after.items.some((x) => x.kind === 'transfers_overdue'));
});

test('into the platform: the receiving side approves and the member is created on arrival', async () => {
	const name = uniq('转入党员');
	let t = expectStatus(await create(sec3, {
		kind: 'in', outside_org: '外市某局党支部', to_org_id: b3.id, person_name: name, gender: 'female',
		id_number: makeIdNumber({ gender: 'female' }), phone: makePhone(), status: 'full', joined_on: '2015-07-01',
	}), 201, srv);
	expectFields(t, { kind: 'in', state: 'applied', member_id: null, outside_from: '外市某局党支部', to_org_id: b3.id });
	assert.equal(t.id_number, undefined, 'the ID number is never written out');
	t = expectStatus(await step(sec3, t, 'approve'), 200, srv);
	assert.equal(t.state, 'in_approved');
	t = expectStatus(await step(sec3, t, 'arrive'), 200, srv);
	assert.equal(t.state, 'arrived');
	assert.ok(t.member_id);
	const m = expectStatus(await sec3.get(`/api/members/${t.member_id}`), 200, srv);
	expectFields(m, { name, org_id: b3.id, status: 'full' });
	const h = expectList(await sec3.get(`/api/members/${t.member_id}/transfers`), srv);
	expectFields(h.items[0], { kind: 'in', from_org_name: '外市某局党支部' });
});

test('refusals carry the rule\'s message and write nothing', async () => {
	const before = expectList(await admin.get('/api/transfers'), srv).total;
	expectError(await create(sec1, { kind: 'out', member_id: m4.id, outside_org: 'x', issued_on: dayFromToday(1) }), 422, 'invalid_field', 'issued_on', srv);
	let e = expectError(await create(sec1, { kind: 'out', member_id: m4.id }), 422, 'invalid_field', 'outside_org', srv);
	assert.match(e.message, /系统外/);
	expectError(await create(sec1, { kind: 'in_tree', member_id: m4.id, to_org_id: b1.id }), 422, 'invalid_field', 'to_org_id', srv);
	expectError(await create(sec1, { kind: 'in_tree', member_id: m4.id }), 422, 'invalid_field', 'to_org_id', srv);
	expectError(await create(sec1, { kind: 'moved', member_id: m4.id }), 422, 'invalid_field', 'kind', srv);
	expectError(await create(sec3, { kind: 'in', outside_org: 'x', to_org_id: b3.id }), 422, 'invalid_field', 'person_name', srv);
	e = expectError(await create(sec3, { kind: 'in', outside_org: 'x', to_org_id: b1.id, person_name: '某某' }), 403, 'forbidden', 'to_org_id', srv);
	assert.match(e.message, /转入组织/);
	// another district's member is not found; a member user may not
	expectError(await create(sec3, { kind: 'out', member_id: m4.id, outside_org: 'x' }), 422, 'invalid_field', 'member_id', srv);
	expectError(await create(memberUser, { kind: 'out', member_id: m4.id, outside_org: 'x' }), 403, 'forbidden', undefined, srv);
	assert.equal(expectList(await admin.get('/api/transfers'), srv).total, before);
});

test('a return closes the transfer; scope across districts', async () => {
	let t = expectStatus(await create(sec1, { kind: 'in_tree', member_id: m4.id, to_org_id: b2.id }), 201, srv);
	expectError(await step(sec3, t, 'approve'), 404, 'not_found', undefined, srv);
	expectError(await sec3.get(`/api/transfers/${t.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec3.get(`/api/transfers?org=${b1.id}`), 404, 'not_found', undefined, srv);
	const mine = expectList(await sec3.get('/api/transfers'), srv);
	for (const x of mine.items) assert.ok(x.from_org_id === b3.id || x.to_org_id === b3.id);
	// the receiving side sees it too
	const theirs = expectList(await sec2.get('/api/transfers?state=applied'), srv);
	assert.ok(theirs.items.some((x) => x.id === t.id));
	t = expectStatus(await step(sec1, t, 'reject', { note: '材料不全' }), 200, srv);
	expectFields(t, { state: 'returned', note: '材料不全', overdue: false });
	expectError(await step(sec1, t, 'approve'), 409, 'transfer_closed', undefined, srv);
	const m = expectStatus(await admin.get(`/api/members/${m4.id}`), 200, srv);
	assert.equal(m.org_id, b1.id);
	// returned, the member may be transferred again
	expectStatus(await create(sec1, { kind: 'in_tree', member_id: m4.id, to_org_id: unit.id }), 201, srv);
});

function expectFields(obj, fields) {
	for (const [k, v] of Object.entries(fields)) assert.deepEqual(obj[k], v, `field ${k}`);
}
