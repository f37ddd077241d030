/*
 * test_model.c - unit tests of the model layer: personal data as a caller
 * sees it (model/pii.h).
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <string.h>

#include "model/pii.h"

static void test_a_caller_who_may_see_gets_the_value_itself(void **state)
{
	char out[XF_PII_MAX];
	const char *id = "330201199001011234";
	(void)state;
	assert_ptr_equal(xf_pii_shown(XF_PII_ID_NUMBER, id, 1, out), id);
	assert_ptr_equal(xf_pii_shown(XF_PII_PHONE, "13812345678", 1, out),
	                 (const void *)"13812345678");
	assert_string_equal(
	    xf_pii_shown(XF_PII_BIRTH_DATE, "1990-01-01", 1, out),
	    "1990-01-01");
}

static void test_a_caller_who_may_not_see_gets_the_masked_value(void **state)
{
	char out[XF_PII_MAX];
	(void)state;
	assert_string_equal(
	    xf_pii_shown(XF_PII_ID_NUMBER, "330201199001011234", 0, out),
	    "3302**********1234");
	assert_string_equal(xf_pii_shown(XF_PII_PHONE, "13812345678", 0, out),
	                    "138****5678");
	assert_string_equal(xf_pii_shown(XF_PII_PHONE, "0571-88881234", 0, out),
	                    "0571-****1234");
}

static void test_a_masked_birth_date_is_not_shown_at_all(void **state)
{
	char out[XF_PII_MAX];
	(void)state;
	assert_null(xf_pii_shown(XF_PII_BIRTH_DATE, "1990-01-01", 0, out));
}

static void test_a_missing_value_stays_missing(void **state)
{
	char out[XF_PII_MAX];
	(void)state;
	assert_null(xf_pii_shown(XF_PII_ID_NUMBER, NULL, 0, out));
	assert_null(xf_pii_shown(XF_PII_PHONE, NULL, 0, out));
	assert_null(xf_pii_shown(XF_PII_PHONE, NULL, 1, out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_a_caller_who_may_see_gets_the_value_itself),
	    cmocka_unit_test(
	        test_a_caller_who_may_not_see_gets_the_masked_value),
	    cmocka_unit_test(test_a_masked_birth_date_is_not_shown_at_all),
	    cmocka_unit_test(test_a_missing_value_stays_missing),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
