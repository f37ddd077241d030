// Personal data at rest (docs/security.md): ID numbers and phones are sealed
// in the database (the file's bytes, or the raw rows on PostgreSQL, hold
// neither in clear, audit snapshots included); exact lookups and uniqueness
// go through the blind index; masking by role is unchanged; every unmasked
// read leaves an audit record `read_pii`, a masked one none; the server
// refuses to start without the key or with another one; `keys rotate`
// re-seals everything under a new key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWithTree, clientsFor } from './fixtures.mjs';
import {
	startServer, expectStatus, expectError, expectList, createMember, makeIdNumber, makePhone, maskId, maskPhone,
	XF_BIN, DB_KIND, ADMIN_PASSWORD, todayShanghai, totp, serverNow, rawSql
} from './harness.mjs';

let srv;
let admin;
let dist;
let b1;
let committee;  // committee of dist: sees b1's members unmasked
let committee2; // committee of dist2: b1 is out of its scope
let secretary;  // secretary of b1: sees them masked
let tmp;

before(async () => {
	let dist2;
	({ srv, admin, dist, dist2, b1 } = await startWithTree({ dist: 'city', dist2: 'city', b1: 'dist' }));
	({ committee, committee2, secretary } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2], secretary: ['secretary', b1],
	}));
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-pii-'));
});
after(async () => {
	await srv?.stop();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs the binary; resolves {code, stdout, stderr} (never rejects). */
function run(args, env = {}) {
	return new Promise((resolve) => {
		execFile(XF_BIN, args, { env: { ...process.env, ...env }, timeout: 30000 }, (err, stdout, stderr) => {
			resolve({ code: err ? (err.code ?? err.signal) : 0, stdout, stderr });
		});
	});
}

/** The environment of a command that takes its key from file (and not from XF_DATA_KEY). */
const keyFile = (file) => ({ XF_DATA_KEY: '', XF_DATA_KEY_FILE: file });

/** Everything the database holds, as text: the SQLite file and its WAL, or every row of
 * members and audit on PostgreSQL. */
async function storedText(db) {
	if (db.startsWith('sqlite:')) {
		const file = db.slice('sqlite:'.length);
		let text = fs.readFileSync(file).toString('latin1');
		if (fs.existsSync(`${file}-wal`)) text += fs.readFileSync(`${file}-wal`).toString('latin1');
		return text;
	}
	const conn = db.slice('postgres:'.length);
	return new Promise((resolve, reject) => {
		execFile('psql', [conn, '-v', 'ON_ERROR_STOP=1', '-qAtc',
			'SELECT m::text FROM members m UNION ALL SELECT r::text FROM recruits r UNION ALL SELECT a::text FROM audit a'],
		{ timeout: 60000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
			if (err) reject(new Error(`psql: ${stderr || err.message}`));
			else resolve(stdout);
		});
	});
}

/** The members' stored ID numbers, as they are in the rows. */
function storedIdNumbers(db) {
	const [cmd, args] = db.startsWith('postgres:')
		? ['psql', [db.slice('postgres:'.length), '-v', 'ON_ERROR_STOP=1', '-qAtc', 'SELECT id_number FROM members']]
		: ['sqlite3', [db.slice('sqlite:'.length), 'SELECT id_number FROM members']];
	return new Promise((resolve, reject) => {
		execFile(cmd, args, { timeout: 60000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
			if (err) reject(new Error(`${cmd}: ${stderr || err.message}`));
			else resolve(stdout);
		});
	});
}

async function readPiiAudit(query = '') {
	return expectList(await admin.get(`/api/audit?entity=member&action=read_pii&size=200${query}`), srv);
}

test('the database never holds a member\'s ID number or phone in clear', async () => {
	const idn = makeIdNumber({ gender: 'female' });
	const phone = makePhone();
	const phone2 = makePhone();
	const m = await createMember(admin, { org_id: b1.id, gender: 'female', id_number: idn, phone }, srv);
	assert.equal(m.id_number, idn);
	expectStatus(await admin.patch(`/api/members/${m.id}`, { phone: phone2 }), 200, srv);
	expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv);
	// a person in the recruitment procedure (发展党员) is sealed alike
	const ridn = makeIdNumber({ gender: 'male', birth: '19980315' });
	const rphone = makePhone();
	const rec = expectStatus(await admin.post('/api/recruits', {
		org_id: b1.id, name: '李华', gender: 'male', id_number: ridn, phone: rphone, applied_on: todayShanghai(),
	}), 201, srv);
	assert.equal(expectStatus(await admin.get(`/api/recruits/${rec.id}`), 200, srv).id_number, ridn);
	expectError(await admin.post('/api/recruits', {
		org_id: b1.id, name: '李明', gender: 'male', id_number: ridn, phone: makePhone(), applied_on: todayShanghai(),
	}), 409, 'id_number_taken', 'id_number', srv);
	const text = await storedText(srv.db);
	assert.ok(text.length > 0);
	for (const v of [idn, phone, phone2, ridn, rphone]) {
		assert.ok(!text.includes(v), `${v} is stored in clear (${DB_KIND})`);
	}
	// what is there: the sealed form with its key id
	assert.match(text, /xf1:[0-9a-f]{8}:[A-Za-z0-9_-]{60,}/);
});

test('exact lookups and uniqueness go through the blind index: a taken ID number is refused', async () => {
	const idn = makeIdNumber();
	const m = await createMember(admin, { org_id: b1.id, id_number: idn }, srv);
	expectError(await admin.post('/api/members', {
		name: '重复', gender: 'male', id_number: idn, phone: makePhone(), org_id: b1.id,
		status: 'full', joined_on: '2010-07-01',
	}), 409, 'id_number_taken', 'id_number', srv);
	const other = await createMember(admin, { org_id: b1.id }, srv);
	expectError(await admin.patch(`/api/members/${other.id}`, { id_number: idn }), 409, 'id_number_taken',
		'id_number', srv);
	// its own number is not a conflict with itself
	expectStatus(await admin.patch(`/api/members/${m.id}`, { id_number: idn, position: '组织委员' }), 200, srv);
});

test('masking by role is unchanged: committee unmasked, secretary masked, another district refused', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	const full = expectStatus(await committee.get(`/api/members/${m.id}`), 200, srv);
	assert.equal(full.id_number, m.id_number);
	assert.equal(full.phone, m.phone);
	assert.equal(full.pii_masked, false);
	const masked = expectStatus(await secretary.get(`/api/members/${m.id}`), 200, srv);
	assert.equal(masked.id_number, maskId(m.id_number));
	assert.equal(masked.phone, maskPhone(m.phone));
	assert.equal(masked.pii_masked, true);
	expectError(await committee2.get(`/api/members/${m.id}`), 404, 'not_found', undefined, srv);
});

