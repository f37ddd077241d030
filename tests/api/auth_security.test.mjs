// Accounts and sessions (等保 2.0, docs/security.md "Accounts and sessions"):
// the throttle by username and client address, the per-address budget of
// failed logins, the trusted proxy, the bounded hashing pool, the password
// rule, the admin's unlock, sessions (list, revoke, revoke all, idle
// timeout, lifetime) and the second factor (TOTP, RFC 6238) with its
// recovery codes. Codes are computed here (HMAC-SHA1), from the server's
// clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
	ADMIN_PASSWORD, CHINESE, Client, createOrg, createUserAndLogin, expectError, expectStatus,
	rawRequest, serverNow, sleep, startServer, totp, uniq,
} from './harness.mjs';

let srv; // trusts 127.0.0.1 as a proxy; a budget of 8 failed logins per address
let admin;
let root;
let other; // an organization outside the committee's subtree
let committee;
const BUDGET = 8;

before(async () => {
	srv = await startServer({ env: { XF_TRUSTED_PROXY: '127.0.0.1', XF_LOGIN_BUDGET: String(BUDGET) } });
	admin = await srv.login('admin', ADMIN_PASSWORD);
	root = await createOrg(admin, { name: uniq('安全测试党委'), kind: 'party_committee', parent_id: null }, srv);
	other = await createOrg(admin, { name: uniq('另一党委'), kind: 'party_committee', parent_id: null }, srv);
	({ client: committee } = await createUserAndLogin(admin, srv, { roles: [{ role: 'committee', org_id: other.id }] }));
});
after(async () => { await srv?.stop(); });

let addrCounter = 0;
/** A client address of its own for each use (10.77.x.y), sent through the trusted proxy. */
function addr() {
	addrCounter += 1;
	return `10.77.${Math.floor(addrCounter / 250)}.${(addrCounter % 250) + 1}`;
}

function login(server, body, from, headers = {}) {
	const h = { ...headers };
	if (from) h['X-Forwarded-For'] = from;
	return rawRequest(server.url, 'POST', '/api/auth/login', body, h);
}

async function newUser(roles = [{ role: 'screen', org_id: root.id }]) {
	const made = await createUserAndLogin(admin, srv, { roles });
	return made;
}

// ---- throttle and budget ----------------------------------------------------

test('failures from one address lock the username there only: the owner logs in from another address', async () => {
	const { username, password } = await newUser();
	const bad = addr();
	for (let i = 1; i <= 5; i++) {
		expectError(await login(srv, { username, password: `Wrong-pass-${i}` }, bad), 401, 'invalid_credentials', undefined, srv);
	}
	const locked = await login(srv, { username, password }, bad);
	expectError(locked, 429, 'too_many_attempts', undefined, srv);
	assert.match(locked.body.error.message, CHINESE);
	assert.ok(Number(locked.headers['retry-after']) > 0, 'a 429 says when to try again');
	// the real owner, elsewhere, is not locked out
	expectStatus(await login(srv, { username, password }, addr()), 200, srv);
	expectStatus(await login(srv, { username, password }), 200, srv);
});

test('X-Forwarded-For counts only from a trusted proxy: a second server that trusts none sees one address', async () => {
	const plain = await startServer({ db: srv.db, attach: true, env: { XF_TRUSTED_PROXY: '' } });
	try {
		const { username, password } = await newUser();
		for (let i = 1; i <= 5; i++) {
			expectError(await login(plain, { username, password: `Wrong-pass-${i}` }, addr()), 401, 'invalid_credentials', undefined, plain);
		}
		// every try came from 127.0.0.1 whatever the header said: locked there
		expectError(await login(plain, { username, password }, addr()), 429, 'too_many_attempts', undefined, plain);
		// the session shows the socket's address, not the header's
		const ok = expectStatus(await login(srv, { username, password }, '10.99.0.1'), 200, srv);
		const c = new Client(srv, { mode: 'bearer', token: ok.token });
		const mine = expectStatus(await c.get('/api/me/sessions'), 200, srv);
		assert.ok(mine.items.some((s) => s.current && s.addr === '10.99.0.1'), JSON.stringify(mine));
	} finally {
		await plain.stop();
	}
});

