/*
 * tasks.h (service) - tasks on the chart (挂图作战): creation with
 * milestones, cascades to the organizations below, progress reports with
 * evidence, the roll-up of completion and status up the cascade, lists
 * for the chart and reminders per owner. Milestones: milestones.h; the
 * 晒绩 board and the year-end acceptance (年终考核验收): task_board.h.
 *
 * Scope: a task belongs to an organization; whoever may read that
 * organization reads the task (others get 404), whoever may write it
 * changes it and reports on it (others get 403). Acceptance needs a
 * committee grant over the task's organization (or admin).
 * Every function returns XF_OK or an error kind with c->err filled;
 * results are allocated in c->a.
 */
#ifndef XF_SERVICE_TASKS_H
#define XF_SERVICE_TASKS_H

#include "base/date.h"
#include "service/ctx.h"
#include "service/milestones.h"
#include "store/tasks.h"

#define XF_TASK_MAX_CASCADE 500

typedef struct xf_task_input {
	int64_t org_id;
	const char *title, *description, *owner, *start_on, *due_on;
	int weight; /* 0: 1 */
	int has_org_id, has_title, has_description, has_owner, has_start_on,
	    has_due_on, has_weight;
	const xf_milestone_input *milestones;
	int nmilestones;
	/* set by plans: the plan item the task carries out */
	int64_t plan_id, plan_item_id;
	int year; /* 0: the year of due_on */
} xf_task_input;

/* The status of a stored task on day today (domain/tasks.h rules). */
int xf_task_status_on(const xf_task *t, xf_date today);
/* 1 if a done task was done on or before its due date. */
int xf_task_done_on_time(const xf_task *t);
/* The same, for the JSON form (model/task.h). */
xf_task_facts xf_task_facts_on(const xf_task *t, xf_date today);

int xf_task_create(xf_ctx *c, const xf_task_input *in, xf_task *out);
/* Creates a task inside the caller's write transaction (plans use it). */
int xf_task_create_tx(xf_ctx *c, const xf_task_input *in, xf_task *out);
/* A task with its milestones and, when accepted, its acceptance
 * (acc->task_id 0 when not). */
int xf_task_read(xf_ctx *c, int64_t id, xf_task *out, xf_milestone **ms,
                 int *nms, xf_acceptance *acc);
int xf_task_update(xf_ctx *c, int64_t id, const xf_task_input *in,
                   xf_task *out);
/* Deletes a task without children (409 otherwise). */
int xf_task_remove(xf_ctx *c, int64_t id);
/* The same inside the caller's write transaction (joint projects). */
int xf_task_remove_tx(xf_ctx *c, int64_t id);
/* Cascades task id to orgs (each strictly below the task's org): one
 * child task per org with a copy of the milestones. */
int xf_task_cascade(xf_ctx *c, int64_t id, const int64_t *org_ids, int n,
                    xf_task **out, int *nout);

typedef struct xf_progress_input {
	int percent;
	const char *note;     /* or NULL */
	int64_t milestone_id; /* 0: none; else marked done today */
	const char *evidence; /* JSON array text, or NULL */
} xf_progress_input;

/* Records a progress report; *task is the task after the roll-up. */
int xf_task_report(xf_ctx *c, int64_t id, const xf_progress_input *in,
                   xf_progress *out, xf_task *task);
int xf_task_reports(xf_ctx *c, int64_t id, xf_progress **out, int *n);

typedef struct xf_task_query {
	int64_t org_id; /* 0: the caller's scope */
	int subtree;
	int year;
	int64_t plan_id, parent_id;
	const char *status, *q; /* or NULL */
	int offset, limit;
	int with_milestones; /* fill ms/nms per item */
} xf_task_query;

typedef struct xf_task_list_page {
	xf_task_page page;
	xf_milestone **ms; /* per item, when with_milestones */
	int *nms;
} xf_task_list_page;

int xf_task_list(xf_ctx *c, const xf_task_query *q, xf_task_list_page *out);

/* One thing that falls due: a task's own due date or one of its open
 * milestones. */
typedef struct xf_reminder {
	const xf_task *task;
	const xf_milestone *milestone; /* NULL: the task's due date */
	const char *due_on;
	int overdue;
	int days_left; /* negative when overdue */
} xf_reminder;

typedef struct xf_reminder_owner {
	int64_t org_id;
	const char *org_name, *owner; /* owner or NULL */
	int overdue, due_soon;
} xf_reminder_owner;

typedef struct xf_reminders {
	const char *today, *until;
	xf_reminder *items;
	int n;
	xf_reminder_owner *owners;
	int nowners;
} xf_reminders;

/* What falls due within `days` days (today included) and what is
 * overdue, in the org (subtree: and below) or the caller's scope. */
int xf_task_reminders(xf_ctx *c, int64_t org_id, int subtree, int days,
                      xf_reminders *out);

#endif
