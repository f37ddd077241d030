// The year's report (年度党建工作报告): GET /api/reports/annual as PDF and
// as Word, for a small city built through the API (organizations, members,
// meetings with and without 第一议题, tasks done on time and not, points,
// a duty list). The PDF is turned into text by poppler's pdftotext and the
// .docx's word/document.xml is read from the zip; both must show the
// figures the JSON boards answer. Also: the attachment's Chinese name,
// scope (another branch's organization is refused like every board),
// roles, and bad year or format (422 naming the field).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	expectStatus, expectError, createUserAndLogin, uniq, todayShanghai, dayFromToday,
} from './harness.mjs';
import { startWithTree, membersOf, clientsFor, pointRule, award } from './fixtures.mjs';
import { readZip } from './zip.mjs';

let srv, admin, city, dist, dist2, b1, b2, c1;
let com, com2, sec1, memberClient;
let members;
let review;
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));
const FT = { title: '学习习近平总书记重要讲话精神', source: '求是', speech_date: `${YEAR}-01-01` };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-annual-'));

/** pdftotext -layout of a PDF buffer. */
function pdfText(buf) {
	const file = path.join(tmp, `${uniq('r')}.pdf`);
	fs.writeFileSync(file, buf);
	return new Promise((resolve, reject) => {
		execFile('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 24 },
			(err, out) => (err ? reject(err) : resolve(out)));
	});
}

/** Text without blanks, running headers and page numbers: what a reader
 * reads, so that a sentence wrapped across lines or pages is whole. */
function flat(text, header) {
	return text.split('\n')
		.filter((l) => !/^\s*-\s*\d+\s*-\s*$/.test(l) && !(header && l.replace(/\s+/g, '') === header))
		.join('').replace(/\s+/g, '');
}

/** The text runs of a WordprocessingML part, joined. */
function docxText(xml) {
	return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
		.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&').replace(/\s+/g, '');
}

/** A rate as the report writes it: one decimal and "%", or "—". */
const pct = (x) => (x === null ? '—' : `${x.toFixed(1)}%`);

async function meeting(client, org, kind, extra = {}) {
	const body = { org_id: org.id, kind, held_at: `${TODAY}T00:00:00+08:00`, topic: uniq('会议'), ...extra };
	if (kind === 'party_lecture') body.lecturer = '书记';
	if (['branch_congress', 'branch_committee', 'committee_meeting'].includes(kind) && !('first_topic' in body)) {
		body.first_topic = FT;
	}
	return expectStatus(await client.post('/api/meetings', body), 201, srv);
}

