/*
 * api.h - the HTTP API: the route table handed to the server, the
 * authenticator and the validator, and the caller of a request. The
 * handlers are declared in one header per resource (orgs.h, members.h,
 * tasks.h, …), next to the file that defines them.
 */
#ifndef XF_API_H
#define XF_API_H

#include "base/jw.h"
#include "domain/scope.h"
#include "http/server.h"
#include "model/user.h"

#include <stddef.h>

/* The caller of a request (r->principal); scope first, so the service
 * layer can take it as its xf_scope. Lives in the request arena. */
typedef struct xf_principal {
	xf_scope scope;
	xf_user user;
	const char *token;
	const char *csrf;
} xf_principal;

#define XF_ROLE_BIT(r) (1u << (r))

const xf_route *xf_api_routes(size_t *n);
int xf_api_authenticate(xf_req *r, const xf_route *route);
/*
 * The validator of every route (xf_http_config.validate, api/input.c):
 * each {x} of the path is a positive id (404), then the query string
 * against the route's query table (r->query_vals), then the body against
 * its body table (r->body_vals). Returns 0, or the status of the answer
 * it wrote.
 */
int xf_api_validate(xf_req *r, const xf_route *route);
/*
 * The answer cache's sharing (xf_http_config.cache_shared and
 * cache_scope, api/cache_scope.c): -1 unless answers of route may be
 * shared by callers with the same roles, else the kinds of records they
 * read (XF_CHANGE_*, base/changes.h); and, once the caller is known, its role
 * set appended to key and the path of the organization the answer is
 * anchored at (r's arena), or NULL when this answer is not shared.
 */
int xf_api_cache_shared(const xf_route *route);
const char *xf_api_cache_scope(xf_req *r, xf_buf *key);
/* Sets the version string reported by /api/health and the db name. */
void xf_api_set_info(const char *version, const char *db_name);

/* Shared answer helpers */
void xf_api_ok(xf_req *r); /* {"ok":true} */
/* Begins the answer of a new session (login, a judge's code): the caller
 * is user, the session cookie carries token, and w holds the opened
 * answer object with its "token" and "csrf"; the handler writes its
 * other members, ends the object and replies. */
void xf_api_session_begin(xf_req *r, xf_jw *w, const char *user,
                          const char *token, const char *csrf);

#endif
