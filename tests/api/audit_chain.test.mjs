// The audit log is append-only and tamper-evident (docs/security.md, "Audit
// log"): every record carries the hash of the one before; `xianfeng audit
// verify` names the first record that was edited, removed or reordered
// behind the server's back and exits 1. The database's triggers refuse
// UPDATE and DELETE, so the "attacker" here drops them first, as one with
// the database's owner rights would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { startWithTree } from './fixtures.mjs';
import { XF_BIN, DB_KIND, expectStatus, createOrg, createMember, uniq } from './harness.mjs';

const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin';

let srv;
let admin;
let city;

before(async () => {
	({ srv, admin, city } = await startWithTree({}));
});
after(async () => { await srv?.stop(); });

function run(file, args) {
	return new Promise((resolve) => {
		execFile(file, args, { timeout: 60000 }, (err, stdout, stderr) => {
			resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
		});
	});
}

const verify = () => run(XF_BIN, ['audit', 'verify', '--db', srv.db]);

/** Runs SQL on the server's database behind its back; {code, stdout, stderr}. */
function sql(q) {
	if (DB_KIND === 'postgres') {
		const conninfo = srv.db.slice('postgres:'.length);
		return run(path.join(PG_BIN, 'psql'), [conninfo, '-v', 'ON_ERROR_STOP=1', '-Atq', '-c', q]);
	}
	return run('sqlite3', [srv.db.slice('sqlite:'.length), q]);
}

async function sqlOk(q) {
	const r = await sql(q);
	assert.equal(r.code, 0, `${q}\n${r.stderr}`);
	return r.stdout.trim();
}

async function expectIntact() {
	const v = await verify();
	assert.equal(v.code, 0, `verify: ${v.stdout}${v.stderr}`);
	assert.match(v.stdout, /^OK \d+ records/);
	return Number(v.stdout.match(/^OK (\d+)/)[1]);
}

async function expectBroken(re) {
	const v = await verify();
	assert.equal(v.code, 1, `verify should fail: ${v.stdout}${v.stderr}`);
	assert.match(v.stdout, re);
}

/** [{id, seq}] of the last n audit records, oldest first. */
async function lastRecords(n) {
	const out = await sqlOk(`SELECT id, seq FROM audit ORDER BY id DESC LIMIT ${n}`);
	return out.split('\n').map((l) => l.split('|').map(Number)).map(([id, seq]) => ({ id, seq })).reverse();
}

test('writes, also concurrent ones, keep the chain intact and verify says OK', async () => {
	const before = await expectIntact();
	const org = await createOrg(admin, { name: uniq('审计链支部'), parent_id: city.id }, srv);
	await createMember(admin, { org_id: org.id, name: '阿依古丽·买买提' }, srv);
	// twenty writes at once: each chains on its own predecessor
	const made = await Promise.all(Array.from({ length: 20 }, () =>
		admin.post('/api/orgs', { name: uniq('并发支部'), kind: 'branch', level: 'city', parent_id: city.id })));
	for (const r of made) expectStatus(r, 201, srv);
	const n = await expectIntact();
	assert.ok(n >= before + 22, `${n} records after ${before} + 22 writes`);
	const seqs = (await lastRecords(22)).map((r) => r.seq);
	assert.deepEqual(seqs, seqs.map((_, i) => seqs[0] + i), 'seq counts up with the ids');
	// the log still reads as before through the API
	const list = expectStatus(await admin.get('/api/audit?size=5'), 200, srv);
	assert.ok(list.total >= n);
});

test('the database refuses UPDATE and DELETE of audit records', async () => {
	const [{ id }] = await lastRecords(1);
	const u = await sql(`UPDATE audit SET action = 'delete' WHERE id = ${id}`);
	assert.notEqual(u.code, 0);
	assert.match(u.stderr, /append-only/);
	const d = await sql(`DELETE FROM audit WHERE id = ${id}`);
	assert.notEqual(d.code, 0);
	assert.match(d.stderr, /append-only/);
	await expectIntact();
});

