/*
 * test_points_rebuild.c - the rebuild of the kept point totals
 * (xf_store_point_totals_rebuild) writes exactly the rows of the grouped
 * SQL of the first rebuild, which is kept here as the reference: one
 * INSERT ... SELECT per period column, the org and path of a member's
 * period taken from its latest entry.
 *
 * The ledger is made to hit the corners: members whose entries change
 * org within a period, vetoes and their reversals, negative points, org
 * entries (no member), several years, member ids far apart (so that they
 * fall into different ranges of the rebuild, with gaps between), an org
 * moved after its entries were written, and stale totals to be replaced.
 * Everything runs in a write transaction that is rolled back.
 *
 * The database is a temporary SQLite file, or the one XF_TEST_DB names
 * (e.g. "postgres:..." from scripts/pg-test.sh; migrated if needed). With
 * XF_REBUILD_DB naming a database that has a ledger (a demo city), the
 * reference and the rebuild are also compared on it, rolled back as well.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/orgs.h"
#include "store/point_rules.h"
#include "store/points.h"
#include "store/points_recount.h"

/* ---- the reference: the rebuild as it was ------------------------------ */

#define MEMBER_TOTALS(col)                                                     \
	"INSERT INTO point_member_totals (member_id, period, org_id, "         \
	"org_path, points, entries, vetoed, last_entry_id) SELECT "            \
	"g.member_id, g.period, l.org_id, l.org_path, g.s, g.n, g.v, g.last "  \
	"FROM (SELECT member_id, " col " AS period, SUM(points) AS s, "        \
	"COUNT(*) AS n, SUM(veto) AS v, MAX(id) AS last FROM point_ledger "    \
	"WHERE member_id IS NOT NULL GROUP BY member_id, " col ") g JOIN "     \
	"point_ledger l ON l.id = g.last"
#define ORG_TOTALS(col)                                                        \
	"INSERT INTO point_org_totals (org_id, period, points, entries, "      \
	"members, org_points, org_entries) SELECT org_id, " col ", "           \
	"SUM(CASE WHEN member_id IS NULL THEN 0 ELSE points END), "            \
	"SUM(CASE WHEN member_id IS NULL THEN 0 ELSE 1 END), "                 \
	"COUNT(DISTINCT member_id), SUM(CASE WHEN member_id IS NULL THEN "     \
	"points ELSE 0 END), SUM(CASE WHEN member_id IS NULL THEN 1 ELSE 0 "   \
	"END) FROM point_ledger GROUP BY org_id, " col

static const char ref_clear_members[] = "DELETE FROM point_member_totals";
static const char ref_clear_orgs[] = "DELETE FROM point_org_totals";
static const char ref_members_month[] = MEMBER_TOTALS("month");
static const char ref_members_quarter[] = MEMBER_TOTALS("quarter");
static const char ref_members_year[] = MEMBER_TOTALS("year");
static const char ref_orgs_month[] = ORG_TOTALS("month");
static const char ref_orgs_quarter[] = ORG_TOTALS("quarter");
static const char ref_orgs_year[] = ORG_TOTALS("year");

static int reference_rebuild(xf_db *db)
{
	static const char *const steps[] = {
	    ref_clear_members,   ref_clear_orgs,   ref_members_month,
	    ref_members_quarter, ref_members_year, ref_orgs_month,
	    ref_orgs_quarter,    ref_orgs_year};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		xf_stmt *st = xf_db_stmt(db, steps[i]);
		int rc = st ? xf_db_run(st) : XF_DB_ERROR;
		if (rc != XF_DB_OK)
			return rc;
	}
	return XF_DB_OK;
}

/* ---- dumps of the kept totals, one line a row, in key order ------------ */

static const char sql_dump_members[] =
    "SELECT member_id, period, org_id, org_path, points, entries, vetoed, "
    "last_entry_id FROM point_member_totals ORDER BY member_id, period";
static const char sql_dump_orgs[] =
    "SELECT org_id, period, points, entries, members, org_points, "
    "org_entries FROM point_org_totals ORDER BY org_id, period";

typedef struct dump {
	char *text; /* owned */
	size_t len, cap;
	int64_t rows;
} dump;

static void put(dump *d, const char *s)
{
	size_t n = strlen(s);
	if (d->len + n + 1 > d->cap) {
		size_t cap = d->cap ? d->cap : 1 << 16;
		while (cap < d->len + n + 1)
			cap *= 2;
		d->text = realloc(d->text, cap);
		assert_non_null(d->text);
		d->cap = cap;
	}
	memcpy(d->text + d->len, s, n + 1);
	d->len += n;
}

