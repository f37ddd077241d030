/*
 * test_utf8.c - unit tests of UTF-8 validation and counting (base/utf8.h).
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

#include "base/utf8.h"

/* Validates a string literal of known size (may hold bytes like \x00). */
#define VALID(lit) xf_utf8_valid((lit), sizeof(lit) - 1)

static void test_ascii_and_empty_text_is_valid(void **state)
{
	(void)state;
	assert_true(VALID(""));
	assert_true(xf_utf8_valid(NULL, 0));
	assert_true(VALID("Hello, world! ~\x7F"));
}

static void test_chinese_text_is_valid(void **state)
{
	(void)state;
	assert_true(VALID("先锋党建 第一议题"));
	assert_true(VALID("三会一课：党员大会、支委会"));
}

static void test_boundary_code_points_are_valid(void **state)
{
	(void)state;
	assert_true_for(
	    xf_utf8_valid(str, strlen(str)), "\xC2\x80" /* U+0080 */,
	    "\xDF\xBF" /* U+07FF */, "\xE0\xA0\x80" /* U+0800 */,
	    "\xED\x9F\xBF" /* U+D7FF */, "\xEE\x80\x80" /* U+E000 */,
	    "\xEF\xBF\xBF" /* U+FFFF */, "\xF0\x90\x80\x80" /* U+10000 */,
	    "\xF0\x9F\x98\x80" /* U+1F600 emoji */,
	    "\xF4\x8F\xBF\xBF" /* U+10FFFF */);
}

static void test_nul_byte_is_rejected(void **state)
{
	(void)state;
	assert_false(VALID("\x00"));
	assert_false(VALID("ab\x00"
	                   "cd"));
	assert_false(xf_utf8_valid(NULL, 1));
}

static void test_overlong_encodings_are_rejected(void **state)
{
	(void)state;
	assert_false_for(
	    xf_utf8_valid(str, strlen(str)), "\xC0\x80" /* NUL in 2 bytes */,
	    "\xC0\xAF" /* '/' in 2 bytes */, "\xC1\xBF" /* U+007F in 2 bytes */,
	    "\xE0\x80\xAF" /* '/' in 3 bytes */,
	    "\xE0\x9F\xBF" /* U+07FF in 3 bytes */,
	    "\xF0\x80\x80\xAF" /* '/' in 4 bytes */,
	    "\xF0\x8F\xBF\xBF" /* U+FFFF in 4 bytes */);
}

static void test_surrogates_are_rejected(void **state)
{
	(void)state;
	assert_false_for(
	    xf_utf8_valid(str, strlen(str)), "\xED\xA0\x80" /* U+D800 */,
	    "\xED\xAD\xBF" /* U+DB7F */, "\xED\xBF\xBF" /* U+DFFF */);
	/* A CESU-8 style surrogate pair for U+1F600. */
	assert_false(VALID("\xED\xA0\xBD\xED\xB8\x80"));
}

static void test_code_points_above_10ffff_are_rejected(void **state)
{
	(void)state;
	assert_false_for(xf_utf8_valid(str, strlen(str)),
	                 "\xF4\x90\x80\x80" /* U+110000 */, "\xF5\x80\x80\x80",
	                 "\xF7\xBF\xBF\xBF");
}

static void test_five_and_six_byte_forms_are_rejected(void **state)
{
	(void)state;
	assert_false_for(xf_utf8_valid(str, strlen(str)),
	                 "\xF8\x88\x80\x80\x80", "\xFB\xBF\xBF\xBF\xBF",
	                 "\xFC\x84\x80\x80\x80\x80",
	                 "\xFD\xBF\xBF\xBF\xBF\xBF");
}

static void test_bytes_ff_and_fe_are_rejected(void **state)
{
	(void)state;
	assert_false_for(xf_utf8_valid(str, strlen(str)), "\xFF", "\xFE",
	                 "abc\xFF", "\xFE\xFF" /* UTF-16 BOM */);
}

