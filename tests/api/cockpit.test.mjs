// The cockpit (驾驶舱) of a subtree and the live events of the walls (大屏):
// GET /api/cockpit gives the same figures as the boards it gathers
// (compliance board of the quarter and of the year, the 晒绩 board, the
// 先锋榜 of members and branches) under the same scope, with the lagging
// organizations and their links; it refuses organizations out of scope.
// GET /api/cockpit/events streams the subtree's changes (meetings, tasks,
// points) after each commit, and nothing of another subtree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor, membersOf, pointRule, award } from './fixtures.mjs';
import { expectStatus, expectError, uniq, todayShanghai, dayFromToday, thisYear, startServer, openEvents, DB_KIND } from './harness.mjs';

let srv;
let admin;
let city, dist, dist2, b1, b2, c1;
let com, com2, screen, sec1;
let m1, mc1;
let rule;

const TODAY = todayShanghai();
const YEAR = thisYear();
const FT = { title: '学习习近平总书记重要讲话精神', source: '求是', speech_date: '2024-06-30' };
// a task of this year can be overdue only after its first day
const OVERDUE_DAY = dayFromToday(-1);
const CAN_BE_OVERDUE = Number(OVERDUE_DAY.slice(0, 4)) === YEAR;

function meeting(org, extra = {}) {
	return {
		org_id: org.id, kind: 'branch_committee', held_at: `${TODAY}T09:00:00+08:00`,
		topic: uniq('支委会'), first_topic: FT, ...extra,
	};
}

// a task of this year: due in 20 days, or on the year's last day if sooner
const DUE_DAY = [dayFromToday(20), `${YEAR}-12-31`].sort()[0];

function task(org, extra = {}) {
	return {
		org_id: org.id, title: uniq('任务'), start_on: dayFromToday(-40), due_on: DUE_DAY,
		milestones: [{ title: '总结', due_on: DUE_DAY }], ...extra,
	};
}

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', c1: 'dist2',
	}, { established_on: '2010-01-01' }));
	({ com, com2, screen, sec1 } = await clientsFor(admin, srv, {
		com: ['committee', dist], com2: ['committee', dist2], screen: ['screen', dist], sec1: ['secretary', b1],
	}));
	[m1, , mc1] = await membersOf(admin, srv, [b1, b2, c1]);
	rule = await pointRule(admin, srv, { needs_approval: false });
	expectStatus(await com.post('/api/meetings', meeting(b1)), 201, srv);
	expectStatus(await com.post('/api/meetings', meeting(b2, { first_topic: null })), 201, srv);
	expectStatus(await com.post('/api/tasks', task(b1)), 201, srv);
	if (CAN_BE_OVERDUE) {
		for (const org of [b1, b2, dist]) {
			expectStatus(await com.post('/api/tasks', task(org, { start_on: `${YEAR}-01-01`, due_on: OVERDUE_DAY,
				milestones: [{ title: '完成', due_on: OVERDUE_DAY }] })), 201, srv);
		}
	}
	expectStatus(await award(com, m1, rule), 201, srv);
	expectStatus(await award(com2, mc1, rule), 201, srv);
});
after(async () => { await srv?.stop(); });

/** Drops the keys a board row has beyond the cockpit's (its rank change). */
const row = ({ prev_rank, change, ...rest }) => rest; // eslint-disable-line no-unused-vars

