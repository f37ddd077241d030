// Black-box API test harness: starts a real build/xianfeng process on a fresh
// database and gives the tests small HTTP clients.
//
//   const srv = await startServer();          // init + admin user + serve
//   const admin = await srv.login('admin', ADMIN_PASSWORD);
//   const r = await admin.post('/api/orgs', {...});   // {status, body, headers, text, raw}
//
// Environment:
//   XF_BIN       server binary (default: build/xianfeng under the repo root)
//   XF_TEST_PG   libpq conninfo; when set the server runs on PostgreSQL
//                ("postgres:<conninfo>"), otherwise on SQLite in a temp dir.
//                The runner (scripts/run-api-tests.sh) gives every test file
//                its own freshly created database, so a test file starts at
//                most one server per database.
//
// Nothing here builds the server; run `make` first.

import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import http from 'node:http';
import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { todayShanghai } from '../clock.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const XF_BIN = process.env.XF_BIN
	? path.resolve(process.env.XF_BIN)
	: path.join(REPO_ROOT, 'build', 'xianfeng');
export const ADMIN_PASSWORD = 'Admin-pass-2024!';
export const DB_KIND = process.env.XF_TEST_PG ? 'postgres' : 'sqlite';
// The data key that seals personal data (docs/security.md): one random key
// per test process, inherited by every command and server it starts, unless
// the caller set one.
if (!process.env.XF_DATA_KEY && !process.env.XF_DATA_KEY_FILE) {
	process.env.XF_DATA_KEY = (await import('node:crypto')).randomBytes(32).toString('hex');
}

const REQUEST_TIMEOUT_MS = 20000;
const START_TIMEOUT_MS = 10000;
const agent = new http.Agent({ keepAlive: false });

// ---- small utilities -------------------------------------------------------

/** Runs a program: {code, stdout, stderr}; code -1 when it ended without an exit status (killed, not found). */
export function runProgram(file, args, { env, timeout = 60000 } = {}) {
	const options = { timeout, maxBuffer: 64 << 20, ...(env ? { env: { ...process.env, ...env } } : {}) };
	return new Promise((resolve) => {
		execFile(file, args, options, (err, stdout, stderr) => {
			resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
		});
	});
}

const PSQL = path.join(process.env.PG_BIN || '/usr/lib/postgresql/15/bin', 'psql');

/** Runs SQL on a test database (sqlite:FILE or postgres:CONNINFO) behind the server's back,
 * with sqlite3 or psql -Atq (unaligned rows, one a line): {code, stdout, stderr}. */
export function runSql(db, statement) {
	return db.startsWith('postgres:')
		? runProgram(PSQL, [db.slice('postgres:'.length), '-v', 'ON_ERROR_STOP=1', '-Atq', '-c', statement])
		: runProgram('sqlite3', [db.slice('sqlite:'.length), statement]);
}

