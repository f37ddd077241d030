// The yearly attendance register of a branch (出席登记簿): members x meetings
// grouped by kind with the paper register's marks, as JSON and as a real
// .xlsx (opened here: sheet XML, shared strings, merges, page setup).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	expectStatus, expectError, createMember, uniq, thisYear,
} from './harness.mjs';
import { startWithTree, clientsFor } from './fixtures.mjs';
import { readZip, xlsxCells as cells } from './zip.mjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let srv;
let admin;
let b1;
let g1;
let sec1;
let sec2;
const members = []; // of b1: three in b1, one in its group g1
const meetings = {}; // name -> meeting

before(async () => {
	let b2;
	({ srv, admin, b1, b2, g1 } = await startWithTree({
		b1: { parent: 'city', name: '机关第一党支部' }, b2: 'city', g1: 'b1',
	}, { level: 'city', established_on: '2010-01-01' }));
	for (let i = 0; i < 3; i++) members.push(await createMember(admin, { org_id: b1.id }, srv));
	members.push(await createMember(admin, { org_id: g1.id }, srv));
	({ sec1, sec2 } = await clientsFor(admin, srv, { sec1: ['secretary', b1], sec2: ['secretary', b2] }));
	const add = async (key, fields) => {
		meetings[key] = expectStatus(await sec1.post('/api/meetings', {
			org_id: b1.id, topic: uniq(key), first_topic: { title: '学习重要讲话精神' }, ...fields,
		}), 201, srv);
	};
	await add('committee_aug', { kind: 'branch_committee', held_at: '2024-08-15T14:30:00+08:00' });
	await add('committee_jan', { kind: 'branch_committee', held_at: '2024-01-10T14:30:00+08:00' });
	await add('congress', { kind: 'branch_congress', held_at: '2024-03-20T09:00:00+08:00' });
	await add('group', { org_id: g1.id, kind: 'group_meeting', held_at: '2024-05-06T09:00:00+08:00', first_topic: null });
	await add('other_year', { kind: 'branch_committee', held_at: '2023-12-31T09:00:00+08:00' });
	const put = async (key, items) => expectStatus(await sec1.request('PUT', `/api/meetings/${meetings[key].id}/attendance`,
		{ items: items.map(([m, status]) => ({ member_id: members[m].id, status })) }), 200, srv);
	await put('committee_jan', [[0, 'present'], [1, 'late'], [2, 'sick_leave']]);
	await put('committee_aug', [[0, 'official_leave'], [1, 'personal_leave'], [2, 'absent'], [3, 'present']]);
	await put('congress', [[0, 'present'], [1, 'present'], [2, 'present'], [3, 'absent']]);
	await put('group', [[3, 'present']]);
	await put('other_year', [[0, 'absent']]);
});
after(async () => { await srv?.stop(); });

test('the register groups the year\'s meetings by kind and marks every member', async () => {
	const r = expectStatus(await sec1.get(`/api/attendance/register?org=${b1.id}&year=2024`), 200, srv);
	assert.equal(r.org_id, b1.id);
	assert.equal(r.org_name, b1.name);
	assert.equal(r.year, 2024);
	assert.deepEqual(r.legend.map((l) => l.mark), ['√', '#', '○', '★', '△', '×']);
	assert.deepEqual(r.legend.map((l) => l.title), ['出席', '迟到', '病假', '公假', '事假', '缺席']);
	assert.deepEqual(r.groups.map((g) => [g.kind, g.kind_name, g.first, g.count]), [
		['branch_congress', '党员大会', 0, 1],
		['branch_committee', '支委会', 1, 2],
		['group_meeting', '党小组会', 3, 1],
	]);
	assert.deepEqual(r.meetings.map((m) => m.id), [meetings.congress.id, meetings.committee_jan.id,
		meetings.committee_aug.id, meetings.group.id]);
	assert.equal(r.meetings[3].org_name, g1.name);
	assert.deepEqual(r.members.map((m) => m.member_id), members.map((m) => m.id));
	const marks = Object.fromEntries(r.members.map((m) => [m.member_id, m.marks]));
	assert.deepEqual(marks[members[0].id], ['√', '√', '★', null]);
	assert.deepEqual(marks[members[1].id], ['√', '#', '△', null]);
	assert.deepEqual(marks[members[2].id], ['√', '○', '×', null]);
	assert.deepEqual(marks[members[3].id], ['×', null, '√', '√']);
	assert.deepEqual(r.members[3].counts, { present: 2, late: 0, sick_leave: 0, official_leave: 0, personal_leave: 0, absent: 1 });
	assert.deepEqual(r.totals, { present: 6, late: 1, sick_leave: 1, official_leave: 1, personal_leave: 1, absent: 2 });
	// another year: only the meeting of 2023
	const y = expectStatus(await sec1.get(`/api/attendance/register?org=${b1.id}&year=2023`), 200, srv);
	assert.deepEqual(y.meetings.map((m) => m.id), [meetings.other_year.id]);
	// the group alone
	const g = expectStatus(await sec1.get(`/api/attendance/register?org=${g1.id}&year=2024`), 200, srv);
	assert.deepEqual(g.meetings.map((m) => m.id), [meetings.group.id]);
	assert.deepEqual(g.members.map((m) => [m.member_id, m.marks]), [[members[3].id, ['√']]]);
});

