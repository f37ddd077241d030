/*
 * test_honors.c - unit tests of the honors registry's rules
 * (domain/honors.h): which categories fit a member or an organization,
 * and the counts a year is reported by, as a phrase in the table's order.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/honors.h"
#include "fixture.h"

#include <string.h>

static void holders(void **state)
{
	(void)state;
	assert_true_for(xf_honor_category_personal(str), "先进个人",
	                "调研成果");
	assert_false_for(xf_honor_category_personal(str), "先进集体", "品牌",
	                 "金奖", NULL);
	assert_true_for(xf_honor_category_collective(str), "先进集体", "案例");
	assert_false_for(xf_honor_category_collective(str), "先进个人", NULL);
	/* every table fits the counts' 16 slots */
	assert_true(xf_code_count(xf_honor_categories) <= 16);
	assert_true(xf_code_count(xf_honor_levels) <= 16);
	assert_true(xf_code_count(xf_honor_grades) <= 16);
}

static void phrase_in_table_order(void **state)
{
	(void)state;
	xf_code_counts k = {.table = xf_honor_grades};
	char out[256];
	assert_int_equal(xf_code_counts_phrase(&k, out, sizeof out), 0);
	assert_string_equal(out, "");
	xf_code_counts_add(&k, "三等奖", 3);
	xf_code_counts_add(&k, "一等奖", 1);
	xf_code_counts_add(&k, "二等奖", 5);
	xf_code_counts_add(&k, "金奖", 7); /* not a code: ignored */
	xf_code_counts_add(&k, NULL, 2);
	size_t n = xf_code_counts_phrase(&k, out, sizeof out);
	assert_string_equal(out, "一等奖1个、二等奖5个、三等奖3个");
	assert_int_equal(n, strlen(out));
}

static void phrase_truncated_whole(void **state)
{
	(void)state;
	xf_code_counts k = {.table = xf_honor_grades};
	xf_code_counts_add(&k, "一等奖", 1);
	xf_code_counts_add(&k, "二等奖", 5);
	char out[24]; /* room for "一等奖1个" (13 bytes), not for more */
	xf_code_counts_phrase(&k, out, sizeof out);
	assert_string_equal(out, "一等奖1个");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(holders),
	    cmocka_unit_test(phrase_in_table_order),
	    cmocka_unit_test(phrase_truncated_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
