/*
 * review.c - the JSON form of review sessions, presenters, judges and
 * results.
 */
#include "model/review.h"

#include "base/date.h"
#include "model/org.h"
#include "model/scheme.h"

void xf_review_json_open(xf_jw *w, const xf_review *r)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", r->id);
	xf_org_ref_json(w, r->org_id, r->org_name);
	xf_jw_kstr(w, "title", r->title);
	xf_jw_kstr(w, "held_on", r->held_on);
	xf_jw_kstr(w, "method", r->method);
	xf_jw_kstr(w, "state", r->state);
	xf_jw_key(w, "criteria");
	xf_jw_arr(w);
	for (int i = 0; i < r->ncrit; i++) {
		xf_jw_obj(w);
		xf_jw_kstr(w, "name", r->crit[i].name);
		xf_jw_kx10(w, "max", r->crit[i].max_x10);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_key(w, "grades");
	xf_jw_obj(w);
	xf_jw_kx10(w, "good", r->grades_x10[0]);
	xf_jw_kx10(w, "fair", r->grades_x10[1]);
	xf_jw_kx10(w, "pass", r->grades_x10[2]);
	xf_jw_obj_end(w);
	xf_jw_kid(w, "created_by", r->created_by);
	xf_jw_ktime(w, "created_at", r->created_at);
	xf_jw_ktime(w, "closed_at", r->closed_at);
}

void xf_review_presenter_json(xf_jw *w, const xf_review_presenter *p)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", p->id);
	xf_jw_kint(w, "pos", p->pos);
	xf_jw_kstr(w, "name", p->name);
	xf_jw_kid(w, "org_id", p->org_id);
	xf_jw_kstr(w, "org_name", p->org_name);
	xf_jw_kid(w, "member_id", p->member_id);
	xf_jw_kstr(w, "state", p->state);
	xf_jw_kint(w, "scored_by", p->scored_by);
	xf_jw_ktime(w, "opened_at", p->opened_at);
	xf_jw_ktime(w, "closed_at", p->closed_at);
	xf_jw_kstr(w, "rectification", p->rectification);
	xf_jw_obj_end(w);
}

void xf_review_judge_json(xf_jw *w, const xf_review_judge *j)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", j->id);
	xf_jw_kint(w, "user_id", j->user_id);
	xf_jw_kstr(w, "username", j->username);
	xf_jw_kstr(w, "display_name", j->display_name);
	xf_jw_kint(w, "weight", j->weight);
	xf_jw_kstr(w, "weight_role", j->weight_role);
	xf_jw_obj_end(w);
}

void xf_review_row_json(xf_jw *w, const xf_review_row *row, int ncrit)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "rank", row->rank);
	xf_jw_kint(w, "presenter_id", row->p->id);
	xf_jw_kstr(w, "name", row->p->name);
	xf_jw_kid(w, "org_id", row->p->org_id);
	xf_jw_kstr(w, "org_name", row->p->org_name);
	xf_jw_key(w, "criteria");
	xf_jw_arr(w);
	for (int k = 0; k < ncrit; k++) {
		if (row->crit_x10[k] < 0)
			xf_jw_null(w);
		else
			xf_jw_x10(w, row->crit_x10[k]);
	}
	xf_jw_arr_end(w);
	xf_jw_kx10(w, "total", row->total_x10);
	xf_jw_kx10(w, "spread", row->spread_x10);
	xf_jw_kint(w, "judges", row->judges);
	xf_jw_kstr(w, "grade", row->grade);
	xf_jw_kstr(w, "grade_title", row->grade_title);
	xf_jw_kstr(w, "rectification", row->p->rectification);
	xf_jw_obj_end(w);
}
