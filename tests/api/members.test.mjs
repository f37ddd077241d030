// Party members: validation of ID numbers (GB 11643 MOD 11-2), gender and
// phone; uniqueness; masking by role; list filters and paging; update,
// delete; transfers with their history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor } from './fixtures.mjs';
import {
	expectStatus, expectError, expectFields, expectList, createOrg, createMember, uniq, makeIdNumber,
	withWrongCheck, idCheckChar, birthDateOf, makePhone, maskId, maskPhone, ISO_TIME_0800, listAll,
} from './harness.mjs';

let srv;
let admin;
let city;
let dist;
let dist2;
let b1;
let b2;
let g1;
let committee;   // committee of dist
let committee2;  // committee of dist2
let secretary;   // secretary of b1

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, g1 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', g1: 'b1',
	}));
	({ committee, committee2, secretary } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2], secretary: ['secretary', b1],
	}));
});
after(async () => { await srv?.stop(); });

// i with its digits as letters (0 a, 1 b, ...): names of people take no digits.
const L = (i) => String(i).replace(/\d/g, (d) => 'abcdefghij'[d]);

function valid(fields = {}) {
	const gender = fields.gender ?? 'male';
	return {
		name: uniq('党员'), gender, id_number: makeIdNumber({ gender }), phone: makePhone(),
		org_id: b1.id, status: 'full', joined_on: '2010-07-01', ...fields,
	};
}

const MEMBER_KEYS = ['id', 'name', 'gender', 'id_number', 'phone', 'birth_date', 'org_id', 'org_name',
	'status', 'joined_on', 'full_on', 'ethnicity', 'education', 'position'];

test('the ID number helper computes the GB 11643 check digit (known example)', () => {
	// The standard's example number 11010519491231002X.
	assert.equal(idCheckChar('11010519491231002'), 'X');
	const id = makeIdNumber({ gender: 'female', birth: '19900101' });
	assert.equal(id.length, 18);
	assert.equal(Number(id[16]) % 2, 0);
	assert.equal(id[17], idCheckChar(id.slice(0, 17)));
});

test('a valid member is created; birth_date comes from the ID number', async () => {
	const body = valid({ name: '王小明', status: 'probationary', joined_on: '2023-06-30',
		ethnicity: '汉族', education: '大学本科', position: '科员' });
	const res = await admin.post('/api/members', body);
	const m = expectStatus(res, 201, srv);
	for (const k of MEMBER_KEYS) assert.ok(k in m, `missing ${k}: ${res.text}`);
	assert.equal(typeof m.id, 'number');
	assert.equal(m.name, '王小明');
	assert.equal(m.gender, 'male');
	assert.equal(m.id_number, body.id_number, 'admin sees the full ID number');
	assert.equal(m.phone, body.phone, 'admin sees the full phone');
	assert.equal(m.birth_date, birthDateOf(body.id_number));
	expectFields(m, {
		org_id: b1.id, org_name: b1.name, status: 'probationary', joined_on: '2023-06-30', full_on: null,
		ethnicity: '汉族', education: '大学本科', position: '科员',
	});
	assert.deepEqual(expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv), m);

	const f = await createMember(admin, { org_id: b2.id, gender: 'female', full_on: '2012-07-01',
		id_number: makeIdNumber({ gender: 'female', birth: '19880229' }) }, srv);
	assert.equal(f.gender, 'female');
	assert.equal(f.birth_date, '1988-02-29');
	assert.equal(f.full_on, '2012-07-01');
	assert.equal(f.org_name, b2.name);
});

test('an ID number ending in X is accepted', async () => {
	let id;
	for (let i = 0; i < 200 && !(id && id.endsWith('X')); i++) id = makeIdNumber({ gender: 'male' });
	assert.ok(id.endsWith('X'));
	const m = await createMember(admin, { org_id: b1.id, id_number: id }, srv);
	assert.equal(m.id_number, id);
});

test('an ID number with a wrong check digit is refused with 422 naming id_number', async () => {
	const body = valid();
	expectError(await admin.post('/api/members', { ...body, id_number: withWrongCheck(body.id_number) }),
		422, 'invalid_field', 'id_number', srv);
});