test('every unmasked read leaves an audit record read_pii; masked reads leave none', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	const before0 = (await readPiiAudit()).total;
	// twice: the second read is not answered from the cache without its record
	expectStatus(await committee.get(`/api/members/${m.id}`), 200, srv);
	expectStatus(await committee.get(`/api/members/${m.id}`), 200, srv);
	let a = await readPiiAudit(`&entity_id=${m.id}`);
	const mine = a.items.filter((e) => e.after?.via === 'detail');
	assert.equal(mine.length, 2, JSON.stringify(a.items));
	for (const e of mine) {
		assert.equal(e.action, 'read_pii');
		assert.equal(e.entity_id, m.id);
		assert.deepEqual(e.after.ids, [m.id]);
		assert.equal(e.after.count, 1);
	}
	// masked: the secretary's detail and list
	const n1 = (await readPiiAudit()).total;
	assert.equal(n1, before0 + 2);
	expectStatus(await secretary.get(`/api/members/${m.id}`), 200, srv);
	expectList(await secretary.get(`/api/members?org=${b1.id}`), srv);
	assert.equal((await readPiiAudit()).total, n1, 'a masked read was audited as unmasked');
	// the committee's list: one record naming the members shown
	const list = expectList(await committee.get(`/api/members?org=${b1.id}&size=200`), srv);
	assert.ok(list.items.some((x) => x.id === m.id && x.pii_masked === false));
	a = await readPiiAudit();
	assert.equal(a.total, n1 + 1);
	const rec = a.items[0];
	assert.equal(rec.after.via, 'list');
	assert.equal(rec.after.count, list.items.length);
	assert.ok(rec.after.ids.includes(m.id));
	// and the roster in Excel
	const x = await committee.get(`/api/members.xlsx?org=${b1.id}`);
	assert.equal(x.status, 200);
	a = await readPiiAudit();
	assert.equal(a.total, n1 + 2);
	assert.equal(a.items[0].after.via, 'export');
	// a committee sees the records of its subtree; the other district's none of them
	const theirs = expectList(await committee2.get('/api/audit?entity=member&action=read_pii&size=200'), srv);
	assert.ok(!theirs.items.some((e) => e.after?.ids?.includes(m.id)));
});

