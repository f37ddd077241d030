/*
 * duties.c (api) - /api/duties, /api/duties/{id}/evidence and
 * /api/duty-assignments: the duty lists (三级五岗) per organization, year,
 * level and post, copied from year to year; the people on the posts; the
 * evidence of what they did against each item. The list also in Excel
 * (/api/duties.xlsx).
 */
#include "api/duties.h"
#include "api/page.h"
#include "api/xlsx.h"

#include "api/api.h"
#include "api/input.h"
#include "base/date.h"
#include "domain/duties.h"
#include "domain/orgs.h"
#include "model/duty.h"

#include <stdio.h>
#include <string.h>

/* {"items":[…duties…],"total"} (and "copied" when >= 0). */
static void answer_duties(xf_req *r, int status, const xf_duty *ds, int n,
                          int64_t total, int64_t copied)
{
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++) {
		xf_duty_json_open(&w, &ds[i], xf_duty_level_title(ds[i].level),
		                  xf_duty_post_title(ds[i].post));
		xf_jw_obj_end(&w);
	}
	xf_page_items_end(&w, total);
	if (copied >= 0)
		xf_jw_kint(&w, "copied", copied);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

static void answer_duty(xf_req *r, int status, const xf_duty *d)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_duty_json_open(&w, d, xf_duty_level_title(d->level),
	                  xf_duty_post_title(d->post));
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

/* ---- duty items --------------------------------------------------------- */

enum { D_ORG, D_YEAR, D_LEVEL, D_POST, D_TITLE, D_CONTENT, D_SEQ, D_COUNT };
static const xf_field duty_fields[D_COUNT] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "制定组织"},
    {"year", XF_F_INT, 1, 0, 1900, 2200, NULL, "年度"},
    {"level", XF_F_ENUM, 1, 0, 0, 0, xf_org_kinds, "层级"},
    {"post", XF_F_ENUM, 1, 0, 0, 0, xf_duty_posts, "岗位"},
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "职责名称"},
    {"content", XF_F_STR, 0, 1, 0, 5000, NULL, "职责内容"},
    {"seq", XF_F_INT, 0, 0, 1, 1000, NULL, "序号"},
};
const xf_body_table xf_duties_create_body = XF_BODY_TABLE(duty_fields);

/* POST /api/duties: 201 with the item. */
/* The item of a checked create body v. */
static xf_duty_input duty_input(const xf_val *v)
{
	return (xf_duty_input){.org_id = v[D_ORG].i,
	                       .year = (int)v[D_YEAR].i,
	                       .level = v[D_LEVEL].s,
	                       .post = v[D_POST].s,
	                       .title = v[D_TITLE].s,
	                       .content = xf_val_str(&v[D_CONTENT]),
	                       .seq = v[D_SEQ].present ? (int)v[D_SEQ].i : 0};
}

XF_CTX_HANDLER(xf_h_duties_create, xf_duty_input in = duty_input(r->body_vals);
               xf_duty d, xf_duty_create(&c, &in, &d), answer_duty(r, 201, &d))

enum { U_TITLE, U_CONTENT, U_SEQ, U_COUNT };
static const xf_field patch_fields[U_COUNT] = {
    {"title", XF_F_STR, 0, 0, 1, 200, NULL, "职责名称"},
    {"content", XF_F_STR, 0, 1, 0, 5000, NULL, "职责内容"},
    {"seq", XF_F_INT, 0, 0, 1, 1000, NULL, "序号"},
};
const xf_body_table xf_duties_patch_body = XF_BODY_TABLE(patch_fields);

XF_ID_HANDLER(xf_h_duties_patch, const xf_val *v = r->body_vals;
              xf_duty_input in = {0}; xf_duty d;
              XF_TAKE_STR(&in, title, v[U_TITLE]);
              XF_TAKE_STR(&in, content, v[U_CONTENT]);
              XF_TAKE_INT(&in, seq, v[U_SEQ]), xf_duty_update(&c, id, &in, &d),
              answer_duty(r, 200, &d))

XF_ID_HANDLER(xf_h_duties_get, xf_duty d, xf_duty_read(&c, id, &d),
              answer_duty(r, 200, &d))

XF_ID_OK_HANDLER(xf_h_duties_delete, xf_duty_remove(&c, id))

