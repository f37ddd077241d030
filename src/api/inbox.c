/*
 * inbox.c (api) - the caller's inbox: {"items":[…],"count":N,"today"} and
 * its count alone, {"count":N}. The count is the same computation as the
 * list (one number that never disagrees with it); polling it is cheap
 * because a GET answer is cached per credential until a write.
 */
#include "api/inbox.h"

#include "api/input.h"
#include "service/inbox.h"

/* Reads the caller's inbox into *in and opens the answer's object in w;
 * 0, or -1 with the answer written. */
static int inbox_begin(xf_req *r, xf_inbox *in, xf_jw *w)
{
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0 ||
	    xf_api_failed(r, &c, xf_inbox_read(&c, in)))
		return -1;
	xf_jw_init(w, &r->out);
	xf_jw_obj(w);
	return 0;
}

/* GET /api/inbox */
void xf_h_inbox(xf_req *r)
{
	xf_inbox in;
	xf_jw w;
	if (inbox_begin(r, &in, &w) != 0)
		return;
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < in.n; i++)
		xf_inbox_item_json(&w, &in.items[i]);
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "count", in.n);
	xf_jw_kstr(&w, "today", in.today);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* GET /api/inbox/count */
void xf_h_inbox_count(xf_req *r)
{
	xf_inbox in;
	xf_jw w;
	if (inbox_begin(r, &in, &w) != 0)
		return;
	xf_jw_kint(&w, "count", in.n);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}