test('the cockpit of a district equals its boards under the same scope', async () => {
	const k = expectStatus(await com.get(`/api/cockpit?org=${dist.id}`), 200, srv);
	assert.deepEqual(k.org, { id: dist.id, name: dist.name, kind: dist.kind });
	assert.equal(k.today, TODAY);
	assert.equal(k.year, YEAR);
	const board = expectStatus(await com.get(`/api/compliance/board?org=${dist.id}`), 200, srv);
	assert.equal(k.quarter, board.period);
	const { period, org_rate, ...counts } = k.compliance;
	assert.equal(period, board.period);
	assert.deepEqual(counts, board.totals);
	assert.equal(counts.green + counts.yellow + counts.due + counts.red, counts.orgs);
	assert.equal(org_rate, counts.orgs ? Number((100 * (counts.orgs - counts.red) / counts.orgs).toFixed(1)) : null);
	// 第一议题: the quarter's and the year's, as the boards count them
	assert.deepEqual(k.first_topic.quarter, {
		period: board.period, meetings: board.totals.first_topic_meetings,
		recorded: board.totals.first_topic_recorded, rate: board.totals.first_topic_rate,
	});
	assert.ok(k.first_topic.quarter.meetings >= 2, 'the two meetings recorded today');
	assert.equal(k.first_topic.quarter.recorded, k.first_topic.quarter.meetings - 1, 'b2 recorded none');
	const yb = expectStatus(await com.get(`/api/compliance/board?org=${dist.id}&period=${YEAR}`), 200, srv);
	assert.deepEqual(k.first_topic.year, {
		period: String(YEAR), meetings: yb.totals.first_topic_meetings,
		recorded: yb.totals.first_topic_recorded, rate: yb.totals.first_topic_rate,
	});
	// tasks on time: the 晒绩 board's rows added up
	const tb = expectStatus(await com.get(`/api/tasks/board?org=${dist.id}&year=${YEAR}`), 200, srv);
	const sum = (key) => tb.items.reduce((s, x) => s + x[key], 0);
	assert.deepEqual(k.tasks, {
		year: YEAR, tasks: sum('tasks'), due: sum('due'), done: sum('done'), on_time: sum('on_time'),
		overdue: sum('overdue'),
		on_time_rate: sum('due') ? Number((100 * sum('on_time') / sum('due')).toFixed(1)) : null,
	});
	assert.equal(k.tasks.tasks, CAN_BE_OVERDUE ? 4 : 1);
	assert.equal(k.tasks.overdue, CAN_BE_OVERDUE ? 3 : 0);
	// points top 10 of this year: the 先锋榜 of members and of branches
	const mb = expectStatus(await com.get(`/api/leaderboards/members?org=${dist.id}&period=${YEAR}&limit=10`), 200, srv);
	const ob = expectStatus(await com.get(`/api/leaderboards/orgs?org=${dist.id}&period=${YEAR}&kind=branch&by=average&limit=10`), 200, srv);
	assert.equal(k.points.period, String(YEAR));
	assert.deepEqual(k.points.members, mb.items.map(row));
	assert.deepEqual(k.points.branches, ob.items.map(row));
	assert.equal(k.points.members[0].member_id, m1.id);
	assert.ok(!k.points.members.some((x) => x.member_id === mc1.id), 'no member of another district');
});

test('lagging organizations: red this quarter or with overdue tasks, with links to their records', async () => {
	const k = expectStatus(await com.get(`/api/cockpit?org=${dist.id}`), 200, srv);
	const board = expectStatus(await com.get(`/api/compliance/board?org=${dist.id}`), 200, srv);
	const red = new Set(board.lagging.map((x) => x.org_id));
	const tb = expectStatus(await com.get(`/api/tasks/board?org=${dist.id}&year=${YEAR}`), 200, srv);
	const overdue = Object.fromEntries(tb.items.map((x) => [x.org_id, x.overdue]));
	// every red organization and every one with overdue tasks, each once
	const expected = new Set([...red, ...tb.items.filter((x) => x.overdue > 0).map((x) => x.org_id)]);
	assert.equal(k.lagging.total, expected.size);
	assert.deepEqual(new Set(k.lagging.items.map((x) => x.org_id)), expected);
	for (const l of k.lagging.items) {
		assert.equal(l.overdue, overdue[l.org_id] || 0, `${l.org_name}: its overdue tasks`);
		assert.equal(l.red, red.has(l.org_id));
		assert.ok(l.red || l.overdue > 0, `${l.org_name} lags`);
		assert.equal(l.links.compliance, `/api/compliance?org=${l.org_id}&period=${k.quarter}`);
		assert.equal(l.links.meetings, `/api/meetings?org=${l.org_id}&period=${k.quarter}`);
		assert.equal(l.links.tasks, `/api/tasks?org=${l.org_id}&year=${YEAR}`);
		if (l.red) assert.deepEqual(l.missing, board.lagging.find((x) => x.org_id === l.org_id).missing);
	}
	assert.ok(k.lagging.total >= k.lagging.items.length);
	assert.ok(k.lagging.items.length <= 10);
	const lb1 = k.lagging.items.find((x) => x.org_id === b1.id);
	if (CAN_BE_OVERDUE) {
		assert.equal(lb1.overdue, 1);
		assert.equal(lb1.org_name, b1.name);
		assert.equal(lb1.org_parent_id, dist.id);
		assert.equal(lb1.org_parent_name, dist.name);
		// the drill-down link answers, and shows the overdue task
		const tasks = expectStatus(await com.get(lb1.links.tasks), 200, srv);
		assert.ok(tasks.items.some((t) => t.status === 'red'));
	} else {
		assert.ok(!lb1 || lb1.red, 'nothing of this year is overdue on its first day');
	}
	for (const l of k.lagging.items) expectStatus(await com.get(l.links.compliance), 200, srv);
});