test('an ID number with an impossible birth date, a wrong length or letters is refused with 422', async () => {
	const bad = [];
	for (const birth of ['19850230', '19851301', '19850000', '20230229']) {
		const first17 = `330201${birth}123`;
		bad.push(first17 + idCheckChar(first17)); // right check digit, impossible date
	}
	const ok = makeIdNumber();
	bad.push(ok.slice(0, 17), `${ok}1`, `A${ok.slice(1)}`, `${ok.slice(0, 10)}AB${ok.slice(12)}`, '', '１１０１０５１９４９１２３１００２Ｘ');
	const before = (await listAll(admin, '/api/members', srv)).length;
	for (const id of bad) {
		expectError(await admin.post('/api/members', valid({ id_number: id })), 422, 'invalid_field', 'id_number', srv);
	}
	expectError(await admin.post('/api/members', valid({ id_number: 110105194912310020 })), 422, 'invalid_field', 'id_number', srv);
	assert.equal((await listAll(admin, '/api/members', srv)).length, before, 'no member was created');
});

test('the gender must be male or female and match the 17th digit of the ID number (odd = male)', async () => {
	const femaleId = makeIdNumber({ gender: 'female' });
	expectError(await admin.post('/api/members', valid({ gender: 'male', id_number: femaleId })),
		422, 'invalid_field', ['gender', 'id_number'], srv);
	const maleId = makeIdNumber({ gender: 'male' });
	expectError(await admin.post('/api/members', valid({ gender: 'female', id_number: maleId })),
		422, 'invalid_field', ['gender', 'id_number'], srv);
	expectError(await admin.post('/api/members', valid({ gender: 'other' })), 422, 'invalid_field', 'gender', srv);
	expectError(await admin.post('/api/members', valid({ gender: '男' })), 422, 'invalid_field', 'gender', srv);
});

test('the phone must be a mainland mobile number 1[3-9] plus 9 digits', async () => {
	for (const phone of ['12812345678', '10812345678', '23812345678', '1381234567', '138123456789',
		'1381234567a', '138 1234 567', '', '+8613812345678']) {
		expectError(await admin.post('/api/members', valid({ phone })), 422, 'invalid_field', 'phone', srv);
	}
	expectError(await admin.post('/api/members', valid({ phone: 13812345678 })), 422, 'invalid_field', 'phone', srv);
	for (const phone of ['13012345678', '19987654321', '15500001111']) {
		const m = await createMember(admin, { org_id: b2.id, phone }, srv);
		assert.equal(m.phone, phone);
	}
});

test('name, status, dates and org are validated with 422 naming the field', async () => {
	const { name, ...noName } = valid();
	assert.ok(name);
	expectError(await admin.post('/api/members', noName), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post('/api/members', valid({ name: '' })), 422, 'invalid_field', 'name', srv);
	expectError(await admin.post('/api/members', valid({ status: 'honorary' })), 422, 'invalid_field', 'status', srv);
	expectError(await admin.post('/api/members', valid({ joined_on: '2010-02-30' })), 422, 'invalid_field', 'joined_on', srv);
	expectError(await admin.post('/api/members', valid({ full_on: 'soon' })), 422, 'invalid_field', 'full_on', srv);
	const { org_id, ...noOrg } = valid();
	assert.ok(org_id);
	expectError(await admin.post('/api/members', noOrg), 422, 'invalid_field', 'org_id', srv);
	const missing = await admin.post('/api/members', valid({ org_id: 987654321 }));
	assert.ok([404, 422].includes(missing.status), `${missing.status} ${missing.text}`);
});

test('an ID number is unique: a second member with it gets 409 id_number_taken', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	expectError(await admin.post('/api/members', valid({ org_id: b2.id, id_number: m.id_number })), 409, 'id_number_taken', undefined, srv);
	const other = await createMember(admin, { org_id: b2.id }, srv);
	expectError(await admin.patch(`/api/members/${other.id}`, { id_number: m.id_number }), 409, 'id_number_taken', undefined, srv);
	assert.equal(expectStatus(await admin.get(`/api/members/${other.id}`), 200, srv).id_number, other.id_number);
});

