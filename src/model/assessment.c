/*
 * assessment.c - the JSON form of index rows and star ratings.
 */
#include "model/assessment.h"

#include "model/fields.h"

static const xf_jfield row_fields[] = {
    XF_JF(INT, xf_assessment, "rank", rank),
    XF_JF(I64, xf_assessment, "org_id", org_id),
    XF_JF(STR, xf_assessment, "org_name", org_name),
    XF_JF(STR, xf_assessment, "org_kind", org_kind),
    XF_JF(ID, xf_assessment, "org_parent_id", org_parent_id),
    XF_JF(STR, xf_assessment, "org_parent_name", org_parent_name),
    XF_JF(I64, xf_assessment, "scheme_id", scheme_id),
    XF_JF(X10, xf_assessment, "score", score_x10),
    XF_JF(X10, xf_assessment, "scored", scored_x10),
    XF_JF(X10, xf_assessment, "bonus", bonus_x10),
    XF_JF(X10, xf_assessment, "deduction", deduction_x10),
    XF_JF(INT, xf_assessment, "stars", stars),
    XF_JF(BOOL, xf_assessment, "capped", capped),
    XF_JF(BOOL, xf_assessment, "vetoed", vetoed),
};

void xf_assessment_row_json(xf_jw *w, const xf_assessment *x)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, x, row_fields);
	xf_jw_key(w, "change");
	if (x->has_prev)
		xf_jw_x10(w, x->score_x10 - x->prev_score_x10);
	else
		xf_jw_null(w);
	xf_jw_obj_end(w);
}

static const xf_jfield score_fields[] = {
    XF_JF(I64, xf_assessment_score, "org_id", org_id),
    XF_JF(INT, xf_assessment_score, "year", year),
    XF_JF(STR, xf_assessment_score, "code", code),
    XF_JF(X10, xf_assessment_score, "points", points_x10),
    XF_JF(STR, xf_assessment_score, "reason", reason),
    XF_JF(ID, xf_assessment_score, "scored_by", scored_by),
    XF_JF(STR, xf_assessment_score, "scored_by_name", scored_by_name),
    XF_JF(WHEN, xf_assessment_score, "scored_at", scored_at),
};

void xf_assessment_score_json(xf_jw *w, const xf_assessment_score *s)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, s, score_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield rating_fields[] = {
    XF_JF(I64, xf_star_rating, "id", id),
    XF_JF(I64, xf_star_rating, "org_id", org_id),
    XF_JF(STR, xf_star_rating, "org_name", org_name),
    XF_JF(INT, xf_star_rating, "year", year),
    XF_JF(STR, xf_star_rating, "state", state),
    XF_JF(INT, xf_star_rating, "claimed", claimed),
    XF_JF(INT, xf_star_rating, "computed", computed),
    XF_JF(X10, xf_star_rating, "score", score_x10),
    XF_JF(STR, xf_star_rating, "self_note", self_note),
};

/* after the evidence */
static const xf_jfield rating_tail_fields[] = {
    XF_JF(OPTINT, xf_star_rating, "reviewed_stars", reviewed_stars),
    XF_JF(STR, xf_star_rating, "review_reason", review_reason),
    XF_JF(STR, xf_star_rating, "visit_notes", visit_notes),
    XF_JF(ID, xf_star_rating, "reviewed_by", reviewed_by),
    XF_JF(WHEN, xf_star_rating, "reviewed_at", reviewed_at),
    XF_JF(ID, xf_star_rating, "notice_id", notice_id),
    XF_JF(STR, xf_star_rating, "notice_state", notice_state),
    XF_JF(OPTINT, xf_star_rating, "decided_stars", decided_stars),
    XF_JF(ID, xf_star_rating, "decided_by", decided_by),
    XF_JF(WHEN, xf_star_rating, "decided_at", decided_at),
    XF_JF(ID, xf_star_rating, "created_by", created_by),
    XF_JF(WHEN, xf_star_rating, "created_at", created_at),
};

void xf_star_rating_json(xf_jw *w, const xf_star_rating *r)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, r, rating_fields);
	if (r->evidence) {
		xf_jw_key(w, "evidence");
		xf_jw_arr(w);
		for (int i = 0; i < r->nevidence; i++)
			xf_jw_str(w, r->evidence[i]);
		xf_jw_arr_end(w);
	}
	XF_JW_FIELDS(w, r, rating_tail_fields);
	xf_jw_obj_end(w);
}
