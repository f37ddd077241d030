// Compliance of organizational life and the quarterly supervision board
// (季度督导): per organization and period, which required meetings were
// held, late or missing, the 第一议题 check, "due soon" with days left, the
// board's counts and rates with the lagging organizations first, the
// configured rules, and scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	expectStatus, expectError, createOrg, createUserAndLogin, uniq,
	todayShanghai,
} from './harness.mjs';
import { startWithTree } from './fixtures.mjs';

let srv;
let admin;
let city;
let dist;   // the district under supervision
let other;  // a sibling district
let A;      // every Q3 meeting on time
let B;      // nothing held
let C;      // the congress made up in October
let D;      // set up on 20 September: owes nothing in Q3
let E;      // a committee meeting without first topic
let committee;
let otherSec;

const EST = '2010-01-01';
const FT = { title: '学习习近平总书记重要讲话精神', source: '求是', speech_date: '2024-06-30' };

async function record(client, org, kind, day, extra = {}) {
	const body = { org_id: org.id, kind, held_at: `${day}T09:00:00+08:00`, topic: uniq('会议'), ...extra };
	if (kind === 'party_lecture' && !body.lecturer) body.lecturer = '书记';
	if (['branch_congress', 'branch_committee', 'committee_meeting'].includes(kind) && !('first_topic' in body)) {
		body.first_topic = FT;
	}
	return expectStatus(await client.post('/api/meetings', body), 201, srv);
}

/** Every meeting a branch owes in 2024Q3, on time. */
async function fullQ3(org, { skip = [], noFirstTopic = false } = {}) {
	for (const m of ['07', '08', '09']) {
		if (!skip.includes(`branch_committee-${m}`)) {
			await record(admin, org, 'branch_committee', `2024-${m}-05`,
				noFirstTopic && m === '08' ? { first_topic: null } : {});
		}
		await record(admin, org, 'theme_day', `2024-${m}-20`);
	}
	if (!skip.includes('branch_congress')) await record(admin, org, 'branch_congress', '2024-08-28');
	await record(admin, org, 'party_lecture', '2024-09-30');
}

before(async () => {
	({ srv, admin, city, dist, dist2: other } = await startWithTree({ dist: 'city', dist2: 'city' }, { established_on: EST }));
	const branch = (name, est = EST) => createOrg(admin, { name: uniq(name), kind: 'branch', level: 'county', parent_id: dist.id, established_on: est }, srv);
	A = await branch('甲支部');
	B = await branch('乙支部');
	C = await branch('丙支部');
	D = await branch('丁支部', '2024-09-20');
	E = await branch('戊支部');
	await fullQ3(A);
	await fullQ3(C, { skip: ['branch_congress'] });
	await record(admin, C, 'branch_congress', '2024-10-15', { makeup_for: '2024Q3' });
	await fullQ3(E, { noFirstTopic: true });
	for (const m of ['07', '08', '09']) await record(admin, dist, 'committee_meeting', `2024-${m}-02`);
	committee = (await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: dist.id }] })).client;
	otherSec = (await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: other.id }] })).client;
});
after(async () => { await srv?.stop(); });

const byOrg = (items) => Object.fromEntries(items.map((x) => [x.org_id, x]));

test('each organization of the subtree gets its status and missing kinds for 2024Q3', async () => {
	const res = expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=2024Q3`), 200, srv);
	assert.equal(res.period, '2024Q3');
	assert.equal(res.org_id, dist.id);
	const it = byOrg(res.items);
	assert.equal(it[A.id].status, 'green');
	assert.deepEqual(it[A.id].missing, []);
	assert.equal(it[A.id].required, 8);
	assert.equal(it[A.id].held, 8);
	assert.equal(it[B.id].status, 'red');
	assert.deepEqual(it[B.id].missing, ['branch_congress', 'branch_committee', 'party_lecture', 'theme_day']);
	assert.equal(it[B.id].held, 0);
	assert.equal(it[C.id].status, 'yellow', 'held late: made up in October');
	assert.deepEqual(it[C.id].late, ['branch_congress']);
	assert.deepEqual(it[C.id].missing, []);
	assert.equal(it[E.id].status, 'red');
	assert.deepEqual(it[E.id].missing, ['first_topic']);
	assert.equal(it[E.id].first_topic_meetings, 4);
	assert.equal(it[E.id].first_topic_recorded, 3);
	assert.ok(!(D.id in it), 'an org set up on 20 September owes nothing in Q3');
	assert.equal(it[dist.id].status, 'green', 'the district committee held its monthly meetings');
	assert.equal(res.total, res.items.length);
	for (const x of res.items) assert.ok(['green', 'yellow', 'red', 'due'].includes(x.status));
});

test('a month and a year evaluate the slots that end in them', async () => {
	const sep = byOrg(expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=2024-09`), 200, srv).items);
	assert.equal(sep[A.id].required, 4, 'September: committee, theme day, and the quarter\'s congress and lecture');
	assert.equal(sep[D.id], undefined, '11 days of September are less than half');
	const aug = byOrg(expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=2024-08`), 200, srv).items);
	assert.equal(aug[A.id].required, 2);
	assert.equal(aug[B.id].status, 'red');
	const year = byOrg(expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=2024`), 200, srv).items);
	assert.equal(year[A.id].status, 'red', 'nothing before July nor the yearly meetings');
	assert.ok(year[A.id].missing.includes('life_meeting'));
	assert.ok(year[D.id], 'D owes October to December');
	assert.equal(year[D.id].required, 3 * 2 + 2);
});

