/*
 * programs.c (api) - /api/programs and /api/program-applications: creation
 * programs (创建评选), applications with their self-assessed items, the
 * committee's review, the candidates' 公示 and the decision.
 */
#include "api/programs.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/input.h"
#include "api/notices.h"
#include "api/page.h"
#include "base/jw.h"
#include "domain/programs.h"
#include "model/point_notice.h"
#include "model/program.h"
#include "service/programs.h"

#include <stdio.h>
#include <string.h>

#define MAX_CRITERIA 100
#define MAX_EVIDENCE 20

/* ---- POST /api/programs ---------------------------------------------------*/

enum {
	P_TITLE,
	P_KIND,
	P_ORG,
	P_YEAR,
	P_CRITERIA,
	P_ELIGIBLE,
	P_OPEN,
	P_CLOSE,
	P_REVIEW_BY,
	P_NOTICE_DAYS
};
static const xf_field program_fields[] = {
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "名称"},
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_program_kinds, "类别"},
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "发起组织"},
    {"year", XF_F_INT, 1, 0, 1900, 2200, NULL, "年度"},
    {"criteria", XF_F_ARRAY, 1, 0, 0, MAX_CRITERIA, NULL, "创建标准"},
    {"eligible", XF_F_ARRAY, 0, 1, 0, 1000, NULL, "可申报组织"},
    {"applications_open", XF_F_DATE, 1, 0, 0, 0, NULL, "申报开始日期"},
    {"applications_close", XF_F_DATE, 1, 0, 0, 0, NULL, "申报截止日期"},
    {"review_by", XF_F_DATE, 1, 0, 0, 0, NULL, "评审截止日期"},
    {"notice_days", XF_F_INT, 0, 0, 1, 30, NULL, "公示天数"},
};
const xf_body_table xf_programs_create_body = XF_BODY_TABLE(program_fields);

enum { K_CODE, K_NAME, K_EVIDENCE, K_MAX, K_REQUIRED, K_COUNT };
static const xf_field criterion_fields[K_COUNT] = {
    {"code", XF_F_STR, 0, 0, 1, 3, NULL, "编号"},
    {"name", XF_F_STR, 1, 0, 1, 200, NULL, "标准"},
    {"evidence", XF_F_STR, 1, 0, 1, 1000, NULL, "佐证要求"},
    {"max", XF_F_INT, 0, 0, 0, 1000, NULL, "分值"},
    {"required", XF_F_BOOL, 0, 0, 0, 0, NULL, "必备"},
};

/* The organizations' ids of a checked array, in r's arena; -1 with the
 * answer written. */
static int ids_of(xf_req *r, json_t *arr, const char *name, int64_t **out,
                  int *n)
{
	*out = xf_input_calloc(r, json_array_size(arr), sizeof **out);
	*n = *out ? xf_input_ids(r, arr, name, "组织", *out) : -1;
	return *n < 0 ? -1 : 0;
}

void xf_h_programs_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	int nk;
	xf_program_criterion *ks;
	const xf_val *kv =
	    xf_input_items(r, v[P_CRITERIA].j, "criteria", criterion_fields,
	                   K_COUNT, &nk, &ks, sizeof *ks);
	if (!kv)
		return;
	for (int i = 0; i < nk; i++) {
		const xf_val *e = kv + i * K_COUNT;
		ks[i] = (xf_program_criterion){
		    .code = xf_val_str(&e[K_CODE]),
		    .name = e[K_NAME].s,
		    .evidence = e[K_EVIDENCE].s,
		    .max_score = (int)e[K_MAX].i,
		    .required =
		        e[K_REQUIRED].present ? (int)e[K_REQUIRED].i : 1};
	}
	int64_t *eligible = NULL;
	int ne = 0;
	int subtree = !v[P_ELIGIBLE].present || v[P_ELIGIBLE].is_null;
	if (!subtree &&
	    ids_of(r, v[P_ELIGIBLE].j, "eligible", &eligible, &ne) != 0)
		return;
	xf_program_input in = {.title = v[P_TITLE].s,
	                       .kind = v[P_KIND].s,
	                       .org_id = v[P_ORG].i,
	                       .year = (int)v[P_YEAR].i,
	                       .criteria = ks,
	                       .ncriteria = nk,
	                       .eligible_subtree = subtree,
	                       .eligible = eligible,
	                       .neligible = ne,
	                       .applications_open = v[P_OPEN].s,
	                       .applications_close = v[P_CLOSE].s,
	                       .review_by = v[P_REVIEW_BY].s,
	                       .notice_days = (int)v[P_NOTICE_DAYS].i};
	xf_ctx c;
	xf_program p;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_program_create(&c, &in, &p)))
		XF_ANSWER(r, 201, xf_program_json, &p);
}

