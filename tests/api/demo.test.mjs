// `xianfeng demo` builds a demo city whose data obey the same rules as the
// API: valid ID numbers and phones, consistent paths and counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	expectStatus, expectList, listAll, idCheckChar, XF_BIN, DB_KIND,
} from './harness.mjs';
import { startWithAdmin } from './fixtures.mjs';

let srv;
let admin;

before(async () => {
	({ srv, admin } = await startWithAdmin({ demo: true }));
});
after(async () => { await srv?.stop(); });

test('the demo admin logs in with XF_ADMIN_PASSWORD and sees the demo city', async () => {
	const me = expectStatus(await admin.get('/api/me'), 200, srv);
	assert.ok(me.roles.some((r) => r.role === 'admin'));
	const orgs = expectList(await admin.get('/api/orgs'), srv);
	assert.ok(orgs.total > 0, 'the demo has no orgs');
	const members = expectList(await admin.get('/api/members'), srv);
	assert.ok(members.total > 0, 'the demo has no members');
	const clusters = expectList(await admin.get('/api/clusters'), srv);
	assert.ok(clusters.total > 0, 'the demo has no clusters');
});

test('demo orgs form a consistent tree: paths, depths and subtree member counts', async () => {
	const orgs = await listAll(admin, '/api/orgs', srv);
	const byId = new Map(orgs.map((o) => [o.id, o]));
	const roots = orgs.filter((o) => o.parent_id === null);
	assert.ok(roots.length >= 1);
	for (const o of orgs) {
		if (o.parent_id === null) {
			assert.equal(o.path, `/${o.id}/`);
		} else {
			const p = byId.get(o.parent_id);
			assert.ok(p, `parent ${o.parent_id} of ${o.id} missing`);
			assert.equal(o.path, `${p.path}${o.id}/`);
			assert.equal(o.depth, p.depth + 1);
		}
	}
	const members = await listAll(admin, '/api/members', srv);
	for (const root of roots) {
		const tree = expectStatus(await admin.get(`/api/orgs/${root.id}/tree`), 200, srv);
		const inSubtree = members.filter((m) => byId.get(m.org_id)?.path.startsWith(root.path)).length;
		assert.equal(tree.member_count, inSubtree);
	}
});

test('demo members have valid ID numbers, matching genders and birth dates, and mobile phones', async () => {
	const members = await listAll(admin, '/api/members', srv);
	const seen = new Set();
	for (const m of members) {
		assert.match(m.id_number, /^\d{17}[\dX]$/, `${m.name}: ${m.id_number}`);
		assert.equal(m.id_number[17], idCheckChar(m.id_number.slice(0, 17)), `${m.name}: bad check digit ${m.id_number}`);
		assert.equal(Number(m.id_number[16]) % 2 === 1 ? 'male' : 'female', m.gender, `${m.name}: gender`);
		assert.equal(m.birth_date, `${m.id_number.slice(6, 10)}-${m.id_number.slice(10, 12)}-${m.id_number.slice(12, 14)}`);
		assert.match(m.phone, /^1[3-9]\d{9}$/, `${m.name}: phone ${m.phone}`);
		assert.ok(['full', 'probationary'].includes(m.status));
		assert.ok(!seen.has(m.id_number), `duplicate ID number ${m.id_number}`);
		seen.add(m.id_number);
	}
});

test('bench-insert --members: the benchmark\'s bare loop writes real member rows (SQLite)', { skip: DB_KIND !== 'sqlite' && 'the bare loops are measured on SQLite' }, () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bare-'));
	try {
		const db = path.join(dir, 'bare.db');
		const out = execFileSync(XF_BIN, ['bench-insert', `sqlite:${db}`, '500', '--members'], { encoding: 'utf8' });
		assert.match(out, /^500 rows in [\d.]+ s \(\d+ rows\/s\)$/m);
		const rows = execFileSync('sqlite3', [db, 'SELECT COUNT(*), COUNT(DISTINCT id_number), MIN(org_id), MAX(org_id) FROM members'], { encoding: 'utf8' });
		assert.equal(rows.trim(), '500|500|1|1');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
