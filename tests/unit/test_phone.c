/*
 * test_phone.c - unit tests of telephone number validation and masking
 * (base/phone.h, model/pii.h).
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

#include "base/phone.h"
#include "base/utf8.h"
#include "model/pii.h"

static void test_mobile_numbers_13x_to_19x_are_valid(void **state)
{
	(void)state;
	const char *ok[] = {"13812345678", "14512345678", "15012345678",
	                    "16612345678", "17712345678", "18800000000",
	                    "19999999999"};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_true(xf_phone_valid(ok[i]));
		assert_true(xf_phone_is_mobile(ok[i]));
	}
}

static void test_mobile_number_starting_10_to_12_is_invalid(void **state)
{
	(void)state;
	assert_false_for(xf_phone_valid(str), "10012345678", "11012345678",
	                 "12012345678", "23812345678");
}

static void test_mobile_number_of_wrong_length_is_invalid(void **state)
{
	(void)state;
	assert_false_for(xf_phone_valid(str), "1381234567", "138123456789", "1",
	                 "", NULL);
}

static void
test_mobile_number_with_prefix_or_separators_is_invalid(void **state)
{
	(void)state;
	assert_false_for(xf_phone_valid(str), "+8613812345678", "8613812345678",
	                 "138-1234-5678", "138 1234 5678", " 13812345678",
	                 "13812345678 ", "1381234567a", "１3812345678");
}

static void test_landlines_with_and_without_hyphen_are_valid(void **state)
{
	(void)state;
	const char *ok[] = {
	    "010-12345678",  "01012345678",  "021-1234567",  "0211234567",
	    "0571-88881234", "057188881234", "0571-8888123", "05718888123",
	    "0755-12345678", "010-1234567",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (!xf_phone_valid(ok[i]))
			fail_msg("%s rejected", ok[i]);
		assert_false(xf_phone_is_mobile(ok[i]));
	}
}

static void test_malformed_landlines_are_invalid(void **state)
{
	(void)state;
	const char *bad[] = {
	    "01-12345678",    /* area code too short */
	    "05711-12345678", /* area code too long */
	    "0571-123456",    /* local number too short */
	    "0571-123456789", /* local number too long */
	    "057112345",      /* 9 digits */
	    "0571123456789",  /* 13 digits */
	    "571-88881234",   /* no leading 0 */
	    "0571--88881234", "0571-",          "-88881234",
	    "0571 88881234",  "(0571)88881234", "0571-8888-1234",
	    "0571-88881234-",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (xf_phone_valid(bad[i]))
			fail_msg("%s accepted", bad[i]);
	}
}

static void test_mobile_mask_keeps_first_3_and_last_4(void **state)
{
	char out[32];
	(void)state;
	xf_phone_mask("13812345678", out);
	assert_string_equal(out, "138****5678");
}

static void test_landline_mask_keeps_area_code_and_last_4(void **state)
{
	char out[32];
	(void)state;
	assert_string_map(
	    (xf_phone_mask(str, out), out), {"0571-88881234", "0571-****1234"},
	    {"010-12345678", "010-****5678"}, {"021-1234567", "021-***4567"});
}

static void test_landline_mask_without_hyphen_finds_the_area_code(void **state)
{
	char out[32];
	(void)state;
	assert_string_map(
	    (xf_phone_mask(str, out), out),
	    {"01012345678", "010****5678"}, /* Beijing 010 + 8 digits */
	    {"02087654321", "020****4321"}, /* Guangzhou 020 + 8 */
	    {"05718888123", "0571***8123"}, /* Hangzhou 0571 + 7 */
	    {"057188881234", "0571****1234"}, {"0211234567", "021***4567"});
}

static void test_mask_of_invalid_numbers_keeps_at_most_last_4(void **state)
{
	char out[32];
	(void)state;
	assert_string_map((xf_phone_mask(str, out), out),
	                  {"+86 138 1234 5678", "*************5678"},
	                  {"12345", "*2345"}, {"1234", "****"}, {"", ""},
	                  {NULL, ""});
}

static void test_mask_of_long_input_never_overflows(void **state)
{
	char out[33];
	char big[1000];
	(void)state;
	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memset(out, '#', sizeof out);
	xf_phone_mask(big, out);
	assert_int_equal(strlen(out), 31);
	assert_string_equal(out + 27, "9999");
	assert_int_equal(out[32], '#');
}

static void test_mask_never_copies_non_ascii_or_markup(void **state)
{
	char out[32];
	(void)state;
	xf_phone_mask("电话13812345678号码", out);
	assert_true(xf_utf8_valid(out, strlen(out)));
	assert_null(strpbrk(out, "0123456789"));
	xf_phone_mask("<b>13812345678</b>", out);
	assert_null(strchr(out, '<'));
	assert_null(strchr(out, '>'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_mobile_numbers_13x_to_19x_are_valid),
	    cmocka_unit_test(test_mobile_number_starting_10_to_12_is_invalid),
	    cmocka_unit_test(test_mobile_number_of_wrong_length_is_invalid),
	    cmocka_unit_test(
	        test_mobile_number_with_prefix_or_separators_is_invalid),
	    cmocka_unit_test(test_landlines_with_and_without_hyphen_are_valid),
	    cmocka_unit_test(test_malformed_landlines_are_invalid),
	    cmocka_unit_test(test_mobile_mask_keeps_first_3_and_last_4),
	    cmocka_unit_test(test_landline_mask_keeps_area_code_and_last_4),
	    cmocka_unit_test(
	        test_landline_mask_without_hyphen_finds_the_area_code),
	    cmocka_unit_test(test_mask_of_invalid_numbers_keeps_at_most_last_4),
	    cmocka_unit_test(test_mask_of_long_input_never_overflows),
	    cmocka_unit_test(test_mask_never_copies_non_ascii_or_markup),
	};
	return cmocka_run_group_tests_name("phone", tests, NULL, NULL);
}
