/*
 * assessment.c - the JSON form of index rows and star ratings.
 */
#include "model/assessment.h"

#include "base/date.h"
#include "model/org.h"

void xf_assessment_row_json(xf_jw *w, const xf_assessment *x)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "rank", x->rank);
	xf_jw_kint(w, "org_id", x->org_id);
	xf_jw_kstr(w, "org_name", x->org_name);
	xf_jw_kstr(w, "org_kind", x->org_kind);
	xf_jw_kid(w, "org_parent_id", x->org_parent_id);
	xf_jw_kstr(w, "org_parent_name", x->org_parent_name);
	xf_jw_kint(w, "scheme_id", x->scheme_id);
	xf_jw_kx10(w, "score", x->score_x10);
	xf_jw_kx10(w, "scored", x->scored_x10);
	xf_jw_kx10(w, "bonus", x->bonus_x10);
	xf_jw_kx10(w, "deduction", x->deduction_x10);
	xf_jw_kint(w, "stars", x->stars);
	xf_jw_kbool(w, "capped", x->capped);
	xf_jw_kbool(w, "vetoed", x->vetoed);
	xf_jw_key(w, "change");
	if (x->has_prev)
		xf_jw_x10(w, x->score_x10 - x->prev_score_x10);
	else
		xf_jw_null(w);
	xf_jw_obj_end(w);
}

void xf_assessment_score_json(xf_jw *w, const xf_assessment_score *s)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "org_id", s->org_id);
	xf_jw_kint(w, "year", s->year);
	xf_jw_kstr(w, "code", s->code);
	xf_jw_kx10(w, "points", s->points_x10);
	xf_jw_kstr(w, "reason", s->reason);
	xf_jw_kid(w, "scored_by", s->scored_by);
	xf_jw_kstr(w, "scored_by_name", s->scored_by_name);
	xf_jw_ktime(w, "scored_at", s->scored_at);
	xf_jw_obj_end(w);
}

static void stars_or_null(xf_jw *w, const char *k, int stars)
{
	xf_jw_key(w, k);
	if (stars)
		xf_jw_int(w, stars);
	else
		xf_jw_null(w);
}

void xf_star_rating_json(xf_jw *w, const xf_star_rating *r)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", r->id);
	xf_org_ref_json(w, r->org_id, r->org_name);
	xf_jw_kint(w, "year", r->year);
	xf_jw_kstr(w, "state", r->state);
	xf_jw_kint(w, "claimed", r->claimed);
	xf_jw_kint(w, "computed", r->computed);
	xf_jw_kx10(w, "score", r->score_x10);
	xf_jw_kstr(w, "self_note", r->self_note);
	if (r->evidence) {
		xf_jw_key(w, "evidence");
		xf_jw_arr(w);
		for (int i = 0; i < r->nevidence; i++)
			xf_jw_str(w, r->evidence[i]);
		xf_jw_arr_end(w);
	}
	stars_or_null(w, "reviewed_stars", r->reviewed_stars);
	xf_jw_kstr(w, "review_reason", r->review_reason);
	xf_jw_kstr(w, "visit_notes", r->visit_notes);
	xf_jw_kid(w, "reviewed_by", r->reviewed_by);
	xf_jw_ktime(w, "reviewed_at", r->reviewed_at);
	xf_jw_kid(w, "notice_id", r->notice_id);
	xf_jw_kstr(w, "notice_state", r->notice_state);
	stars_or_null(w, "decided_stars", r->decided_stars);
	xf_jw_kid(w, "decided_by", r->decided_by);
	xf_jw_ktime(w, "decided_at", r->decided_at);
	xf_jw_kid(w, "created_by", r->created_by);
	xf_jw_ktime(w, "created_at", r->created_at);
	xf_jw_obj_end(w);
}
