/*
 * joint_projects.h - SQL of joint projects (党建联建项目), their partner
 * organizations, tags and yearly reviews, and of the central-work tags
 * (schema v18). Functions return XF_DB_OK / XF_DB_ROW / XF_DB_DONE or an
 * error; text read lives in the arena given.
 */
#ifndef XF_STORE_JOINT_PROJECTS_H
#define XF_STORE_JOINT_PROJECTS_H

#include "base/arena.h"
#include "model/joint_project.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts p (title, lead org, cluster, year, goals, outcomes, status,
 * task) and sets p->id. */
int xf_store_jp_insert(xf_db *db, xf_joint_project *p, int64_t now);
/* The project with its partners and tags; XF_DB_ROW or XF_DB_DONE. */
int xf_store_jp_get(xf_db *db, xf_arena *a, int64_t id, xf_joint_project *out);
/* Writes title, cluster, year, goals, outcomes and status. */
int xf_store_jp_update(xf_db *db, const xf_joint_project *p, int64_t now);
int xf_store_jp_set_task(xf_db *db, int64_t id, int64_t task_id);
/* Replaces the partners (n of them) / the tags. */
int xf_store_jp_set_partners(xf_db *db, int64_t id, const xf_jp_org *orgs,
                             int n);
int xf_store_jp_set_tags(xf_db *db, int64_t id, const int64_t *tag_ids, int n);
/* Deletes the project with its partners, tags and reviews. */
int xf_store_jp_delete(xf_db *db, int64_t id);

/* A list's filter: the caller's ranges (a project is in them when its
 * lead or a partner is) and, when not 0, a cluster, a tag, an
 * organization (lead or partner) and a year. */
typedef struct xf_jp_filter {
	const xf_ranges *ranges;
	int64_t cluster_id, tag_id, org_id;
	int year;
} xf_jp_filter;
/* Projects of the filter, the latest year first, then by title; paged;
 * each with its partners and tags. */
int xf_store_jp_list(xf_db *db, xf_arena *a, const xf_jp_filter *f, int offset,
                     int limit, xf_joint_project **out, int *n, int64_t *total);
/* How many projects name the cluster. */
int xf_store_jp_count_cluster(xf_db *db, int64_t cluster_id, int64_t *n);

int xf_store_jp_review_put(xf_db *db, const xf_jp_review *v);
/* The reviews of a project, the latest year first (at most 100). */
int xf_store_jp_reviews(xf_db *db, xf_arena *a, int64_t id, xf_jp_review **out,
                        int *n);

/* ---- central-work tags ---- */
/* Every tag by sort then name, with its project counts (at most 500). */
int xf_store_cw_tags(xf_db *db, xf_arena *a, xf_cw_tag **out, int *n);
int xf_store_cw_tag_get(xf_db *db, xf_arena *a, int64_t id, xf_cw_tag *out);
/* XF_DB_UNIQUE when the name is taken. */
int xf_store_cw_tag_insert(xf_db *db, xf_cw_tag *t, int64_t now);
int xf_store_cw_tag_update(xf_db *db, const xf_cw_tag *t);
int xf_store_cw_tag_delete(xf_db *db, int64_t id);

#endif
