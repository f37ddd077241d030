/*
 * org_counts.h - the kept subtree counts of organizations (org_counts,
 * schema v28): per organization its members not transferred out by
 * status, and its organizations by kind and by level, each direct and
 * over its subtree. Triggers keep them on every write; the checks here
 * recompute them from members and orgs (`xianfeng tallies verify`).
 */
#ifndef XF_STORE_ORG_COUNTS_H
#define XF_STORE_ORG_COUNTS_H

#include "store/tallies.h"

/* xf_tally_check_fn of org_counts: one line per (org, dim, item) whose
 * kept direct or subtree count differs from the recount. */
int xf_store_org_counts_check(xf_db *db, xf_tally_diff_fn fn, void *arg,
                              int64_t *checked, int64_t *diffs);
/* xf_tally_rebuild_fn of org_counts: all rows recounted. */
int xf_store_org_counts_rebuild(xf_db *db);
/* The members of org id's subtree not transferred out (0 for an unknown
 * org), from its kept counts: one indexed read. */
int xf_store_org_subtree_members(xf_db *db, int64_t id, int64_t *n);

#endif
