/*
 * leaderboards.h - SQL of the 先锋榜: reads of the kept totals.
 *
 * Return codes and string ownership as in orgs.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in.
 */
#ifndef XF_STORE_LEADERBOARDS_H
#define XF_STORE_LEADERBOARDS_H

#include "base/arena.h"
#include "model/point.h"
#include "store/db.h"

#include <stdint.h>

typedef struct xf_point_board_row {
	int64_t member_id, org_id, points;
	const char *name, *org_name;
	int vetoed;
} xf_point_board_row;

/*
 * A subtree is "wide" when it holds at least 1/XF_BOARD_WIDE_SHARE of
 * the members of its tree: walking the period's ranking from the top and
 * dropping other subtrees' rows then reads about XF_BOARD_WIDE_SHARE rows
 * per board row, less than sorting the subtree's own rows (SQLite; on
 * PostgreSQL the planner chooses by the bound range). The service
 * decides from the kept member counts (store/org_counts.h).
 */
#define XF_BOARD_WIDE_SHARE 16
/* Members with totals of the period within [lo, hi), best first. */
int xf_store_point_board_members(xf_db *db, xf_arena *a, const char *period,
                                 const char *lo, const char *hi, int wide,
                                 int limit, xf_point_board_row **out, int *n);
/* Calls fn with the points of each member of the period within [lo, hi)
 * with at least least points, in no particular order (one range of the
 * subtree index, which holds the points). */
int xf_store_point_board_scan(xf_db *db, const char *period, const char *lo,
                              const char *hi, int64_t least,
                              void (*fn)(void *arg, int64_t points), void *arg);
/* *all = 1 when every member total of the period lies within [lo, hi)
 * (two probes of the subtree index at the range's ends). */
int xf_store_point_board_all_within(xf_db *db, const char *period,
                                    const char *lo, const char *hi, int *all);
/* above[j] = the members of the period with points in (th[j], th[j - 1]]
 * (th[-1]: no bound) for the distinct scores th[0..n), highest first,
 * counted in the ranking index (period, points): one range per score,
 * each row counted once, whatever the subtree (the caller checked with
 * xf_store_point_board_all_within that it holds all rows). */
int xf_store_point_board_bands(xf_db *db, const char *period, const int64_t *th,
                               int n, int64_t *above);
/* For each of the members ids[0..n) (distinct): found[i] = 1 and
 * points[i] its points when it has a total of the period within [lo, hi),
 * found[i] = 0 otherwise. probe: look each id up (a large subtree) instead
 * of walking the subtree's rows. */
int xf_store_point_board_prev(xf_db *db, const char *period, const char *lo,
                              const char *hi, int probe, const int64_t *ids,
                              int n, int64_t *points, char *found);
/* Members of the period within [lo, hi) with more points than points. */
int xf_store_point_count_above(xf_db *db, const char *period, const char *lo,
                               const char *hi, int64_t points, int64_t *n);

typedef struct xf_point_period_total {
	const char *period;
	int64_t points, entries;
	int vetoed;
} xf_point_period_total;

/* A member's kept totals of every period of a year, in period order. */
int xf_store_point_member_year(xf_db *db, xf_arena *a, int64_t member_id,
                               const char *year, xf_point_period_total **out,
                               int *n);

typedef struct xf_point_org_row {
	int64_t id, headcount; /* headcount: members directly in the org */
	const char *name, *kind, *path;
	int64_t points, entries, members, org_points;
} xf_point_org_row;

/* Every org within [lo, hi) in path order with its own totals of the
 * period (zeros when none); at most max rows. */
int xf_store_point_org_subtree(xf_db *db, xf_arena *a, const char *lo,
                               const char *hi, const char *period, int max,
                               xf_point_org_row **out, int *n);

#endif
