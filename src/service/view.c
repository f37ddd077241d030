/*
 * view.c - JSON views of organizations, members, users and clusters.
 */
#include "service/view.h"

#include "base/date.h"
#include "service/meetings.h"

#include <string.h>

/* Renders through fn into an arena string. */
#define SNAP(a, call)                                                          \
	do {                                                                   \
		xf_buf b;                                                      \
		xf_buf_init(&b, 1 << 20);                                      \
		xf_jw w;                                                       \
		xf_jw_init(&w, &b);                                            \
		call;                                                          \
		char *s =                                                      \
		    b.failed ? NULL : xf_arena_strndup(a, b.data, b.len);      \
		xf_buf_free(&b);                                               \
		return s;                                                      \
	} while (0)

char *xf_snap_org(xf_arena *a, const xf_org *o)
{
	SNAP(a, xf_org_json(&w, o));
}

char *xf_snap_member(xf_arena *a, const xf_member *m)
{
	SNAP(a, xf_member_json(&w, m, 1));
}

char *xf_snap_user(xf_arena *a, const xf_user *u)
{
	SNAP(a, xf_user_json(&w, u));
}

char *xf_snap_cluster(xf_arena *a, const xf_cluster *c)
{
	SNAP(a, xf_cluster_json(&w, c));
}

/* ---- organizational life (issue 4) ------------------------------------- */

char *xf_snap_meeting(xf_arena *a, const xf_meeting *m)
{
	xf_meeting_facts f = xf_meeting_facts_of(m);
	SNAP(a, xf_meeting_json(&w, m, &f, NULL, 0));
}

char *xf_snap_measure(xf_arena *a, const xf_measure *m)
{
	SNAP(a, xf_measure_json(&w, m));
}

char *xf_snap_talk(xf_arena *a, const xf_talk *t)
{
	SNAP(a, xf_talk_json(&w, t));
}

/* ---- points (issue 5) ---------------------------------------------------*/

char *xf_snap_point_rule(xf_arena *a, const xf_point_rule *r)
{
	SNAP(a, xf_point_rule_json(&w, r, 0));
}

char *xf_snap_point_claim(xf_arena *a, const xf_point_claim *c)
{
	SNAP(a, xf_point_claim_json(&w, c));
}

char *xf_snap_point_entry(xf_arena *a, const xf_point_entry *e)
{
	SNAP(a, xf_point_entry_json(&w, e));
}

char *xf_snap_point_notice(xf_arena *a, const xf_point_notice *n,
                           const char *state)
{
	SNAP(a, xf_point_notice_json(&w, n, state, 0, NULL, 0));
}

char *xf_snap_point_objection(xf_arena *a, const xf_point_objection *o)
{
	SNAP(a, xf_point_objection_json(&w, o));
}

/* ---- plans and tasks (issue 6) ------------------------------------------*/

#include "domain/tasks.h"
#include "service/tasks.h"

void xf_view_task_open(xf_jw *w, const xf_task *t, xf_date today)
{
	char at[32];
	int status = xf_task_status_on(t, today);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", t->id);
	xf_jw_kint(w, "org_id", t->org_id);
	xf_jw_kstr(w, "org_name", t->org_name);
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
	xf_jw_kstr(w, "status", xf_task_status_name(status));
	xf_jw_kstr(w, "status_title", xf_task_status_title(status));
	xf_jw_kstr(w, "done_on", t->done_on);
	xf_jw_key(w, "on_time");
	if (t->done_on)
		xf_jw_bool(w, xf_task_done_on_time(t));
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

void xf_view_milestone(xf_jw *w, const xf_milestone *m, xf_date today)
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
	xf_jw_kstr(w, "status",
	           xf_milestone_status_name(xf_milestone_status_on(m, today)));
	xf_jw_kbool(w, "late", xf_milestone_is_late(m, today));
	xf_jw_kid(w, "source_id", m->source_id);
	xf_jw_kbool(w, "cascaded", m->copies > 0);
	xf_jw_obj_end(w);
}

void xf_view_task(xf_jw *w, const xf_task *t, xf_date today,
                  const xf_milestone *ms, int nms)
{
	xf_view_task_open(w, t, today);
	if (ms) {
		xf_jw_key(w, "milestones");
		xf_jw_arr(w);
		for (int i = 0; i < nms; i++)
			xf_view_milestone(w, &ms[i], today);
		xf_jw_arr_end(w);
	}
	xf_jw_obj_end(w);
}

void xf_view_progress_open(xf_jw *w, const xf_progress *p)
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

void xf_view_progress(xf_jw *w, const xf_progress *p)
{
	xf_view_progress_open(w, p);
	xf_jw_obj_end(w);
}

void xf_view_acceptance(xf_jw *w, const xf_acceptance *x, const xf_task *t)
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
		xf_jw_bool(w, xf_task_done_on_time(t));
	else
		xf_jw_null(w);
	xf_jw_kid(w, "accepted_by", x->user_id);
	xf_jw_kstr(w, "accepted_by_name", x->username);
	xf_jw_kstr(w, "accepted_at", at);
	xf_jw_obj_end(w);
}

void xf_view_plan_open(xf_jw *w, const xf_plan *p)
{
	char at[32];
	xf_time_iso(p->created_at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", p->id);
	xf_jw_kint(w, "org_id", p->org_id);
	xf_jw_kstr(w, "org_name", p->org_name);
	xf_jw_kint(w, "year", p->year);
	xf_jw_kstr(w, "title", p->title);
	xf_jw_kint(w, "item_count", p->item_count);
	xf_jw_kint(w, "task_count", p->task_count);
	xf_jw_kid(w, "created_by", p->created_by);
	xf_jw_kstr(w, "created_at", at);
	xf_time_iso(p->updated_at, at);
	xf_jw_kstr(w, "updated_at", at);
}

char *xf_snap_plan(xf_arena *a, const xf_plan *p)
{
	SNAP(a, (xf_view_plan_open(&w, p), xf_jw_obj_end(&w)));
}

char *xf_snap_task(xf_arena *a, const xf_task *t, xf_date today)
{
	SNAP(a, xf_view_task(&w, t, today, NULL, 0));
}

char *xf_snap_milestone(xf_arena *a, const xf_milestone *m, xf_date today)
{
	SNAP(a, xf_view_milestone(&w, m, today));
}

char *xf_snap_progress(xf_arena *a, const xf_progress *p)
{
	SNAP(a, xf_view_progress(&w, p));
}

char *xf_snap_acceptance(xf_arena *a, const xf_acceptance *x, const xf_task *t)
{
	SNAP(a, xf_view_acceptance(&w, x, t));
}
