/*
 * fuzz_input_arrays.c - libFuzzer harness for the two arrays of outside
 * input that the API checks element by element, outside its field tables:
 * the "org_ids" of POST /api/tasks/{id}/cascade
 * (xf_input_cascade_org_ids, api/tasks.h) and the "evidence" of
 * POST /api/claims (xf_input_claim_evidence, api/points.h).
 *
 * Each input is run twice over:
 *   - as the handlers do: the input is the body, checked against the
 *     route's own field table (taken from the registry of api/bodies.h)
 *     by xf_input_body, and the array it accepted is then handed to the
 *     checker exactly as the handler hands it;
 *   - directly: the input is parsed as any JSON value with NUL allowed in
 *     strings (which input.c's parse refuses), and that value and every
 *     array in it (the first MAX_ARRAYS, depth first) are handed to both
 *     checkers, so that their own limits and defences are reached without
 *     the table's in front.
 * Each decision is compared with an oracle written here from the
 * contract, independently of the code under test (it counts characters
 * itself):
 *   - org_ids: accepted iff an array of 1..XF_TASK_MAX_CASCADE distinct
 *     integers, each in [1, INT64_MAX / 2] (the range of an XF_F_ID,
 *     input.c); on success the ids are those integers in order, positive,
 *     distinct, and at most XF_TASK_MAX_CASCADE of them;
 *   - evidence: accepted iff missing (NULL or null) or an array of at most
 *     10 strings, each of 1..500 code points, without control characters
 *     (NUL included; tab, CR and LF allowed) and not blank (only
 *     " \t\r\n"); on success the JSON text returned (stored, later
 *     written raw into answers) is valid UTF-8 and parses back to the same
 *     array ("[]" when missing), and its count is the array's length;
 *   - on success nothing was written to r->out; on refusal the answer is
 *     {"error":{"code":"invalid_field","message":…,"field":F}} with status
 *     422 and F the array's field ("org_ids", "evidence"), and the outputs
 *     are reset (NULL / "[]", 0).
 *
 * It never calls a handler or opens a database; the registry and the
 * checkers live in the handler files, so it links all of src/ but main.c
 * and the tools.
 *
 * sources: src/base/ src/model/ src/domain/ src/store/
 * sources: src/service/ src/http/ src/api/ src/render/
 * libs: libmicrohttpd jansson sqlite3 libpq libsodium xlsxwriter libqrencode
 * libs: libzip expat pangocairo liboath
 */
#include "api/bodies.h"
#include "api/input.h"
#include "api/points.h"
#include "api/tasks.h"
#include "base/utf8.h"
#include "fuzz_req.h"
#include "http/static.h"
#include "service/tasks.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* http/static.c serves the UI's assets; linked here, it has none. */
const xf_asset xf_web_assets[] = {{0}};
const size_t xf_web_nassets = 0;

#define MAX_FIELDS     16 /* as fuzz_input_body.c */
#define MAX_ARRAYS     16 /* arrays of one input checked directly */
#define EVIDENCE_MAX   10
#define EVIDENCE_CHARS 500
#define ID_MAX         (INT64_MAX / 2)
#define CASCADE_ROUTE  "POST /api/tasks/{id}/cascade"
#define CLAIM_ROUTE    "POST /api/claims"

/* A route's body table and the index of the array's field in it. */
typedef struct route_body {
	const xf_body *b;
	size_t k;
} route_body;

static route_body cascade_body, claim_body;

static void fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_input_arrays: %s%s%s\n", what, detail ? ": " : "",
	        detail ? detail : "");
	abort();
}

/* ---- the oracle ------------------------------------------------------- */

/* Code points of valid UTF-8 text: the bytes that start one. */
static size_t code_points(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

static int blank_text(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

static int org_ids_valid(json_t *arr)
{
	if (!json_is_array(arr))
		return 0;
	size_t n = json_array_size(arr);
	if (n < 1 || n > XF_TASK_MAX_CASCADE)
		return 0;
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(arr, i);
		if (!json_is_integer(e))
			return 0;
		json_int_t v = json_integer_value(e);
		if (v < 1 || v > ID_MAX)
			return 0;
		for (size_t k = 0; k < i; k++)
			if (json_integer_value(json_array_get(arr, k)) == v)
				return 0;
	}
	return 1;
}

/* A control character that text may not hold (C0 but tab, CR, LF; DEL). */
static int has_control(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			return 1;
	}
	return 0;
}

