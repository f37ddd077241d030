// Live review sessions (述职评议): a committee chairs a session with its
// criteria and presenters, invites judges, opens and closes presenters in
// turn; judges score the open presenter and may change their scores until
// it closes; a judge never scores its own organization; results use the
// session's method (trimmed mean from 5 judges up), share ranks on ties
// and grade the total; closing the session makes them final.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { expectStatus, expectError, expectList, todayShanghai, createUserAndLogin, createMember, startServer, openEvents, DB_KIND } from './harness.mjs';
import { startWithTree, clientsFor } from './fixtures.mjs';
import { readZip, xlsxCells } from './zip.mjs';

let srv, admin, city, dist, dist2, unit, b1, b2, b3;
let committee, committee2, sec1;
const judges = [];
let review;
const TODAY = todayShanghai();

before(async () => {
	({ srv, admin, city, dist, dist2, unit, b1, b2, b3 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: 'dist', b1: 'unit', b2: 'unit', b3: 'dist2',
	}));
	({ committee, committee2, sec1 } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2], sec1: ['secretary', b1],
	}));
	// five judges with only the judge role, and the secretary of b1
	for (let i = 0; i < 5; i++) {
		const { user, client } = await createUserAndLogin(admin, srv, { roles: [{ role: 'judge', org_id: dist.id }] });
		judges.push({ user, client });
	}
});
after(async () => { await srv?.stop(); });

const scoresUrl = (p) => `/api/reviews/${review.id}/presenters/${p.id}/scores`;

test('a committee creates a session; input is checked and bounded', async () => {
	const body = {
		title: '月度述职分享会', org_id: dist.id, held_on: TODAY, method: 'trimmed_mean',
		criteria: [{ name: '工作成效', max: 60 }, { name: '创新亮点', max: 40 }],
		presenters: [{ name: '第一党支部书记', org_id: b1.id }, { name: '第二党支部书记', org_id: b2.id }, { name: '机关党委书记', org_id: unit.id }],
	};
	expectError(await sec1.post('/api/reviews', body), 403, 'forbidden');
	expectError(await committee2.post('/api/reviews', body), 422, 'invalid_field', 'org_id');
	expectError(await committee.post('/api/reviews', { ...body, criteria: [] }), 422, 'invalid_field', 'criteria');
	expectError(await committee.post('/api/reviews', { ...body, criteria: [{ name: 'a', max: 10 }, { name: 'a', max: 5 }] }), 422, 'invalid_field', 'criteria[1]');
	expectError(await committee.post('/api/reviews', { ...body, presenters: [{ name: '乙', org_id: b3.id }] }), 422, 'invalid_field', 'presenters[0].org_id');
	expectError(await committee.post('/api/reviews', { ...body, method: 'median' }), 422, 'invalid_field', 'method');
	review = expectStatus(await committee.post('/api/reviews', body), 201, srv);
	assert.equal(review.state, 'open');
	assert.equal(review.chair, true);
	assert.deepEqual(review.criteria, [{ name: '工作成效', max: 60 }, { name: '创新亮点', max: 40 }]);
	assert.deepEqual(review.presenters.map((p) => [p.pos, p.state]), [[1, 'waiting'], [2, 'waiting'], [3, 'waiting']]);
	assert.deepEqual(review.grades, { good: 90, fair: 80, pass: 60 });
});

test('judges are invited; a judge reads the session but not the others\' scores', async () => {
	const ids = [...judges.map((j) => j.user.id)];
	const r = expectStatus(await committee.post(`/api/reviews/${review.id}/judges`, { user_ids: ids }), 200, srv);
	assert.equal(r.judges.length, 5);
	expectError(await committee.post(`/api/reviews/${review.id}/judges`, { user_ids: [999999] }), 422, 'invalid_field', 'user_ids[0]');
	const seen = expectStatus(await judges[0].client.get(`/api/reviews/${review.id}`), 200, srv);
	assert.equal(seen.chair, false);
	assert.ok(seen.my_judge_id > 0);
	assert.equal(seen.judges, undefined, 'the judges list is the chair\'s');
	expectError(await committee2.get(`/api/reviews/${review.id}`), 404, 'not_found');
	const listed = expectList(await judges[0].client.get('/api/reviews'), srv);
	assert.deepEqual(listed.items.map((x) => x.id), [review.id]);
});

