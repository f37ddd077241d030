// 换届 (terms of committees): an election recorded for a 党支部 (3 years) or
// a 党委 (5 years) with its votes and the members elected 书记, 副书记, 委员;
// the end of the term, the reminder from 6 months before, overdue after the
// end; the approval by the higher committee; an organization's history; the
// board of the committee (organizations without a term first); refusals with
// the rule's message; scope across districts. Every date comes from the
// server's today.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor } from './fixtures.mjs';
import { expectStatus, expectError, expectList, dayFromToday, todayShanghai, addMonths, daysFrom } from './harness.mjs';

const TODAY = todayShanghai();

let srv, admin, dist, dist2, unit, b1, b2, b3, b4, b5, g1;
let com, sec1, secU, sec3, memberUser, m1, m1b, m1c, mu, m3, m5;

before(async () => {
	({ srv, admin, dist, dist2, unit, b1, b2, b3, b4, b5, g1 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: 'dist', b1: 'unit', b2: 'dist', b3: 'dist2', g1: 'b1',
		b4: { parent: 'dist', name: '第四党支部', kind: 'branch', level: 'county' },
		b5: { parent: 'dist', name: '第五党支部', kind: 'branch', level: 'county' },
	}));
	[m1, m1b, m1c, mu, m3, m5] = await membersOf(admin, srv, [b1, b1, b1, unit, b3, b5]);
	({ com, sec1, secU, sec3, memberUser } = await clientsFor(admin, srv, {
		com: ['committee', dist], sec1: ['secretary', b1], secU: ['secretary', unit],
		sec3: ['secretary', b3], memberUser: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

const elect = (client, org, fields) => client.post(`/api/orgs/${org.id}/terms`, fields);
const branchBody = (elected_on, extra = {}) => ({
	elected_on, entitled: 50, present: 41,
	positions: [
		{ member_id: m1b.id, position: 'member', votes: 30 },
		{ member_id: m1.id, position: 'secretary', votes: 40 },
		{ member_id: m1c.id, position: 'deputy_secretary' },
	],
	...extra,
});
const historyCount = async (org) => expectList(await admin.get(`/api/orgs/${org.id}/terms`), srv).total;

test('positions and states come from the catalogue with their labels', async () => {
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	const pos = Object.fromEntries(cat.term_positions.map((k) => [k.code, k.label]));
	assert.deepEqual(pos, { secretary: '书记', deputy_secretary: '副书记', member: '委员' });
	assert.ok(cat.term_states.some((s) => s.code === 'pending'));
});

test('a branch elected exactly 3 years ago ends its term today: 0 days left, reminder due, not overdue', async () => {
	const elected = addMonths(TODAY, -36);
	const t = expectStatus(await elect(sec1, b1, branchBody(elected)), 201, srv);
	assert.equal(t.org_id, b1.id);
	assert.equal(t.org_kind, 'branch');
	assert.equal(t.years, 3);
	assert.equal(t.elected_on, elected);
	assert.equal(t.ends_on, addMonths(elected, 36));
	assert.equal(t.reminder_on, addMonths(t.ends_on, -6));
	assert.equal(t.days_left, daysFrom(t.ends_on, TODAY));
	assert.equal(t.reminder_due, true);
	assert.equal(t.overdue, t.ends_on < TODAY);
	assert.equal(t.state, 'pending');
	assert.equal(t.entitled, 50);
	assert.equal(t.present, 41);
	assert.deepEqual(t.positions.map((p) => [p.member_id, p.position, p.votes]), [
		[m1.id, 'secretary', 40], [m1c.id, 'deputy_secretary', null], [m1b.id, 'member', 30],
	]);
	assert.equal(t.positions[0].member_name, m1.name);
	const audit = expectList(await admin.get(`/api/audit?entity=term&entity_id=${t.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
});

test('refusals carry the rule\'s message and write nothing', async () => {
	const before = await historyCount(b1);
	const day = dayFromToday(-1);
	// four fifths present is not more than four fifths
	let e = expectError(await elect(sec1, b1, branchBody(day, { present: 40 })), 422, 'no_quorum', 'present', srv);
	assert.match(e.message, /五分之四/);
	expectError(await elect(sec1, b1, branchBody(day, { present: 51 })), 422, 'invalid_field', 'present', srv);
	// one secretary, members of the organization, one position each
	e = expectError(await elect(sec1, b1, branchBody(day, {
		positions: [{ member_id: m1.id, position: 'secretary' }, { member_id: m1b.id, position: 'secretary' }],
	})), 422, 'invalid_field', 'positions', srv);
	assert.match(e.message, /一名书记/);
	e = expectError(await elect(sec1, b1, branchBody(day, {
		positions: [{ member_id: m1.id, position: 'secretary' }, { member_id: m3.id, position: 'member' }],
	})), 422, 'invalid_field', 'positions', srv);
	assert.match(e.message, /本组织的党员/);
	expectError(await elect(sec1, b1, branchBody(day, {
		positions: [{ member_id: m1.id, position: 'secretary' }, { member_id: m1.id, position: 'member' }],
	})), 422, 'invalid_field', 'positions', srv);
	// elected needs more than half of the present voters
	e = expectError(await elect(sec1, b1, branchBody(day, {
		positions: [{ member_id: m1.id, position: 'secretary', votes: 20 }],
	})), 422, 'invalid_field', 'positions', srv);
	assert.match(e.message, /一半/);
	expectError(await elect(sec1, b1, branchBody(day, {
		positions: [{ member_id: m1.id, position: 'chair' }],
	})), 422, 'invalid_field', 'positions[0].position', srv);
	expectError(await elect(sec1, b1, branchBody(day, { positions: [] })), 422, 'invalid_field', 'positions', srv);
	// term length 3 or 5; dates
	e = expectError(await elect(sec1, b1, branchBody(day, { years: 4 })), 422, 'invalid_field', 'years', srv);
	assert.match(e.message, /3 年或 5 年/);
	expectError(await elect(sec1, b1, branchBody(dayFromToday(1))), 422, 'invalid_field', 'elected_on', srv);
	e = expectError(await elect(sec1, b1, branchBody(addMonths(TODAY, -40))), 422, 'invalid_field', 'elected_on', srv);
	assert.match(e.message, /上一届/);
	expectError(await elect(sec1, b1, branchBody('2026-02-30')), 422, 'invalid_field', 'elected_on', srv);
	// a group elects no committee
	e = expectError(await elect(admin, g1, branchBody(day)), 422, 'no_term', 'org_id', srv);
	assert.match(e.message, /不进行换届/);
	assert.equal(await historyCount(b1), before);
});

test('scope: another district\'s secretary sees nothing and may not record, nor may a member', async () => {
	const e = expectError(await elect(sec3, b1, branchBody(dayFromToday(-1))), 403, 'forbidden', undefined, srv);
	assert.match(e.message, /上级党委/);
	expectError(await sec3.get(`/api/orgs/${b1.id}/terms`), 404, 'not_found', undefined, srv);
	expectError(await elect(memberUser, b1, branchBody(dayFromToday(-1))), 403, 'forbidden', undefined, srv);
	expectError(await sec3.get(`/api/terms/due?org=${b1.id}`), 404, 'not_found', undefined, srv);
	// a branch secretary may not record for the committee above it
	expectError(await elect(sec1, unit, {
		elected_on: dayFromToday(-1), entitled: 10, present: 9, positions: [{ member_id: mu.id, position: 'secretary' }],
	}), 403, 'forbidden', undefined, srv);
});

test('the higher committee approves; the branch itself may not; approved once', async () => {
	const list = expectList(await sec1.get(`/api/orgs/${b1.id}/terms`), srv);
	const t = list.items[0];
	let e = expectError(await sec1.post(`/api/terms/${t.id}/approve`, { approved_on: TODAY }), 403, 'forbidden', undefined, srv);
	assert.match(e.message, /上级党委/);
	expectError(await sec3.post(`/api/terms/${t.id}/approve`, { approved_on: TODAY }), 404, 'not_found', undefined, srv);
	expectError(await secU.post(`/api/terms/${t.id}/approve`, { approved_on: dayFromToday(1) }), 422, 'invalid_field', 'approved_on', srv);
	expectError(await secU.post(`/api/terms/${t.id}/approve`, { approved_on: addMonths(t.elected_on, -1) }), 422, 'invalid_field', 'approved_on', srv);
	const a = expectStatus(await secU.post(`/api/terms/${t.id}/approve`, { approved_on: TODAY, approval_no: '机党复〔2026〕1号' }), 200, srv);
	assert.equal(a.state, 'approved');
	assert.equal(a.approved_by_org, unit.id);
	assert.equal(a.approved_by_org_name, unit.name);
	assert.equal(a.approved_on, TODAY);
	assert.equal(a.approval_no, '机党复〔2026〕1号');
	assert.equal(a.positions.length, 3);
	expectError(await com.post(`/api/terms/${t.id}/approve`, { approved_on: TODAY }), 409, 'already_approved', undefined, srv);
	const audit = expectList(await admin.get(`/api/audit?entity=term&entity_id=${t.id}`), srv);
	assert.ok(audit.items.some((x) => x.action === 'approve'));
	const got = expectStatus(await memberUser.get(`/api/terms/${t.id}`), 200, srv);
	assert.equal(got.state, 'approved');
	expectError(await sec3.get(`/api/terms/${t.id}`), 404, 'not_found', undefined, srv);
});

test('a committee serves 5 years; the reminder is due exactly 6 months before the end', async () => {
	const body = (elected_on) => ({
		elected_on, entitled: 30, present: 30, positions: [{ member_id: mu.id, position: 'secretary', votes: 30 }],
	});
	// elected 4.5 years ago: the term ends in 6 months, the reminder is due from today
	const elected = addMonths(TODAY, -54);
	const t = expectStatus(await elect(com, unit, body(elected)), 201, srv);
	assert.equal(t.years, 5);
	assert.equal(t.ends_on, addMonths(elected, 60));
	assert.equal(t.reminder_on, addMonths(t.ends_on, -6));
	assert.equal(t.reminder_due, t.reminder_on <= TODAY);
	assert.equal(t.overdue, false);
	assert.ok(t.days_left > 0);
	// a branch elected a year ago: no reminder yet; years may be entered (5)
	const fresh = expectStatus(await elect(com, b4, {
		elected_on: addMonths(TODAY, -12), entitled: 5, present: 5, years: 5,
		positions: [{ member_id: (await membersOf(admin, srv, [b4]))[0].id, position: 'secretary' }],
	}), 201, srv);
	assert.equal(fresh.years, 5);
	assert.equal(fresh.reminder_due, false);
	assert.equal(fresh.overdue, false);
});

test('a term past its end is overdue with negative days left', async () => {
	const elected = addMonths(dayFromToday(-10), -36);
	const t = expectStatus(await elect(com, b5, {
		elected_on: elected, entitled: 9, present: 8, positions: [{ member_id: m5.id, position: 'secretary', votes: 5 }],
	}), 201, srv);
	assert.equal(t.overdue, true);
	assert.ok(t.days_left <= -10);
	assert.equal(t.days_left, daysFrom(t.ends_on, TODAY));
});

test('the committee\'s board: organizations without a term first, then by end; due=1 keeps those to act on', async () => {
	const board = expectList(await com.get(`/api/terms/due?org=${dist.id}`), srv);
	const ids = board.items.map((x) => x.org_id);
	for (const o of [unit, b1, b2, b4, b5]) assert.ok(ids.includes(o.id), `board lists ${o.name}`);
	for (const o of [dist, g1, b3]) assert.ok(!ids.includes(o.id), `board leaves out ${o.name}`);
	const missing = board.items.find((x) => x.org_id === b2.id);
	assert.equal(missing.missing, true);
	assert.equal(missing.id, null);
	assert.equal(board.items[0].missing, true);
	const withTerm = board.items.filter((x) => !x.missing);
	for (let i = 1; i < withTerm.length; i++) assert.ok(withTerm[i - 1].ends_on <= withTerm[i].ends_on);
	const over = board.items.find((x) => x.org_id === b5.id);
	assert.equal(over.overdue, true);
	const due = expectList(await com.get(`/api/terms/due?org=${dist.id}&due=1`), srv);
	const dueIds = due.items.map((x) => x.org_id);
	assert.ok(dueIds.includes(b2.id) && dueIds.includes(b5.id) && dueIds.includes(b1.id));
	assert.ok(!dueIds.includes(b4.id), 'a term with years left is not due');
	for (const x of due.items) assert.ok(x.missing || x.reminder_due);
	// another district's secretary sees its own branch only
	const own = expectList(await sec3.get('/api/terms/due'), srv);
	assert.deepEqual(own.items.map((x) => x.org_id), [b3.id]);
	expectError(await memberUser.get('/api/terms/due'), 403, 'forbidden', undefined, srv);
});

test('the inbox of the committee and of the branch secretary carries the reminder; another district\'s does not', async () => {
	const box = expectStatus(await com.get('/api/inbox'), 200, srv);
	const item = box.items.find((x) => x.kind === 'terms_due');
	assert.ok(item, 'terms_due in the committee\'s inbox');
	assert.equal(item.link, '/terms');
	assert.match(item.title, /换届提醒：\d+个组织应筹备换届，[1-9]\d*个逾期未换届/);
	const mine = expectStatus(await sec1.get('/api/inbox'), 200, srv);
	assert.ok(mine.items.some((x) => x.kind === 'terms_due'));
	const other = expectStatus(await sec3.get('/api/inbox'), 200, srv);
	assert.ok(!other.items.some((x) => x.kind === 'terms_due'));
});

test('the history lists an organization\'s terms, the latest first, readable by its members', async () => {
	const t2 = expectStatus(await elect(sec1, b1, branchBody(TODAY)), 201, srv);
	const h = expectList(await memberUser.get(`/api/orgs/${b1.id}/terms`), srv);
	assert.equal(h.items[0].id, t2.id);
	assert.equal(h.items.length, 2);
	assert.ok(h.items[0].elected_on > h.items[1].elected_on);
	assert.equal(h.items[1].state, 'approved');
	assert.equal(h.items[0].positions[0].position, 'secretary');
	// the board shows the current term
	const board = expectList(await com.get(`/api/terms/due?org=${b1.id}`), srv);
	assert.equal(board.items[0].id, t2.id);
	assert.equal(board.items[0].reminder_due, false);
});
