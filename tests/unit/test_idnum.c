/*
 * test_idnum.c - unit tests of resident ID numbers (domain/idnum.h) and
 * of their mask (model/pii.h).
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
#include "domain/idnum.h"
#include "model/pii.h"

/* The worked example of GB 11643-1999: Beijing Chaoyang, born 1949-12-31,
 * a woman, check character X. */
#define SAMPLE_X "11010519491231002X"

static int check(const char *s)
{
	return xf_idnum_check(s, NULL, NULL);
}

static void test_standard_example_with_x_check_digit_is_valid(void **state)
{
	xf_date birth = {0, 0, 0};
	int male = -1;
	(void)state;
	assert_int_equal(xf_idnum_check(SAMPLE_X, &birth, &male), XF_IDNUM_OK);
	assert_int_equal(birth.y, 1949);
	assert_int_equal(birth.m, 12);
	assert_int_equal(birth.d, 31);
	assert_int_equal(male, 0); /* 17th digit 2 is even */
}

static void test_lowercase_x_check_digit_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(check("11010519491231002x"), XF_IDNUM_CHARS);
}

static void test_birth_and_male_may_be_null(void **state)
{
	xf_date birth;
	int male;
	(void)state;
	assert_int_equal(xf_idnum_check(SAMPLE_X, &birth, NULL), XF_IDNUM_OK);
	assert_int_equal(xf_idnum_check(SAMPLE_X, NULL, &male), XF_IDNUM_OK);
	assert_int_equal(xf_idnum_check(SAMPLE_X, NULL, NULL), XF_IDNUM_OK);
}

static void test_odd_17th_digit_means_male(void **state)
{
	char id[19];
	int male = -1;
	(void)state;
	xf_idnum_make("330201", (xf_date){1990, 1, 1}, 123, id);
	assert_int_equal(xf_idnum_check(id, NULL, &male), XF_IDNUM_OK);
	assert_int_equal(male, 1);
	xf_idnum_make("330201", (xf_date){1990, 1, 1}, 124, id);
	assert_int_equal(xf_idnum_check(id, NULL, &male), XF_IDNUM_OK);
	assert_int_equal(male, 0);
}

static void test_id_number_with_wrong_check_digit_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(check("110105194912310020"), XF_IDNUM_CHECK);
	assert_int_equal(check("110105194912310029"), XF_IDNUM_CHECK);
	assert_int_equal(check("330201199001011234"), XF_IDNUM_CHECK);
	assert_int_equal(check("330201199001011233"), XF_IDNUM_OK);
}

static void
test_id_number_with_any_single_digit_changed_is_rejected(void **state)
{
	char id[19];
	(void)state;
	/* MOD 11-2 catches every single-digit change: each weight is prime
	 * to 11. Digits 7-14 may also turn into a bad birth date, and the
	 * first two into an unknown province; either way it is rejected. */
	xf_idnum_make("330201", (xf_date){1985, 6, 15}, 321, id);
	assert_int_equal(check(id), XF_IDNUM_OK);
	for (int i = 0; i < 18; i++) {
		char orig = id[i];
		const char *alphabet = "0123456789X";
		for (const char *c = alphabet; *c; c++) {
			if (*c == orig || (*c == 'X' && i != 17))
				continue;
			id[i] = *c;
			if (check(id) == XF_IDNUM_OK)
				fail_msg("%s accepted (position %d)", id, i);
			id[i] = orig;
		}
	}
}

static void test_swapping_two_adjacent_digits_is_caught(void **state)
{
	char id[19];
	(void)state;
	xf_idnum_make("440305", (xf_date){1978, 3, 24}, 517, id);
	for (int i = 0; i < 16; i++) {
		if (id[i] == id[i + 1])
			continue;
		char t = id[i];
		id[i] = id[i + 1];
		id[i + 1] = t;
		if (check(id) == XF_IDNUM_OK)
			fail_msg("%s accepted (swap at %d)", id, i);
		id[i + 1] = id[i];
		id[i] = t;
	}
}

static void test_id_number_of_wrong_length_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(check(""), XF_IDNUM_LENGTH);
	assert_int_equal(check("11010519491231002"), XF_IDNUM_LENGTH);
	assert_int_equal(check("11010519491231002X1"), XF_IDNUM_LENGTH);
	/* The old 15-digit numbers are no longer accepted. */
	assert_int_equal(check("110105491231002"), XF_IDNUM_LENGTH);
	assert_int_equal(check(NULL), XF_IDNUM_LENGTH);
}

static void test_id_number_with_letters_or_spaces_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(check("1101051949123100X2"), XF_IDNUM_CHARS);
	assert_int_equal(check("11010519491231 02X"), XF_IDNUM_CHARS);
	assert_int_equal(check("A1010519491231002X"), XF_IDNUM_CHARS);
	assert_int_equal(check("11010519491231002Y"), XF_IDNUM_CHARS);
	assert_int_equal(check("１1010519491231002"), XF_IDNUM_LENGTH);
	/* 15 digits and one 3-byte character: 18 bytes, not all digits */
	assert_int_equal(strlen("110105194912310党"), 18);
	assert_int_equal(check("110105194912310党"), XF_IDNUM_CHARS);
}

