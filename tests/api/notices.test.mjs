// Publication (公示) of a frozen 先锋榜 and objections (异议): a committee
// freezes its subtree's board; the notice never changes when the ledger
// does; members of the subtree object within the window, once at a time;
// the committee answers; scope (404 to read, 403 to write) throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectStatus, expectError, expectList, todayShanghai } from './harness.mjs';
import { startWithTree, membersOf, clientsFor, pointRule, award } from './fixtures.mjs';

let srv, admin, city, dist, dist2, unit, b1, b2, b3;
let m1, m2, m3, m4;
let committee, committee2, sec1, me1, me2, me4;
let rule, entry1, notice;
const TODAY = todayShanghai();
const YEAR = TODAY.slice(0, 4);

function addDays(date, n) {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

before(async () => {
	({ srv, admin, city, dist, dist2, unit, b1, b2, b3 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: 'dist', b1: 'unit', b2: 'unit', b3: 'dist2',
	}));
	[m1, m2, m3, m4] = await membersOf(admin, srv, [b1, b1, b2, b3]);
	({ committee, committee2, sec1, me1, me2, me4 } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2], sec1: ['secretary', b1],
		me1: ['member', b1, m1], me2: ['member', b1, m2], me4: ['member', b3, m4],
	}));
	rule = await pointRule(admin, srv, { valid_from: `${YEAR}-01-01` });
	const awardTo = async (m) => expectStatus(await award(admin, m, rule), 201, srv);
	entry1 = await awardTo(m1);
	await awardTo(m1);
	await awardTo(m2);
	await awardTo(m3);
	await awardTo(m4);
});
after(async () => { await srv?.stop(); });

function publish(client, fields = {}) {
	return client.post('/api/point-notices', {
		org_id: dist.id, period: YEAR, kind: 'members', opens_on: TODAY, closes_on: addDays(TODAY, 5),
		title: '年度党员积分公示', ...fields,
	});
}

test('a committee freezes its subtree\'s member board as a notice', async () => {
	notice = expectStatus(await publish(committee), 201, srv);
	assert.equal(typeof notice.id, 'number');
	assert.equal(notice.org_id, dist.id);
	assert.equal(notice.period, YEAR);
	assert.equal(notice.kind, 'members');
	assert.equal(notice.state, 'open');
	assert.equal(notice.title, '年度党员积分公示');
	assert.equal(notice.opens_on, TODAY);
	assert.deepEqual(notice.rows.map((r) => [r.rank, r.member_id, r.points]),
		[[1, m1.id, 10], [2, m2.id, 5], [2, m3.id, 5]], 'ties share a rank; only the subtree');
	assert.equal(notice.row_count, 3);
	assert.equal(notice.rows[0].org_id, b1.id);
	assert.equal(typeof notice.rows[0].name, 'string');
});

test('the frozen board never changes when the ledger does', async () => {
	const before = expectStatus(await committee.get(`/api/point-notices/${notice.id}`), 200, srv);
	expectStatus(await admin.post(`/api/ledger/${entry1.id}/reverse`, { reason: '更正' }), 201, srv);
	expectStatus(await admin.post('/api/ledger', { member_id: m3.id, rule_id: rule.id, reason: '补记' }), 201, srv);
	const board = expectStatus(await committee.get(`/api/leaderboards/members?org=${dist.id}&period=${YEAR}`), 200, srv);
	assert.deepEqual(board.items.map((r) => [r.member_id, r.points]), [[m3.id, 10], [m1.id, 5], [m2.id, 5]],
		'the live board changed');
	const after = expectStatus(await committee.get(`/api/point-notices/${notice.id}`), 200, srv);
	assert.deepEqual(after.rows, before.rows);
	assert.deepEqual(after.rows.map((r) => [r.rank, r.member_id, r.points]),
		[[1, m1.id, 10], [2, m2.id, 5], [2, m3.id, 5]]);
});

test('an organization board can be published too', async () => {
	const n = expectStatus(await publish(committee, { kind: 'orgs', org_kind: 'branch', title: undefined }), 201, srv);
	assert.equal(n.kind, 'orgs');
	assert.equal(n.org_kind, 'branch');
	assert.match(n.title, /公示/);
	assert.deepEqual(n.rows.map((r) => r.org_id).sort(), [b1.id, b2.id].sort());
	for (const r of n.rows) assert.ok('average' in r && 'headcount' in r);
});

