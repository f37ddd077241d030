/*
 * audit.c (api) - GET /api/audit with filters.
 */
#include "api/audit.h"
#include "api/api.h"
#include "api/page.h"

#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "service/audit.h"

/* ?page=&size=&entity=&action=&entity_id=&user_id= */
enum { Q_PAGE, Q_SIZE, Q_ENTITY, Q_ACTION, Q_ENTITY_ID, Q_USER_ID };
static const xf_param list_params[] = {
    XF_PARAM_PAGE,
    XF_PARAM_SIZE,
    {.name = "entity", .type = XF_Q_STR, .max = 32},
    {.name = "action", .type = XF_Q_STR, .max = 32},
    {.name = "entity_id", .type = XF_Q_ID},
    {.name = "user_id", .type = XF_Q_ID},
};
const xf_query_table xf_audit_list_query = XF_QUERY_TABLE(list_params);

void xf_h_audit_list(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_audit_filter f = {.entity = q[Q_ENTITY].s,
	                     .action = q[Q_ACTION].s,
	                     .entity_id = q[Q_ENTITY_ID].i,
	                     .user_id = q[Q_USER_ID].i};
	xf_ctx c;
	xf_audit_row *rows;
	int n;
	int64_t total;
	xf_query_page(r, &f.offset, &f.limit);
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c, xf_audit_list(&c, &f, &rows, &n, &total)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++) {
		char at[32];
		xf_time_iso(rows[i].at, at);
		xf_jw_obj(&w);
		xf_jw_kint(&w, "id", rows[i].id);
		xf_jw_kstr(&w, "at", at);
		xf_jw_kid(&w, "user_id", rows[i].user_id);
		xf_jw_kstr(&w, "username", rows[i].username);
		xf_jw_kstr(&w, "action", rows[i].action);
		xf_jw_kstr(&w, "entity", rows[i].entity);
		xf_jw_kid(&w, "entity_id", rows[i].entity_id);
		xf_jw_key(&w, "before");
		xf_jw_raw(&w, rows[i].before_json);
		xf_jw_key(&w, "after");
		xf_jw_raw(&w, rows[i].after_json);
		xf_jw_obj_end(&w);
	}
	xf_page_end(r, &w, total);
}
