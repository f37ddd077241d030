// Assessment of organizations: schemes (考核办法) checked as trees and frozen
// once published; the index (硬核指数) computed from the records with the
// committee's scores, ranks among peers and vetoes; the explanation down to
// the record; 星级评定 from self-assessment through review, 公示 and
// decision; the year's star figure; scope (a secretary cannot score, a
// committee cannot reach another district) throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectStatus, expectError, expectList, todayShanghai, dayFromToday } from './harness.mjs';
import { startWithTree, membersOf, clientsFor, pointRule, award } from './fixtures.mjs';
import { readZip, xlsxCells } from './zip.mjs';

let srv, admin, city, dist, dist2, unit, b1, b2, b3;
let committee, committee2, sec1, sec3;
let scheme;
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));

// 100 scored points: A (manual 60 = A1 30 + A2 30), P (member points,
// ranked, 20), T (tasks on time, 20: nobody has tasks, so no data and full
// points); a 10-point bonus, a 5-point deduction and a veto.
const INDICATORS = [
	{ code: 'A', title: '基础工作', max: 60, kind: 'manual' },
	{ code: 'A1', title: '组织建设', parent: 'A', max: 30, kind: 'manual' },
	{ code: 'A2', title: '制度落实', parent: 'A', max: 30, kind: 'manual' },
	{ code: 'P', title: '党员积分', max: 20, kind: 'data', source: 'member_points_avg', mapping: { rank: 'desc' } },
	{ code: 'T', title: '任务按期完成', max: 20, kind: 'data', source: 'task_on_time_rate', mapping: { linear: [0, 100] } },
	{ code: 'X', title: '创新加分', max: 10, kind: 'bonus' },
	{ code: 'D', title: '反向扣分', max: 5, kind: 'deduction' },
	{ code: 'V', title: '一票否决', max: 0, kind: 'veto' },
];

before(async () => {
	({ srv, admin, city, dist, dist2, unit, b1, b2, b3 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: 'dist', b1: 'unit', b2: 'unit', b3: 'dist2',
	}));
	const [m1, m2, m3, m4] = await membersOf(admin, srv, [b1, b1, b2, b3]);
	({ committee, committee2, sec1, sec3 } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2],
		sec1: ['secretary', b1], sec3: ['secretary', b3],
	}));
	const rule = await pointRule(admin, srv, { valid_from: `${YEAR}-01-01` });
	// member points of the year: b1 (10 + 5) / 2 = 7.5, b2 5, b3 5
	for (const m of [m1, m1, m2, m3, m4]) expectStatus(await award(admin, m, rule), 201, srv);
});
after(async () => { await srv?.stop(); });

function newScheme(client, fields = {}) {
	return client.post('/api/schemes', { name: '年度考核办法', year: YEAR, org_id: city.id, indicators: INDICATORS, ...fields });
}

test('a scheme is checked as a tree: weights, parents, kinds, sources', async () => {
	const bad = (indicators) => newScheme(admin, { indicators });
	expectError(await bad(INDICATORS.map((d) => (d.code === 'P' ? { ...d, max: 10 } : d))), 422, 'invalid_field', 'indicators');
	expectError(await bad(INDICATORS.map((d) => (d.code === 'A1' ? { ...d, max: 20 } : d))), 422, 'invalid_field', 'indicators[0].max');
	expectError(await bad(INDICATORS.map((d) => (d.code === 'A2' ? { ...d, parent: 'Z' } : d))), 422, 'invalid_field', 'indicators[2].parent');
	expectError(await bad(INDICATORS.map((d) => (d.code === 'P' ? { ...d, source: 'weather' } : d))), 422, 'invalid_field', 'indicators[3].source');
	expectError(await bad(INDICATORS.map((d) => (d.code === 'P' ? { ...d, mapping: { linear: [5] } } : d))), 422, 'invalid_field', 'indicators[3].mapping');
	expectError(await bad(INDICATORS.map((d) => (d.code === 'T' ? { ...d, max: 20.25 } : d))), 422, 'invalid_field', 'indicators[4].max');
	expectError(await bad([...INDICATORS, { ...INDICATORS[0] }]), 422, 'invalid_field', 'indicators[8].code');
	expectError(await newScheme(admin, { indicators: undefined }), 422, 'invalid_field', 'indicators');
	const list = expectList(await admin.get(`/api/schemes?org=${city.id}`), srv);
	assert.equal(list.total, 0, 'nothing was written');
});

