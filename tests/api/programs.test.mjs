// Creation programs (创建评选: 模范机关、清廉机关、文明机关创建): a committee
// opens a program with its criteria, eligible organizations and timetable;
// an organization applies within the window, assesses itself per criterion
// with evidence it may read (records, links, files) and submits; the
// committee reviews per criterion, publishes the candidates as a 公示 with
// objections, and decides after the notice closes: each award is one entry
// in the honors registry (source "program"). Scope throughout: 404 to read
// out of scope, 403 to act without the right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor, officersOf, TWO_DISTRICTS } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, uniq, todayShanghai, dayFromToday, CHINESE, PNG,
} from './harness.mjs';

let srv, admin, city, dist, dist2, b1, b2, b3;
let com, com2, sec1, sec2, sec3, me1, m1;
let prog, app1, app2, notice;
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	({ com, com2, sec1, sec2, sec3 } = await clientsFor(admin, srv, officersOf({ dist, dist2, b1, b2, b3 })));
	[m1] = await membersOf(admin, srv, [b1]);
	({ me1 } = await clientsFor(admin, srv, { me1: ['member', b1, m1] }));
});
after(async () => { await srv?.stop(); });

function program(fields = {}) {
	return {
		title: uniq('模范机关创建'), kind: 'model', org_id: dist.id, year: YEAR,
		criteria: [
			{ name: '理论学习扎实', evidence: '第一议题学习记录' },
			{ name: '组织生活规范', evidence: '三会一课会议记录', max: 20 },
			{ name: '特色亮点', evidence: '品牌材料', required: false },
		],
		applications_open: dayFromToday(-3), applications_close: dayFromToday(10), review_by: dayFromToday(20),
		...fields,
	};
}

const put = (client, p, body) => client.request('PUT', p, body);
const assess = (client, app, code, fields = {}) => put(client, `/api/program-applications/${app.id}/items/${code}`,
	{ self_assessment: '按要求落实，材料齐全', evidence: [{ kind: 'text', text: '情况说明' }], ...fields });
const verdicts = (list) => Object.fromEntries(list.map(([code, verdict]) => [code, { verdict, note: '评审意见' }]));

