/*
 * clusters.h - SQL of what a cluster (片区) has beyond its members
 * (store/orgs.h): renaming and deleting it, and its lead organization
 * year by year (schema v18). Return codes as store/db.h; text read lives
 * in the arena given.
 */
#ifndef XF_STORE_CLUSTERS_H
#define XF_STORE_CLUSTERS_H

#include "base/arena.h"
#include "store/db.h"

#include <stdint.h>

/* The lead organization of a cluster for a year. */
typedef struct xf_cluster_lead {
	int64_t cluster_id;
	int year;
	int64_t org_id;
	const char *org_name;
} xf_cluster_lead;

/* XF_DB_UNIQUE when another cluster has the name. */
int xf_store_cluster_update(xf_db *db, int64_t id, const char *name,
                            const char *desc);
/* Deletes the cluster with its member list and leads. */
int xf_store_cluster_delete(xf_db *db, int64_t id);
/* Sets (replaces) the lead of (cluster, year). */
int xf_store_cluster_lead_put(xf_db *db, int64_t id, int year, int64_t org_id,
                              int64_t by, int64_t now);
/* The leads of a cluster, the latest year first (at most 100). */
int xf_store_cluster_leads(xf_db *db, xf_arena *a, int64_t id,
                           xf_cluster_lead **out, int *n);
/* The lead of every cluster for a year (at most 1000). */
int xf_store_cluster_leads_of_year(xf_db *db, xf_arena *a, int year,
                                   xf_cluster_lead **out, int *n);

#endif