test('publishing is checked at the edge and in scope', async () => {
	expectError(await publish(committee, { closes_on: addDays(TODAY, -1) }), 422, 'invalid_field', 'closes_on', srv);
	expectError(await publish(committee, { closes_on: addDays(TODAY, 120) }), 422, 'invalid_field', 'closes_on', srv);
	expectError(await publish(committee, { period: '2024Q5' }), 422, 'invalid_field', 'period', srv);
	expectError(await publish(committee, { kind: 'likes' }), 422, 'invalid_field', 'kind', srv);
	expectError(await publish(committee, { org_kind: 'branch' }), 422, 'invalid_field', 'org_kind', srv);
	expectError(await publish(committee, { extra: 1 }), 422, 'unknown_field', undefined, srv);
	expectError(await publish(committee2), 403, 'forbidden', 'org_id', srv);
	expectStatus(await publish(sec1), 403, srv);
	expectStatus(await publish(me1), 403, srv);
	const list = expectList(await admin.get(`/api/point-notices?org=${dist.id}`), srv);
	assert.equal(list.total, 2, 'refused notices were not written');
});

test('members of the subtree read the notice; others get 404', async () => {
	expectStatus(await me1.get(`/api/point-notices/${notice.id}`), 200, srv);
	expectError(await me4.get(`/api/point-notices/${notice.id}`), 404, 'not_found', undefined, srv);
	expectError(await committee2.get(`/api/point-notices/${notice.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/point-notices/${notice.id}`), 404, 'not_found', undefined, srv);
	const mine = expectList(await me1.get('/api/point-notices'), srv);
	assert.ok(mine.items.some((n) => n.id === notice.id));
	assert.ok(!('rows' in mine.items[0]), 'lists carry no rows');
	const other = expectList(await me4.get('/api/point-notices'), srv);
	assert.ok(!other.items.some((n) => n.id === notice.id));
	const c2 = expectList(await committee2.get('/api/point-notices'), srv);
	assert.ok(!c2.items.some((n) => n.id === notice.id));
	expectError(await committee2.get(`/api/point-notices?org=${dist.id}`), 404, 'not_found', undefined, srv);
});

test('a notice not yet open is hidden from members and takes no objections', async () => {
	const n = expectStatus(await publish(committee, { opens_on: addDays(TODAY, 3), closes_on: addDays(TODAY, 8) }), 201, srv);
	assert.equal(n.state, 'upcoming');
	expectError(await me1.get(`/api/point-notices/${n.id}`), 404, 'not_found', undefined, srv);
	expectError(await me1.post(`/api/point-notices/${n.id}/objections`, { text: '有异议' }), 404, 'not_found', undefined, srv);
	expectStatus(await committee.get(`/api/point-notices/${n.id}`), 200, srv);
});

let obj1;
test('a member of the subtree objects within the window, one open objection at a time', async () => {
	obj1 = expectStatus(await me1.post(`/api/point-notices/${notice.id}/objections`,
		{ text: '我的一条积分记录有误', member_id: m1.id }), 201, srv);
	assert.equal(obj1.status, 'open');
	assert.equal(obj1.member_id, m1.id);
	assert.equal(obj1.notice_id, notice.id);
	assert.equal(obj1.answer, null);
	expectError(await me1.post(`/api/point-notices/${notice.id}/objections`, { text: '再提一次' }),
		409, 'objection_open', undefined, srv);
	expectError(await me1.post(`/api/point-notices/${notice.id}/objections`, { text: '代他人提出', member_id: m2.id }),
		403, 'forbidden', 'member_id', srv);
	expectError(await me4.post(`/api/point-notices/${notice.id}/objections`, { text: '不在范围内' }),
		404, 'not_found', undefined, srv);
	expectError(await committee.post(`/api/point-notices/${notice.id}/objections`, { text: '工委' }),
		403, 'not_a_member', undefined, srv);
	expectError(await me1.post(`/api/point-notices/${notice.id}/objections`, { text: '' }),
		422, 'invalid_field', 'text', srv);
	expectStatus(await me2.post(`/api/point-notices/${notice.id}/objections`, { text: '排名有误' }), 201, srv);
	expectError(await me1.post('/api/point-notices/999999/objections', { text: '不存在' }), 404, 'not_found', undefined, srv);
});

