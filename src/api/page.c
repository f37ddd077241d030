/*
 * page.c - the list answers of the API (see page.h).
 */
#include "api/page.h"

void xf_page_begin(xf_req *r, xf_jw *w)
{
	xf_jw_init(w, &r->out);
	xf_jw_obj(w);
	xf_jw_key(w, "items");
	xf_jw_arr(w);
}

void xf_page_items_end(xf_jw *w, int64_t total)
{
	xf_jw_arr_end(w);
	xf_jw_kint(w, "total", total);
}

void xf_page_end(xf_req *r, xf_jw *w, int64_t total)
{
	xf_page_items_end(w, total);
	xf_jw_obj_end(w);
	xf_reply_json(r, 200);
}
