/*
 * org_counts.c - SQL of the kept subtree counts (org_counts): the
 * recount from members and orgs, compared with the kept rows (verify) or
 * written over them (rebuild). The triggers that keep them are in
 * schema_v28.c; the reads are in orgs.c.
 */
#include "store/org_counts.h"

#include <stdio.h>

/* The recount: (org_id, dim, item, direct, subtree) of every organization
 * and each of its subtree's statuses, kinds and levels. A subtree is the
 * path range [path, path with its last '/' made '0'). */
#define RANGE(col)                                                             \
	col " >= a.path AND " col                                              \
	    " < substr(a.path, 1, length(a.path) - 1) || '0'"
#define RECOUNT                                                                \
	"SELECT a.id AS org_id, 'status' AS dim, m.status AS item, "           \
	"SUM(CASE WHEN m.org_id = a.id THEN 1 ELSE 0 END) AS direct, "         \
	"COUNT(*) AS subtree FROM orgs a JOIN members m ON " RANGE(            \
	    "m.org_path") " WHERE m.left_on IS NULL GROUP BY a.id, m.status "  \
	                  "UNION ALL SELECT a.id, 'kind', d.kind, "            \
	                  "SUM(CASE WHEN d.parent_id = a.id THEN 1 ELSE 0 "    \
	                  "END), COUNT(*) FROM orgs a JOIN orgs d ON " RANGE(  \
	                      "d.path") " GROUP BY a.id, d.kind "              \
	                                "UNION ALL SELECT a.id, 'level', "     \
	                                "d.level, SUM(CASE WHEN d.parent_id "  \
	                                "= a.id THEN 1 ELSE 0 END), COUNT(*) " \
	                                "FROM orgs a JOIN orgs d ON " RANGE(   \
	                                    "d.path") " GROUP BY a.id, "       \
	                                              "d.level"

/* Kept and recounted side by side; a kept row of zeros equals no row. */
static const char sql_diff[] =
    "SELECT org_id, dim, item, SUM(kd), SUM(ks), SUM(rd), SUM(rs) FROM ("
    "SELECT org_id, dim, item, direct AS kd, subtree AS ks, 0 AS rd, "
    "0 AS rs FROM org_counts UNION ALL SELECT org_id, dim, item, 0, 0, "
    "direct, subtree FROM (" RECOUNT ") r) x GROUP BY org_id, dim, item "
    "HAVING SUM(kd) <> SUM(rd) OR SUM(ks) <> SUM(rs) "
    "ORDER BY org_id, dim, item";
static const char sql_checked[] = "SELECT COUNT(*) FROM org_counts";

int xf_store_org_counts_check(xf_db *db, xf_tally_diff_fn fn, void *arg,
                              int64_t *checked, int64_t *diffs)
{
	*checked = *diffs = 0;
	int rc = xf_db_value(xf_db_stmt(db, sql_checked), checked);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_diff);
	if (!st)
		return XF_DB_ERROR;
	int step;
	while ((step = xf_db_step(st)) == XF_DB_ROW) {
		char line[512];
		snprintf(line, sizeof line,
		         "org_counts: org %lld %s %s: kept direct %lld "
		         "subtree %lld, recounted direct %lld subtree %lld",
		         (long long)xf_db_int(st, 0), xf_db_text(st, 1),
		         xf_db_text(st, 2), (long long)xf_db_int(st, 3),
		         (long long)xf_db_int(st, 4),
		         (long long)xf_db_int(st, 5),
		         (long long)xf_db_int(st, 6));
		++*diffs;
		fn(arg, line);
	}
	xf_db_reset(st);
	return xf_db_done(step);
}

static const char sql_clear[] = "DELETE FROM org_counts";
static const char sql_fill[] =
    "INSERT INTO org_counts (org_id, dim, item, direct, subtree) " RECOUNT;

int xf_store_org_counts_rebuild(xf_db *db)
{
	int rc = xf_db_run(xf_db_stmt(db, sql_clear));
	return rc == XF_DB_OK ? xf_db_run(xf_db_stmt(db, sql_fill)) : rc;
}

static const char sql_subtree_members[] =
    "SELECT CAST(COALESCE(SUM(subtree), 0) AS BIGINT) FROM org_counts "
    "WHERE org_id = $1 AND dim = 'status'";

int xf_store_org_subtree_members(xf_db *db, int64_t id, int64_t *n)
{
	return xf_db_value(XF_DB_BOUND(db, sql_subtree_members, XF_INT(id)), n);
}
