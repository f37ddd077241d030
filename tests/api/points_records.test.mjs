// Points written from records (自动记分): a rule of the rulebook names a
// kind of record (attendance at a meeting of a kind, a meeting held, 第一议题
// studied, a milestone done on time, duty evidence recorded); writing the
// record writes the entry in the same transaction, once, under the rule's
// cap; correcting or deleting the record reverses it; `points verify`
// finds no difference afterwards. Rules are checked when written, and a
// rule of one district does not score records of another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
	XF_BIN, expectStatus, expectError, expectList, uniq, todayShanghai, dayFromToday,
} from './harness.mjs';
import { startWithTree, membersOf, clientsFor, pointRule } from './fixtures.mjs';

let srv, admin, city, dist, dist2, b1, b2, c1;
let m1, m2, m3, mc, mv;
let committee, committee2, sec1, sec2, secC;
const TODAY = todayShanghai();
const YEAR = TODAY.slice(0, 4);
// today, early in the morning in Asia/Shanghai: never after the server's now
const HELD_AT = `${TODAY}T00:00:01+08:00`;

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', c1: 'dist2',
	}, { established_on: '2010-01-01' }));
	[m1, m2, m3, mc, mv] = await membersOf(admin, srv, [b1, b1, b1, c1, b1]);
	({ committee, committee2, sec1, sec2, secC } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2],
		sec1: ['secretary', b1], sec2: ['secretary', b2], secC: ['secretary', c1],
	}));
});
after(async () => { await srv?.stop(); });

const rule = (client, fields) => pointRule(client, srv, { category: '组织生活', needs_approval: false, ...fields });

async function meeting(client, fields = {}) {
	return expectStatus(await client.post('/api/meetings', {
		org_id: b1.id, kind: 'party_lecture', held_at: HELD_AT, topic: uniq('党课'), lecturer: '王书记',
		first_topic: null, ...fields,
	}), 201, srv);
}

function attend(client, m, items) {
	return client.request('PUT', `/api/meetings/${m.id}/attendance`, { items });
}

/** The entries in force of one rule for a member (or an org): not
 * reversals, not reversed. */
async function entriesOf(r, { member, org } = {}) {
	const q = member ? `member_id=${member.id}` : `org=${org.id}`;
	const all = [];
	for (let page = 1; ; page++) {
		const l = expectList(await admin.get(`/api/ledger?${q}&size=200&page=${page}`), srv);
		all.push(...l.items);
		if (all.length >= l.total || l.items.length === 0) break;
	}
	return all.filter((e) => e.rule_id === r.id && e.source === 'record' && e.reversed_by === null
		&& (member ? e.member_id === member.id : e.member_id === null));
}

/** A member's kept total of the year, from the members' board. */
async function memberPoints(member, org) {
	const b = expectStatus(await admin.get(`/api/leaderboards/members?org=${org.id}&period=${YEAR}&limit=200`), 200, srv);
	const row = b.items.find((x) => x.member_id === member.id);
	return row ? row.points : 0;
}

function runVerify(db) {
	return new Promise((resolve) => {
		execFile(XF_BIN, ['points', 'verify', '--db', db], { timeout: 60000 }, (err, stdout, stderr) => {
			resolve({ code: err ? err.code : 0, stdout, stderr });
		});
	});
}

test('a rule names a record kind (and a meeting kind); the rule and the catalogue show it', async () => {
	// for b2 only: the tests below count b1's points
	const r = await rule(committee, { item: uniq('参加党课'), points: 2, record_kind: 'meeting_attendance',
		record_qualifier: 'party_lecture', org_id: b2.id });
	assert.equal(r.record_kind, 'meeting_attendance');
	assert.equal(r.record_qualifier, 'party_lecture');
	assert.equal(r.versions[0].record_kind, 'meeting_attendance');
	const manual = await rule(committee, { item: uniq('手工项'), points: 1, org_id: b2.id });
	assert.equal(manual.record_kind, null);
	assert.equal(manual.record_qualifier, null);
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	const kinds = cat.point_record_kinds ?? cat.catalogues?.point_record_kinds;
	assert.ok(Array.isArray(kinds), JSON.stringify(Object.keys(cat)));
	assert.ok(kinds.some((k) => k.code === 'meeting_attendance' && /会议/.test(k.label)));
});