test('ID number and phone are shown in full to admin and the committee over the org, masked to others', async () => {
	const id = makeIdNumber({ gender: 'male' });
	const phone = '13812345678';
	const m = await createMember(admin, { org_id: g1.id, id_number: id, phone }, srv);
	assert.equal(m.id_number, id);
	const byCommittee = expectStatus(await committee.get(`/api/members/${m.id}`), 200, srv);
	assert.equal(byCommittee.id_number, id);
	assert.equal(byCommittee.phone, phone);
	const bySecretary = expectStatus(await secretary.get(`/api/members/${m.id}`), 200, srv);
	assert.equal(bySecretary.id_number, maskId(id));
	assert.match(bySecretary.id_number, /^\d{4}\*{10}[\dX]{4}$/);
	assert.equal(bySecretary.phone, '138****5678');
	assert.equal(bySecretary.phone, maskPhone(phone));
	assert.equal(bySecretary.name, m.name);
	// Lists follow the same rule.
	const secList = expectList(await secretary.get(`/api/members?org=${g1.id}&size=200`), srv);
	const inSec = secList.items.find((x) => x.id === m.id);
	assert.ok(inSec);
	assert.equal(inSec.id_number, maskId(id));
	assert.equal(inSec.phone, maskPhone(phone));
	for (const x of secList.items) assert.match(x.id_number, /\*{10}/);
	const comList = expectList(await committee.get(`/api/members?org=${g1.id}&size=200`), srv);
	assert.equal(comList.items.find((x) => x.id === m.id).id_number, id);
	const adminList = expectList(await admin.get(`/api/members?org=${g1.id}&size=200`), srv);
	assert.equal(adminList.items.find((x) => x.id === m.id).phone, phone);
	// The committee of another district does not see the member at all.
	expectError(await committee2.get(`/api/members/${m.id}`), 404, 'not_found', undefined, srv);
	// The full numbers do not leak anywhere in the secretary's answers.
	const raw = (await secretary.get(`/api/members/${m.id}`)).text + (await secretary.get(`/api/members?q=${encodeURIComponent(m.name)}`)).text;
	assert.ok(!raw.includes(id) && !raw.includes(phone), 'secretary answers contain the full numbers');
	// The birth date (digits 7-14 of the ID number) would undo the mask: only the year is shown.
	const masked = expectStatus(await secretary.get(`/api/members/${m.id}`), 200, srv);
	assert.equal(masked.birth_date, null);
	assert.equal(masked.birth_year, id.slice(6, 10));
	assert.ok(!raw.includes(id.slice(6, 14)), 'the birth digits leak');
});