static dump dump_table(xf_db *db, const char *sql, int ncols)
{
	dump d = {0};
	put(&d, "");
	xf_stmt *st = xf_db_stmt(db, sql);
	assert_non_null(st);
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		for (int c = 0; c < ncols; c++) {
			put(&d, c ? "|" : "");
			put(&d,
			    xf_db_is_null(st, c) ? "NULL" : xf_db_text(st, c));
		}
		put(&d, "\n");
		d.rows++;
	}
	xf_db_reset(st);
	assert_int_equal(rc, XF_DB_DONE);
	return d;
}

/* Fails at the first line where want and got differ. */
static void same_dump(const char *what, const dump *want, const dump *got)
{
	if (want->len == got->len &&
	    memcmp(want->text, got->text, want->len) == 0)
		return;
	const char *a = want->text, *b = got->text;
	int64_t line = 1;
	while (*a && *a == *b) {
		if (*a == '\n')
			line++;
		a++;
		b++;
	}
	while (a > want->text && a[-1] != '\n') {
		a--;
		b--;
	}
	print_error("%s: %lld rows wanted, %lld got; first difference at row "
	            "%lld:\n  wanted: %.*s\n  got:    %.*s\n",
	            what, (long long)want->rows, (long long)got->rows,
	            (long long)line, (int)strcspn(a, "\n"), a,
	            (int)strcspn(b, "\n"), b);
	fail();
}

static void report_none(void *arg, const char *line)
{
	(void)arg;
	print_error("verify: %s\n", line);
}

/* The reference and the rebuild write the same rows, and verify finds
 * no difference after the rebuild. Inside the caller's transaction. */
static void rebuild_matches_reference(xf_db *db, int64_t *member_rows,
                                      int64_t *org_rows)
{
	assert_int_equal(reference_rebuild(db), XF_DB_OK);
	dump want_m = dump_table(db, sql_dump_members, 8);
	dump want_o = dump_table(db, sql_dump_orgs, 7);
	assert_int_equal(xf_store_point_totals_rebuild(db), XF_DB_OK);
	dump got_m = dump_table(db, sql_dump_members, 8);
	dump got_o = dump_table(db, sql_dump_orgs, 7);
	same_dump("point_member_totals", &want_m, &got_m);
	same_dump("point_org_totals", &want_o, &got_o);
	*member_rows = got_m.rows;
	*org_rows = got_o.rows;
	free(want_m.text);
	free(want_o.text);
	free(got_m.text);
	free(got_o.text);

	xf_org_tally *t = xf_org_tally_new();
	assert_non_null(t);
	int64_t checked = 0, diffs = 0;
	assert_int_equal(xf_store_point_verify_members(db, INT64_MIN, INT64_MAX,
	                                               t, report_none, NULL,
	                                               &checked, &diffs),
	                 XF_DB_OK);
	assert_int_equal(diffs, 0);
	assert_int_equal(checked, *member_rows);
	assert_int_equal(xf_store_point_verify_org_entries(db, t), XF_DB_OK);
	assert_int_equal(xf_store_point_verify_orgs(db, t, report_none, NULL,
	                                            &checked, &diffs),
	                 XF_DB_OK);
	assert_int_equal(diffs, 0);
	assert_int_equal(checked, *org_rows);
	xf_org_tally_free(t);
}

/* ---- the database ------------------------------------------------------ */

static char dir[64];
static char url[256];

static xf_db *open_db(const char *u)
{
	return xf_test_db_open(u);
}

static int migrate(xf_db *db)
{
	char err[256];
	int rc = xf_schema_migrate(db, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "migrate: %s\n", err);
	return rc;
}

static int setup(void **state)
{
	(void)state;
	const char *env = getenv("XF_TEST_DB");
	if (env && *env) {
		snprintf(url, sizeof url, "%s", env);
	} else {
		if (xf_test_sqlite_dir(dir, sizeof dir,
		                       "/tmp/xf-rebuild.XXXXXX", url,
		                       sizeof url))
			return -1;
	}
	return xf_test_db_with(url, migrate);
}

static int teardown(void **state)
{
	(void)state;
	return xf_test_rm_dir(dir);
}

/* ---- the ledger -------------------------------------------------------- */

#define NORGS    12 /* 0: the city, 1..3: districts, 4..11: branches */
#define NMEMBERS 48
#define NENTRIES 3000

static const int64_t now = 1700000000;

static uint64_t rng = 88172645463325252ull;

static int64_t rnd(int64_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (int64_t)(rng % (uint64_t)n);
}

typedef struct city {
	xf_org org[NORGS];
	int64_t member[NMEMBERS];
	int home[NMEMBERS]; /* the org (index) of each member */
	int64_t rule, version;
} city;

