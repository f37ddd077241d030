/*
 * cockpit.h (service) - the cockpit (驾驶舱) of a subtree: one read that
 * gathers what the boards of the subtree say today: compliance of
 * organizational life this quarter (green/yellow/red), the 第一议题 rate of
 * the quarter and of the year, tasks done on time against tasks due, the
 * points top 10 of members and of branches this year, and the lagging
 * organizations (red this quarter, or with overdue tasks). Each figure
 * comes from the board's own service function (compliance board, 晒绩
 * board, 先锋榜), so the cockpit and the boards never disagree. Also the
 * channel of the subtree's live events for the walls (大屏).
 *
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_COCKPIT_H
#define XF_SERVICE_COCKPIT_H

#include "service/compliance.h"
#include "service/ctx.h"
#include "service/leaderboards.h"
#include "service/task_board.h"

/* An organization that lags: red this quarter (missing the meeting kinds
 * of mask missing) and/or with tasks overdue. */
typedef struct xf_cockpit_lag {
	const char *name, *path, *parent_name;
	int64_t org_id, parent_id;
	int red;
	unsigned missing; /* as xf_compliance.missing */
	int64_t overdue;  /* tasks past due, not done */
} xf_cockpit_lag;

typedef struct xf_cockpit {
	const xf_org *org;            /* the subtree's top */
	xf_supervision quarter;       /* compliance this quarter */
	xf_compliance_sum year_total; /* compliance this year (第一议题) */
	int year;
	xf_task_rank *tasks; /* the 晒绩 board of the year */
	int ntasks;
	int64_t tasks_total, tasks_due, tasks_done, tasks_on_time,
	    tasks_overdue;
	xf_board members, branches; /* points this year, top 10 */
	xf_cockpit_lag *lagging;    /* worst first */
	int nlagging;               /* at most XF_COCKPIT_LAGGING */
	int lagging_total;
} xf_cockpit;

#define XF_COCKPIT_TOP     10
#define XF_COCKPIT_LAGGING 10

/* The cockpit of org_id's subtree (0: the caller's widest grant); an
 * organization out of the caller's scope is 404. */
int xf_cockpit_read(xf_ctx *c, int64_t org_id, xf_cockpit *out);

/* The channel of the live events of org_id's subtree (0: the caller's
 * widest grant) into ch (service/live.h), after the scope check; its
 * organization in *org_out. */
int xf_cockpit_channel(xf_ctx *c, int64_t org_id, char ch[32],
                       int64_t *org_out);

#endif
