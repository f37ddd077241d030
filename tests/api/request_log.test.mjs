// The request log, written by a background thread in batches: every
// request's line reaches stderr, whole and once, right after a burst and
// when the server is stopped (SIGTERM) right after one; and the answers a
// request thread sends again unchanged (the health check, a 404) keep
// their body and every header.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, rawRequest, expectStatus, uniq, sleep } from './harness.mjs';

// the first server owns the database (stopped last); the others attach to it
const servers = [];
after(async () => { for (const s of servers.reverse()) if (!s.exited()) await s.stop(); });
const another = async () => {
	const srv = await startServer({ db: servers[0].db, attach: true });
	servers.push(srv);
	return srv;
};

const BURST = 600;

/** BURST requests to paths of tag, 50 at a time; each must answer 404. */
async function burst(srv, tag) {
	for (let i = 0; i < BURST; i += 50) {
		const answers = await Promise.all(Array.from({ length: Math.min(50, BURST - i) },
			(_, k) => rawRequest(srv.url, 'GET', `/api/log-probe/${tag}/${i + k}`)));
		for (const a of answers) assert.equal(a.status, 404, a.text);
	}
}

/** The log lines of tag's paths: index -> count; every line must be JSON. */
function linesOf(log, tag) {
	const seen = new Map();
	for (const l of log.split('\n')) {
		if (!l.includes(`/api/log-probe/${tag}/`)) continue;
		const j = JSON.parse(l);
		assert.equal(j.method, 'GET');
		assert.equal(j.status, 404);
		assert.equal(j.user, null);
		assert.equal(typeof j.us, 'number');
		assert.match(j.ts, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const i = Number(j.path.split('/').pop());
		seen.set(i, (seen.get(i) ?? 0) + 1);
	}
	return seen;
}

function expectAll(seen) {
	for (let i = 0; i < BURST; i++) assert.equal(seen.get(i), 1, `line of request ${i}`);
	assert.equal(seen.size, BURST);
}

test('every request of a burst has its log line, once', async () => {
	const srv = await startServer();
	servers.push(srv);
	const tag = uniq('burst');
	await burst(srv, tag);
	// the writer runs apart: wait (no timing assertion) until all are there
	for (let i = 0; i < 200 && linesOf(srv.log(), tag).size < BURST; i++) await sleep(50);
	expectAll(linesOf(srv.log(), tag));
});

test('stopped (SIGTERM) right after a burst, the server writes every line before it exits', async () => {
	const srv = await another();
	const tag = uniq('term');
	await burst(srv, tag);
	await srv.stop(); // SIGTERM at once; resolves when the process has exited
	assert.equal(srv.exited().code, 0, srv.logTail());
	expectAll(linesOf(srv.log(), tag));
	assert.match(srv.log(), /xianfeng: stopping/);
});

test('answers sent again unchanged keep their body and every header', async () => {
	const srv = await another();
	const c = srv.client();
	for (let i = 0; i < 20; i++) {
		// alternating and repeated answers of the same request threads
		const paths = ['/api/health', '/api/health', '/api/no-such-thing', '/api/health', '/api/me'];
		for (const p of paths) {
			const res = await c.get(p);
			if (p === '/api/health') {
				const b = expectStatus(res, 200, srv);
				assert.equal(b.status, 'ok');
			} else {
				assert.equal(res.status, p === '/api/me' ? 401 : 404, res.text);
				assert.ok(res.body?.error?.code, res.text);
			}
			assert.match(res.headers['content-type'] ?? '', /^application\/json/);
			assert.equal(res.headers['cache-control'], 'no-store');
			assert.equal(res.headers['x-frame-options'], 'DENY');
			assert.equal(res.headers['x-content-type-options'], 'nosniff');
			assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
			assert.equal(res.headers['set-cookie'], undefined);
		}
	}
	// a login's cookie is never kept for another answer
	const login = await srv.loginRaw('admin', 'wrong-password-1');
	assert.equal(login.status, 401);
	const after1 = await c.get('/api/health');
	assert.equal(after1.headers['set-cookie'], undefined);
	await srv.stop();
});
