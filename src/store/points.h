/*
 * points.h - SQL of the append-only ledger of points and its kept totals,
 * and the bulk load of generated entries. The rulebook: point_rules.h;
 * claims: point_claims.h; board reads: leaderboards.h.
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

int xf_store_point_entry_insert(xf_db *db, xf_point_entry *e, int64_t now);
int xf_store_point_entry_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_point_entry *out);

/* The entries in force (not reversed, not reversals) written from the
 * record group (see schema_v12.c), oldest first; at most max. */
int xf_store_point_group_entries(xf_db *db, xf_arena *a, const char *group,
                                 int max, xf_point_entry **out, int *n);

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
