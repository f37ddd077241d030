// Duty lists (三级五岗): items per organization, year, level and
// post, copied from year to year without touching the year before; the
// people on the posts; evidence linked to an item (tasks, meetings, free
// records) within the post's subtree; the duty report (述职材料) as JSON,
// as a printable page (escaped) and as a Word document; scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, clientsFor } from './fixtures.mjs';
import {
	expectStatus, expectError, expectList, createMember, createUserAndLogin, uniq, CHINESE,
} from './harness.mjs';

let srv;
let admin;
let city, dist, dist2, unit, b1, b2, c1;
let comCity, com, com2, sec1, sec2;
let m1, m2, m3, mOther;
let dutyA, dutyB, dutyOrgan;
let as1;

const Y = 2024;
const NASTY = '<script>alert("x")</script> & \'引号\'';

before(async () => {
	const est = '2000-01-01';
	({ srv, admin, city, dist, dist2, unit, b1, b2, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', unit: { parent: 'dist', name: '区财政局机关党委' },
		b1: { parent: 'unit', established_on: est }, b2: { parent: 'unit', established_on: est }, c1: 'dist2',
	}));
	({ comCity, com, com2, sec1, sec2 } = await clientsFor(admin, srv, {
		comCity: ['committee', city], com: ['committee', dist], com2: ['committee', dist2],
		sec1: ['secretary', b1], sec2: ['secretary', b2],
	}));
	m1 = await createMember(admin, { org_id: b1.id, name: '张三' }, srv);
	m2 = await createMember(admin, { org_id: b1.id }, srv);
	m3 = await createMember(admin, { org_id: b1.id }, srv);
	mOther = await createMember(admin, { org_id: c1.id }, srv);
});
after(async () => { await srv?.stop(); });

async function duty(client, fields) {
	return expectStatus(await client.post('/api/duties', {
		org_id: city.id, year: Y, level: 'branch', post: 'branch_secretary', title: uniq('职责'), ...fields,
	}), 201, srv);
}

test('the committee sets duty items per level and post; seq follows; input is validated', async () => {
	dutyA = await duty(comCity, { title: '抓好“三会一课”', content: '按期召开支部党员大会、支委会' });
	dutyB = await duty(comCity, { title: '发展党员' });
	dutyOrgan = await duty(comCity, { level: 'organ_committee', post: 'organ_secretary', title: '履行第一责任人职责' });
	assert.equal(dutyA.org_id, city.id);
	assert.equal(dutyA.level, 'branch');
	assert.match(dutyA.level_title, CHINESE);
	assert.equal(dutyA.post_title, '支部书记');
	assert.equal(dutyA.seq, 1);
	assert.equal(dutyB.seq, 2);
	assert.equal(dutyOrgan.seq, 1);
	assert.equal(dutyA.source_id, null);
	const list = expectList(await comCity.get(`/api/duties?org=${city.id}&year=${Y}&level=branch`), srv);
	assert.deepEqual(list.items.map((d) => d.id), [dutyA.id, dutyB.id]);
	assert.equal(list.total, 2);
	expectError(await comCity.post('/api/duties', { org_id: city.id, year: Y, level: 'group', post: 'branch_secretary', title: 'x' }),
		422, 'invalid_field', 'level', srv);
	expectError(await comCity.post('/api/duties', { org_id: city.id, year: Y, level: 'branch', post: 'organ_secretary', title: 'x' }),
		422, 'invalid_field', 'post', srv);
	expectError(await comCity.post('/api/duties', { org_id: city.id, year: Y, level: 'branch', post: 'branch_secretary', title: ' ' }),
		422, 'invalid_field', 'title', srv);
	expectError(await comCity.post('/api/duties', { org_id: city.id, year: Y, level: 'branch', post: 'branch_secretary', title: 'x', color: 1 }),
		422, 'unknown_field', 'color', srv);
	expectError(await comCity.get(`/api/duties?year=${Y}`), 422, 'invalid_field', 'org', srv);
});

