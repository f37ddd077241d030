// The honors and results registry (荣誉与成果) and party-building brands
// (党建品牌): entries written by the committee over the organization or
// member (or the admin), read within scope; the year's counts over a
// subtree ("一等奖1个、二等奖5个…") in JSON and Excel; proof files through
// the one attachment mechanism; brands with their linked honors and the
// yearly review by the committee above.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor, TWO_DISTRICTS } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, uniq, createOrg, todayShanghai, dayFromToday, CHINESE, PNG,
} from './harness.mjs';
import { readZip, xlsxCells } from './zip.mjs';

let srv, admin, city, dist, dist2, b1, b2, b3;
let com, com2, sec1, memberUser, m1, m3;
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	({ com, com2, sec1 } = await clientsFor(admin, srv, {
		com: ['committee', dist], com2: ['committee', dist2], sec1: ['secretary', b1],
	}));
	[m1, m3] = await membersOf(admin, srv, [b1, b3]);
	({ memberUser } = await clientsFor(admin, srv, { memberUser: ['member', b1, m1] }));
});
after(async () => { await srv?.stop(); });

function honor(fields = {}) {
	return {
		title: uniq('机关党建调研课题'), category: '调研成果', level: '省级', grade: '一等奖',
		year: YEAR, awarded_by: '省直机关工委', awarded_on: TODAY, org_id: b1.id, ...fields,
	};
}