test('audit snapshots of members hold the masked values only', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	const a = expectList(await admin.get(`/api/audit?entity=member&entity_id=${m.id}&action=create`), srv);
	assert.equal(a.items[0].after.id_number, maskId(m.id_number));
	assert.equal(a.items[0].after.phone, maskPhone(m.phone));
});

test('init creates a missing key file (mode 0600); serve refuses to start without a key', async () => {
	const db = `sqlite:${path.join(tmp, 'fresh.db')}`;
	const key = path.join(tmp, 'fresh.key');
	const r = await run(['init', '--db', db], keyFile(key));
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stderr, /created the data key/);
	assert.equal(fs.statSync(key).mode & 0o777, 0o600);
	assert.match(fs.readFileSync(key, 'utf8'), /^[0-9a-f]{64}\n$/);
	const none = await run(['serve', '--db', db, '--listen', '127.0.0.1:1'], keyFile(path.join(tmp, 'none.key')));
	assert.equal(none.code, 1);
	assert.match(none.stderr, /缺少数据密钥/);
	// a key file others may read is refused
	fs.chmodSync(key, 0o644);
	const open = await run(['init', '--db', db], keyFile(key));
	assert.equal(open.code, 1);
	assert.match(open.stderr, /chmod 600/);
});


test('init seals rows an older version stored in clear, and masks them in their audit snapshots', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	// as migration 18 finds a row of before: clear values, no blind index,
	// and an audit snapshot holding them
	await rawSql(srv.db, `UPDATE members SET id_number = '${m.id_number}', phone = '${m.phone}', ` +
		`id_number_bi = NULL WHERE id = ${m.id}`);
	// the audit record an older version wrote, before the chain: unchained
	// (the chained ones are append-only), holding the clear values
	await rawSql(srv.db, `INSERT INTO audit (at, action, entity, entity_id, after_json) VALUES (1, 'create', 'member', ${m.id}, ` +
		`'{"id_number":"${m.id_number}","phone":"${m.phone}"}')`);
	const refused = await run(['serve', '--db', srv.db, '--listen', '127.0.0.1:1']);
	assert.equal(refused.code, 1);
	assert.match(refused.stderr, /still in clear/);
	const r = await run(['init', '--db', srv.db]);
	assert.equal(r.code, 0, r.stderr);
	assert.match(r.stderr, /sealed the ID numbers and phones of 1 members/);
	assert.ok(!(await storedText(srv.db)).includes(m.id_number), 'the clear ID number is still stored');
	const got = expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv);
	assert.equal(got.id_number, m.id_number);
	assert.equal(got.phone, m.phone);
	const a = expectList(await admin.get(`/api/audit?entity=member&entity_id=${m.id}&action=create`), srv);
	const legacy = a.items.find((x) => x.after && Object.keys(x.after).length === 2);
	assert.deepEqual(legacy.after, { id_number: maskId(m.id_number), phone: maskPhone(m.phone) });
	// then chained: the log verifies whole
	const v = await run(['audit', 'verify', '--db', srv.db]);
	assert.equal(v.code, 0, v.stdout + v.stderr);
	// the blind index of the sealed row finds it
	expectError(await admin.post('/api/members', {
		name: '重复', gender: m.gender, id_number: m.id_number, phone: makePhone(), org_id: b1.id,
		status: 'full', joined_on: '2010-07-01',
	}), 409, 'id_number_taken', 'id_number', srv);
});

