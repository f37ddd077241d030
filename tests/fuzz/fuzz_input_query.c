/*
 * fuzz_input_query.c - libFuzzer harness for the checks of query string
 * values (api/input.c: xf_input_param) against the API's own query
 * tables, taken from the route table (api/routes.c), so that a parameter
 * added to a route is fuzzed without touching this file.
 *
 * The input's first four bytes are the request's time (Unix seconds, for
 * the defaults of periods and years); the rest is one value, given to
 * every parameter of every table, as MHD hands values over (up to the
 * first NUL). Invariants:
 *   - on success nothing was written to r->out, and the value obeys its
 *     parameter: an id is 1 to 18 digits, an integer is within its
 *     bounds, a flag was 1, 0, true or false and is 1 or 0, a text is
 *     valid UTF-8 within its characters, an enum is listed at its index,
 *     a date, period or year parses (a year being four digits); a value
 *     sent is the text given;
 *   - an absent value is refused only when required; otherwise it is the
 *     default checked as if sent, the current period or year (which
 *     parses, and holds the request's day), or nothing;
 *   - on failure r->out holds {"error":{"code":"invalid_field",
 *     "message","field"}} with the parameter's name, and the status is 422.
 *
 * sources: src/base/ src/model/ src/domain/ src/store/
 * sources: src/service/ src/http/ src/api/ src/render/
 * libs: libmicrohttpd jansson sqlite3 libpq libsodium xlsxwriter libqrencode
 * libs: libzip expat pangocairo liboath
 */
#include "api/api.h"
#include "api/input.h"
#include "base/date.h"
#include "base/utf8.h"
#include "http/static.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* http/static.c serves the UI's assets; linked here, it has none. */
const xf_asset xf_web_assets[] = {{0}};
const size_t xf_web_nassets = 0;

static void fail(const xf_param *p, const char *what, const char *value)
{
	fprintf(stderr, "fuzz_input_query [%s]: %s: %s\n", p->name, what,
	        value ? value : "(absent)");
	abort();
}

static int digits(const char *s, size_t lo, size_t hi)
{
	size_t n = strlen(s);
	return n >= lo && n <= hi && strspn(s, "0123456789") == n;
}

/* Checks an accepted value (sent, or the default as if sent). */
static void check_value(const xf_param *p, const char *s, const xf_val *v)
{
	if (!v->present || !v->s)
		fail(p, "accepted value not present", s);
	xf_period per;
	xf_date d;
	switch (p->type) {
	case XF_Q_ID:
		if (!digits(v->s, 1, 18) || v->i < 1 ||
		    v->i != strtoll(v->s, NULL, 10))
			fail(p, "bad id accepted", s);
		break;
	case XF_Q_INT:
		if (!digits(v->s, 1, 18) || v->i < p->min || v->i > p->max ||
		    v->i != strtoll(v->s, NULL, 10))
			fail(p, "integer out of bounds accepted", s);
		break;
	case XF_Q_BOOL:
		if (!((strcmp(v->s, "1") == 0 || strcmp(v->s, "true") == 0) &&
		      v->i == 1) &&
		    !((strcmp(v->s, "0") == 0 || strcmp(v->s, "false") == 0) &&
		      v->i == 0))
			fail(p, "flag not 1, 0, true or false", s);
		break;
	case XF_Q_STR:
		if (!xf_utf8_valid(v->s, strlen(v->s)) ||
		    (int64_t)xf_utf8_chars(v->s, strlen(v->s)) > p->max)
			fail(p, "bad text accepted", s);
		break;
	case XF_Q_ENUM: {
		if (p->codes) {
			if (!xf_code_valid(p->codes, v->s))
				fail(p, "code not in the catalogue accepted",
				     s);
			break;
		}
		int64_t n = 0;
		while (p->enums[n])
			n++;
		if (v->i < 0 || v->i >= n || strcmp(p->enums[v->i], v->s) != 0)
			fail(p, "enum value not listed at its index", s);
		break;
	}
	case XF_Q_DATE:
		if (xf_date_parse(v->s, &d) != 0)
			fail(p, "bad date accepted", s);
		break;
	case XF_Q_PERIOD:
		if (xf_period_parse(v->s, &per) != 0 || per.year != v->i)
			fail(p, "bad period accepted", s);
		break;
	case XF_Q_YEAR:
		if (!digits(v->s, 4, 4) || xf_period_parse(v->s, &per) != 0 ||
		    per.year != v->i)
			fail(p, "bad year accepted", s);
		break;
	default:
		fail(p, "unknown type", s);
	}
}

