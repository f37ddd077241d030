/*
 * cache_scope.c - which cached answers callers may share (api.h): the
 * boards and lists of an organization, asked for by its id, by callers
 * whose roles reach that organization (a committee or secretary role at
 * it or above it, or the admin). Such an answer depends on the caller
 * only through its roles (the role set decides, e.g., whether personal
 * data is shown), and on records of the organization's subtree and of the
 * organizations above it only, so it is kept under the caller's role set
 * and anchored at the organization's path: a write elsewhere leaves it
 * (http/cache.h). Everything else (and an org the caller reads only as a
 * member of it) is kept per credential and dropped by any write.
 */
#include "api/api.h"

#include "api/input.h"
#include "base/buf.h"
#include "base/changes.h"
#include "service/orgs.h"

#include <stdlib.h>
#include <string.h>

/* The routes whose answers are the same for every caller with the same
 * roles, given an org the caller reads through them: reviewed one by one
 * (none reads the caller's user or member id when the org is given),
 * with the kinds of confined records each reads (the member list and the
 * tree read none: only organizations and members, whose writes change
 * everything). */
static const struct {
	const char *pattern;
	unsigned kinds;
} shared_routes[] = {
    {"/api/members", 0},
    {"/api/orgs/{id}/tree", 0},
    {"/api/orgs/{id}/children", 0},
    {"/api/leaderboards/members", XF_CHANGE_POINTS},
    {"/api/leaderboards/orgs", XF_CHANGE_POINTS},
    {"/api/compliance/board", XF_CHANGE_COMPLIANCE},
    {"/api/tasks/board", XF_CHANGE_TASKS},
};

int xf_api_cache_shared(const xf_route *route)
{
	if (strcmp(route->method, "GET") != 0)
		return -1;
	for (size_t i = 0; i < sizeof shared_routes / sizeof *shared_routes;
	     i++)
		if (strcmp(route->pattern, shared_routes[i].pattern) == 0)
			return (int)shared_routes[i].kinds;
	return -1;
}

/* A positive decimal id without sign or leading zeros; 0 otherwise. */
static int64_t parse_id(const char *s)
{
	if (!s || *s < '1' || *s > '9' || strlen(s) > 18)
		return 0;
	int64_t v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static int grant_cmp(const void *a, const void *b)
{
	const xf_grant *x = a, *y = b;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	return x->org_id < y->org_id ? -1 : x->org_id > y->org_id;
}

const char *xf_api_cache_scope(xf_req *r, xf_buf *key)
{
	const xf_principal *p = r->principal;
	if (!p || !r->route)
		return NULL;
	int64_t org =
	    parse_id(r->nparam > 0 ? r->param[0] : xf_req_query(r, "org"));
	if (!org)
		return NULL;
	const char *anchor = NULL;
	for (int i = 0; i < p->scope.n; i++) {
		const xf_grant *g = &p->scope.g[i];
		if (g->org_id == org && (g->role == XF_ROLE_COMMITTEE ||
		                         g->role == XF_ROLE_SECRETARY))
			anchor = g->org_path;
	}
	if (!anchor) {
		/* an org the caller reads through a role above it (or as the
		 * admin): anchored at its path, read once more */
		xf_ctx c;
		xf_org o;
		if (xf_api_ctx(r, &c) != 0 || xf_org_read(&c, org, &o) != XF_OK)
			return NULL;
		anchor = o.path;
	}
	/* the role set, in a fixed order */
	xf_grant sorted[XF_MAX_GRANTS];
	int n = p->scope.n;
	memcpy(sorted, p->scope.g, (size_t)n * sizeof *sorted);
	qsort(sorted, (size_t)n, sizeof *sorted, grant_cmp);
	xf_buf_adds(key, "roles:");
	for (int i = 0; i < n; i++) {
		xf_buf_addi(key, sorted[i].role);
		xf_buf_addc(key, '@');
		xf_buf_addi(key, sorted[i].org_id);
		xf_buf_addc(key, ';');
	}
	return anchor;
}
