/*
 * audit.c (api) - GET /api/audit with filters.
 */
#include "api/api.h"
#include "api/page.h"

#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "service/audit.h"

void xf_h_audit_list(xf_req *r)
{
	xf_audit_filter f = {0};
	xf_ctx c;
	xf_audit_row *rows;
	int n;
	int64_t total;
	if (xf_input_page(r, &f.offset, &f.limit) != 0 ||
	    xf_input_query_str(r, "entity", 32, &f.entity) != 0 ||
	    xf_input_query_str(r, "action", 32, &f.action) != 0 ||
	    xf_input_query_id(r, "entity_id", &f.entity_id) != 0 ||
	    xf_input_query_id(r, "user_id", &f.user_id) != 0 ||
	    xf_api_ctx(r, &c) != 0)
		return;
	if (xf_audit_list(&c, &f, &rows, &n, &total) != XF_OK) {
		xf_api_fail(r, &c);
		return;
	}
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