test('after the window objections are refused with 409', async () => {
	const old = expectStatus(await publish(committee, { opens_on: '2020-01-01', closes_on: '2020-01-05', period: '2020' }), 201, srv);
	assert.equal(old.state, 'closed');
	assert.deepEqual(old.rows, []);
	expectStatus(await me1.get(`/api/point-notices/${old.id}`), 200, srv);
	expectError(await me1.post(`/api/point-notices/${old.id}/objections`, { text: '过期异议' }),
		409, 'window_closed', undefined, srv);
});

test('the committee answers each objection; members see their own', async () => {
	expectStatus(await sec1.post(`/api/point-objections/${obj1.id}/answer`, { answer: '已核实', outcome: 'upheld' }), 403, srv);
	expectError(await committee2.post(`/api/point-objections/${obj1.id}/answer`, { answer: '已核实', outcome: 'upheld' }),
		404, 'not_found', undefined, srv);
	expectError(await committee.post(`/api/point-objections/${obj1.id}/answer`, { answer: '已核实', outcome: 'maybe' }),
		422, 'invalid_field', 'outcome', srv);
	const a = expectStatus(await committee.post(`/api/point-objections/${obj1.id}/answer`,
		{ answer: '经核实，已通过流水冲正更正', outcome: 'upheld' }), 200, srv);
	assert.equal(a.status, 'upheld');
	assert.equal(a.answer, '经核实，已通过流水冲正更正');
	assert.equal(typeof a.answered_at, 'string');
	expectError(await committee.post(`/api/point-objections/${obj1.id}/answer`, { answer: '再答', outcome: 'dismissed' }),
		409, 'already_answered', undefined, srv);
	// answered: the member may object again
	expectStatus(await me1.post(`/api/point-notices/${notice.id}/objections`, { text: '补充异议' }), 201, srv);

	const all = expectList(await committee.get(`/api/point-notices/${notice.id}/objections`), srv);
	assert.equal(all.total, 3);
	const own = expectList(await me1.get(`/api/point-notices/${notice.id}/objections`), srv);
	assert.equal(own.total, 2);
	assert.ok(own.items.every((o) => o.member_id === m1.id));
	assert.equal(own.items[0].status, 'upheld');
	const own2 = expectList(await me2.get(`/api/point-notices/${notice.id}/objections`), srv);
	assert.equal(own2.total, 1);
	expectError(await me4.get(`/api/point-notices/${notice.id}/objections`), 404, 'not_found', undefined, srv);

	const n = expectStatus(await committee.get(`/api/point-notices/${notice.id}`), 200, srv);
	assert.equal(n.objections, 3);
	assert.equal(n.open_objections, 2);
	assert.deepEqual(n.rows.map((r) => [r.rank, r.member_id, r.points]),
		[[1, m1.id, 10], [2, m2.id, 5], [2, m3.id, 5]], 'an upheld objection does not change the notice');
	const audit = expectList(await admin.get(`/api/audit?entity=point_objection&entity_id=${obj1.id}`), srv);
	assert.ok(audit.items.some((x) => x.action === 'answer'));
});

test('a member\'s own page shows its ranks for a period and the notices concerning it', async () => {
	const me = expectStatus(await me1.get(`/api/points/me?year=${YEAR}`), 200, srv);
	assert.equal(me.period, YEAR);
	assert.equal(me.points, 5);
	assert.equal(me.branch.rank, 1, 'tied with m2 in the branch');
	assert.equal(me.unit.rank, 2, 'behind m3 in the unit');
	const n = me.notices.find((x) => x.id === notice.id);
	assert.ok(n, 'the open notice concerns the member');
	assert.equal(n.state, 'open');
	assert.deepEqual(n.mine, { rank: 1, points: 10 });
	assert.ok(!me.notices.some((x) => x.state === 'upcoming'));
	const q = expectStatus(await me1.get(`/api/points/me?period=${YEAR}-13`), 422, srv);
	assert.equal(q.error.field, 'period');
	const month = TODAY.slice(0, 7);
	const mp = expectStatus(await me1.get(`/api/points/me?period=${month}`), 200, srv);
	assert.equal(mp.period, month);
	assert.equal(mp.year, YEAR);
	assert.equal(mp.period_points, 5);
	assert.equal(mp.branch.rank, 1);
	const other = expectStatus(await me4.get('/api/points/me'), 200, srv);
	assert.ok(!other.notices.some((x) => x.id === notice.id));
});
