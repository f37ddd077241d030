// soak.mjs - `make soak`: 60 seconds of mixed reads and writes at 64
// connections against a server on a copy of the generated city; checks no
// error answers, no growth of RSS after warm-up, and a complete audit log
// (one record per answered write). Prints a summary; exits 1 on a failure.
//   node bench/soak.mjs [SECONDS]
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const BIN = path.join(ROOT, 'build/xianfeng');
const SECONDS = Number(process.argv[2] ?? 60);
const CONNS = 64;
const PW = 'bench-password-1';
const work = path.join(ROOT, 'build/bench');
fs.mkdirSync(work, { recursive: true });
const city = path.join(work, 'city.db');
if (!fs.existsSync(city)) {
	execFileSync(BIN, ['init', '--db', `sqlite:${city}`]);
	execFileSync(BIN, ['demo', '--scale', 'city', '--seed', '7', '--db', `sqlite:${city}`],
		{ env: { ...process.env, XF_ADMIN_PASSWORD: PW } });
}
const db = path.join(work, 'soak.db');
for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
execFileSync(BIN, ['init', '--db', `sqlite:${city}`]);
execFileSync(BIN, ['backup', '--db', `sqlite:${city}`, '--out', db]);

const port = await new Promise((r) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const srv = spawn(BIN, ['serve', '--db', `sqlite:${db}`, '--listen', `127.0.0.1:${port}`, '--quiet'], { stdio: 'inherit' });
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNS });

function req(method, p, body, token) {
	return new Promise((resolve, reject) => {
		const data = body ? Buffer.from(JSON.stringify(body)) : null;
		const r = http.request({ host: '127.0.0.1', port, method, path: p, agent,
			headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}),
				...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}) } },
		(res) => { let t = ''; res.setEncoding('utf8'); res.on('data', (c) => { t += c; }); res.on('end', () => resolve({ status: res.statusCode, text: t })); });
		r.on('error', reject);
		if (data) r.write(data);
		r.end();
	});
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < 100; i++) { try { if ((await req('GET', '/api/health')).status === 200) break; } catch { /* starting */ } await sleep(100); }

const token = JSON.parse((await req('POST', '/api/auth/login', { username: 'haishu', password: PW })).text).token;
const me = JSON.parse((await req('GET', '/api/me', null, token)).text);
const district = me.roles[0].org_id;
const branches = JSON.parse((await req('GET', `/api/orgs?size=200&kind=branch`, null, token)).text).items.map((o) => o.id);
const auditBefore = JSON.parse((await req('GET', '/api/audit?size=1', null, token)).text).total;

function idNumber(seq) {
	const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	const d = new Date(Date.UTC(1970, 0, 1) + (seq % 9000) * 86400000);
	const s17 = `330203${d.toISOString().slice(0, 10).replaceAll('-', '')}${String(700 + Math.floor(seq / 9000) % 150 * 2 + 1).padStart(3, '0')}`;
	const sum = [...s17].reduce((a, c, i) => a + Number(c) * w[i], 0);
	return s17 + '10X98765432'[sum % 11];
}

const stats = { reads: 0, writes: 0, errors: 0, statuses: {} };
const rss = [];
let seq = Math.floor(Math.random() * 1e6);
const end = Date.now() + SECONDS * 1000;
const sampler = setInterval(() => {
	const m = fs.readFileSync(`/proc/${srv.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
	rss.push(Number(m[1]));
}, 1000);
async function loop() {
	while (Date.now() < end) {
		const k = Math.random();
		let r;
		try {
			if (k < 0.45) r = await req('GET', `/api/members?org=${district}&subtree=1&page=${1 + Math.floor(Math.random() * 50)}`, null, token);
			else if (k < 0.6) r = await req('GET', `/api/orgs/${district}/tree`, null, token);
			else if (k < 0.8) r = await req('GET', '/api/me', null, token);
			else {
				const s = seq++;
				r = await req('POST', '/api/members', { name: `压测党员${s}`, gender: 'male', id_number: idNumber(s),
					phone: `139${String(s % 1e8).padStart(8, '0')}`, org_id: branches[s % branches.length],
					status: 'full', joined_on: '2015-07-01' }, token);
				if (r.status === 201) stats.writes++;
			}
		} catch (e) { r = { status: 'net:' + e.code }; }
		stats.statuses[r.status] = (stats.statuses[r.status] ?? 0) + 1;
		if (r.status === 201 || r.status === 200) { if (k < 0.8) stats.reads++; } else stats.errors++;
	}
}
await Promise.all(Array.from({ length: CONNS }, loop));
clearInterval(sampler);
const auditAfter = JSON.parse((await req('GET', '/api/audit?size=1', null, token)).text).total;
srv.kill('SIGTERM');
const warm = rss.slice(Math.floor(rss.length / 4));
const growth = warm.length ? Math.max(...warm) - warm[0] : 0;
const ok = stats.errors === 0 && auditAfter - auditBefore === stats.writes && growth < 20 * 1024;
console.log(JSON.stringify({ seconds: SECONDS, connections: CONNS, ...stats,
	audit_added: auditAfter - auditBefore, rss_kb_after_warmup: warm[0], rss_kb_max: Math.max(...rss), rss_growth_kb: growth, ok }, null, 1));
process.exit(ok ? 0 : 1);
