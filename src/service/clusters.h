/*
 * clusters.h (service) - what makes a cluster (片区) work beyond its
 * member list (service/orgs.h): renaming it, deleting it (refused while
 * joint projects refer to it), its lead organization year by year, and
 * its page: members, leads, joint projects, the member organizations'
 * activities and a roll-up of their compliance, tasks and points taken
 * from the boards' own services (compliance.h, task_board.h,
 * leaderboards.h), for the member organizations the caller may read.
 *
 * Writes need the city committee (机关工委) or admin, as the member list.
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_CLUSTERS_H
#define XF_SERVICE_CLUSTERS_H

#include "model/activity.h"
#include "model/joint_project.h"
#include "service/compliance.h"
#include "service/ctx.h"
#include "store/clusters.h"

int xf_cluster_update(xf_ctx *c, int64_t id, const char *name, const char *desc,
                      xf_cluster *out);
int xf_cluster_delete(xf_ctx *c, int64_t id);
/* Sets the lead of a year (2000 .. next year): one of the members. */
int xf_cluster_lead_put(xf_ctx *c, int64_t id, int year, int64_t org_id,
                        xf_cluster_lead *out);

/* One member organization's roll-up, as its boards show it. */
typedef struct xf_cluster_rollup {
	const xf_org *org;
	xf_compliance_sum compliance; /* 组织生活 of its subtree, quarter */
	int64_t tasks, done, on_time, overdue; /* 挂图作战, the year */
	int64_t points, headcount, org_points, average_x100; /* 先锋榜 */
} xf_cluster_rollup;

typedef struct xf_cluster_page {
	xf_cluster cl;
	int year;
	char quarter[12];       /* the compliance period */
	xf_cluster_lead *leads; /* latest year first */
	int nleads;
	xf_joint_project *projects; /* those the caller may read */
	int nprojects;
	int64_t project_total;
	xf_activity *activities; /* the year's, of readable members */
	int nactivities;
	xf_cluster_rollup *rows; /* readable members, in path order */
	int nrows;
	xf_cluster_rollup total; /* org NULL: the sum of rows */
} xf_cluster_page;

/* The page of cluster id for year (0: this year). */
int xf_cluster_page_read(xf_ctx *c, int64_t id, int year, xf_cluster_page *out);

#endif
