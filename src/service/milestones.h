/*
 * milestones.h (service) - the time nodes (时间节点) of a task on the
 * chart: their status on a day and adding, changing and removing one.
 * A milestone is read and written under its task's scope (tasks.h); one
 * that was cascaded below takes its done day from its copies.
 * Every function returns XF_OK or an error kind with c->err filled;
 * results are allocated in c->a.
 */
#ifndef XF_SERVICE_MILESTONES_H
#define XF_SERVICE_MILESTONES_H

#include "base/date.h"
#include "service/ctx.h"
#include "store/tasks.h"

#define XF_TASK_MAX_MILESTONES 50

typedef struct xf_milestone_input {
	const char *title, *deliverable, *due_on, *done_on;
	int weight; /* 0: 1 */
	int has_title, has_deliverable, has_due_on, has_done_on, has_weight;
} xf_milestone_input;

/* The milestone's status and lateness on day today. */
int xf_milestone_status_on(const xf_milestone *m, xf_date today);
int xf_milestone_is_late(const xf_milestone *m, xf_date today);
/* The same, for the JSON form (model/task.h). */
xf_milestone_facts xf_milestone_facts_on(const xf_milestone *m, xf_date today);

int xf_milestone_add(xf_ctx *c, int64_t task_id, const xf_milestone_input *in,
                     xf_milestone *out);
int xf_milestone_update(xf_ctx *c, int64_t task_id, int64_t id,
                        const xf_milestone_input *in, xf_milestone *out);
int xf_milestone_remove(xf_ctx *c, int64_t task_id, int64_t id);

#endif