test('a year is copied from the year before; editing it leaves the year before as it was', async () => {
	const res = await comCity.post('/api/duties/copy', { org_id: city.id, from_year: Y, to_year: Y + 1 });
	const body = expectStatus(res, 201, srv);
	assert.equal(body.copied, 3);
	assert.equal(body.items.length, 3);
	assert.ok(body.items.every((d) => d.year === Y + 1));
	const copyA = body.items.find((d) => d.source_id === dutyA.id);
	assert.ok(copyA);
	assert.equal(copyA.title, dutyA.title);
	const patched = expectStatus(await comCity.patch(`/api/duties/${copyA.id}`, { title: '抓好“三会一课”（修订）', seq: 5 }), 200, srv);
	assert.equal(patched.title, '抓好“三会一课”（修订）');
	assert.equal(patched.seq, 5);
	const old = expectStatus(await comCity.get(`/api/duties/${dutyA.id}`), 200, srv);
	assert.equal(old.title, '抓好“三会一课”');
	assert.equal(old.seq, 1);
	expectError(await comCity.post('/api/duties/copy', { org_id: city.id, from_year: Y, to_year: Y + 1 }), 409, 'exists', 'to_year', srv);
	expectError(await comCity.post('/api/duties/copy', { org_id: city.id, from_year: 2001, to_year: 2002 }), 422, 'invalid_field', 'from_year', srv);
	expectError(await comCity.post('/api/duties/copy', { org_id: city.id, from_year: Y, to_year: Y }), 422, 'invalid_field', 'to_year', srv);
	const next = expectList(await comCity.get(`/api/duties?org=${city.id}&year=${Y + 1}`), srv);
	assert.equal(next.total, 3);
	const cur = expectList(await comCity.get(`/api/duties?org=${city.id}&year=${Y}`), srv);
	assert.equal(cur.total, 3);
	expectStatus(await comCity.del(`/api/duties/${copyA.id}`), 200, srv);
	expectError(await comCity.get(`/api/duties/${copyA.id}`), 404, 'not_found', undefined, srv);
});

test('scope of duty items: reads out of scope are 404, writes 403; a branch reads the items that apply to it', async () => {
	expectError(await com.post('/api/duties', { org_id: city.id, year: Y, level: 'branch', post: 'branch_secretary', title: 'x' }),
		403, 'forbidden', undefined, srv);
	expectError(await com.get(`/api/duties?org=${city.id}&year=${Y}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/duties/${dutyA.id}`), 404, 'not_found', undefined, srv);
	expectError(await sec1.patch(`/api/duties/${dutyA.id}`, { title: 'x' }), 403, 'forbidden', undefined, srv);
	expectError(await com.post('/api/duties/copy', { org_id: city.id, from_year: Y, to_year: Y + 2 }), 403, 'forbidden', undefined, srv);
	const own = await duty(com, { org_id: dist.id, title: '区级补充职责' });
	const app = expectList(await sec1.get(`/api/duties?org=${b1.id}&year=${Y}&applicable=1`), srv);
	assert.deepEqual(app.items.map((d) => d.id), [dutyA.id, dutyB.id, own.id]);
	const other = expectList(await com2.get(`/api/duties?org=${c1.id}&year=${Y}&applicable=1`), srv);
	assert.deepEqual(other.items.map((d) => d.id), [dutyA.id, dutyB.id]);
	const organ = expectList(await com.get(`/api/duties?org=${unit.id}&year=${Y}&applicable=1`), srv);
	assert.deepEqual(organ.items.map((d) => d.id), [dutyOrgan.id]);
	expectError(await sec2.get(`/api/duties?org=${b1.id}&year=${Y}&applicable=1`), 404, 'not_found', undefined, srv);
	expectStatus(await com.del(`/api/duties/${own.id}`), 200, srv);
});