/* GET /api/programs?org=&year=&kind= */
enum { L_KIND = XF_QP_YEAR + 1 };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_YEAR_PAGE,
    XF_PARAM_CODE("kind", xf_program_kinds, "类别"),
};
const xf_query_table xf_programs_list_query = XF_QUERY_TABLE(list_params);

XF_LIST_HANDLER(xf_h_programs_list, xf_program, xf_program_json,
                xf_program_list(&c, q[XF_QP_ORG].i, (int)q[XF_QP_YEAR].i,
                                xf_val_str(&q[L_KIND]), XF_LIST_OUT))

XF_ID_HANDLER(xf_h_programs_get, xf_program p, xf_program_read(&c, id, &p),
              XF_ANSWER(r, 200, xf_program_json, &p))

/* POST /api/programs/{id}/applications {"org_id"} */
static const xf_field apply_fields[] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "申报组织"},
};
const xf_body_table xf_programs_apply_body = XF_BODY_TABLE(apply_fields);

XF_ID_HANDLER(xf_h_programs_apply, xf_program_application a,
              xf_program_apply(&c, id, r->body_vals[0].i, &a),
              XF_ANSWER(r, 201, xf_program_application_json, &a))

/* GET /api/programs/{id}/applications?state= and
 * GET /api/program-applications?program=&org=&state= */
enum { A_STATE = XF_QP_SIZE + 1, A_ORG, A_PROGRAM };
static const xf_param app_params[] = {
    XF_PARAMS_PAGE,
    XF_PARAM_CODE("state", xf_program_app_states, "状态"),
    XF_PARAM_ORG,
    {.name = "program", .type = XF_Q_ID},
};
const xf_query_table xf_program_apps_list_query = XF_QUERY_TABLE(app_params);
const xf_query_table xf_programs_applications_query = {app_params, 3};

XF_ID_LIST_HANDLER(xf_h_programs_applications, xf_program_application,
                   xf_program_application_json,
                   xf_program_app_list(&c, id, 0, xf_val_str(&q[A_STATE]),
                                       XF_LIST_OUT))

XF_LIST_HANDLER(xf_h_program_apps_list, xf_program_application,
                xf_program_application_json,
                xf_program_app_list(&c, q[A_PROGRAM].i, q[A_ORG].i,
                                    xf_val_str(&q[A_STATE]), XF_LIST_OUT))

/* POST /api/programs/{id}/publish {"opens_on"?,"closes_on"?,"title"?} */
enum { U_OPENS, U_CLOSES, U_TITLE };
static const xf_field publish_fields[] = {
    {"opens_on", XF_F_DATE, 0, 0, 0, 0, NULL, "公示开始日期"},
    {"closes_on", XF_F_DATE, 0, 0, 0, 0, NULL, "公示截止日期"},
    {"title", XF_F_STR, 0, 0, 1, 200, NULL, "公示标题"},
};
const xf_body_table xf_programs_publish_body =
    XF_OPTIONAL_BODY_TABLE(publish_fields);