/** runSql that must succeed (it throws with the tool's message otherwise): the output, trimmed. */
export async function rawSql(db, statement) {
	const r = await runSql(db, statement);
	if (r.code !== 0) throw new Error(`${statement}\n${r.stderr}`);
	return r.stdout.trim();
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let uniqCounter = 0;
// n in letters only (a..z as base-26 digits): names of people take no digits
// (the name rule, docs/security.md).
const letters = (n) => n.toString(26).replace(/[0-9]/g, (d) => 'qrstuvwxyz'[d]);
/** A short unique suffix for names within one test process (letters only). */
export function uniq(prefix = '') {
	uniqCounter += 1;
	return `${prefix}${letters(process.pid)}${letters(uniqCounter)}`;
}

// The server's clock (XF_CLOCK, libfaketime): tests build every date from it.
export { CLOCK_OFFSET_S, serverNow, todayShanghai, dayFromToday, thisYear, addMonths, daysFrom } from '../clock.mjs';
/** A 1×1 PNG, for uploads. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
	+ '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
export const CHINESE = /[\u4e00-\u9fa5]/;
export const ISO_TIME_0800 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?\+08:00$/;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

async function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

function runCli(args, env = {}) {
	return new Promise((resolve, reject) => {
		execFile(XF_BIN, args, { env: { ...process.env, ...env }, timeout: 300000 },
			(err, stdout, stderr) => {
				if (err) {
					reject(new Error(`xianfeng ${args.join(' ')} failed (${err.code ?? err.signal}):\n` +
						`${stdout}\n${stderr}`));
				} else {
					resolve({ stdout, stderr });
				}
			});
	});
}

// ---- raw HTTP --------------------------------------------------------------

/**
 * One HTTP request. body: undefined (none), Buffer/Uint8Array or string (sent
 * as is), anything else (JSON-encoded). Resolves to
 * {status, headers, raw, text, body} where body is the parsed JSON or null.
 * Errors writing the request body after the server already answered (a server
 * that refuses a huge body early) are ignored: the answer is what counts.
 */
export function rawRequest(baseUrl, method, urlPath, body, headers = {}, { chunked = false } = {}) {
	const url = new URL(urlPath, baseUrl);
	let payload = null;
	const h = { ...headers };
	if (body !== undefined) {
		if (Buffer.isBuffer(body) || body instanceof Uint8Array) payload = Buffer.from(body);
		else if (typeof body === 'string') payload = Buffer.from(body, 'utf8');
		else payload = Buffer.from(JSON.stringify(body), 'utf8');
		if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
			h['Content-Type'] = 'application/json; charset=utf-8';
		}
		if (chunked) h['Transfer-Encoding'] = 'chunked';
		else h['Content-Length'] = String(payload.length);
	} else if (method !== 'GET' && method !== 'HEAD') {
		h['Content-Length'] = '0';
	}
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = http.request({
			agent, method, hostname: url.hostname, port: url.port,
			path: url.pathname + url.search, headers: h,
		}, (res) => {
			answered = true;
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('error', reject);
			res.on('end', () => {
				const raw = Buffer.concat(chunks);
				const text = raw.toString('utf8');
				let parsed = null;
				try { parsed = text.length ? JSON.parse(text) : null; } catch { parsed = null; }
				resolve({ status: res.statusCode, headers: res.headers, raw, text, body: parsed,
					method, path: urlPath });
			});
		});
		req.setTimeout(REQUEST_TIMEOUT_MS, () => {
			req.destroy(new Error(`${method} ${urlPath}: no answer within ${REQUEST_TIMEOUT_MS} ms`));
		});
		req.on('error', (e) => {
			if (answered) return;
			// The server may answer (e.g. 413) and close while we are still
			// writing; give the response a moment to arrive before failing.
			if (e.code === 'EPIPE' || e.code === 'ECONNRESET') {
				setTimeout(() => { if (!answered) reject(e); }, 1000);
				return;
			}
			reject(e);
		});
		if (payload && chunked) {
			// Several chunks of at most 64 KiB, as a streaming client would send.
			for (let i = 0; i < payload.length; i += 65536) req.write(payload.subarray(i, i + 65536));
		} else if (payload) {
			req.write(payload);
		}
		req.end();
	});
}

// ---- clients ---------------------------------------------------------------

/**
 * A client. auth:
 *   {mode:'none'}
 *   {mode:'bearer', token}
 *   {mode:'cookie', token, csrf, sendCsrf=true}  - sends Cookie: xf_session=token
 *     and, when sendCsrf, X-CSRF-Token on writes.
 * Methods: get(path, opts), del(path, opts), post(path, body, opts),
 * patch(path, body, opts), request(method, path, body, opts); opts.headers
 * adds or overrides headers, opts.chunked sends the body with
 * Transfer-Encoding: chunked instead of a Content-Length.
 */
export class Client {
	constructor(server, auth = { mode: 'none' }) {
		this.server = server;
		this.auth = auth;
		this.token = auth.token ?? null;
		this.csrf = auth.csrf ?? null;
		this.user = auth.user ?? null;
	}

	authHeaders(method) {
		const h = {};
		if (this.auth.mode === 'bearer') {
			h.Authorization = `Bearer ${this.auth.token}`;
		} else if (this.auth.mode === 'cookie') {
			h.Cookie = `xf_session=${this.auth.token}`;
			if (this.auth.sendCsrf !== false && method !== 'GET' && this.auth.csrf) {
				h['X-CSRF-Token'] = this.auth.csrf;
			}
		}
		return h;
	}

	request(method, p, body, opts = {}) {
		const headers = { ...this.authHeaders(method), ...(opts.headers ?? {}) };
		return rawRequest(this.server.url, method, p, body, headers, { chunked: opts.chunked });
	}

