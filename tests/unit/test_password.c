/*
 * test_password.c - unit tests of the password rule (domain/password.h),
 * the list of common passwords it ships with, and the client address
 * behind a trusted proxy (xf_client_addr_pick, http/headers.h).
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

#include "domain/password.h"
#include "http/headers.h"

static const xf_password_rules rules = {10, 3};

static void
test_a_password_of_ten_characters_and_three_classes_passes(void **state)
{
	(void)state;
	assert_int_map(xf_password_check(&rules, "zhang", str),
	               {"Abcdefgh-1", XF_PW_OK}, {"wangwu-pass-1", XF_PW_OK},
	               /* Chinese characters count as characters, and as
	                  "other" */
	               {"党建先锋abc12345", XF_PW_OK});
}

static void test_nine_characters_are_too_short(void **state)
{
	(void)state;
	assert_int_map(xf_password_check(&rules, NULL, str),
	               {"Abcdefg-1", XF_PW_TOO_SHORT},
	               /* characters, not bytes: 3 Chinese characters are 9
	                  bytes */
	               {"党建先A-1", XF_PW_TOO_SHORT});
}

static void test_two_classes_are_too_few(void **state)
{
	(void)state;
	assert_int_map(xf_password_check(&rules, NULL, str),
	               {"abcdefgh1234", XF_PW_FEW_CLASSES},
	               {"ABCDEFGHIJKL", XF_PW_FEW_CLASSES});
	const xf_password_rules two = {10, 2};
	assert_int_equal(xf_password_check(&two, NULL, "xkcdrandom12"),
	                 XF_PW_OK);
}

static void test_the_username_in_any_case_is_refused(void **state)
{
	(void)state;
	assert_int_equal(
	    xf_password_check(&rules, "Li-Si-2024x", "li-si-2024X"),
	    XF_PW_IS_USERNAME);
}

static void test_common_passwords_are_refused_in_any_case(void **state)
{
	(void)state;
	assert_int_map(xf_password_check(&rules, NULL, str),
	               {"Password@123", XF_PW_COMMON},
	               {"P@ssw0rd123", XF_PW_COMMON},
	               {"Woaini@1314", XF_PW_COMMON});
	assert_true(xf_password_is_common("1QAZ2WSX3EDC"));
	assert_false(xf_password_is_common("Sound-pass-2024"));
}

static void test_the_list_is_sorted_lower_case_and_unique(void **state)
{
	(void)state;
	assert_true(xf_common_passwords_n > 1000);
	for (int i = 0; i < xf_common_passwords_n; i++) {
		for (const char *p = xf_common_passwords[i]; *p; p++)
			assert_false(*p >= 'A' && *p <= 'Z');
		if (i)
			assert_true(strcmp(xf_common_passwords[i - 1],
			                   xf_common_passwords[i]) < 0);
	}
}

static void test_every_rule_has_a_chinese_message(void **state)
{
	(void)state;
	for (int f = XF_PW_TOO_SHORT; f <= XF_PW_COMMON; f++)
		assert_true(strlen(xf_password_rule_message(f)) > 0);
}

static void test_forwarded_for_counts_only_from_a_trusted_proxy(void **state)
{
	(void)state;
	char out[64];
	assert_string_equal(
	    xf_client_addr_pick("127.0.0.1", "10.0.0.9", NULL, out, sizeof out),
	    "127.0.0.1");
	assert_string_equal(
	    xf_client_addr_pick("127.0.0.1", "10.0.0.9", "", out, sizeof out),
	    "127.0.0.1");
	assert_string_equal(xf_client_addr_pick("192.168.1.5", "10.0.0.9",
	                                        "127.0.0.1", out, sizeof out),
	                    "192.168.1.5");
	assert_string_equal(xf_client_addr_pick("127.0.0.1", "10.0.0.9",
	                                        "10.1.1.1, 127.0.0.1", out,
	                                        sizeof out),
	                    "10.0.0.9");
}

static void test_the_last_hop_is_the_one_the_proxy_saw(void **state)
{
	(void)state;
	char out[64];
	/* a client may send its own header: only the proxy's hop counts */
	assert_string_equal(xf_client_addr_pick("127.0.0.1",
	                                        "1.2.3.4, 10.0.0.9 ",
	                                        "127.0.0.1", out, sizeof out),
	                    "10.0.0.9");
	assert_string_equal(xf_client_addr_pick("127.0.0.1", "2001:db8::1",
	                                        "127.0.0.1", out, sizeof out),
	                    "2001:db8::1");
}

static void test_a_malformed_last_hop_leaves_the_peer(void **state)
{
	(void)state;
	char out[64];
	const char *bad[] = {"",           "not-an-address", "10.0.0.9 x",
	                     "10.0.0.999", "10.0.0.9,",      "1.2.3.4, evil"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_string_equal(xf_client_addr_pick("127.0.0.1", bad[i],
		                                        "127.0.0.1", out,
		                                        sizeof out),
		                    "127.0.0.1");
	char tiny[4];
	assert_string_equal(
	    xf_client_addr_pick("127.0.0.1", NULL, NULL, tiny, sizeof tiny),
	    "127");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_a_password_of_ten_characters_and_three_classes_passes),
	    cmocka_unit_test(test_nine_characters_are_too_short),
	    cmocka_unit_test(test_two_classes_are_too_few),
	    cmocka_unit_test(test_the_username_in_any_case_is_refused),
	    cmocka_unit_test(test_common_passwords_are_refused_in_any_case),
	    cmocka_unit_test(test_the_list_is_sorted_lower_case_and_unique),
	    cmocka_unit_test(test_every_rule_has_a_chinese_message),
	    cmocka_unit_test(
	        test_forwarded_for_counts_only_from_a_trusted_proxy),
	    cmocka_unit_test(test_the_last_hop_is_the_one_the_proxy_saw),
	    cmocka_unit_test(test_a_malformed_last_hop_leaves_the_peer),
	};
	return cmocka_run_group_tests_name("password", tests, NULL, NULL);
}
