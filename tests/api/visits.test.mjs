// 四必访 (visits that must happen): a trigger recorded for a member owes a
// visit by the kind's deadline (生病住院 7 days by the branch secretary,
// 重大变故 3 days by the committee, …); the due list with days left
// (negative when overdue); the visit record that settles it, whose personal
// notes only the visitor, the committees above and the admin read; the
// coverage per organization; scope on the organization tree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor, TWO_DISTRICTS } from './fixtures.mjs';
import { expectStatus, expectError, expectList, dayFromToday, todayShanghai } from './harness.mjs';

let srv, admin, dist, b1, b2, b3;
let com, sec1, sec1b, sec2, sec3, memberUser, m1, m2, m3;
const TODAY = todayShanghai();

before(async () => {
	({ srv, admin, dist, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	[m1, m2, m3] = await membersOf(admin, srv, [b1, b2, b3]);
	({ com, sec1, sec1b, sec2, sec3, memberUser } = await clientsFor(admin, srv, {
		com: ['committee', dist], sec1: ['secretary', b1], sec1b: ['secretary', b1],
		sec2: ['secretary', b2], sec3: ['secretary', b3], memberUser: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

const trigger = (client, fields) => client.post('/api/visits/triggers', fields);

test('kinds come from the catalogue with their labels', async () => {
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	const kinds = Object.fromEntries(cat.visit_kinds.map((k) => [k.code, k.label]));
	assert.equal(kinds.illness, '生病住院');
	assert.equal(kinds.major_event, '重大变故');
	assert.ok(cat.visit_owners.some((o) => o.code === 'committee'));
});

test('the branch secretary records a trigger; 201 with the visit owed and due_on, audited', async () => {
	const t = expectStatus(await trigger(sec1, { member_id: m1.id, kind: 'illness', occurred_on: TODAY }), 201, srv);
	assert.equal(t.member_id, m1.id);
	assert.equal(t.member_name, m1.name);
	assert.equal(t.org_id, b1.id);
	assert.equal(t.kind, 'illness');
	assert.equal(t.due_on, dayFromToday(7));
	assert.equal(t.owed_by, 'secretary');
	assert.equal(t.days_left, 7);
	assert.equal(t.overdue, false);
	assert.equal(t.visit_id, null);
	const audit = expectList(await admin.get(`/api/audit?entity=visit_trigger&entity_id=${t.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
	const due = expectList(await com.get(`/api/visits/due?org=${b1.id}`), srv);
	assert.ok(due.items.some((x) => x.id === t.id && x.days_left === 7));
});

test('a trigger past its deadline is overdue: days_left negative, listed first', async () => {
	const t = expectStatus(await trigger(com, {
		member_id: m1.id, kind: 'major_event', occurred_on: dayFromToday(-10),
	}), 201, srv);
	assert.equal(t.due_on, dayFromToday(-7));
	assert.equal(t.owed_by, 'committee');
	assert.equal(t.days_left, -7);
	assert.equal(t.overdue, true);
	const due = expectList(await sec1.get(`/api/visits/due?org=${b1.id}`), srv);
	const got = due.items.find((x) => x.id === t.id);
	assert.equal(got.days_left, -7);
	for (let i = 1; i < due.items.length; i++) assert.ok(due.items[i - 1].due_on <= due.items[i].due_on);
});

test('a visit settles a trigger; the notes are the visitor\'s and the committees\' above only', async () => {
	const t = expectStatus(await trigger(sec1, { member_id: m1.id, kind: 'mood', occurred_on: dayFromToday(-2) }), 201, srv);
	const v = expectStatus(await sec1.post('/api/visits', {
		trigger_id: t.id, visited_on: TODAY, notes: '谈心谈话，情绪稳定', help_given: '协调休假',
	}), 201, srv);
	assert.equal(v.trigger_id, t.id);
	assert.equal(v.visited_on, TODAY);
	assert.equal(v.on_time, true);
	assert.equal(v.notes, '谈心谈话，情绪稳定');
	assert.equal(v.notes_hidden, false);
	assert.equal(v.help_given, '协调休假');
	assert.ok(v.visitor_id);
	// settled: off the due list, and not twice
	const due = expectList(await sec1.get(`/api/visits/due?org=${b1.id}`), srv);
	assert.ok(!due.items.some((x) => x.id === t.id));
	expectError(await sec1.post('/api/visits', { trigger_id: t.id, visited_on: TODAY }), 409, 'already_visited', 'trigger_id', srv);
	const year = TODAY.slice(0, 4);
	const seen = async (client) => expectList(await client.get(`/api/visits?org=${b1.id}&year=${year}`), srv)
		.items.find((x) => x.id === v.id);
	assert.equal((await seen(sec1)).notes, '谈心谈话，情绪稳定');
	assert.equal((await seen(com)).notes, '谈心谈话，情绪稳定');
	assert.equal((await seen(admin)).notes, '谈心谈话，情绪稳定');
	const other = await seen(sec1b);
	assert.equal(other.notes, null);
	assert.equal(other.notes_hidden, true);
	assert.equal(other.help_given, '协调休假');
	// the audit keeps the visit without its notes
	const audit = expectList(await admin.get(`/api/audit?entity=visit&entity_id=${v.id}`), srv);
	assert.equal(audit.items.length, 1);
	assert.ok(!JSON.stringify(audit.items[0]).includes('谈心谈话'));
});

test('another district\'s secretary can neither see nor record; a member may not use the routes', async () => {
	const t = expectStatus(await trigger(sec1, { member_id: m1.id, kind: 'hardship', occurred_on: TODAY }), 201, srv);
	expectError(await trigger(sec3, { member_id: m1.id, kind: 'illness', occurred_on: TODAY }), 422, 'invalid_field', 'member_id', srv);
	expectError(await sec3.post('/api/visits', { trigger_id: t.id, visited_on: TODAY }), 422, 'invalid_field', 'trigger_id', srv);
	expectError(await sec3.get(`/api/visits/due?org=${b1.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec3.get(`/api/visits?org=${b1.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec3.get(`/api/visits/coverage?org=${b1.id}`), 404, 'not_found', 'org', srv);
	const own = expectList(await sec3.get('/api/visits/due'), srv);
	assert.ok(own.items.every((x) => x.org_id === b3.id));
	assert.ok(!own.items.some((x) => x.id === t.id));
	// a sibling branch's secretary sees the member but may not record for it
	expectError(await trigger(sec2, { member_id: m1.id, kind: 'illness', occurred_on: TODAY }), 422, 'invalid_field', 'member_id', srv);
	expectError(await memberUser.get('/api/visits/due'), 403, 'forbidden', undefined, srv);
	expectError(await memberUser.post('/api/visits/triggers', { member_id: m1.id, kind: 'illness', occurred_on: TODAY }), 403, 'forbidden', undefined, srv);
	// the other district's own member is theirs to record
	expectStatus(await trigger(sec3, { member_id: m3.id, kind: 'illness', occurred_on: TODAY }), 201, srv);
});

test('bad input is refused naming the field, with nothing written', async () => {
	const before = expectList(await admin.get(`/api/visits/due?org=${b1.id}`), srv).total;
	const bad = [
		[{ kind: 'party' }, 'kind'],
		[{ occurred_on: '2024-02-30' }, 'occurred_on'],
		[{ occurred_on: dayFromToday(1) }, 'occurred_on'],
		[{ member_id: 'x' }, 'member_id'],
		[{ member_id: 99999999 }, 'member_id'],
	];
	for (const [fields, field] of bad) {
		expectError(await trigger(sec1, { member_id: m1.id, kind: 'illness', occurred_on: TODAY, ...fields }),
			422, 'invalid_field', field, srv);
	}
	expectError(await trigger(sec1, { member_id: m1.id, occurred_on: TODAY }), 422, 'invalid_field', 'kind', srv);
	assert.equal(expectList(await admin.get(`/api/visits/due?org=${b1.id}`), srv).total, before);
	const t = expectStatus(await trigger(sec1, { member_id: m1.id, kind: 'illness', occurred_on: dayFromToday(-3) }), 201, srv);
	const badVisits = [
		[{ visited_on: dayFromToday(1) }, 'visited_on'],
		[{ visited_on: dayFromToday(-4) }, 'visited_on'],
		[{ visited_on: 'yesterday' }, 'visited_on'],
		[{ trigger_id: 99999999 }, 'trigger_id'],
		[{ notes: 'x'.repeat(2001) }, 'notes'],
	];
	for (const [fields, field] of badVisits) {
		expectError(await sec1.post('/api/visits', { trigger_id: t.id, visited_on: TODAY, ...fields }),
			422, 'invalid_field', field, srv);
	}
	const due = expectList(await sec1.get(`/api/visits/due?org=${b1.id}`), srv);
	assert.ok(due.items.some((x) => x.id === t.id));
});

test('coverage per organization: owed, done, on time, overdue and open', async () => {
	const day = dayFromToday(-10);
	const year = day.slice(0, 4);
	const urgent = expectStatus(await trigger(sec2, { member_id: m2.id, kind: 'major_event', occurred_on: day }), 201, srv);
	const ill = expectStatus(await trigger(sec2, { member_id: m2.id, kind: 'illness', occurred_on: day }), 201, srv);
	expectStatus(await trigger(sec2, { member_id: m2.id, kind: 'mood', occurred_on: day }), 201, srv);
	const onTime = expectStatus(await com.post('/api/visits', { trigger_id: urgent.id, visited_on: dayFromToday(-8) }), 201, srv);
	assert.equal(onTime.on_time, true);
	const late = expectStatus(await sec2.post('/api/visits', { trigger_id: ill.id, visited_on: TODAY }), 201, srv);
	assert.equal(late.on_time, false);
	const cov = expectStatus(await com.get(`/api/visits/coverage?org=${dist.id}&year=${year}`), 200, srv);
	assert.equal(cov.year, Number(year));
	const row = cov.items.find((x) => x.org_id === b2.id);
	assert.deepEqual(
		{ owed: row.owed, done: row.done, on_time: row.on_time, overdue_open: row.overdue_open, coverage: row.coverage },
		{ owed: 3, done: 2, on_time: 1, overdue_open: 1, coverage: 33.33 });
	const own = expectStatus(await sec2.get(`/api/visits/coverage?org=${b2.id}&year=${year}`), 200, srv);
	assert.equal(own.items.length, 1);
	assert.equal(own.total.owed, 3);
	assert.equal(own.total.coverage, 33.33);
	expectError(await com.get(`/api/visits/coverage?year=abc`), 422, 'invalid_field', 'year', srv);
});

test('the admin keeps more kinds with their deadline; others may not; a kept kind owes its visit', async () => {
	const kinds = expectList(await sec1.get('/api/visits/kinds'), srv);
	assert.ok(kinds.items.some((k) => k.code === 'illness' && k.days === 7 && k.builtin === true));
	const k = expectStatus(await admin.post('/api/visits/kinds', {
		code: 'retired_ill', label: '离退休患病', days: 10, owed_by: 'committee',
	}), 201, srv);
	assert.deepEqual(k, { code: 'retired_ill', label: '离退休患病', days: 10, owed_by: 'committee', builtin: false });
	const all = expectList(await sec1.get('/api/visits/kinds'), srv);
	assert.ok(all.items.some((x) => x.code === 'retired_ill' && x.builtin === false));
	const audit = expectList(await admin.get('/api/audit?entity=visit_kind'), srv);
	assert.equal(audit.items[0].action, 'create');
	expectError(await com.post('/api/visits/kinds', { code: 'other2', label: '其他二', days: 5, owed_by: 'secretary' }),
		403, 'forbidden', undefined, srv);
	expectError(await admin.post('/api/visits/kinds', { code: 'retired_ill', label: '另一个', days: 5, owed_by: 'secretary' }),
		409, 'duplicate_kind', 'code', srv);
	expectError(await admin.post('/api/visits/kinds', { code: 'x2', label: '生病住院', days: 5, owed_by: 'secretary' }),
		409, 'duplicate_kind', 'label', srv);
	for (const [fields, field] of [
		[{ code: 'illness' }, 'code'], [{ code: 'Bad-Code' }, 'code'], [{ days: 0 }, 'days'],
		[{ days: 91 }, 'days'], [{ owed_by: 'member' }, 'owed_by'], [{ label: '' }, 'label'],
	]) {
		expectError(await admin.post('/api/visits/kinds', { code: 'new_kind', label: '新事由', days: 5, owed_by: 'secretary', ...fields }),
			422, 'invalid_field', field, srv);
	}
	const t = expectStatus(await trigger(sec1, { member_id: m1.id, kind: 'retired_ill', occurred_on: TODAY }), 201, srv);
	assert.equal(t.due_on, dayFromToday(10));
	assert.equal(t.owed_by, 'committee');
});
