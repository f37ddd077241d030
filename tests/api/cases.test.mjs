// Case selection (十佳/百优 案例评选): a committee opens a call over its
// subtree; organizations in scope submit until the call is closed (or its
// deadline passes); the call's reviewers score blind, never their own
// organization's case; the selection ranks by the trimmed mean into tiers
// (a tie group at a tier's edge is not split); the selected cases go to
// 公示, then the decision writes them to the honors registry and the case
// library that every logged-in user reads city-wide.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor, TWO_DISTRICTS } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, uniq, createUserAndLogin, todayShanghai, dayFromToday, PNG,
} from './harness.mjs';

let srv, admin, dist, b1, b2, b3;
let com, com2, sec1, sec2, sec3, farMember;
const judges = [];
let secReviewer; // the secretary of b1, also a reviewer of the call
const TODAY = todayShanghai();

before(async () => {
	({ srv, admin, dist, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	const { dist2 } = await (async () => ({ dist2: { id: b3.parent_id } }))();
	({ com, com2, sec1, sec2, sec3 } = await clientsFor(admin, srv, {
		com: ['committee', dist], com2: ['committee', dist2], sec1: ['secretary', b1],
		sec2: ['secretary', b2], sec3: ['secretary', b3],
	}));
	const [m3] = await membersOf(admin, srv, [b3]);
	({ farMember } = await clientsFor(admin, srv, { farMember: ['member', b3, m3] }));
	for (let i = 0; i < 5; i++) {
		judges.push(await createUserAndLogin(admin, srv, { roles: [{ role: 'judge', org_id: dist.id }] }));
	}
	secReviewer = await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: b1.id }] });
});
after(async () => { await srv?.stop(); });

const CRITERIA = [{ name: '创新性', max: 50 }, { name: '实效性', max: 50 }];

function call(fields = {}) {
	return {
		title: uniq('机关党建实践案例征集'), org_id: dist.id, deadline: dayFromToday(10),
		criteria: CRITERIA, tiers: [{ name: '十佳', places: 1 }, { name: '百优', places: 1 }],
		reviewer_ids: [...judges.map((j) => j.user.id), secReviewer.user.id], ...fields,
	};
}

function submission(org, fields = {}) {
	return { title: uniq('“红色引擎”工程'), org_id: org.id, summary: '以党建引领业务融合的做法',
		text: '一、背景。二、做法。三、成效。', ...fields };
}

const put = (client, p, body) => client.request('PUT', p, body);
const scores = (a, b) => ({ scores: { 创新性: a, 实效性: b } });

