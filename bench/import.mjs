// import.mjs - the import part of `make bench`: a roster of COUNT
// generated members (CSV, valid ID numbers and phones) imported into one
// new branch through POST /api/import/members, first as a dry run, then
// committed, against a running server (whose database it changes: give
// it a fresh one or a copy).
//   node bench/import.mjs URL PASSWORD [COUNT]
// Prints one JSON line: {"rows","dry_run_s","commit_s","created"}; exits
// 1 when an answer is not the expected one.
import { client, letters } from './client.mjs';

const [URL_ARG, PW, COUNT_ARG] = process.argv.slice(2);
const COUNT = Number(COUNT_ARG ?? 10000);
const { req, ok } = client(URL_ARG, 4);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** A valid ID number for person i: birth days spread over 1960-1999. */
function idNumber(i) {
	const d = new Date(Date.UTC(1960, 0, 1) + (i % 14000) * 86400000);
	const birth = d.toISOString().slice(0, 10).replaceAll('-', '');
	const seq = String(Math.floor(i / 14000) * 100 + (i % 100)).padStart(3, '0');
	const first17 = `330201${birth}${seq}`;
	let s = 0;
	for (let k = 0; k < 17; k++) s += Number(first17[k]) * WEIGHTS[k];
	return first17 + CHECK[s % 11];
}

const token = (await ok(req('POST', '/api/auth/login', { username: 'admin', password: PW }))).token;
const stamp = Date.now();
const branch = await ok(req('POST', '/api/orgs', {
	name: `导入基准支部${stamp}`, kind: 'branch', level: 'city', parent_id: null,
}, token), 201);
const lines = ['姓名,性别,身份证号码,手机号码,所属党组织,党员状态,入党日期'];
for (let i = 0; i < COUNT; i++) {
	const id = idNumber(stamp % 7 + i * 7);
	const male = Number(id[16]) % 2 === 1;
	lines.push(`导入${letters(i)},${male ? '男' : '女'},${id},139${String(i).padStart(8, '0')},${branch.name},正式党员,2020-07-01`);
}
const csv = Buffer.from(lines.join('\r\n') + '\r\n');

let t0 = performance.now();
const dry = await ok(req('POST', '/api/import/members?dry_run=1', csv, token, 'text/csv'));
const dryS = (performance.now() - t0) / 1000;
t0 = performance.now();
const done = await ok(req('POST', '/api/import/members', csv, token, 'text/csv'));
const commitS = (performance.now() - t0) / 1000;
const out = { rows: COUNT, dry_run_s: +dryS.toFixed(2), commit_s: +commitS.toFixed(2), created: done.created };
console.log(JSON.stringify(out));
if (dry.valid !== COUNT || done.created !== COUNT) process.exit(1);