static void test_id_number_from_unknown_province_is_rejected(void **state)
{
	char id[19];
	(void)state;
	const char *bad[] = {"000000", "100000", "160000", "200000", "240000",
	                     "380000", "470000", "550000", "660000", "700000",
	                     "720000", "800000", "830000", "900000", "990000"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		xf_idnum_make(bad[i], (xf_date){1980, 1, 1}, 1, id);
		if (check(id) != XF_IDNUM_REGION)
			fail_msg("%s not rejected for its region", id);
	}
}

static void test_id_numbers_from_every_province_are_accepted(void **state)
{
	char id[19], region[7];
	(void)state;
	const int codes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
	                     35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
	                     53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		region[0] = (char)('0' + codes[i] / 10);
		region[1] = (char)('0' + codes[i] % 10);
		memcpy(region + 2, "0102", 5);
		xf_idnum_make(region, (xf_date){1980, 1, 1}, 1, id);
		if (check(id) != XF_IDNUM_OK)
			fail_msg("%s rejected", id);
	}
}

static void test_id_number_with_impossible_birth_date_is_rejected(void **state)
{
	char id[19];
	(void)state;
	/* Built by hand: xf_idnum_make() writes what it is given, and the
	 * check digit is correct, so only the date can fail. */
	const char *dates[] = {"20230229", "19000229", "20240230",
	                       "20241301", "20240001", "20240100",
	                       "20240431", "18991231", "00000000"};
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		memcpy(id, "330201", 6);
		memcpy(id + 6, dates[i], 8);
		memcpy(id + 14, "123", 3);
		id[17] = xf_idnum_check_char(id);
		id[18] = '\0';
		if (check(id) != XF_IDNUM_BIRTH)
			fail_msg("%s not rejected for its birth date", id);
	}
}

static void
test_id_number_born_1880_is_rejected_though_its_check_is_right(void **state)
{
	(void)state;
	/* The second example of GB 11643-1999. */
	assert_int_equal(xf_idnum_check_char("44052418800101001"), '4');
	assert_int_equal(check("440524188001010014"), XF_IDNUM_BIRTH);
}

static void test_leap_day_births_are_accepted_in_leap_years(void **state)
{
	char id[19];
	xf_date birth;
	(void)state;
	xf_idnum_make("110101", (xf_date){2000, 2, 29}, 1, id);
	assert_string_equal(id, "110101200002290018");
	assert_int_equal(xf_idnum_check(id, &birth, NULL), XF_IDNUM_OK);
	assert_int_equal(birth.m, 2);
	assert_int_equal(birth.d, 29);
	xf_idnum_make("110101", (xf_date){1900, 1, 1}, 1, id);
	assert_int_equal(check(id), XF_IDNUM_OK);
}

static void test_errors_are_reported_in_order(void **state)
{
	(void)state;
	/* Bad characters are reported before a bad region or date. */
	assert_int_equal(check("0000000000000000a0"), XF_IDNUM_CHARS);
	/* A bad region is reported before a bad date. */
	assert_int_equal(check("000000000000000000"), XF_IDNUM_REGION);
	/* A bad date is reported before a bad check digit. */
	assert_int_equal(check("110105202313310000"), XF_IDNUM_BIRTH);
}

static void test_make_builds_numbers_that_check_for_every_sequence(void **state)
{
	char id[19];
	xf_date birth;
	int male;
	int x_seen = 0;
	(void)state;
	for (int seq = 0; seq < 1000; seq++) {
		xf_idnum_make("330203", (xf_date){1971, 10, 1}, seq, id);
		assert_int_equal(strlen(id), 18);
		assert_int_equal(xf_idnum_check(id, &birth, &male),
		                 XF_IDNUM_OK);
		assert_int_equal(birth.y, 1971);
		assert_int_equal(male, seq % 2);
		x_seen += id[17] == 'X';
	}
	assert_true(x_seen > 0);
	/* The sequence is taken modulo 1000. */
	xf_idnum_make("330203", (xf_date){1971, 10, 1}, 1007, id);
	assert_memory_equal(id + 14, "007", 3);
	xf_idnum_make("330203", (xf_date){1971, 10, 1}, -1, id);
	assert_memory_equal(id + 14, "999", 3);
}