static void add_orgs(xf_db *db, xf_arena *a, city *c)
{
	for (int i = 0; i < NORGS; i++) {
		int parent = i == 0 ? -1 : i <= 3 ? 0 : 1 + (i - 4) % 3;
		xf_org *o = &c->org[i];
		*o =
		    (xf_org){.parent_id = parent < 0 ? 0 : c->org[parent].id,
		             .name = xf_arena_printf(a, "rebuild-test-%d", i),
		             .kind = i == 0   ? "work_committee"
		                     : i <= 3 ? "party_committee"
		                              : "branch",
		             .level = i == 0 ? "city" : "county",
		             .depth = parent < 0 ? 0 : c->org[parent].depth + 1,
		             .established_on = "2020-01-01"};
		assert_int_equal(
		    xf_store_org_insert(
		        db, a, o, parent < 0 ? NULL : c->org[parent].path, now),
		    XF_DB_OK);
	}
}

static const char sql_add_member[] =
    "INSERT INTO members (id, org_id, org_path, name, gender, id_number, "
    "birth_date, status, joined_on, created_at, updated_at) VALUES ($1, $2, "
    "$3, 'test', 'female', $4, '1990-01-01', 'full', '2015-07-01', $5, $5)";

/* Member ids in clusters far apart: 1.., around 8,000, 20,000, a million
 * and 9e12, so the rebuild's ranges split and skip gaps. */
static void add_members(xf_db *db, city *c)
{
	static const int64_t base[] = {1, 7990, 20000, 1000000, 9000000000000};
	xf_stmt *st = xf_db_stmt(db, sql_add_member);
	assert_non_null(st);
	for (int i = 0; i < NMEMBERS; i++) {
		c->member[i] = base[i % 5] + i;
		c->home[i] = 4 + (int)rnd(NORGS - 4);
		char idn[32];
		snprintf(idn, sizeof idn, "rebuild-%lld",
		         (long long)c->member[i]);
		xf_db_bind_int(st, 1, c->member[i]);
		xf_db_bind_int(st, 2, c->org[c->home[i]].id);
		xf_db_bind_str(st, 3, c->org[c->home[i]].path);
		xf_db_bind_str(st, 4, idn);
		xf_db_bind_int(st, 5, now);
		assert_int_equal(xf_db_run(st), XF_DB_OK);
	}
}

static void add_rule(xf_db *db, city *c)
{
	xf_point_rule r = {.kind = "member"};
	assert_int_equal(xf_store_point_rule_insert(db, &r, now), XF_DB_OK);
	xf_point_version v = {.rule_id = r.id,
	                      .version = 1,
	                      .valid_from = "2020-01-01",
	                      .category = "test",
	                      .item = "test",
	                      .points = 1,
	                      .cap_period = "year",
	                      .approver_role = "secretary"};
	assert_int_equal(xf_store_point_version_insert(db, &v, now), XF_DB_OK);
	c->rule = r.id;
	c->version = v.id;
}

/* One entry: of member i (-1: an org entry of org) in org, in year-month
 * ym ("2024-07"). */
static void add_entry(xf_db *db, const city *c, int i, int org, int year,
                      int month, int64_t points, int veto)
{
	char on[16], ym[16], q[16], y[16];
	snprintf(on, sizeof on, "%04d-%02d-15", year, month);
	snprintf(ym, sizeof ym, "%04d-%02d", year, month);
	snprintf(q, sizeof q, "%04dQ%d", year, (month - 1) / 3 + 1);
	snprintf(y, sizeof y, "%04d", year);
	xf_point_entry e = {.member_id = i < 0 ? 0 : c->member[i],
	                    .org_id = c->org[org].id,
	                    .org_path = c->org[org].path,
	                    .rule_id = c->rule,
	                    .rule_version_id = c->version,
	                    .points = points,
	                    .asked = points,
	                    .occurred_on = on,
	                    .month = ym,
	                    .quarter = q,
	                    .year = y,
	                    .source = "award",
	                    .reason = "test",
	                    .veto = veto,
	                    .actor_name = "test"};
	assert_int_equal(xf_store_point_entry_insert(db, &e, now), XF_DB_OK);
}

/* A random mix; entries go in with ascending ids but random months, so
 * a period's latest entry is not its last month's. */
static void add_ledger(xf_db *db, const city *c)
{
	for (int k = 0; k < NENTRIES; k++) {
		int year = 2023 + (int)rnd(3), month = 1 + (int)rnd(12);
		int64_t points = rnd(16) - 5;
		int veto = rnd(20) == 0 ? 1 : rnd(30) == 0 ? -1 : 0;
		if (rnd(7) == 0) { /* an org entry, of any org */
			add_entry(db, c, -1, (int)rnd(NORGS), year, month,
			          points, 0);
			continue;
		}
		int i = (int)rnd(NMEMBERS);
		/* mostly its own org; now and then another (a transfer, or
		 * an entry from an org it helped) */
		int org = rnd(5) ? c->home[i] : 4 + (int)rnd(NORGS - 4);
		add_entry(db, c, i, org, year, month, points, veto);
	}
	/* an org with org entries only */
	add_entry(db, c, -1, 2, 2024, 3, 7, 0);
}

