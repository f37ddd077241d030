/*
 * audit.c (api) - GET /api/audit with filters, and the same rows in Excel
 * (GET /api/audit.xlsx).
 */
#include "api/audit.h"
#include "api/api.h"
#include "api/page.h"
#include "api/xlsx.h"

#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/audit.h"
#include "service/audit.h"

#include <stdio.h>

/* ?page=&size=&entity=&action=&entity_id=&user_id= */
enum { Q_ENTITY = XF_QP_SIZE + 1, Q_ACTION, Q_ENTITY_ID, Q_USER_ID };
static const xf_param list_params[] = {
    XF_PARAMS_PAGE,
    {.name = "entity", .type = XF_Q_STR, .max = 32},
    {.name = "action", .type = XF_Q_STR, .max = 32},
    {.name = "entity_id", .type = XF_Q_ID},
    {.name = "user_id", .type = XF_Q_ID},
};
const xf_query_table xf_audit_list_query = XF_QUERY_TABLE(list_params);

/* The audit rows of the checked query q from offset (at most limit): the
 * list's and its Excel twin's one call. */
static int list(xf_ctx *c, const xf_val *q, int offset, int limit,
                xf_audit_row **rows, int *n, int64_t *total)
{
	xf_audit_filter f = {.entity = q[Q_ENTITY].s,
	                     .action = q[Q_ACTION].s,
	                     .entity_id = q[Q_ENTITY_ID].i,
	                     .user_id = q[Q_USER_ID].i,
	                     .offset = offset,
	                     .limit = limit};
	return xf_audit_list(c, &f, rows, n, total);
}

/* The page of the list; never cached: reads write to the log too
 * (read_pii) without emptying the answer cache. */
static int uncached_page(xf_req *r, xf_ctx *c, const xf_val *q, int offset,
                         int limit, xf_audit_row **rows, int *n, int64_t *total)
{
	r->no_store = 1;
	return list(c, q, offset, limit, rows, n, total);
}

/* One audit row a. */
static void row_json(xf_jw *w, const xf_audit_row *a)
{
	char at[32];
	xf_time_iso(a->at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", a->id);
	xf_jw_kstr(w, "at", at);
	xf_jw_kid(w, "user_id", a->user_id);
	xf_jw_kstr(w, "username", a->username);
	xf_jw_kstr(w, "action", a->action);
	xf_jw_kstr(w, "entity", a->entity);
	xf_jw_kid(w, "entity_id", a->entity_id);
	xf_jw_key(w, "before");
	xf_jw_raw(w, a->before_json);
	xf_jw_key(w, "after");
	xf_jw_raw(w, a->after_json);
	xf_jw_obj_end(w);
}

XF_LIST_HANDLER(xf_h_audit_list, xf_audit_row, row_json,
                uncached_page(r, &c, q, XF_LIST_OUT))

typedef struct audit_rows {
	xf_req *r;
	const xf_audit_row *rows;
} audit_rows;

/* A code's label, or the code itself when the list does not know it. */
static const char *label_or_code(const xf_code *t, const char *code)
{
	const char *l = xf_code_label(t, code);
	return *l ? l : code;
}

static void audit_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const audit_rows *x = arg;
	const xf_audit_row *a = &x->rows[i];
	cells[0] = (xf_xlsx_cell){xf_xlsx_time(x->r, a->at), 0, -1};
	cells[1] = (xf_xlsx_cell){a->username, 0, -1};
	cells[2] =
	    (xf_xlsx_cell){label_or_code(xf_audit_actions, a->action), 0, -1};
	cells[3] =
	    (xf_xlsx_cell){label_or_code(xf_audit_entities, a->entity), 0, -1};
	cells[4] = a->entity_id ? (xf_xlsx_cell){NULL, (double)a->entity_id, 0}
	                        : (xf_xlsx_cell){"", 0, -1};
	cells[5] = (xf_xlsx_cell){a->before_json, 0, -1};
	cells[6] = (xf_xlsx_cell){a->after_json, 0, -1};
}

/* The audit rows[0..n) of total, of the checked query q, in Excel. */
static void audit_xlsx(xf_req *r, const xf_ctx *c, const xf_val *q,
                       const xf_audit_row *rows, int n, int64_t total)
{
	if (xf_xlsx_rows_fit(r, total) != 0)
		return;
	static const char *const heads[] = {"时间",     "操作人",   "操作",
	                                    "对象类型", "对象编号", "变更前",
	                                    "变更后"};
	static const double widths[] = {20, 14, 12, 14, 10, 50, 50};
	char eid[24] = "", uid[24] = "";
	if (q[Q_ENTITY_ID].present)
		snprintf(eid, sizeof eid, "%lld", (long long)q[Q_ENTITY_ID].i);
	if (q[Q_USER_ID].present)
		snprintf(uid, sizeof uid, "%lld", (long long)q[Q_USER_ID].i);
	const char *const filters[] = {
	    "范围",
	    XF_XLSX_ALL_ORGS,
	    "对象类型",
	    q[Q_ENTITY].s ? label_or_code(xf_audit_entities, q[Q_ENTITY].s)
	                  : NULL,
	    "操作",
	    q[Q_ACTION].s ? label_or_code(xf_audit_actions, q[Q_ACTION].s)
	                  : NULL,
	    "对象编号",
	    eid,
	    "用户编号",
	    uid};
	audit_rows x = {r, rows};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("操作日志", heads, widths, "操作日志.xlsx");
	xf_xlsx_list_reply(r, c->now, &sheet, "操作日志", filters, 5, n,
	                   audit_cells, &x);
}

/* GET /api/audit.xlsx: the audit rows of the list's query (all pages),
 * newest first, in Excel. */
XF_CTX_HANDLER(xf_h_audit_xlsx, const xf_val *q = r->query_vals;
               xf_audit_row * rows; int n;
               int64_t total,
               list(&c, q, 0, XF_XLSX_MAX_ROWS, &rows, &n, &total),
               audit_xlsx(r, &c, q, rows, n, total))
