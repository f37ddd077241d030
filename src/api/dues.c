/*
 * dues.c (api) - /api/dues: bases (/base), payments (/payments), the
 * year's grid and its Excel twin (/api/dues.xlsx), the unpaid list
 * (/unpaid), the totals per organization (/totals, /totals.xlsx), and
 * /api/me/dues.
 */
#include "api/dues.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "api/xlsx.h"
#include "base/jw.h"
#include "domain/dues.h"
#include "model/dues.h"
#include "service/dues.h"

enum { B_MEMBER, B_YEAR, B_INCOME, B_CATEGORY };
static const xf_field base_fields[] = {
    {"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
    {"year", XF_F_INT, 1, 0, 2000, 2200, NULL, "年度"},
    {"income_fen", XF_F_INT, 1, 0, 0, XF_DUES_INCOME_MAX, NULL, "月收入（分）"},
    {"category", XF_F_ENUM, 0, 1, 0, 0, xf_dues_categories, "党员类别"},
};
const xf_body_table xf_dues_base_body = XF_BODY_TABLE(base_fields);

/* PUT /api/dues/base {"member_id","year","income_fen"[,"category"]} →
 * the base with its monthly_fen */
XF_CTX_HANDLER(xf_h_dues_base_put, const xf_val *v = r->body_vals;
               xf_dues_base b,
               xf_dues_base_set(&c, v[B_MEMBER].i, (int)v[B_YEAR].i,
                                xf_val_str(&v[B_CATEGORY]), v[B_INCOME].i, &b),
               XF_ANSWER(r, 200, xf_dues_base_json, &b))

enum { P_MEMBER, P_MONTHS, P_AMOUNT, P_PAID_ON, P_PAYER };
static const xf_field pay_fields[] = {
    {"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
    {"months", XF_F_ARRAY, 1, 0, 0, XF_DUES_PAY_MONTHS, NULL, "缴纳月份"},
    {"amount_fen", XF_F_INT, 1, 0, 0, XF_DUES_PAY_MONTHS *XF_DUES_INCOME_MAX,
     NULL, "缴纳金额（分）"},
    {"paid_on", XF_F_DATE, 0, 1, 0, 0, NULL, "缴纳日期"},
    {"payer", XF_F_STR, 0, 1, 0, 50, NULL, "代缴人"},
};
const xf_body_table xf_dues_pay_body = XF_BODY_TABLE(pay_fields);

/* POST /api/dues/payments {"member_id","months":["YYYY-MM"…],
 * "amount_fen"[,"paid_on","payer"]} → 201 {"items":[payment…],"total"} */
void xf_h_dues_pay(xf_req *r)
{
	const xf_val *v = r->body_vals;
	json_t *arr = v[P_MONTHS].j;
	int n = (int)json_array_size(arr);
	const char **months = xf_input_calloc(r, (size_t)n + 1, sizeof *months);
	if (!months)
		return;
	for (int i = 0; i < n; i++) {
		static const xf_field month_field = {
		    "months", XF_F_STR, 1, 0, 7, 7, NULL, "缴纳月份"};
		xf_val x;
		char *at = xf_arena_printf(&r->arena, "months[%d]", i);
		if (xf_input_value(r, &month_field,
		                   json_array_get(arr, (size_t)i), &x, at) != 0)
			return;
		months[i] = x.s;
	}
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_dues_payment *p;
	if (xf_api_failed(r, &c,
	                  xf_dues_pay(&c, v[P_MEMBER].i, months, n,
	                              v[P_AMOUNT].i, xf_val_str(&v[P_PAID_ON]),
	                              xf_val_str(&v[P_PAYER]), &p)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++)
		xf_dues_payment_json(&w, &p[i]);
	xf_page_items_end(&w, n);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 201);
}

/* ?org=&year=&page=&size= of the grid and the unpaid list (this year
 * when year is absent) */
enum { G_YEAR = XF_QP_ORG + 1 };
static const xf_param grid_params[] = {
    XF_PARAMS_ORG_PAGE,
    XF_PARAM_YEAR_NOW,
};
const xf_query_table xf_dues_grid_query = XF_QUERY_TABLE(grid_params);
const xf_query_table xf_dues_unpaid_query = XF_QUERY_TABLE(grid_params);

static int load_grid(xf_req *r, xf_ctx *c, int offset, int limit,
                     xf_dues_row **rows, int *n, int64_t *total)
{
	const xf_val *q = r->query_vals;
	if (xf_api_ctx(r, c) != 0)
		return -1;
	if (xf_api_failed(r, c,
	                  xf_dues_grid(c, q[XF_QP_ORG].i, (int)q[G_YEAR].i,
	                               offset, limit, rows, n, total)))
		return -1;
	return 0;
}

/* Starts the answer of a page of rows[0..n) of total in year: the items,
 * the total and the year; the caller adds its keys and ends the object. */
static void rows_begin(xf_req *r, xf_jw *w, const xf_dues_row *rows, int n,
                       int64_t total, int64_t year)
{
	xf_page_begin(r, w);
	for (int i = 0; i < n; i++)
		xf_dues_row_json(w, &rows[i]);
	xf_page_items_end(w, total);
	xf_jw_kint(w, "year", year);
}

/* GET /api/dues?org=&year=&page=&size= → {"year","items":[row…],"total"} */
void xf_h_dues_grid(xf_req *r)
{
	int offset, limit, n;
	xf_ctx c;
	xf_dues_row *rows;
	int64_t total;
	xf_query_page(r, &offset, &limit);
	if (load_grid(r, &c, offset, limit, &rows, &n, &total) != 0)
		return;
	xf_jw w;
	rows_begin(r, &w, rows, n, total, r->query_vals[G_YEAR].i);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

typedef struct grid_sheet {
	const xf_dues_row *rows;
} grid_sheet;

static const char *month_mark(const xf_dues_row *row, int m)
{
	const char *s = xf_dues_month_state(row, m);
	if (s[0] == 'p')
		return "✓";
	if (s[0] == 'u' && s[1] == 'n')
		return "未缴";
	if (s[0] == 'u')
		return "";
	return "—";
}

static void grid_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	grid_sheet *g = arg;
	const xf_dues_row *row = &g->rows[i];
	cells[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	cells[1] = (xf_xlsx_cell){row->name, 0, -1};
	cells[2] = (xf_xlsx_cell){row->org_name, 0, -1};
	cells[3] = (xf_xlsx_cell){
	    row->category ? xf_code_label(xf_dues_categories, row->category)
	                  : "未核定",
	    0, -1};
	cells[4] = row->has_base
	               ? (xf_xlsx_cell){NULL, (double)row->monthly_fen / 100, 2}
	               : (xf_xlsx_cell){"", 0, -1};
	for (int m = 1; m <= 12; m++)
		cells[4 + m] = (xf_xlsx_cell){month_mark(row, m), 0, -1};
	cells[17] = (xf_xlsx_cell){NULL, (double)row->paid_fen / 100, 2};
	cells[18] = (xf_xlsx_cell){NULL, (double)row->unpaid_fen / 100, 2};
}

/* GET /api/dues.xlsx?org=&year=: the grid as one sheet. */
void xf_h_dues_grid_xlsx(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	xf_dues_row *rows;
	int n;
	int64_t total;
	if (load_grid(r, &c, 0, XF_XLSX_MAX_ROWS, &rows, &n, &total) != 0 ||
	    xf_xlsx_rows_fit(r, total) != 0)
		return;
	static const char *const heads[] = {
	    "序号", "姓名", "所属组织",   "党员类别",  "月缴纳额（元）",
	    "1月",  "2月",  "3月",        "4月",       "5月",
	    "6月",  "7月",  "8月",        "9月",       "10月",
	    "11月", "12月", "已缴（元）", "欠缴（元）"};
	static const double widths[] = {6, 10, 24, 12, 14, 6, 6, 6,  6, 6,
	                                6, 6,  6,  6,  6,  6, 6, 12, 12};
	const char *org = xf_xlsx_org_name(&c, q[XF_QP_ORG].i);
	const char *year =
	    xf_arena_printf(&r->arena, "%lld", (long long)q[G_YEAR].i);
	const char *const filters[] = {"组织", org ? org : XF_XLSX_ALL_ORGS,
	                               "年度", year};
	grid_sheet g = {rows};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("党费缴纳", heads, widths, "dues.xlsx");
	xf_xlsx_list_reply(r, c.now, &sheet,
	                   xf_xlsx_title(r, org, year, "年度党费缴纳情况"),
	                   filters, 2, n, grid_cells, &g);
}

/* GET /api/dues/unpaid?org=&year=&page=&size= → {"year","items":[row…],
 * "total","unpaid_fen","unpaid_months"} */
void xf_h_dues_unpaid(xf_req *r)
{
	const xf_val *q = r->query_vals;
	int offset, limit, n;
	xf_ctx c;
	xf_dues_row *rows;
	int64_t total, fen, months;
	xf_query_page(r, &offset, &limit);
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_dues_unpaid(&c, q[XF_QP_ORG].i, (int)q[G_YEAR].i,
	                                 offset, limit, &rows, &n, &total, &fen,
	                                 &months)))
		return;
	xf_jw w;
	rows_begin(r, &w, rows, n, total, q[G_YEAR].i);
	xf_jw_kint(&w, "unpaid_fen", fen);
	xf_jw_kint(&w, "unpaid_months", months);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* ?org=&year= of the totals */
const xf_query_table xf_dues_totals_query =
    XF_QUERY_TABLE(xf_org_year_now_params);

static int load_totals(xf_req *r, xf_ctx *c, xf_dues_total **rows, int *n,
                       xf_dues_total *sum)
{
	const xf_val *q = r->query_vals;
	if (xf_api_ctx(r, c) != 0)
		return -1;
	if (xf_api_failed(r, c,
	                  xf_dues_totals(c, q[XF_QN_ORG].i,
	                                 (int)q[XF_QN_YEAR].i, rows, n, sum)))
		return -1;
	return 0;
}

/* GET /api/dues/totals?org=&year= → {"year","items":[total…],"total":{…}}
 */
void xf_h_dues_totals(xf_req *r)
{
	xf_ctx c;
	xf_dues_total *rows, sum;
	int n;
	if (load_totals(r, &c, &rows, &n, &sum) != 0)
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "year", r->query_vals[XF_QN_YEAR].i);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++)
		xf_dues_total_json(&w, &rows[i]);
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "total");
	xf_dues_total_json(&w, &sum);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