test('people are assigned to posts by member or user; duplicates 409; post and member are checked', async () => {
	as1 = expectStatus(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: Y, post: 'branch_secretary', member_id: m1.id }), 201, srv);
	assert.equal(as1.org_id, b1.id);
	assert.equal(as1.member_id, m1.id);
	assert.equal(as1.member_name, m1.name);
	assert.equal(as1.post_title, '支部书记');
	assert.equal(as1.level, 'branch');
	expectError(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: Y, post: 'branch_secretary', member_id: m1.id }),
		409, 'exists', undefined, srv);
	expectError(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: Y, post: 'organ_secretary', member_id: m2.id }),
		422, 'invalid_field', 'post', srv);
	expectError(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: Y, post: 'publicity_officer', member_id: mOther.id }),
		422, 'invalid_field', 'member_id', srv);
	expectError(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: Y, post: 'publicity_officer' }),
		422, 'invalid_field', 'member_id', srv);
	expectError(await sec2.post('/api/duty-assignments', { org_id: b1.id, year: Y, post: 'publicity_officer', member_id: m2.id }),
		403, 'forbidden', undefined, srv);
	const { user } = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: b1.id }], member_id: m2.id });
	const byUser = expectStatus(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: Y, post: 'publicity_officer', user_id: user.id }), 201, srv);
	assert.equal(byUser.member_id, m2.id);
	// the organ committee secretary is a member of a branch below it
	expectStatus(await com.post('/api/duty-assignments', { org_id: unit.id, year: Y, post: 'organ_secretary', member_id: m3.id }), 201, srv);
	const list = expectList(await sec1.get(`/api/duty-assignments?org=${b1.id}&year=${Y}`), srv);
	assert.deepEqual(list.items.map((a) => a.member_id).sort(), [m1.id, m2.id].sort());
	const sub = expectList(await com.get(`/api/duty-assignments?org=${unit.id}&subtree=1&year=${Y}`), srv);
	assert.equal(sub.total, 3);
	expectError(await sec2.get(`/api/duty-assignments?org=${b1.id}&year=${Y}`), 404, 'not_found', undefined, srv);
	expectError(await sec2.del(`/api/duty-assignments/${byUser.id}`), 403, 'forbidden', undefined, srv);
	expectStatus(await sec1.del(`/api/duty-assignments/${byUser.id}`), 200, srv);
});

let taskB1, meetingB1;

