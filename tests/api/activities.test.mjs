// Activities (机关文化、普惠服务) with sign-ups and a waiting list: created by
// whoever manages the organization, open to the members of its subtree, who
// sign up themselves before the window closes; a full activity keeps a
// waiting list that moves up on cancellations (never more confirmed than
// the capacity, also under concurrent sign-ups); attendance by the
// organizer; lists (upcoming, past, by year) and a year's counts; scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor, TWO_DISTRICTS } from './fixtures.mjs';
import { expectStatus, expectError, expectList, uniq, serverNow, ISO_TIME_0800 } from './harness.mjs';

let srv, admin, city, dist, dist2, b1, b2, b3;
let com, com2, sec1, sec2, mu1, mu1b, mu2, mu3, m1, m1b, m2, m3;

/** The server's now plus h hours, as ISO 8601 with +08:00. */
function isoIn(h) {
	const d = new Date(serverNow() + h * 3600e3 + 8 * 3600e3);
	return `${d.toISOString().slice(0, 19)}+08:00`;
}
/** The year (Asia/Shanghai) of the server's now plus h hours. */
function yearIn(h) {
	return Number(new Date(serverNow() + h * 3600e3 + 8 * 3600e3).toISOString().slice(0, 4));
}

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	({ com, com2, sec1, sec2 } = await clientsFor(admin, srv, {
		com: ['committee', dist], com2: ['committee', dist2], sec1: ['secretary', b1], sec2: ['secretary', b2],
	}));
	[m1, m1b, m2, m3] = await membersOf(admin, srv, [b1, b1, b2, b3]);
	({ mu1, mu1b, mu2, mu3 } = await clientsFor(admin, srv, {
		mu1: ['member', b1, m1], mu1b: ['member', b1, m1b], mu2: ['member', b2, m2], mu3: ['member', b3, m3],
	}));
});
after(async () => { await srv?.stop(); });

function activity(fields = {}) {
	return {
		title: uniq('机关书画展'), org_id: dist.id, starts_at: isoIn(72), place: '机关活动中心',
		capacity: 2, signup_closes_at: isoIn(48), ...fields,
	};
}

test('an organizer creates an activity; 201 with its fields, audited', async () => {
	const a = expectStatus(await com.post('/api/activities', activity({ kind: 'service', description: '义诊' })), 201, srv);
	assert.equal(a.org_id, dist.id);
	assert.equal(a.kind, 'service');
	assert.equal(a.capacity, 2);
	assert.match(a.starts_at, ISO_TIME_0800);
	assert.equal(a.year, yearIn(72));
	assert.deepEqual([a.confirmed, a.waiting, a.attended, a.my_status, a.my_position], [0, 0, 0, null, null]);
	const b = expectStatus(await sec1.post('/api/activities', activity({ org_id: b1.id })), 201, srv);
	assert.equal(b.kind, 'culture');
	const audit = expectList(await admin.get(`/api/audit?entity=activity&entity_id=${a.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
});

test('bad input is refused naming the field, with nothing written', async () => {
	const before = expectList(await admin.get(`/api/activities?org=${city.id}`), srv).total;
	const bad = [
		[{ title: '' }, 'title'],
		[{ capacity: 0 }, 'capacity'],
		[{ capacity: 10001 }, 'capacity'],
		[{ starts_at: '明天下午' }, 'starts_at'],
		[{ signup_closes_at: '2024-13-01T10:00:00+08:00' }, 'signup_closes_at'],
		[{ signup_closes_at: isoIn(80) }, 'signup_closes_at'],
		[{ starts_at: isoIn(-1), signup_closes_at: isoIn(-2) }, 'starts_at'],
		[{ kind: 'party' }, 'kind'],
		[{ place: undefined }, 'place'],
		[{ org_id: 999999 }, 'org_id'],
	];
	for (const [fields, field] of bad) {
		expectError(await com.post('/api/activities', activity(fields)), 422, ['invalid_field', 'missing_field'], field, srv);
	}
	assert.equal(expectList(await admin.get(`/api/activities?org=${city.id}`), srv).total, before);
});

test('scope: no creating over another subtree; members cannot create; out of scope is not found', async () => {
	expectError(await com2.post('/api/activities', activity()), 422, 'invalid_field', 'org_id', srv);
	expectError(await sec1.post('/api/activities', activity({ org_id: dist.id })), 422, 'invalid_field', 'org_id', srv);
	expectStatus(await mu1.post('/api/activities', activity({ org_id: b1.id })), 403, srv);
	const a = expectStatus(await sec2.post('/api/activities', activity({ org_id: b2.id })), 201, srv);
	expectError(await com2.get(`/api/activities/${a.id}`), 404, 'not_found', undefined, srv);
	expectError(await mu1.get(`/api/activities/${a.id}`), 404, 'not_found', undefined, srv);
	expectError(await mu1.post(`/api/activities/${a.id}/signups`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/activities/${a.id}/signups`), 404, 'not_found', undefined, srv);
	expectError(await sec1.request('PUT', `/api/activities/${a.id}/attendance`, { member_ids: [] }), 404, 'not_found', undefined, srv);
	const list = expectList(await com2.get('/api/activities'), srv);
	assert.ok(!list.items.some((x) => x.id === a.id));
	expectError(await com2.get(`/api/activities?org=${b2.id}`), 404, 'not_found', 'org', srv);
});

