// GET /api/catalog: the server's code lists with their Chinese labels, one
// answer for the whole web UI. Checks the shape, a few labels people know,
// that it needs a login (any role will do), and that the lists are the ones
// the API itself accepts: every org kind and level listed is accepted, a
// code not listed is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	CHINESE, expectStatus, expectError, createOrg, createMember, createUserAndLogin, uniq,
} from './harness.mjs';
import { startWithAdmin } from './fixtures.mjs';

let srv;
let admin;
let root;
let catalog;

before(async () => {
	({ srv, admin } = await startWithAdmin());
	root = await createOrg(admin, { name: uniq('中共市气象局党组'), kind: 'party_committee', parent_id: null }, srv);
	catalog = expectStatus(await admin.get('/api/catalog'), 200, srv);
});
after(async () => { await srv?.stop(); });

const byCode = (list) => Object.fromEntries(list.map((x) => [x.code, x.label]));

test('the catalog needs a login', async () => {
	expectError(await srv.client().get('/api/catalog'), 401, 'unauthorized', undefined, srv);
});

test('any signed-in role reads the same catalog, a wall display too', async () => {
	const { client } = await createUserAndLogin(admin, srv, { roles: [{ role: 'screen', org_id: root.id }] });
	assert.deepEqual(expectStatus(await client.get('/api/catalog'), 200, srv), catalog);
});

test('every catalogue is an ordered list of unique codes with Chinese labels', () => {
	const names = Object.keys(catalog);
	for (const n of ['roles', 'org_kinds', 'org_levels', 'member_statuses', 'genders', 'meeting_kinds',
		'attendance_statuses', 'compliance_statuses', 'task_statuses', 'milestone_statuses', 'duty_levels',
		'duty_posts', 'claim_statuses', 'ledger_sources', 'point_categories', 'audit_actions', 'audit_entities']) {
		assert.ok(names.includes(n), `catalogue ${n} is served`);
	}
	for (const [name, list] of Object.entries(catalog)) {
		assert.ok(Array.isArray(list) && list.length > 0, `${name} is a non-empty list`);
		for (const x of list) {
			assert.equal(typeof x.code, 'string', `${name}: code`);
			assert.ok(x.code.length > 0, `${name}: code`);
			assert.match(x.label, CHINESE, `${name}.${x.code}: label in Chinese`);
		}
		assert.equal(new Set(list.map((x) => x.code)).size, list.length, `${name}: codes are unique`);
	}
});

test('labels and orders people know', () => {
	assert.equal(byCode(catalog.org_kinds).branch, '党支部');
	assert.equal(byCode(catalog.org_kinds).work_committee, '机关工委');
	assert.deepEqual(catalog.org_kinds.map((x) => x.code), ['work_committee', 'party_committee', 'organ_committee',
		'general_branch', 'branch', 'temp_branch', 'group']);
	assert.equal(byCode(catalog.roles).secretary, '党组织书记');
	assert.equal(byCode(catalog.member_statuses).probationary, '预备党员');
	assert.equal(byCode(catalog.genders).female, '女');
	assert.equal(byCode(catalog.meeting_kinds).branch_congress, '党员大会');
	assert.equal(byCode(catalog.claim_statuses).pending, '待审核');
	assert.equal(byCode(catalog.audit_actions).transfer, '组织关系转接');
	assert.equal(catalog.task_statuses[0].code, 'red', 'most urgent first');
	assert.equal(byCode(catalog.task_statuses).red, '逾期');
	assert.deepEqual(catalog.attendance_statuses[0], { code: 'present', label: '出席', mark: '√' });
	assert.deepEqual(catalog.point_approvers.map((x) => x.code), ['committee', 'secretary']);
});

test('duty levels are the organization kinds with duty lists, each with its posts', () => {
	const levels = catalog.duty_levels.map((x) => x.code);
	assert.deepEqual(levels, catalog.org_kinds.map((x) => x.code).filter((k) => k !== 'group'));
	const posts = new Set(catalog.duty_posts.map((x) => x.code));
	for (const l of catalog.duty_levels) {
		assert.equal(l.label, byCode(catalog.org_kinds)[l.code], `${l.code}: the kind's label`);
		assert.ok(l.posts.length > 0);
		for (const p of l.posts) assert.ok(posts.has(p), `${l.code}: post ${p} is listed`);
	}
	assert.ok(catalog.duty_levels.find((x) => x.code === 'branch').posts.includes('branch_secretary'));
});

test('every org kind and level of the catalog is accepted, and nothing else', async () => {
	for (const { code } of catalog.org_kinds) {
		const extra = code === 'temp_branch'
			? { project: '重点项目', starts_on: '2024-01-01', ends_on: '2024-12-31' } : {};
		const o = await createOrg(admin, { kind: code, parent_id: root.id, ...extra }, srv);
		assert.equal(o.kind, code);
		expectStatus(await admin.get(`/api/orgs?kind=${code}`), 200, srv);
	}
	for (const { code } of catalog.org_levels) {
		const o = await createOrg(admin, { level: code, parent_id: root.id }, srv);
		assert.equal(o.level, code);
	}
	expectError(await admin.post('/api/orgs', { name: uniq('支部'), kind: 'club', level: 'city', parent_id: root.id }),
		422, 'invalid_field', 'kind', srv);
	expectError(await admin.post('/api/orgs', { name: uniq('支部'), kind: 'branch', level: 'province', parent_id: root.id }),
		422, 'invalid_field', 'level', srv);
	expectError(await admin.get('/api/orgs?kind=club'), 422, 'invalid_field', 'kind', srv);
});

test('every member status and gender of the catalog is accepted, and nothing else', async () => {
	for (const { code: status } of catalog.member_statuses) {
		for (const { code: gender } of catalog.genders) {
			const m = await createMember(admin, { org_id: root.id, status, gender,
				...(status === 'probationary' ? {} : { full_on: '2011-07-01' }) }, srv);
			assert.equal(m.status, status);
			assert.equal(m.gender, gender);
		}
		expectStatus(await admin.get(`/api/members?org=${root.id}&status=${status}`), 200, srv);
	}
	expectError(await admin.get(`/api/members?org=${root.id}&status=honorary`), 422, 'invalid_field', 'status', srv);
});
