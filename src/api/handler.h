/*
 * handler.h (api) - the one signature of every handler of the API. The
 * header of each resource declares its handlers with it,
 * `xf_api_handler xf_h_orgs_get;`, and its .c file defines each as
 * `void xf_h_orgs_get(xf_req *r)`: the server calls it with the request
 * once the route's caller and input are checked (api.h), and the handler
 * writes the answer.
 */
#ifndef XF_API_HANDLER_H
#define XF_API_HANDLER_H

#include "api/input.h"
#include "api/page.h"
#include "http/server.h"

typedef void xf_api_handler(xf_req *r);

/*
 * The two shapes most handlers have, each written once.
 *
 * XF_ID_HANDLER: the record of the path's id: the caller's context c and
 * id, declarations decl, one service call, and its answer when the call
 * succeeded (the error answer otherwise):
 *
 *   XF_ID_HANDLER(xf_h_activities_get, xf_activity a,
 *                 xf_activity_read(&c, id, &a),
 *                 XF_ANSWER(r, 200, xf_activity_json, &a))
 */
#define XF_ID_HANDLER(name, decl, call, answer)                                \
	XF_HANDLER_(name, int64_t id, xf_api_ctx_id(r, &c, &id), decl, call,   \
	            answer)
/* The same answering {"ok":true}: XF_ID_OK_HANDLER(name, call). */
#define XF_ID_OK_HANDLER(name, call)                                           \
	XF_ID_HANDLER(name, (void)0, call, xf_api_ok(r))

/* XF_ID2_HANDLER, XF_ID2_OK_HANDLER: the same for a route with two path
 * ids, /api/x/{id}/.../{id2} (the call may use id and id2). */
#define XF_ID2_HANDLER(name, decl, call, answer)                               \
	XF_HANDLER_(name, int64_t id; int64_t id2,                             \
	                              xf_api_ctx_id2(r, &c, &id, &id2), decl,  \
	                              call, answer)
#define XF_ID2_OK_HANDLER(name, call)                                          \
	XF_ID2_HANDLER(name, (void)0, call, xf_api_ok(r))

/* XF_ID_YEAR_HANDLER: the same for /api/x/{id}/.../{year} (the call may
 * use id and year). */
#define XF_ID_YEAR_HANDLER(name, decl, call, answer)                           \
	XF_HANDLER_(name, int64_t id; int year,                                \
	                              xf_api_ctx_id_year(r, &c, &id, &year),   \
	                              decl, call, answer)

/* XF_CTX_HANDLER, XF_CTX_OK_HANDLER: the same for a route without a path
 * id (the call may use c only). */
#define XF_CTX_HANDLER(name, decl, call, answer)                               \
	XF_HANDLER_(name, (void)0, xf_api_ctx(r, &c), decl, call, answer)
#define XF_CTX_OK_HANDLER(name, call)                                          \
	XF_CTX_HANDLER(name, (void)0, call, xf_api_ok(r))

/*
 * XF_READ_HANDLER, XF_ID_READ_HANDLER: the same with a step that reads
 * the body first, read: an expression that is 0, or not 0 once it has
 * written the refusal (the path's ids are checked before any handler
 * runs, so reading the body first refuses nothing else):
 *
 *   XF_READ_HANDLER(xf_h_users_create, xf_user_input in = {0}; xf_user u,
 *                   read_input(r, 0, &in), xf_user_create(&c, &in, &u),
 *                   XF_ANSWER(r, 201, xf_user_json, &u))
 */
#define XF_READ_HANDLER(name, decl, read, call, answer)                        \
	XF_HANDLER_(name, (void)0, (read) != 0 || xf_api_ctx(r, &c) != 0,      \
	            decl, call, answer)
#define XF_ID_READ_HANDLER(name, decl, read, call, answer)                     \
	XF_HANDLER_(name, int64_t id,                                          \
	            (read) != 0 || xf_api_ctx_id(r, &c, &id) != 0, decl, call, \
	            answer)
