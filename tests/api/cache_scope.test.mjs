// cache_scope.test.mjs - the answer cache shared by callers of one scope
// and kept across writes elsewhere (http/cache.h): it never gives
// one scope's answer to another (secretaries of different branches, a
// member and a secretary of one branch, a committee and a secretary of one
// branch: personal data), a write is read back at once by every scope it
// concerns, and on PostgreSQL two servers on one database read each
// other's writes as soon as the commit's notification arrives.
//
// The property checked throughout: an answer given while the cache holds
// other callers' answers equals the one computed afresh, after a write
// that empties the whole cache (a new organization: not confined to the
// paths of records).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, expectStatus, createUserAndLogin, createOrg, maskPhone, uniq, DB_KIND, todayShanghai, dayFromToday,
	openEvents,
} from './harness.mjs';
import { startWithTree, membersOf, pointRule, award } from './fixtures.mjs';

const YEAR = todayShanghai().slice(0, 4);
let T;
let U;

before(async () => {
	// organizations of long standing: every slot of the boards is theirs
	T = await startWithTree({ dist: 'city', b1: 'dist', b2: 'dist', dist2: 'city', c1: 'dist2' },
		{ established_on: dayFromToday(-400) });
	const { srv, admin } = T;
	[T.m1, T.m2, T.m3] = await membersOf(admin, srv, [T.b1, T.b2, T.c1]);
	T.rule = await pointRule(admin, srv, { needs_approval: false, points: 5 });
	const user = async (role, org, member) => createUserAndLogin(admin, srv, {
		roles: [{ role, org_id: org.id }], ...(member ? { member_id: member.id } : {}),
	});
	U = {
		s1: await user('secretary', T.b1),
		s1b: await user('secretary', T.b1),
		s2: await user('secretary', T.b2),
		cb1: await user('committee', T.b1),
		com: await user('committee', T.dist),
		mem: await user('member', T.b1, T.m1),
	};
});

after(async () => {
	await T?.srv.stop();
});

/** GET path as client: {status, body}. */
async function get(client, path) {
	const r = await client.get(path);
	return { status: r.status, body: r.body };
}

/** The answer computed afresh: the whole cache emptied first. */
async function fresh(client, path) {
	await createOrg(T.admin, { name: uniq('清空缓存'), parent_id: T.dist2.id }, T.srv);
	return get(client, path);
}

const boards = (org) => [
	`/api/members?org=${org.id}&subtree=1&size=20`,
	`/api/orgs/${org.id}/tree`,
	`/api/leaderboards/members?org=${org.id}&period=${YEAR}&limit=50`,
	`/api/compliance/board?org=${org.id}`,
	`/api/tasks/board?org=${org.id}&year=${YEAR}`,
];

test('callers of one scope share an answer and callers of other scopes never get it', async () => {
	for (const p of boards(T.b1)) {
		// a secretary of b1 fills the cache (twice: the second is kept)
		const s1 = await get(U.s1.client, p);
		assert.equal(s1.status, 200, p);
		assert.deepEqual(await get(U.s1.client, p), s1, p);
		// the other secretary of b1 has the same roles: the same answer
		assert.deepEqual(await get(U.s1b.client, p), s1, p);
		// the others ask the same URL while the secretary's answer is kept
		const warm = {};
		for (const k of ['s2', 'cb1', 'com', 'mem']) warm[k] = await get(U[k].client, p);
		for (const k of ['s2', 'cb1', 'com', 'mem']) {
			// each is its own, as computed afresh (the cache emptied
			// before each), and the secretary's is still its own
			assert.deepEqual(warm[k], await fresh(U[k].client, p), `${k} ${p}`);
		}
		assert.deepEqual(await get(U.s1.client, p), await fresh(U.s1.client, p), p);
	}
	// a secretary of b2 reads nothing of b1, kept or not
	await get(U.s1.client, boards(T.b1)[0]);
	assert.equal((await get(U.s2.client, boards(T.b1)[0])).status, 404);
	assert.equal((await get(U.s2.client, boards(T.b1)[2])).status, 404);
});

test('personal data follows the role even when the answer is kept for another role of the org', async () => {
	const p = `/api/members?org=${T.b1.id}&subtree=1&size=20`;
	const sec = await get(U.s1.client, p);
	const com = await get(U.cb1.client, p);
	const mine = (b) => b.items.find((m) => m.id === T.m1.id);
	assert.equal(mine(com.body).phone, T.m1.phone, 'a committee of the org sees the phone');
	assert.equal(mine(sec.body).phone, maskPhone(T.m1.phone), 'a secretary sees it masked');
	// and again, both kept now
	assert.equal(mine((await get(U.s1.client, p)).body).phone, maskPhone(T.m1.phone));
	assert.equal(mine((await get(U.cb1.client, p)).body).phone, T.m1.phone);
});

