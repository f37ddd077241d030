/*
 * test_joint_projects.c - unit tests of joint projects' rules
 * (domain/joint_projects.h): the partner list check and the statuses.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/joint_projects.h"

static void partners_other_than_the_lead_pass(void **state)
{
	(void)state;
	const int64_t ids[] = {4, 9, 12};
	assert_int_equal(xf_jp_partners_check(1, ids, 3), 0);
	assert_int_equal(xf_jp_partners_check(1, NULL, 0), 0);
}

static void the_lead_named_as_partner_is_refused(void **state)
{
	(void)state;
	const int64_t ids[] = {4, 1};
	assert_int_equal(xf_jp_partners_check(1, ids, 2), -1);
}

static void a_partner_named_twice_is_refused(void **state)
{
	(void)state;
	const int64_t ids[] = {4, 9, 4};
	assert_int_equal(xf_jp_partners_check(1, ids, 3), -2);
}

static void statuses_have_chinese_labels(void **state)
{
	(void)state;
	assert_int_equal(xf_code_count(xf_joint_project_statuses), 4);
	assert_string_equal(xf_code_label(xf_joint_project_statuses, "active"),
	                    "推进中");
	assert_true(xf_code_valid(xf_joint_project_statuses, "done"));
	assert_false(xf_code_valid(xf_joint_project_statuses, "finished"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(partners_other_than_the_lead_pass),
	    cmocka_unit_test(the_lead_named_as_partner_is_refused),
	    cmocka_unit_test(a_partner_named_twice_is_refused),
	    cmocka_unit_test(statuses_have_chinese_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