test('only a committee over the organization writes a scheme', async () => {
	expectError(await newScheme(sec1, { org_id: b1.id }), 403, 'forbidden');
	expectError(await newScheme(committee2, { org_id: dist.id }), 422, 'invalid_field', 'org_id');
	// the city is beyond a district committee: as if it did not exist
	expectError(await newScheme(committee, { org_id: city.id }), 422, 'invalid_field', 'org_id');
});

test('templates: the five-star and fortress schemes from practice', async () => {
	const t = expectStatus(await admin.get('/api/schemes/templates'), 200, srv);
	assert.deepEqual(t.items.map((x) => x.code), ['five_star', 'fortress']);
	const five = t.items[0];
	assert.equal(five.indicators.length, 8);
	assert.equal(five.total, 100);
	assert.equal(five.bonus_total, 10);
	const s = expectStatus(await admin.post('/api/schemes', { name: '五星创评', year: YEAR - 1, org_id: city.id, template: 'fortress' }), 201, srv);
	assert.equal(s.total, 100);
	assert.ok(s.indicators.some((d) => d.open && d.code === 'PX'), 'the 个性 slot is left open');
	expectStatus(await admin.del(`/api/schemes/${s.id}`), 200, srv);
});

test('a published scheme is frozen; a new version replaces it', async () => {
	scheme = expectStatus(await newScheme(admin), 201, srv);
	assert.equal(scheme.state, 'draft');
	assert.equal(scheme.version, 1);
	assert.equal(scheme.total, 100);
	const renamed = expectStatus(await admin.patch(`/api/schemes/${scheme.id}`, { name: '市直机关年度考核办法' }), 200, srv);
	assert.equal(renamed.name, '市直机关年度考核办法');
	assert.equal(renamed.indicators.length, INDICATORS.length);
	const pub = expectStatus(await admin.post(`/api/schemes/${scheme.id}/publish`, {}), 200, srv);
	assert.equal(pub.state, 'published');
	assert.equal(pub.effective_from, TODAY);
	expectError(await admin.patch(`/api/schemes/${scheme.id}`, { name: '改' }), 409, 'published');
	expectError(await admin.del(`/api/schemes/${scheme.id}`), 409, 'published');
	const v2 = expectStatus(await admin.post(`/api/schemes/${scheme.id}/versions`), 201, srv);
	assert.equal(v2.version, 2);
	assert.equal(v2.lineage_id, scheme.id);
	assert.equal(v2.state, 'draft');
	// the draft version does not apply until published: delete it
	expectStatus(await admin.del(`/api/schemes/${v2.id}`), 200, srv);
	// a branch secretary reads the city's scheme that applies to it, and a
	// district committee finds the schemes above it to adopt
	expectStatus(await sec1.get(`/api/schemes/${scheme.id}`), 200, srv);
	const above = expectList(await committee.get(`/api/schemes/applicable?org=${dist.id}&year=${YEAR}`), srv);
	assert.deepEqual(above.items.map((x) => [x.id, x.state, x.indicators.length]), [[scheme.id, 'published', INDICATORS.length]]);
	expectError(await committee2.get(`/api/schemes/applicable?org=${dist.id}&year=${YEAR}`), 404, 'not_found');
	expectError(await committee.get(`/api/schemes/applicable?year=${YEAR}`), 422, 'invalid_field', 'org');
});

test('the committee above scores manual items, with bounds and scope', async () => {
	const put = (client, org, body) => client.request('PUT', `/api/assessments/${org.id}/${YEAR}/scores`, body);
	expectError(await put(sec1, b1, { code: 'A1', points: 25, reason: '自评' }), 403, 'forbidden');
	expectError(await put(committee2, b1, { code: 'A1', points: 25, reason: '越界' }), 404, 'not_found');
	expectError(await put(committee, b1, { code: 'A1', points: 31, reason: '超限' }), 422, 'invalid_field', 'points');
	expectError(await put(committee, b1, { code: 'P', points: 1, reason: '数据项' }), 422, 'invalid_field', 'code');
	expectError(await put(committee, b1, { code: 'A', points: 1, reason: '上级项' }), 422, 'invalid_field', 'code');
	expectError(await put(committee, b1, { code: 'NOPE', points: 1, reason: '无此项' }), 422, 'invalid_field', 'code');
	const s = expectStatus(await put(committee, b1, { code: 'A1', points: 25, reason: '组织建设扎实' }), 200, srv);
	assert.equal(s.points, 25);
	expectStatus(await put(committee, b1, { code: 'A2', points: 30, reason: '制度执行到位' }), 200, srv);
	expectStatus(await put(committee, b1, { code: 'X', points: 5, reason: '品牌创建' }), 200, srv);
	expectStatus(await put(committee, b1, { code: 'D', points: 2, reason: '报送迟缓' }), 200, srv);
	// a score can be changed; the last one counts
	expectStatus(await put(committee, b1, { code: 'A1', points: 25.5, reason: '复核后调整' }), 200, srv);
	expectStatus(await put(committee, b1, { code: 'A1', points: 25, reason: '组织建设扎实' }), 200, srv);
	expectError(await put(committee2, b3, { code: 'V', points: 2, reason: '否决' }), 422, 'invalid_field', 'points');
});

