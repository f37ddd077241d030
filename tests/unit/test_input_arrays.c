/*
 * test_input_arrays.c - unit tests of the two arrays the API checks element
 * by element outside its field tables: the org_ids of a task cascade
 * (xf_input_cascade_org_ids, api/tasks.h) and the evidence of a points
 * claim (xf_input_claim_evidence, api/points.h). Both are pure: a request
 * with an arena and an answer buffer is all they need.
 * tests/fuzz/fuzz_input_arrays.c checks them on arbitrary JSON.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "api/points.h"
#include "api/tasks.h"
#include "http/static.h"
#include "service/tasks.h"

/* http/static.c serves the UI's assets; linked here, it has none. */
const xf_asset xf_web_assets[] = {{0}};
const size_t xf_web_nassets = 0;

/* One request per test, freed by teardown. */
typedef struct fixture {
	xf_req r;
	json_t *doc;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	xf_arena_init(&f->r.arena, 1u << 20);
	xf_buf_init(&f->r.out, 1u << 16);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	json_decref(f->doc);
	xf_buf_free(&f->r.out);
	xf_arena_reset(&f->r.arena);
	free(f);
	return 0;
}

/* Parses text as the fixture's document (kept until teardown): any value,
 * NUL allowed, since the checkers must hold without the body parser. */
static json_t *doc(fixture *f, const char *text)
{
	json_error_t err;
	json_decref(f->doc);
	f->doc = json_loads(text, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	assert_non_null(f->doc);
	return f->doc;
}

/* A fresh answer for the next call. */
static void again(fixture *f)
{
	xf_buf_clear(&f->r.out);
	f->r.status = 0;
}

/* The answer is 422 invalid_field naming field, with a message. */
static void assert_refused(fixture *f, const char *field)
{
	assert_int_equal(f->r.status, 422);
	json_error_t err;
	json_t *a = json_loadb(f->r.out.data, f->r.out.len, 0, &err);
	assert_non_null(a);
	json_t *e = json_object_get(a, "error");
	assert_string_equal(json_string_value(json_object_get(e, "code")),
	                    "invalid_field");
	assert_string_equal(json_string_value(json_object_get(e, "field")),
	                    field);
	assert_true(json_string_length(json_object_get(e, "message")) > 0);
	json_decref(a);
}

/* xf_input_cascade_org_ids refuses text, naming org_ids. */
static void assert_org_ids_refused(fixture *f, const char *text)
{
	static int64_t unset;
	int64_t *ids = &unset; /* not NULL: a refusal must reset it */
	int n = -1;
	again(f);
	assert_int_equal(
	    xf_input_cascade_org_ids(&f->r, doc(f, text), &ids, &n), -1);
	assert_null(ids);
	assert_int_equal(n, 0);
	assert_refused(f, "org_ids");
}

/* xf_input_claim_evidence refuses text, naming evidence. */
static void assert_evidence_refused(fixture *f, const char *text)
{
	const char *json = NULL;
	int n = -1;
	again(f);
	assert_int_equal(
	    xf_input_claim_evidence(&f->r, doc(f, text), &json, &n), -1);
	assert_string_equal(json, "[]");
	assert_int_equal(n, 0);
	assert_refused(f, "evidence");
}

/* A JSON array of n texts, each made of k copies of piece. */
static char *texts(int n, int k, const char *piece)
{
	size_t pl = strlen(piece);
	char *s = malloc((size_t)n * ((size_t)k * pl + 3) + 3);
	assert_non_null(s);
	char *p = s;
	*p++ = '[';
	for (int i = 0; i < n; i++) {
		if (i)
			*p++ = ',';
		*p++ = '"';
		for (int j = 0; j < k; j++, p += pl)
			memcpy(p, piece, pl);
		*p++ = '"';
	}
	*p++ = ']';
	*p = '\0';
	return s;
}

/* ---- cascade org_ids ---------------------------------------------------*/

static void test_cascade_ids_come_back_in_their_order(void **state)
{
	fixture *f = *state;
	int64_t *ids = NULL;
	int n = 0;
	assert_int_equal(
	    xf_input_cascade_org_ids(&f->r, doc(f, "[9,2,4611686018427387903]"),
	                             &ids, &n),
	    0);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], 9);
	assert_int_equal(ids[1], 2);
	assert_int_equal(ids[2], INT64_MAX / 2);
	assert_int_equal(f->r.out.len, 0);
	assert_int_equal(f->r.status, 0);
}

static void test_cascade_needs_at_least_one_org(void **state)
{
	fixture *f = *state;
	int64_t *ids;
	int n;
	assert_int_equal(xf_input_cascade_org_ids(&f->r, NULL, &ids, &n), -1);
	assert_refused(f, "org_ids");
	assert_org_ids_refused(f, "[]");
	assert_org_ids_refused(f, "null");
	assert_org_ids_refused(f, "{\"org_ids\":[1]}");
	assert_org_ids_refused(f, "\"1,2\"");
}

static void test_cascade_takes_500_orgs_and_no_more(void **state)
{
	fixture *f = *state;
	json_t *a = json_array();
	for (int i = 1; i <= XF_TASK_MAX_CASCADE; i++)
		json_array_append_new(a, json_integer(i));
	f->doc = a;
	int64_t *ids = NULL;
	int n = 0;
	assert_int_equal(xf_input_cascade_org_ids(&f->r, a, &ids, &n), 0);
	assert_int_equal(n, XF_TASK_MAX_CASCADE);
	assert_int_equal(ids[XF_TASK_MAX_CASCADE - 1], XF_TASK_MAX_CASCADE);
	json_array_append_new(a, json_integer(XF_TASK_MAX_CASCADE + 1));
	again(f);
	assert_int_equal(xf_input_cascade_org_ids(&f->r, a, &ids, &n), -1);
	assert_null(ids);
	assert_refused(f, "org_ids");
}