XF_ID_HANDLER(xf_h_programs_publish, const xf_val *v = r->body_vals;
              xf_point_notice_full f,
              xf_program_publish(&c, id, xf_val_str(&v[U_OPENS]),
                                 xf_val_str(&v[U_CLOSES]),
                                 xf_val_str(&v[U_TITLE]), &f),
              xf_api_notice_answer(r, &c, 201, &f))

/* POST /api/programs/{id}/decide {"awarded":[application ids]} */
static const xf_field decide_fields[] = {
    {"awarded", XF_F_ARRAY, 1, 0, 0, 1000, NULL, "认定名单"},
};
const xf_body_table xf_programs_decide_body = XF_BODY_TABLE(decide_fields);

XF_ID_READ_HANDLER(xf_h_programs_decide, int64_t *ids; int n;
                   xf_program p,
                   ids_of(r, r->body_vals[0].j, "awarded", &ids, &n),
                   xf_program_decide(&c, id, ids, n, &p),
                   XF_ANSWER(r, 200, xf_program_json, &p))

/* DELETE /api/programs/{id}/decision: the decision withdrawn. */
XF_ID_HANDLER(xf_h_programs_undecide, xf_program p,
              xf_program_undecide(&c, id, &p),
              XF_ANSWER(r, 200, xf_program_json, &p))

/* ---- applications ---------------------------------------------------------*/

XF_ID_HANDLER(xf_h_program_apps_get, xf_program_application a,
              xf_program_app_read(&c, id, &a),
              XF_ANSWER(r, 200, xf_program_application_json, &a))

/* PUT /api/program-applications/{id}/items/{code}
 * {"self_assessment","evidence":[{"kind","ref"?,"url"?,"text"?}]} */
enum { I_SELF, I_EVIDENCE };
static const xf_field item_fields[] = {
    {"self_assessment", XF_F_STR, 1, 0, 1, 4000, NULL, "自评情况"},
    {"evidence", XF_F_ARRAY, 0, 1, 0, MAX_EVIDENCE, NULL, "佐证"},
};
const xf_body_table xf_program_apps_item_body = XF_BODY_TABLE(item_fields);

enum { E_KIND, E_REF, E_URL, E_TEXT, E_COUNT };
static const xf_field evidence_fields[E_COUNT] = {
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_program_evidence_kinds, "佐证类型"},
    {"ref", XF_F_ID, 0, 0, 0, 0, NULL, "引用记录"},
    {"url", XF_F_STR, 0, 0, 1, 500, NULL, "链接"},
    {"text", XF_F_STR, 0, 0, 1, 2000, NULL, "文字说明"},
};

void xf_h_program_apps_item(xf_req *r)
{
	const xf_val *v = r->body_vals;
	int64_t id, code;
	if (xf_input_path_id(r, 0, &id) != 0 ||
	    xf_input_path_id(r, 1, &code) != 0)
		return;
	int ne;
	xf_program_evidence *es;
	const xf_val *ev =
	    xf_input_items(r, v[I_EVIDENCE].j, "evidence", evidence_fields,
	                   E_COUNT, &ne, &es, sizeof *es);
	if (!ev)
		return;
	for (int i = 0; i < ne; i++) {
		const xf_val *e = ev + i * E_COUNT;
		es[i] = (xf_program_evidence){.kind = e[E_KIND].s,
		                              .ref = e[E_REF].i,
		                              .url = xf_val_str(&e[E_URL]),
		                              .text = xf_val_str(&e[E_TEXT])};
	}
	xf_ctx c;
	xf_program_application a;
	if (xf_api_ctx(r, &c) != 0)
		return;
	const char *k = xf_arena_printf(&r->arena, "%lld", (long long)code);
	if (!xf_api_failed(
	        r, &c,
	        xf_program_item_assess(&c, id, k, v[I_SELF].s, es, ne, &a)))
		XF_ANSWER(r, 200, xf_program_application_json, &a);
}

XF_ID_HANDLER(xf_h_program_apps_submit, xf_program_application a,
              xf_program_app_submit(&c, id, &a),
              XF_ANSWER(r, 200, xf_program_application_json, &a))