test('the index ranks peers with ties and explains itself', async () => {
	const board = expectList(await admin.get(`/api/assessments?org=${city.id}&year=${YEAR}&kind=branch`), srv);
	// b1: A 55 + P 20 (rank 1 of 3) + T 20 (no data: full) + X 5 - D 2 = 98
	// b2, b3: P 10 (rank 2 of 3, tied) + T 20 = 30
	assert.deepEqual(board.items.map((x) => [x.org_id, x.rank, x.score, x.stars]),
		[[b1.id, 1, 98, 5], [b2.id, 2, 30, 1], [b3.id, 2, 30, 1]]);
	assert.equal(board.items[0].org_parent_name, unit.name);
	assert.equal(board.items[0].change, null, 'no index of the year before');
	const d = expectStatus(await sec1.get(`/api/assessments/${b1.id}/${YEAR}`), 200, srv);
	assert.equal(d.score, 98);
	const by = Object.fromEntries(d.indicators.map((x) => [x.code, x]));
	assert.equal(by.A.points, 55);
	assert.equal(by.A.lost, 5);
	assert.equal(by.A1.score.reason, '组织建设扎实');
	assert.equal(by.A1.score.points, 25);
	assert.equal(by.P.raw, 7.5);
	assert.equal(by.P.rank, 1);
	assert.equal(by.P.peers, 3);
	assert.equal(by.T.no_data, true);
	assert.equal(by.T.points, 20);
	assert.equal(by.D.points, 2);
	// scope: a committee of another district reads neither
	expectError(await committee2.get(`/api/assessments/${b1.id}/${YEAR}`), 404, 'not_found');
	const own = expectList(await committee2.get(`/api/assessments?year=${YEAR}&kind=branch`), srv);
	assert.deepEqual(own.items.map((x) => x.org_id), [b3.id], 'only its own district');
	assert.equal(own.items[0].rank, 1);
	expectError(await committee2.get(`/api/assessments?org=${dist.id}&year=${YEAR}`), 404, 'not_found');
});

test('a veto makes the year one star whatever the points', async () => {
	expectStatus(await committee2.request('PUT', `/api/assessments/${b3.id}/${YEAR}/scores`, { code: 'V', points: 1, reason: '严重违纪' }), 200, srv);
	const d = expectStatus(await sec3.get(`/api/assessments/${b3.id}/${YEAR}`), 200, srv);
	assert.equal(d.vetoed, true);
	assert.equal(d.stars, 1);
	assert.equal(d.indicators.find((x) => x.code === 'V').vetoed, true);
});

