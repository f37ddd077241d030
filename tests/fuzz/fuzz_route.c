/*
 * fuzz_route.c - libFuzzer harness for the parts of a request URL the
 * server reads itself: route matching with captured path parameters
 * (http/server.c: xf_http_match), the route index and its lookup
 * (xf_route_index_new, xf_route_find) and the ids in paths and query
 * strings (api/input.c: xf_parse_id).
 *
 * The input is lines: a pattern and a URL (the first two), then more
 * patterns. Invariants:
 *   - a match captures at most XF_MAX_PARAMS segments, each non-empty and
 *     without '/', and putting the captures back into the pattern gives
 *     the URL again;
 *   - xf_parse_id accepts exactly 1..18 ASCII digits whose value is in
 *     [1, max], and gives that value;
 *   - the patterns as a route table (GET and POST by turns), indexed in
 *     their order and in the reverse order: both indexes are built or
 *     neither is, and looking up the URL gives the same route, captures
 *     and path_matched in both; the path matched iff some pattern matches
 *     it (xf_http_match); the route found has the method and matches, and
 *     no other matching route of the method is more specific (a literal
 *     segment where it has a {x}, at the first segment where they differ).
 *
 * sources: src/api/input.c src/http/server.c src/http/cache.c
 * sources: src/http/headers.c src/http/sse.c src/base/events.c
 * sources: src/http/reqlog.c
 * sources: src/base/arena.c src/base/changes.c
 * sources: src/base/buf.c src/base/jw.c src/base/utf8.c src/base/date.c
 * sources: src/service/ctx.c src/service/live.c src/store/audit.c
 * sources: src/store/db.c
 * sources: src/store/db_sqlite.c src/store/db_pgsql.c src/domain/scope.c
 * sources: src/domain/codes.c src/domain/audit.c src/store/orgs.c
 * sources: src/store/members.c src/base/seal.c
 * libs: jansson libmicrohttpd sqlite3 libpq libsodium
 */
#include "api/input.h"
#include "fuzz_common.h"
#include "http/server.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check_id(const char *s)
{
	int64_t v = 0;
	size_t n = strlen(s);
	int digits = n >= 1 && n <= 18 && strspn(s, "0123456789") == n;
	int64_t ref = digits ? strtoll(s, NULL, 10) : 0;
	int64_t max = INT64_MAX / 2;
	int ok = xf_parse_id(s, max, &v) == 0;
	if (ok != (digits && ref >= 1 && ref <= max))
		abort();
	if (ok && v != ref)
		abort();
}

#define MAX_ROUTES 16

static void h_none(xf_req *r)
{
	(void)r;
}

/* Whether pattern a is more specific than b for a path both match: at
 * the first segment where one has a literal and the other a {x}. */
static int more_specific(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a == '{' || *b == '{') {
			if ((*a == '{') != (*b == '{'))
				return *b == '{';
			a = strchr(a, '}');
			b = strchr(b, '}');
			if (!a || !b)
				return 0;
		}
		a++;
		b++;
	}
	return 0;
}

/* Looks the URL up in an index of routes; fills what it found. */
typedef struct found {
	const xf_route *route;
	int path_matched;
	int nparam;
	const char *param[XF_MAX_PARAMS];
} found;

static found find(const xf_route_index *ix, xf_req *r, const char *method,
                  const char *url)
{
	found f = {0};
	r->nparam = 0;
	f.route = xf_route_find(ix, r, method, url, &f.path_matched);
	f.nparam = r->nparam;
	for (int i = 0; i < r->nparam; i++)
		f.param[i] = r->param[i];
	return f;
}

static void check_index(xf_req *r, char **pats, size_t n, const char *url)
{
	xf_route fwd[MAX_ROUTES], rev[MAX_ROUTES];
	static const char *const methods[] = {"GET", "POST"};
	for (size_t i = 0; i < n; i++) {
		fwd[i] = (xf_route){methods[i % 2], pats[i], h_none, 0,
		                    NULL,           NULL,    0};
		rev[n - 1 - i] = fwd[i];
	}
	char err[256];
	xf_route_index *a = xf_route_index_new(fwd, n, err, sizeof err);
	xf_route_index *b = xf_route_index_new(rev, n, err, sizeof err);
	if (!a != !b)
		abort();
	if (!a)
		return;
	int any = 0;
	for (size_t i = 0; i < n; i++)
		any |= xf_http_match(r, pats[i], url);
	for (int m = 0; m < 2; m++) {
		found x = find(a, r, methods[m], url);
		found y = find(b, r, methods[m], url);
		if (x.path_matched != y.path_matched || x.path_matched != any)
			abort();
		if (!x.route != !y.route || x.nparam != y.nparam)
			abort();
		if (!x.route)
			continue;
		if (strcmp(x.route->pattern, y.route->pattern) != 0 ||
		    strcmp(x.route->method, methods[m]) != 0 ||
		    strcmp(y.route->method, methods[m]) != 0)
			abort();
		for (int i = 0; i < x.nparam; i++)
			if (strcmp(x.param[i], y.param[i]) != 0)
				abort();
		/* the captures are those of the reference matcher */
		if (!xf_http_match(r, x.route->pattern, url) ||
		    r->nparam != x.nparam)
			abort();
		for (int i = 0; i < x.nparam; i++)
			if (strcmp(x.param[i], r->param[i]) != 0)
				abort();
		for (size_t i = 0; i < n; i++)
			if (strcmp(fwd[i].method, methods[m]) == 0 &&
			    xf_http_match(r, pats[i], url) &&
			    more_specific(pats[i], x.route->pattern))
				abort();
	}
	/* a method without routes finds nothing */
	found z = find(a, r, "PUT", url);
	if (z.route || z.path_matched != any)
		abort();
	xf_route_index_free(a);
	xf_route_index_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *in = fuzz_cstr(data, size);
	char *lines[MAX_ROUTES + 1];
	size_t nlines = 0;
	for (char *p = in; p && nlines < MAX_ROUTES + 1;) {
		lines[nlines++] = p;
		p = strchr(p, '\n');
		if (p)
			*p++ = '\0';
	}
	const char *pat = lines[0], *url = nlines > 1 ? lines[1] : lines[0];
	check_id(pat);
	check_id(url);
	xf_req r;
	memset(&r, 0, sizeof r);
	xf_arena_init(&r.arena, 1 << 20);
	/* the patterns: the first line and the lines after the URL */
	char *pats[MAX_ROUTES];
	size_t npats = 0;
	for (size_t i = 0; i < nlines; i++)
		if (i != 1 || nlines == 1)
			pats[npats++] = lines[i];
	check_index(&r, pats, npats, url);
	r.nparam = 0;
	if (xf_http_match(&r, pat, url)) {
		if (r.nparam > XF_MAX_PARAMS)
			abort();
		/* rebuild the URL from the pattern and the captures */
		char out[8192];
		size_t o = 0;
		int k = 0;
		for (const char *p = pat; *p && o < sizeof out - 1;) {
			if (*p == '{') {
				const char *end = strchr(p, '}');
				if (!end || k >= r.nparam)
					abort();
				const char *cap = r.param[k++];
				if (!*cap || strchr(cap, '/'))
					abort();
				size_t cl = strlen(cap);
				if (o + cl >= sizeof out)
					break;
				memcpy(out + o, cap, cl);
				o += cl;
				p = end + 1;
			} else {
				out[o++] = *p++;
			}
		}
		out[o] = '\0';
		if (k != r.nparam || strcmp(out, url) != 0)
			abort();
	}
	xf_arena_reset(&r.arena);
	free(in);
	return 0;
}
