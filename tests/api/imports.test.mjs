// Imports of the member roster and the organization tree from .xlsx and
// .csv: the templates (importable unchanged), dry runs that answer every
// row's errors by row and column with the API's messages, all-or-nothing
// commits, scope (rows land only inside the importer's subtrees), files
// made by LibreOffice (soffice --convert-to xlsx from CSV written here),
// GBK CSV, formulas' cached values, and the files that are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startWithTree, clientsFor, membersOf } from './fixtures.mjs';
import {
	expectStatus, expectError, createOrg, makeIdNumber, makePhone, uniq, withWrongCheck,
	dayFromToday, listAll,
} from './harness.mjs';
import { makeZip, readZip } from './zip.mjs';

// small limits for this server, to reach them with small files
process.env.XF_IMPORT_MAX_ROWS = '60';
process.env.XF_IMPORT_MAX_UNPACKED_MB = '2';

let srv;
let admin;
let city;
let dist;
let dist2;
let unit;
let b1;
let b2;
let c1;
let twinA; // same name as twinB, under unit
let twinB; // under dist2
let committee; // committee of dist
let committee2; // committee of dist2
let secretary; // secretary of b1
let memberUser;
let tmp;

const HEADER = ['姓名', '性别', '身份证号码', '手机号码', '所属党组织', '党员状态', '入党日期', '转正日期', '民族', '学历', '职务'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

before(async () => {
	({ srv, admin, city, dist, dist2, unit, b1, b2, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: 'dist', b1: 'unit', b2: 'unit', c1: 'dist2',
	}));
	const twin = uniq('同名支部');
	twinA = await createOrg(admin, { name: twin, parent_id: unit.id }, srv);
	twinB = await createOrg(admin, { name: twin, parent_id: dist2.id }, srv);
	const [m] = await membersOf(admin, srv, [b1]);
	({ committee, committee2, secretary, memberUser } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2], secretary: ['secretary', b1],
		memberUser: ['member', b1, m],
	}));
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-import-'));
});
after(async () => {
	await srv?.stop();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A roster row (an object keyed by header) for a valid member of org. */
function person(org, fields = {}) {
	const gender = fields.gender ?? 'male';
	return {
		姓名: uniq('导入党员'), 性别: gender === 'male' ? '男' : '女', 身份证号码: makeIdNumber({ gender }),
		手机号码: makePhone(), 所属党组织: org, 党员状态: '正式党员', 入党日期: dayFromToday(-3650),
		...fields,
	};
}

const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
function csv(rows, header = HEADER) {
	return [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]
		.map((r) => r.map((v) => cell(String(v))).join(',')).join('\r\n') + '\r\n';
}

/** A multipart/form-data body with the file in the part "file". */
function multipart(data, filename, type = 'application/octet-stream') {
	const boundary = `----xf${uniq('b')}`;
	const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n` +
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
		`Content-Type: ${type}\r\n\r\n`, 'utf8');
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
	return { body: Buffer.concat([head, Buffer.from(data), tail]), type: `multipart/form-data; boundary=${boundary}` };
}

function upload(client, what, data, { dry = false, filename = 'roster.csv' } = {}) {
	const m = multipart(data, filename);
	return client.request('POST', `/api/import/${what}${dry ? '?dry_run=1' : ''}`, m.body,
		{ headers: { 'Content-Type': m.type } });
}

async function memberNames(org) {
	const items = await listAll(admin, `/api/members?org=${org.id}&subtree=1`, srv);
	return new Set(items.map((m) => m.name));
}

/** Converts CSV text (UTF-8) to xlsx with LibreOffice; ID and phone columns as text. */
function sofficeXlsx(csvText, name) {
	const dir = fs.mkdtempSync(path.join(tmp, 'so-'));
	const src = path.join(dir, `${name}.csv`);
	fs.writeFileSync(src, csvText);
	execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless',
		'--infilter=CSV:44,34,76,1,3/2/4/2', '--convert-to', 'xlsx', '--outdir', dir, src],
	{ timeout: 180000, stdio: 'ignore' });
	return fs.readFileSync(path.join(dir, `${name}.xlsx`));
}

test('the members template downloads as xlsx with 填写说明 and imports unchanged', async () => {
	const res = await admin.get('/api/import/templates/members.xlsx');
	assert.equal(res.status, 200);
	assert.equal(res.headers['content-type'], XLSX);
	const parts = readZip(res.raw);
	const book = parts.get('xl/workbook.xml').toString('utf8');
	assert.match(book, /填写说明/);
	const strings = parts.get('xl/sharedStrings.xml').toString('utf8');
	for (const h of HEADER) assert.ok(strings.includes(h), `template names ${h}`);
	assert.match(strings, /预备党员/, 'the allowed values are listed');
	const dry = expectStatus(await upload(admin, 'members', res.raw, { dry: true, filename: 't.xlsx' }), 200, srv);
	assert.deepEqual(dry, { dry_run: true, rows: 0, valid: 0, created: 0, errors: [] });

	const orgs = await admin.get('/api/import/templates/orgs.xlsx');
	assert.equal(orgs.status, 200);
	const odry = expectStatus(await upload(admin, 'orgs', orgs.raw, { dry: true, filename: 'o.xlsx' }), 200, srv);
	assert.equal(odry.rows, 0);
	assert.deepEqual(odry.errors, []);
	// a member cannot import nor download
	expectError(await memberUser.get('/api/import/templates/members.xlsx'), 403, 'forbidden', undefined, srv);
	expectError(await upload(memberUser, 'members', csv([person(b1.name)])), 403, 'forbidden', undefined, srv);
});

test('a UTF-8 CSV: the dry run writes nothing, the commit creates every member the normal way', async () => {
	const rows = [person(b1.name), person(`${unit.name}/${b2.name}`, { gender: 'female', 党员状态: '预备党员' }),
		person(b2.name, { 入党日期: dayFromToday(-400).replaceAll('-', '/'), 职务: '科员' })];
	const text = csv(rows);
	const before1 = await admin.get(`/api/orgs/${b1.id}`);
	const dry = expectStatus(await upload(admin, 'members', text, { dry: true }), 200, srv);
	assert.deepEqual(dry, { dry_run: true, rows: 3, valid: 3, created: 0, errors: [] });
	let names = await memberNames(unit);
	for (const r of rows) assert.ok(!names.has(r.姓名), 'a dry run writes nothing');

	const done = expectStatus(await upload(admin, 'members', text), 200, srv);
	assert.deepEqual(done, { dry_run: false, rows: 3, valid: 3, created: 3, errors: [] });
	names = await memberNames(unit);
	for (const r of rows) assert.ok(names.has(r.姓名), `${r.姓名} imported`);
	const list = await listAll(admin, `/api/members?org=${b2.id}`, srv);
	const f = list.find((m) => m.name === rows[1].姓名);
	assert.equal(f.gender, 'female');
	assert.equal(f.status, 'probationary');
	const third = list.find((m) => m.name === rows[2].姓名);
	assert.equal(third.joined_on, dayFromToday(-400));
	assert.equal(third.position, '科员');
	// the kept count of the organization moved as with one create
	const after1 = expectStatus(await admin.get(`/api/orgs/${b1.id}`), 200, srv);
	assert.equal(after1.member_count, before1.body.member_count + 1);
	// one audit row for the import, one per member
	const audit = expectStatus(await admin.get('/api/audit?entity=member&size=50'), 200, srv);
	assert.ok(audit.items.some((e) => e.action === 'import'), 'the import is audited');
	assert.ok(audit.items.some((e) => e.action === 'create'), 'each member is audited');
	// the raw file as the body works too
	const raw = await admin.request('POST', '/api/import/members?dry_run=1', csv([person(b1.name)]),
		{ headers: { 'Content-Type': 'text/csv' } });
	assert.equal(expectStatus(raw, 200, srv).valid, 1);
});

test('every row error is answered by row and column with the API message; a commit with errors writes nothing', async () => {
	const taken = person(b1.name);
	expectStatus(await upload(admin, 'members', csv([taken])), 200, srv);
	const dupId = makeIdNumber();
	const good = person(b1.name);
	const rows = [
		good, // row 2
		person(b1.name, { 性别: '未知' }), // 3
		person(b1.name, { 身份证号码: withWrongCheck(makeIdNumber()) }), // 4
		person(b1.name, { 手机号码: '12345' }), // 5
		person('不存在的支部'), // 6
		person(twinA.name), // 7: ambiguous for admin
		person(b1.name, { 身份证号码: dupId }), // 8
		person(b2.name, { 身份证号码: dupId }), // 9: the same ID as row 8
		person(b1.name, { 身份证号码: taken.身份证号码 }), // 10: already registered
		person(b1.name, { 入党日期: dayFromToday(10) }), // 11
		person(b1.name, { 姓名: '' }), // 12
		person(b1.name, { 入党日期: '去年' }), // 13
	];
	const text = csv(rows);
	const dry = expectStatus(await upload(admin, 'members', text, { dry: true }), 200, srv);
	assert.equal(dry.rows, 12);
	assert.equal(dry.valid, 2); // rows 2 and 8
	const byRow = new Map(dry.errors.map((e) => [e.row, e]));
	for (const e of dry.errors) for (const k of ['row', 'column', 'field', 'message']) assert.ok(k in e);
	assert.deepEqual([...byRow.keys()].sort((a, b) => a - b), [3, 4, 5, 6, 7, 9, 10, 11, 12, 13]);

	// the same messages as POST /api/members
	const api = async (fields) => (await admin.post('/api/members', {
		name: uniq('x'), gender: 'male', id_number: makeIdNumber(), phone: makePhone(), org_id: b1.id,
		status: 'full', joined_on: dayFromToday(-3650), ...fields,
	})).body.error;
	const expectSame = async (row, column, field, fields) => {
		const e = byRow.get(row);
		const a = await api(fields);
		assert.equal(e.column, column, `row ${row}: ${JSON.stringify(e)}`);
		assert.equal(e.field, field);
		assert.equal(e.message, a.message, `row ${row}`);
		assert.equal(a.field, field);
	};
	await expectSame(3, '性别', 'gender', { gender: '未知' });
	await expectSame(4, '身份证号码', 'id_number', { id_number: rows[2].身份证号码 });
	await expectSame(5, '手机号码', 'phone', { phone: '12345' });
	await expectSame(10, '身份证号码', 'id_number', { id_number: taken.身份证号码 });
	await expectSame(11, '入党日期', 'joined_on', { joined_on: dayFromToday(10) });
	await expectSame(12, '姓名', 'name', { name: '' });
	await expectSame(13, '入党日期', 'joined_on', { joined_on: '去年' });
	assert.equal(byRow.get(6).column, '所属党组织');
	assert.match(byRow.get(6).message, /不存在的支部.*不存在或不在您的管理范围内/);
	assert.match(byRow.get(7).message, /有多个党组织名为/);
	assert.match(byRow.get(9).message, /与第 8 行重复/);

	const res = await upload(admin, 'members', text);
	assert.equal(res.status, 422);
	assert.equal(res.body.error.code, 'import_invalid');
	assert.equal(res.body.created, 0);
	assert.deepEqual(res.body.errors, dry.errors);
	const names = await memberNames(b1);
	assert.ok(!names.has(good.姓名), 'nothing was written');
	// the ambiguous name resolves with its path
	const ok = expectStatus(await upload(admin, 'members', csv([person(`${unit.name}/${twinA.name}`)]), { dry: true }), 200, srv);
	assert.deepEqual(ok.errors, []);
});

test('rows land only inside the importer scope', async () => {
	// committee of dist2 sees only twinB: the name is unique there
	const mine = person(twinB.name);
	const res = expectStatus(await upload(committee2, 'members', csv([mine])), 200, srv);
	assert.equal(res.created, 1);
	assert.ok((await memberNames(dist2)).has(mine.姓名));
	// an organization outside the scope is not found; nothing is written
	const theirs = person(b1.name);
	const out = await upload(committee2, 'members', csv([person(c1.name), theirs]));
	assert.equal(out.status, 422);
	assert.deepEqual(out.body.errors.map((e) => [e.row, e.column]), [[3, '所属党组织']]);
	assert.match(out.body.errors[0].message, /不存在或不在您的管理范围内/);
	// the secretary of b1 imports into b1, not into b2
	const s = await upload(secretary, 'members', csv([person(b1.name), person(b2.name)]), { dry: true });
	assert.deepEqual(expectStatus(s, 200, srv).errors.map((e) => e.row), [3]);
	// a committee importing orgs outside its subtree
	const o = await upload(committee, 'orgs', csv([{ 组织名称: uniq('越界支部'), 上级组织: c1.name, 组织类型: '党小组', 层级: '市级' }],
		['组织名称', '上级组织', '组织类型', '层级']), { dry: true });
	assert.match(expectStatus(o, 200, srv).errors[0].message, /不在您的管理范围内/);
});

test('a GBK CSV, as Excel saves it on Chinese Windows, is read', async () => {
	const rows = [person(b2.name, { 民族: '汉族', 学历: '大学本科' })];
	const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: csv(rows) });
	assert.ok(!gbk.equals(Buffer.from(csv(rows))), 'the bytes are GBK');
	const res = expectStatus(await upload(admin, 'members', gbk), 200, srv);
	assert.equal(res.created, 1);
	const m = (await listAll(admin, `/api/members?org=${b2.id}`, srv)).find((x) => x.name === rows[0].姓名);
	assert.equal(m.ethnicity, '汉族');
	assert.equal(m.education, '大学本科');
	// bytes that are neither UTF-8 nor GBK
	expectError(await upload(admin, 'members', Buffer.from([0x41, 0x2c, 0x81, 0x20, 0x0a])), 422, 'bad_file', 'file', srv);
});

test('an xlsx made by LibreOffice (dates as serial numbers) imports', async () => {
	const rows = [person(b1.name), person(b2.name, { 入党日期: dayFromToday(-1000), 转正日期: dayFromToday(-600) })];
	// a blank row after the header: it is skipped
	const text = csv(rows).replace('\r\n', '\r\n\r\n');
	const xlsx = sofficeXlsx(text, 'roster');
	const parts = readZip(xlsx);
	const sheet = [...parts.keys()].find((k) => k.startsWith('xl/worksheets/'));
	assert.match(parts.get(sheet).toString('utf8'), /<c r="G\d+" s="\d+" t="n"><v>\d+<\/v>|<c r="G\d+" s="\d+"><v>\d+<\/v>/,
		'LibreOffice stored the date as a serial number');
	const dry = expectStatus(await upload(admin, 'members', xlsx, { dry: true, filename: 'roster.xlsx' }), 200, srv);
	assert.deepEqual(dry.errors, []);
	assert.equal(dry.rows, 2);
	const res = expectStatus(await upload(admin, 'members', xlsx, { filename: 'roster.xlsx' }), 200, srv);
	assert.equal(res.created, 2);
	const m = (await listAll(admin, `/api/members?org=${b2.id}`, srv)).find((x) => x.name === rows[1].姓名);
	assert.equal(m.joined_on, dayFromToday(-1000));
	assert.equal(m.full_on, dayFromToday(-600));
});

test('a formula cell gives its cached value, never evaluated', async () => {
	const p = person(b1.name);
	const col = (i) => String.fromCharCode(65 + i);
	const values = HEADER.map((h) => p[h] ?? '');
	const rowXml = (r, vals, formulaName) => `<row r="${r}">${vals.map((v, i) => (i === 0 && formulaName
		? `<c r="A${r}" t="str"><f>CONCATENATE("x","y")</f><v>${v}</v></c>`
		: `<c r="${col(i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`;
	const sheet = `<worksheet><sheetData>${rowXml(1, HEADER)}${rowXml(2, values, true)}</sheetData></worksheet>`;
	const xlsx = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' },
		{ name: 'xl/worksheets/sheet1.xml', data: sheet }]);
	const res = expectStatus(await upload(admin, 'members', xlsx, { filename: 'f.xlsx' }), 200, srv);
	assert.equal(res.created, 1);
	assert.ok((await memberNames(b1)).has(p.姓名), 'the cached value, not "xy"');
});

test('a roster with a merged title row above its header and a merged organization column', async () => {
	const a = person(b1.name);
	const b = person(b1.name, { 手机号码: '123' });
	const col = (i) => String.fromCharCode(65 + i);
	const inline = (ref, v) => (v === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
	const row = (r, vals) => `<row r="${r}">${vals.map((v, i) => inline(`${col(i)}${r}`, v)).join('')}</row>`;
	const vals = (p, org) => HEADER.map((h) => (h === '所属党组织' ? org : p[h] ?? ''));
	const sheet = '<worksheet><sheetData>' + row(1, ['党员名册']) + row(2, HEADER) +
		row(3, vals(a, b1.name)) + row(4, vals(b, '')) +
		'</sheetData><mergeCells count="2"><mergeCell ref="A1:K1"/><mergeCell ref="E3:E4"/></mergeCells></worksheet>';
	const xlsx = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' },
		{ name: 'xl/worksheets/sheet1.xml', data: sheet }]);
	const dry = expectStatus(await upload(admin, 'members', xlsx, { dry: true, filename: 'm.xlsx' }), 200, srv);
	assert.equal(dry.rows, 2);
	assert.equal(dry.valid, 1);
	assert.deepEqual(dry.errors.map((e) => [e.row, e.column, e.field]), [[4, '手机号码', 'phone']]);
});

test('the organization tree imports with parents from earlier rows, labels and paths', async () => {
	const top = uniq('新党委');
	const child = uniq('新支部');
	const H = ['组织名称', '上级组织', '组织类型', '层级', '成立日期'];
	const rows = [
		{ 组织名称: top, 上级组织: `${dist.name}/${unit.name}`, 组织类型: '党总支', 层级: '县（区）级', 成立日期: dayFromToday(-30) },
		{ 组织名称: child, 上级组织: top, 组织类型: 'branch', 层级: '县（区）级' },
		{ 组织名称: uniq('小组'), 上级组织: `${top}/${child}`, 组织类型: '党小组', 层级: '县（区）级' },
	];
	const dry = expectStatus(await upload(committee, 'orgs', csv(rows, H), { dry: true }), 200, srv);
	assert.deepEqual(dry, { dry_run: true, rows: 3, valid: 3, created: 0, errors: [] });
	const done = expectStatus(await upload(committee, 'orgs', csv(rows, H)), 200, srv);
	assert.equal(done.created, 3);
	const items = await listAll(admin, '/api/orgs', srv);
	const t = items.find((o) => o.name === top);
	const c = items.find((o) => o.name === child);
	assert.equal(t.kind, 'general_branch');
	assert.equal(t.parent_id, unit.id);
	assert.equal(t.established_on, dayFromToday(-30));
	assert.equal(c.parent_id, t.id);
	assert.ok(items.some((o) => o.name === rows[2].组织名称 && o.parent_id === c.id));

	// errors: a kind that is not one, a parent that does not exist, a
	// sibling with the same name, a top-level org by a committee
	const bad = [
		{ 组织名称: uniq('甲'), 上级组织: unit.name, 组织类型: '大队', 层级: '市级' },
		{ 组织名称: uniq('乙'), 上级组织: '没有这个组织', 组织类型: '党支部', 层级: '市级' },
		{ 组织名称: b1.name, 上级组织: unit.name, 组织类型: '党支部', 层级: '市级' },
		{ 组织名称: uniq('丙'), 上级组织: '', 组织类型: '党支部', 层级: '市级' },
	];
	const res = await upload(committee, 'orgs', csv(bad, H));
	assert.equal(res.status, 422);
	assert.deepEqual(res.body.errors.map((e) => [e.row, e.column]),
		[[2, '组织类型'], [3, '上级组织'], [4, '组织名称'], [5, '上级组织']]);
	assert.equal(res.body.errors[0].message, '组织类型取值不在允许范围内');
	assert.equal(res.body.errors[2].message, '同一上级组织下已有同名组织');
});

test('an organization row may join a cluster (片区) by name', async () => {
	const cluster = expectStatus(await admin.post('/api/clusters', { name: uniq('片区'), description: '联建' }), 201, srv);
	const H = ['组织名称', '上级组织', '组织类型', '层级', '片区'];
	const name = uniq('联建支部');
	const rows = [{ 组织名称: name, 上级组织: unit.name, 组织类型: '党支部', 层级: '市级', 片区: cluster.name }];
	expectStatus(await upload(committee, 'orgs', csv(rows, H)), 200, srv);
	const got = expectStatus(await admin.get(`/api/clusters/${cluster.id}`), 200, srv);
	assert.ok(got.orgs.some((o) => o.name === name), 'the new organization is in the cluster');
	// an unknown cluster; a secretary may not maintain clusters
	const bad = await upload(committee, 'orgs', csv([{ ...rows[0], 组织名称: uniq('甲'), 片区: '没有的片区' }], H), { dry: true });
	assert.deepEqual(expectStatus(bad, 200, srv).errors.map((e) => [e.row, e.column, e.message]),
		[[2, '片区', '片区“没有的片区”不存在']]);
	const sec = await upload(secretary, 'orgs', csv([{ ...rows[0], 组织名称: uniq('乙'), 上级组织: b1.name, 组织类型: '党小组' }], H),
		{ dry: true });
	assert.equal(expectStatus(sec, 200, srv).errors[0].message, '只有机关工委或管理员可以维护片区');
});

test('bad files get a clear error and change nothing', async () => {
	const one = csv([person(b1.name)]);
	expectError(await admin.request('POST', '/api/import/members', undefined), 422, 'invalid_field', 'file', srv);
	expectError(await admin.request('POST', '/api/import/members?dry_run=maybe', one, { headers: { 'Content-Type': 'text/csv' } }),
		422, 'invalid_field', 'dry_run', srv);
	expectError(await upload(admin, 'members', 'hello, not a spreadsheet', { filename: 'a.xlsx' }), 422, 'bad_file', 'file', srv);
	expectError(await upload(admin, 'members', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]),
		{ filename: 'a.xlsx' }), 422, 'bad_file', 'file', srv);
	expectError(await upload(admin, 'members', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
		{ filename: 'a.xls' }), 422, 'unsupported_file', 'file', srv);
	// wrong headers are named
	const noId = HEADER.filter((h) => h !== '身份证号码' && h !== '入党日期');
	const e = expectError(await upload(admin, 'members', csv([person(b1.name)], noId)), 422, 'bad_header', 'file', srv);
	assert.match(e.message, /身份证号码、入党日期/);
	expectError(await upload(admin, 'members', 'a,b,c\r\n1,2,3\r\n'), 422, 'bad_header', 'file', srv);
	// more rows than the limit (60 here)
	const many = csv(Array.from({ length: 61 }, () => person(b1.name)));
	const tooMany = expectError(await upload(admin, 'members', many), 413, 'too_many_rows', 'file', srv);
	assert.match(tooMany.message, /60/);
	// a zip bomb: 3 MB of one cell deflated to a few kilobytes (limit 2 MB)
	const dir = fs.mkdtempSync(path.join(tmp, 'bomb-'));
	fs.mkdirSync(path.join(dir, 'xl', 'worksheets'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'xl', 'workbook.xml'), '<workbook/>');
	fs.writeFileSync(path.join(dir, 'xl', 'worksheets', 'sheet1.xml'),
		`<worksheet><sheetData><row><c t="inlineStr"><is><t>${' '.repeat(3 << 20)}</t></is></c></row></sheetData></worksheet>`);
	execFileSync('zip', ['-q', '-r', '-9', 'bomb.xlsx', 'xl'], { cwd: dir });
	const bomb = fs.readFileSync(path.join(dir, 'bomb.xlsx'));
	assert.ok(bomb.length < 100000);
	expectError(await upload(admin, 'members', bomb, { filename: 'bomb.xlsx' }), 413, 'file_too_large', 'file', srv);
	// a DTD (entity expansion) is refused
	const dtd = makeZip([{ name: 'xl/workbook.xml', data: '<!DOCTYPE w [<!ENTITY a "aaaa">]><workbook/>' },
		{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' }]);
	expectError(await upload(admin, 'members', dtd, { filename: 'd.xlsx' }), 422, 'bad_file', 'file', srv);
	// the server still works and the one valid file still imports
	assert.equal(expectStatus(await upload(admin, 'members', one), 200, srv).created, 1);
});
