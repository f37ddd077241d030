/*
 * points_bulk.c - SQL of the bulk path of points (the generated city):
 * reading every member once, loading ledger entries through the loader of
 * bulk_load.c (the columns of xf_store_point_entry_insert()), and rebuilding
 * the kept totals from the ledger with grouped INSERT ... SELECT, one statement
 * per period column.
 */
#include "store/points.h"

#include "store/bulk.h"

#include <stdlib.h>

static const char sql_member_count[] = "SELECT COUNT(*) FROM members";
static const char sql_members[] =
    "SELECT id, org_id, org_path FROM members ORDER BY id";

int xf_store_point_bulk_members(xf_db *db, xf_arena *a,
                                xf_point_bulk_member **out, int64_t *n)
{
	*n = 0;
	xf_stmt *st = xf_db_stmt(db, sql_member_count);
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	int64_t max = rc == XF_DB_ROW ? xf_db_int(st, 0) : 0;
	xf_db_reset(st);
	if (rc != XF_DB_ROW)
		return rc;
	*out = xf_arena_calloc(a, (size_t)(max > 0 ? max : 1),
	                       sizeof(xf_point_bulk_member));
	st = xf_db_stmt(db, sql_members);
	if (!*out || !st)
		return XF_DB_ERROR;
	while ((rc = xf_db_step(st)) == XF_DB_ROW && *n < max) {
		xf_point_bulk_member *m = &(*out)[(*n)++];
		m->id = xf_db_int(st, 0);
		m->org_id = xf_db_int(st, 1);
		m->org_path = xf_arena_strdup(a, xf_db_text(st, 2));
		if (!m->org_path) {
			rc = XF_DB_ERROR;
			break;
		}
	}
	xf_db_reset(st);
	return rc == XF_DB_ROW || rc == XF_DB_DONE ? XF_DB_OK : rc;
}

static const char entry_cols[] =
    "member_id, org_id, org_path, rule_id, rule_version_id, points, asked, "
    "occurred_on, month, quarter, year, source, reason, note, claim_id, "
    "record_ref, reverses_id, veto, actor_id, actor_name, created_at";

int xf_store_point_bulk_begin(xf_db *db, xf_loader **out)
{
	return xf_load_begin(db, "point_ledger", entry_cols, 21,
	                     XF_LOAD_DROP_INDEXES, out);
}

int xf_store_point_bulk_entry(xf_loader *l, const xf_point_entry *e,
                              int64_t now)
{
	xf_load_id(l, e->member_id);
	xf_load_int(l, e->org_id);
	xf_load_str(l, e->org_path);
	xf_load_int(l, e->rule_id);
	xf_load_int(l, e->rule_version_id);
	xf_load_int(l, e->points);
	xf_load_int(l, e->asked);
	xf_load_str(l, e->occurred_on);
	xf_load_str(l, e->month);
	xf_load_str(l, e->quarter);
	xf_load_str(l, e->year);
	xf_load_str(l, e->source);
	xf_load_str(l, e->reason);
	xf_load_str(l, e->note ? e->note : "");
	xf_load_id(l, e->claim_id);
	xf_load_str(l, e->record_ref);
	xf_load_id(l, e->reverses_id);
	xf_load_int(l, e->veto);
	xf_load_id(l, e->actor_id);
	xf_load_str(l, e->actor_name);
	xf_load_int(l, now);
	return xf_load_row(l);
}

/* The member totals of one period column: sums, and the org of the
 * period's latest entry. */
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

static const char sql_clear_members[] = "DELETE FROM point_member_totals";
static const char sql_clear_orgs[] = "DELETE FROM point_org_totals";
static const char sql_members_month[] = MEMBER_TOTALS("month");
static const char sql_members_quarter[] = MEMBER_TOTALS("quarter");
static const char sql_members_year[] = MEMBER_TOTALS("year");
static const char sql_orgs_month[] = ORG_TOTALS("month");
static const char sql_orgs_quarter[] = ORG_TOTALS("quarter");
static const char sql_orgs_year[] = ORG_TOTALS("year");

/* The kept totals' secondary indexes are dropped while the totals are
 * written and built again at the end (one sort each). */
int xf_store_point_totals_rebuild(xf_db *db)
{
	static const char *const steps[] = {
	    sql_clear_members,   sql_clear_orgs,   sql_members_month,
	    sql_members_quarter, sql_members_year, sql_orgs_month,
	    sql_orgs_quarter,    sql_orgs_year};
	xf_indexes *mix = NULL, *oix = NULL;
	int rc = xf_bulk_indexes_drop(db, "point_member_totals", &mix);
	if (rc == XF_DB_OK)
		rc = xf_bulk_indexes_drop(db, "point_org_totals", &oix);
	for (size_t i = 0; rc == XF_DB_OK && i < sizeof steps / sizeof steps[0];
	     i++) {
		xf_stmt *st = xf_db_stmt(db, steps[i]);
		if (!st) {
			rc = XF_DB_ERROR;
			break;
		}
		rc = xf_db_run(st);
	}
	rc = xf_bulk_indexes_build(db, mix, rc);
	return oix ? xf_bulk_indexes_build(db, oix, rc) : rc;
}
