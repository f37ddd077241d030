/*
 * point_sums.h (service) - the member points of every organization's
 * subtree for a period, from the kept totals: what the organizations'
 * 先锋榜 ranks and the assessment's member_points_avg and org_points
 * read. Defined in leaderboards.c.
 */
#ifndef XF_SERVICE_POINT_SUMS_H
#define XF_SERVICE_POINT_SUMS_H

#include "service/ctx.h"
#include "store/leaderboards.h"

/* Every org within [lo, hi) in path order with its own kept totals of
 * period (rows) and, over its whole subtree, its members' points (sum)
 * and headcount (heads); all in c->a. In the caller's transaction. */
typedef struct xf_org_point_sums {
	const xf_point_org_row *rows;
	const int64_t *sum, *heads;
	int n;
} xf_org_point_sums;
int xf_org_points_sums(xf_ctx *c, const char *lo, const char *hi,
                       const char *period, xf_org_point_sums *out);

#endif
