/*
 * points.c (api) - /api/point-rules, /api/point-settings, /api/claims and
 * /api/ledger: input checked against field tables, one service call per
 * handler, JSON written with the streaming writer.
 */
#include "api/points.h"
#include "api/page.h"

#include "api/api.h"
#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/compliance.h"
#include "domain/points.h"
#include "model/point.h"
#include "service/point_claims.h"
#include "service/point_rules.h"
#include "service/points.h"

#include <stdlib.h>
#include <string.h>

/* ---- rulebook -----------------------------------------------------------*/

enum {
	R_CATEGORY,
	R_ITEM,
	R_DESC,
	R_POINTS,
	R_CAP,
	R_CAP_PERIOD,
	R_EVIDENCE,
	R_APPROVAL,
	R_APPROVER,
	R_VETO,
	R_RECORD_KIND,
	R_RECORD_QUALIFIER,
	R_FROM,
	R_KIND,
	R_ORG,
	R_COUNT
};

#define RULE_FIELDS(req)                                                       \
	{"category", XF_F_STR, req, 0, 1, 20, NULL, "积分类别"},               \
	    {"item", XF_F_STR, req, 0, 1, 100, NULL, "积分项目"},              \
	    {"description", XF_F_STR, 0, 1, 0, 500, NULL, "说明"},             \
	    {"points", XF_F_INT, req, 0, -1000, 1000, NULL, "分值"},           \
	    {"cap", XF_F_INT, 0, 1, 0, 100000, NULL, "上限"},                  \
	    {"cap_period",         XF_F_ENUM, 0, 0, 0, 0,                      \
	     xf_point_cap_periods, "上限周期"},                                \
	    {"needs_evidence", XF_F_BOOL, 0, 0, 0, 0, NULL, "是否需要佐证"},   \
	    {"needs_approval", XF_F_BOOL, 0, 0, 0, 0, NULL, "是否需要审核"},   \
	    {"approver_role", XF_F_ENUM, 0, 0, 0, 0, xf_roles, "审核角色"},    \
	    {"veto", XF_F_BOOL, 0, 0, 0, 0, NULL, "一票否决"},                 \
	    {"record_kind",         XF_F_ENUM,     0, 1, 0, 0,                 \
	     xf_point_record_kinds, "自动记分依据"},                           \
	{                                                                      \
		"record_qualifier", XF_F_ENUM, 0, 1, 0, 0, xf_meeting_kinds,   \
		    "会议类型"                                             \
	}

static const xf_field rule_create_fields[R_COUNT] = {
    RULE_FIELDS(1),
    {"valid_from", XF_F_DATE, 0, 0, 0, 0, NULL, "生效日期"},
    {"kind", XF_F_ENUM, 0, 0, 0, 0, xf_point_subjects, "积分对象"},
    {"org_id", XF_F_ID, 0, 1, 0, 0, NULL, "发布组织"},
};
const xf_body_table xf_point_rules_create_body =
    XF_BODY_TABLE(rule_create_fields);

/* A change: the same fields, none required but the date of the version. */
static const xf_field rule_patch_fields[R_KIND] = {
    RULE_FIELDS(0),
    {"valid_from", XF_F_DATE, 1, 0, 0, 0, NULL, "生效日期"},
};
const xf_body_table xf_point_rules_patch_body =
    XF_BODY_TABLE(rule_patch_fields);

static void to_rule_input(const xf_val *v, xf_point_rule_input *in)
{
	XF_TAKE_STR(in, category, v[R_CATEGORY]);
	XF_TAKE_STR(in, item, v[R_ITEM]);
	XF_TAKE_STR(in, description, v[R_DESC]);
	XF_TAKE_STR(in, cap_period, v[R_CAP_PERIOD]);
	XF_TAKE_STR(in, approver_role, v[R_APPROVER]);
	XF_TAKE_INT(in, points, v[R_POINTS]);
	XF_TAKE_INT(in, cap, v[R_CAP]);
	XF_TAKE_INT(in, needs_evidence, v[R_EVIDENCE]);
	XF_TAKE_INT(in, needs_approval, v[R_APPROVAL]);
	XF_TAKE_INT(in, veto, v[R_VETO]);
	XF_TAKE_STR(in, record_kind, v[R_RECORD_KIND]);
	XF_TAKE_STR(in, record_qualifier, v[R_RECORD_QUALIFIER]);
	in->valid_from = v[R_FROM].present ? v[R_FROM].s : NULL;
}

