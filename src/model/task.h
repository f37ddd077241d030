/*
 * task.h - tasks on the chart (挂图作战) as every layer sees them: a task,
 * a milestone (时间节点) of it, a progress report and the year-end
 * acceptance; with their one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_TASK_H
#define XF_MODEL_TASK_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_task {
	int64_t id, org_id, parent_id, root_id, plan_id, plan_item_id;
	const char *org_path, *org_name, *org_kind;
	int year;
	const char *title, *description,
	    *owner; /* description, owner or NULL */
	const char *start_on, *due_on;
	int weight, reported, reported_percent, percent, started, late;
	const char *done_on, *due_next, *own_next; /* or NULL */
	int64_t child_count, created_by, created_at, updated_at;
	/* the parent of the task's organization (0 and NULL for a root);
	 * read with the task, never written */
	int64_t org_parent_id;
	const char *org_parent_name;
} xf_task;

typedef struct xf_milestone {
	int64_t id, task_id, source_id;
	const char *org_path;
	int seq, weight;
	const char *title, *deliverable, *due_on, *done_on; /* or NULL */
	/* the milestones cascaded from this one: how many, how many open,
	 * and the last day one of them was done (or NULL) */
	int copies, copies_open;
	const char *copies_done_max;
} xf_milestone;

typedef struct xf_progress {
	int64_t id, task_id, milestone_id, user_id, created_at;
	const char *org_path, *note, *evidence; /* note, evidence or NULL */
	const char *reported_on, *username;
	int percent;
} xf_progress;

typedef struct xf_acceptance {
	int64_t task_id, org_id, user_id, at;
	const char *org_path, *comment, *username; /* comment or NULL */
	int year, score;
} xf_acceptance;

/* What the rules of domain/tasks.h say about a task on the day it is
 * shown, for its JSON form; xf_task_facts_on (service/tasks.h) works it
 * out. Strings are static. */
typedef struct xf_task_facts {
	const char *status, *status_title;
	int on_time; /* a done task was done by its due date */
} xf_task_facts;

/* The same of a milestone: xf_milestone_facts_on (service/tasks.h). */
typedef struct xf_milestone_facts {
	const char *status; /* static */
	int late;
} xf_milestone_facts;

/* The JSON form of a task; _open leaves the object open for more keys
 * (its milestones, its acceptance). */
void xf_task_json_open(xf_jw *w, const xf_task *t, const xf_task_facts *f);
void xf_task_json(xf_jw *w, const xf_task *t, const xf_task_facts *f);
void xf_milestone_json(xf_jw *w, const xf_milestone *m,
                       const xf_milestone_facts *f);
/* A progress report; _open leaves the object open for more keys. */
void xf_progress_json_open(xf_jw *w, const xf_progress *p);
void xf_progress_json(xf_jw *w, const xf_progress *p);
/* The acceptance of task t, with t's day of completion; on_time: t was
 * done by its due date (ignored while t is not done). */
void xf_acceptance_json(xf_jw *w, const xf_acceptance *x, const xf_task *t,
                        int on_time);

#endif