test('members of the subtree sign up; a full activity keeps a waiting list that moves up on cancellation', async () => {
	const a = expectStatus(await com.post('/api/activities', activity({ capacity: 1 })), 201, srv);
	// a member outside the subtree neither sees nor signs up
	expectError(await mu3.post(`/api/activities/${a.id}/signups`), 404, 'not_found', undefined, srv);
	// a user without a member record cannot sign up
	expectError(await com.post(`/api/activities/${a.id}/signups`), 403, 'forbidden', undefined, srv);
	const s1 = expectStatus(await mu1.post(`/api/activities/${a.id}/signups`), 201, srv);
	assert.deepEqual([s1.status, s1.position, s1.member_id], ['confirmed', null, m1.id]);
	expectError(await mu1.post(`/api/activities/${a.id}/signups`), 409, 'already_signed_up', undefined, srv);
	const s2 = expectStatus(await mu2.post(`/api/activities/${a.id}/signups`), 201, srv);
	assert.deepEqual([s2.status, s2.position], ['waiting', 1]);
	const s3 = expectStatus(await mu1b.post(`/api/activities/${a.id}/signups`), 201, srv);
	assert.deepEqual([s3.status, s3.position], ['waiting', 2]);
	// each sees its own status; the member's list shows the activity of the district above
	const mine = expectStatus(await mu1b.get(`/api/activities/${a.id}`), 200, srv);
	assert.deepEqual([mine.my_status, mine.my_position, mine.confirmed, mine.waiting], ['waiting', 2, 1, 2]);
	const listed = expectList(await mu1b.get('/api/activities?upcoming=1'), srv).items.find((x) => x.id === a.id);
	assert.equal(listed.my_status, 'waiting');
	// members do not read the list of sign-ups; the organizer does
	expectError(await mu1.get(`/api/activities/${a.id}/signups`), 403, 'forbidden', undefined, srv);
	const roll = expectList(await com.get(`/api/activities/${a.id}/signups`), srv);
	assert.deepEqual(roll.items.map((x) => [x.member_id, x.status, x.position]),
		[[m1.id, 'confirmed', null], [m2.id, 'waiting', 1], [m1b.id, 'waiting', 2]]);
	// the confirmed one cancels: the first waiting moves up, the next waits first
	const c = expectStatus(await mu1.del(`/api/activities/${a.id}/signups/me`), 200, srv);
	assert.equal(c.promoted_member_id, m2.id);
	const after = expectList(await com.get(`/api/activities/${a.id}/signups`), srv);
	assert.deepEqual(after.items.map((x) => [x.member_id, x.status, x.position]),
		[[m2.id, 'confirmed', null], [m1b.id, 'waiting', 1]]);
	expectError(await mu1.del(`/api/activities/${a.id}/signups/me`), 404, 'not_found', undefined, srv);
	// a waiting one cancels: nobody moves up
	const c2 = expectStatus(await mu1b.del(`/api/activities/${a.id}/signups/me`), 200, srv);
	assert.equal(c2.promoted_member_id, null);
	const audit = expectList(await admin.get('/api/audit?entity=activity_signup'), srv);
	assert.ok(audit.items.some((x) => x.action === 'update'));
});

test('sign-ups only while the window is open', async () => {
	const a = expectStatus(await com.post('/api/activities', activity({ signup_closes_at: isoIn(-1) })), 201, srv);
	expectError(await mu1.post(`/api/activities/${a.id}/signups`), 409, 'signup_closed', undefined, srv);
	assert.equal(expectStatus(await com.get(`/api/activities/${a.id}`), 200, srv).confirmed, 0);
});

