/*
 * cases.c (api) - /api/case-calls, /api/case-submissions and /api/cases:
 * case selection (案例评选) from the call to the case library. The files
 * of a case route to api/attachments.c.
 */
#include "api/cases.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/input.h"
#include "api/notices.h"
#include "api/page.h"
#include "base/jw.h"
#include "base/utf8.h"
#include "domain/cases.h"
#include "model/case.h"
#include "model/point_notice.h"
#include "service/cases.h"

#include <string.h>

enum { K_TITLE, K_ORG, K_DEADLINE, K_CRIT, K_TIERS, K_REVIEWERS, K_COUNT };
static const xf_field call_fields[K_COUNT] = {
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "征集名称"},
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "发起组织"},
    {"deadline", XF_F_DATE, 1, 0, 0, 0, NULL, "截止日期"},
    {"criteria", XF_F_ARRAY, 1, 0, 0, XF_CASE_CRIT_MAX, NULL, "评分项"},
    {"tiers", XF_F_ARRAY, 1, 0, 0, XF_CASE_TIER_MAX, NULL, "等次"},
    {"reviewer_ids", XF_F_ARRAY, 1, 0, 0, XF_CASE_REVIEW_MAX, NULL, "评审专家"},
};
const xf_body_table xf_case_calls_create_body = XF_BODY_TABLE(call_fields);

enum { C_NAME, C_MAX, C_COUNT };
static const xf_field crit_fields[C_COUNT] = {
    {"name", XF_F_STR, 1, 0, 1, 30, NULL, "评分项名称"},
    {"max", XF_F_X10, 1, 0, 1, 1000, NULL, "评分项满分"},
};

enum { T_NAME, T_PLACES, T_COUNT };
static const xf_field tier_fields[T_COUNT] = {
    {"name", XF_F_STR, 1, 0, 1, 20, NULL, "等次名称"},
    {"places", XF_F_INT, 1, 0, 1, XF_CASE_MAX_PLACES, NULL, "名额"},
};

/* 422 naming field when a named item repeats an earlier one. */
static int repeated(xf_req *r, const char *const *names, int i,
                    const char *field, const char *message)
{
	for (int k = 0; k < i; k++)
		if (strcmp(names[k], names[i]) == 0) {
			xf_reply_error(
			    r, 422, "invalid_field", message,
			    xf_arena_printf(&r->arena, "%s[%d]", field, i));
			return 1;
		}
	return 0;
}

void xf_h_case_calls_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_case_call *k = xf_input_calloc(r, 1, sizeof *k);
	if (!k)
		return;
	int n;
	const xf_val *cv = xf_input_items(r, v[K_CRIT].j, "criteria",
	                                  crit_fields, C_COUNT, &n, NULL, 0);
	if (!cv)
		return;
	if (n < 1) {
		xf_reply_error(r, 422, "invalid_field", "评分项不能为空",
		               "criteria");
		return;
	}
	const char *names[XF_CASE_CRIT_MAX];
	for (int i = 0; i < n; i++) {
		names[i] = cv[i * C_COUNT + C_NAME].s;
		if (repeated(r, names, i, "criteria", "评分项名称重复"))
			return;
		k->crit[i] = (xf_case_criterion){
		    names[i], (int)cv[i * C_COUNT + C_MAX].i};
	}
	k->ncrit = n;
	const xf_val *tv = xf_input_items(r, v[K_TIERS].j, "tiers", tier_fields,
	                                  T_COUNT, &n, NULL, 0);
	if (!tv)
		return;
	if (n < 1) {
		xf_reply_error(r, 422, "invalid_field", "等次不能为空",
		               "tiers");
		return;
	}
	for (int i = 0; i < n; i++) {
		names[i] = tv[i * T_COUNT + T_NAME].s;
		if (repeated(r, names, i, "tiers", "等次名称重复"))
			return;
		k->tiers[i] =
		    (xf_case_tier){names[i], (int)tv[i * T_COUNT + T_PLACES].i};
	}
	k->ntiers = n;
	json_t *ids = v[K_REVIEWERS].j;
	k->nreviewers = (int)json_array_size(ids);
	if (k->nreviewers < 1) {
		xf_reply_error(r, 422, "invalid_field", "评审专家不能为空",
		               "reviewer_ids");
		return;
	}
	if (xf_input_ids(r, ids, "reviewer_ids", "评审专家", k->reviewers) < 0)
		return;
	k->title = v[K_TITLE].s;
	k->org_id = v[K_ORG].i;
	k->deadline = v[K_DEADLINE].s;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_case_call_create(&c, k)))
		XF_ANSWER(r, 201, xf_case_call_json, k);
}

