// The lecture library (党课库): lectures kept by whoever manages their
// organization (secretary, committee above, admin), read within scope and
// filtered by organization, kind, year and words; slides and videos
// through the one attachment mechanism; no view counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor, TWO_DISTRICTS } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, uniq, todayShanghai, dayFromToday, createUserAndLogin,
} from './harness.mjs';

let srv, admin, dist, dist2, b1, b2, b3;
let com, com2, sec1, sec2;
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

before(async () => {
	({ srv, admin, dist, dist2, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	({ com, com2, sec1, sec2 } = await clientsFor(admin, srv, {
		com: ['committee', dist], com2: ['committee', dist2],
		sec1: ['secretary', b1], sec2: ['secretary', b2],
	}));
});
after(async () => { await srv?.stop(); });

function lecture(fields = {}) {
	return {
		title: uniq('学习贯彻党的二十届三中全会精神'), speaker: '王书记', given_on: TODAY,
		kind: '微党课', org_id: b1.id, summary: '结合本单位实际讲解全会精神', ...fields,
	};
}

test('a secretary records a lecture of its branch; 201 with it, audited, in the catalog', async () => {
	const l = expectStatus(await sec1.post('/api/lectures', lecture()), 201, srv);
	assert.equal(l.org_id, b1.id);
	assert.equal(l.org_name, b1.name);
	assert.equal(l.kind, '微党课');
	assert.equal(l.given_on, TODAY);
	assert.equal(l.attachment_count, 0);
	assert.equal(l.views, undefined);
	const got = expectStatus(await com.get(`/api/lectures/${l.id}`), 200, srv);
	assert.equal(got.title, l.title);
	const audit = expectList(await admin.get(`/api/audit?entity=lecture&entity_id=${l.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	assert.deepEqual(cat.lecture_kinds.map((k) => k.code).slice(0, 3), ['思政课', '微党课', 'Talk秀']);
});

test('bad input is a 422 naming the field; nothing is written', async () => {
	const before = expectList(await sec1.get(`/api/lectures?org=${b1.id}&size=200`), srv).total;
	for (const [fields, field] of [
		[{ title: '' }, 'title'],
		[{ speaker: undefined }, 'speaker'],
		[{ kind: '大讲堂' }, 'kind'],
		[{ given_on: '2020-02-30' }, 'given_on'],
		[{ given_on: dayFromToday(1) }, 'given_on'],
		[{ org_id: 'x' }, 'org_id'],
		[{ org_id: 999999 }, 'org_id'],
	]) {
		expectError(await sec1.post('/api/lectures', lecture(fields)), 422, 'invalid_field', field, srv);
	}
	expectError(await sec1.get('/api/lectures?kind=nope'), 422, 'invalid_field', 'kind', srv);
	assert.equal(expectList(await sec1.get(`/api/lectures?org=${b1.id}&size=200`), srv).total, before);
});

test('scope: another branch or district may neither write nor read it', async () => {
	expectError(await sec1.post('/api/lectures', lecture({ org_id: b2.id })), 403, 'forbidden', 'org_id', srv);
	const l = expectStatus(await sec1.post('/api/lectures', lecture()), 201, srv);
	expectError(await sec2.patch(`/api/lectures/${l.id}`, { title: '改' }), 403, 'forbidden', undefined, srv);
	expectError(await com2.get(`/api/lectures/${l.id}`), 404, 'not_found', undefined, srv);
	expectError(await com2.del(`/api/lectures/${l.id}`), 403, 'forbidden', undefined, srv);
	assert.ok(!expectList(await com2.get('/api/lectures?size=200'), srv).items.some((x) => x.id === l.id));
	expectError(await com2.get(`/api/lectures?org=${b1.id}`), 404, 'not_found', 'org', srv);
	// the committee above changes it
	const p = expectStatus(await com.patch(`/api/lectures/${l.id}`, { kind: 'Talk秀', speaker: '李委员' }), 200, srv);
	assert.equal(p.kind, 'Talk秀');
	assert.equal(p.speaker, '李委员');
	assert.equal(p.title, l.title);
	expectError(await com.patch(`/api/lectures/${l.id}`, { given_on: dayFromToday(2) }), 422, 'invalid_field', 'given_on', srv);
});

test('the list filters by organization, kind, year and words, the latest first', async () => {
	const word = uniq('廉洁');
	const old = dayFromToday(-400);
	const a = expectStatus(await sec1.post('/api/lectures', lecture({ title: `${word}文化微党课`, given_on: old })), 201, srv);
	const b = expectStatus(await sec2.post('/api/lectures', lecture({ org_id: b2.id, kind: '思政课', speaker: word })), 201, srv);
	const c = expectStatus(await com2.post('/api/lectures', lecture({ org_id: b3.id, title: `${word}之道` })), 201, srv);
	const ids = (r) => expectList(r, srv).items.map((x) => x.id);
	const q = encodeURIComponent(word);
	assert.deepEqual(ids(await com.get(`/api/lectures?q=${q}`)), [b.id, a.id]);
	assert.deepEqual(ids(await admin.get(`/api/lectures?q=${q}`)).sort(), [a.id, b.id, c.id].sort());
	assert.deepEqual(ids(await com.get(`/api/lectures?q=${q}&org=${b2.id}`)), [b.id]);
	assert.deepEqual(ids(await com.get(`/api/lectures?q=${q}&kind=${encodeURIComponent('思政课')}`)), [b.id]);
	assert.deepEqual(ids(await com.get(`/api/lectures?q=${q}&year=${Number(old.slice(0, 4))}`)), [a.id]);
	assert.deepEqual(ids(await com.get(`/api/lectures?q=${q}&year=${YEAR}`)), [b.id]);
	assert.deepEqual(ids(await sec1.get(`/api/lectures?q=${q}`)), [a.id]);
	// the % of a search is a character, not a pattern
	assert.deepEqual(ids(await com.get('/api/lectures?q=%25')), []);
});

test('slides hang on the lecture: uploaded by its managers, read in scope, deleted with it', async () => {
	const l = expectStatus(await sec1.post('/api/lectures', lecture()), 201, srv);
	const up = (client) => client.request('POST', `/api/lectures/${l.id}/attachments?name=${encodeURIComponent('课件.pdf')}`, PDF,
		{ headers: { 'Content-Type': 'application/pdf' } });
	const a = expectStatus(await up(sec1), 201, srv);
	assert.equal(a.subject, 'lecture');
	assert.equal(a.subject_id, l.id);
	expectError(await up(sec2), 403, 'forbidden', undefined, srv);
	// a short video as MP4; QuickTime is refused
	const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(12)]);
	const video = (body, type) => sec1.request('POST', `/api/lectures/${l.id}/attachments?name=${encodeURIComponent('微党课.mp4')}`, body,
		{ headers: { 'Content-Type': type } });
	assert.equal(expectStatus(await video(MP4, 'video/mp4'), 201, srv).type, 'video/mp4');
	const MOV = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypqt  '), Buffer.alloc(12)]);
	expectError(await video(MOV, 'video/mp4'), 422, 'type_mismatch', undefined, srv);
	expectError(await up(com2), 403, 'forbidden', undefined, srv);
	const list = expectStatus(await com.get(`/api/lectures/${l.id}/attachments`), 200, srv);
	assert.equal(list.items.length, 2);
	const file = await com.get(a.url);
	assert.equal(file.status, 200);
	assert.ok(file.raw.equals(PDF));
	expectError(await com2.get(a.url), 404, 'not_found', undefined, srv);
	assert.equal(expectStatus(await sec1.get(`/api/lectures/${l.id}`), 200, srv).attachment_count, 2);
	expectStatus(await sec1.del(`/api/lectures/${l.id}`), 200, srv);
	expectError(await com.get(a.url), 404, 'not_found', undefined, srv);
	expectError(await com.get(`/api/lectures/${l.id}`), 404, 'not_found', undefined, srv);
	const audit = expectList(await admin.get(`/api/audit?entity=lecture&entity_id=${l.id}`), srv);
	assert.equal(audit.items[0].action, 'delete');
});

test('a lecture is nominated into a case-selection call for the year\'s best; the call\'s rules apply', async () => {
	const judge = await createUserAndLogin(admin, srv, { roles: [{ role: 'judge', org_id: dist.id }] });
	const call = expectStatus(await com.post('/api/case-calls', {
		title: uniq('年度优秀党课评选'), org_id: dist.id, deadline: dayFromToday(10),
		criteria: [{ name: '思想性', max: 50 }, { name: '感染力', max: 50 }], tiers: [{ name: '十佳', places: 1 }],
		reviewer_ids: [judge.user.id],
	}), 201, srv);
	const l = expectStatus(await sec1.post('/api/lectures', lecture({ kind: '思政课', speaker: '赵老师' })), 201, srv);
	const sub = expectStatus(await sec1.post(`/api/lectures/${l.id}/nominate`, { call_id: call.id }), 201, srv);
	assert.equal(sub.title, l.title);
	assert.equal(sub.org_id, b1.id);
	assert.equal(sub.summary, `思政课 · 赵老师 · ${TODAY}`);
	const subs = expectStatus(await com.get(`/api/case-calls/${call.id}/submissions`), 200, srv);
	assert.ok(JSON.stringify(subs).includes(l.title));
	// another branch may not nominate it; a call out of reach is refused; a lecture out of scope is hidden
	expectError(await sec2.post(`/api/lectures/${l.id}/nominate`, { call_id: call.id }), 404, 'not_found', undefined, srv);
	const far = expectStatus(await com2.post('/api/lectures', lecture({ org_id: b3.id })), 201, srv);
	expectError(await com2.post(`/api/lectures/${far.id}/nominate`, { call_id: call.id }), 404, 'not_found', undefined, srv);
	expectError(await sec1.post(`/api/lectures/${l.id}/nominate`, {}), 422, 'invalid_field', 'call_id', srv);
});
