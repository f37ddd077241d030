/*
 * task.c - the JSON form of tasks, milestones, progress reports and
 * acceptances.
 */
#include "model/task.h"

#include "model/fields.h"

static const xf_jfield task_fields[] = {XF_JF_LIST(XF_TASK_FIELDS, xf_task)};

/* after the reported percent */
static const xf_jfield task_status_fields[] = {
    XF_JF_LIST(XF_TASK_STATUS, xf_task)};

/* after on_time */
static const xf_jfield task_tail_fields[] = {XF_JF_LIST(XF_TASK_TAIL, xf_task)};

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

static const xf_jfield milestone_fields[] = {
    XF_JF_LIST(XF_MILESTONE_FIELDS, xf_milestone)};

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
    XF_JF_LIST(XF_PROGRESS_FIELDS, xf_progress)};

/* after the evidence */
static const xf_jfield progress_tail_fields[] = {
    XF_JF_LIST(XF_PROGRESS_TAIL, xf_progress)};

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
    XF_JF_LIST(XF_ACCEPTANCE_FIELDS, xf_acceptance)};

/* after the task's done_on and on_time */
static const xf_jfield acceptance_tail_fields[] = {
    XF_JF_LIST(XF_ACCEPTANCE_TAIL, xf_acceptance)};

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