test('bad record rules are refused with 422 naming the field, and nothing is written', async () => {
	const before = expectList(await admin.get('/api/point-rules?kind=org'), srv).items.length;
	const base = { category: '组织生活', item: uniq('坏规则'), points: 2, needs_approval: false };
	expectError(await admin.post('/api/point-rules', { ...base, record_kind: 'likes' }), 422, 'invalid_field', 'record_kind', srv);
	expectError(await admin.post('/api/point-rules', { ...base, record_kind: 'meeting_attendance', record_qualifier: 'coffee' }),
		422, 'invalid_field', 'record_qualifier', srv);
	expectError(await admin.post('/api/point-rules', { ...base, record_qualifier: 'party_lecture' }),
		422, 'invalid_field', 'record_qualifier', srv);
	expectError(await admin.post('/api/point-rules', { ...base, record_kind: 'milestone_on_time' }),
		422, 'invalid_field', 'record_kind', srv); // a milestone scores its organization
	expectError(await admin.post('/api/point-rules', { ...base, kind: 'org', record_kind: 'meeting_attendance' }),
		422, 'invalid_field', 'record_kind', srv);
	expectError(await admin.post('/api/point-rules', { ...base, kind: 'org', record_kind: 'milestone_on_time', record_qualifier: 'party_lecture' }),
		422, 'invalid_field', 'record_qualifier', srv);
	expectError(await admin.post('/api/point-rules', { ...base, category: '负面清单', points: 0, veto: true, record_kind: 'meeting_attendance' }),
		422, 'invalid_field', 'veto', srv);
	const after = expectList(await admin.get('/api/point-rules?kind=org'), srv).items.length;
	assert.equal(after, before);
});

let lectureRule; // dist: 2 points per 党课 attended, at most 4 a year

test('attendance at a 党课 awards each member present once, in the same answer', async () => {
	lectureRule = await rule(committee, { item: uniq('参加党课'), points: 2, cap: 4, cap_period: 'year',
		record_kind: 'meeting_attendance', record_qualifier: 'party_lecture', org_id: dist.id });
	const before1 = await memberPoints(m1, b1);
	const mt = await meeting(sec1);
	expectStatus(await attend(sec1, mt, [
		{ member_id: m1.id, status: 'present' }, { member_id: m2.id, status: 'late' },
		{ member_id: m3.id, status: 'absent' }]), 200, srv);
	assert.equal(await memberPoints(m1, b1), before1 + 2, 'read right after the write');
	const e1 = await entriesOf(lectureRule, { member: m1 });
	assert.equal(e1.length, 1);
	assert.equal(e1[0].source, 'record');
	assert.equal(e1[0].record_ref, `attendance:${mt.id}:${m1.id}`);
	assert.equal(e1[0].occurred_on, TODAY);
	assert.equal(e1[0].points, 2);
	assert.match(e1[0].reason, /党课/);
	assert.equal((await entriesOf(lectureRule, { member: m2 })).length, 1, 'late counts as attended');
	assert.equal((await entriesOf(lectureRule, { member: m3 })).length, 0, 'absent scores nothing');
	const entry = expectStatus(await admin.get(`/api/ledger/${e1[0].id}`), 200, srv);
	assert.equal(entry.record_ref, e1[0].record_ref);

	// the same register again: no second entry
	expectStatus(await attend(sec1, mt, [
		{ member_id: m1.id, status: 'present' }, { member_id: m2.id, status: 'late' },
		{ member_id: m3.id, status: 'absent' }]), 200, srv);
	assert.equal((await entriesOf(lectureRule, { member: m1 })).length, 1);
	assert.equal(await memberPoints(m1, b1), before1 + 2);

	// m1 taken off the register, m3 now present: m1 reversed, m3 awarded
	expectStatus(await attend(sec1, mt, [
		{ member_id: m2.id, status: 'late' }, { member_id: m3.id, status: 'present' }]), 200, srv);
	assert.equal((await entriesOf(lectureRule, { member: m1 })).length, 0);
	assert.equal(await memberPoints(m1, b1), before1, 'totals back');
	assert.equal((await entriesOf(lectureRule, { member: m3 })).length, 1);
	const led = expectList(await admin.get(`/api/ledger?member_id=${m1.id}&size=200`), srv);
	const rev = led.items.find((x) => x.reverses_id === e1[0].id);
	assert.ok(rev, 'a reversal entry');
	assert.equal(rev.source, 'reversal');
	assert.equal(rev.points, -2);

	// back to present: a new entry, not the reversed one
	expectStatus(await attend(sec1, mt, [{ member_id: m1.id, status: 'present' },
		{ member_id: m2.id, status: 'late' }, { member_id: m3.id, status: 'present' }]), 200, srv);
	assert.equal((await entriesOf(lectureRule, { member: m1 })).length, 1);
	assert.equal(await memberPoints(m1, b1), before1 + 2);
});

