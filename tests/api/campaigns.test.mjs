// Special campaigns (专项行动): a committee launches a campaign with its
// 亮/比 items for the branches below it (or those it names); each branch
// reports its items with evidence; the committee rates each report 1-5,
// sees progress and the ranking (items reported, then the average rating;
// ties share a rank) and closes the campaign with a summary, after which
// reports are refused. A district's campaign may run under the city's
// (市县联动): the city's page rolls the districts' progress up. Scope: the
// launching committee and above manage, participants report their own,
// others see nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor, officersOf, TWO_DISTRICTS } from './fixtures.mjs';
import { readZip, xlsxCells } from './zip.mjs';
import {
	expectStatus, expectError, expectList, uniq, todayShanghai, dayFromToday, openEvents,
} from './harness.mjs';

let srv, admin, city, dist, dist2, b1, b2, b3;
let cityCom, com, com2, sec1, sec2, sec3;
const TODAY = todayShanghai();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	({ cityCom, com, com2, sec1, sec2, sec3 } = await clientsFor(admin, srv, {
		cityCom: ['committee', city], ...officersOf({ dist, dist2, b1, b2, b3 }),
	}));
});
after(async () => { await srv?.stop(); });

function campaign(fields = {}) {
	return {
		org_id: dist.id, title: uniq('“亮身份、比作风”专项行动'), goals: '党员亮身份、亮承诺，支部比作风、比业绩',
		starts_on: TODAY, ends_on: dayFromToday(60),
		items: [
			{ title: '亮身份', kind: '亮', description: '佩戴党员徽章、设立党员示范岗' },
			{ title: '亮承诺', kind: '亮' },
			{ title: '比业绩', kind: '比' },
		],
		...fields,
	};
}

const orgIds = (c) => c.participants.map((p) => p.org_id).sort((x, y) => x - y);