XF_CTX_HANDLER(xf_h_point_rules_create, const xf_val *v = r->body_vals;
               xf_point_rule_input in = {0}; xf_point_rule rule;
               to_rule_input(v, &in);
               in.kind = v[R_KIND].present ? v[R_KIND].s : NULL;
               in.org_id = v[R_ORG].present && !v[R_ORG].is_null ? v[R_ORG].i
                                                                 : 0,
               xf_point_rule_create(&c, &in, &rule),
               XF_ANSWER(r, 201, xf_point_rule_json, &rule, 1))

XF_ID_HANDLER(xf_h_point_rules_patch, xf_point_rule_input in = {0};
              xf_point_rule rule;
              to_rule_input(r->body_vals, &in),
              xf_point_rule_change(&c, id, &in, &rule),
              XF_ANSWER(r, 200, xf_point_rule_json, &rule, 1))

XF_ID_HANDLER(xf_h_point_rules_get, xf_point_rule rule,
              xf_point_rule_read(&c, id, &rule),
              XF_ANSWER(r, 200, xf_point_rule_json, &rule, 1))

/* ?kind=&on=&category= */
enum { RL_KIND, RL_ON, RL_CATEGORY };
static const xf_param rule_list_params[] = {
    XF_PARAM_CODE("kind", xf_point_subjects, "积分对象"),
    {.name = "on", .type = XF_Q_DATE, .label = "日期"},
    {.name = "category", .type = XF_Q_STR, .max = 20},
};
const xf_query_table xf_point_rules_list_query =
    XF_QUERY_TABLE(rule_list_params);

void xf_h_point_rules_list(xf_req *r)
{
	const xf_val *q = r->query_vals;
	const char *on = q[RL_ON].s;
	xf_ctx c;
	xf_point_rule *rules;
	int n;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_point_rule_list(&c, q[RL_KIND].s, on,
	                                     q[RL_CATEGORY].s, &rules, &n)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++)
		xf_point_rule_json(&w, &rules[i], 0);
	xf_page_items_end(&w, n);
	xf_jw_kstr(&w, "on", on);
	xf_jw_key(&w, "categories");
	xf_jw_arr(&w);
	for (const xf_code *cat = xf_point_categories; cat->code; cat++)
		xf_jw_str(&w, cat->code);
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* ---- settings -----------------------------------------------------------*/

static void answer_settings(xf_req *r, const char *kind, int64_t year,
                            int64_t base, int64_t floor)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "kind", kind);
	xf_jw_kint(&w, "year", year);
	xf_jw_kint(&w, "base", base);
	xf_jw_kint(&w, "floor", floor);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* ?kind=member|org&year= */
enum { S_KIND, S_YEAR };
static const xf_param settings_params[] = {
    {.name = "kind",
     .type = XF_Q_ENUM,
     .codes = xf_point_subjects,
     .label = "积分对象",
     .dflt = "member"},
    {.name = "year", .type = XF_Q_YEAR, .required = 1, .label = "年度"},
};
const xf_query_table xf_point_settings_get_query =
    XF_QUERY_TABLE(settings_params);

XF_CTX_HANDLER(xf_h_point_settings_get, const xf_val *q = r->query_vals;
               const char *kind = q[S_KIND].s; int year = (int)q[S_YEAR].i;
               int64_t base;
               int64_t floor,
               xf_point_settings_read(&c, kind, year, &base, &floor),
               answer_settings(r, kind, year, base, floor))

static const xf_field settings_fields[] = {
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_point_subjects, "积分对象"},
    {"year", XF_F_INT, 1, 0, 1900, 2200, NULL, "年度"},
    {"base", XF_F_INT, 1, 0, -100000, 100000, NULL, "基础分"},
    {"floor", XF_F_INT, 1, 0, -100000, 100000, NULL, "保底分"},
};
const xf_body_table xf_point_settings_put_body = XF_BODY_TABLE(settings_fields);

XF_CTX_HANDLER(xf_h_point_settings_put, const xf_val *v = r->body_vals,
               xf_point_settings_write(&c, v[0].s, (int)v[1].i, v[2].i, v[3].i),
               answer_settings(r, v[0].s, v[1].i, v[2].i, v[3].i))