test('a meeting of another kind does not score a rule for 党课; a record rule takes no claims or awards', async () => {
	const before1 = await memberPoints(m1, b1);
	const mt = await meeting(sec1, { kind: 'theme_day', lecturer: null });
	expectStatus(await attend(sec1, mt, [{ member_id: m1.id, status: 'present' }]), 200, srv);
	assert.equal(await memberPoints(m1, b1), before1);
	expectError(await committee.post('/api/ledger', { member_id: m1.id, rule_id: lectureRule.id, reason: 'x' }),
		422, 'invalid_field', 'rule_id', srv);
	expectError(await sec1.post('/api/claims', { member_id: m1.id, rule_id: lectureRule.id, description: '参加党课' }),
		422, 'invalid_field', 'rule_id', srv);
});

test('the cap applies: a rule capped at 4 a year stops awarding after two lectures', async () => {
	const start = (await entriesOf(lectureRule, { member: m1 })).reduce((s, e) => s + e.points, 0);
	assert.equal(start, 2);
	const a = await meeting(sec1);
	expectStatus(await attend(sec1, a, [{ member_id: m1.id, status: 'present' }]), 200, srv);
	const b = await meeting(sec1);
	expectStatus(await attend(sec1, b, [{ member_id: m1.id, status: 'present' }]), 200, srv);
	const es = await entriesOf(lectureRule, { member: m1 });
	assert.equal(es.length, 3, 'every attendance has its entry');
	assert.equal(es.reduce((s, e) => s + e.points, 0), 4, 'but the year holds at most the cap');
	const capped = es.find((e) => e.points === 0);
	assert.ok(capped && /上限/.test(capped.note), 'the capped entry explains itself');
});

test('a meeting deleted reverses all its entries; meeting_held and first_topic score the organization', async () => {
	const held = await rule(committee, { kind: 'org', item: uniq('召开支委会'), points: 3, approver_role: 'committee',
		record_kind: 'meeting_held', record_qualifier: 'branch_committee', org_id: dist.id });
	const ft = await rule(committee, { kind: 'org', item: uniq('学习第一议题'), points: 1, approver_role: 'committee',
		record_kind: 'first_topic', org_id: dist.id });
	const ftMember = await rule(committee, { item: uniq('党员学习第一议题'), points: 1,
		record_kind: 'first_topic', org_id: dist.id });
	const att = await rule(committee, { item: uniq('出席会议'), points: 1, record_kind: 'meeting_attendance', org_id: dist.id });
	const mt = await meeting(sec1, { kind: 'branch_committee', lecturer: null, first_topic: null });
	assert.equal((await entriesOf(held, { org: b1 })).length, 1, 'the meeting held scores b1 at once');
	assert.equal((await entriesOf(ft, { org: b1 })).length, 0, 'no 第一议题 yet');
	expectStatus(await sec1.patch(`/api/meetings/${mt.id}`, {
		first_topic: { title: '学习重要讲话精神', source: '人民日报', speech_date: TODAY } }), 200, srv);
	const fte = await entriesOf(ft, { org: b1 });
	assert.equal(fte.length, 1, 'correcting the meeting adds its 第一议题');
	assert.equal(fte[0].record_ref, `first_topic:${mt.id}`);
	assert.equal((await entriesOf(held, { org: b1 })).length, 1, 'the meeting held once, still');
	expectStatus(await attend(sec1, mt, [{ member_id: m2.id, status: 'present' }, { member_id: m3.id, status: 'present' }]), 200, srv);
	assert.equal((await entriesOf(att, { member: m2 })).filter((e) => e.record_ref.startsWith(`attendance:${mt.id}:`)).length, 1);
	assert.equal((await entriesOf(ftMember, { member: m3 })).length, 1);
	const before2 = await memberPoints(m2, b1);
	expectStatus(await sec1.del(`/api/meetings/${mt.id}`), 200, srv);
	assert.equal((await entriesOf(held, { org: b1 })).length, 0);
	assert.equal((await entriesOf(ft, { org: b1 })).length, 0);
	assert.equal((await entriesOf(ftMember, { member: m3 })).length, 0);
	assert.equal((await entriesOf(att, { member: m2 })).filter((e) => e.record_ref.startsWith(`attendance:${mt.id}:`)).length, 0);
	assert.equal(await memberPoints(m2, b1), before2 - 2, 'attendance and 第一议题 taken back');
});