static int evidence_text_valid(json_t *e)
{
	if (!json_is_string(e))
		return 0;
	const char *s = json_string_value(e);
	size_t len = json_string_length(e);
	return len > 0 && !has_control(s, len) &&
	       code_points(s, len) <= EVIDENCE_CHARS && !blank_text(s, len);
}

static int evidence_valid(json_t *arr)
{
	if (!arr || json_is_null(arr))
		return 1;
	if (!json_is_array(arr) || json_array_size(arr) > EVIDENCE_MAX)
		return 0;
	for (size_t i = 0; i < json_array_size(arr); i++)
		if (!evidence_text_valid(json_array_get(arr, i)))
			return 0;
	return 1;
}

/* ---- the checks ------------------------------------------------------- */

/* A refusal: {"error":{"code":"invalid_field","message","field":field}}
 * with status 422 in r->out. */
static void check_refusal(const char *t, const xf_req *r, const char *field)
{
	if (r->status != 422)
		fail(t, "refused without 422");
	if (r->out.failed)
		fail(t, "error answer overflowed its buffer");
	json_error_t err;
	json_t *doc = json_loadb(r->out.data, r->out.len, 0, &err);
	if (!doc)
		fail(t, "error answer is not JSON");
	json_t *e = json_object_get(doc, "error");
	if (!json_is_object(doc) || json_object_size(doc) != 1 ||
	    !json_is_object(e) || json_object_size(e) != 3)
		fail(t, "error answer is not {\"error\":{code,message,field}}");
	json_t *code = json_object_get(e, "code");
	json_t *msg = json_object_get(e, "message");
	json_t *f = json_object_get(e, "field");
	if (!json_is_string(code) ||
	    strcmp(json_string_value(code), "invalid_field") != 0)
		fail(t, "refusal code is not invalid_field");
	if (!json_is_string(msg) || json_string_length(msg) == 0)
		fail(t, "refusal without a message");
	if (!json_is_string(f) || strcmp(json_string_value(f), field) != 0)
		fail(t, "refusal does not name the array's field");
	json_decref(doc);
}

static void check_untouched(const char *t, const xf_req *r)
{
	if (r->out.len != 0 || r->status != 0)
		fail(t, "accepted input wrote an answer");
}

/* Runs xf_input_cascade_org_ids on arr in r and checks its contract. */
static void run_org_ids(const char *t, xf_req *r, json_t *arr)
{
	static int64_t unset;
	int64_t *ids = &unset; /* not NULL: a refusal must reset it */
	int n = -1;
	int rc = xf_input_cascade_org_ids(r, arr, &ids, &n);
	int valid = arr != NULL && org_ids_valid(arr);
	if (rc == 0) {
		if (!valid)
			fail(t, "org_ids: accepted an invalid array");
		check_untouched(t, r);
		if (!ids || n < 1 || n > XF_TASK_MAX_CASCADE ||
		    (size_t)n != json_array_size(arr))
			fail(t, "org_ids: accepted count wrong");
		for (int i = 0; i < n; i++) {
			if (ids[i] < 1)
				fail(t, "org_ids: accepted id not positive");
			if (ids[i] !=
			    json_integer_value(json_array_get(arr, (size_t)i)))
				fail(t, "org_ids: id differs from the input");
			for (int k = 0; k < i; k++)
				if (ids[k] == ids[i])
					fail(t,
					     "org_ids: accepted an id twice");
		}
	} else if (rc == -1) {
		if (valid)
			fail(t, "org_ids: refused a valid array");
		if (ids != NULL || n != 0)
			fail(t, "org_ids: refusal left outputs set");
		check_refusal(t, r, "org_ids");
	} else {
		fail(t, "org_ids: unexpected return code");
	}
}

