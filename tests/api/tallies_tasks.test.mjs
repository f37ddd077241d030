// The kept tallies of the 晒绩 board (task_tallies, task_open_days): after
// a random mix of task writes through the API (create, cascade, edit of the
// due date across the year's edges, progress, milestones done, acceptance,
// delete, an organization moved and moved back), `xianfeng tallies verify`
// finds no difference, and the board and the acceptance summary answer
// what this test computes itself from the tasks it reads back. A tally
// broken on purpose behind the server's back is found and named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor } from './fixtures.mjs';
import { XF_BIN, expectStatus, listAll, uniq, todayShanghai, runProgram, rawSql } from './harness.mjs';
import { dayFromToday } from '../clock.mjs';

let srv, admin, city, dist, dist2, b1, b2, c1;
let comCity, com;
const TODAY = todayShanghai();
const Y = Number(TODAY.slice(0, 4));

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', c1: 'dist2',
	}));
	({ comCity, com } = await clientsFor(admin, srv, {
		comCity: ['committee', city], com: ['committee', dist],
	}));
});
after(async () => { await srv?.stop(); });

const runTallies = (db, sub = 'verify') => runProgram(XF_BIN, ['tallies', sub, '--db', db]);


/** day d (YYYY-MM-DD) plus n days. */
function plus(d, n) {
	const t = new Date(`${d}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + n);
	return t.toISOString().slice(0, 10);
}

// Due dates around today and around the edges of this year, the last and
// the next (a task's year is its due date's).
const DUES = [
	dayFromToday(-20), dayFromToday(-1), TODAY, dayFromToday(1), dayFromToday(25),
	`${Y}-01-01`, `${Y}-12-31`, `${Y + 1}-01-01`, `${Y - 1}-12-31`,
];

/** The board's numbers computed from the tasks read back, per org. */
function expected(tasks, scores, orgIds, year) {
	const rows = new Map();
	for (const t of tasks) {
		if (t.year !== year || !orgIds.has(t.org_id)) continue;
		const r = rows.get(t.org_id) ?? { tasks: 0, done: 0, on_time: 0, overdue: 0, due: 0, percent: 0, accepted: 0, score: 0 };
		r.tasks++;
		r.percent += t.percent;
		if (t.done_on) {
			r.done++;
			r.due++;
			if (t.done_on <= t.due_on) r.on_time++;
		} else {
			if (t.next_due_on && t.next_due_on < TODAY) r.overdue++;
			if (t.due_on < TODAY) r.due++;
		}
		if (scores.has(t.id)) {
			r.accepted++;
			r.score += scores.get(t.id);
		}
		rows.set(t.org_id, r);
	}
	return rows;
}

async function compareBoards(scores, top, orgIds) {
	for (const year of [Y - 1, Y, Y + 1]) {
		const tasks = await listAll(admin, `/api/tasks?org=${city.id}&subtree=1&year=${year}`, srv);
		const want = expected(tasks, scores, orgIds, year);
		const board = expectStatus(await comCity.get(`/api/tasks/board?org=${top.id}&year=${year}`), 200, srv);
		const acc = expectStatus(await comCity.get(`/api/acceptance?org=${top.id}&year=${year}`), 200, srv);
		assert.deepEqual(board.items.map((i) => i.org_id).sort(), [...want.keys()].sort(), `orgs of ${year}`);
		for (const item of board.items) {
			const w = want.get(item.org_id);
			const got = { tasks: item.tasks, done: item.done, on_time: item.on_time, overdue: item.overdue, due: item.due, avg_percent: item.avg_percent };
			assert.deepEqual(got, {
				tasks: w.tasks, done: w.done, on_time: w.on_time, overdue: w.overdue, due: w.due,
				avg_percent: Math.floor(w.percent / w.tasks),
			}, `board row of org ${item.org_id} in ${year}`);
		}
		for (const item of acc.items) {
			const w = want.get(item.org_id);
			assert.equal(item.accepted, w.accepted, `accepted of org ${item.org_id} in ${year}`);
			const avg = w.accepted ? Math.round((w.score * 10) / w.accepted) / 10 : null;
			assert.equal(item.avg_score, avg, `avg_score of org ${item.org_id} in ${year}`);
		}
	}
}

test('after a random mix of task writes, tallies verify finds no difference and the board is what the tasks give', async () => {
	const orgs = [dist, b1, b2, dist2, c1];
	const ids = [];
	const scores = new Map();
	let seed = 20261207;
	const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
	const pick = (a) => a[rnd(a.length)];
	let moved = false;
	for (let i = 0; i < 70; i++) {
		const k = rnd(20);
		if (k < 6 || ids.length < 3) {
			const due = pick(DUES);
			const start = plus(due, -10 - rnd(30));
			const ms = [[], [{ title: '完成', due_on: due }],
				[{ title: '启动', due_on: plus(start, 1) }, { title: '完成', due_on: due }]][rnd(3)];
			const t = expectStatus(await comCity.post('/api/tasks', {
				org_id: pick(orgs).id, title: uniq('任务'), start_on: start, due_on: due, milestones: ms,
			}), 201, srv);
			ids.push(t.id);
		} else if (k < 8) {
			const id = pick(ids);
			const res = await comCity.post(`/api/tasks/${id}/cascade`, { org_ids: [pick([b1, b2, c1]).id] });
			assert.ok(res.status < 500, res.text);
			if (res.status === 201) {
				const kids = await listAll(admin, `/api/tasks?org=${city.id}&subtree=1&parent=${id}`, srv);
				for (const kid of kids) if (!ids.includes(kid.id)) ids.push(kid.id);
			}
		} else if (k < 11) {
			const res = await comCity.post(`/api/tasks/${pick(ids)}/progress`, { percent: pick([0, 30, 60, 100]) });
			assert.ok(res.status < 500, res.text);
		} else if (k < 13) {
			const id = pick(ids);
			const t = expectStatus(await comCity.get(`/api/tasks/${id}`), 200, srv);
			if (t.milestones.length) {
				const m = pick(t.milestones);
				const res = await comCity.patch(`/api/tasks/${id}/milestones/${m.id}`,
					{ done_on: pick([TODAY, dayFromToday(-2), null]) });
				assert.ok(res.status < 500, res.text);
			}
		} else if (k < 15) {
			const due = pick(DUES);
			const res = await comCity.patch(`/api/tasks/${pick(ids)}`, { start_on: plus(due, -400), due_on: due });
			assert.ok(res.status < 500, res.text);
		} else if (k < 17) {
			const id = pick(ids);
			const res = await comCity.post(`/api/tasks/${id}/acceptance`, { score: 60 + rnd(41), comment: '验收' });
			assert.ok(res.status < 500, res.text);
			if (res.status === 201) scores.set(id, res.body.score);
		} else if (k < 19) {
			const id = pick(ids);
			const res = await comCity.request('DELETE', `/api/tasks/${id}`);
			assert.ok(res.status < 500, res.text);
			if (res.status < 300) {
				// a parent goes with its children: forget whatever is gone
				for (const x of [...ids]) {
					const g = await admin.get(`/api/tasks/${x}`);
					if (g.status === 404) {
						ids.splice(ids.indexOf(x), 1);
						scores.delete(x);
					}
				}
			}
		} else {
			// b2 moves to the other district and back: its tallies move with it
			expectStatus(await admin.patch(`/api/orgs/${b2.id}`, { parent_id: moved ? dist.id : dist2.id }), 200, srv);
			moved = !moved;
		}
	}
	if (!moved) expectStatus(await admin.patch(`/api/orgs/${b2.id}`, { parent_id: dist2.id }), 200, srv);

	const v = await runTallies(srv.db);
	assert.equal(v.code, 0, `${v.stdout}\n${v.stderr}`);
	assert.match(v.stdout, /^tasks: [1-9]\d* checked, 0 differences$/m);

	await compareBoards(scores, city, new Set(orgs.map((o) => o.id)));
	// b2 now lies under dist2: that district's board has it, dist's has not
	await compareBoards(scores, dist2, new Set([dist2.id, c1.id, b2.id]));
	const bd = expectStatus(await com.get(`/api/tasks/board?org=${dist.id}&year=${Y}`), 200, srv);
	assert.ok(!bd.items.some((i) => i.org_id === b2.id));
});

test('tallies verify names a tally broken on purpose and exits 1; rebuild mends it', async () => {
	const t = expectStatus(await com.post('/api/tasks', {
		org_id: b1.id, title: uniq('核对'), start_on: dayFromToday(-30), due_on: dayFromToday(-3), milestones: [],
	}), 201, srv);
	const clean = await runTallies(srv.db);
	assert.equal(clean.code, 0, clean.stdout + clean.stderr);
	await rawSql(srv.db, `UPDATE task_tallies SET done = done + 1 WHERE org_id = ${b1.id} AND year = ${t.year}`);
	await rawSql(srv.db, `INSERT INTO task_open_days (org_id, year, on_day, next_count, due_count) VALUES (9000000000000, ${t.year}, '${TODAY}', 1, 0)`);
	const v = await runTallies(srv.db);
	assert.equal(v.code, 1, v.stdout + v.stderr);
	assert.match(v.stdout, /^tasks: \d+ checked, 2 differences$/m);
	assert.match(v.stdout, new RegExp(`^tasks: org ${b1.id} year ${t.year}: done kept \\d+, recomputed \\d+$`, 'm'));
	assert.match(v.stdout, new RegExp(`^tasks: org 9000000000000 year ${t.year} day ${TODAY}: open tasks due next kept 1, recomputed 0$`, 'm'));
	const r = await runTallies(srv.db, 'rebuild');
	assert.equal(r.code, 0, r.stdout + r.stderr);
	const again = await runTallies(srv.db);
	assert.equal(again.code, 0, again.stdout + again.stderr);
});

test('an organization whose tasks are all deleted leaves no tally and can be deleted', async () => {
	const o = expectStatus(await admin.post('/api/orgs', { name: uniq('临时支部'), kind: 'branch', level: 'county', parent_id: dist.id }), 201, srv);
	const t = expectStatus(await com.post('/api/tasks', {
		org_id: o.id, title: uniq('任务'), start_on: dayFromToday(-5), due_on: dayFromToday(5), milestones: [],
	}), 201, srv);
	const b = expectStatus(await com.get(`/api/tasks/board?org=${o.id}&year=${t.year}`), 200, srv);
	assert.deepEqual(b.items.map((i) => [i.org_id, i.tasks]), [[o.id, 1]]);
	assert.ok((await com.request('DELETE', `/api/tasks/${t.id}`)).status < 300);
	const empty = expectStatus(await com.get(`/api/tasks/board?org=${o.id}&year=${t.year}`), 200, srv);
	assert.deepEqual(empty.items, []);
	const gone = await admin.request('DELETE', `/api/orgs/${o.id}`);
	assert.ok(gone.status < 300, gone.text);
	const v = await runTallies(srv.db);
	assert.equal(v.code, 0, v.stdout + v.stderr);
});