test('a milestone done on time scores the task\'s organization; done late does not; reopened reverses', async () => {
	const onTime = await rule(committee, { kind: 'org', item: uniq('按期完成节点'), points: 4, approver_role: 'committee',
		record_kind: 'milestone_on_time', org_id: dist.id });
	const t = expectStatus(await sec1.post('/api/tasks', {
		org_id: b1.id, title: uniq('任务'), start_on: dayFromToday(-30), due_on: dayFromToday(30),
		milestones: [{ title: '按期节点', due_on: dayFromToday(10) }, { title: '逾期节点', due_on: dayFromToday(-5) }],
	}), 201, srv);
	const [early, late] = t.milestones;
	expectStatus(await sec1.patch(`/api/tasks/${t.id}/milestones/${late.id}`, { done_on: TODAY }), 200, srv);
	assert.equal((await entriesOf(onTime, { org: b1 })).length, 0, 'done late: nothing');
	expectStatus(await sec1.patch(`/api/tasks/${t.id}/milestones/${early.id}`, { done_on: TODAY }), 200, srv);
	let es = await entriesOf(onTime, { org: b1 });
	assert.equal(es.length, 1);
	assert.equal(es[0].record_ref, `milestone:${early.id}`);
	assert.equal(es[0].points, 4);
	// the late one corrected to a day before its due date: now on time
	expectStatus(await sec1.patch(`/api/tasks/${t.id}/milestones/${late.id}`, { done_on: dayFromToday(-6) }), 200, srv);
	es = await entriesOf(onTime, { org: b1 });
	assert.equal(es.length, 2);
	const lateEntry = es.find((e) => e.record_ref === `milestone:${late.id}`);
	assert.equal(lateEntry.occurred_on, dayFromToday(-6));
	// reopened: reversed
	expectStatus(await sec1.patch(`/api/tasks/${t.id}/milestones/${early.id}`, { done_on: null }), 200, srv);
	es = await entriesOf(onTime, { org: b1 });
	assert.deepEqual(es.map((e) => e.record_ref), [`milestone:${late.id}`]);
	// the task deleted: everything reversed
	expectStatus(await sec1.del(`/api/tasks/${t.id}`), 200, srv);
	assert.equal((await entriesOf(onTime, { org: b1 })).length, 0);
});

test('duty evidence recorded for a post holder scores the member; removed or unassigned reverses', async () => {
	const dutyRule = await rule(committee, { category: '履职尽责', item: uniq('履职记实'), points: 2,
		record_kind: 'duty_evidence_accepted', org_id: dist.id });
	const duty = expectStatus(await admin.post('/api/duties', { org_id: city.id, year: Number(YEAR), level: 'branch',
		post: 'branch_secretary', title: uniq('抓好三会一课') }), 201, srv);
	const as = expectStatus(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: Number(YEAR),
		post: 'branch_secretary', member_id: m2.id }), 201, srv);
	const url = `/api/duties/${duty.id}/evidence`;
	const a = expectStatus(await sec1.post(url, { assignment_id: as.id, kind: 'record', on: TODAY, note: '督促召开支委会' }), 201, srv);
	const b = expectStatus(await sec1.post(url, { assignment_id: as.id, kind: 'record', on: TODAY, note: '讲授党课' }), 201, srv);
	let es = await entriesOf(dutyRule, { member: m2 });
	assert.deepEqual(es.map((e) => e.record_ref).sort(), [`duty_evidence:${a.id}`, `duty_evidence:${b.id}`].sort());
	expectStatus(await sec1.del(`${url}/${a.id}`), 200, srv);
	es = await entriesOf(dutyRule, { member: m2 });
	assert.deepEqual(es.map((e) => e.record_ref), [`duty_evidence:${b.id}`]);
	expectStatus(await sec1.del(`/api/duty-assignments/${as.id}`), 200, srv);
	assert.equal((await entriesOf(dutyRule, { member: m2 })).length, 0);
});

