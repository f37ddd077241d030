// 党费 (party dues): the secretary sets a member's monthly base of a year
// and the rules give the monthly amount in fen (在职 0.5% up to 3000 元, 1%
// up to 5000, 1.5% up to 10000, 2% above; 离退休 0.5% up to 5000, 1% above;
// 学生 and 失业/低收入 0.20 元); payments of one or several months (back
// payments, on the member's behalf) are all or nothing: the amount must be
// the months' sum, a month paid once, owed from the month after admission,
// never a later year; the grid, the unpaid list and the totals per
// organization (rolled up the tree) and their Excel twins; scope on the
// organization tree; a member reads their own year.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWithTree, membersOf, clientsFor, TWO_DISTRICTS } from './fixtures.mjs';
import { createMember, expectStatus, expectError, expectList, todayShanghai, thisYear } from './harness.mjs';
import { sheetOf } from './xlsx_sheet.mjs';

let srv, admin, dist, b1, b2, b3;
let com, sec1, sec2, sec3, memberUser, m1, m2, m3, newcomer;
const TODAY = todayShanghai();
const YEAR = thisYear();
const LAST = YEAR - 1;
const MONTH = Number(TODAY.slice(5, 7));
const ym = (y, m) => `${y}-${String(m).padStart(2, '0')}`;

before(async () => {
	({ srv, admin, dist, b1, b2, b3 } = await startWithTree(TWO_DISTRICTS));
	[m1, m2, m3] = await membersOf(admin, srv, [b1, b2, b3]);
	// admitted today as 预备党员: owes nothing before next month
	newcomer = await createMember(admin, { org_id: b1.id, status: 'probationary', joined_on: TODAY }, srv);
	({ com, sec1, sec2, sec3, memberUser } = await clientsFor(admin, srv, {
		com: ['committee', dist], sec1: ['secretary', b1], sec2: ['secretary', b2],
		sec3: ['secretary', b3], memberUser: ['member', b1, m1],
	}));
});
after(async () => { await srv?.stop(); });

const base = (client, member, year, income_fen, category) =>
	client.request('PUT', '/api/dues/base', { member_id: member.id, year, income_fen, ...(category ? { category } : {}) });
const pay = (client, member, months, amount_fen, extra = {}) =>
	client.post('/api/dues/payments', { member_id: member.id, months, amount_fen, ...extra });
// the error's message of a refusal checked as expectError does
const refused = (res, status, code, field) => {
	expectError(res, status, code, field, srv);
	return res.body.error.message;
};
const rowOf = async (client, org, year, member) =>
	expectList(await client.get(`/api/dues?org=${org.id}&year=${year}&size=200`), srv)
		.items.find((r) => r.member_id === member.id);

test('the categories come from the catalogue with their labels', async () => {
	const cat = expectStatus(await sec1.get('/api/catalog'), 200, srv);
	const c = Object.fromEntries(cat.dues_categories.map((k) => [k.code, k.label]));
	assert.equal(c.employed, '在职');
	assert.equal(c.retired, '离退休');
	assert.equal(c.student, '学生');
	assert.equal(c.low_income, '失业/低收入');
});

test('every rate through the API, at both sides of each bound, rounded to the fen', async () => {
	const cases = [
		[300000, undefined, 1500, 50], [300001, undefined, 3000, 100],
		[500000, 'employed', 5000, 100], [500001, 'employed', 7500, 150],
		[1000000, 'employed', 15000, 150], [1000001, 'employed', 20000, 200],
		[456750, 'employed', 4568, 100], // 45.675 元 rounds half up
		[500000, 'retired', 2500, 50], [500001, 'retired', 5000, 100],
		[0, 'student', 20, 0], [880000, 'low_income', 20, 0],
	];
	for (const [income, category, monthly, bp] of cases) {
		const b = expectStatus(await base(sec2, m2, YEAR + 1, income, category), 200, srv);
		assert.equal(b.member_id, m2.id);
		assert.equal(b.year, YEAR + 1);
		assert.equal(b.income_fen, income);
		assert.equal(b.category, category ?? 'employed');
		assert.equal(b.monthly_fen, monthly, `${category} ${income}`);
		assert.equal(b.rate_bp, bp);
	}
	// the first write created the base, the others changed it: audited
	const audit = expectList(await admin.get(`/api/audit?entity=dues_base&entity_id=${m2.id}&size=50`), srv);
	assert.equal(audit.items.length, cases.length);
	assert.ok(audit.items.some((a) => a.action === 'create'));
	assert.ok(audit.items.some((a) => a.action === 'update'));
});