XF_ID_HANDLER(xf_h_program_apps_withdraw, xf_program_application a,
              xf_program_app_withdraw(&c, id, &a),
              XF_ANSWER(r, 200, xf_program_application_json, &a))

/* PUT /api/program-applications/{id}/review {"items":{"<code>":{"verdict",
 * "note"}},"site_visit":{"date","notes"}?,"notes"?,"conclusion"} */
enum { R_ITEMS, R_VISIT, R_NOTES, R_CONCLUSION };
static const xf_field review_fields[] = {
    {"items", XF_F_OBJECT, 1, 0, 0, 0, NULL, "逐条评定"},
    {"site_visit", XF_F_OBJECT, 0, 1, 0, 0, NULL, "实地察看"},
    {"notes", XF_F_STR, 0, 1, 1, 2000, NULL, "评审意见"},
    {"conclusion", XF_F_ENUM, 1, 0, 0, 0, xf_program_conclusions, "评审结论"},
};
const xf_body_table xf_program_apps_review_body = XF_BODY_TABLE(review_fields);

enum { V_VERDICT, V_NOTE, V_COUNT };
static const xf_field verdict_fields[V_COUNT] = {
    {"verdict", XF_F_ENUM, 1, 0, 0, 0, xf_program_verdicts, "评定"},
    {"note", XF_F_STR, 0, 1, 1, 1000, NULL, "说明"},
};

enum { S_DATE, S_NOTES, S_COUNT };
static const xf_field visit_fields[S_COUNT] = {
    {"date", XF_F_DATE, 1, 0, 0, 0, NULL, "察看日期"},
    {"notes", XF_F_STR, 0, 1, 1, 4000, NULL, "察看记录"},
};

void xf_h_program_apps_review(xf_req *r)
{
	const xf_val *v = r->body_vals;
	json_t *items = v[R_ITEMS].j;
	int n = (int)json_object_size(items);
	if (n > MAX_CRITERIA) {
		xf_reply_error(r, 422, "invalid_field", "逐条评定项目过多",
		               "items");
		return;
	}
	xf_program_item_verdict *vs = xf_input_calloc(r, (size_t)n, sizeof *vs);
	if (!vs)
		return;
	const char *key;
	json_t *val;
	int i = 0;
	json_object_foreach(items, key, val)
	{
		xf_val f[V_COUNT];
		char *path = xf_arena_printf(&r->arena, "items.%s", key);
		if (xf_input_object(r, val, verdict_fields, V_COUNT, f, path) !=
		    0)
			return;
		vs[i++] = (xf_program_item_verdict){
		    xf_arena_strdup(&r->arena, key), f[V_VERDICT].s,
		    xf_val_str(&f[V_NOTE])};
	}
	xf_program_review_input in = {.items = vs,
	                              .nitems = n,
	                              .notes = xf_val_str(&v[R_NOTES]),
	                              .conclusion = v[R_CONCLUSION].s};
	if (v[R_VISIT].present && !v[R_VISIT].is_null) {
		xf_val s[S_COUNT];
		if (xf_input_object(r, v[R_VISIT].j, visit_fields, S_COUNT, s,
		                    "site_visit") != 0)
			return;
		in.visit_date = s[S_DATE].s;
		in.visit_notes = xf_val_str(&s[S_NOTES]);
	}
	xf_ctx c;
	xf_program_application a;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_program_app_review(&c, id, &in, &a)))
		XF_ANSWER(r, 200, xf_program_application_json, &a);
}

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_programs_bodies[] = {
    XF_BODY("POST /api/programs", "criteria[]", criterion_fields),
    XF_BODY("PUT /api/program-applications/{id}/items/{code}", "evidence[]",
            evidence_fields),
    /* each value of the object "items", keyed by criterion code */
    XF_BODY("PUT /api/program-applications/{id}/review", "items",
            verdict_fields),
    XF_BODY("PUT /api/program-applications/{id}/review", "site_visit",
            visit_fields),
    {0},
};