/* The call with the caller's part in it. */
static void answer_view(xf_req *r, int status, const xf_case_call_view *v)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_key(&w, "call");
	xf_case_call_json(&w, &v->call);
	xf_jw_kbool(&w, "committee", v->committee);
	xf_jw_kbool(&w, "reviewer", v->reviewer);
	xf_jw_kbool(&w, "submitter", v->submitter);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

const xf_query_table xf_case_calls_list_query = XF_QUERY_TABLE(xf_page_params);

XF_LIST_HANDLER(xf_h_case_calls_list, xf_case_call, xf_case_call_json,
                xf_case_call_list(&c, XF_LIST_OUT))

XF_ID_HANDLER(xf_h_case_calls_get, xf_case_call_view v,
              xf_case_call_read(&c, id, &v), answer_view(r, 200, &v))

XF_ID_HANDLER(xf_h_case_calls_close, xf_case_call k,
              xf_case_call_close(&c, id, &k),
              XF_ANSWER(r, 200, xf_case_call_json, &k))

/* {"call": ..., "items": [...]}: the call and its submissions. */
static void answer_subs(xf_req *r, const xf_case_call_view *v,
                        const xf_case_submission *s, int n)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_key(&w, "call");
	xf_case_call_json(&w, &v->call);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++)
		xf_case_submission_json(&w, &s[i], 0);
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "total", n);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* Answers the call of the path's id with the submissions get(c, id, ...)
 * gives: the list, or the selection. */
static void subs_of(xf_req *r,
                    int (*get)(xf_ctx *c, int64_t call_id, xf_case_call_view *v,
                               xf_case_submission **out, int *n))
{
	xf_ctx c;
	int64_t id;
	xf_case_call_view v;
	xf_case_submission *s;
	int n;
	if (xf_api_ctx_id(r, &c, &id) == 0 &&
	    !xf_api_failed(r, &c, get(&c, id, &v, &s, &n)))
		answer_subs(r, &v, s, n);
}

void xf_h_case_calls_submissions_list(xf_req *r)
{
	subs_of(r, xf_case_subs_list);
}

enum { S_TITLE, S_ORG, S_SUMMARY, S_TEXT, S_COUNT };
#define SUB_FIELDS(req, org)                                                   \
	{"title", XF_F_STR, req, 0, 1, 200, NULL, "案例名称"},                 \
	    {"org_id", XF_F_ID, org, 0, 0, 0, NULL, "报送组织"},               \
	    {"summary", XF_F_STR, req, 0, 1, 1000, NULL, "案例摘要"},          \
	{                                                                      \
		"text", XF_F_STR, req, 0, 1, 50000, NULL, "案例全文"       \
	}
static const xf_field sub_fields[S_COUNT] = {SUB_FIELDS(1, 1)};
const xf_body_table xf_case_submissions_create_body = XF_BODY_TABLE(sub_fields);
static const xf_field patch_fields[S_COUNT] = {SUB_FIELDS(0, 0)};
const xf_body_table xf_case_submissions_patch_body =
    XF_BODY_TABLE(patch_fields);

static void answer_sub(xf_req *r, int status, const xf_case_submission *s)
{
	XF_ANSWER(r, status, xf_case_submission_json, s, 1);
}

/* The submission of a checked body v. */
static xf_case_submission submission_input(const xf_val *v)
{
	return (xf_case_submission){.title = v[S_TITLE].s,
	                            .org_id = v[S_ORG].i,
	                            .summary = v[S_SUMMARY].s,
	                            .text = v[S_TEXT].s};
}

XF_ID_HANDLER(xf_h_case_calls_submissions_create,
              xf_case_submission s = submission_input(r->body_vals),
              xf_case_sub_create(&c, id, &s), answer_sub(r, 201, &s))

XF_ID_HANDLER(xf_h_case_submissions_get, xf_case_submission s,
              xf_case_sub_read(&c, id, &s), answer_sub(r, 200, &s))

/* The change of a checked body v (0), or -1 with the refusal written
 * when it would move the submission to another organization. */
static int change_input(xf_req *r, const xf_val *v, xf_case_submission *in)
{
	if (v[S_ORG].present) {
		xf_reply_error(r, 422, "invalid_field",
		               "报送组织不能修改（请撤回后重新报送）",
		               "org_id");
		return -1;
	}
	*in = (xf_case_submission){.title = xf_val_str(&v[S_TITLE]),
	                           .summary = xf_val_str(&v[S_SUMMARY]),
	                           .text = xf_val_str(&v[S_TEXT])};
	return 0;
}

