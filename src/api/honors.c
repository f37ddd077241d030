/*
 * honors.c (api) - /api/honors: the honors and results registry (荣誉与成
 * 果), its year's counts (summary, also as Excel) and the proof files
 * (routes to api/attachments.c).
 */
#include "api/honors.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "api/xlsx.h"
#include "base/jw.h"
#include "domain/honors.h"
#include "model/honor.h"
#include "service/honors.h"

#include <string.h>

enum {
	F_TITLE,
	F_CATEGORY,
	F_LEVEL,
	F_GRADE,
	F_YEAR,
	F_BY,
	F_ON,
	F_ORG,
	F_MEMBER,
	F_BRAND,
	F_COUNT
};
/* The fields of an entry: required when creating (req 1), each optional
 * in a change; org_id or member_id names who holds it. */
#define HONOR_FIELDS(req)                                                       \
	{"title", XF_F_STR, req, 0, 1, 200, NULL, "荣誉名称"},                  \
	    {"category", XF_F_ENUM, req, 0, 0, 0, xf_honor_categories, "类别"}, \
	    {"level", XF_F_ENUM, req, 0, 0, 0, xf_honor_levels, "级别"},        \
	    {"grade", XF_F_ENUM, 0, 1, 0, 0, xf_honor_grades, "等次"},          \
	    {"year", XF_F_INT, req, 0, 1900, 2200, NULL, "年度"},               \
	    {"awarded_by", XF_F_STR, req, 0, 1, 100, NULL, "授予单位"},         \
	    {"awarded_on", XF_F_DATE, req, 0, 0, 0, NULL, "获奖日期"},          \
	    {"org_id", XF_F_ID, 0, 0, 0, 0, NULL, "获奖组织"},                  \
	    {"member_id", XF_F_ID, 0, 0, 0, 0, NULL, "获奖党员"},               \
	{                                                                       \
		"brand_id", XF_F_ID, 0, 1, 0, 0, NULL, "党建品牌"           \
	}

static const xf_field create_fields[F_COUNT] = {HONOR_FIELDS(1)};
const xf_body_table xf_honors_create_body = XF_BODY_TABLE(create_fields);
static const xf_field patch_fields[F_COUNT] = {HONOR_FIELDS(0)};
const xf_body_table xf_honors_patch_body = XF_BODY_TABLE(patch_fields);

/* The checked body as the service's input. */
static void honor_input(const xf_val *v, xf_honor_input *in)
{
	memset(in, 0, sizeof *in);
	XF_TAKE_STR(in, title, v[F_TITLE]);
	XF_TAKE_STR(in, category, v[F_CATEGORY]);
	XF_TAKE_STR(in, level, v[F_LEVEL]);
	XF_TAKE_STR(in, grade, v[F_GRADE]);
	XF_TAKE_INT(in, year, v[F_YEAR]);
	XF_TAKE_STR(in, awarded_by, v[F_BY]);
	XF_TAKE_STR(in, awarded_on, v[F_ON]);
	XF_TAKE_INT(in, org_id, v[F_ORG]);
	XF_TAKE_INT(in, member_id, v[F_MEMBER]);
	XF_TAKE_INT(in, brand_id, v[F_BRAND]);
}

/* POST /api/honors: 201 with the entry. */
XF_CTX_HANDLER(xf_h_honors_create, xf_honor_input in; xf_honor h;
               honor_input(r->body_vals, &in), xf_honor_create(&c, &in, &h),
               XF_ANSWER(r, 201, xf_honor_json, &h))

/* PATCH /api/honors/{id}: 200 with the entry. */
XF_ID_HANDLER(xf_h_honors_patch, xf_honor_input in; xf_honor h;
              honor_input(r->body_vals, &in), xf_honor_update(&c, id, &in, &h),
              XF_ANSWER(r, 200, xf_honor_json, &h))

