// reviews.mjs - the live part of `make bench`: a review session with 200
// outside judges (joined by their one-time codes) scoring one presenter at
// once while 10 wall screens follow the session's event stream. For every
// score, the time from its answer reaching the judge to its "scored" event
// reaching each wall; reports the p50/p95/max over all (score, wall) pairs.
//   node bench/reviews.mjs URL PASSWORD [JUDGES] [WALLS]
// The server's database is changed (a session, 200 judge accounts): give
// it a copy. Prints one JSON line; exits 1 when a wall missed an event.
import http from 'node:http';
import { client } from './client.mjs';

const [URL_ARG, PW, J_ARG, W_ARG] = process.argv.slice(2);
const url = new URL(URL_ARG);
const JUDGES = Number(J_ARG ?? 200);
const WALLS = Number(W_ARG ?? 10);

const { req, ok } = client(URL_ARG);

const admin = (await ok(req('POST', '/api/auth/login', { username: 'admin', password: PW }))).token;
const roots = await ok(req('GET', '/api/orgs?roots=1', null, admin));
const org = roots.items[0];
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const rv = await ok(req('POST', '/api/reviews', {
	title: '基准测试评议', org_id: org.id, held_on: today,
	criteria: [{ name: '成效', max: 100 }], presenters: [{ name: '述职人' }],
}, admin), 201);
const withCodes = await ok(req('POST', `/api/reviews/${rv.id}/judges`, { codes: JUDGES }, admin));
const codes = withCodes.judges.map((j) => j.code).filter(Boolean);
const joined = [];
for (const code of codes) joined.push(await ok(req('POST', '/api/reviews/join', { code })));

// the walls: each records when it saw each judge's "scored" event
const seen = []; // per wall: Map(judge_id -> time)
await Promise.all(Array.from({ length: WALLS }, (_, w) => new Promise((resolve, reject) => {
	const times = new Map();
	seen.push(times);
	const r = http.get({ host: url.hostname, port: url.port, path: `/api/reviews/${rv.id}/events`,
		headers: { Authorization: `Bearer ${admin}` } }, (res) => {
		let buf = '';
		res.setEncoding('utf8');
		res.on('data', (chunk) => {
			const t = performance.now();
			buf += chunk;
			let i;
			while ((i = buf.indexOf('\n\n')) >= 0) {
				const frame = buf.slice(0, i);
				buf = buf.slice(i + 2);
				if (frame.startsWith('retry:')) resolve();
				const ev = frame.match(/^event: (\w+)$/m)?.[1];
				const data = frame.match(/^data: (.*)$/m)?.[1];
				if (ev === 'scored') times.set(JSON.parse(data).judge_id, t);
			}
		});
	});
	r.on('error', reject);
	void w;
})));

const [p] = rv.presenters;
await ok(req('POST', `/api/reviews/${rv.id}/presenters/${p.id}/open`, null, admin));
// every judge scores at once
const answered = new Map(); // judge_id -> time its answer arrived
const t0 = performance.now();
await Promise.all(joined.map(async (j, i) => {
	const res = await req('PUT', `/api/reviews/${rv.id}/presenters/${p.id}/scores`, { scores: { 成效: 60 + (i % 40) } }, j.token);
	if (res.status !== 200) throw new Error(`score: ${res.status} ${res.text}`);
	answered.set(j.judge_id, performance.now());
}));
const t1 = performance.now();
await new Promise((r) => setTimeout(r, 1000));
// from a score's answer to its event on each wall (an event may even
// arrive first: the server publishes before the answer is written)
const lat = [];
let missed = 0;
for (const times of seen) {
	for (const [judge, ta] of answered) {
		const t = times.get(judge);
		if (t === undefined) { missed++; continue; }
		lat.push(Math.max(0, t - ta));
	}
}
lat.sort((a, b) => a - b);
const q = (f) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(f * lat.length))] : null);
const out = {
	judges: joined.length, walls: WALLS, scores_per_s: Math.round(joined.length / ((t1 - t0) / 1000)),
	p50_ms: Math.round(q(0.5)), p95_ms: Math.round(q(0.95)), max_ms: Math.round(lat[lat.length - 1] ?? 0), missed,
};
console.log(JSON.stringify(out));
process.exit(missed ? 1 : 0);
