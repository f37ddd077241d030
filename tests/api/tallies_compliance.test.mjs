// The compliance board's kept tallies (meeting_tallies by month, schema
// v27, and meeting_year_tallies by year, v30; docs/architecture.md "Kept
// tallies"): after random meeting writes through the
// API (create, update of day, kind and first topic, make-ups, delete,
// moving an organization to another district), with days around month
// edges built from the server's today, `xianfeng tallies verify` finds no
// difference, the kept rows are the test's own count of what it wrote, and
// the board's answer agrees with that count, also for the periods that end
// a year (they read the year's totals). A tally damaged behind the
// server's back is named by verify (exit 1) until `tallies rebuild`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree } from './fixtures.mjs';
import {
	XF_BIN, expectStatus, createOrg, uniq, todayShanghai, dayFromToday, thisYear, runProgram, runSql
} from './harness.mjs';

const EST = `${thisYear() - 3}-01-01`;
const FT = { title: '学习习近平总书记重要讲话精神', source: '求是' };
const KINDS = ['branch_committee', 'theme_day', 'branch_congress', 'party_lecture', 'life_meeting'];
const FT_KINDS = new Set(['committee_meeting', 'branch_committee', 'branch_congress', 'first_topic']);
const MONTHLY = ['branch_committee', 'theme_day']; // a branch's monthly kinds (default rules)

let srv;
let admin;
let dist;
let dist2;
const branches = [];
const meetings = new Map(); // id -> { org, kind, day, makeup, counts_on, late, ft }
const parentOf = new Map(); // branch id -> district id

before(async () => {
	({ srv, admin, dist, dist2 } = await startWithTree({ dist: 'city', dist2: 'city' }, { established_on: EST }));
	for (let i = 0; i < 4; i++) {
		const b = await createOrg(admin, {
			name: uniq('计数支部'), kind: 'branch', level: 'county', parent_id: dist.id, established_on: EST,
		}, srv);
		branches.push(b);
		parentOf.set(b.id, dist.id);
	}
});
after(async () => { await srv?.stop(); });

const run = runProgram;

const tallies = (what) => run(XF_BIN, ['tallies', what, '--db', srv.db]);

/** Runs SQL on the server's database behind its back; its output rows. */
async function sql(q) {
	const r = await runSql(srv.db, q);
	assert.equal(r.code, 0, `${q}\n${r.stderr}`);
	return r.stdout.split('\n').filter((l) => l !== '');
}

