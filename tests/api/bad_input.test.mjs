// Bad input gets a clear error and changes nothing: malformed JSON, bodies
// that are not objects, invalid UTF-8, wrong types, huge numbers, strings
// over their limits, oversized bodies, unknown fields, bad paging
// parameters. At the end the data is exactly as before and the server is
// still healthy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	ADMIN_PASSWORD, expectStatus, expectError, expectList, createOrg, createMember,
	createUserAndLogin, uniq, listAll, makeIdNumber, makePhone,
} from './harness.mjs';
import { startWithTree } from './fixtures.mjs';

let srv;
let admin;
let city, d, b;
let member;
let cluster;
let snapshot;

async function takeSnapshot() {
	const byId = (a, c) => a.id - c.id;
	const orgs = (await listAll(admin, '/api/orgs', srv)).sort(byId);
	const members = (await listAll(admin, '/api/members', srv)).sort(byId);
	const users = (await listAll(admin, '/api/users', srv)).sort(byId);
	const clusters = (await listAll(admin, '/api/clusters', srv)).sort(byId);
	const tree = expectStatus(await admin.get(`/api/orgs/${city.id}/tree`), 200, srv);
	// writes only: listing members unmasked above is itself audited (read_pii)
	const auditTotal = expectList(await admin.get('/api/audit?size=1'), srv).total -
		expectList(await admin.get('/api/audit?action=read_pii&size=1'), srv).total;
	return { orgs, members, users, clusters, tree, auditTotal };
}

before(async () => {
	({ srv, admin, city } = await startWithTree());
	d = await createOrg(admin, { name: uniq('区机关工委'), kind: 'work_committee', level: 'county', parent_id: city.id }, srv);
	b = await createOrg(admin, { name: uniq('党支部'), kind: 'branch', level: 'county', parent_id: d.id }, srv);
	member = await createMember(admin, { org_id: b.id }, srv);
	cluster = expectStatus(await admin.post('/api/clusters', { name: uniq('片区'), description: '测试' }), 201, srv);
	await createUserAndLogin(admin, srv, { roles: [{ role: 'secretary', org_id: b.id }] });
	snapshot = await takeSnapshot();
});
after(async () => { await srv?.stop(); });

const validOrg = () => ({ name: uniq('坏输入支部'), kind: 'branch', level: 'county', parent_id: d.id });
const validMember = () => ({
	name: uniq('坏输入党员'), gender: 'male', id_number: makeIdNumber(), phone: makePhone(),
	org_id: b.id, status: 'full', joined_on: '2015-07-01',
});

/** Writes that take a JSON object body, as [method, path]. */
const writes = () => [
	['POST', '/api/orgs'],
	['PATCH', `/api/orgs/${b.id}`],
	['POST', '/api/members'],
	['PATCH', `/api/members/${member.id}`],
	['POST', `/api/members/${member.id}/transfer`],
	['POST', '/api/users'],
	['POST', '/api/clusters'],
	['POST', `/api/clusters/${cluster.id}/orgs`],
];

test('malformed JSON is refused with 400 bad_json', async () => {
	const bodies = ['{"name":', '{name: "x"}', "{'name':'x'}", '{"name":"x",}', 'nul', '{"a":1}{"b":2}',
		'{"name":"x"} trailing', '{"name":"\\x41"}', '{"name":"line\nbreak"}', '{"name":NaN}', '{"name":"x"}}'];
	for (const [method, p] of writes()) {
		for (const body of bodies) {
			expectError(await admin.request(method, p, body), 400, 'bad_json', undefined, srv);
		}
	}
	expectError(await srv.client().post('/api/auth/login', '{"username":"admin",'), 400, 'bad_json', undefined, srv);
});

test('an empty body on a write that needs one is refused with 400 bad_json', async () => {
	for (const [method, p] of writes()) {
		expectError(await admin.request(method, p, ''), 400, 'bad_json', undefined, srv);
	}
});

test('a JSON body that is not an object is refused with 400 bad_json', async () => {
	for (const body of ['[]', '[{"name":"x"}]', '"text"', '42', 'null', 'true']) {
		for (const [method, p] of writes()) {
			expectError(await admin.request(method, p, body), 400, 'bad_json', undefined, srv);
		}
		expectError(await srv.client().post('/api/auth/login', body), 400, 'bad_json', undefined, srv);
	}
});