test('star rating: self-assessment, review, 公示, decision, and the figure', async () => {
	const r = expectStatus(await sec1.post('/api/star-ratings', {
		org_id: b1.id, year: YEAR, claimed: 5, note: '全年工作扎实', evidence: ['党建品牌获市级表彰'],
	}), 201, srv);
	assert.equal(r.state, 'self_assessed');
	assert.equal(r.claimed, 5);
	assert.equal(r.computed, 5);
	assert.equal(r.score, 98);
	assert.deepEqual(r.evidence, ['党建品牌获市级表彰']);
	expectError(await sec1.post('/api/star-ratings', { org_id: b1.id, year: YEAR, claimed: 4 }), 409, 'exists');
	expectError(await sec3.post('/api/star-ratings', { org_id: b1.id, year: YEAR, claimed: 4 }), 422, 'invalid_field', 'org_id');
	expectError(await sec1.post(`/api/star-ratings/${r.id}/review`, { stars: 5 }), 403, 'forbidden');
	expectError(await committee2.post(`/api/star-ratings/${r.id}/review`, { stars: 5 }), 404, 'not_found');
	expectError(await committee.post(`/api/star-ratings/${r.id}/review`, { stars: 4 }), 422, 'invalid_field', 'reason');
	const rv = expectStatus(await committee.post(`/api/star-ratings/${r.id}/review`, {
		stars: 4, reason: '创新成效尚需检验', visit_notes: '实地察看阵地建设',
	}), 200, srv);
	assert.equal(rv.state, 'reviewed');
	assert.equal(rv.reviewed_stars, 4);
	expectError(await committee.post(`/api/star-ratings/${r.id}/decide`), 409, 'not_noticed');
	// the 公示 of the district's reviewed ratings, its window already past
	const notice = expectStatus(await committee.post('/api/notices', {
		subject: 'star_ratings', org_id: dist.id, year: YEAR, opens_on: dayFromToday(-8), closes_on: dayFromToday(-1),
	}), 201, srv);
	assert.equal(notice.subject, 'star_ratings');
	assert.equal(notice.state, 'closed');
	assert.deepEqual(notice.rows.map((x) => [x.org_id, x.stars, x.score, x.parent_name]), [[b1.id, 4, 98, unit.name]]);
	expectError(await committee.post('/api/notices', { subject: 'star_ratings', org_id: dist.id, year: YEAR, closes_on: dayFromToday(5) }), 409, 'nothing_to_publish');
	expectError(await committee.post('/api/notices', { subject: 'star_ratings', org_id: dist.id, closes_on: dayFromToday(5) }), 422, 'invalid_field', 'year');
	expectError(await committee.post('/api/notices', { subject: 'star_ratings', org_id: dist.id, year: YEAR, period: String(YEAR), closes_on: dayFromToday(5) }), 422, 'invalid_field', 'period');
	expectError(await committee.post(`/api/star-ratings/${r.id}/review`, { stars: 5, reason: '再议' }), 409, 'frozen');
	const dec = expectStatus(await committee.post(`/api/star-ratings/${r.id}/decide`), 200, srv);
	assert.equal(dec.state, 'decided');
	assert.equal(dec.decided_stars, 4);
	expectError(await committee.post(`/api/star-ratings/${r.id}/decide`), 409, 'decided');
	const sum = expectStatus(await admin.get(`/api/star-ratings/summary?org=${city.id}&year=${YEAR}`), 200, srv);
	assert.equal(sum.orgs, 1);
	assert.deepEqual(sum.by_stars, { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 });
	assert.equal(sum.four_plus, 1);
	assert.equal(sum.four_plus_share, 100);
	assert.deepEqual(sum.by_child.map((c) => [c.org_id, c.orgs, c.four_plus]).sort((a, b) => a[0] - b[0]),
		[[dist.id, 1, 1], [dist2.id, 0, 0]]);
	assert.deepEqual(sum.items.map((x) => [x.org_id, x.stars, x.child_id]), [[b1.id, 4, dist.id]]);
	expectError(await committee2.get(`/api/star-ratings/summary?org=${dist.id}&year=${YEAR}`), 404, 'not_found');
	// the point board notices keep working under the same mechanism
	const pb = expectStatus(await committee.post('/api/notices', {
		subject: 'points_board', org_id: dist.id, period: String(YEAR), kind: 'members', closes_on: dayFromToday(3),
	}), 201, srv);
	assert.equal(pb.subject, 'points_board');
	assert.equal(expectStatus(await committee.get(`/api/point-notices/${pb.id}`), 200, srv).subject, 'points_board');
});

test('a decision waits for the 公示 to close', async () => {
	const r = expectStatus(await admin.post('/api/star-ratings', { org_id: b2.id, year: YEAR, claimed: 1 }), 201, srv);
	expectStatus(await committee.post(`/api/star-ratings/${r.id}/review`, { stars: 1 }), 200, srv);
	const n = expectStatus(await committee.post('/api/notices', {
		subject: 'star_ratings', org_id: unit.id, year: YEAR, closes_on: dayFromToday(5),
	}), 201, srv);
	assert.equal(n.state, 'open');
	expectError(await committee.post(`/api/star-ratings/${r.id}/decide`), 409, 'notice_open');
	const list = expectList(await committee.get(`/api/star-ratings?year=${YEAR}&state=reviewed`), srv);
	assert.deepEqual(list.items.map((x) => [x.org_id, x.notice_state]), [[b2.id, 'open']]);
	expectError(await admin.get('/api/star-ratings?state=other'), 422, 'invalid_field');
});

