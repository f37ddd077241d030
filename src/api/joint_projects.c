/*
 * joint_projects.c (api) - /api/joint-projects and /api/central-work-tags:
 * parse and check input, call the service, write the answers.
 */
#include "api/joint_projects.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "api/tasks.h"
#include "api/xlsx.h"
#include "base/jw.h"
#include "domain/honors.h"
#include "domain/joint_projects.h"
#include "service/joint_projects.h"

#include <stddef.h>
#include <string.h>

/* ---- bodies ------------------------------------------------------------ */

enum {
	J_TITLE,
	J_GOALS,
	J_OUTCOMES,
	J_STATUS,
	J_YEAR,
	J_CLUSTER,
	J_PARTNERS,
	J_TAGS,
	J_ORG, /* create only from here */
	J_START,
	J_DUE,
	J_MS,
	J_COUNT
};

#define JP_FIELDS(req)                                                         \
	{"title", XF_F_STR, req, 0, 1, 200, NULL, "项目名称"},                 \
	    {"goals", XF_F_STR, 0, 1, 0, 5000, NULL, "项目目标"},              \
	    {"outcomes", XF_F_STR, 0, 1, 0, 5000, NULL, "项目成果"},           \
	    {"status",  XF_F_ENUM, 0, 0, 0, 0, xf_joint_project_statuses,      \
	     "项目状态"},                                                      \
	    {"year", XF_F_INT, 0, 0, 2000, 2200, NULL, "项目年度"},            \
	    {"cluster_id", XF_F_ID, 0, 1, 0, 0, NULL, "所属片区"},             \
	    {"partner_ids",      XF_F_ARRAY, 0,         1, 0,                  \
	     XF_JP_MAX_PARTNERS, NULL,       "共建单位"},                      \
	{                                                                      \
		"tag_ids", XF_F_ARRAY, 0, 1, 0, XF_JP_MAX_TAGS, NULL,          \
		    "中心工作标签"                                       \
	}

static const xf_field create_fields[J_COUNT] = {
    JP_FIELDS(1),
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "牵头单位"},
    {"start_on", XF_F_DATE, 1, 0, 0, 0, NULL, "开始日期"},
    {"due_on", XF_F_DATE, 1, 0, 0, 0, NULL, "完成日期"},
    {"milestones", XF_F_ARRAY, 0, 0, 0, XF_TASK_MAX_MILESTONES, NULL,
     "时间节点"},
};
const xf_body_table xf_joint_projects_create_body =
    XF_BODY_TABLE(create_fields);
static const xf_field patch_fields[J_ORG] = {JP_FIELDS(0)};
const xf_body_table xf_joint_projects_patch_body = XF_BODY_TABLE(patch_fields);

/* The ids of array arr (NULL or null: none), each a positive integer
 * checked as field f, none twice: 0 with *ids (*n) in r's arena, or -1
 * with a 422 naming f written. */
static int id_list(xf_req *r, json_t *arr, const xf_field *f, int64_t **ids,
                   int *n)
{
	size_t len = json_array_size(arr);
	int64_t *out = xf_input_calloc(r, len + 1, sizeof *out);
	if (!out)
		return -1;
	const xf_field one_f = {f->name, XF_F_ID, 1, 0, 0, 0, NULL, f->label};
	for (size_t i = 0; i < len; i++) {
		xf_val one = {0};
		if (xf_input_value(r, &one_f, json_array_get(arr, i), &one,
		                   f->name) != 0)
			return -1;
		out[i] = one.i;
	}
	*ids = out;
	*n = (int)len;
	return 0;
}

/* Reads a checked body (create: with the lead, dates and milestones) into
 * in; -1 with the error answer written. */
static int jp_body(xf_req *r, int create, xf_jp_input *in)
{
	const xf_val *v = r->body_vals;
	const xf_field *f = create ? create_fields : patch_fields;
	memset(in, 0, sizeof *in);
	XF_TAKE_STR(in, title, v[J_TITLE]);
	XF_TAKE_STR(in, goals, v[J_GOALS]);
	XF_TAKE_STR(in, outcomes, v[J_OUTCOMES]);
	XF_TAKE_STR(in, status, v[J_STATUS]);
	XF_TAKE_INT(in, year, v[J_YEAR]);
	XF_TAKE_INT(in, cluster_id, v[J_CLUSTER]);
	int64_t *ids;
	in->has_partner_ids = v[J_PARTNERS].present;
	in->has_tag_ids = v[J_TAGS].present;
	if (id_list(r, v[J_PARTNERS].j, &f[J_PARTNERS], &ids, &in->npartners) !=
	    0)
		return -1;
	in->partner_ids = ids;
	if (id_list(r, v[J_TAGS].j, &f[J_TAGS], &ids, &in->ntags) != 0)
		return -1;
	in->tag_ids = ids;
	if (!create)
		return 0;
	in->has_partner_ids = in->has_tag_ids = 1;
	in->org_id = v[J_ORG].i;
	in->start_on = v[J_START].s;
	in->due_on = v[J_DUE].s;
	return xf_input_milestones(r, v[J_MS].j, &in->milestones,
	                           &in->nmilestones);
}

