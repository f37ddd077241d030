// Points (积分) and the 先锋榜: the versioned rulebook, claims and their
// approval within scope, direct awards under caps, floors and vetoes,
// reversals, leaderboards with shared ranks, a member's own page, and
// `xianfeng points verify` after a random mix of writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
	startServer, XF_BIN, expectStatus, expectError, expectList, createOrg, createMember, uniq,
	todayShanghai, Client, rawSql
} from './harness.mjs';
import { startWithTree, membersOf, clientsFor, pointRule, award } from './fixtures.mjs';

let srv, admin, city, dist, dist2, unit, b1, b2, b3;
let m1, m2, m3, m4;
let committee, committee2, sec1, sec3, me1;
const YEAR = todayShanghai().slice(0, 4);

before(async () => {
	({ srv, admin, city, dist, dist2, unit, b1, b2, b3 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: 'dist', b1: 'unit', b2: 'unit', b3: 'dist2',
	}));
	[m1, m2, m3, m4] = await membersOf(admin, srv, [b1, b1, b2, b3]);
	({ committee, committee2, sec1, sec3, me1 } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2],
		sec1: ['secretary', b1], sec3: ['secretary', b3], me1: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

const rule = (client, fields) => pointRule(client, srv, fields);

test('a rule is created with its first version and the rulebook lists it', async () => {
	const r = await rule(admin, { category: '志愿服务', item: '参加志愿服务', points: 3, cap: 30 });
	assert.equal(typeof r.id, 'number');
	assert.equal(r.version, 1);
	assert.equal(r.points, 3);
	assert.equal(r.cap, 30);
	assert.equal(r.cap_period, 'year');
	assert.equal(r.needs_approval, true);
	assert.equal(r.approver_role, 'secretary');
	assert.equal(r.org_id, null, 'admin rules are city-wide');
	assert.equal(r.versions.length, 1);
	const list = expectList(await me1.get('/api/point-rules'), srv);
	assert.ok(list.items.some((x) => x.id === r.id), 'members read the rulebook');
	assert.ok(list.categories.includes('负面清单'));
});

test('rules that count likes, votes, shares, clicks, sign-ins or study time are refused', async () => {
	for (const item of ['文章点赞', '网络投票', '转发文章', '每日签到', '学习时长满1小时', '点击量']) {
		expectError(await admin.post('/api/point-rules', { category: '政治学习', item, points: 1 }),
			422, 'invalid_field', 'item', srv);
	}
	expectError(await admin.post('/api/point-rules', { category: '点赞榜', item: '讲党课', points: 1 }),
		422, 'invalid_field', 'category', srv);
	expectError(await admin.post('/api/point-rules', { category: '政治学习', item: '讲党课', points: 1, likes: 1 }),
		422, 'unknown_field', 'likes', srv);
	expectError(await admin.post('/api/point-rules', { category: '政治学习', item: '讲党课', points: 'x' }),
		422, 'invalid_field', 'points', srv);
	expectError(await admin.post('/api/point-rules', { category: '政治学习', item: '讲党课', points: -2 }),
		422, 'invalid_field', 'category', srv);
	expectError(await admin.post('/api/point-rules', { category: '负面清单', item: '违纪', points: 0, veto: true, cap: 5, cap_period: 'week' }),
		422, 'invalid_field', 'cap_period', srv);
	expectError(await sec1.post('/api/point-rules', { category: '政治学习', item: '讲党课', points: 1 }), 403, 'forbidden', undefined, srv);
});

test('a change makes a new version from a date; the rulebook of a past date shows the old one', async () => {
	const r = await rule(committee, { item: uniq('讲授微党课'), points: 5 });
	assert.equal(r.org_id, dist.id, 'a committee rule belongs to its district');
	const ch = expectStatus(await committee.patch(`/api/point-rules/${r.id}`, { points: 8, valid_from: '2024-07-01' }), 200, srv);
	assert.equal(ch.version, 2);
	assert.equal(ch.points, 8);
	assert.equal(ch.versions.length, 2);
	assert.equal(ch.versions[0].valid_to, '2024-07-01');
	assert.equal(ch.versions[1].valid_to, null);
	const old = expectList(await admin.get('/api/point-rules?on=2024-03-01'), srv).items.find((x) => x.id === r.id);
	assert.equal(old.points, 5);
	assert.equal(old.version, 1);
	const cur = expectList(await admin.get('/api/point-rules'), srv).items.find((x) => x.id === r.id);
	assert.equal(cur.points, 8);
	assert.equal(expectList(await admin.get('/api/point-rules?on=2023-12-31'), srv).items.find((x) => x.id === r.id), undefined);
	expectError(await committee.patch(`/api/point-rules/${r.id}`, { points: 9, valid_from: '2024-07-01' }), 422, 'invalid_field', 'valid_from', srv);
	expectError(await committee.patch(`/api/point-rules/${r.id}`, { points: 9 }), 422, 'invalid_field', 'valid_from', srv);
	expectError(await committee2.patch(`/api/point-rules/${r.id}`, { points: 9, valid_from: '2025-01-01' }), 403, 'forbidden', undefined, srv);
	expectError(await admin.get('/api/point-rules?on=2024-13-01'), 422, 'invalid_field', 'on', srv);
});

test('a member claims, a secretary outside the branch neither sees nor approves it, the branch secretary approves', async () => {
	const r = await rule(admin, { item: uniq('完成攻坚任务'), points: 6 });
	const cl = expectStatus(await me1.post('/api/claims', { rule_id: r.id, description: '完成年度攻坚任务', evidence: ['总结报告.pdf'] }), 201, srv);
	assert.equal(cl.status, 'pending');
	assert.equal(cl.member_id, m1.id);
	assert.deepEqual(cl.evidence, ['总结报告.pdf']);
	expectError(await sec3.get(`/api/claims/${cl.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec3.post(`/api/claims/${cl.id}/approve`, {}), 403, 'forbidden', undefined, srv);
	expectError(await committee2.post(`/api/claims/${cl.id}/approve`), 403, 'forbidden', undefined, srv);
	expectError(await me1.post(`/api/claims/${cl.id}/approve`), 403, 'forbidden', undefined, srv);
	const s3list = expectList(await sec3.get('/api/claims?status=pending'), srv);
	assert.ok(!s3list.items.some((x) => x.id === cl.id));
	const inbox = expectList(await sec1.get('/api/claims?status=pending'), srv);
	assert.ok(inbox.items.some((x) => x.id === cl.id));
	const ap = expectStatus(await sec1.post(`/api/claims/${cl.id}/approve`, { reason: '情况属实' }), 200, srv);
	assert.equal(ap.status, 'approved');
	assert.equal(ap.points, 6);
	assert.equal(ap.capped, false);
	assert.equal(ap.entry.claim_id, cl.id);
	assert.equal(ap.entry.member_id, m1.id);
	assert.equal(ap.entry.org_id, b1.id);
	assert.equal(ap.entry.rule_version, 1);
	assert.equal(ap.entry.source, 'claim');
	expectError(await sec1.post(`/api/claims/${cl.id}/approve`), 409, 'already_decided', undefined, srv);
	const seen = expectStatus(await me1.get(`/api/claims/${cl.id}`), 200, srv);
	assert.equal(seen.status, 'approved');
	assert.equal(seen.points, 6);
	assert.equal(seen.decision_reason, '情况属实');
	const mine = expectList(await me1.get('/api/claims'), srv);
	assert.ok(mine.items.every((x) => x.member_id === m1.id));
});

test('a rejection needs a reason; the member sees it; evidence may be required', async () => {
	const r = await rule(admin, { item: uniq('获得表彰'), points: 10, needs_evidence: true });
	expectError(await me1.post('/api/claims', { rule_id: r.id, description: '获市级表彰' }), 422, 'invalid_field', 'evidence', srv);
	expectError(await me1.post('/api/claims', { rule_id: r.id, description: '获市级表彰', evidence: [1] }), 422, 'invalid_field', 'evidence', srv);
	for (const evidence of [[' \t'], ['证'.repeat(501)], ['\u001b[31m证书.jpg'], Array(11).fill('证书.jpg')])
		expectError(await me1.post('/api/claims', { rule_id: r.id, description: '获市级表彰', evidence }), 422, 'invalid_field', 'evidence', srv);
	expectError(await me1.post('/api/claims', { rule_id: r.id, description: ' ' }), 422, 'invalid_field', 'description', srv);
	expectError(await me1.post('/api/claims', { rule_id: r.id, member_id: m4.id, description: '代他人申报', evidence: ['a'] }), 403, 'forbidden', undefined, srv);
	const cl = expectStatus(await me1.post('/api/claims', { rule_id: r.id, description: '获市级表彰', evidence: ['证书.jpg'] }), 201, srv);
	expectError(await sec1.post(`/api/claims/${cl.id}/reject`, {}), 422, 'invalid_field', 'reason', srv);
	const rj = expectStatus(await sec1.post(`/api/claims/${cl.id}/reject`, { reason: '证书与申报不符' }), 200, srv);
	assert.equal(rj.status, 'rejected');
	const seen = expectStatus(await me1.get(`/api/claims/${cl.id}`), 200, srv);
	assert.equal(seen.status, 'rejected');
	assert.equal(seen.decision_reason, '证书与申报不符');
	assert.equal(seen.points, null);
});

test('a claim beyond the cap is approved only up to the cap, and the answer says so', async () => {
	const r = await rule(admin, { item: uniq('志愿服务'), category: '志愿服务', points: 4, cap: 10 });
	const got = [];
	for (let i = 0; i < 4; i++) {
		const cl = expectStatus(await me1.post('/api/claims', { rule_id: r.id, description: `第${i + 1}次` }), 201, srv);
		got.push(expectStatus(await sec1.post(`/api/claims/${cl.id}/approve`), 200, srv));
	}
	assert.deepEqual(got.map((x) => x.points), [4, 4, 2, 0]);
	assert.deepEqual(got.map((x) => x.capped), [false, false, true, true]);
	assert.match(got[2].message, /上限/);
	assert.equal(got[2].entry.asked, 4);
	assert.equal(got[2].entry.points, 2);
	// direct awards follow the same cap
	const a = expectStatus(await award(sec1, m1, r), 201, srv);
	assert.equal(a.points, 0);
	assert.equal(a.capped, true);
});

test('direct awards: scope, back-dating by a committee only, rule applicability', async () => {
	const r = await rule(admin, { item: uniq('完成专项'), points: 3 });
	expectError(await award(sec3, m1, r), 403, 'forbidden', undefined, srv);
	expectError(await award(me1, m1, r), 403, 'forbidden', undefined, srv);
	expectError(await award(sec1, m1, r, { occurred_on: '2024-05-01' }), 403, 'forbidden', 'occurred_on', srv);
	expectError(await award(committee, m1, r, { occurred_on: '2099-01-01' }), 422, 'invalid_field', 'occurred_on', srv);
	const old = expectStatus(await award(committee, m1, r, { occurred_on: '2024-05-01' }), 201, srv);
	assert.equal(old.entry.occurred_on, '2024-05-01');
	assert.equal(old.entry.quarter, '2024Q2');
	const d2 = await rule(committee2, { item: uniq('乙区专项'), points: 2 });
	expectError(await award(admin, m1, d2), 422, 'invalid_field', 'rule_id', srv);
	expectError(await admin.post('/api/ledger', { rule_id: r.id, reason: 'x' }), 422, 'invalid_field', 'member_id', srv);
	expectError(await admin.post('/api/ledger', { member_id: 999999, rule_id: r.id, reason: 'x' }), 422, 'invalid_field', 'member_id', srv);
	const e = expectStatus(await award(sec1, m2, r), 201, srv);
	assert.equal(e.points, 3);
	expectStatus(await sec1.get(`/api/ledger/${e.id}`), 200, srv);
	expectError(await sec3.get(`/api/ledger/${e.id}`), 404, 'not_found', undefined, srv);
});

test('a reversal is a new entry pointing at the one it reverses, once', async () => {
	const r = await rule(admin, { item: uniq('主题党日组织'), points: 7 });
	const e = expectStatus(await award(sec1, m2, r), 201, srv);
	expectError(await sec3.post(`/api/ledger/${e.id}/reverse`, { reason: '误记' }), 403, 'forbidden', undefined, srv);
	expectError(await sec1.post(`/api/ledger/${e.id}/reverse`, {}), 422, 'invalid_field', 'reason', srv);
	const rv = expectStatus(await sec1.post(`/api/ledger/${e.id}/reverse`, { reason: '误记' }), 201, srv);
	assert.equal(rv.points, -7);
	assert.equal(rv.entry.reverses_id, e.id);
	assert.equal(rv.entry.source, 'reversal');
	const orig = expectStatus(await sec1.get(`/api/ledger/${e.id}`), 200, srv);
	assert.equal(orig.points, 7, 'the original entry is unchanged');
	assert.equal(orig.reversed_by, rv.id);
	expectError(await sec1.post(`/api/ledger/${e.id}/reverse`, { reason: '再次' }), 409, 'already_reversed', undefined, srv);
	expectError(await sec1.post(`/api/ledger/${rv.id}/reverse`, { reason: '再次' }), 409, 'is_reversal', undefined, srv);
});

test('deductions stop at the floor; a veto zeroes the year and blocks further points until reversed', async () => {
	const m = await createMember(admin, { org_id: b2.id }, srv);
	const plus = await rule(admin, { item: uniq('完成任务'), points: 10 });
	const minus = await rule(admin, { category: '负面清单', item: uniq('迟交材料'), points: -15 });
	const veto = await rule(admin, { category: '负面清单', item: uniq('严重违纪'), points: 0, veto: true, approver_role: 'committee' });
	expectStatus(await award(admin, m, plus), 201, srv);
	const d = expectStatus(await award(admin, m, minus), 201, srv);
	assert.equal(d.points, -10, 'the year does not fall below the floor of 0');
	assert.equal(d.floored, true);
	expectStatus(await award(admin, m, plus), 201, srv);
	expectError(await sec1.post('/api/ledger', { member_id: m.id, rule_id: veto.id, reason: 'x' }), 403, 'forbidden', undefined, srv);
	const v = expectStatus(await award(committee, m, veto), 201, srv);
	assert.equal(v.veto, true);
	assert.equal(v.points, -10);
	const blocked = await award(admin, m, plus);
	expectError(blocked, 409, 'vetoed', undefined, srv);
	const board = expectStatus(await admin.get(`/api/leaderboards/members?org=${b2.id}&period=${YEAR}`), 200, srv);
	const row = board.items.find((x) => x.member_id === m.id);
	assert.equal(row.points, 0);
	assert.equal(row.vetoed, true);
	expectError(await admin.post(`/api/ledger/${d.id}/reverse`, { reason: 'x' }), 409, 'vetoed', undefined, srv);
	expectStatus(await admin.post(`/api/ledger/${v.id}/reverse`, { reason: '处分撤销' }), 201, srv);
	expectStatus(await award(admin, m, plus), 201, srv);
});

test('leaderboards: ties share a rank (1, 1, 3), peers of one kind, change of rank, scope', async () => {
	const org = await createOrg(admin, { name: uniq('榜单机关党委'), kind: 'organ_committee', level: 'county', parent_id: dist.id }, srv);
	const ba = await createOrg(admin, { name: uniq('甲支部'), kind: 'branch', level: 'county', parent_id: org.id }, srv);
	const bb = await createOrg(admin, { name: uniq('乙支部'), kind: 'branch', level: 'county', parent_id: org.id }, srv);
	const xs = [];
	for (let i = 0; i < 3; i++) xs.push(await createMember(admin, { org_id: i < 2 ? ba.id : bb.id }, srv));
	const r5 = await rule(admin, { item: uniq('先锋任务'), points: 5 });
	const r2 = await rule(admin, { item: uniq('一般任务'), points: 2 });
	expectStatus(await award(admin, xs[0], r5), 201, srv);
	expectStatus(await award(admin, xs[1], r5), 201, srv);
	expectStatus(await award(admin, xs[2], r2), 201, srv);
	// last year: xs[2] led
	expectStatus(await award(admin, xs[2], r5, { occurred_on: `${Number(YEAR) - 1}-06-01` }), 201, srv);
	expectStatus(await award(admin, xs[0], r2, { occurred_on: `${Number(YEAR) - 1}-06-01` }), 201, srv);
	const b = expectStatus(await committee.get(`/api/leaderboards/members?org=${org.id}&period=${YEAR}&limit=50`), 200, srv);
	assert.deepEqual(b.items.map((x) => x.rank), [1, 1, 3]);
	assert.deepEqual(b.items.map((x) => x.points), [5, 5, 2]);
	assert.equal(b.previous_period, String(Number(YEAR) - 1));
	const row0 = b.items.find((x) => x.member_id === xs[0].id);
	assert.equal(row0.prev_rank, 2);
	assert.equal(row0.change, 1);
	assert.equal(b.items.find((x) => x.member_id === xs[1].id).prev_rank, null);
	assert.equal(b.items.find((x) => x.member_id === xs[2].id).change, -2);
	const ob = expectStatus(await committee.get(`/api/leaderboards/orgs?org=${org.id}&kind=branch&period=${YEAR}`), 200, srv);
	assert.deepEqual(ob.items.map((x) => x.org_id), [ba.id, bb.id]);
	assert.equal(ob.items[0].points, 10);
	assert.equal(ob.items[0].headcount, 2);
	assert.equal(ob.items[0].average, 5);
	assert.equal(ob.items[1].average, 2);
	assert.equal(ob.items[1].prev_rank, 1);
	// every row names the parent of its organization (member rows: the
	// member's org; org rows: the org itself), so a page needs no other call
	for (const x of b.items) {
		assert.equal(x.org_parent_id, org.id);
		assert.equal(x.org_parent_name, org.name);
	}
	for (const x of ob.items) {
		assert.equal(x.org_parent_id, org.id);
		assert.equal(x.org_parent_name, org.name);
	}
	const ob2 = expectStatus(await committee.get(`/api/leaderboards/orgs?org=${dist.id}&kind=organ_committee&period=${YEAR}`), 200, srv);
	assert.ok(ob2.items.some((x) => x.org_id === org.id));
	for (const x of ob2.items) {
		assert.equal(x.org_parent_id, dist.id);
		assert.equal(x.org_parent_name, dist.name);
	}
	assert.ok(ob2.items.every((x) => x.org_id !== ba.id), 'only peers of one kind');
	expectError(await committee2.get(`/api/leaderboards/members?org=${org.id}&period=${YEAR}`), 404, 'not_found', undefined, srv);
	expectError(await committee.get(`/api/leaderboards/members?org=${org.id}&period=2024Q5`), 422, 'invalid_field', 'period', srv);
	expectError(await committee.get(`/api/leaderboards/members?org=${org.id}&period=${YEAR}&limit=500`), 422, 'invalid_field', 'limit', srv);
	expectError(await committee.get(`/api/leaderboards/orgs?org=${org.id}&kind=club&period=${YEAR}`), 422, 'invalid_field', 'kind', srv);
	// a member reads the boards of its own organization, not others
	expectStatus(await me1.get(`/api/leaderboards/members?org=${b1.id}&period=${YEAR}`), 200, srv);
	expectStatus(await me1.get(`/api/leaderboards/members?org=${dist.id}&period=${YEAR}`), 200, srv);
	expectError(await me1.get(`/api/leaderboards/members?org=${b3.id}&period=${YEAR}`), 404, 'not_found', undefined, srv);
});

test('leaderboard rows name the parent organization across many orgs (more than one query of 50), and the root\'s parent is null', async () => {
	const top = await createOrg(admin, { name: uniq('大机关党委'), kind: 'organ_committee', level: 'county', parent_id: dist2.id }, srv);
	const r1 = await rule(admin, { item: uniq('攻坚任务'), points: 3 });
	const branches = [];
	for (let i = 0; i < 3; i++) {
		const gb = await createOrg(admin, { name: uniq('党总支'), kind: 'general_branch', level: 'county', parent_id: top.id }, srv);
		for (let k = 0; k < 19; k++) {
			const br = await createOrg(admin, { name: uniq('支部'), kind: 'branch', level: 'county', parent_id: gb.id }, srv);
			branches.push([br, gb]);
		}
	}
	// one member with points in 55 of the 57 branches: more than 50 orgs on one board
	for (const [br] of branches.slice(0, 55)) {
		const m = await createMember(admin, { org_id: br.id }, srv);
		expectStatus(await award(admin, m, r1), 201, srv);
	}
	const parentOf = new Map(branches.map(([br, gb]) => [br.id, gb]));
	const b = expectStatus(await admin.get(`/api/leaderboards/members?org=${top.id}&period=${YEAR}&limit=200`), 200, srv);
	assert.equal(b.items.length, 55);
	for (const x of b.items) {
		assert.equal(x.org_parent_id, parentOf.get(x.org_id).id, `parent of ${x.org_name}`);
		assert.equal(x.org_parent_name, parentOf.get(x.org_id).name);
	}
	const ob = expectStatus(await admin.get(`/api/leaderboards/orgs?org=${top.id}&kind=branch&period=${YEAR}&limit=200`), 200, srv);
	assert.equal(ob.items.length, 57);
	for (const x of ob.items) assert.equal(x.org_parent_name, parentOf.get(x.org_id).name);
	// the board's own org ranked among its peers: its parent lies outside the board
	const gbs = expectStatus(await admin.get(`/api/leaderboards/orgs?org=${top.id}&kind=organ_committee&period=${YEAR}`), 200, srv);
	assert.equal(gbs.items.length, 1);
	assert.equal(gbs.items[0].org_parent_id, dist2.id);
	assert.equal(gbs.items[0].org_parent_name, dist2.name);
	const roots = expectStatus(await admin.get(`/api/leaderboards/orgs?org=${city.id}&kind=work_committee&period=${YEAR}`), 200, srv);
	const cityRow = roots.items.find((x) => x.org_id === city.id);
	assert.equal(cityRow.org_parent_id, null);
	assert.equal(cityRow.org_parent_name, null);
});

test('a member sees its own points: total, ranks in branch and unit, months, entries explained', async () => {
	const page = expectStatus(await me1.get('/api/points/me'), 200, srv);
	assert.equal(page.member_id, m1.id);
	assert.equal(page.year, YEAR);
	assert.ok(page.total > 0);
	assert.equal(page.branch.org_id, b1.id);
	assert.equal(page.branch.rank, 1);
	assert.equal(page.unit.org_id, unit.id);
	assert.ok(page.unit.rank >= 1);
	assert.ok(page.months.length >= 1);
	assert.equal(page.months.reduce((s, x) => s + x.points, 0), page.points);
	assert.ok(page.entries.length >= 1);
	assert.ok(page.entries.every((e) => e.member_id === m1.id && typeof e.item === 'string' && typeof e.rule_version === 'number'));
	assert.ok(page.entries.some((e) => /上限/.test(e.note)), 'a capped entry explains itself');
	expectError(await admin.get('/api/points/me'), 404, 'not_a_member', undefined, srv);
	const led = expectList(await me1.get('/api/ledger'), srv);
	assert.ok(led.items.every((e) => e.member_id === m1.id));
	expectError(await me1.get('/api/ledger?period=2024-13'), 422, 'invalid_field', 'period', srv);
});

test('organization points have their own rulebook', async () => {
	const r = expectStatus(await admin.post('/api/point-rules', { kind: 'org', category: '创先争优', item: uniq('获评先进基层党组织'), points: 20 }), 201, srv);
	assert.equal(r.approver_role, 'committee');
	expectError(await admin.post('/api/ledger', { member_id: m1.id, rule_id: r.id, reason: 'x' }), 422, 'invalid_field', 'rule_id', srv);
	expectError(await committee.post('/api/ledger', { org_id: dist.id, rule_id: r.id, reason: '自评' }), 403, 'forbidden', undefined, srv);
	const e = expectStatus(await committee.post('/api/ledger', { org_id: b1.id, rule_id: r.id, reason: '获评先进' }), 201, srv);
	assert.equal(e.points, 20);
	assert.equal(e.entry.member_id, null);
	const ob = expectStatus(await committee.get(`/api/leaderboards/orgs?org=${unit.id}&kind=branch&period=${YEAR}&by=org_points`), 200, srv);
	assert.equal(ob.items[0].org_id, b1.id);
	assert.equal(ob.items[0].org_points, 20);
});

test('yearly base score and floor are set by the admin', async () => {
	expectError(await committee.request('PUT', '/api/point-settings', { kind: 'member', year: 2020, base: 60, floor: 0 }), 403, 'forbidden', undefined, srv);
	expectError(await admin.request('PUT', '/api/point-settings', { kind: 'member', year: 2020, base: 60, floor: 70 }), 422, 'invalid_field', 'floor', srv);
	const s = expectStatus(await admin.request('PUT', '/api/point-settings', { kind: 'member', year: 2020, base: 60, floor: 40 }), 200, srv);
	assert.equal(s.base, 60);
	const g = expectStatus(await me1.get('/api/point-settings?year=2020'), 200, srv);
	assert.deepEqual(g, { kind: 'member', year: 2020, base: 60, floor: 40 });
});

function runVerify(db) {
	return new Promise((resolve) => {
		execFile(XF_BIN, ['points', 'verify', '--db', db], { timeout: 60000 }, (err, stdout, stderr) => {
			resolve({ code: err ? err.code : 0, stdout, stderr });
		});
	});
}

test('after a random mix of writes, points verify finds the totals equal to the ledger', async () => {
	const rules = [];
	rules.push(await rule(admin, { item: uniq('随机甲'), points: 3, cap: 12, cap_period: 'month' }));
	rules.push(await rule(admin, { item: uniq('随机乙'), points: 5, cap: 20, cap_period: 'quarter' }));
	rules.push(await rule(admin, { category: '负面清单', item: uniq('随机扣分'), points: -4 }));
	const members = [m1, m2, m3];
	const entries = [];
	let seed = 12345;
	const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
	for (let i = 0; i < 60; i++) {
		const k = rnd(10);
		const m = members[rnd(members.length)];
		if (k < 6) {
			const months = ['01', '03', '05', '08', '11'];
			const date = `${Number(YEAR) - rnd(2)}-${months[rnd(5)]}-1${rnd(9)}`;
			const useDate = date <= todayShanghai() ? { occurred_on: date } : {};
			const res = await award(committee, m, rules[rnd(rules.length)], useDate);
			if (res.status === 201) entries.push(res.body.id);
			else assert.equal(res.status, 409, res.text);
		} else if (k < 8 && entries.length) {
			const id = entries.splice(rnd(entries.length), 1)[0];
			const res = await committee.post(`/api/ledger/${id}/reverse`, { reason: '随机冲正' });
			assert.ok([201, 409].includes(res.status), res.text);
		} else {
			const cl = await me1.post('/api/claims', { rule_id: rules[rnd(2)].id, description: '随机申报' });
			expectStatus(cl, 201, srv);
			if (rnd(2)) expectStatus(await sec1.post(`/api/claims/${cl.body.id}/approve`), 200, srv);
		}
	}
	const v = await runVerify(srv.db);
	assert.equal(v.code, 0, `${v.stdout}\n${v.stderr}`);
	assert.match(v.stdout, /0 differences/);
	assert.doesNotMatch(v.stdout, / 0 totals checked/);
});


test('points verify reports a damaged member total, org total and a stray total, and nothing else', async () => {
	const r = await rule(admin, { item: uniq('核对项'), points: 2 });
	expectStatus(await award(admin, m2, r), 201, srv);
	expectStatus(await award(admin, m4, r), 201, srv);
	const clean = await runVerify(srv.db);
	assert.equal(clean.code, 0, clean.stdout + clean.stderr);
	await rawSql(srv.db, `UPDATE point_member_totals SET points = points + 7 WHERE member_id = ${m2.id} AND period = '${YEAR}'`);
	await rawSql(srv.db, `UPDATE point_org_totals SET entries = entries + 1 WHERE org_id = ${b3.id} AND period = '${YEAR}'`);
	// a kept total of a member id far beyond every id in the ledger
	await rawSql(srv.db, `INSERT INTO point_member_totals (member_id, period, org_id, org_path, points, entries, vetoed, last_entry_id) VALUES (9000000000000, '${YEAR}', ${b1.id}, '/', 5, 1, 0, 0)`);
	// and one of an org id beyond them
	await rawSql(srv.db, `INSERT INTO point_org_totals (org_id, period, points, entries, members, org_points, org_entries) VALUES (9000000000000, '${YEAR}', 5, 1, 1, 0, 0)`);
	try {
		const v = await runVerify(srv.db);
		assert.equal(v.code, 1, v.stdout + v.stderr);
		assert.match(v.stdout, / 4 differences/);
		assert.match(v.stdout, new RegExp(`member ${m2.id} period ${YEAR}: points kept \\d+, ledger gives`));
		assert.match(v.stdout, new RegExp(`org ${b3.id} period ${YEAR}: entries kept`));
		assert.match(v.stdout, /member 9000000000000 period \d+: in totals but not in the ledger/);
		assert.match(v.stdout, /org 9000000000000 period \d+: in totals but not in the ledger/);
	} finally {
		await rawSql(srv.db, 'DELETE FROM point_org_totals WHERE org_id = 9000000000000');
		await rawSql(srv.db, `UPDATE point_member_totals SET points = points - 7 WHERE member_id = ${m2.id} AND period = '${YEAR}'`);
		await rawSql(srv.db, `UPDATE point_org_totals SET entries = entries - 1 WHERE org_id = ${b3.id} AND period = '${YEAR}'`);
		await rawSql(srv.db, 'DELETE FROM point_member_totals WHERE member_id = 9000000000000');
	}
	const again = await runVerify(srv.db);
	assert.equal(again.code, 0, again.stdout + again.stderr);
});

test('concurrent writes keep caps and claim decisions exact, also from two servers on one database', async (t) => {
	// a second server: writers in two processes do not queue on one
	// process's locks, so only the database keeps them apart
	const srv2 = await startServer({ db: srv.db, attach: true });
	t.after(() => srv2.stop());
	const sec1b = new Client(srv2, { mode: 'bearer', token: sec1.token, csrf: sec1.csrf, user: sec1.user });
	const sec = (i) => (i % 2 ? sec1b : sec1);
	// 12 claims of 4 points approved at once under a cap of 10: 4 + 4 + 2
	const r = await rule(admin, { item: uniq('并发上限'), points: 4, cap: 10 });
	const claims = [];
	for (let i = 0; i < 12; i++) claims.push(expectStatus(await me1.post('/api/claims', { rule_id: r.id, description: `并发${i}` }), 201, srv));
	const approved = await Promise.all(claims.map((cl, i) => sec(i).post(`/api/claims/${cl.id}/approve`)));
	const points = approved.map((res) => expectStatus(res, 200, srv).points);
	assert.equal(points.reduce((x, y) => x + y, 0), 10, points.join(' '));
	// and direct awards at the same time as more approvals: still nothing beyond the cap
	const more = expectStatus(await me1.post('/api/claims', { rule_id: r.id, description: '再申报' }), 201, srv);
	const mixed = await Promise.all([
		sec1.post(`/api/claims/${more.id}/approve`),
		...Array.from({ length: 6 }, (_, i) => award(sec(i), m1, r)),
	]);
	for (const res of mixed) assert.equal(expectStatus(res, res.status === 200 ? 200 : 201, srv).points, 0);
	// one claim approved by many at once: one decision, the others refused
	const one = expectStatus(await me1.post('/api/claims', { rule_id: (await rule(admin, { item: uniq('并发审核') })).id, description: '一次' }), 201, srv);
	const decisions = await Promise.all(Array.from({ length: 8 }, (_, i) => sec(i).post(`/api/claims/${one.id}/approve`)));
	assert.equal(decisions.filter((res) => res.status === 200).length, 1);
	for (const res of decisions.filter((x) => x.status !== 200)) expectError(res, 409, 'already_decided', undefined, srv);
	// awards to several members of one branch at once: every one counted
	const r2 = await rule(admin, { item: uniq('并发记分'), points: 1 });
	const many = await Promise.all(Array.from({ length: 24 }, (_, i) => award(committee, [m1, m2, m3][i % 3], r2)));
	for (const res of many) assert.equal(expectStatus(res, 201, srv).points, 1);
	const v = await runVerify(srv.db);
	assert.equal(v.code, 0, v.stdout + v.stderr);
});

test('points verify while awards keep coming finds no difference (one snapshot for all its connections)', async () => {
	const r = await rule(admin, { item: uniq('并发核对'), points: 1 });
	const members = [m1, m2, m3];
	let stop = false;
	const statuses = [];
	const writer = (async () => {
		for (let i = 0; !stop; i++) statuses.push((await award(committee, members[i % members.length], r)).status);
	})();
	const runs = [];
	try {
		for (let i = 0; i < 5; i++) runs.push(await runVerify(srv.db));
	} finally {
		stop = true;
		await writer;
	}
	for (const v of runs) {
		assert.equal(v.code, 0, v.stdout + v.stderr);
		assert.match(v.stdout, / 0 differences/);
	}
	assert.ok(statuses.length > 0);
	assert.ok(statuses.every((s) => s === 201), statuses.join(' '));
});

test('every points write leaves an audit record', async () => {
	const r = await rule(admin, { item: uniq('审计项'), points: 1 });
	const e = expectStatus(await award(admin, m3, r), 201, srv);
	const audit = expectList(await admin.get('/api/audit?size=200'), srv);
	assert.ok(audit.items.some((x) => x.entity === 'point_entry' && x.entity_id === e.id));
	assert.ok(audit.items.some((x) => x.entity === 'point_rule' && x.entity_id === r.id));
});