test('scores only while a presenter is open, within bounds, never for one\'s own org', async () => {
	const [p1, p2] = review.presenters;
	const j = judges[0].client;
	expectError(await j.request('PUT', scoresUrl(p1), { scores: { 工作成效: 50 } }), 409, 'not_open');
	expectError(await judges[0].client.post(`/api/reviews/${review.id}/presenters/${p1.id}/open`), 403, 'forbidden');
	expectStatus(await committee.post(`/api/reviews/${review.id}/presenters/${p1.id}/open`), 200, srv);
	expectError(await committee.post(`/api/reviews/${review.id}/presenters/${p2.id}/open`), 409, 'another_open');
	expectError(await j.request('PUT', scoresUrl(p1), { scores: { 工作成效: 61 } }), 422, 'invalid_field', 'scores.工作成效');
	expectError(await j.request('PUT', scoresUrl(p1), { scores: { 态度: 5 } }), 422, 'invalid_field', 'scores.态度');
	expectError(await j.request('PUT', scoresUrl(p1), { scores: { 工作成效: 'x' } }), 422, 'invalid_field', 'scores.工作成效');
	// not a judge, and the session is above its branch: it does not exist for it
	expectError(await sec1.request('PUT', scoresUrl(p1), { scores: { 工作成效: 50 } }), 404, 'not_found');
	// the secretary of b1, invited as a judge, cannot score b1's presenter
	const me = expectStatus(await sec1.get('/api/me'), 200, srv);
	expectStatus(await committee.post(`/api/reviews/${review.id}/judges`, { user_ids: [me.id] }), 200, srv);
	expectError(await sec1.request('PUT', scoresUrl(p1), { scores: { 工作成效: 60 } }), 403, 'conflict_of_interest');
	// five judges: 工作成效 50, 55, 40, 58, 52 and 创新亮点 30, 35, 20, 38, 33;
	// judge 0 first gives 10 and changes it
	expectStatus(await j.request('PUT', scoresUrl(p1), { scores: { 工作成效: 10, 创新亮点: 30 } }), 200, srv);
	const s1 = [[50, 30], [55, 35], [40, 20], [58, 38], [52, 33]];
	for (let i = 0; i < 5; i++) {
		expectStatus(await judges[i].client.request('PUT', scoresUrl(p1), { scores: { 工作成效: s1[i][0], 创新亮点: s1[i][1] } }), 200, srv);
	}
	const live = expectStatus(await committee.get(`/api/reviews/${review.id}`), 200, srv);
	assert.equal(live.presenters[0].scored_by, 5, 'how many judges scored, not what');
	assert.equal(live.my_scores, undefined, 'the chair reads no judge\'s scores');
	// a judge reads back its own last scores (a reloaded sheet), no one else's
	const mine = expectStatus(await j.get(`/api/reviews/${review.id}`), 200, srv);
	assert.deepEqual(mine.my_scores[p1.id], { 工作成效: 50, 创新亮点: 30 });
	assert.deepEqual(mine.my_scores[p2.id], {});
	const before = expectStatus(await committee.get(`/api/reviews/${review.id}/results`), 200, srv);
	assert.deepEqual(before.items, [], 'no result before the close');
	expectStatus(await committee.post(`/api/reviews/${review.id}/presenters/${p1.id}/close`, { rectification: '加强理论学习' }), 200, srv);
	expectError(await j.request('PUT', scoresUrl(p1), { scores: { 工作成效: 60 } }), 409, 'closed');
});

test('results: trimmed mean, ties share a rank, grades', async () => {
	const [, p2, p3] = review.presenters;
	// p2 and p3 get the same scores from every judge: a tie
	for (const p of [p2, p3]) {
		expectStatus(await committee.post(`/api/reviews/${review.id}/presenters/${p.id}/open`), 200, srv);
		for (let i = 0; i < 5; i++) {
			expectStatus(await judges[i].client.request('PUT', scoresUrl(p), { scores: { 工作成效: 54, 创新亮点: 36 } }), 200, srv);
		}
		expectStatus(await committee.post(`/api/reviews/${review.id}/presenters/${p.id}/close`, {}), 200, srv);
	}
	const res = expectStatus(await judges[2].client.get(`/api/reviews/${review.id}/results`), 200, srv);
	// p1: 工作成效 drop 58 and 40: (50 + 55 + 52) / 3 = 52.3; 创新亮点 drop
	// 38 and 20: (30 + 35 + 33) / 3 = 32.7; total 85.0: 较好
	// p2, p3: 54 + 36 = 90: 好, sharing rank 1
	assert.deepEqual(res.items.map((x) => [x.name, x.rank, x.total, x.grade_title]), [
		['第二党支部书记', 1, 90, '好'], ['机关党委书记', 1, 90, '好'], ['第一党支部书记', 3, 85, '较好'],
	]);
	const p1 = res.items[2];
	assert.deepEqual(p1.criteria, [52.3, 32.7]);
	assert.equal(p1.judges, 5);
	assert.equal(p1.spread, 36, 'judges\' totals 60 to 96');
	assert.equal(p1.rectification, '加强理论学习');
});