test('a committee opens a call over its organization; 201 with criteria, tiers and reviewers, audited', async () => {
	const k = expectStatus(await com.post('/api/case-calls', call({ deadline: TODAY })), 201, srv);
	assert.equal(k.stage, 'open');
	assert.equal(k.deadline, TODAY);
	assert.equal(k.year, Number(TODAY.slice(0, 4)));
	assert.deepEqual(k.criteria, CRITERIA);
	assert.deepEqual(k.tiers.map((t) => t.places), [1, 1]);
	assert.equal(k.reviewer_ids.length, 6);
	const audit = expectList(await admin.get(`/api/audit?entity=case_call&entity_id=${k.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
	// a deadline of today still takes submissions
	expectStatus(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b1)), 201, srv);
});

test('bad input is refused naming the field, and nothing is written', async () => {
	const before = expectList(await com.get('/api/case-calls'), srv).total;
	const bad = [
		[{ deadline: dayFromToday(-1) }, 'deadline'],
		[{ deadline: '2024-02-30' }, 'deadline'],
		[{ title: '' }, 'title'],
		[{ criteria: [] }, 'criteria'],
		[{ criteria: [{ name: 'a', max: 0 }] }, 'criteria[0].max'],
		[{ criteria: [{ name: 'a', max: 10 }, { name: 'a', max: 10 }] }, 'criteria[1]'],
		[{ criteria: Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, max: 10 })) }, 'criteria'],
		[{ tiers: [{ name: '十佳', places: 0 }] }, 'tiers[0].places'],
		[{ tiers: Array.from({ length: 6 }, (_, i) => ({ name: `t${i}`, places: 1 })) }, 'tiers'],
		[{ tiers: [] }, 'tiers'],
		[{ reviewer_ids: [] }, 'reviewer_ids'],
		[{ reviewer_ids: [999999] }, 'reviewer_ids[0]'],
		[{ reviewer_ids: [judges[0].user.id, judges[0].user.id] }, 'reviewer_ids[1]'],
	];
	for (const [fields, field] of bad) {
		expectError(await com.post('/api/case-calls', call(fields)), 422, 'invalid_field', field, srv);
	}
	assert.equal(expectList(await com.get('/api/case-calls'), srv).total, before);
});

test('only the committee over the organization opens a call', async () => {
	expectError(await com2.post('/api/case-calls', call()), 403, 'forbidden', 'org_id', srv);
	expectError(await sec1.post('/api/case-calls', call()), 403, 'forbidden', undefined, srv);
});

test('submissions: organizations in scope, by their managers, until the call is closed', async () => {
	const k = expectStatus(await com.post('/api/case-calls', call()), 201, srv);
	const s = expectStatus(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b1)), 201, srv);
	assert.equal(s.org_id, b1.id);
	assert.equal(s.score, null);
	assert.equal(s.tier, null);
	// not its organization; out of the call's scope; the call out of its sight
	expectError(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b2)), 403, 'forbidden', 'org_id', srv);
	expectError(await com.post(`/api/case-calls/${k.id}/submissions`, submission(b3)), 422, 'invalid_field', 'org_id', srv);
	expectError(await sec3.post(`/api/case-calls/${k.id}/submissions`, submission(b3)), 404, 'not_found', undefined, srv);
	expectError(await com2.get(`/api/case-calls/${k.id}`), 404, 'not_found', undefined, srv);
	// bad input
	expectError(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b1, { summary: '' })), 422, 'invalid_field', 'summary', srv);
	// edit and withdraw before the close; others may not
	const e = expectStatus(await sec1.patch(`/api/case-submissions/${s.id}`, { title: '改后的题目' }), 200, srv);
	assert.equal(e.title, '改后的题目');
	expectError(await sec2.patch(`/api/case-submissions/${s.id}`, { title: 'x' }), 403, 'forbidden', undefined, srv);
	expectError(await sec2.get(`/api/case-submissions/${s.id}`), 404, 'not_found', undefined, srv);
	const s2 = expectStatus(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b1)), 201, srv);
	expectStatus(await sec1.del(`/api/case-submissions/${s2.id}`), 200, srv);
	// the branch sees its own submissions only; the committee all
	expectStatus(await sec2.post(`/api/case-calls/${k.id}/submissions`, submission(b2)), 201, srv);
	assert.equal(expectStatus(await sec1.get(`/api/case-calls/${k.id}/submissions`), 200, srv).items.length, 1);
	assert.equal(expectStatus(await com.get(`/api/case-calls/${k.id}/submissions`), 200, srv).items.length, 2);
	// scoring waits for the close
	expectError(await put(judges[0].client, `/api/case-submissions/${s.id}/scores`, scores(40, 40)), 409, 'review_not_open', undefined, srv);
	// only the committee closes
	expectError(await sec1.post(`/api/case-calls/${k.id}/close`), 403, 'forbidden', undefined, srv);
	const closed = expectStatus(await com.post(`/api/case-calls/${k.id}/close`), 200, srv);
	assert.equal(closed.stage, 'closed');
	expectError(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b1)), 409, 'submissions_closed', undefined, srv);
	expectError(await sec1.patch(`/api/case-submissions/${s.id}`, { title: 'y' }), 409, 'submissions_closed', undefined, srv);
	expectError(await sec1.del(`/api/case-submissions/${s.id}`), 409, 'submissions_closed', undefined, srv);
	expectError(await com.post(`/api/case-calls/${k.id}/close`), 409, 'wrong_stage', undefined, srv);
});

test('the whole course: blind review, trimmed means, a tie at a tier\'s edge, 公示, decision, library', async () => {
	const k = expectStatus(await com.post('/api/case-calls', call()), 201, srv);
	const a = expectStatus(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b1)), 201, srv);
	const b = expectStatus(await sec2.post(`/api/case-calls/${k.id}/submissions`, submission(b2)), 201, srv);
	const c = expectStatus(await sec2.post(`/api/case-calls/${k.id}/submissions`, submission(b2)), 201, srv);
	// files of a case: its organization adds them; reviewers read them
	const file = expectStatus(await sec1.request('POST', `/api/case-submissions/${a.id}/attachments?name=${encodeURIComponent('照片.png')}`, PNG,
		{ headers: { 'Content-Type': 'image/png' } }), 201, srv);
	expectError(await sec2.request('POST', `/api/case-submissions/${a.id}/attachments?name=x.png`, PNG,
		{ headers: { 'Content-Type': 'image/png' } }), [403, 404], ['forbidden', 'not_found'], undefined, srv);
	// not yet: the library does not have it, scoring has not started
	expectError(await farMember.get(`/api/cases/${a.id}`), 404, 'not_found', undefined, srv);
	expectStatus(await com.post(`/api/case-calls/${k.id}/close`), 200, srv);

	// a reviewer's view never names the organization
	const view = expectStatus(await judges[0].client.get(`/api/case-calls/${k.id}/assignments`), 200, srv);
	assert.equal(view.items.length, 3);
	const text = JSON.stringify(view.items);
	for (const org of [b1, b2]) assert.ok(!text.includes(org.name), 'blind: no organization name');
	for (const it of view.items) {
		assert.equal(it.org_id, undefined);
		assert.equal(it.org_name, undefined);
		assert.equal(it.scored, false);
	}
	expectStatus(await judges[0].client.get(`/api/attachments/${file.id}`), 200, srv);
	// nor does any other way in: the submissions themselves are not the reviewer's to read
	expectError(await judges[0].client.get(`/api/case-submissions/${a.id}`), 404, 'not_found', undefined, srv);
	assert.equal(expectStatus(await judges[0].client.get(`/api/case-calls/${k.id}/submissions`), 200, srv).items.length, 0);
	const att = expectStatus(await judges[0].client.get(`/api/case-submissions/${a.id}/attachments`), 200, srv);
	assert.equal(att.items.length, 1);
	assert.ok(!JSON.stringify(att).includes(b1.name), 'blind: the files name no organization');
	// the reviewer of b1 is not assigned b1's case and may not score it
	const own = expectStatus(await secReviewer.client.get(`/api/case-calls/${k.id}/assignments`), 200, srv);
	assert.deepEqual(own.items.map((i) => i.id).sort(), [b.id, c.id].sort());
	expectError(await put(secReviewer.client, `/api/case-submissions/${a.id}/scores`, scores(50, 50)), 403, 'conflict_of_interest', undefined, srv);
	// not a reviewer of the call
	expectError(await sec2.get(`/api/case-calls/${k.id}/assignments`), 403, 'forbidden', undefined, srv);
	expectError(await put(sec2, `/api/case-submissions/${b.id}/scores`, scores(50, 50)), 403, 'forbidden', undefined, srv);
	// scores within bounds, every criterion
	const j0 = judges[0].client;
	expectError(await put(j0, `/api/case-submissions/${a.id}/scores`, scores(51, 10)), 422, 'invalid_field', 'scores.创新性', srv);
	expectError(await put(j0, `/api/case-submissions/${a.id}/scores`, scores(-1, 10)), 422, 'invalid_field', 'scores.创新性', srv);
	expectError(await put(j0, `/api/case-submissions/${a.id}/scores`, { scores: { 创新性: 10 } }), 422, 'invalid_field', 'scores.实效性', srv);
	expectError(await put(j0, `/api/case-submissions/${a.id}/scores`, { scores: { 创新性: 10, 其他: 5 } }), 422, 'invalid_field', 'scores.其他', srv);

	// A: 30..50 per criterion, trimmed to 40 and 43 (83); B and C tie at 70
	const sheetsA = [[40, 45], [42, 44], [38, 40], [50, 50], [30, 30]];
	for (let i = 0; i < 5; i++) {
		expectStatus(await put(judges[i].client, `/api/case-submissions/${a.id}/scores`, scores(...sheetsA[i])), 200, srv);
		expectStatus(await put(judges[i].client, `/api/case-submissions/${b.id}/scores`, scores(35, 35)), 200, srv);
		expectStatus(await put(judges[i].client, `/api/case-submissions/${c.id}/scores`, scores(35, 35)), 200, srv);
	}
	expectStatus(await put(secReviewer.client, `/api/case-submissions/${b.id}/scores`, scores(35, 35)), 200, srv);
	expectStatus(await put(secReviewer.client, `/api/case-submissions/${c.id}/scores`, scores(35, 35)), 200, srv);
	const mine = expectStatus(await j0.get(`/api/case-calls/${k.id}/assignments`), 200, srv);
	const myA = mine.items.find((i) => i.id === a.id);
	assert.equal(myA.scored, true);
	assert.deepEqual(myA.my_scores, { 创新性: 40, 实效性: 45 });
	const progress = expectStatus(await com.get(`/api/case-calls/${k.id}/submissions`), 200, srv);
	assert.equal(progress.items.find((i) => i.id === b.id).reviews, 6);

	expectError(await sec1.post(`/api/case-calls/${k.id}/select`), 403, 'forbidden', undefined, srv);
	const sel = expectStatus(await com.post(`/api/case-calls/${k.id}/select`), 200, srv);
	assert.equal(sel.call.stage, 'selected');
	const byId = Object.fromEntries(sel.items.map((i) => [i.id, i]));
	assert.deepEqual([byId[a.id].score, byId[a.id].rank, byId[a.id].tier], [83, 1, '十佳']);
	// the pair tied at rank 2 does not fit the one place of 百优: neither is selected
	assert.deepEqual([byId[b.id].score, byId[b.id].rank, byId[b.id].tier], [70, 2, null]);
	assert.deepEqual([byId[c.id].score, byId[c.id].rank, byId[c.id].tier], [70, 2, null]);
	assert.equal(sel.items[0].id, a.id);
	// scoring has ended
	expectError(await put(j0, `/api/case-submissions/${a.id}/scores`, scores(1, 1)), 409, 'review_not_open', undefined, srv);

	// decision waits for 公示
	expectError(await com.post(`/api/case-calls/${k.id}/decide`, {}), 409, 'wrong_stage', undefined, srv);
	expectError(await com2.post(`/api/case-calls/${k.id}/publish`, { closes_on: TODAY }), 404, 'not_found', undefined, srv);
	const notice = expectStatus(await com.post(`/api/case-calls/${k.id}/publish`, { closes_on: TODAY }), 201, srv);
	assert.equal(notice.subject, 'case_selection');
	assert.equal(notice.rows.length, 1);
	assert.equal(notice.rows[0].name, a.title);
	assert.equal(notice.rows[0].org_name, b1.name);
	assert.equal(notice.rows[0].rank, 1);
	assert.equal(notice.rows[0].points, 830, 'score x10');
	expectError(await com.post(`/api/case-calls/${k.id}/publish`, { closes_on: TODAY }), 409, 'nothing_to_publish', undefined, srv);
	expectError(await com.post(`/api/case-calls/${k.id}/select`), 409, 'wrong_stage', undefined, srv);
	const got = expectStatus(await com.get(`/api/case-calls/${k.id}`), 200, srv);
	assert.equal(got.call.stage, 'published');
	assert.equal(got.call.notice_id, notice.id);
	// the window is open until the end of today: only an explicit early decision
	expectError(await com.post(`/api/case-calls/${k.id}/decide`, {}), 409, 'notice_open', undefined, srv);
	const decided = expectStatus(await com.post(`/api/case-calls/${k.id}/decide`, { early: true }), 200, srv);
	assert.equal(decided.stage, 'decided');
	expectError(await com.post(`/api/case-calls/${k.id}/decide`, { early: true }), 409, 'wrong_stage', undefined, srv);

	// the honors registry has the selected case
	const honors = expectList(await com.get(`/api/honors?org=${b1.id}&category=${encodeURIComponent('案例')}`), srv);
	const h = honors.items.find((x) => x.source_ref === `case:${a.id}`);
	assert.ok(h, 'honor of the selected case');
	assert.equal(h.source, 'case');
	assert.equal(h.grade, '十佳');
	assert.equal(h.level, '县级');
	assert.equal(h.title, a.title);
	assert.equal(h.year, k.year);
	assert.equal(h.awarded_by, dist.name);
	assert.ok(!honors.items.some((x) => x.source_ref === `case:${b.id}`));

	// the library: any logged-in user, city-wide, selected cases only
	const lib = expectList(await farMember.get(`/api/cases?year=${k.year}`), srv);
	const item = lib.items.find((x) => x.id === a.id);
	assert.ok(item, 'the case is in the library');
	assert.equal(item.org_name, b1.name);
	assert.equal(item.tier, '十佳');
	assert.equal(item.text, undefined);
	assert.ok(!lib.items.some((x) => x.id === b.id));
	const full = expectStatus(await farMember.get(`/api/cases/${a.id}`), 200, srv);
	assert.equal(full.text, a.text);
	expectError(await farMember.get(`/api/cases/${b.id}`), 404, 'not_found', undefined, srv);
	assert.equal(expectList(await farMember.get(`/api/cases?tier=${encodeURIComponent('百优')}&year=${k.year}`), srv)
		.items.filter((x) => x.call_id === k.id).length, 0);
	assert.ok(expectList(await farMember.get(`/api/cases?q=${encodeURIComponent(a.title.slice(0, 6))}`), srv)
		.items.some((x) => x.id === a.id));
	// the member of another district still cannot read the submissions themselves
	expectError(await farMember.get(`/api/case-submissions/${b.id}`), 404, 'not_found', undefined, srv);
});

test('select before the close is refused; an unscored case is not ranked', async () => {
	const k = expectStatus(await com.post('/api/case-calls', call()), 201, srv);
	const s = expectStatus(await sec1.post(`/api/case-calls/${k.id}/submissions`, submission(b1)), 201, srv);
	expectError(await com.post(`/api/case-calls/${k.id}/select`), 409, 'wrong_stage', undefined, srv);
	expectStatus(await com.post(`/api/case-calls/${k.id}/close`), 200, srv);
	const sel = expectStatus(await com.post(`/api/case-calls/${k.id}/select`), 200, srv);
	assert.deepEqual([sel.items[0].id, sel.items[0].score, sel.items[0].rank, sel.items[0].tier], [s.id, null, null, null]);
	expectError(await com.post(`/api/case-calls/${k.id}/publish`, { closes_on: TODAY }), 409, 'nothing_to_publish', undefined, srv);
	// the reviewers see the call in their list
	assert.ok(expectList(await judges[0].client.get('/api/case-calls'), srv).items.some((x) => x.id === k.id));
	assert.ok(!expectList(await com2.get('/api/case-calls'), srv).items.some((x) => x.id === k.id));
});

test('the server reported no undefined behaviour (sanitizer builds)', () => {
	assert.doesNotMatch(srv.log(), /runtime error|AddressSanitizer/);
});