/* Checks a refusal: a 422 invalid_field naming the parameter. */
static void check_error(const xf_param *p, const xf_req *r, const char *s)
{
	if (r->status != 422 || r->out.failed)
		fail(p, "refused without 422", s);
	json_error_t err;
	json_t *doc = json_loadb(r->out.data, r->out.len, 0, &err);
	json_t *e = json_object_get(doc, "error");
	json_t *code = json_object_get(e, "code");
	json_t *field = json_object_get(e, "field");
	json_t *msg = json_object_get(e, "message");
	if (!json_is_string(code) ||
	    strcmp(json_string_value(code), "invalid_field") != 0 ||
	    !json_is_string(field) ||
	    strcmp(json_string_value(field), p->name) != 0 ||
	    !json_is_string(msg) || json_string_length(msg) == 0)
		fail(p, "error answer malformed", s);
	json_decref(doc);
}

static void run(xf_req *r, const xf_param *p, const char *s)
{
	xf_val v;
	xf_buf_clear(&r->out);
	r->status = 0;
	int absent = !s || !*s;
	int rc = xf_input_param(r, p, s, &v);
	if (rc != 0) {
		if (rc != -1)
			fail(p, "unexpected return code", s);
		if (absent && !p->required)
			fail(p, "absent value refused", s);
		check_error(p, r, s);
		return;
	}
	if (r->status != 0 || r->out.len != 0)
		fail(p, "accepted value wrote an answer", s);
	if (absent && p->required)
		fail(p, "required value missing but accepted", s);
	if (!absent) {
		if (v.s != s)
			fail(p, "value sent is not the text given", s);
		check_value(p, s, &v);
	} else if (p->now && (p->type == XF_Q_PERIOD || p->type == XF_Q_YEAR)) {
		check_value(p, s, &v);
		xf_period per;
		if (xf_period_parse(v.s, &per) != 0 ||
		    !xf_period_contains(per, xf_date_today(r->now)) ||
		    per.kind != (p->now == XF_NOW_QUARTER ? XF_PERIOD_QUARTER
		                                          : XF_PERIOD_YEAR))
			fail(p, "the current period is not today's", v.s);
	} else if (p->dflt) {
		if (strcmp(v.s, p->dflt) != 0)
			fail(p, "absent value is not the default", v.s);
		check_value(p, s, &v);
	} else if (v.present || v.s || v.i) {
		fail(p, "absent value without a default is present", NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 4 || size > 4096)
		return 0;
	char *s = malloc(size - 4 + 1);
	if (!s)
		abort();
	memcpy(s, data + 4, size - 4);
	s[size - 4] = '\0';
	xf_req r;
	memset(&r, 0, sizeof r);
	xf_arena_init(&r.arena, 1u << 20);
	xf_buf_init(&r.out, 1u << 16);
	/* a time from 1970 to 2106: years the periods can name */
	r.now = (int64_t)((uint32_t)data[0] | (uint32_t)data[1] << 8 |
	                  (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24);
	size_t n;
	const xf_route *routes = xf_api_routes(&n);
	for (size_t i = 0; i < n; i++) {
		const xf_query_table *q = routes[i].query;
		for (size_t k = 0; q && k < q->n; k++) {
			run(&r, &q->params[k], s);
			run(&r, &q->params[k], NULL);
		}
		xf_arena_reset(&r.arena);
	}
	xf_buf_free(&r.out);
	xf_arena_reset(&r.arena);
	free(s);
	return 0;
}