test('a malformed X-Forwarded-For is ignored: the proxy\'s own address counts', async () => {
	const { username, password } = await newUser();
	const ok = expectStatus(await login(srv, { username, password }, 'not-an-address'), 200, srv);
	const c = new Client(srv, { mode: 'bearer', token: ok.token });
	const mine = expectStatus(await c.get('/api/me/sessions'), 200, srv);
	assert.equal(mine.items.find((s) => s.current).addr, '127.0.0.1');
});

test('an address has a budget of failed logins, for any usernames: past it 429 too_many_requests, others unaffected', async () => {
	const { username, password } = await newUser();
	const from = addr();
	for (let i = 0; i < BUDGET; i++) {
		expectError(await login(srv, { username: uniq('ghost'), password: 'Wrong-pass-1' }, from), 401, 'invalid_credentials', undefined, srv);
	}
	const over = await login(srv, { username, password }, from);
	expectError(over, 429, 'too_many_requests', undefined, srv);
	assert.match(over.body.error.message, CHINESE);
	assert.ok(Number(over.headers['retry-after']) > 0);
	expectStatus(await login(srv, { username, password }, addr()), 200, srv);
});

test('successful logins do not use up the budget (an office behind one address logs in freely)', async () => {
	const { username, password } = await newUser();
	const from = addr();
	for (let i = 0; i < BUDGET + 2; i++) {
		expectStatus(await login(srv, { username, password }, from), 200, srv);
	}
});

test('logins hash in a bounded pool: a burst answers 401 or 503 busy, never anything else, and the server stays up', async () => {
	const burst = [];
	for (let i = 0; i < 8; i++) {
		burst.push(login(srv, { username: uniq('burst'), password: 'Wrong-pass-1' }, addr()));
		burst.push(rawRequest(srv.url, 'GET', '/api/health'));
	}
	const answers = await Promise.all(burst);
	for (const r of answers) {
		if (r.path === '/api/health') { assert.equal(r.status, 200); continue; }
		if (r.status === 503) {
			expectError(r, 503, 'busy', undefined, srv);
			assert.ok(Number(r.headers['retry-after']) > 0);
		} else {
			expectError(r, 401, 'invalid_credentials', undefined, srv);
		}
	}
	expectStatus(await srv.loginRaw('admin', ADMIN_PASSWORD), 200, srv);
});

test('the admin unlocks a locked user; a committee outside its roles cannot, a member-level user is refused', async () => {
	const { user, username, password, client } = await newUser();
	const from = addr();
	for (let i = 1; i <= 5; i++) {
		expectError(await login(srv, { username, password: `Wrong-pass-${i}` }, from), 401, 'invalid_credentials', undefined, srv);
	}
	expectError(await login(srv, { username, password }, from), 429, 'too_many_attempts', undefined, srv);
	expectError(await committee.post(`/api/users/${user.id}/unlock`), 404, 'not_found', undefined, srv);
	expectError(await client.post(`/api/users/${user.id}/unlock`), 403, 'forbidden', undefined, srv);
	expectError(await admin.post('/api/users/999999/unlock'), 404, 'not_found', undefined, srv);
	expectError(await login(srv, { username, password }, from), 429, 'too_many_attempts', undefined, srv);
	expectStatus(await admin.post(`/api/users/${user.id}/unlock`), 200, srv);
	expectStatus(await login(srv, { username, password }, from), 200, srv);
	const audit = expectStatus(await admin.get(`/api/audit?entity=user&entity_id=${user.id}&size=50`), 200, srv);
	assert.ok(audit.items.some((a) => a.action === 'unlock'), JSON.stringify(audit.items.map((a) => a.action)));
});