test('bad bases are refused naming the field, and write nothing', async () => {
	expectError(await base(sec1, m1, YEAR, -1), 422, 'invalid_field', 'income_fen', srv);
	expectError(await base(sec1, m1, YEAR, 300000, 'soldier'), 422, 'invalid_field', 'category', srv);
	expectError(await base(sec1, m1, YEAR + 2, 300000), 422, 'invalid_field', 'year', srv);
	expectError(await sec1.request('PUT', '/api/dues/base', { member_id: m1.id, year: YEAR, income_fen: 3000.5 }), 422, 'invalid_field', 'income_fen', srv);
	expectError(await base(sec1, { id: 999999999 }, YEAR, 300000), 422, 'invalid_field', 'member_id', srv);
	const row = await rowOf(sec1, b1, YEAR, m1);
	assert.equal(row.monthly_fen, null);
	assert.equal(row.category, null);
});

test('a back payment of several months of last year; paid twice or at the wrong amount is refused', async () => {
	expectStatus(await base(sec1, m1, LAST, 500000), 200, srv); // 50.00 元 a month
	// no base yet for the months of another member
	expectError(await pay(sec1, newcomer, [ym(YEAR, 12)], 20), 422, 'invalid_field', 'months', srv);
	const wrong = refused(await pay(sec1, m1, [ym(LAST, 1), ym(LAST, 2), ym(LAST, 3)], 14999), 422, 'amount_mismatch', 'amount_fen');
	assert.match(wrong, /150\.00 元/);
	const p = expectStatus(await pay(sec1, m1, [ym(LAST, 1), ym(LAST, 2), ym(LAST, 3)], 15000,
		{ payer: '张三（代缴）' }), 201, srv);
	assert.equal(p.total, 3);
	assert.deepEqual(p.items.map((x) => x.month), [ym(LAST, 1), ym(LAST, 2), ym(LAST, 3)]);
	assert.ok(p.items.every((x) => x.amount_fen === 5000 && x.paid_on === TODAY && x.payer === '张三（代缴）'));
	// one month already paid: the whole payment is refused, nothing written
	const twice = refused(await pay(sec1, m1, [ym(LAST, 4), ym(LAST, 2)], 10000), 409, 'already_paid', 'months');
	assert.match(twice, new RegExp(ym(LAST, 2)));
	expectError(await pay(sec1, m1, [ym(LAST, 5), ym(LAST, 5)], 10000), 422, 'invalid_field', 'months', srv);
	expectError(await pay(sec1, m1, ['2026-13'], 5000), 422, 'invalid_field', 'months', srv);
	expectError(await pay(sec1, m1, [`${LAST}/06`], 5000), 422, 'invalid_field', 'months', srv);
	expectError(await pay(sec1, m1, [], 0), 422, 'invalid_field', 'months', srv);
	const row = await rowOf(sec1, b1, LAST, m1);
	assert.equal(row.monthly_fen, 5000);
	assert.equal(row.income_fen, 500000);
	assert.deepEqual(row.months.map((x) => x.state), ['paid', 'paid', 'paid', ...Array(9).fill('unpaid')]);
	assert.equal(row.paid_fen, 15000);
	assert.equal(row.due_fen, 60000);
	assert.equal(row.unpaid_fen, 45000);
	assert.equal(row.unpaid_months.length, 9);
	assert.equal(row.unpaid_months[0], ym(LAST, 4));
	// audited: the months of the payment
	const audit = expectList(await admin.get(`/api/audit?entity=dues_payment&entity_id=${m1.id}`), srv);
	assert.equal(audit.items.length, 1);
	assert.equal(audit.items[0].action, 'create');
});

test('this year: paying ahead to December is allowed, a later year or a month before admission is not', async () => {
	expectStatus(await base(sec1, m1, YEAR, 300000), 200, srv); // 15.00 元
	expectStatus(await pay(sec1, m1, [ym(YEAR, 12)], 1500), 201, srv);
	expectError(await pay(sec1, m1, [ym(YEAR + 1, 1)], 1500), 422, 'invalid_field', 'months', srv);
	expectStatus(await base(sec1, newcomer, YEAR, 0, 'student'), 200, srv);
	const early = refused(await pay(sec1, newcomer, [ym(YEAR, MONTH)], 20), 422, 'invalid_field', 'months');
	assert.match(early, /入党次月/);
	expectError(await pay(sec1, m1, [ym(YEAR, 1)], 1500, { paid_on: '2999-01-01' }), 422, 'invalid_field', 'paid_on', srv);
	const row = await rowOf(sec1, b1, YEAR, m1);
	assert.equal(row.months[11].state, 'paid');
	for (let m = 1; m < 12; m++) assert.equal(row.months[m - 1].state, m <= MONTH ? 'unpaid' : 'upcoming');
	assert.equal(row.due_fen, MONTH * 1500);
	assert.equal(row.unpaid_fen, (MONTH === 12 ? 11 : MONTH) * 1500);
	// the newcomer owes nothing yet
	const n = await rowOf(sec1, b1, YEAR, newcomer);
	assert.equal(n.status, 'probationary');
	assert.ok(n.months.slice(0, MONTH).every((x) => x.state === 'not_owed'));
	assert.equal(n.due_fen, 0);
	assert.deepEqual(n.unpaid_months, []);
});