static void test_made_number_with_x_rejects_every_other_check_char(void **state)
{
	char id[19];
	int seq;
	(void)state;
	for (seq = 0; seq < 1000; seq++) {
		xf_idnum_make("510104", (xf_date){1990, 5, 20}, seq, id);
		if (id[17] == 'X')
			break;
	}
	assert_true(seq < 1000);
	assert_int_equal(check(id), XF_IDNUM_OK);
	for (char c = '0'; c <= '9'; c++) {
		id[17] = c;
		assert_int_equal(check(id), XF_IDNUM_CHECK);
	}
}

static void test_error_texts_are_chinese_and_distinct(void **state)
{
	(void)state;
	assert_string_equal(xf_idnum_error_text(XF_IDNUM_CHECK),
	                    "身份证号码校验位错误");
	for (int a = XF_IDNUM_OK; a <= XF_IDNUM_CHECK; a++) {
		const char *t = xf_idnum_error_text(a);
		assert_non_null(t);
		assert_true(xf_utf8_valid(t, strlen(t)));
		assert_non_null(strstr(t, "身份证"));
		for (int b = a + 1; b <= XF_IDNUM_CHECK; b++)
			assert_string_not_equal(t, xf_idnum_error_text(b));
	}
	assert_non_null(xf_idnum_error_text(-1));
	assert_non_null(xf_idnum_error_text(99));
}

static void test_mask_shows_first_4_and_last_4(void **state)
{
	char out[19];
	(void)state;
	assert_string_map((xf_idnum_mask(str, out), out),
	                  {"330201199001011234", "3302**********1234"},
	                  {SAMPLE_X, "1101**********002X"});
}

static void test_mask_of_other_lengths_shows_at_most_last_4(void **state)
{
	char out[19];
	(void)state;
	assert_string_map(
	    (xf_idnum_mask(str, out), out),
	    {"110105491231002", "***********1002"}, /* 15 digits */
	    {"12345", "*2345"}, {"1234", "****"}, {"1", "*"}, {"", ""},
	    {NULL, ""});
}

static void test_mask_of_long_input_never_overflows(void **state)
{
	char out[20];
	char big[4096];
	(void)state;
	memset(big, '7', sizeof big - 5);
	memcpy(big + sizeof big - 5, "ABCD", 5);
	memset(out, '#', sizeof out);
	xf_idnum_mask(big, out);
	assert_string_equal(out, "**************ABCD");
	assert_int_equal(out[19], '#');
	xf_idnum_mask("11010519491231002X9", out);
	assert_string_equal(out, "**************02X9");
}

static void test_mask_never_copies_non_ascii_bytes(void **state)
{
	char out[19];
	(void)state;
	xf_idnum_mask("号码是1101051949", out); /* ends in ASCII */
	assert_true(xf_utf8_valid(out, strlen(out)));
	assert_string_equal(out + strlen(out) - 4, "1949");
	xf_idnum_mask("110105194912310党", out); /* 18 bytes */
	assert_true(xf_utf8_valid(out, strlen(out)));
	assert_string_equal(out, "1101**********0***");
	xf_idnum_mask("<script>alert(1)</", out);
	assert_string_equal(out, "*scr**********1***");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_standard_example_with_x_check_digit_is_valid),
	    cmocka_unit_test(test_lowercase_x_check_digit_is_rejected),
	    cmocka_unit_test(test_birth_and_male_may_be_null),
	    cmocka_unit_test(test_odd_17th_digit_means_male),
	    cmocka_unit_test(test_id_number_with_wrong_check_digit_is_rejected),
	    cmocka_unit_test(
	        test_id_number_with_any_single_digit_changed_is_rejected),
	    cmocka_unit_test(test_swapping_two_adjacent_digits_is_caught),
	    cmocka_unit_test(test_id_number_of_wrong_length_is_rejected),
	    cmocka_unit_test(test_id_number_with_letters_or_spaces_is_rejected),
	    cmocka_unit_test(test_id_number_from_unknown_province_is_rejected),
	    cmocka_unit_test(test_id_numbers_from_every_province_are_accepted),
	    cmocka_unit_test(
	        test_id_number_with_impossible_birth_date_is_rejected),
	    cmocka_unit_test(
	        test_id_number_born_1880_is_rejected_though_its_check_is_right),
	    cmocka_unit_test(test_leap_day_births_are_accepted_in_leap_years),
	    cmocka_unit_test(test_errors_are_reported_in_order),
	    cmocka_unit_test(
	        test_make_builds_numbers_that_check_for_every_sequence),
	    cmocka_unit_test(
	        test_made_number_with_x_rejects_every_other_check_char),
	    cmocka_unit_test(test_error_texts_are_chinese_and_distinct),
	    cmocka_unit_test(test_mask_shows_first_4_and_last_4),
	    cmocka_unit_test(test_mask_of_other_lengths_shows_at_most_last_4),
	    cmocka_unit_test(test_mask_of_long_input_never_overflows),
	    cmocka_unit_test(test_mask_never_copies_non_ascii_bytes),
	};
	return cmocka_run_group_tests_name("idnum", tests, NULL, NULL);
}