test('a committee opens a program of its subtree: criteria numbered, counts zero, audited', async () => {
	prog = expectStatus(await com.post('/api/programs', program()), 201, srv);
	assert.equal(prog.kind, 'model');
	assert.equal(prog.org_id, dist.id);
	assert.equal(prog.eligible, 'subtree');
	assert.equal(prog.notice_days, 5);
	assert.deepEqual(prog.criteria.map((k) => [k.code, k.required]), [['1', true], ['2', true], ['3', false]]);
	assert.equal(prog.criteria[1].max, 20);
	assert.deepEqual([prog.applied, prog.submitted, prog.candidates, prog.awarded], [0, 0, 0, 0]);
	const audit = expectList(await admin.get(`/api/audit?entity=program&entity_id=${prog.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	assert.ok(JSON.stringify(cat).includes('模范机关'));
});

test('bad programs are refused naming the field, with nothing written', async () => {
	const before = expectList(await com.get(`/api/programs?org=${dist.id}`), srv).total;
	const bad = [
		[{ kind: 'best' }, 'kind'],
		[{ criteria: [] }, 'criteria'],
		[{ criteria: [{ name: '缺佐证要求' }] }, 'criteria[0].evidence'],
		[{ criteria: [{ code: 'A1', name: 'x', evidence: 'y' }] }, 'criteria'],
		[{ criteria: [{ code: '1', name: 'x', evidence: 'y' }, { code: '1', name: 'z', evidence: 'y' }] }, 'criteria'],
		[{ applications_close: dayFromToday(-4) }, 'applications_close'],
		[{ review_by: dayFromToday(9) }, 'review_by'],
		[{ year: YEAR + 2 }, 'year'],
		[{ eligible: [b3.id] }, 'eligible'],
		[{ eligible: [dist.id] }, 'eligible'],
		[{ eligible: ['x'] }, 'eligible[0]'],
		[{ org_id: 999999 }, 'org_id'],
	];
	for (const [f, field] of bad) {
		const res = await com.post('/api/programs', program(f));
		expectError(res, 422, 'invalid_field', field, srv);
		assert.match(res.body.error.message, CHINESE);
	}
	expectError(await com.post('/api/programs', program({ extra: 1 })), 422, 'unknown_field', undefined, srv);
	expectError(await com2.post('/api/programs', program()), 403, 'forbidden', 'org_id', srv);
	expectStatus(await sec1.post('/api/programs', program({ org_id: b1.id })), 403, srv);
	assert.equal(expectList(await com.get(`/api/programs?org=${dist.id}`), srv).total, before);
});

test('the program is read by its committee and the organizations under it; others get 404', async () => {
	expectStatus(await sec1.get(`/api/programs/${prog.id}`), 200, srv);
	expectError(await sec3.get(`/api/programs/${prog.id}`), 404, 'not_found', undefined, srv);
	expectError(await com2.get(`/api/programs/${prog.id}`), 404, 'not_found', undefined, srv);
	const mine = expectList(await sec1.get(`/api/programs?year=${YEAR}`), srv);
	assert.ok(mine.items.some((p) => p.id === prog.id), 'a branch sees the programs over it');
	const other = expectList(await sec3.get('/api/programs'), srv);
	assert.ok(!other.items.some((p) => p.id === prog.id));
	const c2 = expectList(await com2.get('/api/programs'), srv);
	assert.ok(!c2.items.some((p) => p.id === prog.id));
});

test('applying: only within the window, only eligible organizations, only by who manages them', async () => {
	const early = expectStatus(await com.post('/api/programs', program({
		applications_open: dayFromToday(1), applications_close: dayFromToday(5), review_by: dayFromToday(6),
	})), 201, srv);
	expectError(await sec1.post(`/api/programs/${early.id}/applications`, { org_id: b1.id }), 409, 'window_not_open', undefined, srv);
	const late = expectStatus(await com.post('/api/programs', program({
		applications_open: dayFromToday(-10), applications_close: dayFromToday(-1), review_by: dayFromToday(6),
	})), 201, srv);
	expectError(await sec1.post(`/api/programs/${late.id}/applications`, { org_id: b1.id }), 409, 'window_closed', undefined, srv);
	const listed = expectStatus(await com.post('/api/programs', program({ eligible: [b2.id] })), 201, srv);
	assert.deepEqual(listed.eligible, [b2.id]);
	expectError(await sec1.post(`/api/programs/${listed.id}/applications`, { org_id: b1.id }), 422, 'not_eligible', 'org_id', srv);
	expectError(await sec1.post(`/api/programs/${prog.id}/applications`, { org_id: dist.id }), 403, 'forbidden', 'org_id', srv);
	expectError(await com.post(`/api/programs/${prog.id}/applications`, { org_id: dist.id }), 422, 'not_eligible', 'org_id', srv);
	expectError(await sec1.post(`/api/programs/${prog.id}/applications`, { org_id: b2.id }), 403, 'forbidden', 'org_id', srv);
	expectError(await sec3.post(`/api/programs/${prog.id}/applications`, { org_id: b3.id }), 404, 'not_found', undefined, srv);
	expectStatus(await me1.post(`/api/programs/${prog.id}/applications`, { org_id: b1.id }), 403, srv);
	app1 = expectStatus(await sec1.post(`/api/programs/${prog.id}/applications`, { org_id: b1.id }), 201, srv);
	assert.equal(app1.state, 'draft');
	assert.equal(app1.org_id, b1.id);
	assert.deepEqual(app1.items.map((i) => [i.code, i.self_assessment]), [['1', null], ['2', null], ['3', null]]);
	assert.equal(app1.items_total, 3);
	expectError(await sec1.post(`/api/programs/${prog.id}/applications`, { org_id: b1.id }), 409, 'already_applied', 'org_id', srv);
});

test('evidence links only records the applicant may read; links and texts are checked', async () => {
	const own = expectStatus(await sec1.post('/api/meetings', {
		org_id: b1.id, kind: 'theme_day', held_at: `${TODAY}T09:00:00+08:00`, topic: uniq('主题党日'),
	}), 201, srv);
	const foreign = expectStatus(await sec3.post('/api/meetings', {
		org_id: b3.id, kind: 'theme_day', held_at: `${TODAY}T09:00:00+08:00`, topic: uniq('主题党日'),
	}), 201, srv);
	const task = expectStatus(await sec1.post('/api/tasks', {
		org_id: b1.id, title: uniq('创建任务'), start_on: TODAY, due_on: dayFromToday(30),
	}), 201, srv);
	const duty = expectStatus(await admin.post('/api/duties', {
		org_id: city.id, year: YEAR, level: 'branch', post: 'branch_secretary', title: uniq('职责'),
	}), 201, srv);
	const refused = [
		[{ kind: 'meeting', ref: foreign.id }, 'evidence[0]'],
		[{ kind: 'meeting', ref: 999999 }, 'evidence[0]'],
		[{ kind: 'duty', ref: duty.id }, 'evidence[0]'],
		[{ kind: 'task' }, 'evidence[0]'],
		[{ kind: 'link', url: 'javascript:alert(1)' }, 'evidence[0]'],
		[{ kind: 'text' }, 'evidence[0]'],
		[{ kind: 'video' }, 'evidence[0].kind'],
	];
	for (const [ev, field] of refused)
		expectError(await assess(sec1, app1, 1, { evidence: [ev] }), 422, 'invalid_field', field, srv);
	let got = expectStatus(await sec1.get(`/api/program-applications/${app1.id}`), 200, srv);
	assert.equal(got.items_assessed, 0, 'nothing was written');
	got = expectStatus(await assess(sec1, app1, 1, { evidence: [
		{ kind: 'meeting', ref: own.id }, { kind: 'task', ref: task.id },
		{ kind: 'link', url: 'https://example.org/report' },
	] }), 200, srv);
	const ev = got.items[0].evidence;
	assert.deepEqual(ev.map((e) => [e.kind, e.ref]), [['meeting', own.id], ['task', task.id], ['link', null]]);
	assert.equal(ev[0].title, own.topic);
	assert.equal(got.items_assessed, 1);
	expectError(await assess(sec1, app1, 9), 404, 'not_found', undefined, srv);
	expectError(await assess(sec2, app1, 2), 404, 'not_found', undefined, srv);
	expectError(await assess(com2, app1, 2), 404, 'not_found', undefined, srv);
});

test('files hang on a draft application; read in scope', async () => {
	const up = (client) => client.request('POST',
		`/api/program-applications/${app1.id}/attachments?name=${encodeURIComponent('材料.png')}`, PNG,
		{ headers: { 'Content-Type': 'image/png' } });
	const a = expectStatus(await up(sec1), 201, srv);
	assert.equal(a.subject, 'program_application');
	expectError(await up(sec2), 404, 'not_found', undefined, srv);
	const list = expectStatus(await com.get(`/api/program-applications/${app1.id}/attachments`), 200, srv);
	assert.equal(list.items.length, 1);
	expectError(await com2.get(`/api/program-applications/${app1.id}/attachments`), 404, 'not_found', undefined, srv);
	const got = expectStatus(await sec1.get(`/api/program-applications/${app1.id}`), 200, srv);
	assert.equal(got.attachment_count, 1);
});

test('submitting needs every criterion self-assessed; then the items are frozen', async () => {
	const res = await sec1.post(`/api/program-applications/${app1.id}/submit`);
	expectError(res, 409, 'items_incomplete', undefined, srv);
	assert.match(res.body.error.message, /尚未自评/);
	expectStatus(await assess(sec1, app1, 2), 200, srv);
	expectStatus(await assess(sec1, app1, 3), 200, srv);
	expectError(await com2.post(`/api/program-applications/${app1.id}/submit`), 404, 'not_found', undefined, srv);
	const s = expectStatus(await sec1.post(`/api/program-applications/${app1.id}/submit`), 200, srv);
	assert.equal(s.state, 'submitted');
	assert.ok(s.submitted_at);
	expectError(await assess(sec1, app1, 2), 409, 'wrong_state', undefined, srv);
	expectError(await sec1.post(`/api/program-applications/${app1.id}/submit`), 409, 'wrong_state', undefined, srv);
	const late = await sec1.request('POST',
		`/api/program-applications/${app1.id}/attachments?name=${encodeURIComponent('补充.png')}`, PNG,
		{ headers: { 'Content-Type': 'image/png' } });
	expectError(late, 409, 'wrong_state', undefined, srv);
	const audit = expectList(await admin.get(`/api/audit?entity=program_application&entity_id=${app1.id}`), srv);
	assert.ok(audit.items.some((a) => a.action === 'submit'));
});

test('an application is withdrawn before review, not after', async () => {
	app2 = expectStatus(await sec2.post(`/api/programs/${prog.id}/applications`, { org_id: b2.id }), 201, srv);
	expectError(await sec1.post(`/api/program-applications/${app2.id}/withdraw`), 404, 'not_found', undefined, srv);
	const w = expectStatus(await sec2.post(`/api/program-applications/${app2.id}/withdraw`), 200, srv);
	assert.equal(w.state, 'withdrawn');
	expectError(await sec2.post(`/api/program-applications/${app2.id}/withdraw`), 409, 'wrong_state', undefined, srv);
});

test('the committee reviews per criterion; a candidate meets every required criterion', async () => {
	const url = `/api/program-applications/${app1.id}/review`;
	expectStatus(await put(sec1, url, { items: verdicts([['1', 'met']]), conclusion: 'rejected' }), 403, srv);
	expectError(await put(com2, url, { items: verdicts([['1', 'met']]), conclusion: 'rejected' }), 404, 'not_found', undefined, srv);
	expectError(await put(com, url, { items: verdicts([['1', 'met'], ['2', 'met'], ['3', 'met']]), conclusion: 'maybe' }),
		422, 'invalid_field', 'conclusion', srv);
	expectError(await put(com, url, { items: { 1: { verdict: 'good' } }, conclusion: 'rejected' }),
		422, 'invalid_field', 'items.1.verdict', srv);
	expectError(await put(com, url, { items: verdicts([['1', 'met'], ['2', 'partly'], ['3', 'met']]), conclusion: 'candidate' }),
		422, 'invalid_field', 'conclusion', srv);
	expectError(await put(com, url, { items: verdicts([['1', 'met'], ['2', 'met'], ['3', 'met']]), conclusion: 'candidate',
		site_visit: { date: dayFromToday(1), notes: '察看' } }), 422, 'invalid_field', 'site_visit.date', srv);
	expectError(await put(com, url, { items: verdicts([['7', 'met']]), conclusion: 'rejected' }),
		422, 'invalid_field', 'items.7', srv);
	const r = expectStatus(await put(com, url, {
		items: verdicts([['1', 'met'], ['2', 'met'], ['3', 'partly']]), conclusion: 'candidate',
		site_visit: { date: TODAY, notes: '实地察看阵地建设' }, notes: '总体达标',
	}), 200, srv);
	assert.equal(r.state, 'reviewed');
	assert.equal(r.conclusion, 'candidate');
	assert.deepEqual(r.site_visit, { date: TODAY, notes: '实地察看阵地建设' });
	assert.deepEqual(r.items.map((i) => i.verdict), ['met', 'met', 'partly']);
	expectError(await sec1.post(`/api/program-applications/${app1.id}/withdraw`), 409, 'wrong_state', undefined, srv);
});

test('lists: the committee sees every application with its progress, a branch its own', async () => {
	const all = expectList(await com.get(`/api/programs/${prog.id}/applications`), srv);
	assert.deepEqual(all.items.map((a) => [a.org_id, a.state]).sort(), [[b1.id, 'reviewed'], [b2.id, 'withdrawn']].sort());
	assert.equal(all.items.find((a) => a.org_id === b1.id).items_assessed, 3);
	const own = expectList(await sec1.get(`/api/programs/${prog.id}/applications`), srv);
	assert.deepEqual(own.items.map((a) => a.id), [app1.id]);
	const byOrg = expectList(await sec1.get(`/api/program-applications?org=${b1.id}`), srv);
	assert.deepEqual(byOrg.items.map((a) => a.id), [app1.id]);
	expectError(await sec1.get(`/api/program-applications?org=${b2.id}`), 404, 'not_found', undefined, srv);
	expectError(await com2.get(`/api/programs/${prog.id}/applications`), 404, 'not_found', undefined, srv);
	const p = expectStatus(await com.get(`/api/programs/${prog.id}`), 200, srv);
	assert.deepEqual([p.applied, p.submitted, p.candidates, p.awarded], [1, 1, 0, 0]);
});

test('the candidates are published as a 公示; members object; the decision waits for the window', async () => {
	expectStatus(await sec1.post(`/api/programs/${prog.id}/publish`, {}), 403, srv);
	expectError(await com2.post(`/api/programs/${prog.id}/publish`, {}), 404, 'not_found', undefined, srv);
	expectError(await com.post(`/api/programs/${prog.id}/decide`, { awarded: [app1.id] }), 409, 'not_published', undefined, srv);
	notice = expectStatus(await com.post(`/api/programs/${prog.id}/publish`, {}), 201, srv);
	assert.equal(notice.subject, 'program_candidates');
	assert.equal(notice.opens_on, TODAY);
	assert.equal(notice.closes_on, dayFromToday(4));
	assert.deepEqual(notice.rows.map((r) => r.org_id), [b1.id]);
	const a = expectStatus(await sec1.get(`/api/program-applications/${app1.id}`), 200, srv);
	assert.equal(a.state, 'candidate');
	const p = expectStatus(await com.get(`/api/programs/${prog.id}`), 200, srv);
	assert.equal(p.notice_id, notice.id);
	assert.equal(p.candidates, 1);
	expectError(await com.post(`/api/programs/${prog.id}/publish`, {}), 409, 'already_published', undefined, srv);
	const obj = expectStatus(await me1.post(`/api/notices/${notice.id}/objections`, { text: '材料与实际不符' }), 201, srv);
	expectError(await com.post(`/api/programs/${prog.id}/decide`, { awarded: [app1.id] }), 409, 'notice_open', undefined, srv);
	expectStatus(await com.post(`/api/point-objections/${obj.id}/answer`, { answer: '经核实材料属实', outcome: 'dismissed' }), 200, srv);
	expectError(await com.post(`/api/programs/${prog.id}/decide`, { awarded: [app1.id] }), 409, 'notice_open', undefined, srv);
	const honors = expectList(await com.get(`/api/honors?org=${b1.id}`), srv);
	assert.equal(honors.total, 0, 'no honor before the decision');
});

test('after the notice closes the committee decides: the award is one registry entry of source "program"', async () => {
	const p = expectStatus(await com.post('/api/programs', program({
		kind: 'clean', title: uniq('清廉机关创建'), eligible: [b1.id, b2.id],
		criteria: [{ name: '廉政教育', evidence: '廉政党课记录' }],
	})), 201, srv);
	const a = expectStatus(await sec1.post(`/api/programs/${p.id}/applications`, { org_id: b1.id }), 201, srv);
	const b = expectStatus(await sec2.post(`/api/programs/${p.id}/applications`, { org_id: b2.id }), 201, srv);
	for (const [client, x] of [[sec1, a], [sec2, b]]) {
		expectStatus(await assess(client, x, 1), 200, srv);
		expectStatus(await client.post(`/api/program-applications/${x.id}/submit`), 200, srv);
	}
	expectStatus(await put(com, `/api/program-applications/${a.id}/review`,
		{ items: verdicts([['1', 'met']]), conclusion: 'candidate' }), 200, srv);
	expectError(await com.post(`/api/programs/${p.id}/publish`, {}), 409, 'unreviewed', undefined, srv);
	expectStatus(await put(com, `/api/program-applications/${b.id}/review`,
		{ items: verdicts([['1', 'not_met']]), conclusion: 'rejected' }), 200, srv);
	// a window already past: the notice has closed with no objection
	const n = expectStatus(await com.post(`/api/programs/${p.id}/publish`,
		{ opens_on: dayFromToday(-6), closes_on: dayFromToday(-1) }), 201, srv);
	assert.deepEqual(n.rows.map((r) => r.org_id), [b1.id]);
	assert.equal(expectStatus(await sec2.get(`/api/program-applications/${b.id}`), 200, srv).state, 'rejected');
	expectError(await com.post(`/api/programs/${p.id}/decide`, { awarded: [b.id] }), 422, 'invalid_field', 'awarded[0]', srv);
	expectError(await com2.post(`/api/programs/${p.id}/decide`, { awarded: [a.id] }), 404, 'not_found', undefined, srv);
	expectStatus(await sec1.post(`/api/programs/${p.id}/decide`, { awarded: [a.id] }), 403, srv);
	assert.equal(expectList(await com.get(`/api/honors?org=${b1.id}`), srv).total, 0, 'refusals wrote nothing');
	const d = expectStatus(await com.post(`/api/programs/${p.id}/decide`, { awarded: [a.id] }), 200, srv);
	assert.ok(d.decided_at);
	assert.equal(d.awarded, 1);
	const won = expectStatus(await sec1.get(`/api/program-applications/${a.id}`), 200, srv);
	assert.equal(won.state, 'awarded');
	const honors = expectList(await sec1.get(`/api/honors?org=${b1.id}`), srv);
	assert.equal(honors.total, 1);
	const h = honors.items[0];
	assert.equal(h.source, 'program');
	assert.equal(h.source_ref, `program:${p.id}:${b1.id}`);
	assert.equal(h.title, `${YEAR}年度清廉机关`);
	assert.equal(h.category, '先进集体');
	assert.equal(h.level, dist.level === 'city' ? '市级' : '县级');
	assert.equal(h.awarded_by, dist.name);
	assert.equal(h.awarded_on, TODAY);
	assert.equal(h.year, YEAR);
	expectError(await com.post(`/api/programs/${p.id}/decide`, { awarded: [a.id] }), 409, 'already_decided', undefined, srv);
	const audit = expectList(await admin.get(`/api/audit?entity=program&entity_id=${p.id}`), srv);
	assert.ok(audit.items.some((x) => x.action === 'decide'));
	assert.equal(expectList(await com.get(`/api/honors?org=${b1.id}`), srv).total, 1, 'the honor is written once');
	assert.equal(expectList(await com.get(`/api/honors?org=${b2.id}`), srv).total, 0);
});

test('a decision is withdrawn by its committee: the honor goes, the candidates are candidates again', async () => {
	const p = expectStatus(await com.post('/api/programs', program({
		kind: 'civil', title: uniq('文明机关创建'), eligible: [b1.id], criteria: [{ name: '文明创建', evidence: '活动记录' }],
	})), 201, srv);
	const a = expectStatus(await sec1.post(`/api/programs/${p.id}/applications`, { org_id: b1.id }), 201, srv);
	expectStatus(await assess(sec1, a, 1), 200, srv);
	expectStatus(await sec1.post(`/api/program-applications/${a.id}/submit`), 200, srv);
	expectStatus(await put(com, `/api/program-applications/${a.id}/review`,
		{ items: verdicts([['1', 'met']]), conclusion: 'candidate' }), 200, srv);
	expectStatus(await com.post(`/api/programs/${p.id}/publish`, { opens_on: dayFromToday(-6), closes_on: dayFromToday(-1) }), 201, srv);
	expectError(await com.del(`/api/programs/${p.id}/decision`), 409, 'not_decided', undefined, srv);
	expectStatus(await com.post(`/api/programs/${p.id}/decide`, { awarded: [a.id] }), 200, srv);
	const ref = `program:${p.id}:${b1.id}`;
	const has = async () => expectList(await com.get(`/api/honors?org=${b1.id}&size=200`), srv).items.some((h) => h.source_ref === ref);
	assert.ok(await has());
	expectStatus(await sec1.del(`/api/programs/${p.id}/decision`), 403, srv);
	expectError(await com2.del(`/api/programs/${p.id}/decision`), 404, 'not_found', undefined, srv);
	const back = expectStatus(await com.del(`/api/programs/${p.id}/decision`), 200, srv);
	assert.equal(back.decided_at, null);
	assert.equal(back.awarded, 0);
	assert.equal(expectStatus(await sec1.get(`/api/program-applications/${a.id}`), 200, srv).state, 'candidate');
	assert.ok(!(await has()), 'the honor was withdrawn');
	// decided anew: the honor is written again, once
	expectStatus(await com.post(`/api/programs/${p.id}/decide`, { awarded: [a.id] }), 200, srv);
	const again = expectList(await com.get(`/api/honors?org=${b1.id}&size=200`), srv).items.filter((h) => h.source_ref === ref);
	assert.equal(again.length, 1);
});
