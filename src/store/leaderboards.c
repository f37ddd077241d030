/*
 * leaderboards.c - SQL of the 先锋榜: reads of the kept totals by period
 * and subtree (best members, a scan for ranks, counts above a score, a
 * member's year, organizations in path order). No writes.
 */
#include "store/leaderboards.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The subtree condition on the kept totals, in two forms. Narrow: on
 * org_path itself, so SQLite reads the subtree's range of the index
 * (period, org_path, ...) and sorts it. Wide (SQLite only): on an
 * expression of org_path, which no index holds, so SQLite walks the
 * ranking index (period, points, ...) from the top and drops the rows of
 * other subtrees; for a subtree holding a large part of the tree that
 * stops after a few rows per board row instead of sorting the subtree.
 * PostgreSQL gets the narrow form planned for the bound range at each
 * call: its statistics already choose the walk for a wide range, and the
 * expression would hide the range from them.
 */
#define IN_NARROW "org_path >= $2 AND org_path < $3"
#define IN_WIDE   "org_path || '' >= $2 AND org_path || '' < $3"
#define BOARD_MEMBERS(in)                                                      \
	XF_SQL_PLAN_PER_CALL                                                   \
	"SELECT t.member_id, t.org_id, t.points, m.name, o.name, t.vetoed "    \
	"FROM (SELECT member_id, org_id, points, vetoed FROM "                 \
	"point_member_totals WHERE period = $1 AND " in " AND NOT EXISTS "     \
	"(SELECT 1 FROM members x WHERE x.id = member_id AND x.left_on IS "    \
	"NOT NULL) ORDER BY points DESC, member_id LIMIT $4) t "               \
	"JOIN members m ON m.id = t.member_id JOIN orgs o ON o.id = "          \
	"t.org_id ORDER BY t.points DESC, t.member_id"
static const char *const sql_board_members[2] = {BOARD_MEMBERS(IN_NARROW),
                                                 BOARD_MEMBERS(IN_WIDE)};

static const xf_db_col board_row_cols[] = {
    XF_COL(I64, xf_point_board_row, member_id),
    XF_COL(I64, xf_point_board_row, org_id),
    XF_COL(I64, xf_point_board_row, points),
    XF_COL(STR, xf_point_board_row, name),
    XF_COL(STR, xf_point_board_row, org_name),
    XF_COL(INT, xf_point_board_row, vetoed),
};

XF_DB_READER(read_board_row, board_row_cols);

int xf_store_point_board_members(xf_db *db, xf_arena *a, const char *period,
                                 const char *lo, const char *hi, int wide,
                                 int limit, xf_point_board_row **out, int *n)
{
	wide = wide && db->drv->kind == XF_DB_SQLITE;
	return xf_db_rows(XF_DB_BOUND(db, sql_board_members[wide != 0],
	                              XF_STR(period), XF_STR(lo), XF_STR(hi),
	                              XF_INT(limit)),
	                  a, limit, sizeof **out, read_board_row, out, n);
}

/* The subtree's range of its covering index, points only. */
static const char sql_board_scan[] =
    "SELECT points FROM point_member_totals WHERE period = $1 "
    "AND " IN_NARROW " AND points >= $4";

int xf_store_point_board_scan(xf_db *db, const char *period, const char *lo,
                              const char *hi, int64_t least,
                              void (*fn)(void *arg, int64_t points), void *arg)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_board_scan, XF_STR(period),
	                          XF_STR(lo), XF_STR(hi), XF_INT(least));
	if (!st)
		return XF_DB_ERROR;
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		fn(arg, xf_db_int(st, 0));
	xf_db_reset(st);
	return xf_db_done(rc);
}

static const char sql_board_outside[] =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM point_member_totals WHERE "
    "period = $1 AND org_path < $2) OR EXISTS (SELECT 1 FROM "
    "point_member_totals WHERE period = $1 AND org_path >= $3) THEN 1 "
    "ELSE 0 END";

int xf_store_point_board_all_within(xf_db *db, const char *period,
                                    const char *lo, const char *hi, int *all)
{
	int64_t outside = 1;
	int rc = xf_db_value(XF_DB_BOUND(db, sql_board_outside, XF_STR(period),
	                                 XF_STR(lo), XF_STR(hi)),
	                     &outside);
	*all = rc == XF_DB_OK && !outside;
	return rc;
}

static const char sql_board_band[] =
    "SELECT COUNT(*) FROM point_member_totals WHERE period = $1 "
    "AND points > $2 AND points <= $3";

int xf_store_point_board_bands(xf_db *db, const char *period, const int64_t *th,
                               int n, int64_t *above)
{
	int rc = XF_DB_OK;
	for (int j = 0; j < n && rc == XF_DB_OK; j++)
		rc = xf_db_value(XF_DB_BOUND(db, sql_board_band, XF_STR(period),
		                             XF_INT(th[j]),
		                             XF_INT(j ? th[j - 1] : INT64_MAX)),
		                 &above[j]);
	return rc;
}

