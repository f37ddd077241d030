/*
 * recruits.c (api) - /api/recruits: 发展党员. A person enters with the
 * application (POST), each step is recorded at /{id}/steps (422 with
 * code "rule" naming the rule the step breaks), the list by stage and
 * the due list (/due) show the next step and the days left.
 */
#include "api/recruits.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "base/jw.h"
#include "domain/members.h"
#include "domain/recruit.h"
#include "model/recruit.h"
#include "service/recruits.h"

/* {recruit…, "steps":[…], "timeline":[…]} */
static void detail_json(xf_jw *w, const xf_recruit_detail *d)
{
	xf_recruit_json_open(w, &d->r, d->may_see_pii);
	xf_jw_key(w, "steps");
	xf_jw_arr(w);
	for (int i = 0; i < d->n; i++)
		xf_recruit_entry_json(w, &d->steps[i]);
	xf_jw_arr_end(w);
	xf_jw_key(w, "timeline");
	xf_jw_arr(w);
	for (int i = 0; i < XF_RS_COUNT; i++)
		xf_recruit_line_json(w, &d->lines[i]);
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

enum { C_ORG, C_NAME, C_GENDER, C_IDNUM, C_PHONE, C_APPLIED, C_NOTE };
static const xf_field create_fields[] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "所属党支部"},
    {"name", XF_F_STR, 1, 0, 1, 50, NULL, "姓名"},
    {"gender", XF_F_ENUM, 1, 0, 0, 0, xf_genders, "性别"},
    {"id_number", XF_F_STR, 1, 0, 18, 18, NULL, "身份证号码"},
    {"phone", XF_F_STR, 1, 0, 1, 20, NULL, "手机号码"},
    {"applied_on", XF_F_DATE, 1, 0, 0, 0, NULL, "递交入党申请书日期"},
    {"note", XF_F_STR, 0, 1, 0, 2000, NULL, "备注"},
};
const xf_body_table xf_recruits_create_body = XF_BODY_TABLE(create_fields);

/* POST /api/recruits: 201 with the recruit, its steps and timeline. */
/* The applicant of a checked create body v. */
static xf_recruit_input recruit_input(const xf_val *v)
{
	return (xf_recruit_input){
	    .org_id = v[C_ORG].i,
	    .name = v[C_NAME].s,
	    .gender = v[C_GENDER].s,
	    .id_number = v[C_IDNUM].s,
	    .phone = v[C_PHONE].s,
	    .applied_on = v[C_APPLIED].s,
	    .note = xf_val_str(&v[C_NOTE]),
	};
}

XF_CTX_HANDLER(xf_h_recruits_create,
               xf_recruit_input in = recruit_input(r->body_vals);
               xf_recruit_detail d, xf_recruit_create(&c, &in, &d),
               XF_ANSWER(r, 201, detail_json, &d))

/* GET /api/recruits/{id} */
XF_ID_HANDLER(xf_h_recruits_get, xf_recruit_detail d,
              xf_recruit_read(&c, id, &d), XF_ANSWER(r, 200, detail_json, &d))

enum {
	S_STEP,
	S_ON,
	S_NOTE,
	S_ASSESS,
	S_REPORTS,
	S_DAYS,
	S_HOURS,
	S_MEMBERS,
	S_ABSENT,
	S_PRESENT,
	S_YES,
	S_EXTEND
};
static const xf_field step_fields[] = {
    {"step", XF_F_ENUM, 1, 0, 0, 0, xf_recruit_steps, "步骤"},
    {"done_on", XF_F_DATE, 1, 0, 0, 0, NULL, "日期"},
    {"note", XF_F_STR, 0, 1, 0, 2000, NULL, "情况说明"},
    {"assessments", XF_F_INT, 0, 0, 0, 100, NULL, "考察次数"},
    {"reports", XF_F_INT, 0, 0, 0, 200, NULL, "思想汇报份数"},
    {"training_days", XF_F_INT, 0, 0, 0, 365, NULL, "培训天数"},
    {"training_hours", XF_F_INT, 0, 0, 0, 2000, NULL, "培训学时"},
    {"members", XF_F_INT, 0, 0, 0, 100000, NULL, "有表决权的正式党员"},
    {"absent", XF_F_INT, 0, 0, 0, 100000, NULL, "经批准请假人数"},
    {"present", XF_F_INT, 0, 0, 0, 100000, NULL, "到会正式党员"},
    {"yes", XF_F_INT, 0, 0, 0, 100000, NULL, "赞成票"},
    {"extend_months", XF_F_INT, 0, 0, 0, 24, NULL, "延长预备期（月）"},
};
const xf_body_table xf_recruit_steps_create_body = XF_BODY_TABLE(step_fields);

static int int_of(const xf_val *v)
{
	return v->present && !v->is_null ? (int)v->i : 0;
}

/* The step of a checked body v. */
static xf_recruit_entry step_entry(const xf_val *v)
{
	return (xf_recruit_entry){
	    .step = v[S_STEP].s,
	    .done_on = v[S_ON].s,
	    .note = xf_val_str(&v[S_NOTE]),
	    .assessments = int_of(&v[S_ASSESS]),
	    .reports = int_of(&v[S_REPORTS]),
	    .training_days = int_of(&v[S_DAYS]),
	    .training_hours = int_of(&v[S_HOURS]),
	    .members = int_of(&v[S_MEMBERS]),
	    .absent = int_of(&v[S_ABSENT]),
	    .present = int_of(&v[S_PRESENT]),
	    .yes = int_of(&v[S_YES]),
	    .extend_months = int_of(&v[S_EXTEND]),
	};
}

/* POST /api/recruits/{id}/steps: 201 with the recruit as GET answers it;
 * 422 {"code":"rule"} when the rules refuse the step. */
XF_ID_HANDLER(xf_h_recruit_steps_create,
              xf_recruit_entry e = step_entry(r->body_vals);
              xf_recruit_detail d, xf_recruit_record(&c, id, &e, &d),
              XF_ANSWER(r, 201, detail_json, &d))

static void list_answer(xf_req *r, xf_ctx *c, int64_t org, const char *stage,
                        int due_only)
{
	int offset, limit;
	xf_query_page(r, &offset, &limit);
	xf_recruit *rs;
	int n;
	int64_t total;
	if (xf_api_failed(r, c,
	                  xf_recruit_list(c, org, stage, due_only, offset,
	                                  limit, &rs, &n, &total)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++)
		xf_recruit_json(&w, &rs[i], xf_recruit_full_pii(c, &rs[i]));
	xf_page_end(r, &w, total);
}

/* GET /api/recruits?org=&stage=&page=&size= */
enum { L_STAGE = XF_QP_ORG + 1 };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_PAGE,
    XF_PARAM_CODE("stage", xf_recruit_stages, "阶段"),
};
const xf_query_table xf_recruits_list_query = XF_QUERY_TABLE(list_params);

void xf_h_recruits_list(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	list_answer(r, &c, q[XF_QP_ORG].i,
	            q[L_STAGE].present ? q[L_STAGE].s : "", 0);
}

/* GET /api/recruits/due?org=&page=&size=: the earliest due first. */
const xf_query_table xf_recruits_due_query = XF_QUERY_TABLE(xf_org_page_params);

void xf_h_recruits_due(xf_req *r)
{
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	list_answer(r, &c, r->query_vals[XF_QP_ORG].i, "", 1);
}