test('a vetoed year takes no record entry; a record entry is not reversed while the veto stands', async () => {
	const mt = await meeting(sec1);
	expectStatus(await attend(sec1, mt, [{ member_id: mv.id, status: 'present' }]), 200, srv);
	assert.equal((await entriesOf(lectureRule, { member: mv })).length, 1);
	const veto = await rule(committee, { category: '负面清单', item: uniq('严重违纪'), points: 0, veto: true, org_id: dist.id });
	const v = expectStatus(await committee.post('/api/ledger', { member_id: mv.id, rule_id: veto.id, reason: '处分' }), 201, srv);
	// taking mv off the register would reverse an entry of a vetoed year: refused, nothing changed
	expectError(await attend(sec1, mt, []), 409, 'vetoed', undefined, srv);
	const reg = expectStatus(await sec1.get(`/api/meetings/${mt.id}/attendance`), 200, srv);
	assert.ok(reg.items.some((x) => x.member_id === mv.id && x.status === 'present'), 'the register is unchanged');
	// a new meeting: attendance is recorded, but the vetoed year gets no entry
	const mt2 = await meeting(sec1);
	expectStatus(await attend(sec1, mt2, [{ member_id: mv.id, status: 'present' }]), 200, srv);
	assert.equal((await entriesOf(lectureRule, { member: mv })).length, 1);
	// the veto reversed: the correction goes through
	expectStatus(await committee.post(`/api/ledger/${v.id}/reverse`, { reason: '处分撤销' }), 201, srv);
	expectStatus(await attend(sec1, mt, []), 200, srv);
	const left = await entriesOf(lectureRule, { member: mv });
	assert.equal(left.length, 0);
});

test('the same register written by several requests at once still awards once', async () => {
	const r = await rule(committee, { item: uniq('出席支部党员大会'), points: 1, record_kind: 'meeting_attendance',
		record_qualifier: 'branch_congress', org_id: dist.id });
	const mt = await meeting(sec1, { kind: 'branch_congress', lecturer: null });
	const items = [{ member_id: m1.id, status: 'present' }, { member_id: m2.id, status: 'present' }];
	const answers = await Promise.all(Array.from({ length: 6 }, () => attend(sec1, mt, items)));
	for (const a of answers) expectStatus(a, 200, srv);
	assert.equal((await entriesOf(r, { member: m1 })).length, 1);
	assert.equal((await entriesOf(r, { member: m2 })).length, 1);
});

test('a rule of one district does not score records of another', async () => {
	const mine = await rule(committee2, { item: uniq('乙区出席党课'), points: 3, record_kind: 'meeting_attendance',
		org_id: dist2.id });
	const mt = await meeting(secC, { org_id: c1.id });
	expectStatus(await attend(secC, mt, [{ member_id: mc.id, status: 'present' }]), 200, srv);
	assert.equal((await entriesOf(lectureRule, { member: mc })).length, 0, 'the rule of 甲区 does not reach 乙区');
	assert.equal((await entriesOf(mine, { member: mc })).length, 1);
	const mb = await meeting(sec1);
	expectStatus(await attend(sec1, mb, [{ member_id: m3.id, status: 'present' }]), 200, srv);
	assert.equal((await entriesOf(mine, { member: m3 })).length, 0, 'nor the rule of 乙区 甲区');
	// a secretary of another branch cannot write the register, so no points either
	expectError(await sec2.request('PUT', `/api/meetings/${mb.id}/attendance`, { items: [{ member_id: m1.id, status: 'present' }] }),
		403, 'forbidden', undefined, srv);
});

test('after all that, points verify finds the totals equal to the ledger', async () => {
	const v = await runVerify(srv.db);
	assert.equal(v.code, 0, `${v.stdout}\n${v.stderr}`);
	assert.match(v.stdout, /0 differences/);
});
