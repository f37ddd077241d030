/*
 * fuzz_route.c - libFuzzer harness for the parts of a request URL the
 * server reads itself: route matching with captured path parameters
 * (http/server.c: xf_http_match) and the ids in paths and query strings
 * (api/input.c: xf_parse_id).
 *
 * The input is a pattern and a URL separated by the first '\n'. Invariants:
 *   - a match captures at most XF_MAX_PARAMS segments, each non-empty and
 *     without '/', and putting the captures back into the pattern gives
 *     the URL again;
 *   - xf_parse_id accepts exactly 1..18 ASCII digits whose value is in
 *     [1, max], and gives that value.
 *
 * sources: src/api/input.c src/http/server.c src/http/cache.c
 * sources: src/http/headers.c
 * sources: src/base/arena.c
 * sources: src/base/buf.c src/base/jw.c src/base/utf8.c src/base/date.c
 * sources: src/service/ctx.c src/store/audit.c src/store/db.c src/store/orgs.c
 * sources: src/store/db_sqlite.c src/store/db_pgsql.c src/domain/scope.c
 * sources: src/domain/codes.c src/domain/audit.c
 * libs: jansson libmicrohttpd sqlite3 libpq libsodium
 */
#include "api/input.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *in = malloc(size + 1);
	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	char *nl = strchr(in, '\n');
	const char *pat = in, *url = in;
	if (nl) {
		*nl = '\0';
		url = nl + 1;
	}
	check_id(pat);
	check_id(url);
	xf_req r;
	memset(&r, 0, sizeof r);
	xf_arena_init(&r.arena, 1 << 20);
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