async function task(client, org, done) {
	const t = expectStatus(await client.post('/api/tasks', {
		org_id: org.id, title: uniq('重点任务'), start_on: TODAY, due_on: TODAY, milestones: [],
	}), 201, srv);
	if (done) expectStatus(await client.post(`/api/tasks/${t.id}/progress`, { percent: 100 }), 201, srv);
	return t;
}

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: { parent: 'dist', name: '第二党支部<&>' }, c1: 'dist2',
	}));
	members = await membersOf(admin, srv, [b1, b1, b2, c1]);
	({ com, com2, sec1 } = await clientsFor(admin, srv, {
		com: ['committee', dist], com2: ['committee', dist2], sec1: ['secretary', b1],
	}));
	memberClient = (await createUserAndLogin(admin, srv, {
		roles: [{ role: 'member', org_id: b1.id }], member_id: members[0].id,
	})).client;
	// organizational life: a committee meeting of the district with and one
	// without 第一议题; branch meetings
	await meeting(com, dist, 'committee_meeting');
	await meeting(com, dist, 'committee_meeting', { first_topic: null });
	await meeting(sec1, b1, 'branch_committee');
	await meeting(sec1, b1, 'party_lecture');
	await meeting(com, b2, 'branch_congress');
	// tasks: b1 both done on time, b2 one of two done
	await task(com, b1, true);
	await task(com, b1, true);
	await task(com, b2, true);
	await task(com, b2, false);
	// points: two members of b1 and one of b2
	const rule = await pointRule(admin, srv, { points: 7 });
	for (const m of [members[0], members[0], members[1], members[2]]) {
		expectStatus(await award(admin, m, rule), 201, srv);
	}
	// a 述职评议 session of the district, closed, with two presenters
	const judge = await createUserAndLogin(admin, srv, { roles: [{ role: 'judge', org_id: dist.id }] });
	review = expectStatus(await com.post('/api/reviews', {
		title: uniq('年度述职评议'), org_id: dist.id, held_on: TODAY, method: 'mean',
		criteria: [{ name: '成效', max: 100 }],
		presenters: [{ name: '第一党支部书记', org_id: b1.id }, { name: '第二党支部书记', org_id: b2.id }],
	}), 201, srv);
	expectStatus(await com.post(`/api/reviews/${review.id}/judges`, { user_ids: [judge.user.id] }), 200, srv);
	for (const [p, score] of [[review.presenters[0], 88], [review.presenters[1], 76]]) {
		expectStatus(await com.post(`/api/reviews/${review.id}/presenters/${p.id}/open`), 200, srv);
		expectStatus(await judge.client.request('PUT', `/api/reviews/${review.id}/presenters/${p.id}/scores`,
			{ scores: { 成效: score } }), 200, srv);
		expectStatus(await com.post(`/api/reviews/${review.id}/presenters/${p.id}/close`, {}), 200, srv);
	}
	expectStatus(await com.post(`/api/reviews/${review.id}/close`), 200, srv);
	// a published scheme over the district: the index (硬核指数) of the year
	const scheme = expectStatus(await admin.post('/api/schemes', {
		name: '五星创评', year: YEAR, org_id: dist.id, template: 'fortress',
	}), 201, srv);
	expectStatus(await admin.post(`/api/schemes/${scheme.id}/publish`, {}), 200, srv);
	// a star rating of b1: self-assessed, reviewed, its 公示 past, decided
	const star = expectStatus(await sec1.post('/api/star-ratings', { org_id: b1.id, year: YEAR, claimed: 4 }), 201, srv);
	expectStatus(await com.post(`/api/star-ratings/${star.id}/review`, { stars: 4, reason: '创新成效尚需检验' }), 200, srv);
	expectStatus(await com.post('/api/notices', {
		subject: 'star_ratings', org_id: dist.id, year: YEAR, opens_on: dayFromToday(-8), closes_on: dayFromToday(-1),
	}), 201, srv);
	expectStatus(await com.post(`/api/star-ratings/${star.id}/decide`), 200, srv);
	// honors of the year in the registry: one first prize, two second (one
	// provincial), a case; another district's is left out
	const honor = (org, grade, level, category = '调研成果') => admin.post('/api/honors', {
		title: uniq('党建课题'), category, level, grade, year: YEAR, awarded_by: '省直机关工委',
		awarded_on: TODAY, org_id: org.id,
	});
	for (const [o, g, l, cat] of [[b1, '一等奖', '省级'], [b2, '二等奖', '市级'], [dist, '二等奖', '省级'], [b1, '十佳', '市级', '案例'], [c1, '一等奖', '国家级']]) {
		expectStatus(await honor(o, g, l, cat), 201, srv);
	}
	// a duty list of the district
	expectStatus(await com.post('/api/duties', {
		org_id: dist.id, year: YEAR, level: 'branch', post: 'branch_secretary', title: uniq('职责'),
	}), 201, srv);
});

after(async () => {
	await srv?.stop();
	fs.rmSync(tmp, { recursive: true, force: true });
});

/** The figures the JSON boards answer for dist's year. */
async function boards(client) {
	const stats = expectStatus(await client.get(`/api/orgs/${dist.id}/stats`), 200, srv);
	const life = expectStatus(await client.get(`/api/compliance/board?org=${dist.id}&period=${YEAR}`), 200, srv);
	const tasks = expectStatus(await client.get(`/api/tasks/board?org=${dist.id}&year=${YEAR}`), 200, srv);
	const points = expectStatus(await client.get(`/api/leaderboards/members?org=${dist.id}&period=${YEAR}&limit=10`), 200, srv);
	const sum = (k) => tasks.items.reduce((s, i) => s + i[k], 0);
	const results = expectStatus(await client.get(`/api/reviews/${review.id}/results`), 200, srv);
	const stars = expectStatus(await client.get(`/api/star-ratings/summary?org=${dist.id}&year=${YEAR}`), 200, srv);
	const index = expectStatus(await client.get(`/api/assessments?org=${dist.id}&year=${YEAR}&size=200`), 200, srv);
	const honors = expectStatus(await client.get(`/api/honors/summary?org=${dist.id}&year=${YEAR}`), 200, srv);
	return { honors, stats, life: life.totals, results, index, stars, tasks: { tasks: sum('tasks'), done: sum('done'), on_time: sum('on_time'), due: sum('due') }, points };
}