test('the member list filters by org, subtree, name and status, and pages', async () => {
	const d = await createOrg(admin, { name: uniq('列表测试区'), kind: 'work_committee', level: 'county', parent_id: city.id }, srv);
	const p = await createOrg(admin, { name: uniq('列表支部'), parent_id: d.id }, srv);
	const c = await createOrg(admin, { name: uniq('列表小组'), kind: 'group', parent_id: p.id }, srv);
	const tag = uniq('林');
	const direct = [];
	for (let i = 0; i < 15; i++) {
		direct.push(await createMember(admin, { org_id: p.id, name: `${tag}甲${L(i)}`, status: i < 5 ? 'probationary' : 'full' }, srv));
	}
	const below = [];
	for (let i = 0; i < 10; i++) below.push(await createMember(admin, { org_id: c.id, name: `${tag}乙${L(i)}` }, srv));
	const ids = (xs) => xs.map((m) => m.id).sort((a, b) => a - b);

	const onlyP = expectList(await admin.get(`/api/members?org=${p.id}&size=200`), srv);
	assert.equal(onlyP.total, 15);
	assert.deepEqual(ids(onlyP.items), ids(direct));
	const sub = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1&size=200`), srv);
	assert.equal(sub.total, 25);
	assert.deepEqual(ids(sub.items), ids([...direct, ...below]));
	const subD = expectList(await admin.get(`/api/members?org=${d.id}&subtree=1&size=200`), srv);
	assert.equal(subD.total, 25);
	const onlyD = expectList(await admin.get(`/api/members?org=${d.id}`), srv);
	assert.equal(onlyD.total, 0);

	const prob = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1&status=probationary&size=200`), srv);
	assert.equal(prob.total, 5);
	assert.ok(prob.items.every((m) => m.status === 'probationary'));
	const full = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1&status=full&size=200`), srv);
	assert.equal(full.total, 20);

	const q = expectList(await admin.get(`/api/members?q=${encodeURIComponent(`${tag}乙`)}&size=200`), srv);
	assert.equal(q.total, 10);
	assert.deepEqual(ids(q.items), ids(below));
	const q1 = expectList(await admin.get(`/api/members?q=${encodeURIComponent(`${tag}甲b`)}&org=${p.id}`), srv);
	assert.deepEqual(q1.items.map((m) => m.name).sort(), [`${tag}甲b`, `${tag}甲ba`, `${tag}甲bb`, `${tag}甲bc`, `${tag}甲bd`, `${tag}甲be`].sort());
	// LIKE wildcards in q are literal characters, and quotes are harmless.
	for (const lit of ['%', '_', `${tag}%`, `${tag}_`, "' OR '1'='1", '"; DROP TABLE members; --', '\\']) {
		const r = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1&q=${encodeURIComponent(lit)}`), srv);
		assert.equal(r.total, 0, `q=${lit} matched ${r.total}`);
	}

	// Default page size is 20; pages do not overlap and cover everything.
	const def = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1`), srv);
	assert.equal(def.items.length, 20);
	assert.equal(def.total, 25);
	const pg2 = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1&page=2`), srv);
	assert.equal(pg2.items.length, 5);
	assert.deepEqual(ids([...def.items, ...pg2.items]), ids([...direct, ...below]));
	const seen = [];
	for (let page = 1; page <= 3; page++) {
		const r = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1&size=10&page=${page}`), srv);
		assert.equal(r.total, 25);
		assert.equal(r.items.length, page < 3 ? 10 : 5);
		seen.push(...r.items);
	}
	assert.deepEqual(ids(seen), ids([...direct, ...below]));
	const beyond = expectList(await admin.get(`/api/members?org=${p.id}&subtree=1&size=10&page=9`), srv);
	assert.equal(beyond.items.length, 0);
	assert.equal(beyond.total, 25);
	expectList(await admin.get(`/api/members?org=${p.id}&size=200`), srv);
	expectList(await admin.get(`/api/members?org=${p.id}&size=1`), srv);
	expectError(await admin.get(`/api/members?org=${p.id}&size=201`), 422, 'invalid_field', 'size', srv);
	expectError(await admin.get(`/api/members?org=${p.id}&size=0`), 422, 'invalid_field', 'size', srv);
	expectError(await admin.get(`/api/members?org=${p.id}&page=0`), 422, 'invalid_field', 'page', srv);
	expectError(await admin.get(`/api/members?status=honorary`), 422, 'invalid_field', 'status', srv);

	// Without org: the caller's whole scope.
	const everything = await listAll(admin, '/api/members', srv);
	for (const m of [...direct, ...below]) assert.ok(everything.some((x) => x.id === m.id));
});

test('PATCH updates a member and validates like create; DELETE removes it', async () => {
	const m = await createMember(admin, { org_id: b2.id, status: 'probationary', joined_on: '2023-01-10' }, srv);
	const phone = makePhone();
	const p = expectStatus(await admin.patch(`/api/members/${m.id}`,
		{ phone, status: 'full', full_on: '2024-01-10', position: '副科长', education: '研究生' }), 200, srv);
	assert.equal(p.phone, phone);
	assert.equal(p.status, 'full');
	assert.equal(p.full_on, '2024-01-10');
	assert.equal(p.position, '副科长');
	assert.equal(p.education, '研究生');
	assert.equal(p.name, m.name);
	assert.equal(p.id_number, m.id_number);
	assert.deepEqual(expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv), p);

	expectError(await admin.patch(`/api/members/${m.id}`, { phone: '12345' }), 422, 'invalid_field', 'phone', srv);
	expectError(await admin.patch(`/api/members/${m.id}`, { id_number: withWrongCheck(m.id_number) }), 422, 'invalid_field', 'id_number', srv);
	expectError(await admin.patch(`/api/members/${m.id}`, { gender: 'female' }), 422, 'invalid_field', ['gender', 'id_number'], srv);
	expectError(await admin.patch(`/api/members/${m.id}`, { status: 'x' }), 422, 'invalid_field', 'status', srv);
	assert.deepEqual(expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv), p, 'refused PATCHes change nothing');

	const newId = makeIdNumber({ gender: 'female' });
	const p2 = expectStatus(await admin.patch(`/api/members/${m.id}`, { id_number: newId, gender: 'female' }), 200, srv);
	assert.equal(p2.id_number, newId);
	assert.equal(p2.gender, 'female');
	assert.equal(p2.birth_date, birthDateOf(newId));

	expectError(await admin.patch('/api/members/987654321', { position: '无' }), 404, 'not_found', undefined, srv);
	assert.deepEqual(expectStatus(await admin.del(`/api/members/${m.id}`), 200, srv), { ok: true });
	expectError(await admin.get(`/api/members/${m.id}`), 404, 'not_found', undefined, srv);
	expectError(await admin.del(`/api/members/${m.id}`), 404, 'not_found', undefined, srv);
	// The ID number is free again.
	const again = await createMember(admin, { org_id: b2.id, gender: 'female', id_number: newId }, srv);
	assert.equal(again.id_number, newId);
});

test('a transfer moves the member to the new org and is kept in its history', async () => {
	const m = await createMember(admin, { org_id: b1.id }, srv);
	const t1 = expectStatus(await admin.post(`/api/members/${m.id}/transfer`, { to_org_id: b2.id, reason: '工作调动' }), 200, srv);
	assert.equal(t1.id, m.id);
	assert.equal(t1.org_id, b2.id);
	assert.equal(t1.org_name, b2.name);
	assert.equal(expectStatus(await admin.get(`/api/members/${m.id}`), 200, srv).org_id, b2.id);
	const t2 = expectStatus(await admin.post(`/api/members/${m.id}/transfer`, { to_org_id: dist2.id, reason: '跨区调动' }), 200, srv);
	assert.equal(t2.org_id, dist2.id);

	const h = expectStatus(await admin.get(`/api/members/${m.id}/transfers`), 200, srv);
	assert.ok(Array.isArray(h.items));
	assert.equal(h.items.length, 2);
	const first = h.items.find((x) => x.reason === '工作调动');
	const second = h.items.find((x) => x.reason === '跨区调动');
	assert.ok(first && second, JSON.stringify(h.items));
	assert.equal(first.from_org_id, b1.id);
	assert.equal(first.to_org_id, b2.id);
	assert.equal(second.from_org_id, b2.id);
	assert.equal(second.to_org_id, dist2.id);
	for (const x of h.items) assert.match(x.at, ISO_TIME_0800);

	// Member lists follow.
	const inB1 = await listAll(admin, `/api/members?org=${b1.id}`, srv);
	assert.ok(!inB1.some((x) => x.id === m.id));
	const inD2 = await listAll(admin, `/api/members?org=${dist2.id}`, srv);
	assert.ok(inD2.some((x) => x.id === m.id));

	const bad = await admin.post(`/api/members/${m.id}/transfer`, { to_org_id: 987654321, reason: '不存在' });
	assert.ok([404, 422].includes(bad.status), `${bad.status} ${bad.text}`);
	expectError(await admin.post('/api/members/987654321/transfer', { to_org_id: b1.id, reason: '无此人' }), 404, 'not_found', undefined, srv);
	expectError(await admin.post(`/api/members/${m.id}/transfer`, { reason: '缺少目标' }), 422, 'invalid_field', 'to_org_id', srv);
	assert.equal(expectStatus(await admin.get(`/api/members/${m.id}/transfers`), 200, srv).items.length, 2);
});

test('concurrent creates with the same ID number: exactly one wins, the others get 409', async () => {
	const id = makeIdNumber({ gender: 'female' });
	const results = await Promise.all(Array.from({ length: 8 }, () =>
		admin.post('/api/members', valid({ gender: 'female', id_number: id }))));
	const created = results.filter((r) => r.status === 201);
	assert.equal(created.length, 1, results.map((r) => `${r.status} ${r.text.slice(0, 120)}`).join('\n'));
	for (const r of results.filter((x) => x.status !== 201)) expectError(r, 409, 'id_number_taken', undefined, srv);
	const all = await listAll(admin, '/api/members', srv);
	assert.equal(all.filter((m) => m.id_number === id).length, 1);
});

test('the member list sorts by name and by joining date, and refuses an unknown sort', async () => {
	const p = await createOrg(admin, { name: uniq('排序支部'), parent_id: dist.id }, srv);
	const names = ['丙', '甲', '乙'].map((x) => `${x}${uniq('')}`);
	const dates = ['2015-07-01', '2005-07-01', '2010-07-01'];
	for (let i = 0; i < 3; i++) await createMember(admin, { org_id: p.id, name: names[i], joined_on: dates[i] }, srv);
	const byJoined = expectList(await admin.get(`/api/members?org=${p.id}&sort=joined_on`), srv);
	assert.deepEqual(byJoined.items.map((m) => m.joined_on), ['2005-07-01', '2010-07-01', '2015-07-01']);
	const byJoinedDesc = expectList(await admin.get(`/api/members?org=${p.id}&sort=-joined_on`), srv);
	assert.deepEqual(byJoinedDesc.items.map((m) => m.joined_on), ['2015-07-01', '2010-07-01', '2005-07-01']);
	const byName = expectList(await admin.get(`/api/members?org=${p.id}&sort=name`), srv);
	assert.deepEqual(byName.items.map((m) => m.name), names.slice().sort());
	expectError(await admin.get(`/api/members?org=${p.id}&sort=age`), 422, 'invalid_field', 'sort', srv);
});