test('the register is scoped and its parameters are checked', async () => {
	expectError(await sec2.get(`/api/attendance/register?org=${b1.id}&year=2024`), 404, 'not_found', 'org', srv);
	expectError(await sec2.get(`/api/attendance/register.xlsx?org=${b1.id}&year=2024`), 404, 'not_found', 'org', srv);
	expectError(await sec1.get(`/api/attendance/register?org=${b1.id}&year=1800`), 422, 'invalid_field', 'year', srv);
	expectError(await sec1.get(`/api/attendance/register?org=${b1.id}&year=abc`), 422, 'invalid_field', 'year', srv);
	expectError(await sec1.get(`/api/attendance/register?org=abc&year=2024`), 422, 'invalid_field', 'org', srv);
	expectError(await srv.client().get(`/api/attendance/register?org=${b1.id}`), 401, 'unauthorized', undefined, srv);
	// without org: the caller's own organization; without year: this year
	const r = expectStatus(await sec1.get('/api/attendance/register'), 200, srv);
	assert.equal(r.org_id, b1.id);
	assert.equal(r.year, thisYear());
});

test('the register as Excel: the paper grid with merged headers, marks and legend, A4 landscape in 宋体', async () => {
	const res = await sec1.get(`/api/attendance/register.xlsx?org=${b1.id}&year=2024`);
	assert.equal(res.status, 200, res.text.slice(0, 300));
	assert.equal(res.headers['content-type'], XLSX);
	const cd = res.headers['content-disposition'];
	assert.match(cd, /^attachment; filename=".*2024.*\.xlsx"; filename\*=UTF-8''/);
	assert.ok(cd.includes(encodeURIComponent(`${b1.name}2024年度出席登记簿.xlsx`)), cd);
	assert.equal(res.raw.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
	const zip = readZip(res.raw);
	const { xml, out } = cells(zip);
	assert.match(out.A1, new RegExp(`${b1.name} 2024 年度党员出席会议登记簿`));
	assert.equal(out.A3, '序号');
	assert.equal(out.B3, '姓名');
	assert.equal(out.D3, '党员大会');
	assert.equal(out.E3, '支委会');
	assert.equal(out.G3, '党小组会');
	assert.deepEqual([out.D4, out.E4, out.F4, out.G4], ['03-20', '01-10', '08-15', '05-06']);
	assert.equal(out.H3, '出勤统计（次）');
	assert.equal(out.H4, '√\n出席');
	assert.equal(out.M4, '×\n缺席');
	// members in rows 5..8 with their marks and counts
	assert.deepEqual([out.A5, out.B5, out.C5], [1, members[0].name, b1.name]);
	assert.deepEqual([out.D5, out.E5, out.F5, out.G5], ['√', '√', '★', '']);
	assert.deepEqual([out.B6, out.E6, out.F6], [members[1].name, '#', '△']);
	assert.deepEqual([out.B7, out.E7, out.F7], [members[2].name, '○', '×']);
	assert.deepEqual([out.B8, out.C8, out.D8, out.F8, out.G8], [members[3].name, g1.name, '×', '√', '√']);
	assert.deepEqual([out.H8, out.M8], [2, 1]);
	assert.match(out.A10, /说明：√ 出席.*× 缺席/);
	// merged title, kind header over its meetings, fixed headers over two rows
	for (const ref of ['A1:M1', 'E3:F3', 'A3:A4', 'B3:B4', 'H3:M3', 'A10:M10']) {
		assert.ok(xml.includes(`<mergeCell ref="${ref}"/>`), `merge ${ref}`);
	}
	assert.match(xml, /<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"/);
	assert.match(xml, /<pageSetUpPr fitToPage="1"\/>/);
	assert.match(zip.get('xl/styles.xml').toString('utf8'), /<name val="宋体"\/>/);
	assert.match(zip.get('xl/workbook.xml').toString('utf8'), /_xlnm.Print_Titles/);
});