test('the current month is due with the days left', async () => {
	const today = todayShanghai();
	const [y, m] = today.split('-').map(Number);
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	const left = last - Number(today.slice(8, 10)) + 1;
	const period = today.slice(0, 7);
	const res = byOrg(expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=${period}`), 200, srv).items);
	assert.equal(res[B.id].status, 'due');
	assert.equal(res[B.id].days_left, left);
	assert.ok(res[B.id].pending.includes('theme_day'));
	assert.deepEqual(res[B.id].missing, []);
	// a meeting held today makes the theme day held
	await record(admin, B, 'theme_day', today);
	const after = byOrg(expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=${period}`), 200, srv).items);
	assert.ok(!after[B.id].pending.includes('theme_day'));
	// without period: the current quarter
	const cur = expectStatus(await committee.get(`/api/compliance?org=${dist.id}`), 200, srv);
	assert.match(cur.period, /^\d{4}Q[1-4]$/);
});

test('the supervision board counts per child organization, lagging first', async () => {
	const board = expectStatus(await committee.get(`/api/compliance/board?org=${dist.id}&period=2024Q3`), 200, srv);
	assert.equal(board.period, '2024Q3');
	const t = board.totals;
	assert.equal(t.orgs, 5, 'A, B, C, E and the district itself');
	assert.equal(t.green, 2);
	assert.equal(t.yellow, 1);
	assert.equal(t.red, 2);
	assert.equal(t.due, 0);
	assert.equal(t.required, 8 * 4 + 3);
	assert.equal(t.held, 8 * 3 + 3);
	assert.equal(t.rate, Math.round(1000 * 27 / 35) / 10);
	assert.equal(t.held_late, 1);
	const rows = board.rows;
	assert.equal(rows[0].org_id, B.id, 'the branch that held nothing comes first');
	assert.equal(rows[0].rate, 0);
	assert.equal(rows[0].red, 1);
	const self = rows.find((r) => r.self);
	assert.equal(self.org_id, dist.id);
	const a = rows.find((r) => r.org_id === A.id);
	assert.equal(a.rate, 100);
	assert.equal(a.sanhui_rate, 100);
	assert.equal(a.first_topic_rate, 100);
	const e = rows.find((r) => r.org_id === E.id);
	assert.equal(e.first_topic_rate, 75);
	assert.equal(e.link, `/api/compliance?org=${E.id}&period=2024Q3`);
	const d = rows.find((r) => r.org_id === D.id);
	assert.equal(d.orgs, 0);
	assert.equal(d.rate, null);
	assert.equal(rows[rows.length - 1].org_id, D.id, 'rows with nothing required come last');
	for (let i = 1; i < rows.length - 1; i++) assert.ok(rows[i - 1].rate <= rows[i].rate, 'lagging first');
	assert.deepEqual(board.lagging.map((x) => x.org_id).sort(), [B.id, E.id].sort());
	assert.equal(board.lagging[0].org_id, B.id, 'the most missing first');
	assert.match(board.lagging[0].link, /^\/api\/meetings\?org=\d+&period=2024Q3$/);
	// the city sees the district as one row
	const top = expectStatus(await admin.get(`/api/compliance/board?org=${city.id}&period=2024Q3`), 200, srv);
	const drow = top.rows.find((r) => r.org_id === dist.id);
	assert.equal(drow.orgs, 5);
	assert.equal(drow.red, 2);
	const orow = top.rows.find((r) => r.org_id === other.id);
	assert.equal(orow.orgs, 1, 'the other district owes its committee meetings');
	assert.equal(orow.rate, 0);
});

