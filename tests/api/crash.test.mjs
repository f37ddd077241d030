// crash.test.mjs - crash safety: the server is killed with SIGKILL in the
// middle of a stream of writes; after a restart every write that was
// answered 2xx is there, nothing half-written is (kept member counts match
// the members, every member has its audit record, `points verify` finds the
// kept point totals equal to the ledger), and the server works.
// Also: `xianfeng backup` while serving and `restore` round-trip (SQLite).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
	startServer, rawRequest, makeIdNumber, makePhone, uniq, sleep, createOrg,
	expectStatus, expectList, XF_BIN, ADMIN_PASSWORD, DB_KIND,
} from './harness.mjs';

const servers = [];
after(async () => {
	for (const s of servers) {
		try { s.kill('SIGKILL'); } catch { /* already gone */ }
	}
});

function freePort() {
	return new Promise((resolve) => {
		const s = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

/** Starts `xianfeng serve` on an existing database; resolves when healthy. */
async function serve(db) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const proc = spawn(XF_BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--quiet'],
		{ stdio: 'ignore' });
	servers.push(proc);
	for (let i = 0; i < 100; i++) {
		try {
			if ((await rawRequest(url, 'GET', '/api/health')).status === 200) return { url, proc };
		} catch { /* not up yet */ }
		await sleep(100);
	}
	throw new Error('server did not start');
}

async function login(url) {
	const r = await rawRequest(url, 'POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
	assert.equal(r.status, 200);
	return { Authorization: `Bearer ${r.body.token}` };
}

test('a SIGKILL in the middle of writes loses no answered write and leaves nothing half-written', async () => {
	const first = await startServer();
	const db = first.db;
	const admin = await first.login('admin', ADMIN_PASSWORD);
	const root = await createOrg(admin, { name: uniq('崩溃测试工委'), kind: 'work_committee', parent_id: null }, first);
	const branch = await createOrg(admin, { name: uniq('崩溃测试支部'), parent_id: root.id }, first);
	const auth = admin.authHeaders('POST');
	const rule = expectStatus(await admin.post('/api/point-rules', { category: '履职尽责', item: uniq('崩溃测试加分'),
		points: 2, cap: null, cap_period: 'year', needs_approval: false, valid_from: '2020-01-01' }), 201, first);

	// A stream of member creations and point awards to the members already
	// answered, 8 in flight, until killed.
	const answered = [];
	const entries = [];
	let stop = false;
	let n = 0;
	const worker = async (_, w) => {
		for (let i = 0; !stop; i++) {
			const award = w % 2 === 1 && answered.length > 0;
			const [p, body] = award
				? ['/api/ledger', { member_id: answered[i % answered.length], rule_id: rule.id, reason: '崩溃测试' }]
				: ['/api/members', { name: uniq('党员'), gender: 'male', id_number: makeIdNumber({ gender: 'male' }),
					phone: makePhone(), org_id: branch.id, status: 'full', joined_on: '2010-07-01' }];
			if (!award) n++;
			try {
				const r = await rawRequest(first.url, 'POST', p, body, auth);
				if (r.status === 201) (award ? entries : answered).push(r.body.id);
				else if (r.status !== 503) assert.fail(`unexpected answer ${r.status} ${r.text}`);
			} catch {
				return; // the connection died with the server
			}
		}
	};
	const workers = Array.from({ length: 8 }, (_, w) => worker(_, w));
	// killed once writes of both kinds are flowing (at least 0.7 s in,
	// longer on a loaded machine), at the latest after a minute
	await sleep(700);
	for (let t = 0; t < 600 && (answered.length <= 10 || entries.length <= 10); t++) await sleep(100);
	first.proc.kill('SIGKILL');
	stop = true;
	await Promise.all(workers);
	assert.ok(answered.length > 10, `only ${answered.length} writes answered before the kill`);
	assert.ok(entries.length > 10, `only ${entries.length} awards answered before the kill`);
	// The kept point totals equal the ledger, read by a second process.
	const verify = await new Promise((resolve) => {
		execFile(XF_BIN, ['points', 'verify', '--db', db], { timeout: 60000 },
			(err, stdout, stderr) => resolve({ code: err ? err.code : 0, out: stdout + stderr }));
	});
	assert.equal(verify.code, 0, verify.out);
	assert.match(verify.out, / 0 differences/);

	const { url } = await serve(db);
	const h = await login(url);
	const list = expectList(await rawRequest(url, 'GET', `/api/members?org=${branch.id}&size=200`, undefined, h));
	const ids = new Set();
	for (let page = 1; ; page++) {
		const r = expectList(await rawRequest(url, 'GET', `/api/members?org=${branch.id}&size=200&page=${page}`, undefined, h));
		for (const m of r.items) ids.add(m.id);
		if (r.items.length < 200) break;
	}
	for (const id of answered) assert.ok(ids.has(id), `answered member ${id} is missing after the crash`);
	assert.ok(ids.size <= n, 'more members than requests');
	// The kept count equals the rows: nothing half-written.
	const org = expectStatus(await rawRequest(url, 'GET', `/api/orgs/${branch.id}`, undefined, h), 200);
	assert.equal(org.member_count, ids.size, 'kept member count differs from the members');
	assert.equal(list.total, ids.size);
	// Every member has its audit record, written in the same transaction.
	const audit = expectList(await rawRequest(url, 'GET', `/api/audit?entity=member&action=create&size=200`, undefined, h));
	assert.equal(audit.total, ids.size, 'audit records and members differ');
	// Every answered award is in the ledger.
	for (const id of entries) {
		const e = await rawRequest(url, 'GET', `/api/ledger/${id}`, undefined, h);
		assert.equal(e.status, 200, `answered ledger entry ${id} is missing after the crash`);
	}
	// And the server takes writes again.
	const r = await rawRequest(url, 'POST', '/api/members', { name: uniq('党员'), gender: 'female',
		id_number: makeIdNumber({ gender: 'female' }), phone: makePhone(), org_id: branch.id,
		status: 'full', joined_on: '2012-07-01' }, h);
	assert.equal(r.status, 201, r.text);
	if (!process.env.XF_KEEP_TMP) fs.rmSync(first.tmp, { recursive: true, force: true });
});

test('backup while serving and restore bring the data back (SQLite)', { skip: DB_KIND !== 'sqlite' && 'backup is for SQLite; PostgreSQL uses pg_dump' }, async () => {
	const srv = await startServer();
	const admin = await srv.login('admin', ADMIN_PASSWORD);
	const org = await createOrg(admin, { name: uniq('备份工委'), kind: 'work_committee', parent_id: null }, srv);
	const keep = fs.mkdtempSync(path.join(path.dirname(srv.tmp), 'xf-backup-'));
	const file = path.join(keep, 'backup.db');
	execFileSync(XF_BIN, ['backup', '--db', srv.db, '--out', file]);
	expectStatus(await admin.del(`/api/orgs/${org.id}`), 200, srv);
	expectStatus(await admin.get(`/api/orgs/${org.id}`), 404, srv);
	await srv.stop().catch(() => {});
	const db2 = `sqlite:${path.join(keep, 'r.db')}`;
	execFileSync(XF_BIN, ['init', '--db', db2]);
	execFileSync(XF_BIN, ['restore', '--db', db2, '--from', file]);
	const { url } = await serve(db2);
	const h = await login(url);
	const back = expectStatus(await rawRequest(url, 'GET', `/api/orgs/${org.id}`, undefined, h), 200);
	assert.equal(back.name, org.name);
	fs.rmSync(keep, { recursive: true, force: true });
});

test('a write that cannot get the database in time answers 503 busy and keeps nothing (SQLite)', { skip: DB_KIND !== 'sqlite' && 'SQLite lock held by another process' }, async () => {
	const srv = await startServer();
	try {
		const admin = await srv.login('admin', ADMIN_PASSWORD);
		const body = { name: uniq('忙时工委'), kind: 'work_committee', level: 'city', parent_id: null };
		// another process holds SQLite's write lock for 8 s (longer than
		// the server's busy_timeout of 5 s)
		const holder = spawn('sqlite3', [srv.db.slice('sqlite:'.length)], { stdio: ['pipe', 'ignore', 'inherit'] });
		const exited = new Promise((resolve) => holder.on('exit', resolve));
		holder.stdin.write('BEGIN IMMEDIATE;\nCREATE TABLE IF NOT EXISTS lock_holder(x);\n.shell sleep 8\nROLLBACK;\n');
		holder.stdin.end();
		await sleep(500);
		const t0 = Date.now();
		const r = await admin.post('/api/orgs', body);
		const waited = Date.now() - t0;
		assert.equal(r.status, 503, r.text);
		assert.equal(r.body.error.code, 'busy');
		assert.ok(waited < 7500, `answered after ${waited} ms: retried a lock wait`);
		await exited;
		const list = expectList(await admin.get(`/api/orgs?q=${encodeURIComponent(body.name)}`), srv);
		assert.equal(list.total, 0, 'the refused write left a row');
		expectStatus(await admin.post('/api/orgs', body), 201, srv);
	} finally {
		await srv.stop();
	}
});