	get(p, opts) { return this.request('GET', p, undefined, opts); }
	del(p, opts) { return this.request('DELETE', p, undefined, opts); }
	post(p, body, opts) { return this.request('POST', p, body, opts); }
	patch(p, body, opts) { return this.request('PATCH', p, body, opts); }

	/** The same session, used through the cookie instead of the bearer token. */
	asCookie({ sendCsrf = true } = {}) {
		return new Client(this.server, { mode: 'cookie', token: this.token, csrf: this.csrf,
			user: this.user, sendCsrf });
	}
}

// ---- the server ------------------------------------------------------------

/**
 * Starts a server on a fresh database.
 * options: db (override the db string), demo (run `xianfeng demo` with
 * XF_ADMIN_PASSWORD instead of adding the admin user with `user add`),
 * attach (a second server on the db of another: no init, no users),
 * env (variables added to the server's environment).
 * Returns {url, db, log(), logTail(n), client(), login(), loginRaw(), stop()}.
 */
export async function startServer(options = {}) {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-api-'));
	const db = options.db ?? (process.env.XF_TEST_PG
		? `postgres:${process.env.XF_TEST_PG}`
		: `sqlite:${path.join(tmp, 't.db')}`);

	if (!fs.existsSync(XF_BIN)) {
		throw new Error(`server binary ${XF_BIN} not found; run make`);
	}
	if (options.attach) {
		// the database is another server's, ready
	} else if (await runCli(['init', '--db', db]), options.demo) {
		await runCli(['demo', '--db', db], { XF_ADMIN_PASSWORD: ADMIN_PASSWORD });
	} else {
		await runCli(['user', 'add', '--db', db, '--username', 'admin',
			'--password', ADMIN_PASSWORD, '--role', 'admin']);
	}

	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const proc = spawn(XF_BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`], {
		stdio: ['ignore', 'pipe', 'pipe'],
		// every test logs in from 127.0.0.1: a budget of failed logins per
		// address that whole files of tests stay under (auth_security tests
		// the real one on servers of their own)
		env: { XF_LOGIN_BUDGET: '100000', ...process.env, ...(options.env ?? {}) }, // e.g. the webhook's settings
	});
	let stderr = '';
	let stdout = '';
	let exited = null;
	proc.stderr.setEncoding('utf8');
	proc.stdout.setEncoding('utf8');
	proc.stderr.on('data', (d) => { stderr += d; });
	proc.stdout.on('data', (d) => { stdout += d; });
	const exitPromise = new Promise((resolve) => {
		proc.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); });
	});

	const logTail = (n = 30) => {
		const lines = stderr.split('\n').filter(Boolean);
		return lines.slice(-n).join('\n');
	};

	const server = {
		url, db, tmp, proc,
		log: () => stderr,
		stdout: () => stdout,
		logTail,
		exited: () => exited,
		client: () => new Client(server),
		/** POST /api/auth/login, returns the raw answer. */
		loginRaw: (username, password) =>
			rawRequest(url, 'POST', '/api/auth/login', { username, password }),
		/** Logs in and returns a bearer client (client.asCookie() for cookie mode). */
		async login(username, password) {
			const r = await server.loginRaw(username, password);
			if (r.status !== 200 || !r.body || typeof r.body.token !== 'string') {
				throw new Error(`login as ${username} failed: ${r.status} ${r.text}\n--- server log ---\n${logTail()}`);
			}
			return new Client(server, { mode: 'bearer', token: r.body.token, csrf: r.body.csrf,
				user: r.body.user });
		},
		/** Stops the server; fails if it had crashed before. */
		async stop() {
			const crashed = exited;
			if (!exited) {
				proc.kill('SIGTERM');
				const t = setTimeout(() => { if (!exited) proc.kill('SIGKILL'); }, 5000);
				await exitPromise;
				clearTimeout(t);
			}
			if (!process.env.XF_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
			if (crashed) {
				throw new Error(`server exited during the tests (code ${crashed.code}, signal ${crashed.signal})\n` +
					`--- server log ---\n${logTail(60)}`);
			}
		},
	};

	// Wait for GET /api/health = 200 (up to 10 s).
	const deadline = Date.now() + START_TIMEOUT_MS;
	let last = null;
	while (Date.now() < deadline) {
		if (exited) break;
		try {
			const r = await rawRequest(url, 'GET', '/api/health');
			if (r.status === 200) {
				// the server's clock is the one the tests build dates from
				const mine = todayShanghai();
				if (r.body?.today !== mine && todayShanghai() === mine) {
					proc.kill('SIGKILL');
					await exitPromise;
					throw new Error(`the server's today ${r.body?.today} is not the tests' ${mine}` +
						` (XF_CLOCK=${process.env.XF_CLOCK ?? ''})`);
				}
				server.today = r.body.today;
				return server;
			}
			last = `${r.status} ${r.text}`;
		} catch (e) {
			last = e.message;
		}
		await sleep(100);
	}
	if (!exited) proc.kill('SIGKILL');
	await exitPromise;
	throw new Error(`server did not become healthy (${last}; exit ${JSON.stringify(exited)})\n` +
		`--- server log ---\n${logTail(60)}\n--- stdout ---\n${stdout.slice(-2000)}`);
}

// ---- assertions -------------------------------------------------------------

function describe(res, server) {
	let s = `${res.method} ${res.path} -> ${res.status} ${res.text.slice(0, 800)}`;
	if (server) s += `\n--- server log (tail) ---\n${server.logTail(15)}`;
	return s;
}

/** Asserts the status (a number or a list of accepted numbers); returns the body. */
export function expectStatus(res, expected, server) {
	const ok = Array.isArray(expected) ? expected.includes(res.status) : res.status === expected;
	if (!ok) {
		assert.fail(`expected status ${JSON.stringify(expected)}, got: ${describe(res, server)}`);
	}
	return res.body;
}

/**
 * Asserts an error answer: status, the error envelope, code (string or list),
 * a Chinese message, and, when given, the field.
 */
export function expectError(res, status, code, field, server) {
	expectStatus(res, status, server);
	const b = res.body;
	assert.ok(b && typeof b === 'object' && b.error && typeof b.error === 'object',
		`error envelope missing: ${describe(res, server)}`);
	const codes = Array.isArray(code) ? code : [code];
	assert.ok(codes.includes(b.error.code),
		`expected error code ${codes.join('|')}, got: ${describe(res, server)}`);
	assert.match(b.error.code, /^[a-z][a-z0-9_]*$/, 'error code must be snake_case');
	assert.equal(typeof b.error.message, 'string', `message missing: ${describe(res, server)}`);
	assert.match(b.error.message, CHINESE, `message must be Chinese: ${describe(res, server)}`);
	if (field !== undefined) {
		const fields = Array.isArray(field) ? field : [field];
		assert.ok(fields.includes(b.error.field),
			`expected error field ${fields.join('|')}, got: ${describe(res, server)}`);
	}
	return b.error;
}

/** Asserts that obj holds these values, one check per key, naming the key. */
export function expectFields(obj, fields) {
	for (const [k, v] of Object.entries(fields)) assert.deepEqual(obj[k], v, `field ${k}`);
}

/** Asserts a list answer {items:[...], total:N}; returns it. */
export function expectList(res, server) {
	const b = expectStatus(res, 200, server);
	assert.ok(b && Array.isArray(b.items), `items missing: ${describe(res, server)}`);
	assert.ok(Number.isInteger(b.total) && b.total >= b.items.length,
		`total missing or too small: ${describe(res, server)}`);
	return b;
}

/** All items of a paged list (walks pages of 200). */
export async function listAll(client, p, server) {
	const items = [];
	const sep = p.includes('?') ? '&' : '?';
	for (let page = 1; page < 1000; page++) {
		const b = expectList(await client.get(`${p}${sep}page=${page}&size=200`), server);
		items.push(...b.items);
		if (b.items.length < 200 || items.length >= b.total) break;
	}
	return items;
}

// ---- Chinese resident ID numbers (GB 11643-1999) ----------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The MOD 11-2 check character of the first 17 digits. */
export function idCheckChar(first17) {
	let sum = 0;
	for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
	return ID_CHECK[sum % 11];
}

let idCounter = 0;
/**
 * A valid 18-character ID number. gender 'male' makes the 17th digit odd.
 * birth 'YYYYMMDD' (default: a different real date on every call).
 */
export function makeIdNumber({ gender = 'male', birth, area = '330201' } = {}) {
	idCounter += 1;
	if (!birth) {
		// 1950-01-01 plus a per-process offset and 13 days per call: unique and
		// well in the past for the few hundred numbers a test file uses.
		const d = new Date(Date.UTC(1950, 0, 1) + ((process.pid % 97) * 53 + idCounter * 13) * 86400000);
		birth = d.toISOString().slice(0, 10).replaceAll('-', '');
	}
	const seq2 = String(idCounter % 100).padStart(2, '0');
	let last = (idCounter * 3) % 5 * 2; // even 0..8
	if (gender === 'male') last += 1;
	const first17 = `${area}${birth}${seq2}${last}`;
	return first17 + idCheckChar(first17);
}

/** The same ID number with a wrong check character. */
export function withWrongCheck(id) {
	const c = id[17];
	const wrong = c === '0' ? '1' : '0';
	return id.slice(0, 17) + wrong;
}

/** "YYYY-MM-DD" of the birth date inside an ID number. */
export function birthDateOf(id) {
	return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

let phoneCounter = 0;
export function makePhone() {
	phoneCounter += 1;
	const n = (process.pid * 1000 + phoneCounter) % 100000000;
	return `138${String(n).padStart(8, '0')}`;
}

export const maskId = (id) => `${id.slice(0, 4)}**********${id.slice(14)}`;
export const maskPhone = (p) => `${p.slice(0, 3)}****${p.slice(7)}`;

// ---- fixtures ----------------------------------------------------------------

/** Creates an org (asserting 201) and returns it. */
export async function createOrg(client, fields, server) {
	const body = { kind: 'branch', level: 'city', ...fields };
	if (!body.name) body.name = uniq('党支部');
	const res = await client.post('/api/orgs', body);
	return expectStatus(res, 201, server);
}

/** Creates a member (asserting 201) and returns it. */
export async function createMember(client, fields, server) {
	const gender = fields.gender ?? 'male';
	const body = {
		name: uniq('党员'),
		gender,
		id_number: makeIdNumber({ gender }),
		phone: makePhone(),
		status: 'full',
		joined_on: '2010-07-01',
		...fields,
	};
	const res = await client.post('/api/members', body);
	return expectStatus(res, 201, server);
}

/** Creates a user (asserting 201) and logs it in; returns {user, client, password}. */
export async function createUserAndLogin(admin, server, { username, roles, member_id,
	display_name, password = 'User-pass-2024' } = {}) {
	const name = username ?? uniq('u');
	const body = { username: name, password, display_name: display_name ?? `用户${name.replace(/[^A-Za-z]/g, "")}`, roles };
	if (member_id !== undefined) body.member_id = member_id;
	const res = await admin.post('/api/users', body);
	const user = expectStatus(res, 201, server);
	const client = await server.login(name, password);
	return { user, client, password, username: name };
}

/** Opens an SSE stream (a full URL) as client; events arrive in .events,
 * next(name) resolves with the next event of that name; ready resolves
 * once the stream's opening line arrived. */
export function openEvents(client, url) {
	const events = [];
	const waiters = [];
	let buf = '';
	const req = http.get(url, { headers: client.authHeaders('GET') });
	const ready = new Promise((resolve, reject) => {
		req.on('response', (res) => {
			assert.equal(res.statusCode, 200);
			assert.match(res.headers['content-type'], /^text\/event-stream/);
			res.setEncoding('utf8');
			res.on('data', (chunk) => {
				buf += chunk;
				let i;
				while ((i = buf.indexOf('\n\n')) >= 0) {
					const frame = buf.slice(0, i);
					buf = buf.slice(i + 2);
					const ev = Object.fromEntries(frame.split('\n').filter((l) => /^(id|event|data):/.test(l))
						.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
					if (!ev.event) { resolve(); continue; } // the opening retry line
					ev.data = JSON.parse(ev.data);
					events.push(ev);
					for (const w of waiters.splice(0)) w();
				}
			});
		});
		req.on('error', reject);
	});
	const next = (name) => new Promise((resolve) => {
		const seen = events.length;
		const check = () => {
			const e = events.slice(seen).find((x) => x.event === name);
			if (e) resolve(e); else waiters.push(check);
		};
		check();
	});
	return { ready, events, next, close: () => req.destroy() };
}

function base32Decode(s) {
	const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = 0;
	let value = 0;
	const out = [];
	for (const ch of s.replace(/=+$/, '')) {
		value = (value << 5) | abc.indexOf(ch);
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/** The RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) of a base32 secret at ms
 * (the tests compute second-factor codes themselves). */
export function totp(secret, ms) {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(ms / 1000 / 30)));
	const h = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
	const o = h[h.length - 1] & 0xf;
	const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
	return String(n % 1000000).padStart(6, '0');
}