/** Opens the session's event stream as client (on server `on`, default
 * the test's). */
const sessionEvents = (client, id, on = srv) =>
	openEvents(client, `${on.url}/api/reviews/${id}/events`);

test('live events: the wall sees opens, counts and the ranking, never a judge\'s scores', async () => {
	const body = {
		title: '现场评议', org_id: dist.id, held_on: TODAY,
		criteria: [{ name: '成效', max: 10 }], presenters: [{ name: '甲', org_id: unit.id }],
	};
	const live = expectStatus(await committee.post('/api/reviews', body), 201, srv);
	expectStatus(await committee.post(`/api/reviews/${live.id}/judges`, { user_ids: [judges[0].user.id, judges[1].user.id] }), 200, srv);
	expectError(await committee2.get(`/api/reviews/${live.id}/events`), 404, 'not_found');
	const wall = sessionEvents(committee, live.id);
	await wall.ready;
	const [p] = live.presenters;
	const opened = wall.next('open');
	expectStatus(await committee.post(`/api/reviews/${live.id}/presenters/${p.id}/open`), 200, srv);
	assert.equal((await opened).data.id, p.id);
	const scored = wall.next('scored');
	expectStatus(await judges[0].client.request('PUT', `/api/reviews/${live.id}/presenters/${p.id}/scores`, { scores: { 成效: 8 } }), 200, srv);
	const s1 = await scored;
	assert.equal(s1.data.scored_by, 1);
	assert.ok(!JSON.stringify(s1.data).includes('"8'), 'no score value in the event');
	const scored2 = wall.next('scored');
	expectStatus(await judges[1].client.request('PUT', `/api/reviews/${live.id}/presenters/${p.id}/scores`, { scores: { 成效: 6 } }), 200, srv);
	assert.equal((await scored2).data.scored_by, 2);
	const closed = wall.next('closed');
	expectStatus(await committee.post(`/api/reviews/${live.id}/presenters/${p.id}/close`, {}), 200, srv);
	const c = await closed;
	assert.deepEqual(c.data.ranking.map((x) => [x.rank, x.name, x.total]), [[1, '甲', 7]]);
	assert.ok(Number(c.id) > Number(s1.id), 'event ids increase');
	// a client reconnecting with Last-Event-ID gets what it missed
	const again = await new Promise((resolve, reject) => {
		const req = http.get(`${srv.url}/api/reviews/${live.id}/events`, { headers: { ...committee.authHeaders('GET'), 'Last-Event-ID': s1.id } });
		let text = '';
		req.on('response', (res) => {
			res.setEncoding('utf8');
			res.on('data', (chunk) => { text += chunk; if (text.includes('event: closed')) { req.destroy(); resolve(text); } });
		});
		req.on('error', reject);
	});
	assert.match(again, /event: scored[\s\S]*event: closed/);
	const ended = wall.next('ended');
	expectStatus(await committee.post(`/api/reviews/${live.id}/close`), 200, srv);
	await ended;
	wall.close();
});

