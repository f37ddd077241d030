// Excel exports of the list pages a committee hands on (members, meetings,
// the compliance board, the 先锋榜 boards, tasks and the 晒绩 board, duty
// lists, the audit log): each `.xlsx` takes the JSON list's own query, so
// it holds the same rows (all pages), is refused with the same 4xx for a
// bad filter or another branch's organization, masks personal data as the
// list does for the caller, names its filters and the day in its title
// rows, has a Chinese header row, and writes formula-looking text as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWithTree, clientsFor, pointRule, award } from './fixtures.mjs';
import {
	expectStatus, createMember, uniq, todayShanghai, maskId, maskPhone,
} from './harness.mjs';
import { sheetOf, dataRows } from './xlsx_sheet.mjs';

let srv, admin, city, dist, dist2, b1, b2, b3;
let committee, committee2, sec1;
const members = [];
const TODAY = todayShanghai();
const YEAR = Number(TODAY.slice(0, 4));
const LAST = YEAR - 1; // a whole past year: its meetings are in the past on any day
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMULAS = ['=HYPERLINK("http://x","点我")', '+1', '-1', '@SUM(A1)'];

before(async () => {
	({ srv, admin, city, dist, dist2, b1, b2, b3 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', b3: 'dist2',
	}, { established_on: '2010-01-01' }));
	for (const org of [b1, b1, b2, b3]) members.push(await createMember(admin, { org_id: org.id }, srv));
	({ committee, committee2, sec1 } = await clientsFor(admin, srv, {
		committee: ['committee', dist], committee2: ['committee', dist2], sec1: ['secretary', b1],
	}));
});
after(async () => { await srv?.stop(); });

/** The export at path: asserts 200, the Excel type and an attachment; its sheet n. */
async function sheet(client, path, n = 1) {
	const res = await client.get(path);
	assert.equal(res.status, 200, `${path}: ${res.status} ${res.text.slice(0, 300)}`);
	assert.equal(res.headers['content-type'], XLSX);
	assert.match(res.headers['content-disposition'], /^attachment;.*filename\*=UTF-8''.*\.xlsx/);
	return sheetOf(res.raw, n);
}

/** The export of a list answers what its JSON list answers: the same status and error. */
async function sameRefusal(client, json, xlsx) {
	const a = await client.get(json);
	const b = await client.get(xlsx);
	assert.ok(a.status >= 400, `${json} should be refused, got ${a.status}`);
	assert.equal(b.status, a.status, `${xlsx}: ${b.text}`);
	assert.deepEqual(b.body, a.body);
}

/** The title rows: a title naming what, and filters with today's date. */
function titled(s, title, ...inSubtitle) {
	assert.equal(s.rows[0][0], title);
	assert.match(s.rows[1][0], new RegExp(`导出日期：${TODAY}$`));
	for (const t of inSubtitle) assert.ok(s.rows[1][0].includes(t), `subtitle ${s.rows[1][0]} names ${t}`);
}

