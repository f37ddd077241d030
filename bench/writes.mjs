// writes.mjs - the write part of `make bench`: claims filed and claims
// approved per second, each with its audit record, at 64 connections
// against a running server (whose database it changes: give it a copy).
//   node bench/writes.mjs URL PASSWORD [COUNT]
// A district committee ("haishu") files COUNT claims for members of its
// district under a rule that needs the committee's approval, then approves
// them all. Prints one JSON line: {"filed_per_s","approved_per_s",
// "count","errors","busy","busy_filed","busy_approved","audit_ok"}: busy
// counts the 503 answers (a
// write that still conflicted after its retries: refused, nothing kept),
// errors every other failure; exits 1 on any error or when the audit log
// did not grow by exactly the records of the answered writes.
import { client } from './client.mjs';

const [URL_ARG, PW, COUNT_ARG] = process.argv.slice(2);
const COUNT = Number(COUNT_ARG ?? 4000);
const CONNS = 64;

const { req, ok, agent } = client(URL_ARG, CONNS);

const login = async (username) => (await ok(req('POST', '/api/auth/login', { username, password: PW }))).token;
const admin = await login('admin');
const district = await login('haishu');
const me = await ok(req('GET', '/api/me', null, district));
const did = me.roles[0].org_id;
const members = (await ok(req('GET', `/api/members?org=${did}&subtree=1&size=200`, null, district))).items.map((m) => m.id);
const rule = await ok(req('POST', '/api/point-rules', {
	category: '创先争优', item: `基准测试申报项${Date.now()}`, points: 1, cap: null, cap_period: 'year',
	needs_approval: true, approver_role: 'committee', valid_from: '2020-01-01',
}, admin), 201);
const auditTotal = async () => (await ok(req('GET', '/api/audit?size=1', null, admin))).total;
const audit0 = await auditTotal();

let errors = 0;
let busy = 0;
// Runs fn(i) for i in [0, n) on CONNS concurrent loops; returns seconds.
async function run(n, fn) {
	let next = 0;
	const t0 = process.hrtime.bigint();
	await Promise.all(Array.from({ length: CONNS }, async () => {
		for (let i = next++; i < n; i = next++) {
			try {
				await fn(i);
			} catch (e) {
				if (/got 503/.test(String(e.message))) busy++;
				else if (++errors <= 3) console.error(String(e.message ?? e));
			}
		}
	}));
	return Number(process.hrtime.bigint() - t0) / 1e9;
}

const claims = new Array(COUNT);
let approved = 0;
const busyBefore = busy;
const tFile = await run(COUNT, async (i) => {
	const c = await ok(req('POST', '/api/claims', {
		member_id: members[i % members.length], rule_id: rule.id, description: `基准测试申报 ${i}`,
	}, district), 201);
	claims[i] = c.id;
});
const busyFiled = busy - busyBefore;
const tApprove = await run(COUNT, async (i) => {
	if (!claims[i]) return; // refused as busy when filed
	const a = await ok(req('POST', `/api/claims/${claims[i]}/approve`, {}, district));
	if (a.status !== 'approved') throw new Error(`claim ${claims[i]}: ${a.status}`);
	approved++;
});
const audit1 = await auditTotal();
// one record per filed claim, two per approval (the decision, the ledger
// entry): every answered write, and nothing of a refused one
const filed = claims.filter(Boolean).length;
const auditOk = audit1 - audit0 === filed + 2 * approved;
console.log(JSON.stringify({
	filed_per_s: Math.round(COUNT / tFile), approved_per_s: Math.round(COUNT / tApprove),
	count: COUNT, errors, busy, busy_filed: busyFiled, busy_approved: busy - busyFiled, audit_ok: auditOk, audit_records: audit1 - audit0,
}));
agent.destroy();
process.exit(errors || !auditOk ? 1 : 0);
