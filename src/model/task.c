/*
 * task.c - the JSON form of tasks, milestones, progress reports and
 * acceptances.
 */
#include "model/task.h"

#include "base/date.h"
#include "model/org.h"

void xf_task_json_open(xf_jw *w, const xf_task *t, const xf_task_facts *f)
{
	char at[32];
	xf_jw_obj(w);
	xf_jw_kint(w, "id", t->id);
	xf_org_ref_json(w, t->org_id, t->org_name);
	xf_jw_kstr(w, "org_kind", t->org_kind);
	xf_jw_kid(w, "org_parent_id", t->org_parent_id);
	xf_jw_kstr(w, "org_parent_name", t->org_parent_name);
	xf_jw_kid(w, "parent_id", t->parent_id);
	xf_jw_kid(w, "root_id", t->root_id);
	xf_jw_kid(w, "plan_id", t->plan_id);
	xf_jw_kid(w, "plan_item_id", t->plan_item_id);
	xf_jw_kint(w, "year", t->year);
	xf_jw_kstr(w, "title", t->title);
	xf_jw_kstr(w, "description", t->description);
	xf_jw_kstr(w, "owner", t->owner);
	xf_jw_kstr(w, "start_on", t->start_on);
	xf_jw_kstr(w, "due_on", t->due_on);
	xf_jw_kint(w, "weight", t->weight);
	xf_jw_kint(w, "percent", t->percent);
	xf_jw_key(w, "reported_percent");
	if (t->reported)
		xf_jw_int(w, t->reported_percent);
	else
		xf_jw_null(w);
	xf_jw_kstr(w, "status", f->status);
	xf_jw_kstr(w, "status_title", f->status_title);
	xf_jw_kstr(w, "done_on", t->done_on);
	xf_jw_key(w, "on_time");
	if (t->done_on)
		xf_jw_bool(w, f->on_time);
	else
		xf_jw_null(w);
	xf_jw_kbool(w, "late", t->late);
	xf_jw_kstr(w, "next_due_on", t->due_next);
	xf_jw_kint(w, "child_count", t->child_count);
	xf_time_iso(t->created_at, at);
	xf_jw_kstr(w, "created_at", at);
	xf_time_iso(t->updated_at, at);
	xf_jw_kstr(w, "updated_at", at);
}

void xf_task_json(xf_jw *w, const xf_task *t, const xf_task_facts *f)
{
	xf_task_json_open(w, t, f);
	xf_jw_obj_end(w);
}

void xf_milestone_json(xf_jw *w, const xf_milestone *m,
                       const xf_milestone_facts *f)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", m->id);
	xf_jw_kint(w, "task_id", m->task_id);
	xf_jw_kint(w, "seq", m->seq);
	xf_jw_kstr(w, "title", m->title);
	xf_jw_kstr(w, "deliverable", m->deliverable);
	xf_jw_kstr(w, "due_on", m->due_on);
	xf_jw_kstr(w, "done_on", m->done_on);
	xf_jw_kint(w, "weight", m->weight);
	xf_jw_kstr(w, "status", f->status);
	xf_jw_kbool(w, "late", f->late);
	xf_jw_kid(w, "source_id", m->source_id);
	xf_jw_kbool(w, "cascaded", m->copies > 0);
	xf_jw_obj_end(w);
}

void xf_progress_json_open(xf_jw *w, const xf_progress *p)
{
	char at[32];
	xf_time_iso(p->created_at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", p->id);
	xf_jw_kint(w, "task_id", p->task_id);
	xf_jw_kint(w, "percent", p->percent);
	xf_jw_kstr(w, "note", p->note);
	xf_jw_kid(w, "milestone_id", p->milestone_id);
	xf_jw_key(w, "evidence");
	if (p->evidence)
		xf_jw_raw(w, p->evidence);
	else {
		xf_jw_arr(w);
		xf_jw_arr_end(w);
	}
	xf_jw_kstr(w, "reported_on", p->reported_on);
	xf_jw_kid(w, "user_id", p->user_id);
	xf_jw_kstr(w, "username", p->username);
	xf_jw_kstr(w, "created_at", at);
}

void xf_progress_json(xf_jw *w, const xf_progress *p)
{
	xf_progress_json_open(w, p);
	xf_jw_obj_end(w);
}

void xf_acceptance_json(xf_jw *w, const xf_acceptance *x, const xf_task *t,
                        int on_time)
{
	char at[32];
	xf_time_iso(x->at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "task_id", x->task_id);
	xf_jw_kint(w, "org_id", x->org_id);
	xf_jw_kint(w, "year", x->year);
	xf_jw_kint(w, "score", x->score);
	xf_jw_kstr(w, "comment", x->comment);
	xf_jw_kstr(w, "done_on", t->done_on);
	xf_jw_key(w, "on_time");
	if (t->done_on)
		xf_jw_bool(w, on_time);
	else
		xf_jw_null(w);
	xf_jw_kid(w, "accepted_by", x->user_id);
	xf_jw_kstr(w, "accepted_by_name", x->username);
	xf_jw_kstr(w, "accepted_at", at);
	xf_jw_obj_end(w);
}
