/*
 * review.c - the JSON form of review sessions, presenters, judges and
 * results.
 */
#include "model/review.h"

#include "model/fields.h"
#include "model/scheme.h"

static const xf_jfield review_fields[] = {
    XF_JF(I64, xf_review, "id", id),
    XF_JF(I64, xf_review, "org_id", org_id),
    XF_JF(STR, xf_review, "org_name", org_name),
    XF_JF(STR, xf_review, "title", title),
    XF_JF(STR, xf_review, "held_on", held_on),
    XF_JF(STR, xf_review, "method", method),
    XF_JF(STR, xf_review, "state", state),
};

static const xf_jfield criterion_fields[] = {
    XF_JF(STR, xf_review_criterion, "name", name),
    XF_JF(X10, xf_review_criterion, "max", max_x10),
};

/* after the grades */
static const xf_jfield review_tail_fields[] = {
    XF_JF(ID, xf_review, "created_by", created_by),
    XF_JF(WHEN, xf_review, "created_at", created_at),
    XF_JF(WHEN, xf_review, "closed_at", closed_at),
};

void xf_review_json_open(xf_jw *w, const xf_review *r)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, r, review_fields);
	XF_JW_RECORDS(w, "criteria", r->crit, r->ncrit, criterion_fields);
	xf_jw_key(w, "grades");
	xf_jw_obj(w);
	xf_jw_kx10(w, "good", r->grades_x10[0]);
	xf_jw_kx10(w, "fair", r->grades_x10[1]);
	xf_jw_kx10(w, "pass", r->grades_x10[2]);
	xf_jw_obj_end(w);
	XF_JW_FIELDS(w, r, review_tail_fields);
}

static const xf_jfield presenter_fields[] = {
    XF_JF(I64, xf_review_presenter, "id", id),
    XF_JF(INT, xf_review_presenter, "pos", pos),
    XF_JF(STR, xf_review_presenter, "name", name),
    XF_JF(ID, xf_review_presenter, "org_id", org_id),
    XF_JF(STR, xf_review_presenter, "org_name", org_name),
    XF_JF(ID, xf_review_presenter, "member_id", member_id),
    XF_JF(STR, xf_review_presenter, "state", state),
    XF_JF(INT, xf_review_presenter, "scored_by", scored_by),
    XF_JF(WHEN, xf_review_presenter, "opened_at", opened_at),
    XF_JF(WHEN, xf_review_presenter, "closed_at", closed_at),
    XF_JF(STR, xf_review_presenter, "rectification", rectification),
};

void xf_review_presenter_json(xf_jw *w, const xf_review_presenter *p)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, p, presenter_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield judge_fields[] = {
    XF_JF(I64, xf_review_judge, "id", id),
    XF_JF(I64, xf_review_judge, "user_id", user_id),
    XF_JF(STR, xf_review_judge, "username", username),
    XF_JF(STR, xf_review_judge, "display_name", display_name),
    XF_JF(INT, xf_review_judge, "weight", weight),
    XF_JF(STR, xf_review_judge, "weight_role", weight_role),
};

void xf_review_judge_json(xf_jw *w, const xf_review_judge *j)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, j, judge_fields);
	xf_jw_obj_end(w);
}

/* the row's presenter */
static const xf_jfield row_presenter_fields[] = {
    XF_JF(I64, xf_review_presenter, "presenter_id", id),
    XF_JF(STR, xf_review_presenter, "name", name),
    XF_JF(ID, xf_review_presenter, "org_id", org_id),
    XF_JF(STR, xf_review_presenter, "org_name", org_name),
};

/* after the criteria */
static const xf_jfield row_tail_fields[] = {
    XF_JF(X10, xf_review_row, "total", total_x10),
    XF_JF(X10, xf_review_row, "spread", spread_x10),
    XF_JF(INT, xf_review_row, "judges", judges),
    XF_JF(STR, xf_review_row, "grade", grade),
    XF_JF(STR, xf_review_row, "grade_title", grade_title),
};

void xf_review_row_json(xf_jw *w, const xf_review_row *row, int ncrit)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "rank", row->rank);
	XF_JW_FIELDS(w, row->p, row_presenter_fields);
	xf_jw_key(w, "criteria");
	xf_jw_arr(w);
	for (int k = 0; k < ncrit; k++) {
		if (row->crit_x10[k] < 0)
			xf_jw_null(w);
		else
			xf_jw_x10(w, row->crit_x10[k]);
	}
	xf_jw_arr_end(w);
	XF_JW_FIELDS(w, row, row_tail_fields);
	xf_jw_kstr(w, "rectification", row->p->rectification);
	xf_jw_obj_end(w);
}