/* GET /api/duties(.xlsx)?org=&year=&level=&post=&applicable=1 */
enum { DL_ORG = XF_QP_SIZE + 1, DL_YEAR, DL_LEVEL, DL_POST, DL_APPLICABLE };
static const xf_param list_params[] = {
    XF_PARAMS_PAGE,
    {.name = "org", .type = XF_Q_ID, .required = 1, .label = "组织"},
    XF_PARAM_YEAR,
    XF_PARAM_CODE("level", xf_org_kinds, "层级"),
    XF_PARAM_CODE("post", xf_duty_posts, "岗位"),
    {.name = "applicable", .type = XF_Q_BOOL},
};
const xf_query_table xf_duties_list_query = XF_QUERY_TABLE(list_params);

/* The duty items of the checked query v from offset (at most limit):
 * the list's and its Excel twin's one call. */
static int list(xf_ctx *c, const xf_val *v, int offset, int limit, xf_duty **ds,
                int *n, int64_t *total)
{
	xf_duty_query q = {.org_id = v[DL_ORG].i,
	                   .year = (int)v[DL_YEAR].i,
	                   .level = v[DL_LEVEL].s,
	                   .post = v[DL_POST].s,
	                   .applicable = (int)v[DL_APPLICABLE].i,
	                   .offset = offset,
	                   .limit = limit};
	if (q.level && !xf_duty_level_valid(q.level))
		return xf_invalid(c, "层级不正确", "level");
	if (q.applicable && !q.year)
		return xf_invalid(c, "请选择年度", "year");
	return xf_duty_list(c, &q, ds, n, total);
}

XF_CTX_HANDLER(xf_h_duties_list, int offset; int limit; xf_duty * ds; int n;
               int64_t total;
               xf_query_page(r, &offset, &limit),
               list(&c, r->query_vals, offset, limit, &ds, &n, &total),
               answer_duties(r, 200, ds, n, total, -1))

static void duty_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const xf_duty *d = &((const xf_duty *)arg)[i];
	cells[0] = (xf_xlsx_cell){NULL, d->seq, 0};
	cells[1] = (xf_xlsx_cell){NULL, d->year, 0};
	cells[2] = (xf_xlsx_cell){xf_duty_level_title(d->level), 0, -1};
	cells[3] = (xf_xlsx_cell){xf_duty_post_title(d->post), 0, -1};
	cells[4] = (xf_xlsx_cell){d->title, 0, -1};
	cells[5] = (xf_xlsx_cell){d->content, 0, -1};
	cells[6] = (xf_xlsx_cell){d->org_name, 0, -1};
}

/* The duty items ds[0..n) of total, of the checked query v, in Excel. */
static void duties_xlsx(xf_req *r, xf_ctx *c, const xf_val *v,
                        const xf_duty *ds, int n, int64_t total)
{
	if (xf_xlsx_rows_fit(r, total) != 0)
		return;
	static const char *const heads[] = {
	    "序号", "年度", "层级", "岗位", "职责事项", "具体内容", "制定组织"};
	static const double widths[] = {6, 8, 14, 16, 30, 50, 24};
	const char *org = xf_xlsx_org_name(c, v[DL_ORG].i);
	const char *year = xf_xlsx_year(r, &v[DL_YEAR]);
	const char *const filters[] = {
	    "组织", org,
	    "年度", year,
	    "层级", v[DL_LEVEL].s ? xf_duty_level_title(v[DL_LEVEL].s) : NULL,
	    "岗位", v[DL_POST].s ? xf_duty_post_title(v[DL_POST].s) : NULL,
	    "范围", v[DL_APPLICABLE].i ? "适用于本组织层级的事项" : NULL};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("责任清单", heads, widths, "三级五岗责任清单.xlsx");
	xf_xlsx_list_reply(r, c->now, &sheet,
	                   xf_xlsx_title(r, org, year, "三级五岗责任清单"),
	                   filters, 5, n, duty_cells, (void *)ds);
}

/* GET /api/duties.xlsx: the duty items of the list's query (all pages)
 * in Excel. */
XF_CTX_HANDLER(xf_h_duties_xlsx, const xf_val *v = r->query_vals; xf_duty * ds;
               int n;
               int64_t total, list(&c, v, 0, XF_XLSX_MAX_ROWS, &ds, &n, &total),
               duties_xlsx(r, &c, v, ds, n, total))

enum { C_ORG, C_FROM, C_TO, C_COUNT };
static const xf_field copy_fields[C_COUNT] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "制定组织"},
    {"from_year", XF_F_INT, 1, 0, 1900, 2200, NULL, "来源年度"},
    {"to_year", XF_F_INT, 1, 0, 1900, 2200, NULL, "目标年度"},
};
const xf_body_table xf_duties_copy_body = XF_BODY_TABLE(copy_fields);