const ym = (day) => day.slice(0, 7);
function monthEnd(month) {
	const [y, m] = month.split('-').map(Number);
	return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
function prevMonth(month) {
	const [y, m] = month.split('-').map(Number);
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** What a meeting counts for: its day, or the end of the month it makes up. */
function counted(m) {
	return m.makeup ? { counts_on: monthEnd(m.makeup), late: true } : { counts_on: m.day, late: false };
}

/** The tally the test expects, keyed "org|month|kind" (len 7) or
 * "org|year|kind" (len 4). */
function expectedTally(len = 7) {
	const t = new Map();
	for (const m of meetings.values()) {
		const key = `${m.org}|${m.counts_on.slice(0, len)}|${m.kind}`;
		const row = t.get(key) || { on_time: 0, late: 0, no_ft: 0 };
		if (m.late) row.late++; else row.on_time++;
		if (!m.ft) row.no_ft++;
		t.set(key, row);
	}
	return t;
}

let seed = 20261;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };

/** A day of the last four months or so, often the first or last of a month. */
function randomDay() {
	const pick = rnd(3);
	const back = rnd(120);
	if (pick === 0) return dayFromToday(-back);
	const month = ym(dayFromToday(-back));
	const day = pick === 1 ? `${month}-01` : monthEnd(month);
	return day <= todayShanghai() ? day : todayShanghai();
}

function check(res, m) {
	const body = expectStatus(res, m ? 200 : 201, srv);
	return body;
}

async function createMeeting() {
	const org = branches[rnd(branches.length)];
	const kind = KINDS[rnd(KINDS.length)];
	const day = randomDay();
	const makeup = rnd(4) === 0 && day.slice(8) !== '01' ? prevMonth(ym(day)) : null;
	const ft = rnd(3) !== 0;
	const body = {
		org_id: org.id, kind, held_at: `${day}T09:00:00+08:00`, topic: uniq('会议'), lecturer: '书记',
		first_topic: ft ? FT : null,
	};
	if (makeup) body.makeup_for = makeup;
	const got = check(await admin.post('/api/meetings', body));
	const m = { org: org.id, kind, day, makeup, ft };
	Object.assign(m, counted(m));
	assert.equal(got.late, m.late);
	meetings.set(got.id, m);
}

async function updateMeeting() {
	const ids = [...meetings.keys()];
	const id = ids[rnd(ids.length)];
	const m = meetings.get(id);
	const what = rnd(3);
	const patch = {};
	if (what === 0) {
		m.day = randomDay();
		patch.held_at = `${m.day}T10:00:00+08:00`;
		if (m.makeup) {
			m.makeup = prevMonth(ym(m.day));
			patch.makeup_for = m.makeup;
		}
	} else if (what === 1) {
		m.kind = KINDS[(KINDS.indexOf(m.kind) + 1 + rnd(KINDS.length - 1)) % KINDS.length];
		patch.kind = m.kind;
	} else {
		m.ft = !m.ft;
		patch.first_topic = m.ft ? FT : null;
	}
	Object.assign(m, counted(m));
	const got = check(await admin.request('PATCH', `/api/meetings/${id}`, patch), true);
	assert.equal(got.late, m.late);
}

async function deleteMeeting() {
	const ids = [...meetings.keys()];
	const id = ids[rnd(ids.length)];
	const res = await admin.request('DELETE', `/api/meetings/${id}`);
	assert.ok([200, 204].includes(res.status), res.text);
	meetings.delete(id);
}

async function moveBranch() {
	const b = branches[rnd(branches.length)];
	const to = parentOf.get(b.id) === dist.id ? dist2.id : dist.id;
	expectStatus(await admin.request('PATCH', `/api/orgs/${b.id}`, { parent_id: to }), 200, srv);
	parentOf.set(b.id, to);
}

test('after random meeting writes, the kept tally equals the recount and the board agrees', async () => {
	for (let i = 0; i < 70; i++) {
		const k = meetings.size < 5 ? 0 : rnd(10);
		if (k < 5) await createMeeting();
		else if (k < 7) await updateMeeting();
		else if (k < 9) await deleteMeeting();
		else await moveBranch();
	}
	const v = await tallies('verify');
	assert.equal(v.code, 0, `${v.stdout}\n${v.stderr}`);
	for (const name of ['compliance', 'compliance_years']) {
		assert.match(v.stdout, new RegExp(`^${name}: \\d+ checked, 0 differences$`, 'm'));
		assert.doesNotMatch(v.stdout, new RegExp(`^${name}: 0 checked`, 'm'));
	}

	// the kept rows of our branches, by month and by year, as the test counts them
	const ids = branches.map((b) => b.id).join(',');
	for (const [table, key, len] of [['meeting_tallies', 'month', 7], ['meeting_year_tallies', 'year', 4]]) {
		const kept = await sql(`SELECT org_id, ${key}, kind, on_time, late, no_ft FROM ${table} WHERE org_id IN (${ids}) ORDER BY org_id, ${key}, kind`);
		const want = expectedTally(len);
		const keys = [...want.keys()].sort();
		const got = new Map(kept.map((l) => {
			const [org, k, kind, on, late, noft] = l.split('|');
			return [`${org}|${k}|${kind}`, { on_time: Number(on), late: Number(late), no_ft: Number(noft) }];
		}));
		assert.deepEqual([...got.keys()].sort(), keys, table);
		for (const k of keys) assert.deepEqual(got.get(k), want.get(k), `${table} ${k}`);
	}

	// the board of each district, month by month, against the same count
	const months = new Set([ym(todayShanghai())]);
	for (const m of meetings.values()) months.add(ym(m.counts_on));
	const current = ym(todayShanghai());
	for (const month of [...months].sort()) {
		for (const d of [dist, dist2]) {
			const res = expectStatus(await admin.get(`/api/compliance?org=${d.id}&period=${month}`), 200, srv);
			const items = Object.fromEntries(res.items.map((x) => [x.org_id, x]));
			for (const b of branches) {
				const it = items[b.id];
				if (parentOf.get(b.id) !== d.id) {
					assert.equal(it, undefined, `branch ${b.id} moved out of ${d.id}`);
					continue;
				}
				assert.ok(it, `branch ${b.id} on the board of ${d.id} for ${month}`);
				const mine = [...meetings.values()].filter((m) => m.org === b.id && ym(m.counts_on) === month);
				const ftm = mine.filter((m) => FT_KINDS.has(m.kind));
				assert.equal(it.first_topic_meetings, ftm.length, `${b.id} ${month} first topic meetings`);
				assert.equal(it.first_topic_recorded, ftm.filter((m) => m.ft).length, `${b.id} ${month} recorded`);
				for (const kind of MONTHLY) {
					const of = mine.filter((m) => m.kind === kind);
					const onTime = of.some((m) => !m.late);
					const where = `${b.id} ${month} ${kind}`;
					assert.equal(it.late.includes(kind), of.length > 0 && !onTime, `${where} late`);
					assert.equal(it.missing.includes(kind), of.length === 0 && month < current, `${where} missing`);
					assert.equal(it.pending.includes(kind), of.length === 0 && month === current, `${where} pending`);
				}
			}
		}
	}

	// the periods that end a year (the fourth quarter, December) count the
	// months before their quarter from the year's kept totals: their
	// quarterly and yearly kinds against the same count
	const today = todayShanghai();
	const years = new Set([thisYear()]);
	for (const m of meetings.values()) years.add(Number(m.counts_on.slice(0, 4)));
	for (const y of [...years].sort()) {
		const ended = `${y}-12-31` < today;
		for (const period of [`${y}Q4`, `${y}-12`]) {
			for (const d of [dist, dist2]) {
				const res = expectStatus(await admin.get(`/api/compliance?org=${d.id}&period=${period}`), 200, srv);
				const items = Object.fromEntries(res.items.map((x) => [x.org_id, x]));
				for (const b of branches.filter((x) => parentOf.get(x.id) === d.id)) {
					const it = items[b.id];
					assert.ok(it, `branch ${b.id} on the board of ${d.id} for ${period}`);
					for (const [kind, from] of [['branch_congress', `${y}-10`], ['party_lecture', `${y}-10`], ['life_meeting', `${y}-01`]]) {
						const of = [...meetings.values()].filter((m) => m.org === b.id && m.kind === kind &&
							ym(m.counts_on) >= from && ym(m.counts_on) <= `${y}-12`);
						const onTime = of.some((m) => !m.late);
						const where = `${b.id} ${period} ${kind}`;
						assert.equal(it.late.includes(kind), of.length > 0 && !onTime, `${where} late`);
						assert.equal(it.missing.includes(kind), of.length === 0 && ended, `${where} missing`);
						assert.equal(it.pending.includes(kind), of.length === 0 && !ended, `${where} pending`);
					}
				}
			}
		}
	}
});

test('a damaged tally is named by tallies verify until it is rebuilt', async () => {
	const b = branches[0];
	await createMeeting(); // at least one kept row of some branch
	if (![...meetings.values()].some((m) => m.org === b.id)) {
		const day = todayShanghai();
		const got = check(await admin.post('/api/meetings', {
			org_id: b.id, kind: 'theme_day', held_at: `${day}T09:00:00+08:00`, topic: uniq('会议'), first_topic: null,
		}));
		meetings.set(got.id, { org: b.id, kind: 'theme_day', day, makeup: null, ft: false, counts_on: day, late: false });
	}
	const [row] = await sql(`SELECT month, kind FROM meeting_tallies WHERE org_id = ${b.id} ORDER BY month, kind LIMIT 1`);
	const [month, kind] = row.split('|');
	await sql(`UPDATE meeting_tallies SET late = late + 2 WHERE org_id = ${b.id} AND month = '${month}' AND kind = '${kind}'`);
	let v = await tallies('verify');
	assert.equal(v.code, 1, `verify should fail: ${v.stdout}${v.stderr}`);
	assert.match(v.stdout, new RegExp(`^compliance: org ${b.id} month ${month} kind ${kind}: kept .*late`, 'm'));
	assert.match(v.stdout, /^compliance: \d+ checked, 1 differences$/m);

	// a missing row and a stray one are differences too
	const other = branches[1];
	await sql(`INSERT INTO meeting_tallies (org_id, month, kind, on_time, late, no_ft) VALUES (${other.id}, '1999-01', 'theme_day', 1, 0, 0)`);
	v = await tallies('verify');
	assert.equal(v.code, 1);
	assert.match(v.stdout, new RegExp(`^compliance: org ${other.id} month 1999-01 kind theme_day: kept on_time 1 late 0 no_ft 0, recomputed on_time 0 late 0 no_ft 0$`, 'm'));
	assert.match(v.stdout, /^compliance: \d+ checked, 2 differences$/m);
	assert.match(v.stdout, /^compliance_years: \d+ checked, 0 differences$/m);

	// the tally by year too
	const [yrow] = await sql(`SELECT year, kind FROM meeting_year_tallies WHERE org_id = ${b.id} ORDER BY year, kind LIMIT 1`);
	const [year, ykind] = yrow.split('|');
	await sql(`UPDATE meeting_year_tallies SET on_time = on_time + 1 WHERE org_id = ${b.id} AND year = '${year}' AND kind = '${ykind}'`);
	v = await tallies('verify');
	assert.equal(v.code, 1);
	assert.match(v.stdout, new RegExp(`^compliance_years: org ${b.id} year ${year} kind ${ykind}: kept on_time`, 'm'));
	assert.match(v.stdout, /^compliance_years: \d+ checked, 1 differences$/m);

	const r = await tallies('rebuild');
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stdout, /^compliance: rebuilt$/m);
	assert.match(r.stdout, /^compliance_years: rebuilt$/m);
	v = await tallies('verify');
	assert.equal(v.code, 0, v.stdout);
	assert.match(v.stdout, /^compliance: \d+ checked, 0 differences$/m);
	assert.match(v.stdout, /^compliance_years: \d+ checked, 0 differences$/m);
});

test('tallies refuses an unknown subcommand', async () => {
	const v = await tallies('recount');
	assert.equal(v.code, 2);
	assert.match(v.stderr, /tallies/);
});