#define PREV_MAX 50
/* Ids are bound to all PREV_MAX slots; unused ones get 0, no member's.
 * In two forms: walking the subtree's range of the subtree index and
 * testing each row against the ids (cheap for a small subtree), or, for
 * a large one, with the period compared as an expression, which no
 * index holds, so that SQLite looks the ids up in an index led by
 * member_id: 50 probes instead of the city's 97k rows (38 ms). */
#define BOARD_PREV(period)                                                     \
	"SELECT member_id, points FROM point_member_totals WHERE " period      \
	" = $1 AND org_path >= $2 AND org_path < $3 AND member_id IN ("        \
	"$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "     \
	"$18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, "    \
	"$31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, "    \
	"$44, $45, $46, $47, $48, $49, $50, $51, $52, $53)"
static const char *const sql_board_prev[2] = {BOARD_PREV("period"),
                                              BOARD_PREV("period || ''")};

int xf_store_point_board_prev(xf_db *db, const char *period, const char *lo,
                              const char *hi, int probe, const int64_t *ids,
                              int n, int64_t *points, char *found)
{
	memset(found, 0, (size_t)n);
	for (int from = 0; from < n; from += PREV_MAX) {
		int k = n - from < PREV_MAX ? n - from : PREV_MAX;
		xf_stmt *st =
		    XF_DB_BOUND(db, sql_board_prev[probe != 0], XF_STR(period),
		                XF_STR(lo), XF_STR(hi));
		if (!st)
			return XF_DB_ERROR;
		for (int j = 0; j < PREV_MAX; j++)
			xf_db_bind_int(st, j + 4, j < k ? ids[from + j] : 0);
		int rc;
		while ((rc = xf_db_step(st)) == XF_DB_ROW) {
			int64_t id = xf_db_int(st, 0);
			for (int j = 0; j < k; j++)
				if (ids[from + j] == id) {
					points[from + j] = xf_db_int(st, 1);
					found[from + j] = 1;
				}
		}
		xf_db_reset(st);
		if (rc != XF_DB_DONE)
			return xf_db_done(rc);
	}
	return XF_DB_OK;
}

static const char sql_count_above[] =
    "SELECT COUNT(*) FROM point_member_totals WHERE period = $1 AND "
    "points > $4 AND org_path >= $2 AND org_path < $3";

int xf_store_point_count_above(xf_db *db, const char *period, const char *lo,
                               const char *hi, int64_t points, int64_t *n)
{
	return xf_db_value(XF_DB_BOUND(db, sql_count_above, XF_STR(period),
	                               XF_STR(lo), XF_STR(hi), XF_INT(points)),
	                   n);
}

static const char sql_member_year[] =
    "SELECT period, points, entries, vetoed FROM point_member_totals "
    "WHERE member_id = $1 AND period >= $2 AND period < $3 "
    "ORDER BY period LIMIT 32";

static const xf_db_col period_total_cols[] = {
    XF_COL(STR, xf_point_period_total, period),
    XF_COL(I64, xf_point_period_total, points),
    XF_COL(I64, xf_point_period_total, entries),
    XF_COL(INT, xf_point_period_total, vetoed),
};

static void read_period_total(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, period_total_cols, XF_NCOLS(period_total_cols),
	                item);
}

int xf_store_point_member_year(xf_db *db, xf_arena *a, int64_t member_id,
                               const char *year, xf_point_period_total **out,
                               int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_member_year);
	if (!st)
		return XF_DB_ERROR;
	char next[16];
	snprintf(next, sizeof next, "%d", (int)strtol(year, NULL, 10) + 1);
	xf_db_bind_int(st, 1, member_id);
	xf_db_bind_str(st, 2, year);
	xf_db_bind_str(st, 3, next);
	return xf_db_rows(st, a, 32, sizeof **out, read_period_total, out, n);
}

static const char sql_org_subtree[] =
    "SELECT o.id, o.member_count, o.name, o.kind, o.path, "
    "COALESCE(t.points, 0), COALESCE(t.entries, 0), "
    "COALESCE(t.members, 0), COALESCE(t.org_points, 0) FROM orgs o "
    "LEFT JOIN point_org_totals t ON t.org_id = o.id AND t.period = $3 "
    "WHERE o.path >= $1 AND o.path < $2 ORDER BY o.path LIMIT $4";

static const xf_db_col org_row_cols[] = {
    XF_COL(I64, xf_point_org_row, id),
    XF_COL(I64, xf_point_org_row, headcount),
    XF_COL(STR, xf_point_org_row, name),
    XF_COL(STR, xf_point_org_row, kind),
    XF_COL(STR, xf_point_org_row, path),
    XF_COL(I64, xf_point_org_row, points),
    XF_COL(I64, xf_point_org_row, entries),
    XF_COL(I64, xf_point_org_row, members),
    XF_COL(I64, xf_point_org_row, org_points),
};

XF_DB_READER(read_org_row, org_row_cols);

int xf_store_point_org_subtree(xf_db *db, xf_arena *a, const char *lo,
                               const char *hi, const char *period, int max,
                               xf_point_org_row **out, int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_org_subtree, XF_STR(lo),
	                              XF_STR(hi), XF_STR(period), XF_INT(max)),
	                  a, max, sizeof **out, read_org_row, out, n);
}
