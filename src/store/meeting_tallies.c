/*
 * meeting_tallies.c - the compliance board's kept tally, meeting_tallies
 * (schema v26, kept by triggers on meetings): the board's read of it, and
 * its check and rebuild from the same GROUP BY of meetings as the
 * migration's fill, compared row by row with what the triggers kept.
 */
#include "store/meeting_tallies.h"

#include <inttypes.h>
#include <stdio.h>

static const char sql_tally[] = XF_SQL_PLAN_PER_CALL
    "SELECT t.org_id, t.kind, t.month, t.on_time, t.late, t.no_ft "
    "FROM orgs o JOIN meeting_tallies t ON t.org_id = o.id "
    "AND t.month >= $3 AND t.month <= $4 "
    "WHERE o.path >= $1 AND o.path < $2 "
    "ORDER BY o.path, t.month";

int xf_store_meeting_tally(xf_db *db, const char *lo, const char *hi,
                           const char *from, const char *to, xf_tally_fn fn,
                           void *arg)
{
	char m0[8], m1[8];
	snprintf(m0, sizeof m0, "%.7s", from);
	snprintf(m1, sizeof m1, "%.7s", to);
	xf_stmt *st = XF_DB_BOUND(db, sql_tally, XF_STR(lo), XF_STR(hi),
	                          XF_STR(m0), XF_STR(m1));
	if (!st)
		return XF_DB_ERROR;
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		if (fn(arg, xf_db_int(st, 0), xf_db_text(st, 1),
		       xf_db_text(st, 2), (int)xf_db_int(st, 3),
		       (int)xf_db_int(st, 4), (int)xf_db_int(st, 5)) != 0)
			break;
	xf_db_reset(st);
	return xf_db_done(rc);
}

/* The meetings grouped as the tally keeps them (columns org_id, month,
 * kind, on_time, late, no_ft). */
#define RECOUNT_SQL                                                            \
	"SELECT org_id, substr(counts_on, 1, 7) AS month, kind,"               \
	" SUM(CASE WHEN late = 0 THEN 1 ELSE 0 END) AS on_time,"               \
	" SUM(CASE WHEN late <> 0 THEN 1 ELSE 0 END) AS late,"                 \
	" SUM(CASE WHEN has_ft = 0 THEN 1 ELSE 0 END) AS no_ft"                \
	" FROM meetings GROUP BY org_id, substr(counts_on, 1, 7), kind"

static const char sql_count[] = "SELECT COUNT(*) FROM meeting_tallies";

/* Both sides in one union, summed per key: a key missing on one side
 * counts zero there. */
static const char sql_diffs[] =
    "SELECT org_id, month, kind, SUM(k_on), SUM(k_late), SUM(k_no),"
    " SUM(r_on), SUM(r_late), SUM(r_no) FROM ("
    "SELECT org_id, month, kind, on_time AS k_on, late AS k_late,"
    " no_ft AS k_no, 0 AS r_on, 0 AS r_late, 0 AS r_no, 1 AS kept"
    " FROM meeting_tallies"
    " UNION ALL SELECT org_id, month, kind, 0, 0, 0, on_time, late, no_ft, 0"
    " FROM (" RECOUNT_SQL ") r) u "
    "GROUP BY org_id, month, kind "
    "HAVING SUM(k_on) <> SUM(r_on) OR SUM(k_late) <> SUM(r_late)"
    " OR SUM(k_no) <> SUM(r_no) OR SUM(kept) <> 1"
    " OR SUM(k_on) + SUM(k_late) = 0 "
    "ORDER BY org_id, month, kind";

int xf_store_meeting_tallies_check(xf_db *db, xf_tally_diff_fn fn, void *arg,
                                   int64_t *checked, int64_t *diffs)
{
	*checked = *diffs = 0;
	int rc = xf_db_value(xf_db_stmt(db, sql_count), checked);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_diffs);
	if (!st)
		return XF_DB_ERROR;
	char line[256];
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		const char *month = xf_db_text(st, 1),
		           *kind = xf_db_text(st, 2);
		snprintf(line, sizeof line,
		         "compliance: org %" PRId64 " month %s kind %s: kept "
		         "on_time %" PRId64 " late %" PRId64 " no_ft %" PRId64
		         ", recomputed on_time %" PRId64 " late %" PRId64
		         " no_ft %" PRId64,
		         xf_db_int(st, 0), month ? month : "", kind ? kind : "",
		         xf_db_int(st, 3), xf_db_int(st, 4), xf_db_int(st, 5),
		         xf_db_int(st, 6), xf_db_int(st, 7), xf_db_int(st, 8));
		fn(arg, line);
		(*diffs)++;
	}
	xf_db_reset(st);
	return xf_db_done(rc);
}

static const char sql_clear[] = "DELETE FROM meeting_tallies";
static const char sql_fill[] =
    "INSERT INTO meeting_tallies (org_id, month, kind, on_time, late, no_ft) "
    "SELECT org_id, month, kind, on_time, late, no_ft FROM (" RECOUNT_SQL ") r";

int xf_store_meeting_tallies_rebuild(xf_db *db)
{
	int rc = xf_db_run(xf_db_stmt(db, sql_clear));
	return rc == XF_DB_OK ? xf_db_run(xf_db_stmt(db, sql_fill)) : rc;
}