/* POST /api/duties/copy: 201 with the target year's list. */
XF_CTX_HANDLER(xf_h_duties_copy, const xf_val *v = r->body_vals; xf_duty * ds;
               int n; int64_t copied,
                      xf_duty_copy(&c, v[C_ORG].i, (int)v[C_FROM].i,
                                   (int)v[C_TO].i, &ds, &n, &copied),
                      answer_duties(r, 201, ds, n, n, copied))

/* ---- evidence ----------------------------------------------------------- */

enum { E_AS, E_KIND, E_REF, E_TITLE, E_NOTE, E_ON, E_COUNT };
static const xf_field evidence_fields[E_COUNT] = {
    {"assignment_id", XF_F_ID, 1, 0, 0, 0, NULL, "岗位人员"},
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_duty_evidence_kinds, "佐证类型"},
    {"ref_id", XF_F_ID, 0, 1, 0, 0, NULL, "关联记录"},
    {"title", XF_F_STR, 0, 1, 1, 200, NULL, "履职事项"},
    {"note", XF_F_STR, 0, 1, 0, 2000, NULL, "说明"},
    {"on", XF_F_DATE, 0, 1, 0, 0, NULL, "履职日期"},
};
const xf_body_table xf_duty_evidence_create_body =
    XF_BODY_TABLE(evidence_fields);

/* POST /api/duties/{id}/evidence: 201 with the evidence. */
/* Evidence e with the title of its kind. */
static void evidence_json(xf_jw *w, const xf_duty_evidence *e)
{
	xf_duty_evidence_json(w, e, xf_duty_evidence_title(e->kind));
}

/* The evidence of a checked body v. */
static xf_duty_evidence_input evidence_input(const xf_val *v)
{
	return (xf_duty_evidence_input){
	    .assignment_id = v[E_AS].i,
	    .kind = v[E_KIND].s,
	    .ref_id = v[E_REF].present && !v[E_REF].is_null ? v[E_REF].i : 0,
	    .title = xf_val_str(&v[E_TITLE]),
	    .note = xf_val_str(&v[E_NOTE]),
	    .on = xf_val_str(&v[E_ON])};
}

XF_ID_HANDLER(xf_h_duty_evidence_create,
              xf_duty_evidence_input in = evidence_input(r->body_vals);
              xf_duty_evidence e, xf_duty_evidence_add(&c, id, &in, &e),
              XF_ANSWER(r, 201, evidence_json, &e))

/* GET /api/duties/{id}/evidence?assignment_id= */
static const xf_param evidence_list_params[] = {
    {.name = "assignment_id",
     .type = XF_Q_ID,
     .required = 1,
     .label = "岗位人员"},
};
const xf_query_table xf_duty_evidence_list_query =
    XF_QUERY_TABLE(evidence_list_params);

XF_ID_ITEMS_HANDLER(xf_h_duty_evidence_list, xf_duty_evidence, evidence_json,
                    xf_duty_evidence_list(&c, id, r->query_vals[0].i,
                                          XF_ITEMS_OUT))

XF_ID2_OK_HANDLER(xf_h_duty_evidence_delete,
                  xf_duty_evidence_remove(&c, id, id2))

/* ---- post holders ------------------------------------------------------- */

enum { A_ORG, A_YEAR, A_POST, A_MEMBER, A_USER, A_COUNT };
static const xf_field assign_fields[A_COUNT] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "组织"},
    {"year", XF_F_INT, 1, 0, 1900, 2200, NULL, "年度"},
    {"post", XF_F_ENUM, 1, 0, 0, 0, xf_duty_posts, "岗位"},
    {"member_id", XF_F_ID, 0, 0, 0, 0, NULL, "党员"},
    {"user_id", XF_F_ID, 0, 0, 0, 0, NULL, "用户"},
};
const xf_body_table xf_duty_assignments_create_body =
    XF_BODY_TABLE(assign_fields);

