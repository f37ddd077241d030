/*
 * tasks.h - the rules of tasks on the chart (挂图作战): the status of a task
 * and of a milestone (时间节点) on a given day, and the roll-up of a task's
 * completion from its milestones and its child tasks (a task cascaded to
 * the organizations below it).
 *
 * Pure functions over plain structs: no allocation, no I/O.
 *
 * ---- The rules, as implemented ----------------------------------------
 *
 * Days. Every date is a calendar day in Asia/Shanghai; "today" is passed
 * in (xf_date_today() of the clock). Something due on day D is overdue
 * from D + 1: on D itself it is still on time.
 *
 * Milestones. A milestone is done (with the day it was done), pending, or
 * overdue (not done and today is after its due date). It was late when it
 * was done after its due date, or when it is overdue now.
 *
 * Completion (percent, 0..100). The parts of a task are its milestones and
 * its child tasks, each with a weight (>= 1). A milestone counts 100 when
 * done and 0 otherwise; a child counts its own percent.
 *   - A task without parts has the percent last reported for it.
 *   - A task with parts has the weighted mean of its parts, rounded down,
 *     so it reaches 100 only when every part is done. A reported percent
 *     larger than that mean is kept (the work not captured by the parts),
 *     but never above 99 while a part is open.
 *   - A task is done when its percent is 100; the day it became done is
 *     kept while it stays done, and forgotten when a new open part (a
 *     milestone added, a child cascaded) takes it below 100 again.
 *
 * Status of a task, first rule that applies:
 *   done         percent is 100;
 *   red          something open in the task or below it (its own due date,
 *                an open milestone, an open child task or anything below
 *                that) is past its due date: overdue;
 *   yellow       "late but caught up": nothing is overdue now, but a
 *                milestone was done after its due date, or a child task
 *                is yellow or was done after its due date;
 *   not_started  nothing has been done or reported yet (percent 0, no
 *                progress report, no milestone done, no child started);
 *   green        on track.
 * So a parent task shows red while any task it was cascaded to is overdue.
 * A task done after its due date is "done" with on_time false.
 */
#ifndef XF_DOMAIN_TASKS_H
#define XF_DOMAIN_TASKS_H

#include "base/date.h"
#include "domain/codes.h"

#include <stdint.h>

typedef enum {
	XF_TASK_NOT_STARTED = 1,
	XF_TASK_GREEN,
	XF_TASK_YELLOW,
	XF_TASK_RED,
	XF_TASK_DONE
} xf_task_status;

/* The statuses with their Chinese names, most urgent first: red, yellow,
 * green, not_started, done. */
extern const xf_code xf_task_statuses[];
/* "not_started", "green", "yellow", "red", "done"; "" for anything else. */
const char *xf_task_status_name(int s);
/* The Chinese name shown to users; "" for anything else. */
const char *xf_task_status_title(int s);
/* The inverse of xf_task_status_name(); 0 for anything else (NULL too). */
int xf_task_status_parse(const char *s);

typedef enum {
	XF_MS_PENDING = 1,
	XF_MS_DONE,
	XF_MS_OVERDUE
} xf_milestone_status;

/* pending, done, overdue with their Chinese names. */
extern const xf_code xf_milestone_statuses[];
/* "pending", "done", "overdue"; "" for anything else. */
const char *xf_milestone_status_name(int s);
/* The status of a milestone due on `due` on day `today`. */
int xf_milestone_status_at(xf_date today, xf_date due, int done);
/* 1 if the milestone was done after its due date or is overdue now. */
int xf_milestone_late(xf_date today, xf_date due, int done, xf_date done_on);

/* Kinds of evidence of a progress report: link, file, meeting, task,
 * record, text. */
extern const xf_code xf_task_evidence_kinds[];

/* A milestone as a part of its task. */
typedef struct xf_ms_state {
	xf_date due_on;
	int done;
	xf_date done_on; /* when done */
	int weight;      /* >= 1; less counts as 1 */
} xf_ms_state;

/* A child task as a part of its parent: its own rolled-up facts. */
typedef struct xf_child_state {
	int weight; /* >= 1; less counts as 1 */
	int percent, done, started, late;
	int has_next; /* it (or something below it) has an open due date */
	xf_date next; /* the earliest one */
} xf_child_state;

/* The task's own facts. */
typedef struct xf_task_own {
	xf_date due_on;
	int reported;         /* progress was reported at least once */
	int reported_percent; /* the last reported percent, 0..100 */
	int was_done;         /* it was done before this roll-up... */
	xf_date done_on;      /* ...on this day */
} xf_task_own;

/* The rolled-up facts of a task, kept on its row and read by its parent. */
typedef struct xf_task_roll {
	int percent, done, started;
	int late;        /* late parts, or done after its due date */
	xf_date done_on; /* when done: the kept day, or today */
	int has_next;    /* earliest open due date, the task and below */
	xf_date next;
	int has_own_next; /* earliest open due date of the task itself */
	xf_date own_next; /* (its open milestones and its due date) */
	int open_parts;   /* parts not done */
} xf_task_roll;

/* Rolls a task up from its parts on day today (rules above). */
void xf_task_roll_up(xf_date today, const xf_task_own *t, const xf_ms_state *ms,
                     int nms, const xf_child_state *cs, int nc,
                     xf_task_roll *out);

/* The status of a task from its rolled-up facts on day today. */
int xf_task_status_at(xf_date today, const xf_task_roll *r);

/* 1 if a done task was done on or before its due date. */
int xf_task_on_time(const xf_task_roll *r, xf_date due_on);

/*
 * The 晒绩 board: organizations ranked by on-time completion of a year's
 * tasks. A task counts as due once its due date has passed or it is done;
 * the on-time rate is the share of due tasks done on or before their due
 * date, so tasks not yet due do not lower it mid-year.
 */
typedef struct xf_board_row {
	int64_t key; /* organization id: the last tie-break, ascending */
	int64_t tasks, due, done, on_time, percent_sum;
} xf_board_row;

/* The on-time rate in tenths of a percent (0..1000), -1 when none is due. */
int xf_task_on_time_permille(int64_t on_time, int64_t due);
/* Board order: higher on-time rate first (none due last), then more tasks
 * done on time, then higher mean completion, then key. qsort-style. */
int xf_task_board_cmp(const xf_board_row *a, const xf_board_row *b);
/* 1 if a and b rank equal (everything but the key ties). */
int xf_task_board_tie(const xf_board_row *a, const xf_board_row *b);

#endif
