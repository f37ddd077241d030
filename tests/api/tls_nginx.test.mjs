// HTTP hardening (docs/security.md, "HTTP headers and TLS"): the security
// headers on app pages, files and API answers; no inline script in the
// built page; HSTS only with XF_HSTS=1; and the documented nginx front
// (deploy/nginx/xianfeng.conf) serving the app over TLS: a self-signed
// certificate made with openssl in a temp dir, nginx started in the
// foreground with a config built from the deployed file (ports and paths
// replaced), /api/health, the login and a live event stream over https.
// The nginx part needs /usr/sbin/nginx (scripts/deps.sh test installs
// nginx-light); it runs on whichever database the suite runs on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startWithAdmin } from './fixtures.mjs';
import { REPO_ROOT, ADMIN_PASSWORD, rawRequest, expectStatus, sleep, createOrg, uniq } from './harness.mjs';

const NGINX = '/usr/sbin/nginx';

let srv;
let admin;
let tmp;
let nginx;
let nginxLog = '';
let httpsPort;

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
	});
}

/** The deployed server block, made to run as an unprivileged test. */
function nginxConfig(appPort, tlsPort, plainPort) {
	const site = fs.readFileSync(path.join(REPO_ROOT, 'deploy', 'nginx', 'xianfeng.conf'), 'utf8')
		.replace(/^\s*listen \[::\]:\d+.*$/gm, '')
		.replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${tlsPort} ssl;`)
		.replace(/listen 80;/, `listen 127.0.0.1:${plainPort};`)
		.replaceAll('127.0.0.1:8080', `127.0.0.1:${appPort}`)
		.replace('/etc/ssl/xianfeng/fullchain.pem', path.join(tmp, 'cert.pem'))
		.replace('/etc/ssl/xianfeng/privkey.pem', path.join(tmp, 'key.pem'));
	assert.ok(site.includes(`127.0.0.1:${tlsPort} ssl`), 'the TLS listen line was found');
	return `daemon off;
master_process off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log info;
events { worker_connections 64; }
http {
    access_log ${tmp}/access.log;
    client_body_temp_path ${tmp}/body;
    proxy_temp_path ${tmp}/proxy;
    fastcgi_temp_path ${tmp}/fastcgi;
    uwsgi_temp_path ${tmp}/uwsgi;
    scgi_temp_path ${tmp}/scgi;
    ${site}
}
`;
}

// openssl and nginx run on this machine's clock: only the app server's is
// moved (XF_CLOCK puts libfaketime into the environment its children
// inherit), and a certificate dated by a moved clock is not valid yet here.
const realClock = { ...process.env };
delete realClock.LD_PRELOAD;
delete realClock.FAKETIME;

before(async () => {
	({ srv, admin } = await startWithAdmin({ env: { XF_HSTS: '1' } }));
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-nginx-'));
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
		'-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
		'-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem')], { stdio: 'ignore', env: realClock });
	httpsPort = await freePort();
	const plainPort = await freePort();
	const appPort = new URL(srv.url).port;
	fs.writeFileSync(path.join(tmp, 'nginx.conf'), nginxConfig(appPort, httpsPort, plainPort));
	execFileSync(NGINX, ['-t', '-p', tmp, '-c', path.join(tmp, 'nginx.conf')], { stdio: 'pipe', env: realClock });
	nginx = spawn(NGINX, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'], env: realClock });
	nginx.stderr.on('data', (d) => { nginxLog += d; });
	for (let i = 0; i < 100; i++) {
		try {
			const r = await get('/api/health');
			if (r.status === 200) return;
		} catch { /* not up yet */ }
		await sleep(100);
	}
	throw new Error(`nginx did not come up: ${nginxLog}`);
});

after(async () => {
	if (nginx && nginx.exitCode === null) {
		nginx.kill('SIGTERM');
		await new Promise((r) => nginx.once('exit', r));
	}
	if (tmp && !process.env.XF_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
	await srv?.stop();
});

const ca = () => fs.readFileSync(path.join(tmp, 'cert.pem'));

/** A request over https through nginx, trusting the test's certificate. */
function get(p, { method = 'GET', body, headers = {}, stream = false } = {}) {
	return new Promise((resolve, reject) => {
		const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
		const req = https.request({ host: '127.0.0.1', port: httpsPort, path: p, method, ca: ca(),
			servername: 'localhost', agent: false,
			headers: { ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}), ...headers } },
		(res) => {
			if (stream) return resolve({ status: res.statusCode, headers: res.headers, res, req });
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json = null;
				try { json = JSON.parse(text); } catch { /* not JSON */ }
				resolve({ status: res.statusCode, headers: res.headers, text, body: json });
			});
		});
		req.on('error', reject);
		req.setTimeout(20000, () => req.destroy(new Error('timeout')));
		if (data) req.write(data);
		req.end();
	});
}

function expectSecurityHeaders(h, what) {
	const csp = h['content-security-policy'] ?? '';
	for (const part of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
		"base-uri 'self'", "form-action 'self'"]) {
		assert.ok(csp.includes(part), `${what}: CSP has ${part}: ${csp}`);
	}
	assert.ok(!/script-src[^;]*unsafe-(inline|eval)/.test(csp), `${what}: no inline or eval script: ${csp}`);
	assert.equal(h['x-frame-options'], 'DENY', what);
	assert.match(h['referrer-policy'] ?? '', /^(no-referrer|same-origin)$/, what);
	assert.match(h['permissions-policy'] ?? '', /camera=\(\)/, what);
	assert.match(h['permissions-policy'] ?? '', /microphone=\(\)/, what);
	assert.match(h['permissions-policy'] ?? '', /geolocation=\(\)/, what);
	assert.equal(h['x-content-type-options'], 'nosniff', what);
}

test('app page, its script and API answers carry the security headers; the page has no inline script', async () => {
	const plain = await startWithAdmin({ attach: true, db: srv.db });
	try {
		const page = await rawRequest(plain.srv.url, 'GET', '/');
		expectStatus(page, 200);
		expectSecurityHeaders(page.headers, 'index.html');
		assert.equal(page.headers['strict-transport-security'], undefined, 'no HSTS without XF_HSTS=1');
		const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
		assert.ok(scripts.length >= 1, 'the page loads its script');
		for (const [, attrs, inner] of scripts) {
			assert.match(attrs, /\bsrc="\/[^"]+"/, 'every script comes from a file of the site');
			assert.equal(inner.trim(), '', 'no inline script');
		}
		assert.ok(!/\son[a-z]+=/i.test(page.text), 'no inline event handler');
		const js = scripts[0][1].match(/src="([^"]+)"/)[1];
		const file = await rawRequest(plain.srv.url, 'GET', js);
		expectStatus(file, 200);
		expectSecurityHeaders(file.headers, js);
		const health = await rawRequest(plain.srv.url, 'GET', '/api/health');
		expectSecurityHeaders(health.headers, '/api/health');
		const missing = await rawRequest(plain.srv.url, 'GET', '/api/no-such-thing');
		assert.equal(missing.status, 404);
		expectSecurityHeaders(missing.headers, '404');
		const denied = await rawRequest(plain.srv.url, 'GET', '/api/members');
		assert.equal(denied.status, 401);
		expectSecurityHeaders(denied.headers, '401');
	} finally {
		await plain.srv.stop();
	}
});

test('with XF_HSTS=1 answers carry Strict-Transport-Security', async () => {
	const r = await rawRequest(srv.url, 'GET', '/api/health');
	assert.match(r.headers['strict-transport-security'] ?? '', /^max-age=\d{7,}/);
	const page = await rawRequest(srv.url, 'GET', '/');
	assert.match(page.headers['strict-transport-security'] ?? '', /^max-age=\d{7,}/);
});

test('through nginx over TLS: health, the page and the login, with HSTS and the security headers', async () => {
	const h = await get('/api/health');
	assert.equal(h.status, 200);
	assert.equal(h.body.status, 'ok');
	assert.match(h.headers['strict-transport-security'] ?? '', /^max-age=\d{7,}/);
	expectSecurityHeaders(h.headers, 'health over TLS');
	assert.ok(!/nginx\//.test(h.headers.server ?? ''), 'nginx does not name its version');
	const page = await get('/');
	assert.equal(page.status, 200);
	expectSecurityHeaders(page.headers, 'page over TLS');
	const login = await get('/api/auth/login', { method: 'POST', body: { username: 'admin', password: ADMIN_PASSWORD } });
	assert.equal(login.status, 200, login.text);
	assert.equal(typeof login.body.token, 'string');
	const cookie = [].concat(login.headers['set-cookie'] ?? []).join(';');
	assert.match(cookie, /HttpOnly/i);
	const me = await get('/api/me', { headers: { Authorization: `Bearer ${login.body.token}` } });
	assert.equal(me.status, 200, me.text);
	const bad = await get('/api/auth/login', { method: 'POST', body: { username: 'admin', password: 'wrong-password' } });
	assert.equal(bad.status, 401);
});

test('through nginx: an upload larger than the app takes is refused at the proxy (413)', async () => {
	const big = 'x'.repeat(21 << 20);
	const r = await get('/api/orgs', { method: 'POST', body: { name: big },
		headers: { Authorization: `Bearer ${admin.token}` } }).catch((e) => ({ status: 0, text: e.message }));
	assert.equal(r.status, 413, r.text?.slice(0, 200));
});

test('through nginx: a live event stream arrives unbuffered', async () => {
	const login = await get('/api/auth/login', { method: 'POST', body: { username: 'admin', password: ADMIN_PASSWORD } });
	const org = await createOrg(admin, { name: uniq('大屏工委'), kind: 'work_committee', parent_id: null }, srv);
	const s = await get(`/api/cockpit/events?org=${org.id}`, { stream: true, headers: { Authorization: `Bearer ${login.body.token}`,
		Accept: 'text/event-stream' } });
	try {
		assert.equal(s.status, 200);
		assert.match(s.headers['content-type'] ?? '', /text\/event-stream/);
		// the stream's first bytes come through before it ends
		const first = await new Promise((resolve, reject) => {
			s.res.once('data', (d) => resolve(d.toString('utf8')));
			s.res.once('error', reject);
			s.res.once('end', () => reject(new Error('the stream ended')));
		});
		assert.match(first, /^retry: \d+/);
	} finally {
		s.req.destroy();
	}
});
