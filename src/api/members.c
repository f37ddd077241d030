/*
 * members.c (api) - /api/members: roster fields, masking by role, lists
 * with filters, transfers.
 */
#include "api/members.h"
#include "api/api.h"
#include "api/page.h"

#include "api/input.h"
#include "base/jw.h"
#include "domain/members.h"
#include "model/member.h"
#include "service/members.h"

#include <string.h>

enum {
	F_NAME,
	F_GENDER,
	F_IDN,
	F_PHONE,
	F_ORG,
	F_STATUS,
	F_JOINED,
	F_FULL,
	F_ETHN,
	F_EDU,
	F_POS,
	F_COUNT
};

#define MEMBER_FIELDS(req)                                                      \
	{                                                                       \
		{"name", XF_F_STR, req, 0, 1, 100, NULL, "姓名"},               \
		    {"gender", XF_F_ENUM, req, 0, 0, 0, xf_genders, "性别"},    \
		    {"id_number", XF_F_STR, req, 0, 1, 18, NULL, "身份证号码"}, \
		    {"phone", XF_F_STR, req, 0, 1, 20, NULL, "手机号码"},       \
		    {"org_id", XF_F_ID, req, 0, 0, 0, NULL, "所属组织"},        \
		    {"status", XF_F_ENUM,          req,       0, 0,             \
		     0,        xf_member_statuses, "党员状态"},                 \
		    {"joined_on", XF_F_DATE, req, 0, 0, 0, NULL, "入党日期"},   \
		    {"full_on", XF_F_DATE, 0, 1, 0, 0, NULL, "转正日期"},       \
		    {"ethnicity", XF_F_STR, 0, 1, 0, 20, NULL, "民族"},         \
		    {"education", XF_F_STR, 0, 1, 0, 20, NULL, "学历"},         \
		    {"position", XF_F_STR, 0, 1, 0, 100, NULL, "职务"},         \
	}

static const xf_field create_fields[F_COUNT] = MEMBER_FIELDS(1);
const xf_body_table xf_members_create_body = XF_BODY_TABLE(create_fields);

static const xf_field patch_fields[F_COUNT] = MEMBER_FIELDS(0);
const xf_body_table xf_members_patch_body = XF_BODY_TABLE(patch_fields);

static void to_input(const xf_val *v, xf_member_input *in)
{
	XF_TAKE_STR(in, name, v[F_NAME]);
	XF_TAKE_STR(in, gender, v[F_GENDER]);
	XF_TAKE_STR(in, id_number, v[F_IDN]);
	XF_TAKE_STR(in, phone, v[F_PHONE]);
	XF_TAKE_STR(in, status, v[F_STATUS]);
	XF_TAKE_STR(in, joined_on, v[F_JOINED]);
	XF_TAKE_STR(in, full_on, v[F_FULL]);
	XF_TAKE_STR(in, ethnicity, v[F_ETHN]);
	XF_TAKE_STR(in, education, v[F_EDU]);
	XF_TAKE_STR(in, position, v[F_POS]);
	XF_TAKE_INT(in, org_id, v[F_ORG]);
	/* "x" is written for "X" often enough to accept it */
	if (in->id_number && strlen(in->id_number) == 18 &&
	    in->id_number[17] == 'x')
		((char *)in->id_number)[17] = 'X';
}

static void answer_member(xf_req *r, int status, xf_ctx *c, const xf_member *m)
{
	XF_ANSWER(r, status, xf_member_json, m, xf_member_full_pii(c, m));
}

void xf_h_members_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_member_input in = {0};
	xf_ctx c;
	xf_member m;
	if (xf_api_ctx(r, &c) != 0)
		return;
	to_input(v, &in);
	if (!xf_api_failed(r, &c, xf_member_create(&c, &in, &m)))
		answer_member(r, 201, &c, &m);
}

void xf_h_members_patch(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_member_input in = {0};
	xf_ctx c;
	xf_member m;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	to_input(v, &in);
	if (!xf_api_failed(r, &c, xf_member_update(&c, id, &in, &m)))
		answer_member(r, 200, &c, &m);
}

void xf_h_members_get(xf_req *r)
{
	xf_ctx c;
	xf_member m;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_member_read(&c, id, &m)))
		answer_member(r, 200, &c, &m);
}

void xf_h_members_delete(xf_req *r)
{
	xf_ctx c;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_member_remove(&c, id)))
		xf_api_ok(r);
}

/* ?page=&size=&org=&q=&status=&subtree=&sort= */
static const char *const sorts[] = {"name", "joined_on", "-joined_on", NULL};
enum { ML_PAGE, ML_SIZE, ML_ORG, ML_Q, ML_STATUS, ML_SUBTREE, ML_SORT };
static const xf_param list_params[] = {
    XF_PARAM_PAGE,
    XF_PARAM_SIZE,
    XF_PARAM_ORG,
    {.name = "q", .type = XF_Q_STR, .max = 50},
    {.name = "status",
     .type = XF_Q_ENUM,
     .codes = xf_member_statuses,
     .label = "党员状态"},
    XF_PARAM_SUBTREE,
    {.name = "sort", .type = XF_Q_ENUM, .enums = sorts, .label = "排序方式"},
};
const xf_query_table xf_members_list_query = XF_QUERY_TABLE(list_params);

void xf_h_members_list(xf_req *r)
{
	const xf_val *q = r->query_vals;
	/* the service's sort: 0 none, then sorts[] from 1 */
	int sort = q[ML_SORT].present ? (int)q[ML_SORT].i + 1 : 0;
	int offset, limit;
	xf_ctx c;
	xf_member_page p;
	xf_query_page(r, &offset, &limit);
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_member_list(&c, q[ML_ORG].i, (int)q[ML_SUBTREE].i,
	                                 q[ML_Q].s, q[ML_STATUS].s, sort,
	                                 offset, limit, &p)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < p.n; i++)
		xf_member_json(&w, &p.items[i],
		               xf_member_full_pii(&c, &p.items[i]));
	xf_page_end(r, &w, p.total);
}

static const xf_field transfer_fields[] = {
    {"to_org_id", XF_F_ID, 1, 0, 0, 0, NULL, "转入组织"},
    {"reason", XF_F_STR, 1, 0, 1, 500, NULL, "转接原因"},
};
const xf_body_table xf_members_transfer_body = XF_BODY_TABLE(transfer_fields);

void xf_h_members_transfer(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	xf_member m;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (!xf_api_failed(r, &c,
	                   xf_member_transfer(&c, id, v[0].i, v[1].s, &m)))
		answer_member(r, 200, &c, &m);
}

void xf_h_members_transfers(xf_req *r)
{
	xf_ctx c;
	xf_transfer *t;
	int n;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (xf_api_failed(r, &c, xf_member_transfers(&c, id, &t, &n)))
		return;
	XF_PAGE_ANSWER(r, xf_transfer_json, t, n, n);
}
