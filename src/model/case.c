/*
 * case.c - the JSON forms of case calls and submissions: full, blind (a
 * reviewer's: no organization) and as the case library shows them.
 */
#include "model/case.h"

#include "model/fields.h"
#include "model/scheme.h"

static const xf_jfield call_fields[] = {
    XF_JF(I64, xf_case_call, "id", id),
    XF_JF(STR, xf_case_call, "title", title),
    XF_JF(I64, xf_case_call, "org_id", org_id),
    XF_JF(STR, xf_case_call, "org_name", org_name),
    XF_JF(INT, xf_case_call, "year", year),
    XF_JF(STR, xf_case_call, "deadline", deadline),
    XF_JF(STR, xf_case_call, "stage", status),
    XF_JF(ID, xf_case_call, "notice_id", notice_id),
    XF_JF(I64, xf_case_call, "submission_count", submission_count),
    XF_JF(ID, xf_case_call, "created_by", created_by),
    XF_JF(TIME, xf_case_call, "created_at", created_at),
    XF_JF(TIME, xf_case_call, "updated_at", updated_at),
};

void xf_case_call_json(xf_jw *w, const xf_case_call *c)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, c, call_fields);
	xf_jw_key(w, "criteria");
	xf_jw_arr(w);
	for (int i = 0; i < c->ncrit; i++) {
		xf_jw_obj(w);
		xf_jw_kstr(w, "name", c->crit[i].name);
		xf_jw_kx10(w, "max", c->crit[i].max_x10);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_key(w, "tiers");
	xf_jw_arr(w);
	for (int i = 0; i < c->ntiers; i++) {
		xf_jw_obj(w);
		xf_jw_kstr(w, "name", c->tiers[i].name);
		xf_jw_kint(w, "places", c->tiers[i].places);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_key(w, "reviewer_ids");
	xf_jw_arr(w);
	for (int i = 0; i < c->nreviewers; i++)
		xf_jw_int(w, c->reviewers[i]);
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

static const xf_jfield sub_fields[] = {
    XF_JF(I64, xf_case_submission, "id", id),
    XF_JF(I64, xf_case_submission, "call_id", call_id),
    XF_JF(STR, xf_case_submission, "title", title),
    XF_JF(I64, xf_case_submission, "org_id", org_id),
    XF_JF(STR, xf_case_submission, "org_name", org_name),
    XF_JF(STR, xf_case_submission, "summary", summary),
    XF_JF(I64, xf_case_submission, "reviews", reviews),
    XF_JF(I64, xf_case_submission, "attachment_count", attachment_count),
    XF_JF(ID, xf_case_submission, "created_by", created_by),
    XF_JF(TIME, xf_case_submission, "created_at", created_at),
    XF_JF(TIME, xf_case_submission, "updated_at", updated_at),
};

/* score, rank and tier: null when there is none. */
static void result_json(xf_jw *w, const xf_case_submission *s)
{
	xf_jw_key(w, "score");
	if (s->score_x10 >= 0)
		xf_jw_x10(w, s->score_x10);
	else
		xf_jw_null(w);
	xf_jw_key(w, "rank");
	if (s->rank > 0)
		xf_jw_int(w, s->rank);
	else
		xf_jw_null(w);
	xf_jw_kstr(w, "tier", s->tier >= 0 ? s->tier_name : NULL);
}

void xf_case_submission_json(xf_jw *w, const xf_case_submission *s,
                             int with_text)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, s, sub_fields);
	result_json(w, s);
	if (with_text)
		xf_jw_kstr(w, "text", s->text);
	xf_jw_obj_end(w);
}

static const xf_jfield blind_fields[] = {
    XF_JF(I64, xf_case_submission, "id", id),
    XF_JF(STR, xf_case_submission, "title", title),
    XF_JF(STR, xf_case_submission, "summary", summary),
    XF_JF(STR, xf_case_submission, "text", text),
    XF_JF(I64, xf_case_submission, "attachment_count", attachment_count),
};

void xf_case_blind_json(xf_jw *w, const xf_case_submission *s,
                        const xf_case_call *call, const int *mine)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, s, blind_fields);
	int scored = 0;
	for (int k = 0; k < call->ncrit; k++)
		scored += mine[k] >= 0;
	xf_jw_kbool(w, "scored", call->ncrit > 0 && scored == call->ncrit);
	xf_jw_key(w, "my_scores");
	xf_jw_obj(w);
	for (int k = 0; k < call->ncrit; k++)
		if (mine[k] >= 0)
			xf_jw_kx10(w, call->crit[k].name, mine[k]);
	xf_jw_obj_end(w);
	xf_jw_obj_end(w);
}

static const xf_jfield library_fields[] = {
    XF_JF(I64, xf_case_submission, "id", id),
    XF_JF(STR, xf_case_submission, "title", title),
    XF_JF(STR, xf_case_submission, "org_name", org_name),
    XF_JF(STR, xf_case_submission, "summary", summary),
    XF_JF(STR, xf_case_submission, "tier", tier_name),
    XF_JF(INT, xf_case_submission, "year", year),
    XF_JF(I64, xf_case_submission, "call_id", call_id),
    XF_JF(STR, xf_case_submission, "call_title", call_title),
    XF_JF(I64, xf_case_submission, "attachment_count", attachment_count),
};

void xf_case_library_json(xf_jw *w, const xf_case_submission *s, int with_text)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, s, library_fields);
	xf_jw_key(w, "score");
	xf_jw_x10(w, s->score_x10);
	xf_jw_kint(w, "rank", s->rank);
	if (with_text)
		xf_jw_kstr(w, "text", s->text);
	xf_jw_obj_end(w);
}