#define XF_ID2_READ_HANDLER(name, decl, read, call, answer)                    \
	XF_HANDLER_(name, int64_t id;                                          \
	            int64_t id2,                                               \
	            (read) != 0 || xf_api_ctx_id2(r, &c, &id, &id2) != 0,      \
	            decl, call, answer)

/* Their one body: ids declares the path's ids, ctx reads them and c. */
#define XF_HANDLER_(name, ids, ctx, decl, call, answer)                        \
	void name(xf_req *r)                                                   \
	{                                                                      \
		xf_ctx c;                                                      \
		ids;                                                           \
		decl;                                                          \
		if ((ctx) == 0 && !xf_api_failed(r, &c, call))                 \
			answer;                                                \
	}

/*
 * XF_LIST_HANDLER: a page of a list. The call may use the context c, the
 * checked query values q[], and XF_LIST_OUT for the page asked and its
 * answer (offset, limit, &items, &n, &total: items of type T); the
 * answer is {"items","total"}, each item written by write(w, &item):
 *
 *   XF_LIST_HANDLER(xf_h_brands_list, xf_brand, xf_brand_json,
 *                   xf_brand_list(&c, q[L_ORG].i, XF_LIST_OUT))
 */
#define XF_LIST_OUT offset, limit, &items, &n, &total
#define XF_LIST_HANDLER(name, T, write, call)                                  \
	XF_LIST_HANDLER_(name, (void)0, xf_api_ctx(r, &c), T, write, call)
/* XF_ID_LIST_HANDLER: the same for a list under the path's id (the call
 * may use id too). */
#define XF_ID_LIST_HANDLER(name, T, write, call)                               \
	XF_LIST_HANDLER_(name, int64_t id, xf_api_ctx_id(r, &c, &id), T,       \
	                 write, call)
/* Their one body, as XF_HANDLER_. */
#define XF_LIST_HANDLER_(name, ids, ctx, T, write, call)                       \
	void name(xf_req *r)                                                   \
	{                                                                      \
		const xf_val *q = r->query_vals;                               \
		xf_ctx c;                                                      \
		int offset, limit, n;                                          \
		int64_t total;                                                 \
		T *items;                                                      \
		ids;                                                           \
		(void)q;                                                       \
		xf_query_page(r, &offset, &limit);                             \
		if ((ctx) == 0 && !xf_api_failed(r, &c, call))                 \
			XF_PAGE_ANSWER(r, write, items, n, total);             \
	}

/*
 * XF_ID_ITEMS_HANDLER: every item of a list under the path's id, without
 * pages. The call may use c, id and XF_ITEMS_OUT (&items, &n: items of
 * type T); the answer is {"items","total"} with total n, each item
 * written by write(w, &item):
 *
 *   XF_ID_ITEMS_HANDLER(xf_h_org_terms_list, xf_term, xf_term_json,
 *                       xf_term_history(&c, id, XF_ITEMS_OUT))
 *
 * XF_ITEMS_HANDLER: the same without a path id.
 */
#define XF_ITEMS_OUT &l_.items, &l_.n
#define XF_ITEMS_DECL_(T)                                                      \
	struct {                                                               \
		T *items;                                                      \
		int n;                                                         \
	} l_
#define XF_ITEMS_ANSWER_(write) XF_PAGE_ANSWER(r, write, l_.items, l_.n, l_.n)
#define XF_ID_ITEMS_HANDLER(name, T, write, call)                              \
	XF_ID_HANDLER(name, XF_ITEMS_DECL_(T), call, XF_ITEMS_ANSWER_(write))
#define XF_ITEMS_HANDLER(name, T, write, call)                                 \
	XF_CTX_HANDLER(name, XF_ITEMS_DECL_(T), call, XF_ITEMS_ANSWER_(write))

#endif