test('members.xlsx: the roster of the list query, all pages, masked as the list masks for the caller', async () => {
	const q = `org=${dist.id}&subtree=1&sort=name`;
	const list = expectStatus(await committee.get(`/api/members?${q}&size=2`), 200, srv);
	assert.equal(list.total, 3);
	const all = expectStatus(await committee.get(`/api/members?${q}&size=200`), 200, srv);
	// page and size of the list are checked but the file holds every page
	const s = await sheet(committee, `/api/members.xlsx?${q}&size=2&page=2`);
	titled(s, `${dist.name}党员名册`, `组织：${dist.name}`, '范围：含下级组织');
	assert.deepEqual(s.rows[2], ['序号', '姓名', '性别', '身份证号码', '出生日期', '手机号码', '所属组织',
		'党员状态', '入党日期', '转正日期', '民族', '学历', '职务']);
	const rows = dataRows(s);
	assert.equal(rows.length, all.total);
	rows.forEach((r, i) => {
		const m = all.items[i];
		assert.deepEqual(r.slice(0, 10), [i + 1, m.name, '男', m.id_number, m.birth_date, m.phone, m.org_name,
			'正式党员', m.joined_on, '']);
	});
	// The committee over the org sees ID numbers in full; a secretary sees them masked, as in its list.
	const mine = members.filter((m) => m.org_id === b1.id);
	assert.ok(rows.some((r) => r[3] === mine[0].id_number));
	const bySec = expectStatus(await sec1.get(`/api/members?org=${b1.id}&sort=name`), 200, srv);
	const secRows = dataRows(await sheet(sec1, `/api/members.xlsx?org=${b1.id}&sort=name`));
	assert.equal(secRows.length, 2);
	secRows.forEach((r, i) => {
		const m = mine.find((x) => x.name === r[1]);
		assert.equal(r[3], maskId(m.id_number));
		assert.equal(r[3], bySec.items[i].id_number);
		assert.equal(r[5], maskPhone(m.phone));
		assert.equal(r[4], m.id_number.slice(6, 10), 'a masked birth date shows the year only');
		assert.ok(!secRows.flat().includes(m.id_number), 'the full number is nowhere in the file');
	});
	// a status filter, and the same refusals as the list
	const prob = dataRows(await sheet(committee, `/api/members.xlsx?${q}&status=probationary`));
	assert.equal(prob.length, 0);
	await sameRefusal(committee, '/api/members?status=bogus', '/api/members.xlsx?status=bogus');
	await sameRefusal(committee, '/api/members?size=500', '/api/members.xlsx?size=500');
	await sameRefusal(sec1, `/api/members?org=${b2.id}`, `/api/members.xlsx?org=${b2.id}`);
	await sameRefusal(committee2, `/api/members?org=${dist.id}`, `/api/members.xlsx?org=${dist.id}`);
	const anon = await srv.client().get('/api/members.xlsx');
	assert.equal(anon.status, 401);
});

test('meetings.xlsx: the meetings of the list query with Chinese kinds; formula-looking text stays text', async () => {
	const topics = [];
	for (const [i, topic] of FORMULAS.entries()) {
		topics.push(topic);
		expectStatus(await sec1.post('/api/meetings', {
			org_id: b1.id, kind: 'branch_committee', held_at: `${LAST}-0${i + 1}-10T09:00:00+08:00`, topic,
			host: '=1+1', first_topic: { title: '@学习', source: '求是', speech_date: `${LAST}-01-01` },
		}), 201, srv);
	}
	expectStatus(await committee.post('/api/meetings', {
		org_id: b2.id, kind: 'theme_day', held_at: `${LAST}-03-20T09:00:00+08:00`, topic: uniq('主题党日'),
	}), 201, srv);
	const q = `org=${dist.id}&subtree=1&period=${LAST}`;
	const all = expectStatus(await committee.get(`/api/meetings?${q}&size=200`), 200, srv);
	assert.equal(all.total, 5);
	const s = await sheet(committee, `/api/meetings.xlsx?${q}`);
	titled(s, `${dist.name}组织生活会议记录`, `期间：${LAST}`);
	assert.deepEqual(s.rows[2], ['序号', '召开日期', '组织', '会议类型', '会议主题', '地点', '主持人', '记录人',
		'授课人', '第一议题', '补开期间', '出席人数']);
	const rows = dataRows(s);
	assert.equal(rows.length, all.total);
	rows.forEach((r, i) => {
		const m = all.items[i];
		assert.deepEqual([r[1], r[2], r[3], r[4]], [m.held_on, m.org_name, m.kind_name, m.topic]);
	});
	assert.ok(rows.some((r) => r[3] === '主题党日'));
	// every formula-looking value is a string cell, and the sheet has no formula at all
	for (const t of [...topics, '=1+1', '@学习']) {
		const found = Object.entries(s.cells).filter(([, c]) => c.value === t);
		assert.ok(found.length >= 1, `${t} is in the file`);
		for (const [ref, c] of found) assert.equal(c.kind, 's', `${ref} (${t}) is a string cell`);
	}
	assert.ok(!/<f[\s>]/.test(s.xml), 'no formula in the sheet');
	// a kind filter (its Chinese name in the subtitle), and the list's refusals
	const theme = await sheet(committee, `/api/meetings.xlsx?${q}&kind=theme_day`);
	assert.equal(dataRows(theme).length, 1);
	assert.ok(theme.rows[1][0].includes('会议类型：主题党日'));
	await sameRefusal(committee, '/api/meetings?kind=bogus', '/api/meetings.xlsx?kind=bogus');
	await sameRefusal(committee, '/api/meetings?period=2024Q9', '/api/meetings.xlsx?period=2024Q9');
	await sameRefusal(sec1, `/api/meetings?org=${b2.id}`, `/api/meetings.xlsx?org=${b2.id}`);
});