test('recording the missing meeting changes the board', async () => {
	const before = expectStatus(await committee.get(`/api/compliance/board?org=${dist.id}&period=2024Q3`), 200, srv);
	const m = await record(committee, E, 'branch_committee', '2024-08-05');
	const e = (await committee.get(`/api/meetings?org=${E.id}&period=2024-08&kind=branch_committee`)).body.items
		.find((x) => x.first_topic === null);
	expectStatus(await committee.patch(`/api/meetings/${e.id}`, { first_topic: FT }), 200, srv);
	const after = expectStatus(await committee.get(`/api/compliance/board?org=${dist.id}&period=2024Q3`), 200, srv);
	assert.equal(after.totals.red, before.totals.red - 1);
	assert.ok(!after.lagging.some((x) => x.org_id === E.id));
	expectStatus(await committee.del(`/api/meetings/${m.id}`), 200, srv);
});

test('compliance and the board are scoped and validated', async () => {
	expectError(await otherSec.get(`/api/compliance?org=${dist.id}&period=2024Q3`), 404, 'not_found', 'org', srv);
	expectError(await otherSec.get(`/api/compliance/board?org=${dist.id}&period=2024Q3`), 404, 'not_found', 'org', srv);
	expectError(await committee.get(`/api/compliance?org=${city.id}&period=2024Q3`), 404, 'not_found', 'org', srv);
	expectError(await committee.get(`/api/compliance?org=${dist.id}&period=2024Q5`), 422, 'invalid_field', 'period', srv);
	expectError(await committee.get(`/api/compliance?org=${dist.id}&period=24Q3`), 422, 'invalid_field', 'period', srv);
	expectError(await committee.get('/api/compliance?org=abc'), 422, 'invalid_field', 'org', srv);
	expectError(await admin.get('/api/compliance?period=2024Q3'), 422, 'invalid_field', 'org', srv);
	// without org: the caller's own subtree
	const own = expectStatus(await committee.get('/api/compliance?period=2024Q3'), 200, srv);
	assert.equal(own.org_id, dist.id);
	const ob = expectStatus(await otherSec.get('/api/compliance/board?period=2024Q3'), 200, srv);
	assert.equal(ob.org_id, other.id);
	expectError(await srv.client().get('/api/compliance/board'), 401, ['unauthorized', 'not_logged_in'], undefined, srv);
});

test('the required frequencies are configurable by the administrator', async () => {
	const rules = expectStatus(await committee.get('/api/compliance/rules'), 200, srv);
	const r = rules.items.find((x) => x.org_kind === 'branch' && x.meeting_kind === 'theme_day');
	assert.equal(r.frequency, 'monthly');
	assert.equal(r.default, 'monthly');
	assert.ok(rules.first_topic_kinds.includes('committee_meeting'));
	const set = { items: [{ org_kind: 'branch', meeting_kind: 'theme_day', frequency: 'none' },
		{ org_kind: 'branch', meeting_kind: 'party_lecture', frequency: 'monthly' }] };
	expectError(await committee.request('PUT', '/api/compliance/rules', set), 403, 'forbidden', undefined, srv);
	expectError(await admin.request('PUT', '/api/compliance/rules', { items: [{ org_kind: 'club', meeting_kind: 'theme_day', frequency: 'none' }] }),
		422, 'invalid_field', 'items[0].org_kind', srv);
	expectError(await admin.request('PUT', '/api/compliance/rules', { items: [{ org_kind: 'branch', meeting_kind: 'theme_day', frequency: 'weekly' }] }),
		422, 'invalid_field', 'items[0].frequency', srv);
	const after = expectStatus(await admin.request('PUT', '/api/compliance/rules', set), 200, srv);
	assert.equal(after.items.find((x) => x.org_kind === 'branch' && x.meeting_kind === 'theme_day').frequency, 'none');
	const res = byOrg(expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=2024Q3`), 200, srv).items);
	assert.deepEqual(res[B.id].missing, ['branch_congress', 'branch_committee', 'party_lecture']);
	assert.equal(res[A.id].status, 'red', 'A held one lecture in the quarter, now owed monthly');
	assert.deepEqual(res[A.id].missing, ['party_lecture']);
	expectStatus(await admin.request('PUT', '/api/compliance/rules', { items: [] }), 200, srv);
	const back = byOrg(expectStatus(await committee.get(`/api/compliance?org=${dist.id}&period=2024Q3`), 200, srv).items);
	assert.equal(back[A.id].status, 'green');
});