/** Every figure of the boards in the report's text t (blanks removed). */
function checkFigures(t, f) {
	const full = f.stats.members_by_status.full ?? 0;
	assert.ok(t.includes(`${dist.name}共有党组织${f.stats.orgs}个，党员${f.stats.members}名，其中正式党员${full}名`), t);
	assert.equal(f.stats.orgs, 3);
	assert.equal(f.stats.members, 3);
	const l = f.life;
	assert.ok(t.includes(`应开会议${l.required}次，已开${l.held}次，完成率${pct(l.rate)}`), t);
	assert.ok(t.includes(`三会一课应开${l.sanhui_required}次，已开${l.sanhui_held}次，完成率${pct(l.sanhui_rate)}`), t);
	assert.ok(t.includes(`应落实第一议题的会议${l.first_topic_meetings}次，已落实${l.first_topic_recorded}次，第一议题落实率${pct(l.first_topic_rate)}`), t);
	// the district's two committee meetings, b1's branch committee and b2's
	// congress; one committee meeting without 第一议题
	assert.equal(l.first_topic_meetings, 4);
	assert.equal(l.first_topic_recorded, 3);
	assert.ok(t.includes('第一议题落实率75.0%'));
	const k = f.tasks;
	assert.deepEqual([k.tasks, k.done, k.on_time], [4, 3, 3]);
	assert.ok(t.includes(`共部署重点任务${k.tasks}项，已完成${k.done}项，其中按时完成${k.on_time}项；已到期任务${k.due}项`), t);
	const top = f.points.items[0];
	assert.ok(top.points > 0);
	assert.equal(top.member_id, members[0].id);
	assert.ok(t.includes(`第一名为${top.name}（${top.org_name}），积分${top.points}分`), t);
	for (const it of f.points.items.filter((i) => i.points > 0)) assert.ok(t.includes(it.name), `${it.name} in ${t}`);
	assert.ok(t.includes('三级五岗责任清单'));
	assert.ok(t.includes(`本级制定责任清单1项`));
	assert.ok(t.includes('述职评议'));
	assert.ok(t.includes(`共召开述职评议1场，${f.results.items.length}人上台述职`), t);
	for (const x of f.results.items) {
		assert.ok(t.includes(`${review.title}${TODAY}${x.name}${x.total.toFixed(1)}${x.grade_title}${x.rank}/${f.results.items.length}`), t);
	}
	const ix = f.index.items;
	assert.ok(ix.length > 0);
	assert.ok(t.includes(`纳入考核的党组织${ix.length}个，其中一票否决${ix.filter((x) => x.vetoed).length}个`), t);
	for (const x of ix) assert.ok(t.includes(`${x.rank}${x.org_name}${x.score.toFixed(1)}`), `${x.org_name} ${x.score}`);
	const st = f.stars;
	assert.equal(st.orgs, 1);
	assert.ok(t.includes('星级党组织评定'));
	assert.ok(t.includes(`评定星级党组织${st.orgs}个，其中四星级及以上${st.four_plus}个，占${st.four_plus_share.toFixed(1)}%`), t);
	assert.ok(t.includes('四星级1'));
	const h = f.honors;
	assert.equal(h.total, 4);
	assert.equal(h.phrases.grade, '一等奖1个、二等奖2个、十佳1个');
	assert.ok(t.includes(`共取得荣誉与成果${h.total}项：${h.phrases.category}`), t);
	assert.ok(t.includes(`按等次：${h.phrases.grade}`), t);
	assert.ok(t.includes(`按级别：${h.phrases.level}`), t);
	for (const x of h.items.filter((i) => i.level === '省级')) assert.ok(t.includes(x.title), x.title);
	assert.ok(!t.includes(dist2.name) && !t.includes(c1.name), 'nothing of another district');
}

test('the PDF report holds the figures the JSON boards answer', async () => {
	const res = await com.get(`/api/reports/annual?org=${dist.id}&year=${YEAR}&format=pdf`);
	expectStatus(res, 200, srv);
	assert.equal(res.headers['content-type'], 'application/pdf');
	assert.equal(res.raw.subarray(0, 5).toString(), '%PDF-');
	const disp = res.headers['content-disposition'];
	assert.match(disp, /^attachment; /);
	const name = decodeURIComponent(disp.match(/filename\*=UTF-8''(.+)$/)[1]);
	assert.ok(name.startsWith(`${YEAR}年度党建工作报告-`), name);
	assert.ok(name.endsWith('.pdf'));
	const raw = await pdfText(res.raw);
	const header = `${dist.name}${YEAR}年度党建工作报告`;
	const t = flat(raw, header);
	assert.ok(t.includes(`${YEAR}年度党建工作报告`));
	assert.ok(t.includes('一、组织和党员基本情况'));
	assert.ok(t.includes('三会一课完成率（按组织）'), 'the chart is drawn with its title');
	checkFigures(t, await boards(com));
	// the names with XML's special characters come through as written
	assert.ok(t.includes('第二党支部<&>'));
});

