/*
 * task.c - the JSON form of tasks, milestones, progress reports and
 * acceptances.
 */
#include "model/task.h"

#include "model/fields.h"

static const xf_jfield task_fields[] = {
    XF_JF(I64, xf_task, "id", id),
    XF_JF(I64, xf_task, "org_id", org_id),
    XF_JF(STR, xf_task, "org_name", org_name),
    XF_JF(STR, xf_task, "org_kind", org_kind),
    XF_JF(ID, xf_task, "org_parent_id", org_parent_id),
    XF_JF(STR, xf_task, "org_parent_name", org_parent_name),
    XF_JF(ID, xf_task, "parent_id", parent_id),
    XF_JF(ID, xf_task, "root_id", root_id),
    XF_JF(ID, xf_task, "plan_id", plan_id),
    XF_JF(ID, xf_task, "plan_item_id", plan_item_id),
    XF_JF(INT, xf_task, "year", year),
    XF_JF(STR, xf_task, "title", title),
    XF_JF(STR, xf_task, "description", description),
    XF_JF(STR, xf_task, "owner", owner),
    XF_JF(STR, xf_task, "start_on", start_on),
    XF_JF(STR, xf_task, "due_on", due_on),
    XF_JF(INT, xf_task, "weight", weight),
    XF_JF(INT, xf_task, "percent", percent),
};

/* after the reported percent; args: the status and its Chinese name */
static const xf_jfield task_status_fields[] = {
    XF_JF_ARG_ROW("status", 0),
    XF_JF_ARG_ROW("status_title", 1),
    XF_JF(STR, xf_task, "done_on", done_on),
};

/* after on_time */
static const xf_jfield task_tail_fields[] = {
    XF_JF(BOOL, xf_task, "late", late),
    XF_JF(STR, xf_task, "next_due_on", due_next),
    XF_JF(I64, xf_task, "child_count", child_count),
    XF_JF(TIME, xf_task, "created_at", created_at),
    XF_JF(TIME, xf_task, "updated_at", updated_at),
};

/* "on_time": whether a done task was done by its due date, null while
 * it is not done. */
static void on_time_json(xf_jw *w, const char *done_on, int on_time)
{
	xf_jw_key(w, "on_time");
	if (done_on)
		xf_jw_bool(w, on_time);
	else
		xf_jw_null(w);
}

void xf_task_json_open(xf_jw *w, const xf_task *t, const xf_task_facts *f)
{
	const char *status[] = {f->status, f->status_title};
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, task_fields);
	xf_jw_key(w, "reported_percent");
	if (t->reported)
		xf_jw_int(w, t->reported_percent);
	else
		xf_jw_null(w);
	XF_JW_FIELDS_ARGS(w, t, task_status_fields, status);
	on_time_json(w, t->done_on, f->on_time);
	XF_JW_FIELDS(w, t, task_tail_fields);
}

void xf_task_json(xf_jw *w, const xf_task *t, const xf_task_facts *f)
{
	xf_task_json_open(w, t, f);
	xf_jw_obj_end(w);
}

/* args: the status */
static const xf_jfield milestone_fields[] = {
    XF_JF(I64, xf_milestone, "id", id),
    XF_JF(I64, xf_milestone, "task_id", task_id),
    XF_JF(INT, xf_milestone, "seq", seq),
    XF_JF(STR, xf_milestone, "title", title),
    XF_JF(STR, xf_milestone, "deliverable", deliverable),
    XF_JF(STR, xf_milestone, "due_on", due_on),
    XF_JF(STR, xf_milestone, "done_on", done_on),
    XF_JF(INT, xf_milestone, "weight", weight),
    XF_JF_ARG_ROW("status", 0),
};

void xf_milestone_json(xf_jw *w, const xf_milestone *m,
                       const xf_milestone_facts *f)
{
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, m, milestone_fields, &f->status);
	xf_jw_kbool(w, "late", f->late);
	xf_jw_kid(w, "source_id", m->source_id);
	xf_jw_kbool(w, "cascaded", m->copies > 0);
	xf_jw_obj_end(w);
}

static const xf_jfield progress_fields[] = {
    XF_JF(I64, xf_progress, "id", id),
    XF_JF(I64, xf_progress, "task_id", task_id),
    XF_JF(INT, xf_progress, "percent", percent),
    XF_JF(STR, xf_progress, "note", note),
    XF_JF(ID, xf_progress, "milestone_id", milestone_id),
};

/* after the evidence */
static const xf_jfield progress_tail_fields[] = {
    XF_JF(STR, xf_progress, "reported_on", reported_on),
    XF_JF(ID, xf_progress, "user_id", user_id),
    XF_JF(STR, xf_progress, "username", username),
    XF_JF(TIME, xf_progress, "created_at", created_at),
};

void xf_progress_json_open(xf_jw *w, const xf_progress *p)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, p, progress_fields);
	xf_jw_key(w, "evidence");
	if (p->evidence)
		xf_jw_raw(w, p->evidence);
	else {
		xf_jw_arr(w);
		xf_jw_arr_end(w);
	}
	XF_JW_FIELDS(w, p, progress_tail_fields);
}

void xf_progress_json(xf_jw *w, const xf_progress *p)
{
	xf_progress_json_open(w, p);
	xf_jw_obj_end(w);
}

static const xf_jfield acceptance_fields[] = {
    XF_JF(I64, xf_acceptance, "task_id", task_id),
    XF_JF(I64, xf_acceptance, "org_id", org_id),
    XF_JF(INT, xf_acceptance, "year", year),
    XF_JF(INT, xf_acceptance, "score", score),
    XF_JF(STR, xf_acceptance, "comment", comment),
};

/* after the task's done_on and on_time */
static const xf_jfield acceptance_tail_fields[] = {
    XF_JF(ID, xf_acceptance, "accepted_by", user_id),
    XF_JF(STR, xf_acceptance, "accepted_by_name", username),
    XF_JF(TIME, xf_acceptance, "accepted_at", at),
};

void xf_acceptance_json(xf_jw *w, const xf_acceptance *x, const xf_task *t,
                        int on_time)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, x, acceptance_fields);
	xf_jw_kstr(w, "done_on", t->done_on);
	on_time_json(w, t->done_on, on_time);
	XF_JW_FIELDS(w, x, acceptance_tail_fields);
	xf_jw_obj_end(w);
}