test('keys rotate re-seals every value: the old key opens nothing, the new one serves, lookups work', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	// a second factor being set up: its sealed secret rotates too
	const setup = expectStatus(await admin.post('/api/me/totp'), 201, srv);
	const k1 = path.join(tmp, 'k1.key');
	const k2 = path.join(tmp, 'k2.key');
	const k3 = path.join(tmp, 'k3.key');
	fs.writeFileSync(k1, `${process.env.XF_DATA_KEY}\n`, { mode: 0o600 });
	for (const k of [k2, k3]) {
		const r = await run(['keys', 'new', '--out', k]);
		assert.equal(r.code, 0, r.stderr);
		assert.match(r.stdout, /key id [0-9a-f]{8}/);
	}
	// the wrong old key: refused, nothing changed
	const wrong = await run(['keys', 'rotate', '--db', srv.db, '--old-key-file', k3, '--new-key-file', k2]);
	assert.equal(wrong.code, 1);
	assert.match(wrong.stderr, /nothing changed/);
	const before0 = await storedIdNumbers(srv.db);
	const ok = await run(['keys', 'rotate', '--db', srv.db, '--old-key-file', k1, '--new-key-file', k2]);
	assert.equal(ok.code, 0, ok.stderr);
	assert.match(ok.stdout, /re-sealed \d+ members/);
	const after0 = await storedIdNumbers(srv.db);
	const kid = (t) => new Set([...t.matchAll(/xf1:([0-9a-f]{8}):/g)].map((x) => x[1]));
	assert.equal(kid(after0).size, 1);
	assert.notDeepEqual([...kid(after0)], [...kid(before0)]);
	assert.ok(!(await storedText(srv.db)).includes(m.id_number));
	// the old key no longer opens the database
	const old = await run(['serve', '--db', srv.db, '--listen', '127.0.0.1:1'], keyFile(k1));
	assert.equal(old.code, 1);
	assert.match(old.stderr, /数据密钥不匹配/);
	// the new one does: values read back, the blind index finds the number
	const s2 = await startServer({ attach: true, db: srv.db, env: keyFile(k2) });
	try {
		const admin2 = await s2.login('admin', ADMIN_PASSWORD);
		const got = expectStatus(await admin2.get(`/api/members/${m.id}`), 200, s2);
		assert.equal(got.id_number, m.id_number);
		assert.equal(got.phone, m.phone);
		expectError(await admin2.post('/api/members', {
			name: '重复', gender: m.gender, id_number: m.id_number, phone: makePhone(), org_id: b1.id,
			status: 'full', joined_on: '2010-07-01',
		}), 409, 'id_number_taken', 'id_number', s2);
		expectStatus(await admin2.post('/api/me/totp/confirm', { code: totp(setup.secret, serverNow()) }), 200, s2);
		const fresh = await createMember(admin2, { org_id: b1.id }, s2);
		assert.equal(expectStatus(await admin2.get(`/api/members/${fresh.id}`), 200, s2).id_number, fresh.id_number);
	} finally {
		await s2.stop();
	}
});