XF_ID_HANDLER(xf_h_honors_get, xf_honor h, xf_honor_read(&c, id, &h),
              XF_ANSWER(r, 200, xf_honor_json, &h))

XF_ID_OK_HANDLER(xf_h_honors_delete, xf_honor_remove(&c, id))

/* GET /api/honors?org=&year=&category=&level=&grade=&member=&brand= */
enum { L_CAT = XF_QP_YEAR + 1, L_LEVEL, L_GRADE, L_MEMBER, L_BRAND };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_YEAR_PAGE,
    XF_PARAM_CODE("category", xf_honor_categories, "类别"),
    XF_PARAM_CODE("level", xf_honor_levels, "级别"),
    XF_PARAM_CODE("grade", xf_honor_grades, "等次"),
    {.name = "member", .type = XF_Q_ID},
    {.name = "brand", .type = XF_Q_ID},
};
const xf_query_table xf_honors_list_query = XF_QUERY_TABLE(list_params);

XF_LIST_HANDLER(xf_h_honors_list, xf_honor, xf_honor_json,
                xf_honor_list(&c, q[XF_QP_ORG].i,
                              &(xf_honor_filter){
                                  .year = (int)q[XF_QP_YEAR].i,
                                  .category = xf_val_str(&q[L_CAT]),
                                  .level = xf_val_str(&q[L_LEVEL]),
                                  .grade = xf_val_str(&q[L_GRADE]),
                                  .member_id = q[L_MEMBER].i,
                                  .brand_id = q[L_BRAND].i},
                              XF_LIST_OUT))

/* ?org=&year= (this year when absent) */
const xf_query_table xf_honors_summary_query =
    XF_QUERY_TABLE(xf_org_year_now_params);

/* Reads the summary of the query; -1 with the answer written. */
static int load_summary(xf_req *r, xf_honor_summary *s)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return -1;
	return xf_api_failed(r, &c,
	                     xf_honor_summary_read(&c, q[XF_QN_ORG].i,
	                                           (int)q[XF_QN_YEAR].i, s))
	           ? -1
	           : 0;
}

/* Writes key: {"<code>": count, ...} over every code, and key_phrase:
 * the counts as the speech says them ("一等奖1个、二等奖5个"). */
static void write_counts(xf_jw *w, const char *key, const xf_code_counts *k)
{
	xf_jw_key(w, key);
	xf_jw_obj(w);
	for (int i = 0; k->table[i].code; i++)
		xf_jw_kint(w, k->table[i].code, k->counts[i]);
	xf_jw_obj_end(w);
}

static const char *phrase(xf_req *r, const xf_code_counts *k)
{
	char *b = xf_arena_alloc(&r->arena, 512);
	if (b)
		xf_code_counts_phrase(k, b, 512);
	return b ? b : "";
}

/* GET /api/honors/summary?org=&year= → {"year","total","by_category",
 * "by_level","by_grade","phrases":{…},"items":[…],"items_total"}. */
void xf_h_honors_summary(xf_req *r)
{
	xf_honor_summary s;
	if (load_summary(r, &s) != 0)
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "year", r->query_vals[XF_QN_YEAR].i);
	xf_jw_kint(&w, "total", s.total);
	write_counts(&w, "by_category", &s.by_category);
	write_counts(&w, "by_level", &s.by_level);
	write_counts(&w, "by_grade", &s.by_grade);
	xf_jw_key(&w, "phrases");
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "category", phrase(r, &s.by_category));
	xf_jw_kstr(&w, "level", phrase(r, &s.by_level));
	xf_jw_kstr(&w, "grade", phrase(r, &s.by_grade));
	xf_jw_obj_end(&w);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < s.nitems; i++)
		xf_honor_json(&w, &s.items[i]);
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "items_total", s.total);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

