// The row limit of the Excel exports on a generated city (~100,000 members,
// `xianfeng demo --scale city`, in an SQLite file on either run, since the
// limit is the API's): a list of more than 50,000 rows is refused with 422
// too_many_rows rather than cut, and a district's whole roster (thousands
// of rows, far beyond one page) comes out complete.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, expectStatus, expectError, ADMIN_PASSWORD, XF_BIN } from './harness.mjs';
import { sheetOf, dataRows } from './xlsx_sheet.mjs';

let srv, admin, dir;

before(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-city-'));
	const db = `sqlite:${path.join(dir, 'city.db')}`;
	const env = { ...process.env, XF_ADMIN_PASSWORD: ADMIN_PASSWORD };
	execFileSync(XF_BIN, ['init', '--db', db], { env, stdio: 'ignore' });
	execFileSync(XF_BIN, ['demo', '--scale', 'city', '--seed', '1', '--no-history', '--db', db], { env, stdio: 'ignore' });
	srv = await startServer({ db, attach: true });
	admin = await srv.login('admin', ADMIN_PASSWORD);
});
after(async () => {
	await srv?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('an export of more than 50,000 rows is refused, not cut; one within the limit holds every row', async () => {
	const all = expectStatus(await admin.get('/api/members?size=1'), 200, srv);
	assert.ok(all.total > 50000, `the city has ${all.total} members`);
	const err = expectError(await admin.get('/api/members.xlsx'), 422, 'too_many_rows', undefined, srv);
	assert.match(err.message, new RegExp(`共 ${all.total} 条记录.*50000`));

	// the largest district committee's roster: all of it, in the list's order
	const roots = expectStatus(await admin.get('/api/orgs?kind=work_committee&size=50'), 200, srv).items;
	let best = null;
	for (const o of roots) {
		const n = expectStatus(await admin.get(`/api/members?org=${o.id}&subtree=1&size=1`), 200, srv).total;
		if (n <= 50000 && (!best || n > best.n)) best = { o, n };
	}
	assert.ok(best && best.n > 1000, 'a district with thousands of members');
	const q = `org=${best.o.id}&subtree=1`;
	const res = await admin.get(`/api/members.xlsx?${q}`);
	assert.equal(res.status, 200);
	const rows = dataRows(sheetOf(res.raw));
	assert.equal(rows.length, best.n);
	const first = expectStatus(await admin.get(`/api/members?${q}&size=200`), 200, srv).items;
	const last = expectStatus(await admin.get(`/api/members?${q}&size=200&page=${Math.ceil(best.n / 200)}`), 200, srv).items;
	assert.deepEqual(rows.slice(0, 200).map((r) => r[1]), first.map((m) => m.name));
	assert.deepEqual(rows.slice(-last.length).map((r) => r[3]), last.map((m) => m.id_number));
});