/* POST /api/duty-assignments: 201 with the assignment. */
void xf_h_duty_assignments_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	if (v[A_MEMBER].present == v[A_USER].present) {
		xf_reply_error(r, 422, "invalid_field",
		               "请选择党员（member_id 或 user_id 二选一）",
		               "member_id");
		return;
	}
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_duty_assign_input in = {
	    .org_id = v[A_ORG].i,
	    .year = (int)v[A_YEAR].i,
	    .post = v[A_POST].s,
	    .member_id = v[A_MEMBER].present ? v[A_MEMBER].i : 0,
	    .user_id = v[A_USER].present ? v[A_USER].i : 0};
	xf_duty_assignment as;
	if (xf_api_failed(r, &c, xf_duty_assign(&c, &in, &as)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_duty_assignment_json_open(&w, &as, xf_duty_level_title(as.org_kind),
	                             xf_duty_post_title(as.post));
	xf_jw_obj_end(&w);
	xf_reply_json(r, 201);
}

/* GET /api/duty-assignments(.xlsx)?org=&subtree=1&year=&member_id= */
enum { AL_MEMBER = XF_QP_YEAR + 1, AL_SUBTREE };
static const xf_param assignment_list_params[] = {
    XF_PARAMS_ORG_YEAR_PAGE,
    {.name = "member_id", .type = XF_Q_ID},
    XF_PARAM_SUBTREE,
};
const xf_query_table xf_duty_assignments_list_query =
    XF_QUERY_TABLE(assignment_list_params);

/* The assignments of the checked query q from offset (at most limit):
 * the list's and its Excel twin's one call. */
static int assignments(xf_ctx *c, const xf_val *q, int offset, int limit,
                       xf_duty_assignment **as, int *n, int64_t *total)
{
	return xf_duty_assignment_list(c, q[XF_QP_ORG].i, (int)q[AL_SUBTREE].i,
	                               (int)q[XF_QP_YEAR].i, q[AL_MEMBER].i,
	                               offset, limit, as, n, total);
}

/* Assignment a with the titles of its level and post. */
static void assignment_json(xf_jw *w, const xf_duty_assignment *a)
{
	xf_duty_assignment_json_open(w, a, xf_duty_level_title(a->org_kind),
	                             xf_duty_post_title(a->post));
	xf_jw_obj_end(w);
}

XF_LIST_HANDLER(xf_h_duty_assignments_list, xf_duty_assignment, assignment_json,
                assignments(&c, q, XF_LIST_OUT))

static void assignment_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const xf_duty_assignment *a = &((const xf_duty_assignment *)arg)[i];
	cells[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	cells[1] = (xf_xlsx_cell){NULL, a->year, 0};
	cells[2] = (xf_xlsx_cell){a->org_name, 0, -1};
	cells[3] = (xf_xlsx_cell){xf_duty_level_title(a->org_kind), 0, -1};
	cells[4] = (xf_xlsx_cell){xf_duty_post_title(a->post), 0, -1};
	cells[5] = (xf_xlsx_cell){a->member_name, 0, -1};
	cells[6] = (xf_xlsx_cell){NULL, (double)a->evidence_count, 0};
}

/* The assignments as[0..n) of total, of the checked query q, in Excel. */
static void assignments_xlsx(xf_req *r, xf_ctx *c, const xf_val *q,
                             const xf_duty_assignment *as, int n, int64_t total)
{
	if (xf_xlsx_rows_fit(r, total) != 0)
		return;
	static const char *const heads[] = {"序号", "年度", "组织",    "层级",
	                                    "岗位", "姓名", "履职记录"};
	static const double widths[] = {6, 8, 28, 14, 16, 12, 10};
	const char *org = xf_xlsx_org_name(c, q[XF_QP_ORG].i);
	const char *year = xf_xlsx_year(r, &q[XF_QP_YEAR]);
	const char *const filters[] = {
	    "组织", org ? org : XF_XLSX_ALL_ORGS,
	    "范围", q[AL_SUBTREE].i ? "含下级组织" : NULL,
	    "年度", year};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("岗位分配", heads, widths, "三级五岗岗位分配.xlsx");
	xf_xlsx_list_reply(r, c->now, &sheet,
	                   xf_xlsx_title(r, org, year, "三级五岗岗位分配"),
	                   filters, 3, n, assignment_cells, (void *)as);
}

/* GET /api/duty-assignments.xlsx: who holds which post (三级五岗), all
 * rows of the list's query, in Excel. */
XF_CTX_HANDLER(xf_h_duty_assignments_xlsx, const xf_val *q = r->query_vals;
               xf_duty_assignment * as; int n;
               int64_t total,
               assignments(&c, q, 0, XF_XLSX_MAX_ROWS, &as, &n, &total),
               assignments_xlsx(r, &c, q, as, n, total))

XF_ID_OK_HANDLER(xf_h_duty_assignments_delete, xf_duty_unassign(&c, id))
