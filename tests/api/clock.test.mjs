// Dates around the server's today: every "this year", "this quarter",
// "today" and "overdue" the server answers is reckoned from its own clock in
// Asia/Shanghai. These tests build every date from that clock
// (harness.todayShanghai / serverNow), so they say something new when the
// suite runs with the clock at a year or quarter edge (XF_CLOCK, see
// scripts/run-api-tests.sh): a meeting held last night belongs to last
// year's Q4 on 1 January, a task due tomorrow to next year on 31 December.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	expectStatus, expectError, createMember, uniq, todayShanghai, dayFromToday, thisYear, serverNow,
} from './harness.mjs';
import { startWithTree } from './fixtures.mjs';

let srv;
let admin;
let city;
let branch;

/** The quarter of a YYYY-MM-DD day: "2026Q4". */
const quarterOf = (day) => `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** An ISO time with +08:00 for the server's clock moved by ms. */
function shanghaiTime(ms) {
	return new Date(serverNow() + ms + 8 * 3600e3).toISOString().slice(0, 19) + '+08:00';
}

before(async () => {
	({ srv, admin, city, b1: branch } = await startWithTree({ b1: 'city' }, { level: 'city', established_on: '2010-01-01' }));
});
after(async () => { await srv?.stop(); });

test('the server tells its today; defaults of year and quarter follow it', async () => {
	const today = todayShanghai();
	assert.equal(srv.today, today);
	const comp = expectStatus(await admin.get(`/api/compliance?org=${branch.id}`), 200, srv);
	assert.equal(comp.today, today);
	assert.equal(comp.period, quarterOf(today));
	const members = expectStatus(await admin.get(`/api/leaderboards/members?org=${city.id}`), 200, srv);
	assert.equal(members.period, String(thisYear()));
	assert.equal(members.previous_period, String(thisYear() - 1));
	const orgs = expectStatus(await admin.get(`/api/leaderboards/orgs?org=${city.id}&kind=branch`), 200, srv);
	assert.equal(orgs.period, String(thisYear()));
	const board = expectStatus(await admin.get(`/api/tasks/board?org=${city.id}`), 200, srv);
	assert.equal(board.year, thisYear());
	assert.equal(board.today, today);
});

test('a meeting belongs to the day and quarter of its Shanghai time, late last night included', async () => {
	const now = expectStatus(await admin.post('/api/meetings', { org_id: branch.id, kind: 'theme_day',
		held_at: shanghaiTime(-5 * 60e3), topic: uniq('主题党日') }), 201, srv);
	// five minutes ago may still be yesterday just after midnight
	const fiveAgo = new Date(serverNow() - 5 * 60e3 + 8 * 3600e3).toISOString().slice(0, 10);
	assert.equal(now.held_on, fiveAgo);
	assert.equal(now.quarter, quarterOf(fiveAgo));
	const yesterday = dayFromToday(-1);
	const late = expectStatus(await admin.post('/api/meetings', { org_id: branch.id, kind: 'theme_day',
		held_at: `${yesterday}T23:50:00+08:00`, topic: uniq('主题党日') }), 201, srv);
	assert.equal(late.held_on, yesterday);
	assert.equal(late.quarter, quarterOf(yesterday));
	// tomorrow has not come yet
	expectError(await admin.post('/api/meetings', { org_id: branch.id, kind: 'theme_day',
		held_at: `${dayFromToday(1)}T00:10:00+08:00`, topic: uniq('主题党日') }), 422, 'invalid_field', 'held_at', srv);
	// the month's theme day counts in the month of the meeting, not of UTC
	const month = todayShanghai().slice(0, 7);
	const comp = expectStatus(await admin.get(`/api/compliance?org=${branch.id}&period=${month}`), 200, srv);
	const row = comp.items.find((i) => i.org_id === branch.id);
	assert.ok(row, 'the branch owes a theme day this month');
	assert.ok(!row.missing.includes('theme_day'));
	if (fiveAgo === todayShanghai()) assert.ok(!row.pending.includes('theme_day'), JSON.stringify(row));
});

test('a task due tomorrow is on the board of tomorrow\'s year and not overdue; one due yesterday is red', async () => {
	const tomorrow = dayFromToday(1);
	const yesterday = dayFromToday(-1);
	const soon = expectStatus(await admin.post('/api/tasks', { org_id: branch.id, title: uniq('任务'),
		start_on: dayFromToday(-10), due_on: tomorrow, milestones: [] }), 201, srv);
	assert.equal(soon.year, Number(tomorrow.slice(0, 4)));
	assert.notEqual(soon.status, 'red');
	const late = expectStatus(await admin.post('/api/tasks', { org_id: branch.id, title: uniq('任务'),
		start_on: dayFromToday(-10), due_on: yesterday, milestones: [] }), 201, srv);
	assert.equal(late.status, 'red');
	assert.equal(late.year, Number(yesterday.slice(0, 4)));
	const boardOf = async (year) => expectStatus(await admin.get(`/api/tasks/board?org=${city.id}&year=${year}`), 200, srv);
	const b1 = await boardOf(soon.year);
	const row1 = b1.items.find((i) => i.org_id === branch.id);
	assert.ok(row1 && row1.tasks >= 1);
	const b2 = await boardOf(late.year);
	const row2 = b2.items.find((i) => i.org_id === branch.id);
	assert.ok(row2 && row2.overdue >= 1, JSON.stringify(b2));
	// the reminders count days against the server's today
	const rem = expectStatus(await admin.get(`/api/tasks/reminders?org=${branch.id}&days=1`), 200, srv);
	assert.equal(rem.today, todayShanghai());
	assert.equal(rem.until, tomorrow);
	const due = rem.items.find((i) => i.task_id === soon.id);
	assert.equal(due.days_left, 1);
	assert.equal(rem.items.find((i) => i.task_id === late.id).status, 'overdue');
});

test('points given today count in today\'s year, quarter and month', async () => {
	const m = await createMember(admin, { org_id: branch.id }, srv);
	const r = expectStatus(await admin.post('/api/point-rules', { category: '履职尽责', item: uniq('完成重点任务'),
		points: 7, needs_approval: false, valid_from: '2020-01-01' }), 201, srv);
	const e = expectStatus(await admin.post('/api/ledger', { member_id: m.id, rule_id: r.id, reason: '按时完成' }), 201, srv);
	const today = todayShanghai();
	assert.equal(e.entry.occurred_on, today);
	assert.equal(e.entry.year, today.slice(0, 4));
	assert.equal(e.entry.quarter, quarterOf(today));
	assert.equal(e.entry.month, today.slice(0, 7));
	for (const period of ['', `&period=${today.slice(0, 4)}`, `&period=${quarterOf(today)}`, `&period=${today.slice(0, 7)}`]) {
		const b = expectStatus(await admin.get(`/api/leaderboards/members?org=${branch.id}${period}`), 200, srv);
		const row = b.items.find((i) => i.member_id === m.id);
		assert.equal(row?.points, 7, `period ${period || '(default)'}: ${JSON.stringify(b.items)}`);
	}
	// yesterday's entry (last year's, on 1 January) is not in this month's board
	const y = expectStatus(await admin.post('/api/ledger', { member_id: m.id, rule_id: r.id, reason: '补记',
		occurred_on: dayFromToday(-1) }), 201, srv);
	assert.equal(y.entry.occurred_on, dayFromToday(-1));
	const month = expectStatus(await admin.get(`/api/leaderboards/members?org=${branch.id}&period=${today.slice(0, 7)}`), 200, srv);
	const sameMonth = dayFromToday(-1).slice(0, 7) === today.slice(0, 7);
	assert.equal(month.items.find((i) => i.member_id === m.id).points, sameMonth ? 14 : 7);
});
