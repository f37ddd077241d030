/*
 * task_board.h (service) - the 晒绩 board: the organizations of a subtree
 * ranked by on-time completion of the year's tasks; and the year-end
 * acceptance (年终考核验收) of a task, which needs a committee grant over
 * the task's organization (or admin).
 * Every function returns XF_OK or an error kind with c->err filled;
 * results are allocated in c->a.
 */
#ifndef XF_SERVICE_TASK_BOARD_H
#define XF_SERVICE_TASK_BOARD_H

#include "service/ctx.h"
#include "store/tasks.h"

/* A row of the 晒绩 board or of the acceptance summary. */
typedef struct xf_task_rank {
	xf_task_tally t;
	int rank;
	int on_time_permille; /* -1 when nothing is due yet */
	int avg_percent;
	int avg_score_x10; /* -1 when nothing accepted */
} xf_task_rank;

/* Organizations of the org's subtree (or the caller's scope) ranked by
 * on-time completion of the year's tasks. */
int xf_task_board(xf_ctx *c, int64_t org_id, int year, xf_task_rank **out,
                  int *n);

/* Year-end acceptance of a task: score 0..100 and a comment. */
int xf_task_accept(xf_ctx *c, int64_t id, int score, const char *comment,
                   xf_acceptance *out, xf_task *task);

#endif