test('outside judges: one-time codes with QR codes, a session for this review alone', async () => {
	const body = {
		title: '述职评议（外部评委）', org_id: dist.id, held_on: TODAY,
		criteria: [{ name: '成效', max: 10 }], presenters: [{ name: '乙', org_id: unit.id }],
	};
	const rv = expectStatus(await committee.post('/api/reviews', body), 201, srv);
	expectError(await committee.post(`/api/reviews/${rv.id}/judges`, {}), 422, 'invalid_field', 'user_ids');
	expectError(await committee.post(`/api/reviews/${rv.id}/judges`, { codes: 201 }), 422, 'invalid_field', 'codes');
	const withCodes = expectStatus(await committee.post(`/api/reviews/${rv.id}/judges`, { codes: 2, weight: 2, weight_role: '群众代表' }), 200, srv);
	const coded = withCodes.judges.filter((j) => j.code);
	assert.equal(coded.length, 2);
	assert.match(coded[0].code, /^[A-HJ-NP-Z2-9]{8}$/);
	assert.equal(coded[0].weight, 2);
	assert.equal(coded[0].code_used_at, null);
	const qr = await committee.get(`/api/reviews/${rv.id}/judges/${coded[0].id}/qr.svg`);
	assert.equal(qr.status, 200);
	assert.match(qr.headers['content-type'], /^image\/svg\+xml/);
	assert.match(qr.text, /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
	expectError(await judges[0].client.get(`/api/reviews/${rv.id}/judges/${coded[0].id}/qr.svg`), 403, 'forbidden');
	// the code opens a session once
	const anon = srv.client();
	expectError(await anon.post('/api/reviews/join', { code: 'WRONGCODE' }), 422, 'invalid_field', 'code');
	const joined = expectStatus(await anon.post('/api/reviews/join', { code: coded[0].code }), 200, srv);
	assert.equal(joined.review_id, rv.id);
	assert.equal(joined.judge_id, coded[0].id);
	expectError(await anon.post('/api/reviews/join', { code: coded[0].code }), 409, 'code_used', 'code');
	const headers = { Authorization: `Bearer ${joined.token}` };
	const seen = expectStatus(await anon.get(`/api/reviews/${rv.id}`, { headers }), 200, srv);
	assert.equal(seen.my_judge_id, coded[0].id);
	// nothing else is readable with it
	expectError(await anon.get(`/api/orgs/${dist.id}`, { headers }), 404, 'not_found');
	expectError(await anon.get(`/api/reviews/${review.id}`, { headers }), 404, 'not_found');
	// it scores the open presenter, with its weight
	const [p] = rv.presenters;
	expectStatus(await committee.post(`/api/reviews/${rv.id}/presenters/${p.id}/open`), 200, srv);
	expectStatus(await anon.request('PUT', `/api/reviews/${rv.id}/presenters/${p.id}/scores`, { scores: { 成效: 9 } }, { headers }), 200, srv);
	expectStatus(await committee.post(`/api/reviews/${rv.id}/presenters/${p.id}/close`, {}), 200, srv);
	const res = expectStatus(await committee.get(`/api/reviews/${rv.id}/results`), 200, srv);
	assert.deepEqual(res.items.map((x) => [x.total, x.judges]), [[9, 1]]);
});

test('closing the session makes the results final', async () => {
	const closed = expectStatus(await committee.post(`/api/reviews/${review.id}/close`), 200, srv);
	assert.equal(closed.state, 'closed');
	expectError(await committee.post(`/api/reviews/${review.id}/close`), 409, 'review_closed');
	expectError(await committee.post(`/api/reviews/${review.id}/judges`, { user_ids: [judges[0].user.id] }), 409, 'review_closed');
	const audit = expectList(await admin.get(`/api/audit?entity=review&entity_id=${review.id}`), srv);
	assert.ok(audit.total >= 5, 'creation, judges, opens, closes are audited');
});

test('the results feed the assessment of organizations (source review_score)', async () => {
	const year = Number(TODAY.slice(0, 4));
	const s = expectStatus(await committee.post('/api/schemes', {
		name: '述职评议考核', year, org_id: dist.id,
		indicators: [{ code: 'R', title: '述职评议得分', max: 100, kind: 'data', source: 'review_score', mapping: { linear: [0, 100] } }],
	}), 201, srv);
	expectStatus(await committee.post(`/api/schemes/${s.id}/publish`, {}), 200, srv);
	const board = expectList(await committee.get(`/api/assessments?org=${dist.id}&year=${year}&kind=branch`), srv);
	// b2: 90 of 100 points, b1: 85 (the session's results as a percent)
	assert.deepEqual(board.items.map((x) => [x.org_id, x.score]), [[b2.id, 90], [b1.id, 85]]);
	const d = expectStatus(await committee.get(`/api/assessments/${b1.id}/${year}`), 200, srv);
	assert.equal(d.indicators[0].raw, 85);
});

test('the results in Excel, as in the app', async () => {
	const res = await judges[1].client.get(`/api/reviews/${review.id}/results.xlsx`);
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /spreadsheetml/);
	assert.ok(res.headers['content-disposition'].includes(encodeURIComponent('月度述职分享会评议结果.xlsx')));
	const { out } = xlsxCells(readZip(res.raw));
	assert.equal(out.A1, '月度述职分享会');
	assert.deepEqual([out.A3, out.B3, out.D3, out.F3, out.I3, out.J3], ['名次', '述职人', '工作成效（60.0分）', '总分', '等次', '整改清单']);
	assert.deepEqual([out.A6, out.B6, out.D6, out.E6, out.F6, out.I6, out.J6], [3, '第一党支部书记', 52.3, 32.7, 85, '较好', '加强理论学习']);
	expectError(await committee2.get(`/api/reviews/${review.id}/results.xlsx`), 404, 'not_found');
});

