// 发展党员 (recruitment): a person enters the procedure with the application,
// each of the 25 steps is recorded under the rules (a refusal is 422 with code
// "rule" and the rule in Chinese: a missing prerequisite, a date before the
// earliest one, an expired 政审, the branch meeting's vote), the member record
// appears at the approval (预备党员) and becomes 正式党员 at the conversion; the
// lists by stage and of what is due; the person's file; scope on the tree.
// Every date is built from the server's today, going back up to three years.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor, membersOf, TWO_DISTRICTS } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, todayShanghai, makeIdNumber, makePhone, maskId, uniq,
} from './harness.mjs';

let srv, admin, dist, b1, b2, b3;
let com, sec1, sec3, memberUser;
const TODAY = todayShanghai();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** day (YYYY-MM-DD) plus months (the day clamped to the month's end, as
 * the server counts) plus days. */
function plus(day, months, days = 0) {
	const [y, m, d] = day.split('-').map(Number);
	const total = y * 12 + (m - 1) + months;
	const ty = Math.floor(total / 12);
	const tm = total % 12;
	const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
	const base = Date.UTC(ty, tm, Math.min(d, last));
	return new Date(base + days * 86400000).toISOString().slice(0, 10);
}
/** Today plus months plus days. */
const at = (months, days = 0) => plus(TODAY, months, days);

