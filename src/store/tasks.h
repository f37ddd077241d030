/*
 * tasks.h - SQL of tasks on the chart (挂图作战): tasks, their milestones
 * (时间节点), progress reports, year-end acceptance, and the aggregates of
 * the reminders, the 晒绩 board and the acceptance summary.
 *
 * Functions return XF_DB_OK / XF_DB_ROW (found) / XF_DB_DONE (not found) or
 * a negative XF_DB_* error. Strings in returned structs are copied into the
 * arena passed in and live as long as it; optional ones are NULL.
 */
#ifndef XF_STORE_TASKS_H
#define XF_STORE_TASKS_H

#include "base/arena.h"
#include "model/task.h"
#include "store/db.h"

#include <stdint.h>

typedef struct xf_task_page {
	xf_task *items;
	int n;
	int64_t total;
} xf_task_page;

typedef struct xf_task_filter {
	xf_ranges ranges;   /* org_path ranges */
	int64_t org_id;     /* when set: that org only */
	int year;           /* 0: any */
	int64_t plan_id;    /* 0: any */
	int64_t parent_id;  /* 0: any */
	const char *status; /* a status name, or NULL */
	const char *q;      /* title contains, or NULL */
	const char *today;  /* "YYYY-MM-DD" in Asia/Shanghai */
	int offset, limit;
} xf_task_filter;

int xf_store_task_get(xf_db *db, xf_arena *a, int64_t id, xf_task *out);
/* Inserts t (the plain fields); sets t->id. */
int xf_store_task_insert(xf_db *db, xf_task *t, int64_t now);
/* The columns a task row is written with, in this order, by insert and
 * the bulk load (bulk_history.c), and the fields they come from. */
#define XF_TASK_WRITE_SQL                                                      \
	"org_id, org_path, parent_id, root_id, plan_id, plan_item_id, year, "  \
	"title, description, owner, start_on, due_on, weight, created_by"
#define XF_TASK_NWRITE 14
extern const xf_db_col xf_task_write_cols[XF_TASK_NWRITE];
/* Updates title, description, owner, start_on, due_on, weight, year. */
int xf_store_task_update(xf_db *db, const xf_task *t, int64_t now);
/* Writes the rolled-up facts of t (percent ... own_next). */
int xf_store_task_set_roll(xf_db *db, const xf_task *t, int64_t now);
/* Records a reported percent (reported = 1). */
int xf_store_task_set_reported(xf_db *db, int64_t id, int percent, int64_t now);
int xf_store_task_add_children(xf_db *db, int64_t id, int64_t delta);
int xf_store_task_delete(xf_db *db, int64_t id);
/* The children of a task (all of them, in id order, at most max). */
int xf_store_task_children(xf_db *db, xf_arena *a, int64_t id, int max,
                           xf_task **out, int *n);
/* The child task of parent for org, *id 0 if none. */
int xf_store_task_child_for_org(xf_db *db, int64_t parent_id, int64_t org_id,
                                int64_t *id);
int xf_store_task_list(xf_db *db, xf_arena *a, const xf_task_filter *f,
                       xf_task_page *out);
/* Open tasks whose own next due date is on or before `until`, in the
 * ranges (and of org_id when set), by org, owner and date; at most max. */
int xf_store_task_due(xf_db *db, xf_arena *a, const xf_ranges *r,
                      int64_t org_id, const char *until, int max, xf_task **out,
                      int *n);

int xf_store_milestone_insert(xf_db *db, xf_milestone *m, int64_t now);
/* The same for milestones. */
#define XF_MILESTONE_WRITE_SQL                                                 \
	"task_id, org_path, seq, title, deliverable, due_on, done_on, "        \
	"weight, "                                                             \
	"source_id"
#define XF_MILESTONE_NWRITE 9
extern const xf_db_col xf_milestone_write_cols[XF_MILESTONE_NWRITE];
int xf_store_milestone_update(xf_db *db, const xf_milestone *m, int64_t now);
int xf_store_milestone_delete(xf_db *db, int64_t id);
/* Milestones of a task in seq order, with their copies' facts. */
int xf_store_milestone_list(xf_db *db, xf_arena *a, int64_t task_id,
                            xf_milestone **out, int *n);
/* The parent milestone of a copy, *task_id 0 if none. */
int xf_store_milestone_source_task(xf_db *db, int64_t source_id,
                                   int64_t *task_id);

int xf_store_progress_insert(xf_db *db, xf_progress *p);
/* The latest reports of a task first, at most max. */
int xf_store_progress_list(xf_db *db, xf_arena *a, int64_t task_id, int max,
                           xf_progress **out, int *n);

/* Inserts or replaces the acceptance of a task. */
int xf_store_acceptance_put(xf_db *db, const xf_acceptance *x);
int xf_store_acceptance_get(xf_db *db, xf_arena *a, int64_t task_id,
                            xf_acceptance *out);

/* Per organization, over a year's tasks in the ranges. */
typedef struct xf_task_tally {
	int64_t org_id;
	const char *org_name, *org_path;
	int64_t tasks, done, on_time, overdue, due, accepted, score_sum,
	    percent_sum;
	int64_t org_parent_id;       /* 0 for a root */
	const char *org_parent_name; /* or NULL */
} xf_task_tally;

int xf_store_task_tally(xf_db *db, xf_arena *a, const xf_ranges *r, int year,
                        const char *today, int max, xf_task_tally **out,
                        int *n);

#endif
