/*
 * leaderboards.h (service) - the 先锋榜: members and organizations ranked
 * from the kept totals, ties sharing a rank, each row with its change of
 * rank against the previous period; and a member's own points page.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_LEADERBOARDS_H
#define XF_SERVICE_LEADERBOARDS_H

#include "service/ctx.h"
#include "service/point_sums.h"
#include "store/leaderboards.h"
#include "store/orgs.h"

typedef struct xf_board_item {
	int rank, prev_rank; /* prev_rank 0: not ranked before */
	int64_t id;          /* member or org id */
	const char *name, *org_name;
	int64_t org_id;
	int64_t points; /* shown points (base score added for years) */
	int vetoed;
	/* organizations */
	int64_t headcount, members, org_points, average_x100;
	/* the parent of the row's organization (org_id of a member row, id
	 * of an org row): 0 and NULL for a root; filled by xf_board_members
	 * and xf_board_orgs, not by the _in_tx variants */
	int64_t org_parent_id;
	const char *org_parent_name;
} xf_board_item;

typedef struct xf_board {
	xf_org org;
	char period[12], prev_period[12];
	int64_t base; /* the year's base score added to year boards */
	xf_board_item *items;
	int n;
} xf_board;

/* Members of org's subtree (org 0: the caller's widest org) by points. */
int xf_board_members(xf_ctx *c, int64_t org_id, const char *period, int limit,
                     xf_board *out);
/* Orgs of kind in org's subtree by average member points (by "average")
 * or by organization points (by "org_points"). */
int xf_board_orgs(xf_ctx *c, int64_t org_id, const char *kind,
                  const char *period, const char *by, int limit, xf_board *out);
/* The same boards inside the caller's open transaction (publication
 * freezes a board in the transaction that writes the notice). */
int xf_board_members_in_tx(xf_ctx *c, int64_t org_id, const char *period,
                           int limit, xf_board *out);
int xf_board_orgs_in_tx(xf_ctx *c, int64_t org_id, const char *kind,
                        const char *period, const char *by, int limit,
                        xf_board *out);

typedef struct xf_points_me {
	int64_t member_id, org_id;
	const char *name, *org_name;
	char year[12];
	int64_t base, points, total; /* total: base + points, 0 if vetoed */
	int vetoed;
	char period[12];                /* the period ranked (default year) */
	int64_t period_points;          /* the member's points of period */
	int64_t rank_branch, rank_unit; /* 0: not ranked */
	xf_org unit;                    /* unit.id 0: none */
	xf_point_period_total *periods; /* months and quarters of the year */
	int nperiods;
	xf_point_entry *entries; /* the year's entries, newest first */
	int nentries;
	int64_t total_entries;
	struct xf_point_notice *notices; /* notices over the member */
	int nnotices;
} xf_points_me;

/* The caller's own points of a year (NULL: this year), ranked in its
 * branch and unit for period (a year, quarter or month; NULL: the year,
 * else it decides the year), with the notices that concern it. */
int xf_points_me_read(xf_ctx *c, const char *year, const char *period,
                      xf_points_me *out);

#endif
