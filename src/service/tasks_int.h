/*
 * tasks_int.h (service) - the private half of tasks.h: what tasks.c,
 * milestones.c and task_board.c share. Not for use outside these files.
 */
#ifndef XF_SERVICE_TASKS_INT_H
#define XF_SERVICE_TASKS_INT_H

#include "service/tasks.h"

/* Parses a stored date; an unreadable one counts as 1970-01-01. */
xf_date xf_task_day(const char *s);
/* Loads a task, 404 when missing, whoever the caller. */
int xf_task_load(xf_ctx *c, int64_t id, xf_task *t);
/* Loads a task to read it or to change it (mode, as xf_loaded). */
int xf_task_load_for(xf_ctx *c, int64_t id, int mode, xf_task *t);
/* Rolls a task up, then every task above it up to its root. */
int xf_task_roll_chain(xf_ctx *c, int64_t id);

/* Checks a milestone against its task's dates. prefix: "milestones[i]"
 * for a milestone inside a task's body, NULL for a milestone's own. */
int xf_milestone_check(xf_ctx *c, const char *start_on, const char *due_on,
                       const char *ms_due, const char *ms_done,
                       const char *prefix);
/* Inserts milestone seq of task t from in (source_id: the milestone it
 * copies, or 0); m gets the stored row. */
int xf_milestone_insert(xf_ctx *c, const xf_task *t, int seq,
                        const xf_milestone_input *in, int64_t source_id,
                        xf_milestone *m);
/* Finds milestone id of a task: XF_OK, XF_E_NOT_FOUND (c->err not set)
 * or a store failure. */
int xf_milestone_find(xf_ctx *c, int64_t task_id, int64_t id,
                      xf_milestone **out);

#endif