// ---- the password rule ------------------------------------------------------

test('the password rule refuses each weak password with a message naming the rule, and writes nothing', async () => {
	const username = `${uniq('Pw-rule-')}7`; // three classes: only the username rule refuses it
	const base = { username, display_name: '密码规则', roles: [{ role: 'screen', org_id: root.id }] };
	const refusals = [
		['Ab1-short', /10/],                 // 9 characters
		['alllowercase123', /3类/],           // two classes
		[username.toLowerCase(), /用户名/],   // the username (any case)
		['Password@123', /常见/],             // in data/common-passwords.txt
		['Qwerty@2024', /常见/],
	];
	for (const [password, message] of refusals) {
		const r = await admin.post('/api/users', { ...base, password });
		expectError(r, 422, 'invalid_field', 'password', srv);
		assert.match(r.body.error.message, message, `${password}: ${r.body.error.message}`);
		assert.match(r.body.error.message, CHINESE);
	}
	// nothing was written: the username is still free
	const made = expectStatus(await admin.post('/api/users', { ...base, password: 'Sound-pass-2024' }), 201, srv);
	// the admin's reset and the owner's change follow the same rule
	expectError(await admin.patch(`/api/users/${made.id}`, { password: 'password1234' }), 422, 'invalid_field', 'password', srv);
	const c = await srv.login(username, 'Sound-pass-2024');
	const ch = await c.post('/api/me/password', { old_password: 'Sound-pass-2024', new_password: 'P@ssw0rd123' });
	expectError(ch, 422, 'invalid_field', 'new_password', srv);
	expectStatus(await login(srv, { username, password: 'Sound-pass-2024' }), 200, srv);
	expectStatus(await c.post('/api/me/password', { old_password: 'Sound-pass-2024', new_password: 'Better-pass-2025' }), 200, srv);
	expectStatus(await login(srv, { username, password: 'Better-pass-2025' }), 200, srv);
});

// ---- sessions ---------------------------------------------------------------

test('a user lists its sessions (address, user agent, current) and ends one; others\' sessions are not its to end', async () => {
	const { username, password } = await newUser();
	const a = expectStatus(await login(srv, { username, password }, '10.66.0.1', { 'User-Agent': 'Phone-Browser/1.0' }), 200, srv);
	const b = expectStatus(await login(srv, { username, password }, '10.66.0.2', { 'User-Agent': 'Desk-Browser/2.0' }), 200, srv);
	const ca = new Client(srv, { mode: 'bearer', token: a.token });
	const cb = new Client(srv, { mode: 'bearer', token: b.token });
	const list = expectStatus(await ca.get('/api/me/sessions'), 200, srv);
	const mine = list.items.find((s) => s.current);
	const theirs = list.items.find((s) => s.user_agent === 'Desk-Browser/2.0');
	assert.equal(mine.user_agent, 'Phone-Browser/1.0');
	assert.equal(mine.addr, '10.66.0.1');
	assert.equal(theirs.addr, '10.66.0.2');
	assert.equal(theirs.current, false);
	for (const s of list.items) {
		assert.ok(!('token' in s) && !('token_hash' in s), 'a session is never shown with its token');
		assert.ok(s.created_at && s.last_seen && s.expires_at);
	}
	// another user cannot end them
	const stranger = (await newUser()).client;
	expectError(await stranger.del(`/api/me/sessions/${theirs.id}`), 404, 'not_found', undefined, srv);
	expectStatus(await cb.get('/api/me'), 200, srv);
	// the owner ends the other one
	expectStatus(await ca.del(`/api/me/sessions/${theirs.id}`), 200, srv);
	expectError(await cb.get('/api/me'), 401, 'unauthorized', undefined, srv);
	expectStatus(await ca.get('/api/me'), 200, srv);
	expectError(await ca.del(`/api/me/sessions/${theirs.id}`), 404, 'not_found', undefined, srv);
	expectError(await ca.del('/api/me/sessions/abc'), 404, 'not_found', undefined, srv);
	const after = expectStatus(await ca.get('/api/me/sessions'), 200, srv);
	assert.equal(after.items.length, list.items.length - 1);
	assert.ok(!after.items.some((s) => s.id === theirs.id));
});