test('with the triggers dropped: an edited record is named, and OK once it is put back', async () => {
	await sqlOk(DB_KIND === 'postgres'
		? 'DROP TRIGGER audit_no_change ON audit'
		: 'DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete');
	const [a] = await lastRecords(5);
	await sqlOk(`UPDATE audit SET at = at + 1 WHERE id = ${a.id}`);
	await expectBroken(new RegExp(`^BROKEN record id ${a.id} \\(#${a.seq}\\) edited`));
	await sqlOk(`UPDATE audit SET at = at - 1 WHERE id = ${a.id}`);
	await expectIntact();
	// an edit whose hash the attacker recomputes cannot fix the next link
	await sqlOk(`UPDATE audit SET username = 'nobody', hash = (SELECT hash FROM audit WHERE id = ${a.id}) WHERE id = ${a.id}`);
	await expectBroken(new RegExp(`^BROKEN record id ${a.id} \\(#${a.seq}\\) edited`));
	await sqlOk(`UPDATE audit SET username = 'admin' WHERE id = ${a.id}`);
	await expectIntact();
});

test('two records swapped (their whole contents) are named as reordered', async () => {
	const [a, , b] = await lastRecords(3);
	const cols = 'at, user_id, username, action, entity, entity_id, org_path, before_json, after_json, seq, prev_hash, hash';
	const swap = `CREATE TEMP TABLE swap AS SELECT id, ${cols} FROM audit WHERE id IN (${a.id}, ${b.id});` +
		`UPDATE audit SET (${cols}) = (SELECT ${cols} FROM swap WHERE swap.id = ` +
		`CASE WHEN audit.id = ${a.id} THEN ${b.id} ELSE ${a.id} END) WHERE id IN (${a.id}, ${b.id});` +
		'DROP TABLE swap';
	await sqlOk(swap);
	await expectBroken(new RegExp(`^BROKEN record id ${a.id} \\(#${b.seq}\\) reordered`));
	await sqlOk(swap);
	await expectIntact();
});

test('a record slipped in outside the chain is named as inserted', async () => {
	const [last] = await lastRecords(1);
	const id = last.id + 1;
	await sqlOk(`INSERT INTO audit (id, at, action, entity) VALUES (${id}, 1, 'create', 'org')`);
	await expectBroken(new RegExp(`^BROKEN record id ${id} \\(#0\\) inserted`));
	await sqlOk(`DELETE FROM audit WHERE id = ${id}`);
	await expectIntact();
});

test('the last record removed is found from the chain\'s head; put back, OK', async () => {
	const [last] = await lastRecords(1);
	await sqlOk(`CREATE TABLE audit_saved AS SELECT * FROM audit WHERE id = ${last.id}`);
	await sqlOk(`DELETE FROM audit WHERE id = ${last.id}`);
	await expectBroken(new RegExp(`^BROKEN record #${last.seq} removed: .*missing from the end`));
	await sqlOk('INSERT INTO audit SELECT * FROM audit_saved; DROP TABLE audit_saved');
	await expectIntact();
});

test('verify: a wrong option is a usage error (exit 2)', async () => {
	const r = await run(XF_BIN, ['audit', 'verify', '--db', srv.db, '--bogus']);
	assert.equal(r.code, 2);
	const u = await run(XF_BIN, ['audit', 'check']);
	assert.equal(u.code, 2);
});

test('a removed record is named by its place in the chain, and stays found after more writes', async () => {
	const [a, m] = await lastRecords(4);
	await sqlOk(`DELETE FROM audit WHERE id = ${m.id}`);
	await expectBroken(new RegExp(`^BROKEN record #${m.seq} removed: .*from id ${a.id} to id`));
	const res = await admin.post('/api/orgs', { name: uniq('删后支部'), kind: 'branch', level: 'city', parent_id: city.id });
	expectStatus(res, 201, srv); // the server goes on; the break stays found
	await expectBroken(new RegExp(`^BROKEN record #${m.seq} removed`));
});