test('LibreOffice opens the meetings export with formula-looking text as text, not as formulas', async () => {
	const res = await committee.get(`/api/meetings.xlsx?org=${b1.id}&period=${LAST}`);
	assert.equal(res.status, 200);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-soffice-'));
	try {
		const file = path.join(dir, 'meetings.xlsx');
		fs.writeFileSync(file, res.raw);
		// CSV in UTF-8 (76), comma-separated (44), text quoted (34)
		execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to',
			'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { stdio: 'ignore', timeout: 180000 });
		const csv = fs.readFileSync(path.join(dir, 'meetings.csv'), 'utf8');
		const quoted = (t) => `"${t.replaceAll('"', '""')}"`;
		for (const t of FORMULAS) {
			assert.ok(csv.includes(t.includes('"') ? quoted(t) : t), `${t} is kept as text:\n${csv}`);
		}
		const data = csv.trim().split('\n').slice(3);
		assert.equal(data.length, FORMULAS.length);
		for (const line of data) assert.ok(line.includes(',=1+1,'), `=1+1 is not computed: ${line}`);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('compliance/board.xlsx: the board rows and the lagging organizations, as the JSON board', async () => {
	const q = `org=${dist.id}&period=${LAST}Q3`;
	const board = expectStatus(await committee.get(`/api/compliance/board?${q}`), 200, srv);
	const sum = await sheet(committee, `/api/compliance/board.xlsx?${q}`);
	titled(sum, `${dist.name}${LAST}Q3组织生活督导情况`, `期间：${LAST}Q3`);
	assert.deepEqual(sum.rows[2].slice(0, 10), ['组织', '类型', '组织数', '达标', '补开', '待开', '缺项',
		'应开次数', '已开次数', '补开次数']);
	const rows = dataRows(sum);
	assert.equal(rows.length, board.rows.length);
	rows.forEach((r, i) => {
		const b = board.rows[i];
		assert.deepEqual([r[0], r[2], r[6], r[7], r[8]], [b.org_name, b.orgs, b.red, b.required, b.held]);
		if (b.rate === null) assert.equal(r[10], '');
		else assert.ok(Math.abs(r[10] - b.rate) < 0.05);
	});
	const lag = await sheet(committee, `/api/compliance/board.xlsx?${q}`, 2);
	assert.deepEqual(lag.rows[2], ['序号', '组织', '类型', '缺开会议']);
	assert.deepEqual(dataRows(lag).map((r) => r[1]), board.lagging.map((l) => l.org_name));
	assert.ok(board.lagging.length > 0, 'nothing was held in Q3: the branches lag');
	assert.match(dataRows(lag)[0][3], /支委会/);
	await sameRefusal(committee, '/api/compliance/board?period=2024Q5', '/api/compliance/board.xlsx?period=2024Q5');
	await sameRefusal(committee2, `/api/compliance/board?org=${dist.id}`, `/api/compliance/board.xlsx?org=${dist.id}`);
});

test('leaderboards/*.xlsx: the whole 先锋榜 of members and of organizations, ranks as on the boards', async () => {
	const rule = await pointRule(admin, srv, { needs_approval: false, points: 3 });
	expectStatus(await award(admin, members[0], rule), 201, srv);
	expectStatus(await award(admin, members[0], rule), 201, srv);
	expectStatus(await award(admin, members[2], rule), 201, srv);
	const q = `org=${dist.id}&period=${YEAR}`;
	const json = expectStatus(await committee.get(`/api/leaderboards/members?${q}&limit=200`), 200, srv);
	const s = await sheet(committee, `/api/leaderboards/members.xlsx?${q}&limit=1`);
	titled(s, `${dist.name}${YEAR}党员先锋榜`, `期间：${YEAR}`);
	assert.deepEqual(s.rows[2], ['名次', '姓名', '所在组织', '上级组织', '积分', '一票否决', '名次变化']);
	const rows = dataRows(s);
	assert.equal(rows.length, json.items.length, 'the whole ranking, not the page limit');
	rows.forEach((r, i) => {
		const it = json.items[i];
		assert.deepEqual([r[0], r[1], r[2], r[3], r[4]], [it.rank, it.name, it.org_name, it.org_parent_name, it.points]);
	});
	assert.equal(rows[0][1], members[0].name);

	const oq = `org=${dist.id}&period=${YEAR}&kind=branch`;
	const orgs = expectStatus(await committee.get(`/api/leaderboards/orgs?${oq}&limit=200`), 200, srv);
	const o = await sheet(committee, `/api/leaderboards/orgs.xlsx?${oq}`);
	titled(o, `${dist.name}${YEAR}党支部先锋榜`, '组织类型：党支部', '排序依据：人均积分');
	const orows = dataRows(o);
	assert.equal(orows.length, orgs.items.length);
	orows.forEach((r, i) => {
		const it = orgs.items[i];
		assert.deepEqual([r[0], r[1], r[3], r[4]], [it.rank, it.name, it.points, it.headcount]);
		assert.ok(Math.abs(r[6] - it.average) < 0.005);
	});
	await sameRefusal(committee, `/api/leaderboards/orgs?org=${dist.id}`, `/api/leaderboards/orgs.xlsx?org=${dist.id}`);
	await sameRefusal(committee, '/api/leaderboards/members?limit=0', '/api/leaderboards/members.xlsx?limit=0');
	await sameRefusal(committee2, `/api/leaderboards/members?${q}`, `/api/leaderboards/members.xlsx?${q}`);
});

test('tasks.xlsx and tasks/board.xlsx: the chart and the 晒绩 board with Chinese statuses', async () => {
	const day = (n) => {
		const d = new Date(`${TODAY}T00:00:00Z`);
		d.setUTCDate(d.getUTCDate() + n);
		return d.toISOString().slice(0, 10);
	};
	for (const title of FORMULAS) {
		expectStatus(await committee.post('/api/tasks', {
			org_id: dist.id, title, owner: '-张书记', start_on: day(-30), due_on: day(30),
		}), 201, srv);
	}
	expectStatus(await committee2.post('/api/tasks', {
		org_id: dist2.id, title: uniq('别区任务'), start_on: day(-30), due_on: day(30),
	}), 201, srv);
	const q = `org=${dist.id}&subtree=1`;
	const all = expectStatus(await committee.get(`/api/tasks?${q}&size=200`), 200, srv);
	assert.equal(all.total, FORMULAS.length);
	const s = await sheet(committee, `/api/tasks.xlsx?${q}&size=1`);
	titled(s, `${dist.name}挂图作战任务清单`, '范围：含下级组织');
	assert.deepEqual(s.rows[2], ['序号', '任务名称', '责任组织', '责任人', '开始日期', '截止日期', '进度%', '状态',
		'完成日期', '下一节点日期']);
	const rows = dataRows(s);
	assert.equal(rows.length, all.total);
	rows.forEach((r, i) => {
		const t = all.items[i];
		assert.deepEqual([r[1], r[2], r[3], r[4], r[5], r[6], r[7]],
			[t.title, t.org_name, t.owner, t.start_on, t.due_on, t.percent, t.status_title]);
	});
	for (const t of [...FORMULAS, '-张书记']) {
		const found = Object.entries(s.cells).filter(([, c]) => c.value === t);
		assert.ok(found.length >= 1, `${t} is in the file`);
		for (const [ref, c] of found) assert.equal(c.kind, 's', `${ref} (${t}) is a string cell`);
	}
	assert.ok(!/<f[\s>]/.test(s.xml));
	await sameRefusal(committee, '/api/tasks?status=purple', '/api/tasks.xlsx?status=purple');
	await sameRefusal(committee2, `/api/tasks?org=${dist.id}`, `/api/tasks.xlsx?org=${dist.id}`);
	// the other district's task is not in this committee's file
	const mine = dataRows(await sheet(committee, '/api/tasks.xlsx'));
	assert.equal(mine.length, FORMULAS.length);

	const board = expectStatus(await admin.get(`/api/tasks/board?org=${city.id}&year=${YEAR}`), 200, srv);
	const bs = await sheet(admin, `/api/tasks/board.xlsx?org=${city.id}&year=${YEAR}`);
	titled(bs, `${city.name}${YEAR}年度挂图作战晒绩榜`, `年度：${YEAR}`);
	assert.deepEqual(bs.rows[2].slice(0, 5), ['名次', '组织', '上级组织', '任务数', '已完成']);
	const brows = dataRows(bs);
	assert.equal(brows.length, board.items.length);
	brows.forEach((r, i) => {
		const it = board.items[i];
		assert.deepEqual([r[0], r[1], r[3], r[4]], [it.rank, it.org_name, it.tasks, it.done]);
	});
	await sameRefusal(committee, '/api/tasks/board?year=abc', '/api/tasks/board.xlsx?year=abc');
	await sameRefusal(committee2, `/api/tasks/board?org=${dist.id}`, `/api/tasks/board.xlsx?org=${dist.id}`);
});

test('duties.xlsx: the duty list of an organization and year with Chinese levels and posts', async () => {
	for (const [post, title] of [['branch_secretary', '抓好“三会一课”'], ['branch_secretary', '+落实谈心谈话'],
		['organization_officer', '=发展党员']]) {
		expectStatus(await admin.post('/api/duties', {
			org_id: city.id, year: YEAR, level: 'branch', post, title, content: '按期召开',
		}), 201, srv);
	}
	const q = `org=${city.id}&year=${YEAR}`;
	const all = expectStatus(await admin.get(`/api/duties?${q}&size=200`), 200, srv);
	assert.equal(all.total, 3);
	const s = await sheet(admin, `/api/duties.xlsx?${q}`);
	titled(s, `${city.name}${YEAR}三级五岗责任清单`, `年度：${YEAR}`);
	assert.deepEqual(s.rows[2], ['序号', '年度', '层级', '岗位', '职责事项', '具体内容', '制定组织']);
	const rows = dataRows(s);
	assert.equal(rows.length, all.total);
	rows.forEach((r, i) => {
		const d = all.items[i];
		assert.deepEqual([r[0], r[1], r[2], r[3], r[4], r[6]],
			[d.seq, d.year, d.level_title, d.post_title, d.title, d.org_name]);
	});
	assert.equal(s.cells.E6.kind, 's');
	await sameRefusal(committee, '/api/duties', '/api/duties.xlsx');
	await sameRefusal(admin, `/api/duties?${q}&level=bogus`, `/api/duties.xlsx?${q}&level=bogus`);
	await sameRefusal(admin, `/api/duties?org=${city.id}&applicable=1`, `/api/duties.xlsx?org=${city.id}&applicable=1`);
	await sameRefusal(committee2, `/api/duties?org=${dist.id}`, `/api/duties.xlsx?org=${dist.id}`);
	await sameRefusal(committee, `/api/duties?${q}`, `/api/duties.xlsx?${q}`);
});

test('duty-assignments.xlsx: who holds which post, all rows of the list query, within the caller scope', async () => {
	const mine = members.filter((m) => m.org_id === b1.id);
	expectStatus(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: YEAR, post: 'branch_secretary',
		member_id: mine[0].id }), 201, srv);
	expectStatus(await sec1.post('/api/duty-assignments', { org_id: b1.id, year: YEAR, post: 'publicity_officer',
		member_id: mine[1].id }), 201, srv);
	const q = `org=${dist.id}&subtree=1&year=${YEAR}`;
	const all = expectStatus(await committee.get(`/api/duty-assignments?${q}&size=200`), 200, srv);
	assert.equal(all.total, 2);
	const s = await sheet(committee, `/api/duty-assignments.xlsx?${q}&size=1`);
	titled(s, `${dist.name}${YEAR}三级五岗岗位分配`, '范围：含下级组织');
	assert.deepEqual(s.rows[2], ['序号', '年度', '组织', '层级', '岗位', '姓名', '履职记录']);
	const rows = dataRows(s);
	assert.equal(rows.length, all.total);
	rows.forEach((r, i) => {
		const a = all.items[i];
		assert.deepEqual([r[1], r[2], r[3], r[4], r[5], r[6]],
			[a.year, a.org_name, a.level_title, a.post_title, a.member_name, a.evidence_count]);
	});
	await sameRefusal(committee2, `/api/duty-assignments?org=${dist.id}`, `/api/duty-assignments.xlsx?org=${dist.id}`);
	await sameRefusal(committee, '/api/duty-assignments?year=20x4', '/api/duty-assignments.xlsx?year=20x4');
});

test('audit.xlsx: the audit rows of the list query with Chinese actions; committees see their subtree only', async () => {
	const all = expectStatus(await admin.get('/api/audit?entity=member&size=200'), 200, srv);
	assert.ok(all.total >= members.length);
	const s = await sheet(admin, '/api/audit.xlsx?entity=member&size=5');
	titled(s, '操作日志', '范围：权限范围内全部组织', '对象类型：');
	assert.deepEqual(s.rows[2], ['时间', '操作人', '操作', '对象类型', '对象编号', '变更前', '变更后']);
	const rows = dataRows(s);
	assert.equal(rows.length, all.total);
	rows.forEach((r, i) => {
		const a = all.items[i];
		assert.equal(r[0], `${a.at.slice(0, 10)} ${a.at.slice(11, 19)}`);
		assert.equal(r[1], a.username);
		assert.equal(r[4], a.entity_id ?? ''); // a list's read_pii names no one record
	});
	assert.ok(rows.every((r) => /[\u4e00-\u9fa5]/.test(r[2]) && /[\u4e00-\u9fa5]/.test(r[3])));
	const mine = expectStatus(await committee.get('/api/audit?size=200'), 200, srv);
	assert.equal(dataRows(await sheet(committee, '/api/audit.xlsx')).length, mine.total);
	const theirs = expectStatus(await committee2.get('/api/audit?size=200'), 200, srv);
	assert.ok(theirs.total < mine.total + all.total);
	assert.equal(dataRows(await sheet(committee2, '/api/audit.xlsx')).length, theirs.total);
	await sameRefusal(sec1, '/api/audit', '/api/audit.xlsx');
	await sameRefusal(admin, '/api/audit?user_id=x', '/api/audit.xlsx?user_id=x');
});