test('the admin ends every session of a user; a committee outside its roles cannot', async () => {
	const { user, username, password, client } = await newUser();
	const second = await srv.login(username, password);
	expectError(await committee.del(`/api/users/${user.id}/sessions`), 404, 'not_found', undefined, srv);
	expectError(await client.del(`/api/users/${user.id}/sessions`), 403, 'forbidden', undefined, srv);
	expectStatus(await client.get('/api/me'), 200, srv);
	expectStatus(await admin.del(`/api/users/${user.id}/sessions`), 200, srv);
	expectError(await client.get('/api/me'), 401, 'unauthorized', undefined, srv);
	expectError(await second.get('/api/me'), 401, 'unauthorized', undefined, srv);
	expectStatus(await admin.get('/api/me'), 200, srv);
	expectStatus(await login(srv, { username, password }), 200, srv);
});

test('a session left idle past the idle timeout ends; one in use stays', async () => {
	// idle 6 s: a request's last use is recorded at most every second, and
	// answers may come from the 2-second answer cache without touching it
	const idle = await startServer({ db: srv.db, attach: true, env: { XF_SESSION_IDLE_SEC: '6' } });
	try {
		const { username, password } = await newUser();
		const c = await idle.login(username, password);
		// in use every half second for longer than the idle time: alive
		for (let i = 0; i < 16; i++) {
			expectStatus(await c.get('/api/me'), 200, idle);
			await sleep(500);
		}
		// left alone: gone, on every path (the caches included)
		await sleep(9500);
		expectError(await c.get('/api/me'), 401, 'unauthorized', undefined, idle);
		expectError(await c.get('/api/me/sessions'), 401, 'unauthorized', undefined, idle);
		// a new login works
		expectStatus(await idle.loginRaw(username, password), 200, idle);
	} finally {
		await idle.stop();
	}
});

test('a session ends at its lifetime even while in use', async () => {
	const short = await startServer({ db: srv.db, attach: true, env: { XF_SESSION_MAX_SEC: '3' } });
	try {
		const { username, password } = await newUser();
		const raw = await short.loginRaw(username, password);
		const r = expectStatus(raw, 200, short);
		assert.match(String(raw.headers['set-cookie']), /Max-Age=3\b/);
		const c = new Client(short, { mode: 'bearer', token: r.token });
		expectStatus(await c.get('/api/me'), 200, short);
		let status = 200;
		for (let i = 0; i < 20 && status === 200; i++) {
			await sleep(500);
			status = (await c.get('/api/me')).status;
		}
		assert.equal(status, 401, 'the session must end after its lifetime');
	} finally {
		await short.stop();
	}
});

// ---- the second factor (TOTP) -----------------------------------------------

test('totp() computes RFC 6238\'s own test vector', () => {
	// RFC 6238 appendix B, SHA-1 secret "12345678901234567890", T = 59 s: 94287082 (8 digits)
	const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
	assert.equal(totp(secret, 59 * 1000), '287082');
});

/** The users' stored TOTP secrets, as they are in the rows. */
function storedTotpSecrets(db) {
	const sql = 'SELECT totp_secret FROM users WHERE totp_secret IS NOT NULL';
	const [cmd, args] = db.startsWith('postgres:')
		? ['psql', [db.slice('postgres:'.length), '-v', 'ON_ERROR_STOP=1', '-qAtc', sql]]
		: ['sqlite3', [db.slice('sqlite:'.length), sql]];
	return new Promise((resolve, reject) => {
		execFile(cmd, args, { timeout: 60000 }, (err, stdout, stderr) => {
			if (err) reject(new Error(`${cmd}: ${stderr || err.message}`));
			else resolve(stdout);
		});
	});
}