static void test_cascade_refuses_an_org_named_twice(void **state)
{
	fixture *f = *state;
	assert_org_ids_refused(f, "[7,7]");
	assert_org_ids_refused(f, "[3,8,5,8]");
}

static void test_cascade_refuses_what_is_not_a_positive_id(void **state)
{
	fixture *f = *state;
	assert_org_ids_refused(f, "[0]");
	assert_org_ids_refused(f, "[-1]");
	assert_org_ids_refused(f, "[4611686018427387904]");
	assert_org_ids_refused(f, "[9223372036854775807]");
	assert_org_ids_refused(f, "[1.0]");
	assert_org_ids_refused(f, "[2.5]");
	assert_org_ids_refused(f, "[\"12\"]");
	assert_org_ids_refused(f, "[null]");
	assert_org_ids_refused(f, "[true]");
	assert_org_ids_refused(f, "[[1]]");
	assert_org_ids_refused(f, "[{\"id\":1}]");
	assert_org_ids_refused(f, "[1,2,\"3\"]");
}

/* ---- claim evidence ----------------------------------------------------*/

static void test_evidence_missing_or_null_is_an_empty_list(void **state)
{
	fixture *f = *state;
	const char *json = NULL;
	int n = -1;
	assert_int_equal(xf_input_claim_evidence(&f->r, NULL, &json, &n), 0);
	assert_string_equal(json, "[]");
	assert_int_equal(n, 0);
	assert_int_equal(
	    xf_input_claim_evidence(&f->r, doc(f, "null"), &json, &n), 0);
	assert_string_equal(json, "[]");
	assert_int_equal(
	    xf_input_claim_evidence(&f->r, doc(f, "[]"), &json, &n), 0);
	assert_string_equal(json, "[]");
	assert_int_equal(n, 0);
	assert_int_equal(f->r.out.len, 0);
}

static void test_evidence_is_kept_as_compact_json_text(void **state)
{
	fixture *f = *state;
	const char *json = NULL;
	int n = 0;
	assert_int_equal(
	    xf_input_claim_evidence(
	        &f->r,
	        doc(f, "[ \"总结报告.pdf\" , \"say \\\"hi\\\"\\tnow\", "
	               "\"证书.jpg\", \"证书.jpg\" ]"),
	        &json, &n),
	    0);
	assert_int_equal(n, 4);
	assert_string_equal(json, "[\"总结报告.pdf\",\"say \\\"hi\\\"\\tnow\","
	                          "\"证书.jpg\",\"证书.jpg\"]");
	assert_int_equal(f->r.out.len, 0);
}

static void test_evidence_texts_hold_500_characters_not_501(void **state)
{
	fixture *f = *state;
	const char *json = NULL;
	int n = 0;
	char *ok = texts(1, 500, "证"); /* 1500 bytes, 500 characters */
	char *over = texts(1, 501, "证");
	assert_int_equal(xf_input_claim_evidence(&f->r, doc(f, ok), &json, &n),
	                 0);
	assert_int_equal(n, 1);
	assert_evidence_refused(f, over);
	free(ok);
	free(over);
}

static void test_evidence_takes_10_texts_not_11(void **state)
{
	fixture *f = *state;
	const char *json = NULL;
	int n = 0;
	char *ten = texts(10, 1, "a");
	char *eleven = texts(11, 1, "a");
	assert_int_equal(xf_input_claim_evidence(&f->r, doc(f, ten), &json, &n),
	                 0);
	assert_int_equal(n, 10);
	assert_evidence_refused(f, eleven);
	free(ten);
	free(eleven);
}

static void test_evidence_refuses_blank_and_broken_texts(void **state)
{
	fixture *f = *state;
	assert_evidence_refused(f, "[\"\"]");
	assert_evidence_refused(f, "[\" \\t\\r\\n\"]");
	assert_evidence_refused(f, "[\"a\\u0000b\"]");
	assert_evidence_refused(f, "[\"\\u001b[31m证书\"]");
	assert_evidence_refused(f, "[\"del\\u007f\"]");
	assert_evidence_refused(f, "[\"ok\",\"\"]");
}

static void test_evidence_refuses_what_is_not_a_list_of_texts(void **state)
{
	fixture *f = *state;
	assert_evidence_refused(f, "[1]");
	assert_evidence_refused(f, "[null]");
	assert_evidence_refused(f, "[true]");
	assert_evidence_refused(f, "[[\"a\"]]");
	assert_evidence_refused(f, "[{\"name\":\"a\"}]");
	assert_evidence_refused(f, "\"证书.jpg\"");
	assert_evidence_refused(f, "{\"evidence\":[\"a\"]}");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_cascade_ids_come_back_in_their_order),
	    T(test_cascade_needs_at_least_one_org),
	    T(test_cascade_takes_500_orgs_and_no_more),
	    T(test_cascade_refuses_an_org_named_twice),
	    T(test_cascade_refuses_what_is_not_a_positive_id),
	    T(test_evidence_missing_or_null_is_an_empty_list),
	    T(test_evidence_is_kept_as_compact_json_text),
	    T(test_evidence_texts_hold_500_characters_not_501),
	    T(test_evidence_takes_10_texts_not_11),
	    T(test_evidence_refuses_blank_and_broken_texts),
	    T(test_evidence_refuses_what_is_not_a_list_of_texts),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