/* ---- claims -------------------------------------------------------------*/

static const xf_field claim_fields[] = {
    {"member_id", XF_F_ID, 0, 0, 0, 0, NULL, "党员"},
    {"rule_id", XF_F_ID, 1, 0, 0, 0, NULL, "积分规则"},
    {"description", XF_F_STR, 1, 0, 1, 1000, NULL, "申报说明"},
    {"evidence", XF_F_ARRAY, 0, 1, 0, 10, NULL, "佐证材料"},
};
const xf_body_table xf_claims_create_body = XF_BODY_TABLE(claim_fields);

/* An item of evidence: the text rule of every field (valid UTF-8, no
 * control characters, not blank), named "evidence" in errors. */
static const xf_field evidence_item_field = {
    "evidence", XF_F_STR, 1, 0, 1, 500, NULL, "佐证材料"};

int xf_input_claim_evidence(xf_req *r, json_t *arr, const char **json, int *n)
{
	*json = "[]";
	*n = 0;
	if (!arr || json_is_null(arr))
		return 0;
	/* the table's own field: an array of at most 10 */
	xf_val all = {0};
	if (xf_input_value(r, &claim_fields[3], arr, &all, "evidence") != 0)
		return -1;
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
	{
		xf_val one = {0};
		if (xf_input_value(r, &evidence_item_field, v, &one,
		                   "evidence") != 0)
			return -1;
	}
	char *s = json_dumps(arr, JSON_COMPACT);
	char *kept = s ? xf_arena_strdup(&r->arena, s) : NULL;
	free(s);
	if (!kept) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return -1;
	}
	*json = kept;
	*n = (int)json_array_size(arr);
	return 0;
}

/* Creates claim in, by default the caller's own (a caller who is no
 * member names one). */
static int create_claim(xf_ctx *c, xf_point_claim_input *in, xf_point_claim *cl,
                        xf_point_result *res)
{
	if (!in->member_id) {
		if (!c->scope || !c->scope->member_id)
			return xf_invalid(c, "党员为必填项", "member_id");
		in->member_id = c->scope->member_id;
	}
	return xf_point_claim_create(c, in, cl, res);
}

XF_READ_HANDLER(xf_h_claims_create, const xf_val *v = r->body_vals;
                xf_point_claim cl; xf_point_result res;
                xf_point_claim_input in = {0}; in.member_id = v[0].i;
                in.rule_id = v[1].i;
                in.description = v[2].s,
                xf_input_claim_evidence(r, v[3].j, &in.evidence, &in.nevidence),
                create_claim(&c, &in, &cl, &res),
                XF_ANSWER(r, 201, xf_point_claim_json, &cl))

XF_ID_HANDLER(xf_h_claims_get, xf_point_claim cl,
              xf_point_claim_read(&c, id, &cl),
              XF_ANSWER(r, 200, xf_point_claim_json, &cl))

/* {"id","points","capped","floored","veto","message","entry":{...}} */
static void answer_result(xf_jw *w, const xf_point_result *res)
{
	xf_jw_kint(w, "points", res->entry.points);
	xf_jw_kbool(w, "capped", res->capped);
	xf_jw_kbool(w, "floored", res->floored);
	xf_jw_kbool(w, "veto", res->veto);
	xf_jw_kstr(w, "message", res->message);
	xf_jw_key(w, "entry");
	xf_point_entry_json(w, &res->entry);
}

static const xf_field approve_fields[] = {
    {"reason", XF_F_STR, 0, 1, 0, 500, NULL, "审核意见"},
};
const xf_body_table xf_claims_approve_body =
    XF_OPTIONAL_BODY_TABLE(approve_fields);

/* {"id","status",the result res…,"claim"} of approved claim cl. */
static void approved_json(xf_jw *w, const xf_point_claim *cl,
                          const xf_point_result *res)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", cl->id);
	xf_jw_kstr(w, "status", cl->status);
	answer_result(w, res);
	xf_jw_key(w, "claim");
	xf_point_claim_json(w, cl);
	xf_jw_obj_end(w);
}

XF_ID_HANDLER(xf_h_claims_approve, xf_point_claim cl;
              xf_point_result res,
              xf_point_claim_approve(&c, id, xf_val_str(&r->body_vals[0]), &cl,
                                     &res),
              XF_ANSWER(r, 200, approved_json, &cl, &res))

