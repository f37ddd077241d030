/*
 * test_headers.c - unit tests of the request header rules the server
 * interprets itself (http/headers.h); tests/fuzz/fuzz_headers.c checks
 * them on arbitrary bytes.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "fixture.h"

#include <string.h>

#include "http/headers.h"

static void test_bearer_token_wins_over_the_cookie(void **state)
{
	(void)state;
	int via = -1;
	assert_string_equal(xf_credential_pick("Bearer abc", "def", &via),
	                    "abc");
	assert_int_equal(via, 0);
}

static void
test_other_authorization_schemes_fall_back_to_the_cookie(void **state)
{
	(void)state;
	int via = -1;
	assert_string_equal(xf_credential_pick("Basic Zm9v", "def", &via),
	                    "def");
	assert_int_equal(via, 1);
	assert_null(xf_credential_pick("Basic Zm9v", NULL, &via));
	assert_int_equal(via, 0);
}

static void test_content_length_is_plain_digits_within_the_limit(void **state)
{
	(void)state;
	assert_true(xf_content_length_within("0", 0));
	assert_true(xf_content_length_within("1024", 1024));
	assert_true(xf_content_length_within("0001024", 1024));
	assert_false_for(xf_content_length_within(str, 1024), "1025", "", "+5",
	                 " 5", "-1", "99999999999999999999999");
}

static void test_gzip_refused_with_q_zero(void **state)
{
	(void)state;
	assert_true_for(xf_accepts_gzip(str), "gzip, deflate, br", "GZIP;q=0.5",
	                "*");
	assert_false_for(xf_accepts_gzip(str), "gzip;q=0", "gzip; q=0.000, *",
	                 "deflate, br", NULL);
}

static void test_if_none_match_takes_lists_weak_tags_and_star(void **state)
{
	(void)state;
	assert_true_for(xf_etag_matches(str, "\"a1\""), "\"a1\"",
	                "\"x\", W/\"a1\"", "*");
	assert_true(xf_etag_matches("\"a,1\"", "\"a,1\""));
	assert_false_for(xf_etag_matches(str, "\"a1\""), "\"a1x\"", "a1", NULL);
}

static void test_cache_key_parts_escape_the_separators(void **state)
{
	(void)state;
	xf_buf b;
	xf_buf_init(&b, 1024);
	assert_int_equal(xf_cache_key_add(&b, "b&c=d%\n?"), 0);
	assert_string_equal(b.data, "b%26c%3Dd%25%0A%3F");
	xf_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bearer_token_wins_over_the_cookie),
	    cmocka_unit_test(
	        test_other_authorization_schemes_fall_back_to_the_cookie),
	    cmocka_unit_test(
	        test_content_length_is_plain_digits_within_the_limit),
	    cmocka_unit_test(test_gzip_refused_with_q_zero),
	    cmocka_unit_test(test_if_none_match_takes_lists_weak_tags_and_star),
	    cmocka_unit_test(test_cache_key_parts_escape_the_separators),
	};
	return cmocka_run_group_tests_name("headers", tests, NULL, NULL);
}