static void test_truncated_sequences_are_rejected(void **state)
{
	(void)state;
	assert_false_for(xf_utf8_valid(str, strlen(str)), "\xC3", "\xE5\x85",
	                 "\xF0\x9F\x98", "ok\xE4\xB8");
	/* A full character cut short by len, not by the string. */
	const char *s = "党";
	assert_true(xf_utf8_valid(s, 3));
	assert_false(xf_utf8_valid(s, 2));
	assert_false(xf_utf8_valid(s, 1));
}

static void test_stray_and_missing_continuation_bytes_are_rejected(void **state)
{
	(void)state;
	assert_false_for(xf_utf8_valid(str, strlen(str)), "\x80", "\xBF",
	                 "a\x80z", "\xE5\x41\x85" /* ASCII inside a sequence */,
	                 "\xF0\x9F\x41\x80", "\xC3\xC3\xA9",
	                 "\xE5\x85\x9A\x80" /* one too many */);
}

static void test_every_single_byte_is_valid_only_if_ascii_non_nul(void **state)
{
	(void)state;
	for (int c = 0; c < 256; c++) {
		char b = (char)c;
		assert_int_equal(xf_utf8_valid(&b, 1), c >= 1 && c <= 0x7F);
	}
}

static void test_every_two_byte_sequence_agrees_with_the_table(void **state)
{
	(void)state;
	for (int a = 0x80; a < 256; a++) {
		for (int b = 0; b < 256; b++) {
			char s[2] = {(char)a, (char)b};
			int want =
			    a >= 0xC2 && a <= 0xDF && b >= 0x80 && b <= 0xBF;
			assert_int_equal(xf_utf8_valid(s, 2), want);
		}
	}
}

/* Encodes code point cp as UTF-8 the naive way (also encoding surrogates),
 * returning the length. */
static size_t encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static void test_every_code_point_is_valid_except_surrogates(void **state)
{
	(void)state;
	for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
		char s[4];
		size_t n = encode(cp, s);
		int want = !(cp >= 0xD800 && cp <= 0xDFFF);
		if (xf_utf8_valid(s, n) != want)
			fail_msg("U+%04X judged wrongly", (unsigned)cp);
		if (want && xf_utf8_chars(s, n) != 1)
			fail_msg("U+%04X not counted as one", (unsigned)cp);
	}
}

static void test_chars_counts_code_points_not_bytes(void **state)
{
	(void)state;
	const char *s = "先锋abc😀";
	assert_int_equal(strlen(s), 3 + 3 + 3 + 4);
	assert_int_equal(xf_utf8_chars(s, strlen(s)), 6);
	assert_int_equal(xf_utf8_chars("", 0), 0);
	assert_int_equal(xf_utf8_chars("abc", 3), 3);
	assert_int_equal(xf_utf8_chars("é", 2), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ascii_and_empty_text_is_valid),
	    cmocka_unit_test(test_chinese_text_is_valid),
	    cmocka_unit_test(test_boundary_code_points_are_valid),
	    cmocka_unit_test(test_nul_byte_is_rejected),
	    cmocka_unit_test(test_overlong_encodings_are_rejected),
	    cmocka_unit_test(test_surrogates_are_rejected),
	    cmocka_unit_test(test_code_points_above_10ffff_are_rejected),
	    cmocka_unit_test(test_five_and_six_byte_forms_are_rejected),
	    cmocka_unit_test(test_bytes_ff_and_fe_are_rejected),
	    cmocka_unit_test(test_truncated_sequences_are_rejected),
	    cmocka_unit_test(
	        test_stray_and_missing_continuation_bytes_are_rejected),
	    cmocka_unit_test(
	        test_every_single_byte_is_valid_only_if_ascii_non_nul),
	    cmocka_unit_test(
	        test_every_two_byte_sequence_agrees_with_the_table),
	    cmocka_unit_test(test_every_code_point_is_valid_except_surrogates),
	    cmocka_unit_test(test_chars_counts_code_points_not_bytes),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
