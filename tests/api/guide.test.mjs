// The practice guide (实务指南): versioned articles written by the admin and
// the committee, read by every user (the guide is city-wide, no scope), and
// the Chinese full-text search: words of two characters (LIKE) and of three
// or more (SQLite FTS5 trigram / PostgreSQL pg_trgm), found anywhere in the
// title or the body, every term required, title matches ranked first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor } from './fixtures.mjs';
import { expectStatus, expectError, expectList } from './harness.mjs';

let srv, admin, com, sec1, memberUser;

before(async () => {
	let dist, b1;
	({ srv, admin, dist, b1 } = await startWithTree({ dist: 'city', b1: 'dist' }));
	const [m1] = await membersOf(admin, srv, [b1]);
	({ com, sec1, memberUser } = await clientsFor(admin, srv, {
		com: ['committee', dist], sec1: ['secretary', b1], memberUser: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

const ids = (list) => list.items.map((a) => a.id);
const search = async (client, q) => expectList(await client.get(`/api/guide/search?q=${encodeURIComponent(q)}`), srv);

test('a committee writes an article; every user reads it, audited', async () => {
	const a = expectStatus(await com.post('/api/guide/articles', {
		title: '如何召开支部委员会', body: '支委会每月至少召开一次，第一议题学习习近平总书记最新重要讲话。',
		tags: ['三会一课', '会议'],
	}), 201, srv);
	assert.equal(a.version, 1);
	assert.deepEqual(a.tags, ['三会一课', '会议']);
	for (const client of [memberUser, sec1, admin]) {
		const got = expectStatus(await client.get(`/api/guide/articles/${a.id}`), 200, srv);
		assert.equal(got.title, '如何召开支部委员会');
		assert.match(got.body, /第一议题/);
	}
	const audit = expectList(await admin.get(`/api/audit?entity=guide_article&entity_id=${a.id}`), srv);
	assert.equal(audit.items[0].action, 'create');
	assert.match(JSON.stringify(audit.items[0]), /如何召开支部委员会/);
});

test('a member or a secretary may read but not write: 403, nothing written', async () => {
	const before = expectList(await admin.get('/api/guide/articles'), srv).total;
	expectError(await memberUser.post('/api/guide/articles', { title: '党员学习笔记', body: '正文' }), 403, 'forbidden', undefined, srv);
	expectError(await sec1.post('/api/guide/articles', { title: '支部工作法', body: '正文' }), 403, 'forbidden', undefined, srv);
	const a = expectStatus(await admin.post('/api/guide/articles', { title: '党费收缴办法', body: '按月交纳党费。' }), 201, srv);
	expectError(await memberUser.patch(`/api/guide/articles/${a.id}`, { title: '改掉' }), 403, 'forbidden', undefined, srv);
	expectError(await memberUser.del(`/api/guide/articles/${a.id}`), 403, 'forbidden', undefined, srv);
	assert.equal(expectList(await admin.get('/api/guide/articles'), srv).total, before + 1);
	assert.equal(expectStatus(await memberUser.get(`/api/guide/articles/${a.id}`), 200, srv).title, '党费收缴办法');
});

test('search finds words of two characters and of three or more, in title or body', async () => {
	const a = expectStatus(await com.post('/api/guide/articles', {
		title: '支委会会议记录模板', body: '会议时间、地点、主持人、出席人员、列席人员、议题、决议事项。',
	}), 201, srv);
	const b = expectStatus(await com.post('/api/guide/articles', {
		title: '发展党员工作流程', body: '入党申请人经支部委员会研究后确定为入党积极分子。',
	}), 201, srv);
	// two characters: the trigram index cannot match them, LIKE does
	assert.ok(ids(await search(memberUser, '支委')).includes(a.id));
	assert.ok(ids(await search(memberUser, '列席')).includes(a.id), 'a two-character word of the body only');
	assert.ok(!ids(await search(memberUser, '列席')).includes(b.id));
	// three characters and more
	const long = ids(await search(memberUser, '支部委员会'));
	assert.ok(long.includes(b.id), 'found in the body only');
	assert.ok(!long.includes(a.id));
	assert.ok(ids(await search(memberUser, '积极分子')).includes(b.id));
	assert.deepEqual(ids(await search(memberUser, '没有这篇文章的词')), []);
});

test('several terms must all be found; title matches rank before body matches', async () => {
	const inBody = expectStatus(await com.post('/api/guide/articles', {
		title: '年度工作安排', body: '每季度召开一次主题党日活动，组织党员开展志愿服务。',
	}), 201, srv);
	const inTitle = expectStatus(await com.post('/api/guide/articles', {
		title: '主题党日活动方案', body: '活动由支部书记主持。',
	}), 201, srv);
	const other = expectStatus(await com.post('/api/guide/articles', {
		title: '主题党日签到表', body: '签到表格。',
	}), 201, srv);
	const found = ids(await search(memberUser, '主题党日'));
	assert.ok(found.includes(inBody.id) && found.includes(inTitle.id) && found.includes(other.id));
	assert.ok(found.indexOf(inTitle.id) < found.indexOf(inBody.id), 'title before body');
	assert.ok(found.indexOf(other.id) < found.indexOf(inBody.id), 'title before body');
	// two terms: both required, in title or body
	const both = ids(await search(memberUser, '主题党日 志愿服务'));
	assert.ok(both.includes(inBody.id));
	assert.ok(!both.includes(inTitle.id) && !both.includes(other.id));
	// the full-width space of Chinese input methods separates terms too
	assert.deepEqual(ids(await search(memberUser, '主题党日\u3000志愿服务')), both);
	const mixed = ids(await search(memberUser, '主题党日 书记'));
	assert.deepEqual(mixed, [inTitle.id]);
});

test('a change writes a new version and keeps the old; search follows the latest', async () => {
	const a = expectStatus(await com.post('/api/guide/articles', {
		title: '组织生活会准备清单', body: '会前谈心谈话。', tags: ['组织生活会'],
	}), 201, srv);
	const v2 = expectStatus(await admin.patch(`/api/guide/articles/${a.id}`, {
		body: '会前开展谈心谈话，征求意见建议。', tags: ['组织生活会', '民主评议'],
	}), 200, srv);
	assert.equal(v2.version, 2);
	assert.equal(v2.title, '组织生活会准备清单');
	assert.deepEqual(v2.tags, ['组织生活会', '民主评议']);
	const latest = expectStatus(await memberUser.get(`/api/guide/articles/${a.id}`), 200, srv);
	assert.equal(latest.version, 2);
	assert.match(latest.body, /征求意见建议/);
	const versions = expectList(await memberUser.get(`/api/guide/articles/${a.id}/versions`), srv);
	assert.deepEqual(versions.items.map((v) => v.version), [2, 1]);
	assert.equal(versions.items[1].body, '会前谈心谈话。');
	assert.ok(ids(await search(memberUser, '征求意见')).includes(a.id));
	assert.ok(ids(await search(memberUser, '意见')).includes(a.id));
	// by tag
	const tagged = expectList(await memberUser.get(`/api/guide/articles?tag=${encodeURIComponent('民主评议')}`), srv);
	assert.deepEqual(ids(tagged), [a.id]);
	// deleted: gone from get, list and search
	expectStatus(await com.del(`/api/guide/articles/${a.id}`), 200, srv);
	expectError(await memberUser.get(`/api/guide/articles/${a.id}`), 404, 'not_found', undefined, srv);
	assert.ok(!ids(await search(memberUser, '征求意见')).includes(a.id));
	assert.equal(expectList(await memberUser.get(`/api/guide/articles?tag=${encodeURIComponent('民主评议')}`), srv).total, 0);
});

test('LIKE wildcards and FTS syntax in a query are plain characters', async () => {
	const a = expectStatus(await com.post('/api/guide/articles', {
		title: '100%覆盖的党建工作', body: '"引号"与_下划线_。',
	}), 201, srv);
	assert.deepEqual(ids(await search(memberUser, '%覆盖')), [a.id]);
	assert.ok(!ids(await search(memberUser, '%')).includes(-1));
	assert.deepEqual(ids(await search(memberUser, '"引号"')), [a.id]);
	assert.deepEqual(ids(await search(memberUser, '_下划线_')), [a.id]);
	assert.deepEqual(ids(await search(memberUser, 'AND OR NOT')), []);
});

test('bad input is refused with 422 naming the field, nothing written', async () => {
	const before = expectList(await admin.get('/api/guide/articles'), srv).total;
	expectError(await memberUser.get('/api/guide/search?q='), 422, 'invalid_field', 'q', srv);
	expectError(await memberUser.get('/api/guide/search'), 422, 'invalid_field', 'q', srv);
	expectError(await memberUser.get(`/api/guide/search?q=${encodeURIComponent('支'.repeat(51))}`), 422, 'invalid_field', 'q', srv);
	expectError(await memberUser.get(`/api/guide/search?q=${encodeURIComponent('   ')}`), 422, 'invalid_field', 'q', srv);
	expectError(await memberUser.get(`/api/guide/search?q=${encodeURIComponent('\u3000')}`), 422, 'invalid_field', 'q', srv);
	expectError(await memberUser.get(`/api/guide/search?q=${encodeURIComponent('一二 三四 五六 七八 九十 百千')}`), 422, 'invalid_field', 'q', srv);
	const bad = [
		[{ title: '', body: '正文' }, 'title'],
		[{ body: '正文' }, 'title'],
		[{ title: '标题' }, 'body'],
		[{ title: '标'.repeat(101), body: '正文' }, 'title'],
		[{ title: '标题', body: '正文', tags: ['一'.repeat(21)] }, 'tags'],
		[{ title: '标题', body: '正文', tags: [''] }, 'tags'],
		[{ title: '标题', body: '正文', tags: [3] }, 'tags'],
		[{ title: '标题', body: '正文', tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }, 'tags'],
		[{ title: '标题', body: '正文', tags: '会议' }, 'tags'],
	];
	for (const [body, field] of bad) {
		expectError(await com.post('/api/guide/articles', body), 422, 'invalid_field', field, srv);
	}
	expectError(await com.patch('/api/guide/articles/999999', { title: '标题' }), 404, 'not_found', undefined, srv);
	assert.equal(expectList(await admin.get('/api/guide/articles'), srv).total, before);
});
