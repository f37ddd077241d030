/*
 * orgs.h - SQL of the organization tree (materialized paths) and clusters.
 *
 * Functions return XF_DB_OK / XF_DB_ROW (found) / XF_DB_DONE (not found) or a
 * negative XF_DB_* error. Strings in returned structs are copied into the
 * arena passed in and live as long as it.
 */
#ifndef XF_STORE_ORGS_H
#define XF_STORE_ORGS_H

#include "base/arena.h"
#include "model/org.h"
#include "store/db.h"

#include <stdint.h>

typedef struct xf_org_page {
	xf_org *items;
	int n;
	int64_t total;
} xf_org_page;

int xf_store_org_get(xf_db *db, xf_arena *a, int64_t id, xf_org *out);
/* The columns an org row is written with, in this order, by insert and
 * the bulk load (bulk.c), and the fields they come from. */
#define XF_ORG_WRITE_SQL                                                       \
	"parent_id, name, kind, level, path, depth, established_on, project, " \
	"starts_on, ends_on, closed_on"
#define XF_ORG_NWRITE 11
extern const xf_db_col xf_org_write_cols[XF_ORG_NWRITE];
/* Inserts o (path computed from parent_path); sets o->id and o->path. */
int xf_store_org_insert(xf_db *db, xf_arena *a, xf_org *o,
                        const char *parent_path, int64_t now);
/* Updates the plain fields (not parent/path). */
int xf_store_org_update(xf_db *db, const xf_org *o, int64_t now);
/* Rewrites paths of a subtree (orgs and member rows) from old to new. */
int xf_store_org_move(xf_db *db, int64_t id, int64_t new_parent,
                      const char *old_path, const char *new_path,
                      int depth_delta, int64_t now);
int xf_store_org_delete(xf_db *db, int64_t id);
int xf_store_org_count_children(xf_db *db, int64_t id, int64_t *n);
/* Finds a sibling with that name (parent 0 = roots); *id 0 if none. */
int xf_store_org_sibling_named(xf_db *db, int64_t parent_id, const char *name,
                               int64_t *id);
typedef struct xf_org_filter {
	const char *q, *kind, *level; /* or NULL */
	int roots; /* only the tops: roots of the tree or of the ranges */
	int offset, limit;
} xf_org_filter;

/* Lists orgs within the ranges, filtered; paged. */
int xf_store_org_list(xf_db *db, xf_arena *a, const xf_ranges *ranges,
                      const xf_org_filter *f, xf_org_page *out);

/* Counts of a subtree for dashboards. */
typedef struct xf_count {
	const char *key;
	int64_t n;
} xf_count;
typedef struct xf_org_stats {
	xf_count *by_kind, *by_level, *by_status;
	int nkind, nlevel, nstatus;
	int64_t orgs, members;
} xf_org_stats;
/* The counts of the subtree of org id, read from its kept org_counts
 * (store/org_counts.h). */
int xf_store_org_stats(xf_db *db, xf_arena *a, int64_t id, xf_org_stats *out);
/* The direct children by name, each with subtree_member_count read from
 * its kept org_counts. */
int xf_store_org_children(xf_db *db, xf_arena *a, int64_t id, xf_org_page *out);
/* The whole subtree in path order (at most max rows). */
int xf_store_org_subtree(xf_db *db, xf_arena *a, const char *lo, const char *hi,
                         int max, xf_org_page *out);
int xf_store_org_add_members(xf_db *db, int64_t id, int64_t delta);

/* The parent of an org, for showing "某支部（某党委）" beside it. */
typedef struct xf_org_parent {
	int64_t parent_id; /* 0 for a root or an unknown org */
	const char *name;  /* the parent's name, or NULL */
} xf_org_parent;
/* Fills out[i] with the parent of ids[i] for i < n, in queries of up to
 * 50 distinct ids each (one for a board of the default length). */
int xf_store_org_parents(xf_db *db, xf_arena *a, const int64_t *ids, int n,
                         xf_org_parent *out);

int xf_store_cluster_insert(xf_db *db, const char *name, const char *desc,
                            int64_t now, int64_t *id);
int xf_store_cluster_get(xf_db *db, xf_arena *a, int64_t id, xf_cluster *out);
int xf_store_cluster_list(xf_db *db, xf_arena *a, xf_cluster **out, int *n);
int xf_store_cluster_add_org(xf_db *db, int64_t cluster_id, int64_t org_id);
int xf_store_cluster_remove_org(xf_db *db, int64_t cluster_id, int64_t org_id);

#endif