test('the caller\'s top by default; the screen role reads its subtree; other subtrees are refused', async () => {
	const mine = expectStatus(await com.get('/api/cockpit'), 200, srv);
	assert.equal(mine.org.id, dist.id);
	const wall = expectStatus(await screen.get('/api/cockpit'), 200, srv);
	assert.equal(wall.org.id, dist.id);
	assert.deepEqual(wall.compliance, mine.compliance);
	const branch = expectStatus(await screen.get(`/api/cockpit?org=${b1.id}`), 200, srv);
	assert.equal(branch.org.id, b1.id);
	assert.ok(branch.points.members.every((x) => x.org_id === b1.id));
	expectError(await com2.get(`/api/cockpit?org=${dist.id}`), 404, 'not_found', 'org', srv);
	expectError(await screen.get(`/api/cockpit?org=${dist2.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec1.get(`/api/cockpit?org=${dist.id}`), 404, 'not_found', 'org', srv);
	expectError(await screen.get(`/api/cockpit?org=${city.id}`), 404, 'not_found', 'org', srv);
	expectError(await com.get('/api/cockpit?org=abc'), 422, 'invalid_field', 'org', srv);
	expectError(await com.get('/api/cockpit?org=99999999'), 404, 'not_found', 'org', srv);
	for (const c of [com2, screen, sec1]) {
		expectError(await c.get(`/api/cockpit/events?org=${c === com2 ? dist.id : dist2.id}`), 404, 'not_found', 'org', srv);
	}
	const anon = await fetch(`${srv.url}/api/cockpit/events?org=${dist.id}`);
	assert.equal(anon.status, 401);
});

/** Opens the cockpit's event stream of org as client (on server `on`). */
const cockpitEvents = (client, org, on = srv) =>
	openEvents(client, `${on.url}/api/cockpit/events?org=${org.id}`);

test('live events: meetings, tasks and points of the subtree reach its walls after the commit, nothing of another subtree', async () => {
	const wall = cockpitEvents(screen, dist);
	const branchWall = cockpitEvents(com, b2);
	const otherWall = cockpitEvents(com2, dist2);
	await Promise.all([wall.ready, branchWall.ready, otherWall.ready]);

	// a meeting of b1: the district's wall hears it, b2's does not
	let ev = wall.next('compliance');
	const before = expectStatus(await screen.get(`/api/cockpit?org=${dist.id}`), 200, srv);
	const m = expectStatus(await com.post('/api/meetings', meeting(b1)), 201, srv);
	assert.deepEqual((await ev).data, { org_id: b1.id });
	const after1 = expectStatus(await screen.get(`/api/cockpit?org=${dist.id}`), 200, srv);
	assert.equal(after1.first_topic.quarter.meetings, before.first_topic.quarter.meetings + 1);
	// refused input writes nothing and sends nothing
	expectError(await com.post('/api/meetings', meeting(b1, { kind: 'nope' })), 422, 'invalid_field', 'kind', srv);
	ev = wall.next('compliance');
	expectStatus(await com.patch(`/api/meetings/${m.id}`, { topic: uniq('改') }), 200, srv);
	assert.equal((await ev).data.org_id, b1.id);
	ev = wall.next('compliance');
	expectStatus(await com.del(`/api/meetings/${m.id}`), 200, srv);
	assert.equal((await ev).data.org_id, b1.id);

	// a task and its milestone (the task chart)
	ev = wall.next('tasks');
	const t = expectStatus(await com.post('/api/tasks', task(b1)), 201, srv);
	assert.equal((await ev).data.org_id, b1.id);
	ev = wall.next('tasks');
	expectStatus(await com.patch(`/api/tasks/${t.id}/milestones/${t.milestones[0].id}`, { done_on: TODAY }), 200, srv);
	assert.equal((await ev).data.org_id, b1.id);

	// points: an award and its reversal
	ev = wall.next('points');
	const e = expectStatus(await award(com, m1, rule), 201, srv);
	assert.equal((await ev).data.org_id, b1.id);
	ev = wall.next('points');
	expectStatus(await com.post(`/api/ledger/${e.id}/reverse`, { reason: '记错了' }), 201, srv);
	assert.equal((await ev).data.org_id, b1.id);

	// the marker: b2's own meeting is the first thing b2's wall hears, and
	// dist2's own award the first thing dist2's wall hears
	const b2ev = branchWall.next('compliance');
	expectStatus(await com.post('/api/meetings', meeting(b2)), 201, srv);
	assert.equal((await b2ev).data.org_id, b2.id);
	const d2ev = otherWall.next('points');
	expectStatus(await award(com2, mc1, rule), 201, srv);
	assert.equal((await d2ev).data.org_id, c1.id);
	assert.deepEqual(branchWall.events.map((x) => x.data.org_id), [b2.id], 'b2 heard only itself');
	assert.deepEqual(otherWall.events.map((x) => x.data.org_id), [c1.id], 'dist2 heard nothing of dist');
	assert.ok(wall.events.every((x) => [b1.id, b2.id].includes(x.data.org_id)));
	wall.close();
	branchWall.close();
	otherWall.close();
});

test('one commit that writes several organizations reaches each wall once, also on another server of the same PostgreSQL', async () => {
	// on PostgreSQL a second server relays through NOTIFY; SQLite has one server
	const other = DB_KIND === 'postgres' ? await startServer({ attach: true, db: srv.db }) : srv;
	try {
		const t = expectStatus(await com.post('/api/tasks', task(dist)), 201, srv);
		const wall = cockpitEvents(screen, dist, other);
		const w1 = cockpitEvents(com, b1, other);
		const w2 = cockpitEvents(com, b2, other);
		await Promise.all([wall.ready, w1.ready, w2.ready]);
		const [e, e1, e2] = [wall.next('tasks'), w1.next('tasks'), w2.next('tasks')];
		// the cascade writes a task in b1 and one in b2 in one transaction
		expectStatus(await com.post(`/api/tasks/${t.id}/cascade`, { org_ids: [b1.id, b2.id] }), 201, srv);
		assert.ok([b1.id, b2.id].includes((await e).data.org_id));
		assert.equal((await e1).data.org_id, b1.id);
		assert.equal((await e2).data.org_id, b2.id);
		// a marker: the district's next event is the award, so the cascade sent it one
		const marker = wall.next('points');
		expectStatus(await award(com, m1, rule), 201, srv);
		await marker;
		assert.deepEqual(wall.events.map((x) => x.event), ['tasks', 'points']);
		wall.close();
		w1.close();
		w2.close();
	} finally {
		if (other !== srv) await other.stop();
	}
});
