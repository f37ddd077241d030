/*
 * test_guide.c - unit tests of the practice guide's query rule
 * (domain/guide.h): terms cut on ASCII and full-width spaces, a limit on
 * their number.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/guide.h"

static void terms_are_cut_on_spaces(void **state)
{
	(void)state;
	char q[] = "  支委会\t会议记录 模板 ";
	const char *t[5];
	assert_int_equal(xf_guide_terms(q, t, 5), 3);
	assert_string_equal(t[0], "支委会");
	assert_string_equal(t[1], "会议记录");
	assert_string_equal(t[2], "模板");
}

static void full_width_space_separates_terms(void **state)
{
	(void)state;
	char q[] = "主题党日\u3000志愿服务";
	const char *t[5];
	assert_int_equal(xf_guide_terms(q, t, 5), 2);
	assert_string_equal(t[0], "主题党日");
	assert_string_equal(t[1], "志愿服务");
}

static void blank_query_has_no_terms(void **state)
{
	(void)state;
	char q[] = " \t\u3000 ";
	char e[] = "";
	const char *t[5];
	assert_int_equal(xf_guide_terms(q, t, 5), 0);
	assert_int_equal(xf_guide_terms(e, t, 5), 0);
}

static void more_terms_than_allowed_are_refused(void **state)
{
	(void)state;
	char q[] = "一二 三四 五六 七八 九十 百千";
	char five[] = "一二 三四 五六 七八 九十";
	const char *t[5];
	assert_int_equal(xf_guide_terms(q, t, 5), -1);
	assert_int_equal(xf_guide_terms(five, t, 5), 5);
	assert_string_equal(t[4], "九十");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(terms_are_cut_on_spaces),
	    cmocka_unit_test(full_width_space_separates_terms),
	    cmocka_unit_test(blank_query_has_no_terms),
	    cmocka_unit_test(more_terms_than_allowed_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