test('evidence links tasks, meetings and records of the post\'s subtree; other subtrees cannot be linked', async () => {
	taskB1 = expectStatus(await sec1.post('/api/tasks', {
		org_id: b1.id, title: uniq('主题党日活动'), start_on: `${Y}-01-01`, due_on: `${Y}-12-31`,
	}), 201, srv);
	meetingB1 = expectStatus(await sec1.post('/api/meetings', {
		org_id: b1.id, kind: 'branch_committee', held_at: `${Y}-08-15T14:30:00+08:00`, topic: uniq('支委会'),
		first_topic: { title: '学习重要讲话精神', source: '人民日报', speech_date: `${Y}-08-01` },
	}), 201, srv);
	const taskC1 = expectStatus(await com2.post('/api/tasks', {
		org_id: c1.id, title: uniq('乙区任务'), start_on: `${Y}-01-01`, due_on: `${Y}-12-31`,
	}), 201, srv);
	const url = `/api/duties/${dutyA.id}/evidence`;
	const t = expectStatus(await sec1.post(url, { assignment_id: as1.id, kind: 'task', ref_id: taskB1.id, on: `${Y}-06-30`, note: '组织开展' }), 201, srv);
	assert.equal(t.title, taskB1.title);
	assert.equal(t.on, `${Y}-06-30`);
	assert.equal(t.ref_id, taskB1.id);
	const m = expectStatus(await sec1.post(url, { assignment_id: as1.id, kind: 'meeting', ref_id: meetingB1.id }), 201, srv);
	assert.equal(m.on, `${Y}-08-15`);
	assert.equal(m.title, meetingB1.topic);
	const rec = expectStatus(await sec1.post(url, { assignment_id: as1.id, kind: 'record', on: `${Y}-03-01`, note: NASTY }), 201, srv);
	assert.equal(rec.title, NASTY);
	assert.equal(rec.kind_title, '履职记录');
	expectError(await sec1.post(url, { assignment_id: as1.id, kind: 'task', ref_id: taskB1.id, on: `${Y}-07-01` }), 409, 'exists', undefined, srv);
	expectError(await sec1.post(url, { assignment_id: as1.id, kind: 'task', ref_id: taskC1.id, on: `${Y}-06-30` }), 422, 'invalid_field', 'ref_id', srv);
	expectError(await sec1.post(url, { assignment_id: as1.id, kind: 'meeting', ref_id: 999999 }), 422, 'invalid_field', 'ref_id', srv);
	expectError(await sec1.post(url, { assignment_id: as1.id, kind: 'task' }), 422, 'invalid_field', 'ref_id', srv);
	expectError(await sec1.post(url, { assignment_id: as1.id, kind: 'record', note: '无日期' }), 422, 'invalid_field', 'on', srv);
	expectError(await sec1.post(url, { assignment_id: as1.id, kind: 'record', note: '跨年', on: `${Y + 1}-01-02` }), 422, 'invalid_field', 'on', srv);
	expectError(await sec1.post(url, { assignment_id: as1.id, kind: 'file', note: 'x', on: `${Y}-01-02` }), 422, 'invalid_field', 'kind', srv);
	expectError(await sec1.post(`/api/duties/${dutyOrgan.id}/evidence`, { assignment_id: as1.id, kind: 'record', note: 'x', on: `${Y}-05-01` }),
		422, 'invalid_field', 'assignment_id', srv);
	expectError(await sec2.post(url, { assignment_id: as1.id, kind: 'record', note: 'x', on: `${Y}-05-01` }), 403, 'forbidden', undefined, srv);
	expectError(await com2.post(url, { assignment_id: as1.id, kind: 'task', ref_id: taskC1.id, on: `${Y}-06-30` }), 403, 'forbidden', undefined, srv);
	expectError(await sec1.post('/api/duties/999999/evidence', { assignment_id: as1.id, kind: 'record', note: 'x', on: `${Y}-05-01` }),
		404, 'not_found', undefined, srv);
	const list = expectList(await sec1.get(`${url}?assignment_id=${as1.id}`), srv);
	assert.deepEqual(list.items.map((e) => e.on), [`${Y}-03-01`, `${Y}-06-30`, `${Y}-08-15`]);
	expectError(await sec2.get(`${url}?assignment_id=${as1.id}`), 404, 'not_found', undefined, srv);
	expectError(await comCity.del(`/api/duties/${dutyA.id}`), 409, 'has_evidence', undefined, srv);
	const extra = expectStatus(await sec1.post(`/api/duties/${dutyB.id}/evidence`, { assignment_id: as1.id, kind: 'record', note: '临时', on: `${Y}-02-01` }), 201, srv);
	expectError(await sec2.del(`/api/duties/${dutyB.id}/evidence/${extra.id}`), 403, 'forbidden', undefined, srv);
	expectError(await sec1.del(`/api/duties/${dutyA.id}/evidence/${extra.id}`), 404, 'not_found', undefined, srv);
	expectStatus(await sec1.del(`/api/duties/${dutyB.id}/evidence/${extra.id}`), 200, srv);
});

