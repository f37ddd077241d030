// Kept subtree counts (org_counts, docs/architecture.md "Kept tallies"):
// random writes through the API (orgs created, moved, retyped, deleted;
// members created, retyped, moved, deleted, transferred out of the
// platform) keep them equal to a recount: `xianfeng tallies verify` finds
// 0 differences, and every organization's stats, children and tree agree
// with what this test counts from the rows it wrote. A tally broken
// behind the server's back is named by verify, which exits 1; `tallies
// rebuild` mends it. Dates come from the server's today.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree } from './fixtures.mjs';
import {
	XF_BIN, expectStatus, createOrg, createMember, uniq, todayShanghai, dayFromToday, runProgram, runSql
} from './harness.mjs';

const TODAY = todayShanghai();

let srv, admin;
/** The model: id -> {id, parent_id, kind, level}; id -> {id, org_id, status, left}. */
const orgs = new Map();
const members = new Map();
/** The kinds of write that were done. */
const done = new Set();

const run = runProgram;
const tallies = (what) => run(XF_BIN, ['tallies', what, '--db', srv.db]);

/** Runs SQL on the server's database behind its back. */
async function sqlOk(q) {
	const r = await runSql(srv.db, q);
	assert.equal(r.code, 0, `${q}\n${r.stderr}`);
	return r.stdout.trim();
}

// A small deterministic generator, so a failure can be replayed.
let seed = 20261207;
function rnd(n) {
	seed = (seed * 1103515245 + 12345) % 2147483648;
	return Math.floor((seed / 2147483648) * n);
}
const pick = (a) => a[rnd(a.length)];

const KINDS = ['general_branch', 'branch', 'organ_committee'];
const LEVELS = ['city', 'county', 'township'];
const STATUSES = ['full', 'probationary'];

function keep(o) {
	orgs.set(o.id, { id: o.id, parent_id: o.parent_id, kind: o.kind, level: o.level });
}
function keepMember(m) {
	members.set(m.id, { id: m.id, org_id: m.org_id, status: m.status, left: false });
}

/** The ids of o's subtree in the model, o included. */
function subtree(id) {
	const out = [id];
	for (let i = 0; i < out.length; i++)
		for (const o of orgs.values()) if (o.parent_id === out[i]) out.push(o.id);
	return out;
}

/** The stats answer the model expects for org id. */
function expectedStats(id) {
	const ids = new Set(subtree(id));
	const count = (items, key) => {
		const c = {};
		for (const x of items) c[x[key]] = (c[x[key]] ?? 0) + 1;
		return Object.fromEntries(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	};
	const os = [...ids].map((i) => orgs.get(i));
	const ms = [...members.values()].filter((m) => !m.left && ids.has(m.org_id));
	return {
		org_id: id, orgs: os.length, members: ms.length,
		orgs_by_kind: count(os, 'kind'), orgs_by_level: count(os, 'level'),
		members_by_status: count(ms, 'status'),
	};
}

before(async () => {
	let made;
	({ srv, admin, ...made } = await startWithTree({ dist: 'city', unit: 'dist', b1: 'unit', b2: 'dist' }));
	for (const o of Object.values(made)) keep(o);
});
after(async () => { await srv?.stop(); });

async function randomWrite(i) {
	const ids = [...orgs.keys()];
	const mids = [...members.values()].filter((m) => !m.left).map((m) => m.id);
	const op = rnd(10);
	if (op <= 1 || mids.length < 3) { // a member
		const org = pick(ids);
		const m = await createMember(admin, {
			org_id: org, status: pick(STATUSES), joined_on: dayFromToday(-400 - rnd(3000)),
		}, srv);
		keepMember(m);
		done.add('member');
	} else if (op === 2) { // an organization
		const parent = pick(ids);
		const res = await admin.post('/api/orgs', {
			name: uniq('支部'), parent_id: parent, kind: pick(KINDS), level: pick(LEVELS),
			established_on: dayFromToday(-rnd(800)),
		});
		if (res.status === 201) { keep(res.body); done.add('org'); }
		else assert.equal(res.status, 422, JSON.stringify(res.body));
	} else if (op === 3) { // a member's status
		const m = members.get(pick(mids));
		const status = m.status === 'full' ? 'probationary' : 'full';
		const res = await admin.patch(`/api/members/${m.id}`, { status });
		expectStatus(res, 200, srv);
		m.status = res.body.status;
		done.add('status');
	} else if (op === 4) { // a member to another organization
		const m = members.get(pick(mids));
		const to = pick(ids);
		const res = await admin.post(`/api/members/${m.id}/transfer`, { to_org_id: to, reason: '工作调动' });
		if (res.status === 200) {
			m.org_id = expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv).org_id;
			done.add('member moved');
		}
		else assert.ok([409, 422].includes(res.status), JSON.stringify(res.body));
	} else if (op === 5) { // a member deleted
		const m = members.get(pick(mids));
		const res = await admin.del(`/api/members/${m.id}`);
		assert.ok([200, 204].includes(res.status), JSON.stringify(res.body));
		members.delete(m.id);
		done.add('member deleted');
	} else if (op === 6) { // a member transferred out of the platform
		const m = members.get(pick(mids));
		let t = expectStatus(await admin.post('/api/transfers', {
			kind: 'out', member_id: m.id, outside_org: '外省某厅机关党委', letter_no: uniq('介字'),
			issued_on: dayFromToday(-rnd(30)),
		}), 201, srv);
		t = expectStatus(await admin.post(`/api/transfers/${t.id}/approve`, {}), 200, srv);
		expectStatus(await admin.post(`/api/transfers/${t.id}/arrive`, { arrived_on: TODAY }), 200, srv);
		m.left = true;
		done.add('transfer out');
	} else if (op === 7) { // an organization moved
		const o = orgs.get(pick(ids));
		const to = pick(ids);
		if (o.parent_id === null || subtree(o.id).includes(to)) return;
		const res = await admin.patch(`/api/orgs/${o.id}`, { parent_id: to });
		if (res.status === 200) { o.parent_id = res.body.parent_id; done.add('org moved'); }
		else assert.ok([409, 422].includes(res.status), JSON.stringify(res.body));
	} else if (op === 8) { // an organization's kind and level
		const o = orgs.get(pick(ids));
		if (o.parent_id === null) return;
		const res = await admin.patch(`/api/orgs/${o.id}`, { kind: pick(KINDS), level: pick(LEVELS) });
		if (res.status === 200) { Object.assign(o, { kind: res.body.kind, level: res.body.level }); done.add('org retyped'); }
		else assert.equal(res.status, 422, JSON.stringify(res.body));
	} else { // an empty leaf organization deleted
		const empty = ids.filter((id) => orgs.get(id).parent_id !== null && subtree(id).length === 1
			&& ![...members.values()].some((m) => m.org_id === id));
		if (!empty.length) return;
		const id = pick(empty);
		const res = await admin.del(`/api/orgs/${id}`);
		if ([200, 204].includes(res.status)) { orgs.delete(id); done.add('org deleted'); }
		else assert.equal(res.status, 409, `${i}: ${JSON.stringify(res.body)}`);
	}
}