test('a write is read back at once by every scope it concerns, and leaves the others as they were', async () => {
	const lb = (org) => `/api/leaderboards/members?org=${org.id}&period=${YEAR}&limit=50`;
	const points = (b, m) => b.items.find((x) => x.member_id === m.id)?.points ?? 0;
	// kept answers of b1 (its secretary), b2 (its secretary), the district
	const before1 = await get(U.s1.client, lb(T.b1));
	const before2 = await get(U.s2.client, lb(T.b2));
	const beforeD = await get(U.com.client, lb(T.dist));
	await get(U.s1.client, lb(T.b1));
	await get(U.com.client, lb(T.dist));
	expectStatus(await award(U.com.client, T.m1, T.rule), 201, T.srv);
	const after1 = await get(U.s1.client, lb(T.b1));
	assert.equal(points(after1.body, T.m1), points(before1.body, T.m1) + 5);
	const afterD = await get(U.com.client, lb(T.dist));
	assert.equal(points(afterD.body, T.m1), points(beforeD.body, T.m1) + 5);
	assert.deepEqual(await get(U.s2.client, lb(T.b2)), before2);
	// and the same answers afresh
	assert.deepEqual(after1, await fresh(U.s1.client, lb(T.b1)));
	assert.deepEqual(afterD, await fresh(U.com.client, lb(T.dist)));

	// a meeting of b1: its compliance board and the district's change at once
	const cb = (org) => `/api/compliance/board?org=${org.id}`;
	const c1 = await get(U.s1.client, cb(T.b1));
	const cD = await get(U.com.client, cb(T.dist));
	expectStatus(await U.com.client.post('/api/meetings', {
		org_id: T.b1.id, kind: 'theme_day', held_at: `${todayShanghai()}T09:00:00+08:00`, topic: uniq('主题党日'),
	}), 201, T.srv);
	const c1after = await get(U.s1.client, cb(T.b1));
	const cDafter = await get(U.com.client, cb(T.dist));
	assert.notDeepEqual(c1after, c1);
	assert.notDeepEqual(cDafter, cD);
	assert.deepEqual(c1after, await fresh(U.s1.client, cb(T.b1)));
	assert.deepEqual(cDafter, await fresh(U.com.client, cb(T.dist)));
});

/**
 * The live events of org's subtree on server `on` (GET /api/cockpit/events):
 * {ready, next(name), close()} (harness openEvents). On PostgreSQL another server's commit
 * reaches this one as one notification whose first line drops the cached
 * answers it concerns and whose next lines are these events: once an event
 * of a write is read, so is the write.
 */
const cockpitEvents = (client, org, on) => openEvents(client, `${on.url}/api/cockpit/events?org=${org.id}`);

if (DB_KIND === 'postgres') {
	test('two servers on one PostgreSQL read each other\'s writes once the commit\'s notification arrives', async () => {
		const other = await startServer({ attach: true, db: T.srv.db });
		const walls = [];
		try {
			const lb = `/api/leaderboards/members?org=${T.b1.id}&period=${YEAR}&limit=50`;
			const points = (b) => b.items.find((x) => x.member_id === T.m1.id)?.points ?? 0;
			const s1o = await other.login(U.s1.username, U.s1.password);
			const como = await other.login(U.com.username, U.com.password);
			const there = cockpitEvents(como, T.dist, other);
			const here = cockpitEvents(U.com.client, T.dist, T.srv);
			walls.push(there, here);
			await Promise.all([there.ready, here.ready]);
			// kept on both servers
			const here0 = await get(U.s1.client, lb);
			await get(U.s1.client, lb);
			const there0 = await get(s1o, lb);
			await get(s1o, lb);
			assert.deepEqual(there0, here0);
			// written here, read there
			let heard = there.next('points');
			expectStatus(await award(U.com.client, T.m1, T.rule), 201, T.srv);
			await heard;
			assert.equal(points((await get(s1o, lb)).body), points(here0.body) + 5);
			// written there, read here
			heard = here.next('points');
			expectStatus(await award(como, T.m1, T.rule), 201, other);
			await heard;
			assert.equal(points((await get(U.s1.client, lb)).body), points(here0.body) + 10);
			assert.equal(points((await get(s1o, lb)).body), points(here0.body) + 10);
			// a change of everything (an organization) travels too; the
			// award after it is the marker (notifications keep their order)
			const tree = `/api/orgs/${T.dist.id}/tree`;
			const t0 = await get(como, tree);
			await get(como, tree);
			const o = await createOrg(T.admin, { name: uniq('新支部'), parent_id: T.dist.id }, T.srv);
			heard = there.next('points');
			expectStatus(await award(U.com.client, T.m1, T.rule), 201, T.srv);
			await heard;
			const t1 = await get(como, tree);
			assert.notDeepEqual(t1, t0);
			assert.ok(JSON.stringify(t1.body).includes(o.name));
		} finally {
			for (const w of walls) w.close();
			await other.stop();
		}
	});
}
