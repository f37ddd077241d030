/*
 * test_model.c - unit tests of the model layer: personal data as a caller
 * sees it (model/pii.h) and the JSON forms of entities (model/).
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

#include "base/buf.h"
#include "model/member.h"
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

/* The JSON form of m as a NUL-terminated string in b (freed by the
 * caller with xf_buf_free). */
static const char *member_json(xf_buf *b, const xf_member *m, int may_see)
{
	xf_jw w;
	xf_buf_init(b, 1 << 16);
	xf_jw_init(&w, b);
	xf_member_json(&w, m, may_see);
	assert_false(b->failed);
	return b->data;
}

static const xf_member sample_member = {
    .id = 7,
    .org_id = 3,
    .org_name = "第一支部",
    .name = "张三",
    .gender = "male",
    .id_number = "330201199001011234",
    .birth_date = "1990-01-01",
    .phone = "13812345678",
    .status = "full",
    .joined_on = "2015-07-01",
};

static void test_member_json_masks_for_a_caller_who_may_not_see(void **state)
{
	xf_buf b;
	(void)state;
	const char *s = member_json(&b, &sample_member, 0);
	assert_true_for(strstr(s, str), "\"id_number\":\"3302**********1234\"",
	                "\"phone\":\"138****5678\"", "\"pii_masked\":true",
	                "\"birth_date\":null", "\"birth_year\":\"1990\"");
	assert_null(strstr(s, "330201199001011234"));
	assert_null(strstr(s, "13812345678"));
	xf_buf_free(&b);
}

static void test_member_json_shows_all_to_a_caller_who_may_see(void **state)
{
	xf_buf b;
	(void)state;
	const char *s = member_json(&b, &sample_member, 1);
	assert_true_for(strstr(s, str), "\"id_number\":\"330201199001011234\"",
	                "\"phone\":\"13812345678\"", "\"pii_masked\":false",
	                "\"birth_date\":\"1990-01-01\"");
	xf_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_a_caller_who_may_see_gets_the_value_itself),
	    cmocka_unit_test(
	        test_a_caller_who_may_not_see_gets_the_masked_value),
	    cmocka_unit_test(test_a_masked_birth_date_is_not_shown_at_all),
	    cmocka_unit_test(test_a_missing_value_stays_missing),
	    cmocka_unit_test(
	        test_member_json_masks_for_a_caller_who_may_not_see),
	    cmocka_unit_test(
	        test_member_json_shows_all_to_a_caller_who_may_see),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
