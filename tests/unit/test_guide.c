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

#include <string.h>

#include "domain/guide.h"

/* xf_guide_terms over a copy of q (it cuts in place), with room for 5
 * terms, gives n; when n > 0 the terms are want[0..n-1]. */
static void assert_terms(const char *q, int n, const char *const *want)
{
	char copy[128];
	const char *t[5];
	assert_true(strlen(q) < sizeof copy);
	strcpy(copy, q);
	assert_int_equal(xf_guide_terms(copy, t, 5), n);
	for (int i = 0; i < n; i++)
		assert_string_equal(t[i], want[i]);
}

static void terms_are_cut_on_spaces(void **state)
{
	(void)state;
	assert_terms("  支委会\t会议记录 模板 ", 3,
	             (const char *const[]){"支委会", "会议记录", "模板"});
}

static void full_width_space_separates_terms(void **state)
{
	(void)state;
	assert_terms("主题党日\u3000志愿服务", 2,
	             (const char *const[]){"主题党日", "志愿服务"});
}

static void blank_query_has_no_terms(void **state)
{
	(void)state;
	assert_terms(" \t\u3000 ", 0, NULL);
	assert_terms("", 0, NULL);
}

static void more_terms_than_allowed_are_refused(void **state)
{
	(void)state;
	assert_terms("一二 三四 五六 七八 九十 百千", -1, NULL);
	assert_terms(
	    "一二 三四 五六 七八 九十", 5,
	    (const char *const[]){"一二", "三四", "五六", "七八", "九十"});
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
