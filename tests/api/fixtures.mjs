// fixtures.mjs - the setup the API test files share: a server with admin
// logged in, the usual tree of organizations (市直机关工委 with its districts,
// units, branches and groups), members, users logged in by role, and point
// rules and awards. Each helper asserts what it creates (201).
import {
	startServer, ADMIN_PASSWORD, expectStatus, createOrg, createMember, createUserAndLogin, uniq,
} from './harness.mjs';

/** The organizations the tests build, by the names the tests give them. */
const ORG = {
	city: { name: '市直机关工委', kind: 'work_committee', level: 'city' },
	dist: { name: '甲区机关工委', kind: 'work_committee', level: 'county' },
	dist2: { name: '乙区机关工委', kind: 'work_committee', level: 'county' },
	unit: { name: '某局机关党委', kind: 'organ_committee', level: 'county' },
	b1: { name: '第一党支部', kind: 'branch', level: 'county' },
	b2: { name: '第二党支部', kind: 'branch', level: 'county' },
	b3: { name: '第三党支部', kind: 'branch', level: 'county' },
	c1: { name: '乙一党支部', kind: 'branch', level: 'county' },
	g1: { name: '第一党小组', kind: 'group', level: 'county' },
	// the scope tests' tree: districts 甲 and 乙 with city-level branches
	dA: { name: '甲区机关工委', kind: 'work_committee', level: 'county' },
	dB: { name: '乙区机关工委', kind: 'work_committee', level: 'county' },
	a1: { name: '甲一支部', kind: 'branch', level: 'city' },
	a2: { name: '甲二支部', kind: 'branch', level: 'city' },
	a1g: { name: '甲一小组', kind: 'group', level: 'city' },
};

/** Starts a server (startServer's options) and logs admin in: {srv, admin}. */
export async function startWithAdmin(options) {
	const srv = await startServer(options);
	return { srv, admin: await srv.login('admin', ADMIN_PASSWORD) };
}

/** The tree most suites start from: two districts under the city, two
 * branches in the first and one in the second. */
export const TWO_DISTRICTS = { dist: 'city', dist2: 'city', b1: 'dist', b2: 'dist', b3: 'dist2' };

/**
 * Starts a server, logs admin in and builds organizations under `city`
 * (市直机关工委, created first, without a parent), in the order given:
 * `tree` maps a name from ORG to its parent's name, or to
 * {parent, ...fields} for fields of its own (a name gets uniq() either way).
 * `common` fields (e.g. established_on) go to every organization.
 * Returns {srv, admin, city, ...tree}.
 */
export async function startWithTree(tree = {}, common = {}) {
	const made = await startWithAdmin();
	const { srv, admin } = made;
	const create = async (key, parent, fields) => {
		const body = { ...ORG[key], ...common, ...fields, parent_id: parent ? made[parent].id : null };
		body.name = uniq(body.name);
		made[key] = await createOrg(admin, body, srv);
	};
	await create('city', null, {});
	for (const [key, spec] of Object.entries(tree)) {
		const { parent, ...fields } = typeof spec === 'string' ? { parent: spec } : spec;
		await create(key, parent, fields);
	}
	return made;
}

/** One member per organization given (asserting 201 each), in order. */
export async function membersOf(admin, srv, orgs) {
	const out = [];
	for (const org of orgs) out.push(await createMember(admin, { org_id: org.id }, srv));
	return out;
}

/**
 * One new user per entry, logged in: name: [role, org] or [role, org, member]
 * (a member user linked to that member). Returns {name: client}.
 */
export async function clientsFor(admin, srv, users) {
	const out = {};
	for (const [key, [role, org, member]] of Object.entries(users)) {
		const fields = { roles: [{ role, org_id: org.id }] };
		if (member) fields.member_id = member.id;
		out[key] = (await createUserAndLogin(admin, srv, fields)).client;
	}
	return out;
}

/** The officers of a TWO_DISTRICTS tree t for clientsFor: com and com2,
 * committees of dist and dist2; sec1, sec2 and sec3, secretaries of b1, b2
 * and b3. */
export const officersOf = (t) => ({
	com: ['committee', t.dist], com2: ['committee', t.dist2],
	sec1: ['secretary', t.b1], sec2: ['secretary', t.b2], sec3: ['secretary', t.b3],
});

/** A point rule (履职尽责, 5 points, needing approval) made by client; asserts 201. */
export async function pointRule(client, srv, fields = {}) {
	const body = { category: '履职尽责', item: uniq('完成重点任务'), points: 5, cap: null, cap_period: 'year',
		needs_approval: true, valid_from: '2024-01-01', ...fields };
	return expectStatus(await client.post('/api/point-rules', body), 201, srv);
}

/** POST /api/ledger: a direct award of rule r to member by client (the raw answer). */
export function award(client, member, r, extra = {}) {
	return client.post('/api/ledger', { member_id: member.id, rule_id: r.id, reason: '直接记分', ...extra });
}