test('the Word report (.docx) holds the same figures, its charts as PNG media', async () => {
	const res = await com.get(`/api/reports/annual?org=${dist.id}&year=${YEAR}&format=docx`);
	expectStatus(res, 200, srv);
	assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
	const disp = res.headers['content-disposition'];
	assert.ok(decodeURIComponent(disp.match(/filename\*=UTF-8''(.+)$/)[1]).endsWith('.docx'));
	const zip = readZip(res.raw);
	for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml',
		'word/_rels/document.xml.rels']) assert.ok(zip.has(part), part);
	const xml = zip.get('word/document.xml').toString('utf8');
	assert.ok(xml.includes('第二党支部&lt;&amp;&gt;'), 'user text is escaped');
	const charts = [...zip.keys()].filter((k) => /^word\/media\/chart\d+\.png$/.test(k));
	assert.ok(charts.length >= 2);
	for (const c of charts) assert.equal(zip.get(c).subarray(1, 4).toString(), 'PNG');
	const rels = zip.get('word/_rels/document.xml.rels').toString('utf8');
	for (const c of charts) assert.ok(rels.includes(`Target="${c.slice(5)}"`));
	checkFigures(docxText(xml), await boards(com));
});

test('without org the report covers the caller\'s widest grant; the year defaults to this year', async () => {
	const res = await com.get('/api/reports/annual');
	expectStatus(res, 200, srv);
	const t = flat(await pdfText(res.raw), `${dist.name}${YEAR}年度党建工作报告`);
	assert.ok(t.includes(`${dist.name}${YEAR}年度党建工作报告`));
	const sec = await sec1.get('/api/reports/annual?format=docx');
	expectStatus(sec, 200, srv);
	const x = docxText(readZip(sec.raw).get('word/document.xml').toString('utf8'));
	assert.ok(x.includes(`${b1.name}共有党组织1个，党员2名`), x);
	assert.ok(!x.includes('第二党支部<&>'), 'a branch sees only its own subtree');
});

test('scope: another branch\'s organization is refused like every board; members may not ask', async () => {
	expectError(await com2.get(`/api/reports/annual?org=${dist.id}`), 404, 'not_found', 'org', srv);
	expectError(await com2.get(`/api/compliance/board?org=${dist.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec1.get(`/api/reports/annual?org=${dist.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec1.get(`/api/reports/annual?org=${b2.id}&format=docx`), 404, 'not_found', 'org', srv);
	expectError(await com.get('/api/reports/annual?org=999999'), 404, 'not_found', 'org', srv);
	expectError(await memberClient.get(`/api/reports/annual?org=${b1.id}`), 403, 'forbidden', undefined, srv);
	const whole = await admin.get(`/api/reports/annual?org=${city.id}`);
	expectStatus(whole, 200, srv);
	assert.equal(whole.headers['content-type'], 'application/pdf');
});

test('bad year or format: 422 naming the field', async () => {
	expectError(await com.get('/api/reports/annual?year=abc'), 422, 'invalid_field', 'year', srv);
	expectError(await com.get('/api/reports/annual?year=2026Q1'), 422, 'invalid_field', 'year', srv);
	expectError(await com.get(`/api/reports/annual?year=${YEAR + 1}`), 422, 'invalid_field', 'year', srv);
	expectError(await com.get('/api/reports/annual?format=xls'), 422, 'invalid_field', 'format', srv);
	expectError(await com.get('/api/reports/annual?org=abc'), 422, 'invalid_field', 'org', srv);
});

test('a past year without records leaves its sections out', async () => {
	const res = await com.get(`/api/reports/annual?org=${dist.id}&year=${YEAR - 1}&format=docx`);
	expectStatus(res, 200, srv);
	const t = docxText(readZip(res.raw).get('word/document.xml').toString('utf8'));
	assert.ok(t.includes(`${YEAR - 1}年度党建工作报告`));
	assert.ok(t.includes('一、组织和党员基本情况'));
	assert.ok(!t.includes('重点任务（挂图作战'));
	assert.ok(!t.includes('党员积分和先锋榜'));
	assert.ok(!t.includes('三级五岗责任清单'));
	assert.ok(!t.includes('述职评议'));
	assert.ok(!t.includes('年度考核（硬核指数）'));
	assert.ok(!t.includes('星级党组织评定'));
});