/* Runs xf_input_claim_evidence on arr in r and checks its contract. */
static void run_evidence(const char *t, xf_req *r, json_t *arr)
{
	const char *text = NULL;
	int n = -1;
	int rc = xf_input_claim_evidence(r, arr, &text, &n);
	int valid = evidence_valid(arr);
	if (rc == 0) {
		if (!valid)
			fail(t, "evidence: accepted an invalid array");
		check_untouched(t, r);
		if (!text || !xf_utf8_valid(text, strlen(text)))
			fail(t, "evidence: text missing or not UTF-8");
		json_error_t err;
		json_t *back = json_loads(text, JSON_REJECT_DUPLICATES, &err);
		if (!json_is_array(back))
			fail(t, "evidence: text is not a JSON array");
		size_t want = json_is_array(arr) ? json_array_size(arr) : 0;
		if (n < 0 || n > EVIDENCE_MAX || (size_t)n != want ||
		    json_array_size(back) != want)
			fail(t, "evidence: count wrong");
		if (want > 0 && !json_equal(back, arr))
			fail(t, "evidence: text does not give the input back");
		for (size_t i = 0; i < json_array_size(back); i++)
			if (!evidence_text_valid(json_array_get(back, i)))
				fail(t, "evidence: stored text breaks the "
				        "contract");
		json_decref(back);
	} else if (rc == -1) {
		if (valid)
			fail(t, "evidence: refused a valid array");
		if (!text || strcmp(text, "[]") != 0 || n != 0)
			fail(t, "evidence: refusal left outputs set");
		check_refusal(t, r, "evidence");
	} else {
		fail(t, "evidence: unexpected return code");
	}
}

/* ---- the runs --------------------------------------------------------- */

/* The input as the body of a route: the table first, as the handler
 * does; then the checker on what the table let through. */
static void run_route(const route_body *u, const uint8_t *data, size_t size)
{
	xf_val vals[MAX_FIELDS];
	xf_req *r = fuzz_req_new(data, size);
	if (xf_input_body(r, u->b->fields, u->b->n, vals) == 0) {
		json_t *arr = vals[u->k].j; /* NULL when absent or null */
		if (u == &cascade_body)
			run_org_ids(CASCADE_ROUTE, r, arr);
		else
			run_evidence(CLAIM_ROUTE, r, arr);
	}
	fuzz_req_free(r);
}

/* Both checkers on v directly, each in a fresh request. */
static void run_direct(json_t *v)
{
	xf_req *r = fuzz_req_new(NULL, 0);
	run_org_ids("org_ids (direct)", r, v);
	fuzz_req_free(r);
	r = fuzz_req_new(NULL, 0);
	run_evidence("evidence (direct)", r, v);
	fuzz_req_free(r);
}

/* The arrays in v, depth first, until *left runs out. */
static void walk(json_t *v, int *left, int depth)
{
	if (*left <= 0 || depth > 32)
		return;
	const char *key;
	json_t *x;
	size_t i;
	if (json_is_array(v)) {
		--*left;
		run_direct(v);
		json_array_foreach(v, i, x)
		{
			walk(x, left, depth + 1);
		}
	} else if (json_is_object(v)) {
		json_object_foreach(v, key, x)
		{
			walk(x, left, depth + 1);
		}
	}
}

/* ---- the registry ----------------------------------------------------- */

/* The body table of route (at NULL) and its field name, an array. */
static route_body find_body(const char *route, const char *name)
{
	const xf_body *b;
	for (size_t i = 0; (b = xf_api_body(i)) != NULL; i++) {
		if (b->at || strcmp(b->route, route) != 0)
			continue;
		if (b->n > MAX_FIELDS)
			fail(route, "registry: table wider than MAX_FIELDS");
		for (size_t k = 0; k < b->n; k++)
			if (strcmp(b->fields[k].name, name) == 0) {
				if (b->fields[k].type != XF_F_ARRAY)
					fail(route, "registry: not an array");
				return (route_body){b, k};
			}
		fail(route, "registry: the table lacks the array");
	}
	fail(route, "registry: no body for the route");
	return (route_body){0};
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!cascade_body.b) {
		cascade_body = find_body(CASCADE_ROUTE, "org_ids");
		claim_body = find_body(CLAIM_ROUTE, "evidence");
	}
	run_route(&cascade_body, data, size);
	run_route(&claim_body, data, size);

	/* Directly: any value, NUL in strings allowed, since the checkers
	 * must hold without input.c's parse in front. */
	json_error_t err;
	json_t *doc = json_loadb(
	    (const char *)data, size,
	    JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (doc) {
		int left = MAX_ARRAYS;
		if (!json_is_array(doc))
			run_direct(doc); /* an object, a string, null... */
		walk(doc, &left, 0);
		json_decref(doc);
	}
	return 0;
}