/* The project with its task (and milestones) and reviews. */
static void answer_project(xf_req *r, int status, xf_ctx *c, int64_t id)
{
	xf_jp_page p;
	if (xf_api_failed(r, c, xf_jp_read(c, id, &p)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_joint_project_json_open(&w, &p.p);
	xf_jw_kbool(&w, "may_write", p.may_write);
	xf_jw_key(&w, "task");
	if (p.task.id) {
		xf_api_task_json_open(&w, &p.task, xf_date_today(c->now), p.ms,
		                      p.nms);
		xf_jw_obj_end(&w);
	} else {
		xf_jw_null(&w);
	}
	xf_jw_key(&w, "reviews");
	xf_jw_arr(&w);
	for (int i = 0; i < p.nreviews; i++)
		xf_jp_review_json(&w, &p.reviews[i]);
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

/* POST /api/joint-projects: 201 with the project. */
XF_READ_HANDLER(xf_h_joint_projects_create, xf_jp_input in;
                xf_joint_project p, jp_body(r, 1, &in),
                xf_jp_create(&c, &in, &p), answer_project(r, 201, &c, p.id))

/* PATCH /api/joint-projects/{id}: the project. */
XF_ID_READ_HANDLER(xf_h_joint_projects_patch, xf_jp_input in;
                   xf_joint_project p, jp_body(r, 0, &in),
                   xf_jp_update(&c, id, &in, &p),
                   answer_project(r, 200, &c, id))

XF_ID_HANDLER(xf_h_joint_projects_get, (void)0, XF_OK,
              answer_project(r, 200, &c, id))

XF_ID_OK_HANDLER(xf_h_joint_projects_delete, xf_jp_remove(&c, id))

/* ---- lists ------------------------------------------------------------- */

/* ?page=&size=&cluster=&tag=&org=&year= (the .xlsx: all pages) */
enum { L_CLUSTER = XF_QP_SIZE + 1, L_TAG, L_ORG, L_YEAR };
static const xf_param list_params[] = {
    XF_PARAMS_PAGE,
    {.name = "cluster", .type = XF_Q_ID, .label = "片区"},
    {.name = "tag", .type = XF_Q_ID, .label = "中心工作标签"},
    XF_PARAM_ORG,
    {.name = "year",
     .type = XF_Q_INT,
     .min = 2000,
     .max = 2200,
     .label = "项目年度"},
};
const xf_query_table xf_joint_projects_list_query = XF_QUERY_TABLE(list_params);

typedef struct jp_list {
	xf_joint_project *items;
	int n;
	int64_t total;
} jp_list;

static int load_list(xf_req *r, xf_ctx *c, int offset, int limit, jp_list *l)
{
	const xf_val *q = r->query_vals;
	if (xf_api_ctx(r, c) != 0)
		return -1;
	xf_jp_filter f = {.cluster_id = q[L_CLUSTER].i,
	                  .tag_id = q[L_TAG].i,
	                  .org_id = q[L_ORG].i,
	                  .year = q[L_YEAR].present ? (int)q[L_YEAR].i : 0};
	if (xf_api_failed(
	        r, c,
	        xf_jp_list(c, &f, offset, limit, &l->items, &l->n, &l->total)))
		return -1;
	return 0;
}

void xf_h_joint_projects_list(xf_req *r)
{
	int offset, limit;
	xf_ctx c;
	jp_list l;
	xf_query_page(r, &offset, &limit);
	if (load_list(r, &c, offset, limit, &l) == 0)
		XF_PAGE_ANSWER(r, xf_joint_project_json, l.items, l.n, l.total);
}

/* The names of n records of size stride from base, each the string at
 * offset in its record, joined by "、" in a (a project's partners or
 * tags). */
static const char *names(xf_arena *a, const void *base, int n, size_t stride,
                         size_t offset)
{
	const char *s = "";
	for (int i = 0; i < n; i++)
		s = xf_arena_printf(a, "%s%s%s", s, i ? "、" : "",
		                    *(const char *const *)((const char *)base +
		                                           (size_t)i * stride +
		                                           offset));
	return s;
}

typedef struct jp_sheet {
	jp_list *l;
	xf_arena *a;
} jp_sheet;

static void project_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const jp_sheet *s = arg;
	const xf_joint_project *p = &s->l->items[i];
	const char *text[] = {
	    NULL,
	    p->title,
	    p->org_name,
	    names(s->a, p->partners, p->npartners, sizeof *p->partners,
	          offsetof(xf_jp_org, org_name)),
	    p->cluster_name,
	    names(s->a, p->tags, p->ntags, sizeof *p->tags,
	          offsetof(xf_cw_tag, name)),
	    xf_code_label(xf_joint_project_statuses, p->status),
	    p->goals,
	    p->outcomes,
	    p->last_grade,
	};
	cells[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	cells[1] = (xf_xlsx_cell){NULL, p->year, 0};
	for (int j = 1; j < 10; j++)
		cells[j + 1] = (xf_xlsx_cell){text[j], 0, -1};
	cells[11] = (xf_xlsx_cell){NULL, p->task_percent, 0};
}

/* GET /api/joint-projects.xlsx: the list's projects (all pages). */
void xf_h_joint_projects_xlsx(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	jp_list l;
	if (load_list(r, &c, 0, XF_XLSX_MAX_ROWS, &l) != 0 ||
	    xf_xlsx_rows_fit(r, l.total) != 0)
		return;
	static const char *const heads[] = {
	    "序号",     "年度",     "项目名称", "牵头单位",
	    "共建单位", "所属片区", "中心工作", "状态",
	    "项目目标", "项目成果", "年度评价", "进度（%）"};
	static const double widths[] = {6,  8,  30, 24, 36, 12,
	                                20, 10, 40, 40, 10, 10};
	const char *org = xf_xlsx_org_name(&c, q[L_ORG].i);
	const char *year = q[L_YEAR].present ? q[L_YEAR].s : NULL;
	const char *cluster = NULL, *tag = NULL;
	for (int i = 0; i < l.n && (q[L_CLUSTER].i || q[L_TAG].i); i++) {
		if (q[L_CLUSTER].i)
			cluster = l.items[i].cluster_name;
		for (int k = 0; k < l.items[i].ntags; k++)
			if (l.items[i].tags[k].id == q[L_TAG].i)
				tag = l.items[i].tags[k].name;
	}
	const char *const filters[] = {"组织",     org ? org : XF_XLSX_ALL_ORGS,
	                               "片区",     cluster,
	                               "中心工作", tag,
	                               "年度",     year};
	jp_sheet s = {&l, &r->arena};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("联建项目", heads, widths, "联建项目.xlsx");
	xf_xlsx_list_reply(r, c.now, &sheet, "党建联建项目", filters, 4, l.n,
	                   project_cells, &s);
}

/* ---- yearly review ------------------------------------------------------ */

static const xf_field review_fields[] = {
    {"grade", XF_F_ENUM, 1, 0, 0, 0, xf_brand_grades, "评价等次"},
    {"notes", XF_F_STR, 0, 1, 0, 2000, NULL, "评价意见"},
};
const xf_body_table xf_joint_projects_review_body =
    XF_BODY_TABLE(review_fields);

/* PUT /api/joint-projects/{id}/reviews/{year} {"grade","notes"}: the
 * project. */
XF_ID_YEAR_HANDLER(xf_h_joint_projects_review, const xf_val *v = r->body_vals;
                   xf_jp_review out,
                   xf_jp_review_put(&c, id, year, v[0].s, xf_val_str(&v[1]),
                                    &out),
                   answer_project(r, 200, &c, id))

/* ---- central-work tags -------------------------------------------------- */

XF_ITEMS_HANDLER(xf_h_cw_tags_list, xf_cw_tag, xf_cw_tag_json,
                 xf_cw_tag_list(&c, XF_ITEMS_OUT))

#define TAG_FIELDS(req)                                                        \
	{"name", XF_F_STR, req, 0, 1, 40, NULL, "标签名称"},                   \
	{                                                                      \
		"sort", XF_F_INT, 0, 0, 0, 9999, NULL, "排序"                \
	}
static const xf_field tag_create_fields[] = {TAG_FIELDS(1)};
const xf_body_table xf_cw_tags_create_body = XF_BODY_TABLE(tag_create_fields);
static const xf_field tag_patch_fields[] = {TAG_FIELDS(0)};
const xf_body_table xf_cw_tags_patch_body = XF_BODY_TABLE(tag_patch_fields);

XF_CTX_HANDLER(xf_h_cw_tags_create, const xf_val *v = r->body_vals;
               xf_cw_tag t, xf_cw_tag_create(&c, v[0].s, (int)v[1].i, &t),
               XF_ANSWER(r, 201, xf_cw_tag_json, &t))

XF_ID_HANDLER(xf_h_cw_tags_patch, const xf_val *v = r->body_vals;
              xf_cw_tag t,
              xf_cw_tag_update(&c, id, xf_val_str(&v[0]), v[1].present,
                               (int)v[1].i, &t),
              XF_ANSWER(r, 200, xf_cw_tag_json, &t))

XF_ID_OK_HANDLER(xf_h_cw_tags_delete, xf_cw_tag_remove(&c, id))
