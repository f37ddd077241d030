/*
 * plans.h (service) - year plans (年初部署): a committee publishes the
 * year's plan; each item (goal, lead organization, measures) becomes a
 * task of the lead organization on the chart, to be cascaded further.
 * Scope as for tasks (tasks.h). Returns XF_OK or an error kind.
 */
#ifndef XF_SERVICE_PLANS_H
#define XF_SERVICE_PLANS_H

#include "service/ctx.h"
#include "service/tasks.h"
#include "store/plans.h"

#define XF_PLAN_MAX_ITEMS 200

typedef struct xf_plan_item_input {
	const char *title, *goal, *measures;
	int64_t lead_org_id;
	const char *start_on, *due_on; /* or NULL: the plan's year */
	int weight;
	const xf_milestone_input *milestones;
	int nmilestones;
} xf_plan_item_input;

typedef struct xf_plan_input {
	int64_t org_id;
	int year;
	const char *title;
	const xf_plan_item_input *items;
	int nitems;
} xf_plan_input;

int xf_plan_create(xf_ctx *c, const xf_plan_input *in, xf_plan *out);

/* The fields a plan's PATCH may change; has_* says which were sent. */
typedef struct xf_plan_patch {
	int has_title, has_year;
	const char *title;
	int year;
} xf_plan_patch;

/* Changes title and year of a plan the caller may write (403 otherwise;
 * 404 if unknown). The year stays while tasks carry the plan: their
 * dates lie in it (409 plan_has_tasks). Audited with before and after. */
int xf_plan_update(xf_ctx *c, int64_t id, const xf_plan_patch *in);
/* Deletes a plan with its items, when no task carries it any more: 409
 * plan_accepted when one of its tasks passed the year-end acceptance,
 * 409 plan_has_tasks otherwise (their progress is the work record;
 * tasks are deleted one by one, cascaded ones first). Audited. */
int xf_plan_remove(xf_ctx *c, int64_t id);
/* A plan with its items; tasks[i] is item i's task (id 0 if deleted). */
int xf_plan_read(xf_ctx *c, int64_t id, xf_plan *out, xf_plan_item **items,
                 int *n, xf_task **tasks);
int xf_plan_list(xf_ctx *c, int64_t org_id, int subtree, int year, int offset,
                 int limit, xf_plan **out, int *n, int64_t *total);

#endif
