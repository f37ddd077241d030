// Attachments of meetings: photos, scans and documents uploaded as raw
// bodies, their type checked by their first bytes, stored once per content
// (SHA-256) in the database, served with their type and an RFC 5987 file
// name only to users in scope; deleted with their last use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import {
	expectStatus, expectError, createUserAndLogin, uniq,
} from './harness.mjs';
import { startWithTree, clientsFor } from './fixtures.mjs';
import { makeDocx } from './zip.mjs';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pdf = (n = 0, tag = '') => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${tag}\n`), crypto.randomBytes(n), Buffer.from('\n%%EOF\n')]);
const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

let srv;
let admin;
let b1;
let b2;
let sec1;
let sec2;
let mt1;
let mt2;

before(async () => {
	({ srv, admin, b1, b2 } = await startWithTree({
		b1: 'city', b2: 'city',
	}, { level: 'city', established_on: '2010-01-01' }));
	({ sec1, sec2 } = await clientsFor(admin, srv, { sec1: ['secretary', b1], sec2: ['secretary', b2] }));
	const meeting = async (topic) => expectStatus(await sec1.post('/api/meetings', {
		org_id: b1.id, kind: 'theme_day', held_at: '2024-07-01T09:00:00+08:00', topic,
	}), 201, srv);
	mt1 = await meeting(uniq('主题党日'));
	mt2 = await meeting(uniq('主题党日'));
});
after(async () => { await srv?.stop(); });

function upload(client, meetingId, data, type, { name, header } = {}) {
	const headers = {};
	if (type !== undefined) headers['Content-Type'] = type;
	if (header !== undefined) headers['X-File-Name'] = header;
	const q = name !== undefined ? `?name=${encodeURIComponent(name)}` : '';
	return client.request('POST', `/api/meetings/${meetingId}/attachments${q}`, data, { headers });
}

test('a photo is uploaded, listed and served back byte for byte with its name', async () => {
	const a = expectStatus(await upload(sec1, mt1.id, PNG, 'image/png', { name: '会议照片 1.png' }), 201, srv);
	assert.equal(a.meeting_id, mt1.id);
	assert.equal(a.org_id, b1.id);
	assert.equal(a.name, '会议照片 1.png');
	assert.equal(a.type, 'image/png');
	assert.equal(a.size, PNG.length);
	assert.equal(a.sha256, sha256(PNG));
	assert.equal(a.deduplicated, false);
	assert.equal(a.url, `/api/attachments/${a.id}`);
	assert.match(a.uploaded_at, /\+08:00$/);

	const list = expectStatus(await sec1.get(`/api/meetings/${mt1.id}/attachments`), 200, srv);
	assert.equal(list.total, 1);
	assert.equal(list.items[0].id, a.id);
	assert.equal(list.items[0].name, '会议照片 1.png');

	for (const client of [sec1, admin]) {
		const res = await client.get(a.url);
		assert.equal(res.status, 200);
		assert.equal(res.headers['content-type'], 'image/png');
		assert.ok(res.raw.equals(PNG), 'downloaded bytes equal the upload');
		const cd = res.headers['content-disposition'];
		assert.match(cd, /^inline; filename="_+ 1\.png"; /);
		assert.ok(cd.endsWith(`filename*=UTF-8''${encodeURIComponent('会议照片 1.png').replace(/%20/g, '%20')}`), cd);
		assert.equal(res.headers['x-content-type-options'], 'nosniff');
	}
});

test('the same content uploaded twice is stored once; its blob goes with its last use', async () => {
	const data = pdf(3 << 20, uniq()); // 3 MiB: the byte path of both drivers
	const first = expectStatus(await upload(sec1, mt1.id, data, 'application/pdf', { name: '会议记录.pdf' }), 201, srv);
	assert.equal(first.deduplicated, false);
	// the header form: percent-encoded UTF-8
	const second = expectStatus(await upload(sec1, mt2.id, data, 'application/pdf',
		{ header: encodeURIComponent('扫描件（签字）.pdf') }), 201, srv);
	assert.equal(second.deduplicated, true);
	assert.equal(second.name, '扫描件（签字）.pdf');
	assert.equal(second.sha256, first.sha256);
	assert.equal(second.sha256, sha256(data));
	assert.notEqual(second.id, first.id);

	expectStatus(await sec1.del(first.url), 200, srv);
	expectError(await sec1.get(first.url), 404, 'not_found', undefined, srv);
	// the other use still has the bytes
	const res = await sec1.get(second.url);
	assert.equal(res.status, 200);
	assert.equal(res.headers['content-type'], 'application/pdf');
	assert.ok(res.raw.equals(data));
	expectStatus(await sec1.del(second.url), 200, srv);
	expectError(await sec1.get(second.url), 404, 'not_found', undefined, srv);
	// uploaded again after both were deleted: stored anew
	const third = expectStatus(await upload(sec1, mt2.id, data, 'application/pdf', { name: 'a.pdf' }), 201, srv);
	assert.equal(third.deduplicated, false);
	expectStatus(await sec1.del(third.url), 200, srv);
});

test('documents are recognized by their bytes; a wrong or unknown type is refused', async () => {
	const docx = makeDocx();
	const d = expectStatus(await upload(sec1, mt1.id, docx, DOCX, { name: '学习材料.docx' }), 201, srv);
	assert.equal(d.type, DOCX);
	const res = await sec1.get(d.url);
	assert.equal(res.headers['content-type'], DOCX);
	assert.match(res.headers['content-disposition'], /^attachment; /);
	assert.ok(res.raw.equals(docx));
	// no type (or octet-stream): taken from the bytes
	const p = expectStatus(await upload(sec1, mt1.id, pdf(10, uniq()), 'application/octet-stream', { name: 'x.pdf' }), 201, srv);
	assert.equal(p.type, 'application/pdf');
	// declared type and bytes disagree
	expectError(await upload(sec1, mt1.id, PNG, 'image/jpeg', { name: 'a.jpg' }), 422, 'type_mismatch', 'type', srv);
	expectError(await upload(sec1, mt1.id, docx, 'application/pdf', { name: 'a.pdf' }), 422, 'type_mismatch', 'type', srv);
	expectError(await upload(sec1, mt1.id, Buffer.from('<html><script>alert(1)</script>'), 'image/png', { name: 'a.png' }), 422, 'type_mismatch', 'type', srv);
	expectError(await upload(sec1, mt1.id, Buffer.from('hello'), 'text/plain', { name: 'a.txt' }), 422, 'unsupported_type', 'type', srv);
	expectError(await upload(sec1, mt1.id, Buffer.from('<svg/>'), 'image/svg+xml', { name: 'a.svg' }), 422, 'unsupported_type', 'type', srv);
	expectError(await upload(sec1, mt1.id, Buffer.from('hello'), 'application/octet-stream', { name: 'a.bin' }), 422, 'unsupported_type', 'type', srv);
	// names: required, clean
	expectError(await upload(sec1, mt1.id, PNG, 'image/png'), 422, 'invalid_field', 'name', srv);
	expectError(await upload(sec1, mt1.id, PNG, 'image/png', { header: 'a%01b.png' }), 422, 'invalid_field', 'name', srv);
	expectError(await upload(sec1, mt1.id, PNG, 'image/png', { header: 'a%zz.png' }), 422, 'invalid_field', 'name', srv);
	expectError(await upload(sec1, mt1.id, PNG, 'image/png', { name: '名'.repeat(101) }), 422, 'invalid_field', 'name', srv);
	const path = expectStatus(await upload(sec1, mt1.id, PNG, 'image/png', { name: 'C:\\照片\\合影.png' }), 201, srv);
	assert.equal(path.name, '合影.png');
	expectError(await upload(sec1, mt1.id, Buffer.alloc(0), 'image/png', { name: 'a.png' }), 422, 'empty_file', 'file', srv);
	// nothing refused was stored
	const list = expectStatus(await sec1.get(`/api/meetings/${mt1.id}/attachments`), 200, srv);
	assert.deepEqual(list.items.map((x) => x.name).sort(), ['x.pdf', '会议照片 1.png', '合影.png', '学习材料.docx'].sort());
});

test('a file over 20 MiB is refused with 413', async () => {
	const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc((20 << 20) + 1 - 9, 0x20)]);
	assert.equal(big.length, (20 << 20) + 1);
	expectError(await upload(sec1, mt1.id, big, 'application/pdf', { name: 'big.pdf' }), 413, 'too_large', undefined, srv);
	// exactly 20 MiB is fine
	const max = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes((20 << 20) - 9)]);
	const a = expectStatus(await upload(sec1, mt2.id, max, 'application/pdf', { name: 'max.pdf' }), 201, srv);
	assert.equal(a.size, 20 << 20);
	const res = await sec1.get(a.url);
	assert.equal(res.raw.length, 20 << 20);
	assert.equal(sha256(res.raw), sha256(max));
	expectStatus(await sec1.del(a.url), 200, srv);
});

test('out of scope: reads answer 404, writes 403; members cannot upload', async () => {
	const a = expectStatus(await upload(sec1, mt1.id, pdf(5, uniq()), 'application/pdf', { name: 'scope.pdf' }), 201, srv);
	expectError(await sec2.get(`/api/meetings/${mt1.id}/attachments`), 404, 'not_found', undefined, srv);
	expectError(await sec2.get(a.url), 404, 'not_found', undefined, srv);
	expectError(await upload(sec2, mt1.id, PNG, 'image/png', { name: 'x.png' }), 403, 'forbidden', undefined, srv);
	expectError(await sec2.del(a.url), 403, 'forbidden', undefined, srv);
	expectError(await upload(sec1, 999999, PNG, 'image/png', { name: 'x.png' }), 404, 'not_found', undefined, srv);
	expectError(await sec1.get('/api/attachments/999999'), 404, 'not_found', undefined, srv);
	expectError(await srv.client().get(a.url), 401, 'unauthorized', undefined, srv);
	const member = (await createUserAndLogin(admin, srv, { roles: [{ role: 'member', org_id: b1.id }] })).client;
	expectError(await upload(member, mt1.id, PNG, 'image/png', { name: 'x.png' }), 403, 'forbidden', undefined, srv);
	// still there, and readable in scope
	assert.equal((await sec1.get(a.url)).status, 200);
});

test('uploads and deletions are audited; a deleted meeting takes its attachments along', async () => {
	const mt = expectStatus(await sec1.post('/api/meetings', {
		org_id: b1.id, kind: 'theme_day', held_at: '2024-06-01T09:00:00+08:00', topic: uniq('主题党日'),
	}), 201, srv);
	const data = pdf(100, uniq());
	const a = expectStatus(await upload(sec1, mt.id, data, 'application/pdf', { name: '待删除.pdf' }), 201, srv);
	const audit = expectStatus(await admin.get(`/api/audit?entity=attachment&entity_id=${a.id}`), 200, srv);
	assert.ok(audit.items.some((x) => x.action === 'create'), JSON.stringify(audit));
	expectStatus(await sec1.del(`/api/meetings/${mt.id}`), 200, srv);
	expectError(await sec1.get(a.url), 404, 'not_found', undefined, srv);
	// the blob went too: the same bytes are stored anew
	const again = expectStatus(await upload(sec1, mt1.id, data, 'application/pdf', { name: 'again.pdf' }), 201, srv);
	assert.equal(again.deduplicated, false);
});