before(async () => {
	({ srv, admin, dist, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	const [m1] = await membersOf(admin, srv, [b1]);
	({ com, sec1, sec3, memberUser } = await clientsFor(admin, srv, {
		com: ['committee', dist], sec1: ['secretary', b1], sec3: ['secretary', b3],
		memberUser: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

function person(fields = {}) {
	const gender = fields.gender ?? 'female';
	return {
		org_id: b1.id, name: uniq('张'), gender, id_number: makeIdNumber({ gender, birth: '19980315' }),
		phone: makePhone(), applied_on: at(-36), ...fields,
	};
}

const step = (client, r, body) => client.post(`/api/recruits/${r.id}/steps`, body);
const ok = async (client, r, body) => expectStatus(await step(client, r, body), 201, srv);
const vote = { members: 10, absent: 0, present: 8, yes: 8 };

/** Records the steps from `from` (a code; the talk when absent) to the one
 * before `stop` (a code; to the end when absent). */
async function walk(r, stop, from = 'talk') {
	const path = [
		['talk', at(-36, 10)],
		['activist', at(-35)],
		['activist_filed', at(-35, 5)],
		['mentors', at(-35, 5)],
		['culture', at(-22), { assessments: 2, reports: 4 }],
		['candidate', at(-22, 1)],
		['candidate_filed', at(-21)],
		['sponsors', at(-21)],
		['vetting', at(-21)],
		['training', at(-21, 3), { training_days: 3 }],
		['committee_review', at(-20)],
		['pre_review', at(-20, 5)],
		['volunteer_form', at(-20, 7)],
		['branch_vote', at(-20, 10), vote],
		['higher_talk', at(-20, 15)],
		['approval', at(-19)],
		['approval_filed', at(-19, 5)],
		['placement', at(-19, 5)],
		['oath', at(-19, 5)],
		['probation', at(-19, 5)],
		['conversion_apply', at(-6)],
		['conversion_vote', at(-6, 5), vote],
		['conversion_approval', at(-6, 10)],
		['archive', at(-5)],
	];
	let last;
	let on_ = false;
	for (const [code, on, extra] of path) {
		if (code === from) on_ = true;
		if (code === stop) break;
		if (!on_) continue;
		last = await ok(sec1, r, { step: code, done_on: on, ...extra });
	}
	return last;
}

test('the catalogue names the 25 steps and the 5 stages', async () => {
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	assert.equal(cat.recruit_steps.length, 25);
	assert.equal(cat.recruit_steps[0].label, '递交入党申请书');
	assert.deepEqual(cat.recruit_stages.map((s) => s.label),
		['入党申请人', '入党积极分子', '发展对象', '预备党员', '正式党员']);
});

test('the branch secretary enters an applicant: 201, the talk due a month after the application', async () => {
	const p = person({ applied_on: TODAY });
	const r = expectStatus(await sec1.post('/api/recruits', p), 201, srv);
	assert.equal(r.stage, 'applicant');
	assert.equal(r.org_id, b1.id);
	assert.equal(r.next_step, 'talk');
	assert.equal(r.due_step, 'talk');
	assert.equal(r.due_on, at(1));
	assert.equal(r.due_is_deadline, true);
	assert.equal(r.overdue, false);
	assert.ok(r.days_left >= 28 && r.days_left <= 31);
	assert.ok(r.id_number === p.id_number || r.id_number === maskId(p.id_number));
	assert.equal(r.steps.length, 1);
	assert.equal(r.steps[0].step, 'apply');
	assert.equal(r.steps[0].done_on, TODAY);
	assert.equal(r.timeline.length, 25);
	assert.deepEqual(r.timeline.slice(0, 3).map((l) => l.state), ['done', 'next', 'locked']);
	const audit = expectList(await admin.get(`/api/audit?entity=recruit&entity_id=${r.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
	// the committee above reads it; the ID number masked or not, as for members
	const seen = expectStatus(await com.get(`/api/recruits/${r.id}`), 200, srv);
	assert.ok(seen.id_number === p.id_number || seen.id_number === maskId(p.id_number));
});

test('bad input is refused, naming the field, and writes nothing', async () => {
	const before_ = expectList(await sec1.get(`/api/recruits?org=${b1.id}&size=200`), srv).total;
	const p = person();
	expectError(await sec1.post('/api/recruits', { ...p, id_number: '330201199803150000' }), 422, 'invalid_field', 'id_number', srv);
	expectError(await sec1.post('/api/recruits', { ...p, gender: 'male' }), 422, 'invalid_field', 'gender', srv);
	expectError(await sec1.post('/api/recruits', { ...p, phone: '12345' }), 422, 'invalid_field', 'phone', srv);
	expectError(await sec1.post('/api/recruits', { ...p, applied_on: at(0, 1) }), 422, 'rule', 'applied_on', srv);
	const young = person({ id_number: makeIdNumber({ gender: 'female', birth: at(-12 * 17).replaceAll('-', '') }), applied_on: TODAY });
	const e = expectError(await sec1.post('/api/recruits', young), 422, 'rule', 'applied_on', srv);
	assert.match(e.message, /年满十八周岁/);
	expectError(await sec1.post('/api/recruits', { ...p, extra: 1 }), 422, 'unknown_field', 'extra', srv);
	assert.equal(expectList(await sec1.get(`/api/recruits?org=${b1.id}&size=200`), srv).total, before_);
	const r = expectStatus(await sec1.post('/api/recruits', p), 201, srv);
	expectError(await sec1.post('/api/recruits', { ...p, name: uniq('李') }), 409, 'id_number_taken', 'id_number', srv);
	expectError(await step(sec1, r, { step: 'nope', done_on: TODAY }), 422, 'invalid_field', 'step', srv);
});

test('the rules refuse a step out of order, before its earliest date, or after the 政审 expired', async () => {
	const r = expectStatus(await sec1.post('/api/recruits', person()), 201, srv);
	let e = expectError(await step(sec1, r, { step: 'activist', done_on: at(-35) }), 422, 'rule', 'step', srv);
	assert.match(e.message, /党组织派人谈话/);
	e = expectError(await step(sec1, r, { step: 'talk', done_on: at(-36, -1) }), 422, 'rule', 'done_on', srv);
	assert.match(e.message, /不能早于/);
	expectError(await step(sec1, r, { step: 'talk', done_on: at(0, 1) }), 422, 'rule', 'done_on', srv);
	await ok(sec1, r, { step: 'talk', done_on: at(-36, 10) });
	expectError(await step(sec1, r, { step: 'talk', done_on: at(-36, 11) }), 422, 'rule', 'step', srv);
	await ok(sec1, r, { step: 'activist', done_on: at(-35) });
	await ok(sec1, r, { step: 'activist_filed', done_on: at(-35, 5) });
	await ok(sec1, r, { step: 'mentors', done_on: at(-35, 5) });
	// the culture lasts a year
	// a day short of the year from the activist's day
	e = expectError(await step(sec1, r, { step: 'culture', done_on: plus(at(-35), 12, -1), assessments: 2, reports: 4 }), 422, 'rule', 'done_on', srv);
	assert.match(e.message, /满一年/);
	e = expectError(await step(sec1, r, { step: 'culture', done_on: at(-23), assessments: 2, reports: 3 }), 422, 'rule', 'reports', srv);
	assert.match(e.message, /思想汇报/);
	await ok(sec1, r, { step: 'culture', done_on: at(-23), assessments: 2, reports: 4 });
	await ok(sec1, r, { step: 'candidate', done_on: at(-23, 1) });
	for (const code of ['candidate_filed', 'sponsors', 'vetting']) await ok(sec1, r, { step: code, done_on: at(-22) });
	e = expectError(await step(sec1, r, { step: 'training', done_on: at(-22), training_days: 2, training_hours: 20 }), 422, 'rule', 'training_hours', srv);
	assert.match(e.message, /24学时/);
	await ok(sec1, r, { step: 'training', done_on: at(-22), training_hours: 24 });
	await ok(sec1, r, { step: 'committee_review', done_on: at(-21) });
	// the 政审 of 22 months ago is past its year
	e = expectError(await step(sec1, r, { step: 'pre_review', done_on: at(-9) }), 422, 'rule', 'done_on', srv);
	assert.match(e.message, /政治审查/);
	const got = expectStatus(await sec1.get(`/api/recruits/${r.id}`), 200, srv);
	assert.equal(got.steps.length, 12);
	assert.equal(got.stage, 'candidate');
	assert.equal(got.next_step, 'pre_review');
	// a new 政审 and committee review, then the 预审 passes
	await ok(sec1, r, { step: 'vetting', done_on: at(-9) });
	await ok(sec1, r, { step: 'committee_review', done_on: at(-9, 1) });
	await ok(sec1, r, { step: 'pre_review', done_on: at(-9, 2) });
});

test('the branch meeting\'s vote: more than half of those entitled present, and voting yes', async () => {
	const r = expectStatus(await sec1.post('/api/recruits', person()), 201, srv);
	await walk(r, 'branch_vote');
	const on = at(-20, 10);
	let e = expectError(await step(sec1, r, { step: 'branch_vote', done_on: on, members: 10, absent: 0, present: 5, yes: 5 }), 422, 'rule', 'present', srv);
	assert.match(e.message, /半数/);
	e = expectError(await step(sec1, r, { step: 'branch_vote', done_on: on, members: 10, absent: 0, present: 9, yes: 5 }), 422, 'rule', 'yes', srv);
	assert.match(e.message, /赞成/);
	expectError(await step(sec1, r, { step: 'branch_vote', done_on: on, members: 10, absent: 2, present: 9, yes: 9 }), 422, 'rule', 'present', srv);
	expectError(await step(sec1, r, { step: 'branch_vote', done_on: on }), 422, 'rule', 'members', srv);
	// 2 excused: 8 entitled, 5 present and 5 yes pass
	const got = await ok(sec1, r, { step: 'branch_vote', done_on: on, members: 10, absent: 2, present: 5, yes: 5 });
	const v = got.steps.find((s) => s.step === 'branch_vote');
	assert.deepEqual([v.members, v.absent, v.present, v.yes], [10, 2, 5, 5]);
	// the approval more than 3 months after the vote needs a re-vote
	await ok(sec1, r, { step: 'higher_talk', done_on: at(-20, 15) });
	e = expectError(await step(sec1, r, { step: 'approval', done_on: at(-16, 11) }), 422, 'rule', 'done_on', srv);
	assert.match(e.message, /三个月/);
	e = expectError(await step(sec1, r, { step: 'approval', done_on: at(-13, 11) }), 422, 'rule', 'done_on', srv);
	assert.match(e.message, /六个月/);
});

test('from application to 预备党员 and 正式党员: the member record follows', async () => {
	const p = person();
	const r = expectStatus(await sec1.post('/api/recruits', p), 201, srv);
	const probationary = await walk(r, 'approval_filed');
	assert.equal(probationary.stage, 'probationary');
	assert.ok(probationary.member_id);
	const m = expectStatus(await sec1.get(`/api/members/${probationary.member_id}`), 200, srv);
	assert.equal(m.status, 'probationary');
	assert.equal(m.joined_on, at(-19));
	assert.equal(m.name, p.name);
	assert.equal(m.org_id, b1.id);
	// the 预备期 lasts a year from the approval
	const e = expectError(await step(sec1, r, { step: 'conversion_apply', done_on: at(-7, -1) }), 422, 'rule', 'step', srv);
	assert.match(e.message, /继续教育考察/);
	const full = await walk(r, undefined, 'approval_filed');
	assert.equal(full.stage, 'full');
	assert.equal(full.next_step, null);
	assert.equal(full.overdue, false);
	assert.ok(full.timeline.every((l) => l.state === 'done'));
	const m2 = expectStatus(await sec1.get(`/api/members/${probationary.member_id}`), 200, srv);
	assert.equal(m2.status, 'full');
	assert.equal(m2.full_on, plus(at(-19), 12));
	const list = expectList(await sec1.get(`/api/recruits?org=${b1.id}&stage=full`), srv);
	assert.ok(list.items.some((x) => x.id === r.id));
	assert.ok(list.items.every((x) => x.stage === 'full'));
});

test('the 预备期 may be extended once by 6 to 12 months', async () => {
	const r = expectStatus(await sec1.post('/api/recruits', person()), 201, srv);
	await walk(r, 'conversion_approval');
	expectError(await step(sec1, r, { step: 'conversion_approval', done_on: at(-6, 10), extend_months: 5 }), 422, 'rule', 'extend_months', srv);
	const ext = await ok(sec1, r, { step: 'conversion_approval', done_on: at(-6, 10), extend_months: 6 });
	assert.equal(ext.stage, 'probationary');
	assert.equal(ext.next_step, 'conversion_apply');
	const end = plus(at(-19), 18);
	assert.equal(ext.due_on, end);
	expectError(await step(sec1, r, { step: 'conversion_apply', done_on: plus(end, 0, -1) }), 422, 'rule', 'done_on', srv);
	await ok(sec1, r, { step: 'conversion_apply', done_on: end });
	await ok(sec1, r, { step: 'conversion_vote', done_on: plus(end, 0, 2), ...vote });
	const e = expectError(await step(sec1, r, { step: 'conversion_approval', done_on: plus(end, 0, 4), extend_months: 6 }), 422, 'rule', 'extend_months', srv);
	assert.match(e.message, /只能延长一次/);
	const full = await ok(sec1, r, { step: 'conversion_approval', done_on: plus(end, 0, 4) });
	assert.equal(full.stage, 'full');
});

test('the due list: overdue steps first, for the secretary and the committee above only', async () => {
	const late = expectStatus(await sec1.post('/api/recruits', person({ applied_on: at(-2) })), 201, srv);
	assert.equal(late.overdue, true);
	assert.ok(late.days_left < 0);
	const due = expectList(await sec1.get(`/api/recruits/due?org=${b1.id}&size=200`), srv);
	const got = due.items.find((x) => x.id === late.id);
	assert.equal(got.overdue, true);
	assert.equal(got.next_step, 'talk');
	assert.equal(due.items[0].overdue, true);
	for (let i = 1; i < due.items.length; i++) {
		if (due.items[i].due_on && due.items[i - 1].due_on) assert.ok(due.items[i - 1].due_on <= due.items[i].due_on);
	}
	assert.ok(due.items.every((x) => x.next_step !== null));
	const above = expectList(await com.get('/api/recruits/due?size=200'), srv);
	assert.ok(above.items.some((x) => x.id === late.id));
	const other = expectList(await sec3.get('/api/recruits/due?size=200'), srv);
	assert.ok(!other.items.some((x) => x.id === late.id));
});

test('scope: another district\'s secretary and a plain member are refused', async () => {
	const r = expectStatus(await sec1.post('/api/recruits', person()), 201, srv);
	expectError(await sec3.get(`/api/recruits/${r.id}`), 404, 'not_found', undefined, srv);
	expectError(await step(sec3, r, { step: 'talk', done_on: TODAY }), 404, 'not_found', undefined, srv);
	expectError(await sec3.post('/api/recruits', person()), 403, 'forbidden', 'org_id', srv);
	expectError(await sec3.get(`/api/recruits?org=${b1.id}`), 404, 'not_found', 'org', srv);
	assert.ok(!expectList(await sec3.get('/api/recruits?size=200'), srv).items.some((x) => x.id === r.id));
	expectError(await memberUser.get(`/api/recruits/${r.id}`), 403, 'forbidden', undefined, srv);
	expectError(await memberUser.post('/api/recruits', person()), 403, 'forbidden', undefined, srv);
	expectError(await step(memberUser, r, { step: 'talk', done_on: TODAY }), 403, 'forbidden', undefined, srv);
	const got = expectStatus(await sec1.get(`/api/recruits/${r.id}`), 200, srv);
	assert.equal(got.steps.length, 1);
	// the committee above records a step
	await ok(com, r, { step: 'talk', done_on: at(-36, 10) });
	// a secretary of a sibling branch in the same district may not
	const { sec2 } = await clientsFor(admin, srv, { sec2: ['secretary', b2] });
	expectError(await sec2.get(`/api/recruits/${r.id}`), 404, 'not_found', undefined, srv);
});

test('the person\'s file: 申请书 and 思想汇报 as attachments, in scope', async () => {
	const r = expectStatus(await sec1.post('/api/recruits', person()), 201, srv);
	const up = (client) => client.request('POST', `/api/recruits/${r.id}/attachments?name=${encodeURIComponent('入党申请书.pdf')}`, PDF,
		{ headers: { 'Content-Type': 'application/pdf' } });
	const a = expectStatus(await up(sec1), 201, srv);
	assert.equal(a.subject, 'recruit');
	assert.equal(a.subject_id, r.id);
	expectError(await up(sec3), 404, 'not_found', undefined, srv);
	const list = expectStatus(await com.get(`/api/recruits/${r.id}/attachments`), 200, srv);
	assert.equal(list.items.length, 1);
	const file = await sec1.get(a.url);
	assert.equal(file.status, 200);
	expectError(await sec3.get(a.url), 404, 'not_found', undefined, srv);
});
