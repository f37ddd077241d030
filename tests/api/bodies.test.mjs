// Every field table of src/api is in the registry of request bodies
// (src/api/bodies.h), which tests/fuzz/fuzz_input_body.c fuzzes: the body
// table of a route (declared with the route in routes.c), or a nested
// object its file lists. A table that a handler passes to xf_input_object
// but that its file does not list would be validated in production and
// never fuzzed. Reads the sources; no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './harness.mjs';
import { routes } from '../../scripts/api-index.mjs';

const API = path.join(REPO_ROOT, 'src/api');
const read = (f) => fs.readFileSync(path.join(API, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The arguments of each call of fn in text, split at top-level commas. */
function calls(text, fn) {
	const out = [];
	for (const m of text.matchAll(new RegExp(`\\b${fn}\\s*\\(`, 'g'))) {
		const args = [];
		let depth = 0;
		let cur = '';
		for (let i = m.index + m[0].length; i < text.length; i++) {
			const ch = text[i];
			if (depth === 0 && (ch === ',' || ch === ')')) {
				args.push(cur.trim());
				cur = '';
				if (ch === ')') break;
				continue;
			}
			if (ch === '(') depth++;
			if (ch === ')') depth--;
			cur += ch;
		}
		out.push(args);
	}
	return out;
}

/** Per handler file: the tables it defines, the tables its calls pass,
 * the parameters that carry a table, the body tables of its routes
 * {name, table} and its list of nested objects {route, at, table}. */
function files() {
	const out = [];
	for (const f of fs.readdirSync(API).sort()) {
		if (!f.endsWith('.c') || f === 'input.c' || f === 'bodies.c') continue;
		const text = read(f);
		const defined = [...text.matchAll(/\bxf_field\s+(\w+)\s*\[[^\]]*\]\s*=/g)].map((m) => m[1]);
		const params = new Set([...text.matchAll(/const\s+xf_field\s*\*\s*(\w+)\s*[,)]/g)].map((m) => m[1]));
		const passed = [
			...calls(text, 'xf_input_object').map((a) => a[2]),
			...calls(text, 'xf_input_items').map((a) => a[3]),
		].filter((x) => x !== undefined);
		const bodies = [...text.matchAll(/\bconst xf_body_table (xf_\w+_body)\s*=\s*XF_(?:OPTIONAL_)?BODY_TABLE\((\w+)\);/g)]
			.map((m) => ({ name: m[1], table: m[2] }));
		const lm = text.match(/const xf_body (xf_\w+_bodies)\[\]\s*=\s*\{([\s\S]*?)\n\};/);
		const list = lm
			? [...lm[2].matchAll(/XF_BODY\(\s*"([^"]+)",\s*(NULL|"[^"]*"),\s*(\w+)\s*\)/g)].map((m) => ({
					route: m[1],
					at: m[2] === 'NULL' ? null : m[2].slice(1, -1),
					table: m[3],
				}))
			: [];
		out.push({ f, defined, params, passed, bodies, name: lm ? lm[1] : null, list });
	}
	return out;
}

test('every field table of src/api is a route\'s body or listed as a nested object', () => {
	let ntables = 0;
	for (const { f, defined, bodies, list } of files()) {
		const known = new Set([...list.map((b) => b.table), ...bodies.map((b) => b.table)]);
		for (const t of defined) {
			assert.ok(known.has(t), `src/api/${f}: table ${t} is neither a route's body (XF_BODY_TABLE) nor in its xf_*_bodies list (api/bodies.h)`);
			ntables++;
		}
		for (const t of known) assert.ok(defined.includes(t), `src/api/${f}: uses ${t}, which it does not define`);
	}
	assert.ok(ntables >= 49, `only ${ntables} tables found: has the layout of the sources changed?`);
});

test('every table handed to xf_input_object or xf_input_items is listed as a nested object', () => {
	let ncalls = 0;
	for (const { f, params, passed, list } of files()) {
		const listed = new Set(list.map((b) => b.table));
		for (const t of passed) {
			ncalls++;
			assert.ok(
				listed.has(t) || params.has(t),
				`src/api/${f}: ${t} is passed to xf_input_object or xf_input_items but is not in its bodies list`,
			);
		}
	}
	assert.ok(ncalls >= 8, `only ${ncalls} calls found`);
});

test('every body table is declared with its route, and nested objects name routes with a body', () => {
	const joined = read('bodies.c');
	const header = read('bodies.h');
	const table = fs.readFileSync(path.join(API, 'routes.c'), 'utf8');
	const known = new Set(routes(table).map(([m, p]) => `${m} ${p}`));
	let nbodies = 0;
	for (const { f, bodies, name, list } of files()) {
		for (const b of bodies) {
			nbodies++;
			assert.match(table, new RegExp(`&${b.name}\\b`), `src/api/${f}: ${b.name} is the body of no route of routes.c`);
		}
		if (!list.length) continue;
		assert.match(joined, new RegExp(`\\b${name}\\b`), `src/api/bodies.c does not join ${name}`);
		assert.match(header, new RegExp(`extern const xf_body ${name}\\[\\];`), `src/api/bodies.h does not declare ${name}`);
		for (const b of list) {
			assert.ok(known.has(b.route), `src/api/${f}: ${b.route} is not a route of routes.c`);
			assert.notEqual(b.at, null, `src/api/${f}: ${b.route}: a route's body is declared in routes.c, not listed`);
			assert.match(b.at, /^[a-z_]+(\[\])?(\.[a-z_]+(\[\])?)*$/, `src/api/${f}: bad place ${b.at}`);
		}
	}
	assert.ok(nbodies >= 40, `only ${nbodies} route bodies found`);
});
