/*
 * task.h - tasks on the chart (挂图作战) as every layer sees them: a task,
 * a milestone (时间节点) of it, a progress report and the year-end
 * acceptance; with their one JSON form.
 *
 * Layer-neutral: includes only base/ and model/fields.h. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long as
 * it; optional ones are NULL.
 */
#ifndef XF_MODEL_TASK_H
#define XF_MODEL_TASK_H

#include "base/jw.h"
#include "model/fields.h"

#include <stdint.h>

/* The fields of a task, a milestone, a progress report and an
 * acceptance (model/fields.h lists), in the order of their JSON forms and
 * of the store's columns; the code of the JSON writers puts its keys
 * between the parts. A task's organization's parent is 0 and NULL for a
 * root, read with the task, never written. */
#define XF_TASK_FIELDS(F, N, A, J, T)                                          \
	F(T, I64, id, "id")                                                    \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, STR, org_kind, "org_kind")                                        \
	F(T, ID, org_parent_id, "org_parent_id")                               \
	F(T, OPT, org_parent_name, "org_parent_name")                          \
	F(T, ID, parent_id, "parent_id")                                       \
	F(T, ID, root_id, "root_id")                                           \
	F(T, ID, plan_id, "plan_id")                                           \
	F(T, ID, plan_item_id, "plan_item_id")                                 \
	F(T, INT, year, "year")                                                \
	F(T, STR, title, "title")                                              \
	F(T, OPT, description, "description")                                  \
	F(T, OPT, owner, "owner")                                              \
	F(T, STR, start_on, "start_on")                                        \
	F(T, STR, due_on, "due_on")                                            \
	F(T, INT, weight, "weight")                                            \
	F(T, INT, percent, "percent")
/* args: the status and its Chinese name */
#define XF_TASK_STATUS(F, N, A, J, T)                                          \
	N(T, INT, reported)                                                    \
	N(T, INT, reported_percent)                                            \
	N(T, INT, started)                                                     \
	A(T, 0, "status")                                                      \
	A(T, 1, "status_title")                                                \
	F(T, OPT, done_on, "done_on")
#define XF_TASK_TAIL(F, N, A, J, T)                                            \
	F(T, BOOL, late, "late")                                               \
	F(T, OPT, due_next, "next_due_on")                                     \
	N(T, OPT, own_next)                                                    \
	F(T, I64, child_count, "child_count")                                  \
	N(T, ID, created_by)                                                   \
	F(T, TIME, created_at, "created_at")                                   \
	F(T, TIME, updated_at, "updated_at")
#define XF_TASK_ALL(F, N, A, J, T)                                             \
	XF_TASK_FIELDS(F, N, A, J, T)                                          \
	XF_TASK_STATUS(F, N, A, J, T)                                          \
	XF_TASK_TAIL(F, N, A, J, T)
/* A milestone; the copies: the milestones cascaded from this one, how
 * many, how many open, and the last day one of them was done (or NULL).
 * args: the status */
#define XF_MILESTONE_FIELDS(F, N, A, J, T)                                     \
	F(T, I64, id, "id")                                                    \
	F(T, I64, task_id, "task_id")                                          \
	N(T, ID, source_id)                                                    \
	N(T, STR, org_path)                                                    \
	F(T, INT, seq, "seq")                                                  \
	F(T, STR, title, "title")                                              \
	F(T, OPT, deliverable, "deliverable")                                  \
	F(T, STR, due_on, "due_on")                                            \
	F(T, OPT, done_on, "done_on")                                          \
	F(T, INT, weight, "weight")                                            \
	A(T, 0, "status")                                                      \
	N(T, INT, copies)                                                      \
	N(T, INT, copies_open)                                                 \
	N(T, OPT, copies_done_max)
/* A progress report: its head, its evidence, its tail. */
#define XF_PROGRESS_FIELDS(F, N, A, J, T)                                      \
	F(T, I64, id, "id")                                                    \
	F(T, I64, task_id, "task_id")                                          \
	F(T, INT, percent, "percent")                                          \
	F(T, OPT, note, "note")                                                \
	F(T, ID, milestone_id, "milestone_id")                                 \
	N(T, STR, org_path)                                                    \
	N(T, OPT, evidence) /* a JSON array, or NULL */
#define XF_PROGRESS_TAIL(F, N, A, J, T)                                        \
	F(T, STR, reported_on, "reported_on")                                  \
	F(T, ID, user_id, "user_id")                                           \
	F(T, STR, username, "username")                                        \
	F(T, TIME, created_at, "created_at")
#define XF_PROGRESS_ALL(F, N, A, J, T)                                         \
	XF_PROGRESS_FIELDS(F, N, A, J, T)                                      \
	XF_PROGRESS_TAIL(F, N, A, J, T)
/* An acceptance: its head, and after the task's done_on its tail. */
#define XF_ACCEPTANCE_FIELDS(F, N, A, J, T)                                    \
	F(T, I64, task_id, "task_id")                                          \
	F(T, I64, org_id, "org_id")                                            \
	N(T, STR, org_path)                                                    \
	F(T, INT, year, "year")                                                \
	F(T, INT, score, "score")                                              \
	F(T, OPT, comment, "comment")
#define XF_ACCEPTANCE_TAIL(F, N, A, J, T)                                      \
	F(T, ID, user_id, "accepted_by")                                       \
	F(T, STR, username, "accepted_by_name")                                \
	F(T, TIME, at, "accepted_at")
#define XF_ACCEPTANCE_ALL(F, N, A, J, T)                                       \
	XF_ACCEPTANCE_FIELDS(F, N, A, J, T)                                    \
	XF_ACCEPTANCE_TAIL(F, N, A, J, T)

XF_FIELDS_STRUCT(xf_task, XF_TASK_ALL);

XF_FIELDS_STRUCT(xf_milestone, XF_MILESTONE_FIELDS);

XF_FIELDS_STRUCT(xf_progress, XF_PROGRESS_ALL);

XF_FIELDS_STRUCT(xf_acceptance, XF_ACCEPTANCE_ALL);

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
