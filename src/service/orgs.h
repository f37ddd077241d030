/*
 * orgs.h (service) - use cases of the organization tree and clusters:
 * scope checks, tree rules (unique sibling names, no cycles, no deleting
 * non-empty organizations), transactions and audit.
 *
 * Every function returns XF_OK or an error kind with c->err filled.
 * Results are allocated in c->a.
 */
#ifndef XF_SERVICE_ORGS_H
#define XF_SERVICE_ORGS_H

#include "service/ctx.h"
#include "store/orgs.h"

/* Fields of a create or update; has_* says which were given. */
typedef struct xf_org_input {
	const char *name, *kind, *level, *established_on;
	const char *project, *starts_on, *ends_on, *closed_on;
	int64_t parent_id;
	int has_name, has_kind, has_level, has_established_on, has_project,
	    has_starts_on, has_ends_on, has_closed_on, has_parent_id;
} xf_org_input;

int xf_org_create(xf_ctx *c, const xf_org_input *in, xf_org *out);
/* The same inside the caller's write transaction (the imports). */
int xf_org_create_in_tx(xf_ctx *c, const xf_org_input *in, xf_org *out);
int xf_org_read(xf_ctx *c, int64_t id, xf_org *out);
int xf_org_update(xf_ctx *c, int64_t id, const xf_org_input *in, xf_org *out);
int xf_org_remove(xf_ctx *c, int64_t id);
int xf_org_list(xf_ctx *c, const xf_org_filter *f, xf_org_page *out);
/* Counts of an org's subtree: orgs by kind and level, members by status. */
int xf_org_count(xf_ctx *c, int64_t id, xf_org_stats *out);
int xf_org_children(xf_ctx *c, int64_t id, xf_org_page *out);
/* The subtree in path order; member_count of each is its subtree's total. */
int xf_org_tree(xf_ctx *c, int64_t id, xf_org_page *out);

int xf_cluster_create(xf_ctx *c, const char *name, const char *desc,
                      xf_cluster *out);
int xf_cluster_read(xf_ctx *c, int64_t id, xf_cluster *out);
int xf_cluster_list(xf_ctx *c, xf_cluster **out, int *n);
int xf_cluster_add(xf_ctx *c, int64_t id, int64_t org_id, xf_cluster *out);
int xf_cluster_remove(xf_ctx *c, int64_t id, int64_t org_id, xf_cluster *out);
/* xf_cluster_add inside the caller's write transaction (the imports). */
int xf_cluster_add_in_tx(xf_ctx *c, int64_t id, int64_t org_id,
                         xf_cluster *out);
/* XF_OK when the caller may change clusters (committee or admin), else
 * 403 (service/clusters.c shares it). */
int xf_cluster_writer(xf_ctx *c);
/* Loads a cluster with its lead of this year in the current transaction:
 * 404 when there is none. */
int xf_cluster_load(xf_ctx *c, int64_t id, xf_cluster *out);

#endif