test('invalid UTF-8 inside a JSON string is refused with 400 bad_json', async () => {
	const wrap = (bytes) => Buffer.concat([
		Buffer.from(`{"name":"abc`), Buffer.from(bytes), Buffer.from(`","kind":"branch","level":"county","parent_id":${d.id}}`),
	]);
	const invalid = [
		[0xff], [0xfe, 0xff], [0xc0, 0xaf], // invalid byte, overlong '/'
		[0xed, 0xa0, 0x80], // UTF-8 encoded surrogate
		[0xe4, 0xb8], // truncated 3-byte sequence
		[0x80], // lone continuation byte
		[0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
	];
	for (const bytes of invalid) {
		expectError(await admin.post('/api/orgs', wrap(bytes)), 400, 'bad_json', undefined, srv);
		expectError(await admin.patch(`/api/orgs/${b.id}`, Buffer.concat([Buffer.from('{"name":"x'), Buffer.from(bytes), Buffer.from('"}')])),
			400, 'bad_json', undefined, srv);
	}
	const login = Buffer.concat([Buffer.from('{"username":"adm'), Buffer.from([0xff]), Buffer.from('in","password":"x"}')]);
	expectError(await srv.client().post('/api/auth/login', login), 400, 'bad_json', undefined, srv);
	// Escaped lone surrogates and NUL are refused too (400 or 422), never stored.
	for (const esc of ['\\ud800', '\\udc00x', '\\u0000']) {
		const r = await admin.post('/api/orgs', `{"name":"abc${esc}","kind":"branch","level":"county","parent_id":${d.id}}`);
		expectError(r, [400, 422], ['bad_json', 'invalid_field'], undefined, srv);
	}
});

test('fields of the wrong type are refused with 422 naming the field', async () => {
	const orgCases = [
		['name', 123], ['name', null], ['name', ['支部']], ['name', { zh: '支部' }], ['name', true],
		['kind', 1], ['level', null], ['parent_id', 'abc'], ['parent_id', 1.5], ['parent_id', true],
		['parent_id', [1]], ['established_on', 20240101],
	];
	for (const [f, v] of orgCases) {
		expectError(await admin.post('/api/orgs', { ...validOrg(), [f]: v }), 422, 'invalid_field', f, srv);
	}
	for (const [f, v] of [['name', 5], ['parent_id', 'x'], ['closed_on', 7]]) {
		expectError(await admin.patch(`/api/orgs/${b.id}`, { [f]: v }), 422, 'invalid_field', f, srv);
	}
	const memberCases = [
		['name', 1], ['gender', 1], ['id_number', null], ['phone', ['13800000000']], ['org_id', 'b'],
		['org_id', 2.5], ['status', false], ['joined_on', {}], ['ethnicity', 3],
	];
	for (const [f, v] of memberCases) {
		expectError(await admin.post('/api/members', { ...validMember(), [f]: v }), 422, 'invalid_field', f, srv);
	}
	expectError(await admin.post(`/api/members/${member.id}/transfer`, { to_org_id: 'x', reason: '类型' }), 422, 'invalid_field', 'to_org_id', srv);
	expectError(await admin.post('/api/users', { username: 123, password: 'Typed-pass-1', display_name: 'x', roles: [{ role: 'member', org_id: b.id }] }), 422, 'invalid_field', 'username', srv);
	expectError(await admin.post('/api/users', { username: uniq('t'), password: 12345678, display_name: 'x', roles: [{ role: 'member', org_id: b.id }] }), 422, 'invalid_field', 'password', srv);
	expectError(await admin.patch(`/api/users/${admin.user.id}`, { disabled: 'yes' }), 422, 'invalid_field', 'disabled', srv);
	expectError(await admin.post('/api/clusters', { name: 7, description: '' }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post(`/api/clusters/${cluster.id}/orgs`, { org_id: '1' }), 422, 'invalid_field', 'org_id', srv);
	expectError(await srv.client().post('/api/auth/login', { username: 'admin', password: 12345678 }), 422, 'invalid_field', 'password', srv);
});

test('huge and out-of-range numbers are refused with 422 naming the field', async () => {
	const orgJson = (raw) => `{"name":"${uniq('大数')}","kind":"branch","level":"county","parent_id":${raw}}`;
	for (const raw of ['1e300', '-1e300', '99999999999999999999999', '9223372036854775808', '18446744073709551616']) {
		expectError(await admin.post('/api/orgs', orgJson(raw)), 422, 'invalid_field', 'parent_id', srv);
	}
	const m = validMember();
	const memberJson = JSON.stringify(m).replace(`"org_id":${b.id}`, '"org_id":123456789012345678901234567890');
	expectError(await admin.post('/api/members', memberJson), 422, 'invalid_field', 'org_id', srv);
	// inside an array of objects: the top-level field that holds it is named
	const userJson = `{"username":"${uniq('big')}","password":"Long-pass-123","display_name":"大数","roles":[{"role":"member","org_id":99999999999999999999999}]}`;
	expectError(await admin.post('/api/users', userJson), 422, 'invalid_field', 'roles', srv);
	for (const p of ['/api/orgs?page=99999999999999999999999', '/api/members?page=1e9', '/api/orgs?size=99999999999999999999']) {
		const r = await admin.get(p);
		const field = new URL(p, 'http://x').searchParams.has('size') ? 'size' : 'page';
		expectError(r, 422, 'invalid_field', field, srv);
	}
	for (const p of ['/api/orgs/99999999999999999999999', '/api/members/-1', '/api/orgs/1e3', '/api/orgs/abc']) {
		const r = await admin.get(p);
		expectError(r, [404, 422], ['not_found', 'invalid_field'], undefined, srv);
	}
});

test('strings over their limits are refused with 422 naming the field', async () => {
	const long = '党'.repeat(101);
	expectError(await admin.post('/api/orgs', { ...validOrg(), name: long }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post('/api/orgs', { ...validOrg(), name: 'a'.repeat(101) }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.patch(`/api/orgs/${b.id}`, { name: long }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post('/api/members', { ...validMember(), name: long }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.patch(`/api/members/${member.id}`, { name: long }), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post('/api/clusters', { name: long, description: '' }), 422, 'invalid_field', 'name', srv);
	// Very long values in any text field are refused, not stored.
	const huge = '长'.repeat(100000);
	for (const f of ['project']) {
		expectError(await admin.post('/api/orgs', { ...validOrg(), kind: 'temp_branch', starts_on: '2024-01-01', ends_on: '2024-12-31', [f]: huge }),
			422, 'invalid_field', f, srv);
	}
	for (const f of ['ethnicity', 'education', 'position']) {
		expectError(await admin.post('/api/members', { ...validMember(), [f]: huge }), 422, 'invalid_field', f, srv);
	}
	expectError(await admin.post('/api/clusters', { name: uniq('片区'), description: huge }), 422, 'invalid_field', 'description', srv);
	expectError(await admin.post('/api/users', { username: 'u'.repeat(1000), password: 'Long-pass-123', display_name: 'x', roles: [{ role: 'member', org_id: b.id }] }),
		422, 'invalid_field', 'username', srv);
	expectError(await admin.post('/api/users', { username: uniq('u'), password: 'Long-pass-123', display_name: huge, roles: [{ role: 'member', org_id: b.id }] }),
		422, 'invalid_field', 'display_name', srv);
	expectError(await admin.post(`/api/members/${member.id}/transfer`, { to_org_id: d.id, reason: huge }), 422, 'invalid_field', 'reason', srv);
});

test('a body over 1 MiB is refused with 413 too_large', async () => {
	const big = `{"name":"${'a'.repeat(1024 * 1024)}","kind":"branch","level":"county","parent_id":${d.id}}`;
	assert.ok(Buffer.byteLength(big) > 1024 * 1024);
	expectError(await admin.post('/api/orgs', big), 413, 'too_large', undefined, srv);
	expectError(await admin.patch(`/api/members/${member.id}`, `{"position":"${'职'.repeat(400000)}"}`), 413, 'too_large', undefined, srv);
	const bigger = Buffer.alloc(5 * 1024 * 1024, 0x20);
	expectError(await admin.post('/api/members', bigger), 413, 'too_large', undefined, srv);
	// Whitespace-padded small JSON just over the limit is still too large.
	const padded = `${' '.repeat(1024 * 1024)}{}`;
	expectError(await admin.post('/api/clusters', padded), 413, 'too_large', undefined, srv);
	// Without a Content-Length (chunked), the limit holds as well.
	expectError(await admin.post('/api/orgs', big, { chunked: true }), 413, 'too_large', undefined, srv);
	expectError(await admin.post('/api/members', bigger, { chunked: true }), 413, 'too_large', undefined, srv);
	// A small chunked body is fine.
	const small = await admin.post('/api/orgs', { name: uniq('x'), kind: 'club', level: 'county', parent_id: d.id }, { chunked: true });
	expectError(small, 422, 'invalid_field', 'kind', srv);
	expectStatus(await srv.client().get('/api/health'), 200, srv);
});

test('unknown fields are refused with 422 unknown_field naming the field', async () => {
	expectError(await admin.post('/api/orgs', { ...validOrg(), colour: 'red' }), 422, 'unknown_field', 'colour', srv);
	expectError(await admin.patch(`/api/orgs/${b.id}`, { name: uniq('x'), path: '/1/' }), 422, 'unknown_field', 'path', srv);
	expectError(await admin.patch(`/api/orgs/${b.id}`, { member_count: 99 }), 422, 'unknown_field', 'member_count', srv);
	expectError(await admin.post('/api/members', { ...validMember(), nickname: '小王' }), 422, 'unknown_field', 'nickname', srv);
	expectError(await admin.patch(`/api/members/${member.id}`, { birth_date: '1990-01-01' }), 422, 'unknown_field', 'birth_date', srv);
	expectError(await admin.post('/api/users', { username: uniq('u'), password: 'Unknown-pass-1', display_name: 'x', roles: [{ role: 'member', org_id: b.id }], is_admin: true }),
		422, 'unknown_field', 'is_admin', srv);
	expectError(await admin.post('/api/clusters', { name: uniq('片区'), description: '', owner: 1 }), 422, 'unknown_field', 'owner', srv);
	expectError(await admin.post(`/api/members/${member.id}/transfer`, { to_org_id: d.id, reason: '调动', when: '2020-01-01' }), 422, 'unknown_field', 'when', srv);
	expectError(await srv.client().post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD, remember: true }), 422, 'unknown_field', 'remember', srv);
});

test('missing required fields are refused with 422 invalid_field naming the field', async () => {
	for (const f of ['name', 'kind', 'level', 'parent_id']) {
		const body = validOrg();
		delete body[f];
		expectError(await admin.post('/api/orgs', body), 422, 'invalid_field', f, srv);
	}
	for (const f of ['name', 'gender', 'id_number', 'phone', 'org_id', 'status', 'joined_on']) {
		const body = validMember();
		delete body[f];
		expectError(await admin.post('/api/members', body), 422, 'invalid_field', f, srv);
	}
	expectError(await admin.post('/api/clusters', {}), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post(`/api/clusters/${cluster.id}/orgs`, {}), 422, 'invalid_field', 'org_id', srv);
	expectError(await srv.client().post('/api/auth/login', { username: 'admin' }), 422, 'invalid_field', 'password', srv);
});

test('bad page, size and filter parameters are refused with 422 naming the parameter', async () => {
	for (const base of ['/api/orgs', '/api/members', '/api/users', '/api/clusters', '/api/audit']) {
		for (const [q, field] of [['page=abc', 'page'], ['page=0', 'page'], ['page=-1', 'page'], ['page=1.5', 'page'],
			['size=abc', 'size'], ['size=0', 'size'], ['size=201', 'size'], ['size=-5', 'size'], ['size=2x', 'size']]) {
			expectError(await admin.get(`${base}?${q}`), 422, 'invalid_field', field, srv);
		}
		expectList(await admin.get(`${base}?page=1&size=200`), srv);
	}
	expectError(await admin.get('/api/orgs?kind=club'), 422, 'invalid_field', 'kind', srv);
	expectError(await admin.get('/api/members?org=abc'), 422, 'invalid_field', 'org', srv);
	expectError(await admin.get('/api/members?status=gone'), 422, 'invalid_field', 'status', srv);
	expectError(await admin.get('/api/audit?entity_id=abc'), 422, 'invalid_field', 'entity_id', srv);
	expectError(await admin.get('/api/audit?user_id=x'), 422, 'invalid_field', 'user_id', srv);
});

test('odd but harmless input never causes a server error', async () => {
	const checks = [
		admin.post('/api/orgs', '['.repeat(200000)),
		admin.post('/api/orgs', `${'{"a":'.repeat(50000)}1${'}'.repeat(50000)}`),
		admin.get('/api/members?q=%ff%fe'),
		admin.get('/api/members?q=%'),
		admin.get('/api/members?q=%E4%B8'),
		admin.get(`/api/members?q=${'x'.repeat(5000)}`),
		admin.get('/api/orgs?page=1&page=2'),
		admin.post('/api/orgs', JSON.stringify(validOrg()), { headers: { 'Content-Type': 'text/plain' } }),
		admin.get('/api/%2e%2e/%2e%2e/etc/passwd'),
		admin.get('/api/../../etc/passwd'),
		admin.request('PUT', `/api/orgs/${b.id}`, { name: 'x' }),
		admin.request('OPTIONS', '/api/orgs'),
		admin.get('/api/orgs/', {}),
		admin.get(`/api/orgs/${b.id}/`),
		srv.client().get('/api/me', { headers: { Authorization: 'Bearer ' } }),
		srv.client().get('/api/me', { headers: { Authorization: `Bearer ${'a'.repeat(10000)}` } }),
		srv.client().get('/api/me', { headers: { Cookie: 'xf_session=; xf_session=abc; =;;' } }),
	];
	for (const r of await Promise.all(checks)) {
		assert.ok(r.status >= 200 && r.status < 500, `${r.method} ${r.path.slice(0, 80)} -> ${r.status} ${r.text.slice(0, 200)}`);
		assert.ok(!r.text.includes('root:x:0:0'), 'path traversal');
		if (r.status >= 400 && r.path.startsWith('/api/')) {
			assert.ok(r.body && r.body.error && typeof r.body.error.code === 'string', `${r.path.slice(0, 80)}: not an error envelope: ${r.text.slice(0, 200)}`);
		}
	}
	// The Content-Type: text/plain write must not have created anything
	// unless the server accepts JSON regardless of the header; either way the
	// snapshot check below would notice, so remove it if it was created.
	const created = await listAll(admin, `/api/orgs?q=${encodeURIComponent('坏输入支部')}`, srv);
	for (const o of created) await admin.del(`/api/orgs/${o.id}`);
});

test('after all the bad input above the data is unchanged and the server still answers', async () => {
	const now = await takeSnapshot();
	const stripAudit = (s) => ({ ...s, auditTotal: undefined });
	assert.deepEqual(stripAudit(now), stripAudit(snapshot));
	// Deleting an org accidentally created by the text/plain request adds
	// audit entries; otherwise nothing may have been written.
	const extra = now.auditTotal - snapshot.auditTotal;
	assert.ok(extra === 0 || extra === 2, `unexpected audit entries: ${extra}`);
	const h = expectStatus(await srv.client().get('/api/health'), 200, srv);
	assert.equal(h.status, 'ok');
	expectStatus(await admin.get('/api/me'), 200, srv);
	assert.equal(srv.exited(), null, 'the server process exited');
});

test('boundary values are accepted: an org name of 100 characters, a person\'s of 50 (the name rule)', async () => {
	const name = '党'.repeat(99) + String(Date.now() % 10);
	assert.equal([...name].length, 100);
	const o = await createOrg(admin, { ...validOrg(), name }, srv);
	assert.equal(o.name, name);
	const m = await createMember(admin, { org_id: b.id, name: '名'.repeat(50) }, srv);
	assert.equal([...m.name].length, 50);
});
