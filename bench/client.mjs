// client.mjs - the HTTP client of the bench scripts (writes.mjs,
// reviews.mjs, import.mjs): JSON requests (or a file's bytes) with an
// optional bearer token over a keep-alive agent, and a check of the status.
import http from 'node:http';

/** A client of the server at base (a URL string), up to conns sockets. */
export function client(base, conns = 64) {
	const url = new URL(base);
	const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
	/** body: an object sent as JSON, or a Buffer sent as it is as type. */
	function req(method, p, body, token, type = 'application/json') {
		return new Promise((resolve, reject) => {
			const data = body ? (Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body))) : null;
			const r = http.request({
				host: url.hostname, port: url.port, method, path: p, agent,
				headers: {
					...(token ? { Authorization: `Bearer ${token}` } : {}),
					...(data ? { 'Content-Type': type, 'Content-Length': data.length } : {}),
				},
			}, (res) => {
				let t = '';
				res.setEncoding('utf8');
				res.on('data', (c) => { t += c; });
				res.on('end', () => resolve({ status: res.statusCode, text: t }));
			});
			r.on('error', reject);
			if (data) r.write(data);
			r.end();
		});
	}
	/** The JSON of an answer with the expected status, or throws. */
	async function ok(promise, status = 200) {
		const res = await promise;
		if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
		return JSON.parse(res.text);
	}
	return { url, agent, req, ok };
}

/** A name of letters only for the i-th generated person (A, B, …, Z, AA,
 * AB, …): the rule of 姓名 refuses digits. */
export function letters(i) {
	return (i >= 26 ? letters(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
}
