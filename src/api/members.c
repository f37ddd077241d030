/*
 * members.c (api) - /api/members: roster fields, masking by role, lists
 * with filters, transfers.
 */
#include "api/members.h"
#include "api/api.h"
#include "api/page.h"
#include "api/xlsx.h"

#include "api/input.h"
#include "base/jw.h"
#include "domain/members.h"
#include "model/member.h"
#include "model/pii.h"
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

/* Before an answer shows members[0..n) to the caller: when any of them
 * is shown unmasked, the read is audited (xf_member_pii_shown) and the
 * answer is kept out of the answer cache, so that every such read leaves
 * its record. 0, or -1 with the error answered (nothing is shown). */
static int pii_shown(xf_req *r, xf_ctx *c, const xf_member *ms, int n,
                     const char *via)
{
	for (int i = 0; i < n && !r->no_store; i++)
		r->no_store = xf_member_full_pii(c, &ms[i]);
	return xf_api_failed(r, c, xf_member_pii_shown(c, ms, n, via)) ? -1 : 0;
}

static void answer_member(xf_req *r, int status, xf_ctx *c, const xf_member *m)
{
	XF_ANSWER(r, status, xf_member_json, m, xf_member_full_pii(c, m));
}

XF_CTX_HANDLER(xf_h_members_create, xf_member_input in = {0}; xf_member m;
               to_input(r->body_vals, &in), xf_member_create(&c, &in, &m),
               answer_member(r, 201, &c, &m))

XF_ID_HANDLER(xf_h_members_patch, xf_member_input in = {0}; xf_member m;
              to_input(r->body_vals, &in), xf_member_update(&c, id, &in, &m),
              answer_member(r, 200, &c, &m))

XF_ID_HANDLER(xf_h_members_get, xf_member m, xf_member_read(&c, id, &m),
              if (pii_shown(r, &c, &m, 1, "detail") == 0)
                  answer_member(r, 200, &c, &m))

XF_ID_OK_HANDLER(xf_h_members_delete, xf_member_remove(&c, id))

/* ?page=&size=&org=&q=&status=&subtree=&sort= (the .xlsx: all pages) */
static const char *const sorts[] = {"name", "joined_on", "-joined_on", NULL};
enum { ML_Q = XF_QP_ORG + 1, ML_STATUS, ML_SUBTREE, ML_SORT };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_PAGE,
    {.name = "q", .type = XF_Q_STR, .max = 50},
    XF_PARAM_CODE("status", xf_member_statuses, "党员状态"),
    XF_PARAM_SUBTREE,
    {.name = "sort", .type = XF_Q_ENUM, .enums = sorts, .label = "排序方式"},
};
const xf_query_table xf_members_list_query = XF_QUERY_TABLE(list_params);

/* The members of the list's query from offset (at most limit); 0, or -1
 * with the answer written. */
static int load_list(xf_req *r, xf_ctx *c, int offset, int limit,
                     xf_member_page *p)
{
	const xf_val *q = r->query_vals;
	/* the service's sort: 0 none, then sorts[] from 1 */
	int sort = q[ML_SORT].present ? (int)q[ML_SORT].i + 1 : 0;
	if (xf_api_ctx(r, c) != 0)
		return -1;
	if (xf_api_failed(r, c,
	                  xf_member_list(c, q[XF_QP_ORG].i,
	                                 (int)q[ML_SUBTREE].i, q[ML_Q].s,
	                                 q[ML_STATUS].s, sort, offset, limit,
	                                 p)))
		return -1;
	return 0;
}

void xf_h_members_list(xf_req *r)
{
	int offset, limit;
	xf_ctx c;
	xf_member_page p;
	xf_query_page(r, &offset, &limit);
	if (load_list(r, &c, offset, limit, &p) != 0 ||
	    pii_shown(r, &c, p.items, p.n, "list") != 0)
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < p.n; i++)
		xf_member_json(&w, &p.items[i],
		               xf_member_full_pii(&c, &p.items[i]));
	xf_page_end(r, &w, p.total);
}