test('the duty report lists what was done against each duty, with dates', async () => {
	const rep = expectStatus(await sec1.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}`), 200, srv);
	assert.equal(rep.member.id, m1.id);
	assert.equal(rep.member.name, m1.name);
	assert.equal(rep.member.org_name, b1.name);
	assert.equal(rep.year, Y);
	assert.equal(rep.posts.length, 1);
	const p = rep.posts[0];
	assert.equal(p.post, 'branch_secretary');
	assert.equal(p.org_id, b1.id);
	assert.equal(p.items_total, 2);
	assert.equal(p.items_with_evidence, 1);
	assert.deepEqual(p.items.map((d) => d.id), [dutyA.id, dutyB.id]);
	const a = p.items[0];
	assert.equal(a.done, true);
	assert.deepEqual(a.evidence.map((e) => [e.on, e.kind]),
		[[`${Y}-03-01`, 'record'], [`${Y}-06-30`, 'task'], [`${Y}-08-15`, 'meeting']]);
	assert.equal(p.items[1].done, false);
	assert.deepEqual(p.items[1].evidence, []);
	// the committee above reads it; other subtrees get 404
	expectStatus(await comCity.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}`), 200, srv);
	expectError(await sec2.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}`), 404, 'not_found', undefined, srv);
	expectError(await com2.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}&format=html`), 404, 'not_found', undefined, srv);
	expectError(await sec1.get(`/api/duty-reports?member_id=${m1.id}`), 422, 'invalid_field', 'year', srv);
	expectError(await sec1.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}&format=pdf`), 422, 'invalid_field', 'format', srv);
	// a year without posts is an empty report
	const empty = expectStatus(await sec1.get(`/api/duty-reports?member_id=${m1.id}&year=${Y - 1}`), 200, srv);
	assert.deepEqual(empty.posts, []);
	// a branch secretary does not see the post above its scope
	const organ = expectStatus(await com.get(`/api/duty-reports?member_id=${m3.id}&year=${Y}`), 200, srv);
	assert.equal(organ.posts.length, 1);
	assert.equal(organ.posts[0].post, 'organ_secretary');
	const hidden = expectStatus(await sec1.get(`/api/duty-reports?member_id=${m3.id}&year=${Y}`), 200, srv);
	assert.deepEqual(hidden.posts, []);
	// the member reads its own report
	const { client: self } = await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: b1.id }], member_id: m1.id });
	const own = expectStatus(await self.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}`), 200, srv);
	assert.equal(own.posts.length, 1);
	expectError(await self.get(`/api/duty-reports?member_id=${m2.id}&year=${Y}`), 404, 'not_found', undefined, srv);
});

test('the printable page escapes everything it shows', async () => {
	const res = await sec1.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}&format=html`);
	assert.equal(res.status, 200);
	assert.match(res.headers['content-type'], /^text\/html; charset=utf-8/);
	const html = res.text;
	assert.ok(html.startsWith('<!DOCTYPE html>'));
	assert.ok(!html.includes('<script'), 'no script tag');
	assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;引号&#39;'));
	assert.ok(html.includes('张三'), 'the member (names follow the name rule: no markup)');
	assert.ok(html.includes('size: A4'));
	assert.match(html, /仿宋/);
	assert.match(html, /宋体/);
	assert.ok(html.includes(`${Y}年度履职情况报告`));
	assert.ok(html.includes('支部书记'));
	assert.ok(html.includes(b1.name));
	assert.ok(html.includes(taskB1.title));
	assert.ok(html.includes(`${Y}-08-15`));
	assert.ok(html.includes('暂无履职记录'));
	assert.ok(html.includes('述职人（签名）'));
});

test('the Word document is an attachment in the Word namespace with a UTF-8 file name', async () => {
	const res = await sec1.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}&format=doc`);
	assert.equal(res.status, 200);
	assert.equal(res.headers['content-type'], 'application/msword');
	const cd = res.headers['content-disposition'];
	assert.match(cd, /^attachment; /);
	assert.ok(cd.includes(`filename="duty-report-${m1.id}-${Y}.doc"`));
	const enc = cd.match(/filename\*=UTF-8''([^;]+)/);
	assert.ok(enc, cd);
	assert.equal(decodeURIComponent(enc[1]), `${m1.name}${Y}年度述职材料.doc`);
	assert.ok(res.text.includes('xmlns:w="urn:schemas-microsoft-com:office:word"'));
	assert.ok(res.text.includes('&lt;script&gt;'));
	assert.ok(!res.text.includes('<script'));
	// not cached as JSON: asking again gives the same document
	const again = await sec1.get(`/api/duty-reports?member_id=${m1.id}&year=${Y}&format=doc`);
	assert.equal(again.headers['content-type'], 'application/msword');
});

test('writes are audited', async () => {
	const res = expectList(await admin.get(`/api/audit?entity=duty_evidence`), srv);
	assert.ok(res.items.some((e) => e.action === 'create'));
	const dl = expectList(await admin.get(`/api/audit?entity=duty`), srv);
	assert.ok(dl.items.some((e) => e.action === 'copy'));
});