static const char sql_stale_member[] =
    "INSERT INTO point_member_totals (member_id, period, org_id, org_path, "
    "points, entries, vetoed, last_entry_id) VALUES (5, '2024', $1, '/', "
    "99, 9, 0, 0)";
static const char sql_stale_org[] =
    "INSERT INTO point_org_totals (org_id, period, points, entries, "
    "members, org_points, org_entries) VALUES ($1, '1999', 1, 1, 1, 0, 0)";

static const char sql_ledger_size[] = "SELECT COUNT(*) FROM point_ledger";

/* The test's database in a transaction, with the city's organizations. */
static xf_db *begin_with_orgs(xf_arena *a, city *c)
{
	xf_db *db = open_db(url);
	xf_arena_init(a, 0);
	assert_int_equal(xf_db_begin(db), XF_DB_OK);
	add_orgs(db, a, c);
	return db;
}

/* Rolls back what begin_with_orgs began and closes the database. */
static void roll_back(xf_db *db, xf_arena *a)
{
	xf_db_rollback(db);
	xf_arena_reset(a);
	xf_db_close(db);
}

/* ---- tests ------------------------------------------------------------- */

static void test_rebuild_of_an_empty_ledger_leaves_no_totals(void **state)
{
	(void)state;
	xf_arena a;
	city c = {0};
	xf_db *db = begin_with_orgs(&a, &c);
	xf_stmt *st = xf_db_stmt(db, sql_stale_org);
	xf_db_bind_int(st, 1, c.org[3].id);
	assert_int_equal(xf_db_run(st), XF_DB_OK);
	/* XF_TEST_DB may hold a ledger of its own */
	st = xf_db_stmt(db, sql_ledger_size);
	assert_int_equal(xf_db_step(st), XF_DB_ROW);
	int64_t entries = xf_db_int(st, 0);
	xf_db_reset(st);
	if (entries == 0) {
		int64_t nm = -1, no = -1;
		rebuild_matches_reference(db, &nm, &no);
		assert_int_equal(nm, 0);
		assert_int_equal(no, 0);
	}
	roll_back(db, &a);
}

static void test_rebuild_matches_the_grouped_sql_on_a_mixed_ledger(void **state)
{
	(void)state;
	xf_arena a;
	city c = {0};
	xf_db *db = begin_with_orgs(&a, &c);
	add_members(db, &c);
	add_rule(db, &c);
	add_ledger(db, &c);
	/* branch 4 moves from district 1 to district 2 after its entries:
	 * the ledger's paths are rewritten with the org's */
	xf_org *b = &c.org[4], *d2 = &c.org[2];
	const char *moved =
	    xf_arena_printf(&a, "%s%lld/", d2->path, (long long)b->id);
	assert_non_null(moved);
	assert_int_equal(
	    xf_store_org_move(db, b->id, d2->id, b->path, moved, 0, now),
	    XF_DB_OK);
	b->path = moved;
	add_ledger(db, &c); /* and more entries after the move */
	/* stale totals that the rebuild must not keep */
	xf_stmt *st = xf_db_stmt(db, sql_stale_member);
	xf_db_bind_int(st, 1, c.org[5].id);
	assert_int_equal(xf_db_run(st), XF_DB_OK);
	st = xf_db_stmt(db, sql_stale_org);
	xf_db_bind_int(st, 1, c.org[3].id);
	assert_int_equal(xf_db_run(st), XF_DB_OK);

	int64_t nm = 0, no = 0;
	rebuild_matches_reference(db, &nm, &no);
	/* 48 members over 3 years: most of their 17 periods a year */
	assert_true(nm > 1000);
	assert_true(no > 500);
	/* twice in a row gives the same (the indexes were built again) */
	rebuild_matches_reference(db, &nm, &no);
	roll_back(db, &a);
}

static void test_rebuild_matches_the_grouped_sql_on_XF_REBUILD_DB(void **state)
{
	(void)state;
	const char *u = getenv("XF_REBUILD_DB");
	if (!u || !*u)
		skip();
	xf_db *db = open_db(u);
	assert_int_equal(xf_db_begin(db), XF_DB_OK);
	int64_t nm = 0, no = 0;
	rebuild_matches_reference(db, &nm, &no);
	print_message("%s: %lld member totals and %lld org totals the same\n",
	              u, (long long)nm, (long long)no);
	xf_db_rollback(db);
	xf_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rebuild_of_an_empty_ledger_leaves_no_totals),
	    cmocka_unit_test(
	        test_rebuild_matches_the_grouped_sql_on_a_mixed_ledger),
	    cmocka_unit_test(
	        test_rebuild_matches_the_grouped_sql_on_XF_REBUILD_DB),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