test('a member\'s result shows in its duty report (述职材料)', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	const rv = expectStatus(await committee.post('/api/reviews', {
		title: '年度述职评议', org_id: dist.id, held_on: TODAY, criteria: [{ name: '综合', max: 100 }],
		presenters: [{ name: m.name, member_id: m.id }, { name: '另一位', org_id: unit.id }],
	}), 201, srv);
	assert.equal(rv.presenters[0].org_id, b1.id, 'the member\'s organization');
	expectStatus(await committee.post(`/api/reviews/${rv.id}/judges`, { user_ids: [judges[3].user.id] }), 200, srv);
	for (const [p, v] of [[rv.presenters[0], 88], [rv.presenters[1], 92]]) {
		expectStatus(await committee.post(`/api/reviews/${rv.id}/presenters/${p.id}/open`), 200, srv);
		expectStatus(await judges[3].client.request('PUT', `/api/reviews/${rv.id}/presenters/${p.id}/scores`, { scores: { 综合: v } }), 200, srv);
		expectStatus(await committee.post(`/api/reviews/${rv.id}/presenters/${p.id}/close`, {}), 200, srv);
	}
	expectStatus(await committee.post(`/api/reviews/${rv.id}/close`), 200, srv);
	const rep = expectStatus(await committee.get(`/api/duty-reports?member_id=${m.id}&year=${TODAY.slice(0, 4)}`), 200, srv);
	assert.deepEqual(rep.reviews.map((x) => [x.title, x.total, x.rank, x.presenters, x.grade_title]), [['年度述职评议', 88, 2, 2, '较好']]);
	const html = await committee.get(`/api/duty-reports?member_id=${m.id}&year=${TODAY.slice(0, 4)}&format=html`);
	assert.match(html.text, /述职评议结果[\s\S]*年度述职评议[\s\S]*88\.0 \/ 100\.0[\s\S]*2 \/ 2[\s\S]*较好/);
});

test('two servers on one PostgreSQL: a score written through one reaches a wall on the other',
	{ skip: DB_KIND !== 'postgres' && 'live events cross servers on PostgreSQL only (one server on SQLite)' }, async () => {
	const srv2 = await startServer({ attach: true, db: srv.db });
	try {
		const body = {
			title: '两台服务器', org_id: dist.id, held_on: TODAY,
			criteria: [{ name: '成效', max: 10 }], presenters: [{ name: '丙', org_id: unit.id }],
		};
		const rv = expectStatus(await committee.post('/api/reviews', body), 201, srv);
		expectStatus(await committee.post(`/api/reviews/${rv.id}/judges`, { user_ids: [judges[4].user.id] }), 200, srv);
		// the wall on the second server, with the same session token
		const wall = sessionEvents(committee, rv.id, srv2);
		await wall.ready;
		const opened = wall.next('open');
		const [p] = rv.presenters;
		expectStatus(await committee.post(`/api/reviews/${rv.id}/presenters/${p.id}/open`), 200, srv);
		assert.equal((await opened).data.id, p.id);
		const scored = wall.next('scored');
		expectStatus(await judges[4].client.request('PUT', `/api/reviews/${rv.id}/presenters/${p.id}/scores`, { scores: { 成效: 7 } }), 200, srv);
		const s = await scored;
		assert.equal(s.data.scored_by, 1);
		const closed = wall.next('closed');
		expectStatus(await committee.post(`/api/reviews/${rv.id}/presenters/${p.id}/close`, {}), 200, srv);
		assert.deepEqual((await closed).data.ranking.map((x) => x.total), [7]);
		wall.close();
	} finally {
		await srv2.stop();
	}
});