static void honor_cells(void *arg, int i, xf_xlsx_cell *c)
{
	const xf_honor *h = &((const xf_honor_summary *)arg)->items[i];
	c[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	c[1] = (xf_xlsx_cell){h->title, 0, -1};
	c[2] = (xf_xlsx_cell){h->category, 0, -1};
	c[3] = (xf_xlsx_cell){h->level, 0, -1};
	c[4] = (xf_xlsx_cell){h->grade ? h->grade : "", 0, -1};
	c[5] = (xf_xlsx_cell){h->org_name, 0, -1};
	c[6] = (xf_xlsx_cell){h->member_name ? h->member_name : "", 0, -1};
	c[7] = (xf_xlsx_cell){h->awarded_by, 0, -1};
	c[8] = (xf_xlsx_cell){h->awarded_on, 0, -1};
	c[9] = (xf_xlsx_cell){h->brand_name ? h->brand_name : "", 0, -1};
}

/* One row a code of a counted table: 类别 / 级别 / 等次, name, count. */
typedef struct count_rows {
	const xf_code_counts *k[3];
	const char *what[3];
	int row_of[64][2]; /* (table, code) of each row */
	int n;
} count_rows;

static void count_cells(void *arg, int i, xf_xlsx_cell *c)
{
	const count_rows *x = arg;
	const xf_code_counts *k = x->k[x->row_of[i][0]];
	int j = x->row_of[i][1];
	c[0] = (xf_xlsx_cell){x->what[x->row_of[i][0]], 0, -1};
	c[1] = (xf_xlsx_cell){k->table[j].label, 0, -1};
	c[2] = (xf_xlsx_cell){NULL, k->counts[j], 0};
}

/* GET /api/honors/summary.xlsx?org=&year=: the counts, then the list. */
void xf_h_honors_summary_xlsx(xf_req *r)
{
	xf_honor_summary s;
	if (load_summary(r, &s) != 0)
		return;
	int year = (int)r->query_vals[XF_QN_YEAR].i;
	count_rows cr = {{&s.by_category, &s.by_level, &s.by_grade},
	                 {"类别", "级别", "等次"},
	                 {{0}},
	                 0};
	for (int t = 0; t < 3; t++)
		for (int j = 0; cr.k[t]->table[j].code && cr.n < 64; j++)
			if (cr.k[t]->counts[j]) {
				cr.row_of[cr.n][0] = t;
				cr.row_of[cr.n][1] = j;
				cr.n++;
			}
	static const char *const count_heads[] = {"统计口径", "项目", "数量"};
	static const double count_widths[] = {12, 16, 10};
	static const char *const item_heads[] = {
	    "序号",     "荣誉名称", "类别",     "级别",     "等次",
	    "获奖组织", "获奖党员", "授予单位", "获奖日期", "党建品牌"};
	static const double item_widths[] = {6,  36, 10, 8,  8,
	                                     24, 10, 20, 12, 16};
	const char *title =
	    xf_arena_printf(&r->arena, "%d年度荣誉与成果统计", year);
	const char *grades = phrase(r, &s.by_grade);
	const char *sub =
	    xf_arena_printf(&r->arena, "共 %lld 项%s%s", (long long)s.total,
	                    *grades ? "；" : "", grades);
	const xf_xlsx_table b[] = {{.sheet = "统计",
	                            .title = title,
	                            .subtitle = sub,
	                            .headers = count_heads,
	                            .widths = count_widths,
	                            .ncols = 3,
	                            .nrows = cr.n,
	                            .row = count_cells,
	                            .arg = &cr},
	                           {.sheet = "荣誉成果清单",
	                            .title = title,
	                            .subtitle = sub,
	                            .headers = item_heads,
	                            .widths = item_widths,
	                            .ncols = 10,
	                            .nrows = s.nitems,
	                            .row = honor_cells,
	                            .arg = &s},
	                           {0}};
	xf_xlsx_reply(
	    r, xf_arena_printf(&r->arena, "%d年度荣誉与成果.xlsx", year),
	    "荣誉与成果.xlsx", "荣誉与成果", xf_xlsx_tables_write, (void *)b);
}