XF_ID_READ_HANDLER(xf_h_case_submissions_patch, xf_case_submission in;
                   xf_case_submission s, change_input(r, r->body_vals, &in),
                   xf_case_sub_update(&c, id, &in, &s), answer_sub(r, 200, &s))

XF_ID_OK_HANDLER(xf_h_case_submissions_delete, xf_case_sub_remove(&c, id))

void xf_h_case_calls_assignments(xf_req *r)
{
	xf_ctx c;
	int64_t id;
	xf_case_call k;
	xf_case_submission *s;
	int *mine;
	int n;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_case_assignments(&c, id, &k, &s, &mine, &n)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_key(&w, "call");
	xf_case_call_json(&w, &k);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++)
		xf_case_blind_json(&w, &s[i], &k, &mine[i * XF_CASE_CRIT_MAX]);
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "total", n);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

enum { SC_SCORES, SC_COUNT };
static const xf_field score_fields[SC_COUNT] = {
    {"scores", XF_F_OBJECT, 1, 0, 0, 0, NULL, "评分"},
};
const xf_body_table xf_case_submissions_scores_body =
    XF_BODY_TABLE(score_fields);

XF_ID_READ_HANDLER(xf_h_case_submissions_scores,
                   const char *names[XF_CASE_CRIT_MAX];
                   int vals[XF_CASE_CRIT_MAX];
                   int n,
                   (n = xf_input_scores(r, r->body_vals[SC_SCORES].j, "scores",
                                        XF_CASE_CRIT_MAX, names, vals)) < 0,
                   xf_case_score_put(&c, id, names, vals, n), xf_api_ok(r))

void xf_h_case_calls_select(xf_req *r)
{
	subs_of(r, xf_case_select);
}

enum { P_OPENS, P_CLOSES, P_TITLE, P_COUNT };
static const xf_field publish_fields[P_COUNT] = {
    {"opens_on", XF_F_DATE, 0, 0, 0, 0, NULL, "公示开始日期"},
    {"closes_on", XF_F_DATE, 1, 0, 0, 0, NULL, "公示截止日期"},
    {"title", XF_F_STR, 0, 0, 1, 200, NULL, "公示标题"},
};
const xf_body_table xf_case_calls_publish_body = XF_BODY_TABLE(publish_fields);

XF_ID_HANDLER(xf_h_case_calls_publish, const xf_val *v = r->body_vals;
              xf_point_notice_full f,
              xf_case_publish(&c, id, xf_val_str(&v[P_OPENS]), v[P_CLOSES].s,
                              xf_val_str(&v[P_TITLE]), &f),
              xf_api_notice_answer(r, &c, 201, &f))

enum { D_EARLY, D_COUNT };
static const xf_field decide_fields[D_COUNT] = {
    {"early", XF_F_BOOL, 0, 0, 0, 0, NULL, "提前决定"},
};
const xf_body_table xf_case_calls_decide_body = XF_BODY_TABLE(decide_fields);

XF_ID_HANDLER(xf_h_case_calls_decide, const xf_val *v = r->body_vals;
              xf_case_call k,
              xf_case_decide(&c, id,
                             v[D_EARLY].present && !v[D_EARLY].is_null &&
                                 v[D_EARLY].i,
                             &k),
              XF_ANSWER(r, 200, xf_case_call_json, &k))

/* GET /api/cases?year=&tier=&q= */
enum { L_YEAR = XF_QP_SIZE + 1, L_TIER, L_Q };
static const xf_param list_params[] = {
    XF_PARAMS_PAGE,
    XF_PARAM_YEAR,
    {.name = "tier", .type = XF_Q_STR, .max = 20, .label = "等次"},
    {.name = "q", .type = XF_Q_STR, .max = 50, .label = "关键词"},
};
const xf_query_table xf_cases_list_query = XF_QUERY_TABLE(list_params);

static void library_item(xf_jw *w, const xf_case_submission *s)
{
	xf_case_library_json(w, s, 0);
}

XF_LIST_HANDLER(xf_h_cases_list, xf_case_submission, library_item,
                xf_case_library(&c,
                                &(xf_case_filter){
                                    .year = (int)q[L_YEAR].i,
                                    .tier = xf_val_str(&q[L_TIER]),
                                    .q = xf_val_str(&q[L_Q])},
                                XF_LIST_OUT))

XF_ID_HANDLER(xf_h_cases_get, xf_case_submission s,
              xf_case_library_read(&c, id, &s),
              XF_ANSWER(r, 200, xf_case_library_json, &s, 1))

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_cases_bodies[] = {
    XF_BODY("POST /api/case-calls", "criteria[]", crit_fields),
    XF_BODY("POST /api/case-calls", "tiers[]", tier_fields),
    {0},
};