test('TOTP: set up, confirmed with a code, then asked at login; codes are single use, and so are recovery codes', async () => {
	const { username, password, client } = await newUser([{ role: 'admin' }]);
	const from = addr();
	const setup = expectStatus(await client.post('/api/me/totp'), 201, srv);
	assert.match(setup.secret, /^[A-Z2-7]{32}$/);
	assert.ok(setup.otpauth_url.startsWith(`otpauth://totp/xianfeng:${encodeURIComponent(username)}?secret=${setup.secret}`),
		setup.otpauth_url);
	assert.equal(setup.recovery_codes.length, 10);
	assert.equal(new Set(setup.recovery_codes).size, 10);
	assert.match(setup.qr_svg, /^<\?xml|^<svg/);
	// the secret is stored sealed, as personal data: the database's copy
	// does not give the second factor away
	const stored = await storedTotpSecrets(srv.db);
	assert.ok(stored.length > 0 && !stored.includes(setup.secret), 'the TOTP secret is stored in clear');
	assert.match(stored, /xf1:[0-9a-f]{8}:/);
	// not on until confirmed
	expectStatus(await login(srv, { username, password }, from), 200, srv);
	expectError(await client.post('/api/me/totp/confirm', { code: '12345' }), 422, 'invalid_field', 'code', srv);
	const wrong = totp(setup.secret, serverNow() + 10 * 60 * 1000);
	expectError(await client.post('/api/me/totp/confirm', { code: wrong }), 422, 'invalid_field', 'code', srv);
	expectStatus(await client.post('/api/me/totp/confirm', { code: totp(setup.secret, serverNow()) }), 200, srv);
	const me = expectStatus(await client.get('/api/me'), 200, srv);
	assert.equal(me.totp_enabled, true);
	// once on, a new secret is refused (a stolen session cannot replace it)
	expectError(await client.post('/api/me/totp'), 409, 'totp_enabled', undefined, srv);

	// the password alone: otp_required; a wrong password never says so
	expectError(await login(srv, { username, password }, from), 401, 'otp_required', 'otp', srv);
	expectError(await login(srv, { username, password: 'Wrong-pass-1' }, from), 401, 'invalid_credentials', undefined, srv);
	expectError(await login(srv, { username, password, otp: wrong }, from), 401, 'invalid_otp', 'otp', srv);
	// the next step's code (within the window of one step), then once only
	const next = totp(setup.secret, serverNow() + 30 * 1000);
	const ok = expectStatus(await login(srv, { username, password, otp: next }, from), 200, srv);
	assert.equal(ok.user.totp_enabled, true);
	expectError(await login(srv, { username, password, otp: next }, from), 401, 'invalid_otp', 'otp', srv);
	// a recovery code (case and dashes do not matter), once only
	const rc = setup.recovery_codes[3];
	expectStatus(await login(srv, { username, password, otp: rc.toLowerCase().replace('-', '') }, addr()), 200, srv);
	expectError(await login(srv, { username, password, otp: rc }, addr()), 401, 'invalid_otp', 'otp', srv);
	expectStatus(await login(srv, { username, password, otp: setup.recovery_codes[4] }, addr()), 200, srv);
});

test('TOTP is for the admin and committee roles: others are refused; confirm without a secret is a conflict', async () => {
	const { client } = await newUser([{ role: 'secretary', org_id: root.id }]);
	expectError(await client.post('/api/me/totp'), 403, 'forbidden', undefined, srv);
	expectError(await committee.post('/api/me/totp/confirm', { code: '123456' }), 409, 'totp_not_started', undefined, srv);
	const setup = expectStatus(await committee.post('/api/me/totp'), 201, srv);
	assert.equal(setup.recovery_codes.length, 10);
	expectError(await committee.post('/api/me/totp/confirm', {}), 422, 'invalid_field', 'code', srv);
});