/* The rows of the roster in Excel, personal data as the JSON list shows
 * it to the caller (the masked values are kept per row, in buffers that
 * live until the row is written). */
typedef struct roster {
	const xf_member_page *p;
	const xf_ctx *c;
	char id[XF_PII_MAX], phone[XF_PII_MAX], birth[XF_PII_MAX];
} roster;

static void roster_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	roster *x = arg;
	const xf_member *m = &x->p->items[i];
	int see = xf_member_full_pii(x->c, m);
	const char *birth =
	    xf_pii_shown(XF_PII_BIRTH_DATE, m->birth_date, see, x->birth);
	if (!birth && m->birth_date && strlen(m->birth_date) >= 4) {
		/* masked: the year only, as the JSON's birth_year */
		memcpy(x->birth, m->birth_date, 4);
		x->birth[4] = '\0';
		birth = x->birth;
	}
	const char *text[] = {
	    NULL,
	    m->name,
	    xf_code_label(xf_genders, m->gender),
	    xf_pii_shown(XF_PII_ID_NUMBER, m->id_number, see, x->id),
	    birth,
	    xf_pii_shown(XF_PII_PHONE, m->phone, see, x->phone),
	    m->org_name,
	    xf_code_label(xf_member_statuses, m->status),
	    m->joined_on,
	    m->full_on,
	    m->ethnicity,
	    m->education,
	    m->position,
	};
	cells[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	for (int j = 1; j < (int)(sizeof text / sizeof text[0]); j++)
		cells[j] = (xf_xlsx_cell){text[j], 0, -1};
}

/* GET /api/members.xlsx: the roster of the list's query (all pages) in
 * Excel. */
void xf_h_members_xlsx(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	xf_member_page p;
	if (load_list(r, &c, 0, XF_XLSX_MAX_ROWS, &p) != 0 ||
	    xf_xlsx_rows_fit(r, p.total) != 0 ||
	    pii_shown(r, &c, p.items, p.n, "export") != 0)
		return;
	static const char *const heads[] = {
	    "序号",     "姓名",     "性别",     "身份证号码", "出生日期",
	    "手机号码", "所属组织", "党员状态", "入党日期",   "转正日期",
	    "民族",     "学历",     "职务"};
	static const double widths[] = {6,  12, 6,  22, 12, 15, 24,
	                                10, 12, 12, 8,  10, 20};
	const char *org = xf_xlsx_org_name(&c, q[XF_QP_ORG].i);
	const char *const filters[] = {
	    "组织",
	    org ? org : XF_XLSX_ALL_ORGS,
	    "范围",
	    q[ML_SUBTREE].i ? "含下级组织" : NULL,
	    "党员状态",
	    q[ML_STATUS].present
	        ? xf_code_label(xf_member_statuses, q[ML_STATUS].s)
	        : NULL,
	    "关键字",
	    q[ML_Q].s};
	roster x = {.p = &p, .c = &c};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("党员名册", heads, widths, "党员名册.xlsx");
	xf_xlsx_list_reply(r, c.now, &sheet,
	                   xf_xlsx_title(r, org, NULL, "党员名册"), filters, 4,
	                   p.n, roster_cells, &x);
}

static const xf_field transfer_fields[] = {
    {"to_org_id", XF_F_ID, 1, 0, 0, 0, NULL, "转入组织"},
    {"reason", XF_F_STR, 1, 0, 1, 500, NULL, "转接原因"},
};
const xf_body_table xf_members_transfer_body = XF_BODY_TABLE(transfer_fields);

XF_ID_HANDLER(xf_h_members_transfer, const xf_val *v = r->body_vals;
              xf_member m, xf_member_transfer(&c, id, v[0].i, v[1].s, &m),
              answer_member(r, 200, &c, &m))

XF_ID_ITEMS_HANDLER(xf_h_members_transfers, xf_transfer, xf_transfer_json,
                    xf_member_transfers(&c, id, XF_ITEMS_OUT))
