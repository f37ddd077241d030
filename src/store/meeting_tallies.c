/*
 * meeting_tallies.c - the compliance board's kept tallies, by month
 * (meeting_tallies, schema v27) and by year (meeting_year_tallies, v30),
 * kept by triggers on meetings: the board's reads of them, and their
 * checks and rebuilds from the same GROUP BY of meetings as the
 * migrations' fills, compared row by row with what the triggers kept.
 */
#include "store/meeting_tallies.h"

#include <inttypes.h>
#include <stdio.h>

/* Calls fn for each row (org_id, kind, key, on_time, late, no_ft) of st. */
static int each_row(xf_stmt *st, xf_tally_fn fn, void *arg)
{
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
	return each_row(st, fn, arg);
}

static const char sql_year_tally[] = XF_SQL_PLAN_PER_CALL
    "SELECT t.org_id, t.kind, t.year, t.on_time, t.late, t.no_ft "
    "FROM orgs o JOIN meeting_year_tallies t ON t.org_id = o.id "
    "AND t.year = $3 "
    "WHERE o.path >= $1 AND o.path < $2 "
    "ORDER BY o.path";

int xf_store_meeting_year_tally(xf_db *db, const char *lo, const char *hi,
                                int year, xf_tally_fn fn, void *arg)
{
	char y[12];
	snprintf(y, sizeof y, "%04d", year);
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_year_tally, XF_STR(lo), XF_STR(hi), XF_STR(y));
	return each_row(st, fn, arg);
}

/* The meetings grouped as a tally keeps them, by the first LEN characters
 * of counts_on (7: the month, 4: the year): columns org_id, the key,
 * kind, on_time, late, no_ft. */
#define RECOUNT_SQL(LEN)                                                       \
	"SELECT org_id, substr(counts_on, 1, " #LEN ") AS k, kind,"            \
	" SUM(CASE WHEN late = 0 THEN 1 ELSE 0 END) AS on_time,"               \
	" SUM(CASE WHEN late <> 0 THEN 1 ELSE 0 END) AS late,"                 \
	" SUM(CASE WHEN has_ft = 0 THEN 1 ELSE 0 END) AS no_ft"                \
	" FROM meetings GROUP BY org_id, substr(counts_on, 1, " #LEN "), kind"

/* Both sides in one union, summed per key: a key missing on one side
 * counts zero there. */
#define DIFFS_SQL(TABLE, KEY, LEN)                                             \
	"SELECT org_id, k, kind, SUM(k_on), SUM(k_late), SUM(k_no),"           \
	" SUM(r_on), SUM(r_late), SUM(r_no) FROM ("                            \
	"SELECT org_id, " KEY " AS k, kind, on_time AS k_on, late AS k_late,"  \
	" no_ft AS k_no, 0 AS r_on, 0 AS r_late, 0 AS r_no, 1 AS kept"         \
	" FROM " TABLE " UNION ALL SELECT org_id, k, kind, 0, 0, 0, on_time,"  \
	" late, no_ft, 0 FROM (" RECOUNT_SQL(                                  \
	    LEN) ") r) u "                                                     \
	         "GROUP BY org_id, k, kind "                                   \
	         "HAVING SUM(k_on) <> SUM(r_on) OR SUM(k_late) <> SUM(r_late)" \
	         " OR SUM(k_no) <> SUM(r_no) OR SUM(kept) <> 1"                \
	         " OR SUM(k_on) + SUM(k_late) = 0 "                            \
	         "ORDER BY org_id, k, kind"

#define FILL_SQL(TABLE, KEY, LEN)                                              \
	"INSERT INTO " TABLE " (org_id, " KEY ", kind, on_time, late, no_ft) " \
	"SELECT org_id, k, kind, on_time, late, no_ft FROM (" RECOUNT_SQL(     \
	    LEN) ") r"

/* One kept tally of meetings: its table, its key column and its SQL. */
typedef struct grain {
	const char *name, *key; /* in verify's lines */
	const char *count, *diffs, *clear, *fill;
} grain;

/* The grain of a tally kept in TABLE by the first LEN characters of
 * counts_on, in column KEY. */
#define GRAIN(NAME, TABLE, KEY, LEN)                                           \
	{                                                                      \
		NAME, KEY, "SELECT COUNT(*) FROM " TABLE,                      \
		    DIFFS_SQL(TABLE, KEY, LEN), "DELETE FROM " TABLE,          \
		    FILL_SQL(TABLE, KEY, LEN)                                  \
	}

static const grain months = GRAIN("compliance", "meeting_tallies", "month", 7);
static const grain years =
    GRAIN("compliance_years", "meeting_year_tallies", "year", 4);

static int check(const grain *g, xf_db *db, xf_tally_diff_fn fn, void *arg,
                 int64_t *checked, int64_t *diffs)
{
	*checked = *diffs = 0;
	int rc = xf_db_value(xf_db_stmt(db, g->count), checked);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, g->diffs);
	if (!st)
		return XF_DB_ERROR;
	char line[256];
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		const char *k = xf_db_text(st, 1), *kind = xf_db_text(st, 2);
		snprintf(line, sizeof line,
		         "%s: org %" PRId64 " %s %s kind %s: kept "
		         "on_time %" PRId64 " late %" PRId64 " no_ft %" PRId64
		         ", recomputed on_time %" PRId64 " late %" PRId64
		         " no_ft %" PRId64,
		         g->name, xf_db_int(st, 0), g->key, k ? k : "",
		         kind ? kind : "", xf_db_int(st, 3), xf_db_int(st, 4),
		         xf_db_int(st, 5), xf_db_int(st, 6), xf_db_int(st, 7),
		         xf_db_int(st, 8));
		fn(arg, line);
		(*diffs)++;
	}
	xf_db_reset(st);
	return xf_db_done(rc);
}

static int rebuild(const grain *g, xf_db *db)
{
	int rc = xf_db_run(xf_db_stmt(db, g->clear));
	return rc == XF_DB_OK ? xf_db_run(xf_db_stmt(db, g->fill)) : rc;
}

int xf_store_meeting_tallies_check(xf_db *db, xf_tally_diff_fn fn, void *arg,
                                   int64_t *checked, int64_t *diffs)
{
	return check(&months, db, fn, arg, checked, diffs);
}

int xf_store_meeting_tallies_rebuild(xf_db *db)
{
	return rebuild(&months, db);
}

int xf_store_meeting_year_tallies_check(xf_db *db, xf_tally_diff_fn fn,
                                        void *arg, int64_t *checked,
                                        int64_t *diffs)
{
	return check(&years, db, fn, arg, checked, diffs);
}

int xf_store_meeting_year_tallies_rebuild(xf_db *db)
{
	return rebuild(&years, db);
}