async function expectVerified() {
	const v = await tallies('verify');
	assert.equal(v.code, 0, `verify: ${v.stdout}${v.stderr}`);
	assert.match(v.stdout, /^org_counts: \d+ checked, 0 differences$/m);
}

async function expectAnswersAgree() {
	for (const id of orgs.keys()) {
		const s = expectStatus(await admin.get(`/api/orgs/${id}/stats`), 200, srv);
		assert.deepEqual(s, expectedStats(id), `stats of org ${id}`);
		const ch = expectStatus(await admin.get(`/api/orgs/${id}/children`), 200, srv);
		const kids = [...orgs.values()].filter((o) => o.parent_id === id);
		assert.equal(ch.total, kids.length, `children of org ${id}`);
		for (const c of ch.items) {
			assert.equal(c.subtree_member_count, expectedStats(c.id).members, `subtree members of ${c.id}`);
			assert.equal(c.child_count, [...orgs.values()].filter((o) => o.parent_id === c.id).length, `child_count of ${c.id}`);
		}
		const one = expectStatus(await admin.get(`/api/orgs/${id}`), 200, srv);
		assert.equal(one.child_count, kids.length, `child_count of org ${id}`);
	}
}

test('random writes keep org_counts equal to a recount; stats and children agree with the rows written', async () => {
	for (let i = 0; i < 90; i++) await randomWrite(i);
	assert.deepEqual([...done].sort(), ['member', 'member deleted', 'member moved', 'org', 'org deleted',
		'org moved', 'org retyped', 'status', 'transfer out']);
	assert.ok(orgs.size > 5 && members.size > 5);
	await expectVerified();
	await expectAnswersAgree();
});

test('a tally broken behind the server\'s back is named by verify (exit 1); rebuild mends it', async () => {
	const [dist] = orgs.keys();
	await sqlOk(`UPDATE org_counts SET subtree = subtree + 2 WHERE org_id = ${dist} AND dim = 'kind'`);
	const v = await tallies('verify');
	assert.equal(v.code, 1, `verify should fail: ${v.stdout}${v.stderr}`);
	assert.match(v.stdout, new RegExp(`^org_counts: org ${dist} kind \\w+: kept direct \\d+ subtree \\d+, recounted`, 'm'));
	assert.match(v.stdout, /^org_counts: \d+ checked, [1-9]\d* differences$/m);
	await sqlOk(`DELETE FROM org_counts WHERE org_id = ${dist} AND dim = 'status'`);
	const v2 = await tallies('verify');
	assert.equal(v2.code, 1);
	assert.match(v2.stdout, new RegExp(`^org_counts: org ${dist} status \\w+: kept direct 0 subtree 0, recounted`, 'm'));
	const r = await tallies('rebuild');
	assert.equal(r.code, 0, `rebuild: ${r.stdout}${r.stderr}`);
	await expectVerified();
	await expectAnswersAgree();
});

test('tallies: a wrong subcommand or option is a usage error (exit 2)', async () => {
	assert.equal((await run(XF_BIN, ['tallies', 'check'])).code, 2);
	assert.equal((await run(XF_BIN, ['tallies', 'verify', '--db', srv.db, '--bogus'])).code, 2);
});