test('a committee launches a campaign; it cascades to every branch below, audited', async () => {
	const k = expectStatus(await com.post('/api/campaigns', campaign()), 201, srv);
	assert.equal(k.status, 'open');
	assert.equal(k.org_id, dist.id);
	assert.equal(k.parent_id, null);
	assert.deepEqual(k.items.map((i) => [i.title, i.kind]), [['亮身份', '亮'], ['亮承诺', '亮'], ['比业绩', '比']]);
	assert.deepEqual(orgIds(k), [b1.id, b2.id]);
	assert.ok(k.participants.every((p) => p.reported === 0 && p.total === 3));
	assert.equal(k.manager, true);
	const cityK = expectStatus(await cityCom.post('/api/campaigns', campaign({ org_id: city.id })), 201, srv);
	assert.deepEqual(orgIds(cityK), [b1.id, b2.id, b3.id]);
	// or the organizations it names
	const named = expectStatus(await com.post('/api/campaigns', campaign({ participants: [b2.id] })), 201, srv);
	assert.deepEqual(orgIds(named), [b2.id]);
	const audit = expectList(await admin.get(`/api/audit?entity=campaign&entity_id=${k.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	assert.deepEqual(cat.campaign_item_kinds.map((x) => x.code), ['亮', '比']);
});

test('bad input is a 422 naming the field; others may not launch for the district', async () => {
	const before = expectList(await com.get('/api/campaigns?size=200'), srv).total;
	for (const [fields, field] of [
		[{ title: '' }, 'title'],
		[{ items: [] }, 'items'],
		[{ items: [{ title: '亮身份', kind: '晒' }] }, 'items[0].kind'],
		[{ ends_on: dayFromToday(-1) }, 'ends_on'],
		[{ starts_on: 'today' }, 'starts_on'],
		[{ participants: [b3.id] }, 'participants'],
		[{ participants: [dist.id] }, 'participants'],
		[{ participants: ['x'] }, 'participants[0]'],
		[{ parent_id: 999999 }, 'parent_id'],
	]) {
		expectError(await com.post('/api/campaigns', campaign(fields)), 422, 'invalid_field', field, srv);
	}
	expectError(await com2.post('/api/campaigns', campaign()), 403, 'forbidden', 'org_id', srv);
	expectError(await sec1.post('/api/campaigns', campaign({ org_id: b1.id })), 403, 'forbidden', undefined, srv);
	assert.equal(expectList(await com.get('/api/campaigns?size=200'), srv).total, before);
});

test('participants report their items; the committee rates; progress and ranking follow', async () => {
	const k = expectStatus(await com.post('/api/campaigns', campaign()), 201, srv);
	const [i1, i2, i3] = k.items.map((i) => i.id);
	const report = (client, org, item, text = '已完成') =>
		client.post(`/api/campaigns/${k.id}/reports`, { org_id: org.id, item_id: item, text });
	const r11 = expectStatus(await report(sec1, b1, i1, '全体党员佩戴徽章'), 201, srv);
	assert.equal(r11.org_id, b1.id);
	assert.equal(r11.item_title, '亮身份');
	assert.equal(r11.rating, null);
	const r12 = expectStatus(await report(sec1, b1, i2), 201, srv);
	const r21 = expectStatus(await report(sec2, b2, i1), 201, srv);
	const r22 = expectStatus(await report(sec2, b2, i2), 201, srv);
	// a second report of an item replaces the first
	const again = expectStatus(await report(sec2, b2, i2, '补充材料'), 201, srv);
	assert.equal(again.id, r22.id);
	assert.equal(again.text, '补充材料');
	// not for another branch, not an item of another campaign, not a non-participant
	expectError(await report(sec1, b2, i1), 403, 'forbidden', 'org_id', srv);
	expectError(await report(sec3, b3, i1), 404, 'not_found', undefined, srv);
	expectError(await report(com, dist, i1), 422, 'invalid_field', 'org_id', srv);
	expectError(await report(sec1, b1, 999999), 422, 'invalid_field', 'item_id', srv);
	expectError(await sec1.post(`/api/campaigns/${k.id}/reports`, { org_id: b1.id, item_id: i3 }), 422, 'invalid_field', 'text', srv);
	// ratings by the committee, 1 to 5
	const rate = (client, rep, rating) => client.request('PUT', `/api/campaigns/${k.id}/reports/${rep.id}/rating`, { rating });
	expectError(await rate(sec1, r11, 5), 403, 'forbidden', undefined, srv);
	expectError(await rate(com2, r11, 5), 403, 'forbidden', undefined, srv);
	expectError(await rate(com, r11, 6), 422, 'invalid_field', 'rating', srv);
	expectError(await com.request('PUT', `/api/campaigns/${k.id}/reports/999999/rating`, { rating: 3 }), 404, 'not_found', undefined, srv);
	assert.equal(expectStatus(await rate(com, r11, 5), 200, srv).rating, 5);
	expectStatus(await rate(com, r12, 4), 200, srv);
	expectStatus(await rate(com, r21, 4), 200, srv);
	expectStatus(await rate(com, again, 5), 200, srv);
	// progress: reported/total and the average
	const got = expectStatus(await com.get(`/api/campaigns/${k.id}`), 200, srv);
	const p1 = got.participants.find((p) => p.org_id === b1.id);
	assert.deepEqual([p1.reported, p1.total, p1.rated, p1.rating_avg], [2, 3, 2, 4.5]);
	assert.equal(got.report_count, 4);
	assert.equal(got.reports.length, 4);
	// a participant sees its own reports only
	const mine = expectStatus(await sec1.get(`/api/campaigns/${k.id}`), 200, srv);
	assert.equal(mine.manager, false);
	assert.deepEqual(mine.reports.map((x) => x.org_id), [b1.id, b1.id]);
	// the ranking: equal counts and averages share a rank; more items first
	let rank = expectStatus(await com.get(`/api/campaigns/${k.id}/ranking`), 200, srv);
	assert.deepEqual(rank.items.map((p) => [p.org_id, p.rank]), [[b1.id, 1], [b2.id, 1]]);
	expectStatus(await report(sec2, b2, i3), 201, srv);
	rank = expectStatus(await com.get(`/api/campaigns/${k.id}/ranking`), 200, srv);
	assert.deepEqual(rank.items.map((p) => [p.org_id, p.rank, p.reported]), [[b2.id, 1, 3], [b1.id, 2, 2]]);
	expectError(await com2.get(`/api/campaigns/${k.id}/ranking`), 404, 'not_found', undefined, srv);
	// the same in Excel
	const res = await com.get(`/api/campaigns/${k.id}/ranking.xlsx`);
	assert.equal(res.status, 200);
	const { out } = xlsxCells(readZip(res.raw));
	assert.equal(out.A1, `${k.title} 排名`);
	const row = Object.keys(out).find((ref) => /^B\d+$/.test(ref) && out[ref] === b2.name).slice(1);
	assert.deepEqual([out[`A${row}`], out[`C${row}`], out[`D${row}`]], [1, 3, 3]);
	expectError(await com2.get(`/api/campaigns/${k.id}/ranking.xlsx`), 404, 'not_found', undefined, srv);
});

test('evidence files hang on a report: added by its branch, read by the committee, hidden from others', async () => {
	const k = expectStatus(await com.post('/api/campaigns', campaign()), 201, srv);
	const rep = expectStatus(await sec1.post(`/api/campaigns/${k.id}/reports`, { org_id: b1.id, item_id: k.items[0].id, text: '示范岗照片' }), 201, srv);
	const up = (client) => client.request('POST', `/api/campaign-reports/${rep.id}/attachments?name=${encodeURIComponent('佐证.pdf')}`, PDF,
		{ headers: { 'Content-Type': 'application/pdf' } });
	const a = expectStatus(await up(sec1), 201, srv);
	assert.equal(a.subject, 'campaign_report');
	expectError(await up(sec2), 404, 'not_found', undefined, srv);
	const list = expectStatus(await com.get(`/api/campaign-reports/${rep.id}/attachments`), 200, srv);
	assert.equal(list.items.length, 1);
	expectError(await sec2.get(`/api/campaign-reports/${rep.id}/attachments`), 404, 'not_found', undefined, srv);
	expectError(await com2.get(a.url), 404, 'not_found', undefined, srv);
	const file = await com.get(a.url);
	assert.ok(file.raw.equals(PDF));
});

test('市县联动: a district campaign runs under the city one; the city sees the districts rolled up', async () => {
	const cityK = expectStatus(await cityCom.post('/api/campaigns', campaign({ org_id: city.id })), 201, srv);
	const d1 = expectStatus(await com.post('/api/campaigns', campaign({ parent_id: cityK.id })), 201, srv);
	const d2 = expectStatus(await com2.post('/api/campaigns', campaign({ org_id: dist2.id, parent_id: cityK.id })), 201, srv);
	assert.equal(d1.parent_id, cityK.id);
	// a campaign of the district itself can not be the parent of another district's
	expectError(await com2.post('/api/campaigns', campaign({ org_id: dist2.id, parent_id: d1.id })), 422, 'invalid_field', 'parent_id', srv);
	expectStatus(await sec1.post(`/api/campaigns/${d1.id}/reports`, { org_id: b1.id, item_id: d1.items[0].id, text: '已完成' }), 201, srv);
	const got = expectStatus(await cityCom.get(`/api/campaigns/${cityK.id}`), 200, srv);
	const kids = Object.fromEntries(got.children.map((x) => [x.id, x]));
	assert.deepEqual(Object.keys(kids).map(Number).sort((x, y) => x - y), [d1.id, d2.id].sort((x, y) => x - y));
	assert.deepEqual([kids[d1.id].report_count, kids[d1.id].participant_count, kids[d1.id].item_count], [1, 2, 3]);
	assert.equal(kids[d2.id].report_count, 0);
	// a district sees only its own under the city campaign
	const seen = expectStatus(await com2.get(`/api/campaigns/${cityK.id}`), 200, srv);
	assert.deepEqual(seen.children.map((x) => x.id), [d2.id]);
	// the other district sees nothing of the first one's campaign
	expectError(await com2.get(`/api/campaigns/${d1.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec3.get(`/api/campaigns/${d1.id}`), 404, 'not_found', undefined, srv);
	assert.ok(!expectList(await com2.get('/api/campaigns?size=200'), srv).items.some((x) => x.id === d1.id));
	assert.ok(expectList(await sec1.get('/api/campaigns?size=200'), srv).items.some((x) => x.id === d1.id));
	assert.ok(expectList(await cityCom.get(`/api/campaigns?org=${dist.id}&size=200`), srv).items.some((x) => x.id === d1.id));
});

test('a campaign closes with a summary; later reports and ratings are refused', async () => {
	const k = expectStatus(await com.post('/api/campaigns', campaign()), 201, srv);
	const rep = expectStatus(await sec1.post(`/api/campaigns/${k.id}/reports`, { org_id: b1.id, item_id: k.items[0].id, text: '已完成' }), 201, srv);
	expectError(await com.post(`/api/campaigns/${k.id}/close`, {}), 422, 'invalid_field', 'summary', srv);
	expectError(await sec1.post(`/api/campaigns/${k.id}/close`, { summary: '好' }), 403, 'forbidden', undefined, srv);
	expectError(await com2.post(`/api/campaigns/${k.id}/close`, { summary: '好' }), 403, 'forbidden', undefined, srv);
	const closed = expectStatus(await com.post(`/api/campaigns/${k.id}/close`, { summary: '各支部完成亮比事项，成效明显' }), 200, srv);
	assert.equal(closed.status, 'closed');
	assert.equal(closed.summary, '各支部完成亮比事项，成效明显');
	assert.ok(closed.closed_at);
	expectError(await com.post(`/api/campaigns/${k.id}/close`, { summary: '再' }), 409, 'campaign_closed', undefined, srv);
	expectError(await sec1.post(`/api/campaigns/${k.id}/reports`, { org_id: b1.id, item_id: k.items[1].id, text: '迟报' }), 409, 'campaign_closed', undefined, srv);
	expectError(await com.request('PUT', `/api/campaigns/${k.id}/reports/${rep.id}/rating`, { rating: 3 }), 409, 'campaign_closed', undefined, srv);
	const ids = (r) => expectList(r, srv).items.map((x) => x.id);
	assert.ok(ids(await com.get('/api/campaigns?status=closed&size=200')).includes(k.id));
	assert.ok(!ids(await com.get('/api/campaigns?status=open&size=200')).includes(k.id));
	expectError(await com.get('/api/campaigns?status=done'), 422, 'invalid_field', 'status', srv);
});

test('live: reports, ratings and the close reach the committee\'s stream (cockpit events, "campaigns"), nothing another district\'s', async () => {
	const k = expectStatus(await com.post('/api/campaigns', campaign()), 201, srv);
	const wall = openEvents(com, `${srv.url}/api/cockpit/events?org=${dist.id}`);
	const other = openEvents(com2, `${srv.url}/api/cockpit/events?org=${dist2.id}`);
	try {
		await Promise.all([wall.ready, other.ready]);
		let ev = wall.next('campaigns');
		const rep = expectStatus(await sec1.post(`/api/campaigns/${k.id}/reports`, { org_id: b1.id, item_id: k.items[0].id, text: '已完成' }), 201, srv);
		assert.deepEqual((await ev).data, { org_id: b1.id });
		ev = wall.next('campaigns');
		expectStatus(await com.request('PUT', `/api/campaigns/${k.id}/reports/${rep.id}/rating`, { rating: 4 }), 200, srv);
		assert.deepEqual((await ev).data, { org_id: b1.id });
		ev = wall.next('campaigns');
		expectStatus(await com.post(`/api/campaigns/${k.id}/close`, { summary: '完成' }), 200, srv);
		assert.deepEqual((await ev).data, { org_id: dist.id });
		assert.ok(!other.events.some((e) => e.event === 'campaigns'));
	} finally {
		wall.close();
		other.close();
	}
});
