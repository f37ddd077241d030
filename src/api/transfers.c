/*
 * transfers.c (api) - /api/transfers: 组织关系转接 (new, list with
 * overdue=1, one) and its steps (/approve, /reject, /arrive).
 */
#include "api/transfers.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "base/jw.h"
#include "domain/members.h"
#include "domain/transfers.h"
#include "model/transfer.h"
#include "service/transfers.h"

#include <string.h>

enum {
	F_KIND,
	F_MEMBER,
	F_TO,
	F_OUTSIDE,
	F_LETTER,
	F_ISSUED,
	F_REASON,
	F_NAME,
	F_GENDER,
	F_IDNUM,
	F_PHONE,
	F_STATUS,
	F_JOINED,
};
static const xf_field create_fields[] = {
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_transfer_kinds, "转接类型"},
    {"member_id", XF_F_ID, 0, 1, 0, 0, NULL, "党员"},
    {"to_org_id", XF_F_ID, 0, 1, 0, 0, NULL, "转入组织"},
    {"outside_org", XF_F_STR, 0, 1, 1, 100, NULL, "系统外党组织"},
    {"letter_no", XF_F_STR, 1, 0, 1, 40, NULL, "介绍信编号"},
    {"issued_on", XF_F_DATE, 1, 0, 0, 0, NULL, "介绍信开具日期"},
    {"reason", XF_F_STR, 0, 1, 0, 200, NULL, "转接原因"},
    {"person_name", XF_F_STR, 0, 1, 1, 40, NULL, "姓名"},
    {"gender", XF_F_ENUM, 0, 1, 0, 0, xf_genders, "性别"},
    {"id_number", XF_F_STR, 0, 1, 18, 18, NULL, "身份证号码"},
    {"phone", XF_F_STR, 0, 1, 11, 11, NULL, "手机号码"},
    {"status", XF_F_ENUM, 0, 1, 0, 0, xf_member_statuses, "党员类别"},
    {"joined_on", XF_F_DATE, 0, 1, 0, 0, NULL, "入党日期"},
};
const xf_body_table xf_transfers_create_body = XF_BODY_TABLE(create_fields);

/* The transfer of a checked create body v. */
static xf_org_transfer transfer_input(const xf_val *v)
{
	const char *kind = v[F_KIND].s;
	int is_out = strcmp(kind, "out") == 0, is_in = strcmp(kind, "in") == 0;
	return (xf_org_transfer){
	    .kind = kind,
	    .member_id = v[F_MEMBER].i,
	    .to_org_id = is_out ? 0 : v[F_TO].i,
	    .outside_from = is_in ? xf_val_str(&v[F_OUTSIDE]) : NULL,
	    .outside_to = is_out ? xf_val_str(&v[F_OUTSIDE]) : NULL,
	    .letter_no = v[F_LETTER].s,
	    .issued_on = v[F_ISSUED].s,
	    .reason = xf_val_str(&v[F_REASON]),
	    .person_name = xf_val_str(&v[F_NAME]),
	    .gender = xf_val_str(&v[F_GENDER]),
	    .id_number = xf_val_str(&v[F_IDNUM]),
	    .phone = xf_val_str(&v[F_PHONE]),
	    .status = xf_val_str(&v[F_STATUS]),
	    .joined_on = xf_val_str(&v[F_JOINED]),
	};
}

/* POST /api/transfers: 201 with the transfer, state applied. */
XF_CTX_HANDLER(xf_h_transfers_create,
               xf_org_transfer in = transfer_input(r->body_vals);
               xf_org_transfer t, xf_transfer_create(&c, &in, &t),
               XF_ANSWER(r, 201, xf_org_transfer_json, &t))

/* GET /api/transfers?org=&state=&overdue=1&page=&size= */
enum { L_STATE = XF_QP_ORG + 1, L_OVERDUE };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_PAGE,
    XF_PARAM_CODE("state", xf_transfer_states, "状态"),
    {.name = "overdue", .type = XF_Q_BOOL},
};
const xf_query_table xf_transfers_list_query = XF_QUERY_TABLE(list_params);

XF_LIST_HANDLER(xf_h_transfers_list, xf_org_transfer, xf_org_transfer_json,
                xf_transfer_list(&c, q[XF_QP_ORG].i, xf_val_str(&q[L_STATE]),
                                 (int)q[L_OVERDUE].i, XF_LIST_OUT))

XF_ID_HANDLER(xf_h_transfers_get, xf_org_transfer t,
              xf_transfer_read(&c, id, &t),
              XF_ANSWER(r, 200, xf_org_transfer_json, &t))

static const xf_field step_fields[] = {
    {"note", XF_F_STR, 0, 1, 0, 200, NULL, "意见"},
};
const xf_body_table xf_transfers_step_body = XF_BODY_TABLE(step_fields);

static void step(xf_req *r, xf_transfer_action action, const char *day,
                 const char *note)
{
	xf_ctx c;
	int64_t id;
	xf_org_transfer t;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (!xf_api_failed(r, &c,
	                   xf_transfer_act(&c, id, action, day, note, &t)))
		XF_ANSWER(r, 200, xf_org_transfer_json, &t);
}

/* POST /api/transfers/{id}/approve {"note"}: the side whose turn it is. */
void xf_h_transfers_approve(xf_req *r)
{
	step(r, XF_TR_APPROVE, NULL, xf_val_str(&r->body_vals[0]));
}

/* POST /api/transfers/{id}/reject {"note"}: returned (已退回). */
void xf_h_transfers_reject(xf_req *r)
{
	step(r, XF_TR_REJECT, NULL, xf_val_str(&r->body_vals[0]));
}

static const xf_field arrive_fields[] = {
    {"arrived_on", XF_F_DATE, 0, 1, 0, 0, NULL, "到达日期"},
    {"note", XF_F_STR, 0, 1, 0, 200, NULL, "意见"},
};
const xf_body_table xf_transfers_arrive_body = XF_BODY_TABLE(arrive_fields);

/* POST /api/transfers/{id}/arrive {"arrived_on","note"}: 已到达. */
void xf_h_transfers_arrive(xf_req *r)
{
	step(r, XF_TR_ARRIVE, xf_val_str(&r->body_vals[0]),
	     xf_val_str(&r->body_vals[1]));
}
