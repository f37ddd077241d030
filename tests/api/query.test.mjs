// Query strings are checked by the query table of their route before the
// handler runs: every flag takes one rule (1, 0, true or false), a bad
// value is a 422 naming the parameter, a value sent empty counts as absent,
// parameters no table names are ignored, and the defaults of a table are
// the answer's (the boards' year and quarter are the server's current
// ones; see also clock.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, ADMIN_PASSWORD, expectStatus, expectError, expectList, createOrg,
	uniq, todayShanghai, dayFromToday, thisYear,
} from './harness.mjs';

let srv;
let admin;
let city;
let branch;

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin', ADMIN_PASSWORD);
	const org = (name, kind, parent) => createOrg(admin, { name: uniq(name), kind, level: 'city', parent_id: parent }, srv);
	city = await org('市直机关工委', 'work_committee', null);
	branch = await org('党支部', 'branch', city.id);
});
after(async () => { await srv?.stop(); });

/** Every flag of the API, as [path with its other parameters, flag]. */
function flags() {
	return [
		['/api/members?', 'subtree'],
		['/api/orgs?', 'roots'],
		['/api/plans?', 'subtree'],
		[`/api/duties?org=${branch.id}&year=${thisYear()}&`, 'applicable'],
		['/api/duty-assignments?', 'subtree'],
		['/api/meetings?', 'subtree'],
		['/api/tasks?', 'subtree'],
		['/api/tasks?', 'milestones'],
		['/api/tasks/reminders?', 'subtree'],
	];
}

test('every flag takes 1, 0, true or false; anything else is a 422 naming it', async () => {
	for (const [path, flag] of flags()) {
		for (const v of ['1', '0', 'true', 'false', '']) {
			expectStatus(await admin.get(`${path}${flag}=${v}`), 200, srv);
		}
		for (const v of ['yes', 'TRUE', '2', 'on', '%201']) {
			expectError(await admin.get(`${path}${flag}=${v}`), 422, 'invalid_field', flag, srv);
		}
	}
});

test('a bad value of any type is a 422 naming the parameter', async () => {
	const bad = [
		['/api/members?org=abc', 'org'],
		['/api/members?size=201', 'size'],
		['/api/members?page=0', 'page'],
		['/api/members?sort=age', 'sort'],
		['/api/orgs?level=province', 'level'],
		['/api/plans?year=02024', 'year'],
		['/api/plans?year=1899', 'year'],
		['/api/tasks?year=2024Q1', 'year'],
		['/api/ledger?period=2024Q5', 'period'],
		['/api/meetings?period=24', 'period'],
		['/api/point-rules?on=2024-02-30', 'on'],
		['/api/point-rules?kind=team', 'kind'],
		['/api/tasks/reminders?days=367', 'days'],
		['/api/tasks/reminders?days=-1', 'days'],
		[`/api/leaderboards/members?org=${city.id}&limit=0`, 'limit'],
		[`/api/leaderboards/orgs?org=${city.id}`, 'kind'],
		[`/api/leaderboards/orgs?org=${city.id}&kind=branch&by=name`, 'by'],
		[`/api/compliance?org=${branch.id}&period=Q3`, 'period'],
		[`/api/duties?year=${thisYear()}`, 'org'],
		['/api/duty-reports?year=2024', 'member_id'],
		['/api/point-settings?kind=member', 'year'],
	];
	for (const [p, field] of bad) expectError(await admin.get(p), 422, 'invalid_field', field, srv);
});

test('parameters no table names are ignored, and an empty value is absent', async () => {
	expectList(await admin.get('/api/members?foo=bar&_t=1'), srv);
	expectList(await admin.get('/api/members?org=&q=&status=&sort=&page=&size='), srv);
	const b = expectStatus(await admin.get(`/api/leaderboards/members?org=${city.id}&period=&limit=`), 200, srv);
	assert.equal(b.period, String(thisYear()));
});

test('the defaults of the tables are in the answers', async () => {
	const today = todayShanghai();
	const orgs = expectStatus(await admin.get(`/api/leaderboards/orgs?org=${city.id}&kind=branch`), 200, srv);
	assert.equal(orgs.by, 'average');
	assert.equal(orgs.period, String(thisYear()));
	const board = expectStatus(await admin.get(`/api/compliance/board?org=${city.id}`), 200, srv);
	const q = `${today.slice(0, 4)}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
	assert.equal(board.period, q);
	const acc = expectStatus(await admin.get(`/api/acceptance?org=${city.id}`), 200, srv);
	assert.equal(acc.year, thisYear());
	const reg = expectStatus(await admin.get(`/api/attendance/register?org=${branch.id}`), 200, srv);
	assert.equal(reg.year, thisYear());
	const rem = expectStatus(await admin.get(`/api/tasks/reminders?org=${branch.id}`), 200, srv);
	assert.equal(rem.until, dayFromToday(7));
	const page = expectList(await admin.get('/api/members'), srv);
	assert.ok(page.items.length <= 20);
});
