// The name rule for people (docs/security.md, "Names"): a member's name and
// a user's display name hold Han characters, letters and the middle dot,
// at most 50 characters. A refused name is a 422 naming the field with the
// rule's message, and nothing is written: on create, on edit, in a roster
// import, for a display name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree } from './fixtures.mjs';
import {
	expectStatus, expectError, createMember, uniq, makeIdNumber, makePhone, dayFromToday,
} from './harness.mjs';

const RULE = '姓名只能包含汉字、字母和间隔号“·”，不超过50个字';
const FORMULA = '=HYPERLINK("http://x.example","点我")';

let srv;
let admin;
let city;
let b1;

before(async () => {
	({ srv, admin, city, b1 } = await startWithTree({ b1: 'city' }));
});
after(async () => { await srv?.stop(); });

function member(fields = {}) {
	return {
		name: uniq('党员'), gender: 'male', id_number: makeIdNumber(), phone: makePhone(), org_id: b1.id,
		status: 'full', joined_on: dayFromToday(-3650), ...fields,
	};
}

async function memberTotal() {
	return expectStatus(await admin.get(`/api/members?org=${b1.id}&subtree=1`), 200, srv).total;
}

async function auditTotal() {
	// writes only: an unmasked read of the roster leaves a read_pii record
	return expectStatus(await admin.get('/api/audit?entity=member&action=create'), 200, srv).total;
}

test('names with Han characters, a middle dot or Latin words are taken as typed', async () => {
	for (const name of ['阿依古丽·买买提', '扎西・次仁', '王\u{3400}', '\u{20000}明', 'Anna Maria', '李'.repeat(50)]) {
		const m = expectStatus(await admin.post('/api/members', member({ name })), 201, srv);
		assert.equal(m.name, name);
	}
});

test('a formula, digits, symbols or 51 characters are refused with the rule, and nothing is written', async () => {
	const n = await memberTotal();
	const a = await auditTotal();
	for (const name of [FORMULA, '张三1', '张三１', '+张三', '·张三', '张 三', '<b>张三</b>', '李'.repeat(51)]) {
		const e = expectError(await admin.post('/api/members', member({ name })), 422, 'invalid_field', 'name', srv);
		assert.equal(e.message, RULE, name);
	}
	assert.equal(await memberTotal(), n);
	assert.equal(await auditTotal(), a);
});

test('an edit to a bad name is refused and the name stays', async () => {
	const m = await createMember(admin, { org_id: b1.id, name: '赵敏' }, srv);
	const e = expectError(await admin.patch(`/api/members/${m.id}`, { name: FORMULA }), 422, 'invalid_field', 'name', srv);
	assert.equal(e.message, RULE);
	assert.equal(expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv).name, '赵敏');
	const ok = expectStatus(await admin.patch(`/api/members/${m.id}`, { name: '赵敏·阿木' }), 200, srv);
	assert.equal(ok.name, '赵敏·阿木');
});

test('a roster import reports a bad name by row and column and writes nothing', async () => {
	const header = ['姓名', '性别', '身份证号码', '手机号码', '所属党组织', '党员状态', '入党日期'];
	const row = (name) => [name, '男', makeIdNumber(), makePhone(), b1.name, '正式党员', dayFromToday(-3650)];
	const q = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
	const text = [header, row('钱学森'), row(FORMULA)].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
	const boundary = `----xf${uniq('b')}`;
	const body = Buffer.concat([
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\n` +
			'Content-Type: text/csv\r\n\r\n'),
		Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]);
	const n = await memberTotal();
	const r = await admin.request('POST', '/api/import/members', body,
		{ headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
	expectError(r, 422, 'import_invalid', 'file', srv);
	const res = r.body;
	assert.equal(res.created, 0);
	assert.equal(res.errors.length, 1);
	assert.deepEqual({ row: res.errors[0].row, column: res.errors[0].column, field: res.errors[0].field,
		message: res.errors[0].message }, { row: 3, column: '姓名', field: 'name', message: RULE });
	assert.equal(await memberTotal(), n);
});

test('a user\'s display name follows the rule; without one the username stands', async () => {
	const base = { password: 'User-pass-2024', roles: [{ role: 'secretary', org_id: b1.id }] };
	const e = expectError(await admin.post('/api/users', { ...base, username: uniq('u'), display_name: FORMULA }),
		422, 'invalid_field', 'display_name', srv);
	assert.equal(e.message, RULE);
	const u = expectStatus(await admin.post('/api/users', { ...base, username: uniq('u'), display_name: '孙悟空' }), 201, srv);
	expectError(await admin.patch(`/api/users/${u.id}`, { display_name: 'sun123' }), 422, 'invalid_field', 'display_name', srv);
	const name = uniq('u') + '7';
	const plain = expectStatus(await admin.post('/api/users', { ...base, username: name }), 201, srv);
	assert.equal(plain.display_name, name);
	assert.ok(city.id > 0);
});