test('the unpaid list and the totals per organization, rolled up the tree', async () => {
	expectStatus(await base(sec2, m2, LAST, 1000001), 200, srv); // 200.00 元
	expectStatus(await pay(sec2, m2, Array.from({ length: 12 }, (_, i) => ym(LAST, i + 1)), 240000), 201, srv);
	const unpaid = expectStatus(await com.get(`/api/dues/unpaid?org=${dist.id}&year=${LAST}`), 200, srv);
	assert.equal(unpaid.year, LAST);
	const u1 = unpaid.items.find((r) => r.member_id === m1.id);
	assert.equal(u1.unpaid_months.length, 9);
	assert.equal(u1.unpaid_fen, 45000);
	assert.ok(!unpaid.items.some((r) => r.member_id === m2.id)); // paid in full
	assert.equal(unpaid.unpaid_fen, unpaid.items.reduce((s, r) => s + r.unpaid_fen, 0));
	const t = expectStatus(await com.get(`/api/dues/totals?org=${dist.id}&year=${LAST}`), 200, srv);
	const of = (org) => t.items.find((x) => x.org_id === org.id);
	assert.equal(of(b1).paid_fen, 15000);
	assert.equal(of(b1).unpaid_fen, 45000);
	assert.equal(of(b2).paid_fen, 240000);
	assert.equal(of(b2).due_fen, 240000);
	assert.equal(of(b2).unpaid_fen, 0);
	assert.equal(of(dist).paid_fen, of(b1).paid_fen + of(b2).paid_fen);
	assert.equal(of(dist).due_fen, of(b1).due_fen + of(b2).due_fen);
	assert.equal(of(dist).members, of(b1).members + of(b2).members);
	assert.equal(t.total.paid_fen, of(dist).paid_fen);
	assert.ok(!t.items.some((x) => x.org_id === b3.id));
});

test('another district is out of scope: its secretary can neither read nor write; a member may not write', async () => {
	expectError(await base(sec3, m1, YEAR, 300000), 422, 'invalid_field', 'member_id', srv);
	expectError(await pay(sec3, m1, [ym(LAST, 4)], 5000), 422, 'invalid_field', 'member_id', srv);
	expectError(await pay(sec2, m1, [ym(LAST, 4)], 5000), 422, 'invalid_field', 'member_id', srv);
	expectError(await sec3.get(`/api/dues?org=${b1.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec3.get(`/api/dues/unpaid?org=${b1.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec3.get(`/api/dues/totals?org=${dist.id}`), 404, 'not_found', 'org', srv);
	expectError(await sec3.get(`/api/dues.xlsx?org=${b1.id}`), 404, 'not_found', 'org', srv);
	const own = expectList(await sec3.get(`/api/dues?year=${LAST}`), srv);
	assert.ok(own.items.every((r) => r.org_id === b3.id));
	expectStatus(await memberUser.request('PUT', '/api/dues/base', { member_id: m1.id, year: YEAR, income_fen: 1 }), 403, srv);
	expectStatus(await memberUser.post('/api/dues/payments', { member_id: m1.id, months: [ym(LAST, 4)], amount_fen: 5000 }), 403, srv);
	expectStatus(await memberUser.get(`/api/dues?org=${b1.id}`), 403, srv);
	// nothing was written by the refusals
	const row = await rowOf(sec1, b1, LAST, m1);
	assert.equal(row.months[3].state, 'unpaid');
	assert.equal((await rowOf(sec1, b1, YEAR, m1)).monthly_fen, 1500);
});

test('a member reads their own year; a user without a member record gets 404', async () => {
	const mine = expectStatus(await memberUser.get(`/api/me/dues?year=${LAST}`), 200, srv);
	assert.equal(mine.member_id, m1.id);
	assert.equal(mine.paid_fen, 15000);
	assert.equal(mine.months[0].state, 'paid');
	const now = expectStatus(await memberUser.get('/api/me/dues'), 200, srv);
	assert.equal(now.year, YEAR);
	expectError(await sec1.get('/api/me/dues'), 404, 'not_found', undefined, srv);
});

test('the grid and the totals in Excel', async () => {
	const res = await sec1.get(`/api/dues.xlsx?org=${b1.id}&year=${LAST}`);
	assert.equal(res.status, 200);
	const { rows } = sheetOf(res.raw);
	assert.equal(rows[0][0], `${b1.name}${LAST}年度党费缴纳情况`);
	const r1 = rows.find((r) => r[1] === m1.name);
	assert.deepEqual(r1.slice(5, 9), ['✓', '✓', '✓', '未缴']);
	assert.equal(r1[4], 50);
	assert.equal(r1[17], 150);
	assert.equal(r1[18], 450);
	const tot = await com.get(`/api/dues/totals.xlsx?org=${dist.id}&year=${LAST}`);
	assert.equal(tot.status, 200);
	const t = sheetOf(tot.raw).rows;
	assert.equal(t[0][0], `${dist.name}${LAST}年度党费收缴统计`);
	const top = t.find((r) => r[0] === dist.name);
	assert.equal(top[4], 2550); // 150.00 + 2400.00 元 paid
});
