// GET /api/inbox and /api/inbox/count: what is due for the caller by its
// roles (a branch secretary's owed meetings and milestones, a committee's
// subtree summarized, claims to approve, a member's decided claims), never
// another branch's; and the webhook sender: a new claim reaches a local
// receiver as a signed POST, retried after a 500.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import crypto from 'node:crypto';
import {
	startServer, ADMIN_PASSWORD, createOrg, expectStatus, expectError, dayFromToday, createUserAndLogin, sleep, uniq, thisYear,
	CHINESE, DATE_RE,
} from './harness.mjs';
import { startWithTree, membersOf, clientsFor, pointRule, award } from './fixtures.mjs';

const EST = '2015-01-01';
const day = dayFromToday;
let srv, admin, dist, dist2, b1, b2, c1, sec1, sec2, com, com2, m1, me1;

before(async () => {
	({ srv, admin, dist, dist2, b1, b2, c1 } = await startWithTree({
		dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', c1: 'dist2',
	}, { established_on: EST }));
	[m1] = await membersOf(admin, srv, [b1]);
	({ sec1, sec2, com, com2, me1 } = await clientsFor(admin, srv, {
		sec1: ['secretary', b1], sec2: ['secretary', b2],
		com: ['committee', dist], com2: ['committee', dist2],
		me1: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

async function inbox(client) {
	const box = expectStatus(await client.get('/api/inbox'), 200, srv);
	assert.ok(Array.isArray(box.items));
	assert.equal(box.count, box.items.length);
	const n = expectStatus(await client.get('/api/inbox/count'), 200, srv);
	assert.equal(n.count, box.count, 'the badge counts the list');
	for (const it of box.items) {
		for (const k of ['kind', 'title', 'due_on', 'days_left', 'org_id', 'link', 'ref']) {
			assert.ok(k in it, `item has ${k}`);
		}
		assert.match(it.title, CHINESE);
		assert.match(it.link, /^\//);
		if (it.due_on !== null) assert.match(it.due_on, DATE_RE);
	}
	return box;
}

test('the inbox needs a login', async () => {
	expectError(await srv.client().get('/api/inbox'), 401, 'unauthorized', undefined, srv);
	expectError(await srv.client().get('/api/inbox/count'), 401, 'unauthorized', undefined, srv);
});

test("a secretary sees its branch's owed meeting and a milestone due in 3 days, not another branch's", async () => {
	const mk = async (org) => expectStatus(await admin.post('/api/tasks', {
		org_id: org.id, title: uniq('任务'), start_on: day(-10), due_on: day(40),
		milestones: [{ title: uniq('节点'), due_on: day(3) }, { title: '总结', due_on: day(40) }],
	}), 201, srv);
	const t1 = await mk(b1);
	const t2 = await mk(b2);
	const box = await inbox(sec1);
	const owed = box.items.filter((x) => x.kind === 'meeting_owed' && x.org_id === b1.id);
	assert.ok(owed.some((x) => x.ref === `org:${b1.id}:branch_committee`), 'the month\'s 支委会 is owed');
	for (const x of owed) {
		assert.ok(x.days_left >= 0);
		assert.equal(x.link, `/compliance?org=${b1.id}`);
	}
	const ms = box.items.find((x) => x.kind === 'milestone_due' && x.ref === `milestone:${t1.milestones[0].id}`);
	assert.ok(ms, 'the milestone due in 3 days is listed');
	assert.equal(ms.due_on, day(3));
	assert.equal(ms.days_left, 3);
	assert.equal(ms.org_id, b1.id);
	assert.equal(ms.link, `/tasks?task=${t1.id}`);
	assert.ok(!box.items.some((x) => x.ref === `milestone:${t1.milestones[1].id}`), 'not the one due in 40 days');
	assert.ok(!box.items.some((x) => x.org_id === b2.id || x.ref === `milestone:${t2.milestones[0].id}`),
		'nothing of another branch');
	// sorted by due day, the undated last
	const dated = box.items.filter((x) => x.due_on);
	assert.deepEqual(dated.map((x) => x.due_on), [...dated.map((x) => x.due_on)].sort());
	const other = await inbox(sec2);
	assert.ok(other.items.some((x) => x.ref === `milestone:${t2.milestones[0].id}`));
	assert.ok(!other.items.some((x) => x.org_id === b1.id));
});

test('a committee sees its subtree summarized, and not another district', async () => {
	const box = await inbox(com);
	const owing = box.items.find((x) => x.kind === 'orgs_owing');
	assert.ok(owing, 'orgs owing meetings are summarized');
	assert.equal(owing.org_id, dist.id);
	assert.match(owing.title, /个组织/);
	const tasks = box.items.find((x) => x.kind === 'tasks_summary');
	assert.ok(tasks, 'the tasks due are summarized');
	assert.equal(tasks.org_id, dist.id);
	assert.ok(!box.items.some((x) => x.kind === 'meeting_owed'), 'no per-branch detail');
	const box2 = await inbox(com2);
	assert.ok(!box2.items.some((x) => [dist.id, b1.id, b2.id].includes(x.org_id)));
	assert.ok(box2.items.some((x) => x.kind === 'orgs_owing' && x.org_id === dist2.id));
	assert.ok(c1.id > 0);
	// an administrator sees the whole tree summarized
	const all = await inbox(admin);
	assert.ok(all.items.some((x) => x.kind === 'orgs_owing'));
	assert.ok(all.items.some((x) => x.kind === 'tasks_summary'));
	assert.ok(!all.items.some((x) => x.kind === 'meeting_owed'));
});

test('a claim appears for its approver, not elsewhere, and leaves once approved; the member sees the outcome', async () => {
	const r = await pointRule(admin, srv, { approver_role: 'secretary' });
	const cl = expectStatus(await me1.post('/api/claims', { rule_id: r.id, description: '完成年度攻坚任务', evidence: ['总结.pdf'] }), 201, srv);
	const ref = `claim:${cl.id}`;
	const mine = await inbox(sec1);
	const it = mine.items.find((x) => x.ref === ref);
	assert.ok(it, 'the branch secretary has the claim to approve');
	assert.equal(it.kind, 'claim');
	assert.equal(it.due_on, null);
	assert.equal(it.days_left, null);
	assert.equal(it.org_id, b1.id);
	assert.ok(!(await inbox(sec2)).items.some((x) => x.ref === ref), 'not another branch');
	assert.ok(!(await inbox(com2)).items.some((x) => x.ref === ref), 'not another district');
	assert.ok(!(await inbox(me1)).items.some((x) => x.kind === 'claim'), 'the member approves nothing');
	const before = (await inbox(sec1)).count;
	expectStatus(await sec1.post(`/api/claims/${cl.id}/approve`, { reason: '属实' }), 200, srv);
	const afterBox = await inbox(sec1);
	assert.ok(!afterBox.items.some((x) => x.ref === ref), 'gone once approved');
	assert.equal(afterBox.count, before - 1);
	const own = (await inbox(me1)).items.find((x) => x.ref === ref);
	assert.ok(own, 'the member sees its claim decided');
	assert.equal(own.kind, 'claim_decided');
	assert.match(own.title, /已通过/);
});

test('an objection appears for the committee over the notice until it is answered; members see the open notice', async () => {
	const r = await pointRule(admin, srv, { valid_from: `${thisYear()}-01-01` });
	expectStatus(await award(admin, m1, r), 201, srv);
	const notice = expectStatus(await com.post('/api/point-notices', {
		org_id: dist.id, period: String(thisYear()), kind: 'members', opens_on: day(0), closes_on: day(5),
		title: uniq('年度党员积分公示'),
	}), 201, srv);
	const ref = `notice:${notice.id}`;
	const open = (await inbox(me1)).items.find((x) => x.kind === 'notice_open' && x.ref === ref);
	assert.ok(open, 'the member sees the notice open for objections');
	assert.equal(open.due_on, day(5));
	assert.equal(open.days_left, 5);
	assert.ok(!(await inbox(com)).items.some((x) => x.kind === 'objection'), 'no objection yet');
	const ob = expectStatus(await me1.post(`/api/point-notices/${notice.id}/objections`, { text: '本人积分漏记一项' }), 201, srv);
	const it = (await inbox(com)).items.find((x) => x.kind === 'objection' && x.ref === ref);
	assert.ok(it, 'the committee has the objection to answer');
	assert.equal(it.due_on, day(5));
	assert.equal(it.link, `/points/notices?id=${notice.id}`);
	assert.ok(!(await inbox(com2)).items.some((x) => x.ref === ref), 'not another district');
	assert.ok(!(await inbox(sec1)).items.some((x) => x.kind === 'objection'), 'a secretary answers no objection');
	expectStatus(await com.post(`/api/point-objections/${ob.id}/answer`, { answer: '已核实，无误', outcome: 'dismissed' }), 200, srv);
	assert.ok(!(await inbox(com)).items.some((x) => x.kind === 'objection' && x.ref === ref), 'gone once answered');
});

// ---- the webhook -----------------------------------------------------------

/** A receiver on loopback answering statuses in turn (then 200); records each POST. */
async function receiver(statuses = []) {
	const got = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			got.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.statusCode = statuses.length ? statuses.shift() : 200;
			res.end('ok');
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return { got, url: `http://127.0.0.1:${server.address().port}/hooks/xf`, close: () => new Promise((r) => server.close(r)) };
}

async function until(cond, what) {
	for (let i = 0; i < 300; i++) {
		if (cond()) return;
		await sleep(100);
	}
	assert.fail(`waited for ${what}`);
}

const signed = (secret, h, body) => `sha256=${crypto.createHmac('sha256', secret)
	.update(`${h['x-xianfeng-timestamp']}.${body}`).digest('hex')}`;

test('a new claim reaches the webhook as signed POSTs to its approvers, a 500 is retried; an objection reaches the committee', async () => {
	const secret = 'test-secret-' + crypto.randomBytes(8).toString('hex');
	const recv = await receiver([500]);
	let w;
	try {
		w = await webhookCity(recv, secret);
		const r = await pointRule(w.admin, w.srv, { approver_role: 'secretary' });
		const cl = expectStatus(await w.me.post('/api/claims', { rule_id: r.id, description: '带头完成志愿服务', evidence: ['照片.jpg'] }), 201, w.srv);
		// two approvers (the branch's secretary, the committee above): one
		// message each; the first POST got a 500 and was sent again
		await until(() => recv.got.length >= 3, 'both messages and the retry');
		for (const g of recv.got) {
			assert.equal(g.method, 'POST');
			assert.equal(g.url, '/hooks/xf');
			assert.match(g.headers['content-type'], /^application\/json/);
			assert.equal(g.headers['x-xianfeng-signature'], signed(secret, g.headers, g.body), 'a valid HMAC-SHA256');
		}
		const first = recv.got[0];
		const again = recv.got.slice(1).find((g) => g.headers['x-xianfeng-delivery'] === first.headers['x-xianfeng-delivery']);
		assert.ok(again, 'the delivery that got a 500 is retried with the same id');
		assert.equal(again.body, first.body);
		const claims = new Map(recv.got.map((g) => JSON.parse(g.body)).map((m) => [m.recipient.user_id, m]));
		assert.deepEqual([...claims.keys()].sort((x, y) => x - y), [w.sec.user.id, w.com.user.id].sort((x, y) => x - y));
		const msg = claims.get(w.sec.user.id);
		assert.equal(msg.kind, 'claim');
		assert.equal(msg.ref, `claim:${cl.id}`);
		assert.equal(msg.org_id, w.b1.id);
		assert.match(msg.title, CHINESE);
		assert.match(msg.body, /带头完成志愿服务/);
		assert.equal(msg.link, '/points/claims');
		const second = again;
		// a forged signature would not match
		assert.notEqual(signed('wrong', second.headers, second.body), second.headers['x-xianfeng-signature']);
		// an objection reaches the committee over the notice, not the secretary
		expectStatus(await award(w.admin, w.m, r), 201, w.srv);
		const notice = expectStatus(await w.com.client.post('/api/point-notices', {
			org_id: w.city.id, period: String(thisYear()), kind: 'members', opens_on: day(0), closes_on: day(5),
			title: '年度党员积分公示',
		}), 201, w.srv);
		const ob = expectStatus(await w.me.post(`/api/point-notices/${notice.id}/objections`, { text: '积分有误' }), 201, w.srv);
		await until(() => recv.got.some((g) => JSON.parse(g.body).kind === 'objection'), 'the objection message');
		const objs = recv.got.map((g) => ({ g, m: JSON.parse(g.body) })).filter((x) => x.m.kind === 'objection');
		assert.deepEqual(objs.map((x) => x.m.recipient.user_id), [w.com.user.id]);
		assert.equal(objs[0].m.ref, `objection:${ob.id}`);
		assert.equal(objs[0].m.link, `/points/notices?id=${notice.id}`);
		assert.equal(objs[0].g.headers['x-xianfeng-signature'], signed(secret, objs[0].g.headers, objs[0].g.body));
	} finally {
		await w?.srv.stop();
		await recv.close();
	}
});

/** A server with the webhook on (retries after 200 ms), a branch, its secretary and a member. */
async function webhookCity(recv, secret) {
	// a second server on this file's database, with the webhook on
	const s = await startServer({ db: srv.db, attach: true,
		env: { XF_WEBHOOK_URL: recv.url, XF_WEBHOOK_SECRET: secret, XF_NOTIFY_RETRY_MS: '200' } });
	try {
		return await populate(s);
	} catch (e) {
		await s.stop();
		throw e;
	}
}

async function populate(s) {
	const adm = await s.login('admin', ADMIN_PASSWORD);
	const city = await createOrg(adm, { name: uniq('市直机关工委'), kind: 'work_committee', level: 'city', parent_id: null, established_on: EST }, s);
	const br = await createOrg(adm, { name: uniq('第一党支部'), kind: 'branch', level: 'city', parent_id: city.id, established_on: EST }, s);
	const [m] = await membersOf(adm, s, [br]);
	const sec = await createUserAndLogin(adm, s, { roles: [{ role: 'secretary', org_id: br.id }] });
	const com = await createUserAndLogin(adm, s, { roles: [{ role: 'committee', org_id: city.id }] });
	const me = (await clientsFor(adm, s, { me: ['member', br, m] })).me;
	return { srv: s, admin: adm, city, b1: br, m, sec, com, me };
}

test('a bad webhook URL or a missing secret stops the server from starting', async () => {
	const cases = [
		[{ XF_WEBHOOK_URL: 'https://example.org/x', XF_WEBHOOK_SECRET: 's' }, /XF_WEBHOOK_URL must be http:/],
		[{ XF_WEBHOOK_URL: 'http://127.0.0.1:9/x' }, /needs XF_WEBHOOK_SECRET/],
		[{ XF_WEBHOOK_URL: 'http://127.0.0.1:9/x', XF_WEBHOOK_SECRET: 's', XF_NOTIFY_RETRY_MS: 'soon' }, /XF_NOTIFY_RETRY_MS/],
	];
	for (const [env, said] of cases) {
		await assert.rejects(startServer({ db: srv.db, attach: true, env }), said);
	}
});
