// The member 先锋榜 against a recount. A board is read in one of two ways
// (store/leaderboards.h): a subtree holding a large part of the members
// is read from the top of the period's ranking, a small one from its own
// range of the subtree index. Both must give what the awards give: points,
// shared ranks, the rank of the previous year within the subtree, and no
// member who left the platform.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { expectStatus, expectList, todayShanghai, uniq } from './harness.mjs';
import { startWithTree, membersOf, pointRule, award, TWO_DISTRICTS } from './fixtures.mjs';

let srv, admin, tree;
const YEAR = todayShanghai().slice(0, 4);
const LAST = String(Number(YEAR) - 1);

before(async () => {
	tree = await startWithTree(TWO_DISTRICTS);
	({ srv, admin } = tree);
});
after(async () => { await srv?.stop(); });

/** The board the awards give: members of the subtree with points in
 * the year (left ones out), best first, ties sharing a rank, each with
 * 1 + the subtree's members with more points the year before. */
function recount(members, points, prevPoints, left, within) {
	const rows = members.filter((m) => within(m) && points.has(m.id) && !left.has(m.id))
		.map((m) => ({ member_id: m.id, points: points.get(m.id) }))
		.sort((a, b) => b.points - a.points || a.member_id - b.member_id);
	const prevOf = members.filter((m) => within(m) && prevPoints.has(m.id)).map((m) => prevPoints.get(m.id));
	return rows.map((r) => ({
		...r,
		rank: 1 + rows.filter((x) => x.points > r.points).length,
		prev_rank: prevPoints.has(r.member_id) && within(members.find((m) => m.id === r.member_id))
			? 1 + prevOf.filter((p) => p > prevPoints.get(r.member_id)).length : null,
	}));
}

test('the 先锋榜 of wide and narrow subtrees matches a recount after random awards over two years', async () => {
	const { city, dist, dist2, b1, b2, b3 } = tree;
	// 2 + 2 members in the first district, 36 in the second: a branch of
	// the first holds 1/20 of the members (read from its range), the
	// districts and the city are read from the top of the ranking
	const orgs = [b1, b1, b2, b2, ...Array(36).fill(b3)];
	const members = (await membersOf(admin, srv, orgs)).map((m, i) => ({ id: m.id, org: orgs[i] }));
	const rules = [];
	for (const p of [1, 2, 3, 5]) rules.push(await pointRule(admin, srv, { points: p, needs_approval: false }));
	let seed = 20261207;
	const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
	const points = new Map(), prevPoints = new Map();
	for (let i = 0; i < 150; i++) {
		const m = members[rnd(members.length)];
		const r = rules[rnd(rules.length)];
		const lastYear = rnd(3) === 0;
		expectStatus(await award(admin, m, r, lastYear ? { occurred_on: `${LAST}-06-01` } : {}), 201, srv);
		const into = lastYear ? prevPoints : points;
		into.set(m.id, (into.get(m.id) ?? 0) + r.points);
	}
	// two members leave the platform: one of each district, both with points
	const left = new Set();
	for (const m of [members.find((x) => x.org === b1 && points.has(x.id)), members.find((x) => x.org === b3 && points.has(x.id))]) {
		let t = expectStatus(await admin.post('/api/transfers', { kind: 'out', member_id: m.id, outside_org: '外省某厅机关党委', letter_no: uniq('介字'), issued_on: todayShanghai() }), 201, srv);
		t = expectStatus(await admin.post(`/api/transfers/${t.id}/approve`, {}), 200, srv);
		expectStatus(await admin.post(`/api/transfers/${t.id}/arrive`, {}), 200, srv);
		left.add(m.id);
	}
	const pathOf = (o) => [b1, b2].includes(o) ? [city, dist, o] : [city, dist2, o];
	for (const board of [city, dist, dist2, b1, b2, b3]) {
		const within = (m) => pathOf(m.org).includes(board);
		const want = recount(members, points, prevPoints, left, within);
		// limits 3 and 1: the previous scores of the board's members are
		// looked up by id where the subtree has 10 members a row or more
		// (the city, the second district), else read from the subtree's rows
		for (const limit of [50, 5, 3, 1]) {
			const got = expectList(await admin.get(`/api/leaderboards/members?org=${board.id}&period=${YEAR}&limit=${limit}`), srv);
			assert.equal(got.previous_period, LAST);
			assert.deepEqual(got.items.map((x) => ({ member_id: x.member_id, points: x.points, rank: x.rank, prev_rank: x.prev_rank })),
				want.slice(0, limit), `board of ${board.name}, limit ${limit}`);
			if (limit === 3 && board === city) assert.ok(want.slice(0, 3).some((x) => x.prev_rank !== null), 'a previous rank looked up by id');
		}
	}
});