test('a committee registers an honor of an organization below it; 201 with the entry, audited', async () => {
	const h = expectStatus(await com.post('/api/honors', honor()), 201, srv);
	assert.equal(h.org_id, b1.id);
	assert.equal(h.org_name, b1.name);
	assert.equal(h.category, '调研成果');
	assert.equal(h.grade, '一等奖');
	assert.equal(h.member_id, null);
	assert.equal(h.source, 'manual');
	assert.equal(h.attachment_count, 0);
	const got = expectStatus(await sec1.get(`/api/honors/${h.id}`), 200, srv);
	assert.equal(got.title, h.title);
	const audit = expectList(await admin.get(`/api/audit?entity=honor&entity_id=${h.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
});

test('a member\'s honor belongs to the member\'s organization; categories fit the holder', async () => {
	const h = expectStatus(await com.post('/api/honors', honor({
		org_id: undefined, member_id: m1.id, category: '先进个人', grade: null, level: '市级',
	})), 201, srv);
	assert.equal(h.member_id, m1.id);
	assert.equal(h.member_name, m1.name);
	assert.equal(h.org_id, b1.id);
	assert.equal(h.grade, null);
	expectError(await com.post('/api/honors', honor({ org_id: undefined, member_id: m1.id, category: '先进集体' })),
		422, 'invalid_field', 'category', srv);
	expectError(await com.post('/api/honors', honor({ category: '先进个人' })), 422, 'invalid_field', 'category', srv);
	expectError(await com.post('/api/honors', honor({ org_id: b2.id, member_id: m1.id })), 422, 'invalid_field', 'member_id', srv);
});

test('bad input is refused naming the field, with nothing written', async () => {
	const before = expectList(await admin.get(`/api/honors?org=${city.id}`), srv).total;
	const bad = [
		[{ category: '金奖' }, 'category'],
		[{ level: '乡镇级' }, 'level'],
		[{ grade: '金奖' }, 'grade'],
		[{ title: '' }, 'title'],
		[{ awarded_on: '2024-02-30' }, 'awarded_on'],
		[{ awarded_on: dayFromToday(1) }, 'awarded_on'],
		[{ year: YEAR + 2 }, 'year'],
		[{ org_id: undefined }, 'org_id'],
		[{ org_id: 999999 }, 'org_id'],
		[{ brand_id: 999999 }, 'brand_id'],
	];
	for (const [f, field] of bad) {
		const res = await com.post('/api/honors', honor(f));
		expectError(res, 422, 'invalid_field', field, srv);
		assert.match(res.body.error.message, CHINESE);
	}
	assert.equal(expectList(await admin.get(`/api/honors?org=${city.id}`), srv).total, before);
});

test('only the committee over the organization (or the admin) writes; reads stay in scope', async () => {
	expectError(await sec1.post('/api/honors', honor()), 403, 'forbidden', undefined, srv);
	expectError(await com2.post('/api/honors', honor()), 403, 'forbidden', undefined, srv);
	const h = expectStatus(await admin.post('/api/honors', honor({ org_id: b3.id })), 201, srv);
	expectError(await com.get(`/api/honors/${h.id}`), 404, 'not_found', undefined, srv);
	expectError(await com.patch(`/api/honors/${h.id}`, { title: '改名' }), 403, 'forbidden', undefined, srv);
	expectError(await com.del(`/api/honors/${h.id}`), 403, 'forbidden', undefined, srv);
	const mine = expectList(await com.get('/api/honors'), srv);
	assert.ok(mine.items.every((x) => x.org_id !== b3.id));
	expectError(await com.get(`/api/honors?org=${dist2.id}`), 404, 'not_found', 'org', srv);
	expectError(await com.get(`/api/honors/summary?org=${dist2.id}`), 404, 'not_found', 'org', srv);
	// a member role has no organization scope to list
	assert.equal(expectList(await memberUser.get('/api/honors'), srv).total, 0);
});

test('the year\'s counts over a subtree read as the speech does, each with its list', async () => {
	const org = await createOrg(admin, { name: uniq('统计用机关党委'), kind: 'organ_committee', level: 'county', parent_id: city.id }, srv);
	const b = await createOrg(admin, { name: uniq('统计用支部'), kind: 'branch', level: 'county', parent_id: org.id }, srv);
	const grades = ['一等奖', '二等奖', '二等奖', '二等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖'];
	for (const g of grades) expectStatus(await admin.post('/api/honors', honor({ org_id: b.id, grade: g })), 201, srv);
	expectStatus(await admin.post('/api/honors', honor({ org_id: org.id, category: '案例', grade: '十佳', level: '市级' })), 201, srv);
	expectStatus(await admin.post('/api/honors', honor({ org_id: org.id, category: '先进集体', grade: null, level: '市级' })), 201, srv);
	// last year's does not count this year
	expectStatus(await admin.post('/api/honors', honor({ org_id: b.id, year: YEAR - 1, awarded_on: `${YEAR - 1}-06-01` })), 201, srv);
	const s = expectStatus(await admin.get(`/api/honors/summary?org=${org.id}&year=${YEAR}`), 200, srv);
	assert.equal(s.total, 11);
	assert.equal(s.by_category['调研成果'], 9);
	assert.equal(s.by_category['案例'], 1);
	assert.equal(s.by_category['先进集体'], 1);
	assert.equal(s.by_level['省级'], 9);
	assert.deepEqual([s.by_grade['一等奖'], s.by_grade['二等奖'], s.by_grade['三等奖'], s.by_grade['十佳']], [1, 5, 3, 1]);
	assert.equal(s.phrases.grade, '一等奖1个、二等奖5个、三等奖3个、十佳1个');
	assert.equal(s.items.length, 11);
	assert.equal(s.items.filter((x) => x.grade === '二等奖').length, 5);
	// the year defaults to this one
	const d = expectStatus(await admin.get(`/api/honors/summary?org=${org.id}`), 200, srv);
	assert.equal(d.year, YEAR);
	assert.equal(d.total, 11);
	// filters of the list
	assert.equal(expectList(await admin.get(`/api/honors?org=${org.id}&year=${YEAR}&grade=二等奖`), srv).total, 5);
	assert.equal(expectList(await admin.get(`/api/honors?org=${org.id}&category=先进集体`), srv).total, 1);
	expectError(await admin.get(`/api/honors?grade=金奖`), 422, 'invalid_field', 'grade', srv);
	// in Excel: the counts, then the list
	const res = await admin.get(`/api/honors/summary.xlsx?org=${org.id}&year=${YEAR}`);
	assert.equal(res.status, 200);
	const zip = readZip(res.raw);
	const { out } = xlsxCells(zip);
	assert.equal(out.A1, `${YEAR}年度荣誉与成果统计`);
	const rows = Object.keys(out).filter((k) => /^B\d+$/.test(k)).map((k) => [out[k], out[`C${k.slice(1)}`]]);
	assert.deepEqual(rows.find((r) => r[0] === '二等奖'), ['二等奖', 5]);
	const list = xlsxCells(zip, 'xl/worksheets/sheet2.xml').out;
	assert.equal(Object.keys(list).filter((k) => /^A\d+$/.test(k) && typeof list[k] === 'number').length, 11);
});

test('proof files hang on the honor: uploaded by its committee, read in scope, deleted with it', async () => {
	const h = expectStatus(await com.post('/api/honors', honor()), 201, srv);
	const up = (client) => client.request('POST', `/api/honors/${h.id}/attachments?name=${encodeURIComponent('证书.png')}`, PNG,
		{ headers: { 'Content-Type': 'image/png' } });
	const a = expectStatus(await up(com), 201, srv);
	assert.equal(a.subject, 'honor');
	assert.equal(a.subject_id, h.id);
	assert.equal(a.meeting_id, undefined);
	expectError(await up(sec1), 403, 'forbidden', undefined, srv);
	const list = expectStatus(await sec1.get(`/api/honors/${h.id}/attachments`), 200, srv);
	assert.equal(list.items.length, 1);
	const file = await sec1.get(a.url);
	assert.equal(file.status, 200);
	assert.ok(file.raw.equals(PNG));
	// a secretary below may read it but not delete it
	expectError(await sec1.del(a.url), 403, 'forbidden', undefined, srv);
	expectError(await com2.get(a.url), 404, 'not_found', undefined, srv);
	assert.equal(expectStatus(await com.get(`/api/honors/${h.id}`), 200, srv).attachment_count, 1);
	expectStatus(await com.del(`/api/honors/${h.id}`), 200, srv);
	expectError(await com.get(a.url), 404, 'not_found', undefined, srv);
	expectError(await com.get(`/api/honors/${h.id}`), 404, 'not_found', undefined, srv);
});

test('PATCH changes fields and the holder under the same checks', async () => {
	const h = expectStatus(await com.post('/api/honors', honor()), 201, srv);
	const p = expectStatus(await com.patch(`/api/honors/${h.id}`, { grade: '二等奖', org_id: b2.id }), 200, srv);
	assert.equal(p.grade, '二等奖');
	assert.equal(p.org_id, b2.id);
	expectError(await com.patch(`/api/honors/${h.id}`, { org_id: b3.id }), 403, 'forbidden', undefined, srv);
	expectError(await com.patch(`/api/honors/${h.id}`, { awarded_on: dayFromToday(3) }), 422, 'invalid_field', 'awarded_on', srv);
	assert.equal(expectStatus(await com.get(`/api/honors/${h.id}`), 200, srv).org_id, b2.id);
});

test('brands: kept by the organization, honors linked, reviewed yearly by the committee above', async () => {
	const name = uniq('红色引擎');
	const b = expectStatus(await sec1.post('/api/brands', {
		org_id: b1.id, name, slogan: '支部建在项目上', started_year: YEAR - 2,
	}), 201, srv);
	assert.equal(b.name, name);
	assert.equal(b.honor_count, 0);
	assert.deepEqual(b.reviews, []);
	expectError(await sec1.post('/api/brands', { org_id: b1.id, name, started_year: YEAR }), 409, 'duplicate_name', 'name', srv);
	expectError(await sec1.post('/api/brands', { org_id: b2.id, name: uniq('x'), started_year: YEAR }), 403, 'forbidden', 'org_id', srv);
	expectError(await sec1.post('/api/brands', { org_id: b1.id, name: uniq('x'), started_year: YEAR + 1 }), 422, 'invalid_field', 'started_year', srv);
	// an honor of the brand
	const h = expectStatus(await com.post('/api/honors', honor({ category: '品牌', grade: '优秀', brand_id: b.id })), 201, srv);
	assert.equal(h.brand_name, name);
	// the secretary of the brand's own org does not review it; the committee above does
	expectError(await sec1.request('PUT', `/api/brands/${b.id}/reviews/${YEAR}`, { grade: '优秀' }), 403, 'forbidden', undefined, srv);
	expectError(await com.request('PUT', `/api/brands/${b.id}/reviews/${YEAR}`, { grade: '特优' }), 422, 'invalid_field', 'grade', srv);
	expectError(await com.request('PUT', `/api/brands/${b.id}/reviews/${YEAR - 3}`, { grade: '良好' }), 422, 'invalid_field', 'year', srv);
	expectStatus(await com.request('PUT', `/api/brands/${b.id}/reviews/${YEAR}`, { grade: '良好', notes: '成效明显' }), 200, srv);
	const got = expectStatus(await com.request('PUT', `/api/brands/${b.id}/reviews/${YEAR}`, { grade: '优秀', notes: '特色鲜明' }), 200, srv);
	assert.equal(got.reviews.length, 1);
	assert.equal(got.reviews[0].grade, '优秀');
	assert.equal(got.last_grade, '优秀');
	assert.equal(got.last_year, YEAR);
	assert.equal(got.honor_count, 1);
	assert.equal(got.honors[0].id, h.id);
	// the subtree's brands on one page; another district's committee sees none of them
	const list = expectList(await com.get(`/api/brands?org=${dist.id}`), srv);
	assert.ok(list.items.some((x) => x.id === b.id && x.honor_count === 1));
	assert.ok(!expectList(await com2.get('/api/brands'), srv).items.some((x) => x.id === b.id));
	expectError(await com2.get(`/api/brands/${b.id}`), 404, 'not_found', undefined, srv);
	// deleting the brand keeps its honors
	expectStatus(await sec1.del(`/api/brands/${b.id}`), 200, srv);
	const kept = expectStatus(await com.get(`/api/honors/${h.id}`), 200, srv);
	assert.equal(kept.brand_id, null);
});

test('the assessment source "honors" counts the year\'s entries of each organization, and lists them', async () => {
	const org = await createOrg(admin, { name: uniq('考核用机关党委'), kind: 'organ_committee', level: 'county', parent_id: city.id }, srv);
	const x1 = await createOrg(admin, { name: uniq('考核用支部'), kind: 'branch', level: 'county', parent_id: org.id }, srv);
	const x2 = await createOrg(admin, { name: uniq('考核用支部'), kind: 'branch', level: 'county', parent_id: org.id }, srv);
	const titles = [];
	for (let i = 0; i < 3; i++) {
		const h = expectStatus(await admin.post('/api/honors', honor({ org_id: x1.id, grade: i ? '二等奖' : '一等奖' })), 201, srv);
		titles.push(h.title);
	}
	expectStatus(await admin.post('/api/honors', honor({ org_id: x2.id })), 201, srv);
	// last year's does not count
	expectStatus(await admin.post('/api/honors', honor({ org_id: x2.id, year: YEAR - 1, awarded_on: `${YEAR - 1}-05-01` })), 201, srv);
	const scheme = expectStatus(await admin.post('/api/schemes', {
		name: '荣誉考核办法', year: YEAR, org_id: org.id,
		indicators: [{ code: 'H', title: '荣誉成果', max: 100, kind: 'data', source: 'honors', mapping: { steps: [[1, 40], [3, 100]] } }],
	}), 201, srv);
	expectStatus(await admin.post(`/api/schemes/${scheme.id}/publish`, {}), 200, srv);
	const d1 = expectStatus(await admin.get(`/api/assessments/${x1.id}/${YEAR}`), 200, srv);
	const h1 = d1.indicators.find((x) => x.code === 'H');
	assert.equal(h1.raw, 3);
	assert.equal(h1.points, 100);
	assert.deepEqual(h1.records.map((r) => r.kind), ['honor', 'honor', 'honor']);
	assert.ok(titles.every((t) => h1.records.some((r) => r.title.startsWith(t))));
	const h2 = expectStatus(await admin.get(`/api/assessments/${x2.id}/${YEAR}`), 200, srv).indicators.find((x) => x.code === 'H');
	assert.equal(h2.raw, 1);
	assert.equal(h2.points, 40);
});