test('no scheme, no score', async () => {
	expectError(await committee.request('PUT', `/api/assessments/${b1.id}/${YEAR - 3}/scores`, { code: 'A1', points: 1, reason: '往年' }), 409, 'no_scheme');
	const d = expectStatus(await sec1.get(`/api/assessments/${b1.id}/${YEAR - 3}`), 200, srv);
	assert.equal(d.scheme, null);
	expectError(await sec1.post('/api/star-ratings', { org_id: b1.id, year: YEAR - 3, claimed: 3 }), 409, 'no_scheme');
});

test('a district adopts the city\'s scheme and fills the 个性 slot it left open', async () => {
	const Y2 = YEAR + 1; // the test's organizations did not exist in earlier years
	const city2 = expectStatus(await admin.post('/api/schemes', { name: '堡垒指数', year: Y2, org_id: city.id, template: 'fortress' }), 201, srv);
	const own = [
		{ code: 'PX1', title: '特色品牌', parent: 'PX', max: 25, kind: 'manual' },
		{ code: 'PX2', title: '服务群众', parent: 'PX', max: 15, kind: 'manual' },
	];
	const adopt = (indicators, extra = {}) => committee.post('/api/schemes', { name: '甲区堡垒指数', year: Y2, org_id: dist.id, adopts: city2.id, indicators, ...extra });
	expectError(await adopt(own), 422, 'invalid_field', 'adopts'); // not published yet
	expectStatus(await admin.post(`/api/schemes/${city2.id}/publish`, {}), 200, srv);
	expectError(await adopt([{ ...own[0], max: 25 }, { ...own[1], max: 10 }]), 422, 'invalid_field', 'indicators[4].max');
	expectError(await adopt([{ ...own[0], parent: 'GX' }, own[1]]), 422, 'invalid_field');
	expectError(await adopt(own, { year: Y2 + 1 }), 422, 'invalid_field', 'adopts');
	const d = expectStatus(await adopt(own), 201, srv);
	assert.equal(d.adopts_id, city2.id);
	assert.equal(d.total, 100);
	assert.deepEqual(d.indicators.filter((x) => !x.inherited).map((x) => x.code), ['PX1', 'PX2']);
	assert.ok(d.indicators.filter((x) => x.inherited).length >= 7);
	expectStatus(await committee.post(`/api/schemes/${d.id}/publish`, {}), 200, srv);
	// the district's branches are assessed under the adopted scheme, the
	// other district's under the city's
	const e1 = expectStatus(await sec1.get(`/api/assessments/${b1.id}/${Y2}`), 200, srv);
	assert.equal(e1.scheme.id, d.id);
	assert.ok(e1.indicators.some((x) => x.code === 'PX1'));
	const e3 = expectStatus(await sec3.get(`/api/assessments/${b3.id}/${Y2}`), 200, srv);
	assert.equal(e3.scheme.id, city2.id);
	// the district's 个性 item is scored by the district
	expectStatus(await committee.request('PUT', `/api/assessments/${b1.id}/${Y2}/scores`, { code: 'PX1', points: 20, reason: '品牌特色鲜明' }), 200, srv);
	const after1 = expectStatus(await sec1.get(`/api/assessments/${b1.id}/${Y2}`), 200, srv);
	assert.equal(after1.indicators.find((x) => x.code === 'PX').points, 20);
});

test('the index board in Excel', async () => {
	const res = await admin.get(`/api/assessments.xlsx?org=${city.id}&year=${YEAR}&kind=branch`);
	assert.equal(res.status, 200);
	const { out } = xlsxCells(readZip(res.raw));
	assert.equal(out.A1, `${city.name}${YEAR}年度硬核指数排名`);
	assert.deepEqual([out.A4, out.B4, out.D4, out.H4], [1, b1.name, 98, '★★★★★']);
	assert.deepEqual([out.A5, out.A6, out.D6], [2, 2, 30]);
	expectError(await committee2.get(`/api/assessments.xlsx?org=${dist.id}&year=${YEAR}`), 404, 'not_found');
});