test('concurrent sign-ups never confirm more than the capacity', async () => {
	const ms = await membersOf(admin, srv, Array.from({ length: 30 }, () => b1));
	const users = {};
	ms.forEach((m, i) => { users[`u${i}`] = ['member', b1, m]; });
	const clients = Object.values(await clientsFor(admin, srv, users));
	const a = expectStatus(await sec1.post('/api/activities', activity({ org_id: b1.id, capacity: 10 })), 201, srv);
	const answers = await Promise.all(clients.map((cl) => cl.post(`/api/activities/${a.id}/signups`)));
	const bodies = answers.map((res) => expectStatus(res, 201, srv));
	assert.equal(bodies.filter((b) => b.status === 'confirmed').length, 10);
	const positions = bodies.filter((b) => b.status === 'waiting').map((b) => b.position).sort((x, y) => x - y);
	assert.deepEqual(positions, Array.from({ length: 20 }, (_, i) => i + 1));
	const roll = expectList(await sec1.get(`/api/activities/${a.id}/signups`), srv);
	assert.equal(roll.items.filter((x) => x.status === 'confirmed').length, 10);
	// concurrent cancellations of confirmed ones: still exactly 10 confirmed, the earliest waiting moved up
	const confirmedIdx = bodies.map((b, i) => (b.status === 'confirmed' ? i : -1)).filter((i) => i >= 0).slice(0, 5);
	const firstWaiting = roll.items.filter((x) => x.status === 'waiting').slice(0, 5).map((x) => x.member_id);
	await Promise.all(confirmedIdx.map((i) => clients[i].del(`/api/activities/${a.id}/signups/me`)))
		.then((rs) => rs.forEach((res) => expectStatus(res, 200, srv)));
	const after = expectList(await sec1.get(`/api/activities/${a.id}/signups`), srv);
	const confirmed = after.items.filter((x) => x.status === 'confirmed').map((x) => x.member_id);
	assert.equal(confirmed.length, 10);
	for (const id of firstWaiting) assert.ok(confirmed.includes(id), `member ${id} moved up`);
	assert.equal(after.items.filter((x) => x.status === 'waiting').length, 15);
	const got = expectStatus(await sec1.get(`/api/activities/${a.id}`), 200, srv);
	assert.deepEqual([got.confirmed, got.waiting], [10, 15]);
});

test('the organizer records attendance of confirmed sign-ups; counts per year', async () => {
	const a = expectStatus(await com.post('/api/activities', activity({ capacity: 1, kind: 'sports' })), 201, srv);
	expectStatus(await mu1.post(`/api/activities/${a.id}/signups`), 201, srv);
	expectStatus(await mu2.post(`/api/activities/${a.id}/signups`), 201, srv);
	const put = (cl, body) => cl.request('PUT', `/api/activities/${a.id}/attendance`, body);
	expectError(await put(com, { member_ids: [m2.id] }), 422, 'invalid_field', 'member_ids[0]', srv);
	expectError(await put(com, { member_ids: ['x'] }), 422, 'invalid_field', 'member_ids[0]', srv);
	expectError(await put(com, { member_ids: [m1.id, m1.id] }), 422, 'invalid_field', 'member_ids[1]', srv);
	expectError(await put(com, {}), 422, 'invalid_field', 'member_ids', srv);
	expectError(await put(sec1, { member_ids: [m1.id] }), 404, 'not_found', undefined, srv);
	expectStatus(await put(mu1, { member_ids: [m1.id] }), 403, srv);
	expectStatus(await put(com, { member_ids: [m1.id] }), 200, srv);
	const roll = expectList(await com.get(`/api/activities/${a.id}/signups`), srv);
	assert.deepEqual(roll.items.map((x) => [x.member_id, x.attended]), [[m1.id, true], [m2.id, false]]);
	const got = expectStatus(await com.get(`/api/activities/${a.id}`), 200, srv);
	assert.equal(got.attended, 1);
	const year = yearIn(72);
	const stats = expectStatus(await com.get(`/api/activities/stats?org=${dist.id}&year=${year}`), 200, srv);
	assert.equal(stats.year, year);
	assert.ok(stats.activities >= 1);
	assert.ok(stats.by_kind.sports >= 1);
	assert.ok(stats.attended >= 1);
	const listed = expectList(await com.get(`/api/activities?org=${dist.id}&year=${year}`), srv);
	assert.equal(listed.total, stats.activities);
	const other = expectStatus(await com2.get(`/api/activities/stats?org=${dist2.id}&year=${year}`), 200, srv);
	assert.deepEqual([other.activities, other.by_kind.sports], [0, 0]);
	expectError(await com2.get(`/api/activities/stats?org=${dist.id}`), 404, 'not_found', 'org', srv);
	// nothing of it is past yet
	assert.equal(expectList(await com.get(`/api/activities?org=${dist.id}&past=1`), srv).total, 0);
	expectError(await com.get('/api/activities?past=1&upcoming=1'), 422, 'invalid_field', 'past', srv);
});
