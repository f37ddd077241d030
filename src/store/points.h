/*
 * points.h - SQL of points: the rulebook and its versions, yearly settings,
 * claims, the append-only ledger, the kept totals, boards and the check
 * of the totals against the ledger.
 *
 * Return codes and string ownership as in orgs.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in. The ledger is only ever inserted into.
 */
#ifndef XF_STORE_POINTS_H
#define XF_STORE_POINTS_H

#include "base/arena.h"
#include "model/point.h"
#include "store/db.h"

#include <stdint.h>

int xf_store_point_rule_insert(xf_db *db, xf_point_rule *r, int64_t now);
/* Inserts v (rule_id, version set by the caller); sets v->id. */
int xf_store_point_version_insert(xf_db *db, xf_point_version *v, int64_t now);
int xf_store_point_version_close(xf_db *db, int64_t version_id,
                                 const char *valid_to);
/* The rule with its versions (the latest 256), oldest first; shown =
 * the latest. */
int xf_store_point_rule_get(xf_db *db, xf_arena *a, int64_t id,
                            xf_point_rule *out);
/* Rules of a kind with the version in force on date (one per rule),
 * optionally of one category; at most max. */
int xf_store_point_rules_on(xf_db *db, xf_arena *a, const char *kind,
                            const char *date, const char *category, int max,
                            xf_point_rule **out, int *n);

/* Base score and floor of a year (0, 0 when never set). */
int xf_store_point_settings_get(xf_db *db, const char *kind, int year,
                                int64_t *base, int64_t *floor);
int xf_store_point_settings_put(xf_db *db, const char *kind, int year,
                                int64_t base, int64_t floor, int64_t now);

int xf_store_point_claim_insert(xf_db *db, xf_point_claim *c, int64_t now);
int xf_store_point_claim_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_point_claim *out);
/* Decides a pending claim; XF_DB_DONE if it was no longer pending. */
int xf_store_point_claim_decide(xf_db *db, const xf_point_claim *c);

typedef struct xf_point_claim_filter {
	xf_ranges ranges;   /* org_path ranges */
	int64_t member_id;  /* 0: any */
	const char *status; /* or NULL */
	int offset, limit;
} xf_point_claim_filter;

int xf_store_point_claim_list(xf_db *db, xf_arena *a,
                              const xf_point_claim_filter *f,
                              xf_point_claim **out, int *n, int64_t *total);

int xf_store_point_entry_insert(xf_db *db, xf_point_entry *e, int64_t now);
int xf_store_point_entry_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_point_entry *out);

typedef struct xf_point_entry_filter {
	xf_ranges ranges;
	int64_t member_id;  /* 0: any */
	int64_t org_only;   /* nonzero: organization entries of this org */
	const char *period; /* "2024", "2024Q3", "2024-07" or NULL */
	int offset, limit;
} xf_point_entry_filter;

int xf_store_point_entry_list(xf_db *db, xf_arena *a,
                              const xf_point_entry_filter *f,
                              xf_point_entry **out, int *n, int64_t *total);

/* Net points of a rule for a subject (member, or org when member_id is 0)
 * in one period; column is "month", "quarter" or "year". */
int xf_store_point_rule_used(xf_db *db, int64_t member_id, int64_t org_id,
                             int64_t rule_id, const char *column,
                             const char *period, int64_t *sum);
/* The kept total and vetoes of a member's (or an org's own) period. */
int xf_store_point_member_period(xf_db *db, int64_t member_id,
                                 const char *period, int64_t *points,
                                 int *vetoed);
int xf_store_point_org_period(xf_db *db, int64_t org_id, const char *period,
                              int64_t *org_points);
/* Whether the member already has entries in org for the month, quarter
 * and year (for the member counts of the org totals). */
int xf_store_point_member_seen(xf_db *db, int64_t member_id, int64_t org_id,
                               const char *year, const char *quarter,
                               const char *month, int seen[3]);
/* Adds an entry to the kept totals of one period. */
int xf_store_point_member_total_add(xf_db *db, const xf_point_entry *e,
                                    const char *period);
int xf_store_point_org_total_add(xf_db *db, int64_t org_id, const char *period,
                                 int64_t points, int64_t entries,
                                 int64_t members, int64_t org_points,
                                 int64_t org_entries);

/* ---- boards -------------------------------------------------------------*/

typedef struct xf_point_board_row {
	int64_t member_id, org_id, points;
	const char *name, *org_name;
	int vetoed;
} xf_point_board_row;

/* Members with totals of the period within [lo, hi), best first. */
int xf_store_point_board_members(xf_db *db, xf_arena *a, const char *period,
                                 const char *lo, const char *hi, int limit,
                                 xf_point_board_row **out, int *n);
/* Calls fn for each (member, points) of the period within [lo, hi), in
 * no particular order (one range scan of the subtree index), until fn
 * returns nonzero. */
int xf_store_point_board_scan(
    xf_db *db, const char *period, const char *lo, const char *hi,
    int (*fn)(void *arg, int64_t member_id, int64_t points), void *arg);
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

/* ---- bulk (generated data) ---------------------------------------------*/

typedef struct xf_point_bulk_member {
	int64_t id, org_id;
	const char *org_path;
} xf_point_bulk_member;

/* Every member (id, org, org path) in id order, arena-allocated. */
int xf_store_point_bulk_members(xf_db *db, xf_arena *a,
                                xf_point_bulk_member **out, int64_t *n);
/* Ledger entries of generated data go in between _bulk_begin() and
 * xf_load_end() (store/bulk.h), no other statement in between; the
 * ledger's indexes are built again at the end; kept totals untouched
 * (xf_store_point_totals_rebuild() in store/points_recount.h). */
typedef struct xf_loader xf_loader;
int xf_store_point_bulk_begin(xf_db *db, xf_loader **out);
int xf_store_point_bulk_entry(xf_loader *l, const xf_point_entry *e,
                              int64_t now);

/* The org whose kept totals a write will update, read outside any
 * transaction before it (see XF_WRITE_TX_KEYED): of a member (its org
 * now), of the member of a claim, or of a ledger entry; 0 when not found
 * or on error. */
enum { XF_POINT_KEY_MEMBER, XF_POINT_KEY_CLAIM, XF_POINT_KEY_ENTRY };
int64_t xf_store_point_write_org(xf_db *db, int what, int64_t id);

#endif