typedef struct totals_sheet {
	const xf_dues_total *rows;
	int top_depth;
	xf_arena *a;
} totals_sheet;

static void totals_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	totals_sheet *g = arg;
	const xf_dues_total *t = &g->rows[i];
	int indent = t->depth - g->top_depth;
	if (indent < 0)
		indent = 0;
	cells[0] = (xf_xlsx_cell){
	    xf_arena_printf(g->a, "%*s%s", 2 * indent, "", t->org_name), 0, -1};
	cells[1] = (xf_xlsx_cell){NULL, (double)t->members, 0};
	cells[2] = (xf_xlsx_cell){NULL, (double)t->no_base, 0};
	cells[3] = (xf_xlsx_cell){NULL, (double)t->due_fen / 100, 2};
	cells[4] = (xf_xlsx_cell){NULL, (double)t->paid_fen / 100, 2};
	cells[5] = (xf_xlsx_cell){NULL, (double)t->unpaid_fen / 100, 2};
	cells[6] = (xf_xlsx_cell){NULL, (double)t->unpaid_members, 0};
	cells[7] = (xf_xlsx_cell){NULL, (double)t->unpaid_months, 0};
}

/* GET /api/dues/totals.xlsx?org=&year= */
void xf_h_dues_totals_xlsx(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	xf_dues_total *rows, sum;
	int n;
	if (load_totals(r, &c, &rows, &n, &sum) != 0)
		return;
	static const char *const heads[] = {
	    "组织",       "党员数",     "未核定基数", "应缴（元）",
	    "已缴（元）", "欠缴（元）", "欠缴人数",   "欠缴月数"};
	static const double widths[] = {32, 8, 10, 14, 14, 14, 10, 10};
	const char *org = xf_xlsx_org_name(&c, q[XF_QN_ORG].i);
	const char *year =
	    xf_arena_printf(&r->arena, "%lld", (long long)q[XF_QN_YEAR].i);
	const char *const filters[] = {"组织", org ? org : XF_XLSX_ALL_ORGS,
	                               "年度", year};
	totals_sheet g = {rows, n ? rows[0].depth : 0, &r->arena};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("党费统计", heads, widths, "dues-totals.xlsx");
	xf_xlsx_list_reply(r, c.now, &sheet,
	                   xf_xlsx_title(r, org, year, "年度党费收缴统计"),
	                   filters, 2, n, totals_cells, &g);
}

/* ?year= of a member's own dues */
static const xf_param mine_params[] = {
    XF_PARAM_YEAR_NOW,
};
const xf_query_table xf_dues_mine_query = XF_QUERY_TABLE(mine_params);

/* GET /api/me/dues?year= → the caller's row (as in the grid) */
XF_CTX_HANDLER(xf_h_dues_mine, xf_dues_row row,
               xf_dues_mine(&c, (int)r->query_vals[0].i, &row),
               XF_ANSWER(r, 200, xf_dues_row_json, &row))
