// The reference in docs/api.md lists every route of src/api/routes.c with
// who may call it (scripts/api-index.mjs writes that table); no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './harness.mjs';
import { routes, withIndex } from '../../scripts/api-index.mjs';

test('the endpoint index of docs/api.md matches the route table (node scripts/api-index.mjs)', () => {
	const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/api.md'), 'utf8');
	const rs = routes(fs.readFileSync(path.join(REPO_ROOT, 'src/api/routes.c'), 'utf8'));
	assert.ok(rs.length > 100);
	assert.ok(rs.some(([m, p, w]) => m === 'PATCH' && p === '/api/plans/{id}' && w === 'admin, committee, secretary'));
	assert.ok(rs.some(([m, p, w]) => m === 'GET' && p === '/api/health' && w === 'anyone'));
	assert.equal(withIndex(doc, rs), doc, 'docs/api.md is stale: run node scripts/api-index.mjs');
});