static const xf_field reason_fields[] = {
    {"reason", XF_F_STR, 1, 0, 1, 500, NULL, "理由"},
};
const xf_body_table xf_claims_reject_body = XF_BODY_TABLE(reason_fields);
const xf_body_table xf_ledger_reverse_body = XF_BODY_TABLE(reason_fields);

XF_ID_HANDLER(xf_h_claims_reject, const xf_val *v = r->body_vals;
              xf_point_claim cl, xf_point_claim_reject(&c, id, v[0].s, &cl),
              XF_ANSWER(r, 200, xf_point_claim_json, &cl))

/* ?page=&size=&org=&status= */
enum { CL_STATUS = XF_QP_ORG + 1 };
static const xf_param claim_list_params[] = {
    XF_PARAMS_ORG_PAGE,
    XF_PARAM_CODE("status", xf_claim_statuses, "申报状态"),
};
const xf_query_table xf_claims_list_query = XF_QUERY_TABLE(claim_list_params);

XF_LIST_HANDLER(xf_h_claims_list, xf_point_claim, xf_point_claim_json,
                xf_point_claim_list(&c, q[XF_QP_ORG].i, q[CL_STATUS].s,
                                    XF_LIST_OUT))

/* ---- ledger -------------------------------------------------------------*/

static const xf_field award_fields[] = {
    {"member_id", XF_F_ID, 0, 0, 0, 0, NULL, "党员"},
    {"org_id", XF_F_ID, 0, 0, 0, 0, NULL, "组织"},
    {"rule_id", XF_F_ID, 1, 0, 0, 0, NULL, "积分规则"},
    {"reason", XF_F_STR, 1, 0, 1, 500, NULL, "记分理由"},
    {"occurred_on", XF_F_DATE, 0, 0, 0, 0, NULL, "发生日期"},
};
const xf_body_table xf_ledger_create_body = XF_BODY_TABLE(award_fields);

static void answer_entry_result(xf_req *r, int status,
                                const xf_point_result *res)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "id", res->entry.id);
	answer_result(&w, res);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

/* The award of a checked body v: a member's or an organization's (0),
 * or -1 with the refusal written when it names both or neither. */
static int award_input(xf_req *r, const xf_val *v, xf_point_award_input *in)
{
	if (!v[0].present == !v[1].present) {
		xf_reply_error(r, 422, "invalid_field",
		               "应指定党员（member_id）或组织（org_id）之一",
		               "member_id");
		return -1;
	}
	*in =
	    (xf_point_award_input){.member_id = v[0].i,
	                           .org_id = v[1].i,
	                           .rule_id = v[2].i,
	                           .reason = v[3].s,
	                           .occurred_on = v[4].present ? v[4].s : NULL};
	return 0;
}

XF_READ_HANDLER(xf_h_ledger_create, xf_point_award_input in;
                xf_point_result res, award_input(r, r->body_vals, &in),
                xf_point_award(&c, &in, &res),
                answer_entry_result(r, 201, &res))

XF_ID_HANDLER(xf_h_ledger_reverse, const xf_val *v = r->body_vals;
              xf_point_result res, xf_point_reverse(&c, id, v[0].s, &res),
              answer_entry_result(r, 201, &res))

XF_ID_HANDLER(xf_h_ledger_get, xf_point_entry e,
              xf_point_entry_read(&c, id, &e),
              XF_ANSWER(r, 200, xf_point_entry_json, &e))

/* ?page=&size=&org=&member_id=&period= */
enum { LL_PAGE, LL_SIZE, LL_ORG, LL_MEMBER, LL_PERIOD };
static const xf_param ledger_list_params[] = {
    XF_PARAM_PAGE,   XF_PARAM_SIZE,
    XF_PARAM_ORG,    {.name = "member_id", .type = XF_Q_ID},
    XF_PARAM_PERIOD,
};
const xf_query_table xf_ledger_list_query = XF_QUERY_TABLE(ledger_list_params);

XF_LIST_HANDLER(xf_h_ledger_list, xf_point_entry, xf_point_entry_json,
                xf_point_entry_list(&c, q[LL_MEMBER].i, q[LL_ORG].i,
                                    q[LL_PERIOD].s, XF_LIST_OUT))
