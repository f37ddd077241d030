/*
 * test_reviews.c - unit tests of the scoring methods of review sessions
 * (domain/reviews.h): means with weights, the trimmed mean from 5 judges
 * up with ties at the extremes, a missing score excluded, totals, spread
 * and grades at their thresholds.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/reviews.h"
#include "judge_sheet.h"

/* A sheet of weight w with scores a and b (x10; -1 empty). */
static xf_judge_sheet sheet(int w, int a, int b)
{
	return xf_test_sheet(w, a, b);
}

static void mean_weighted(void **state)
{
	(void)state;
	xf_judge_sheet s[] = {sheet(1, 800, 400), sheet(1, 900, 500),
	                      sheet(2, 600, 300)};
	xf_review_result r;
	xf_review_aggregate(XF_RM_MEAN, s, 3, 2, &r);
	/* (800 + 900 + 2 * 600) / 4 = 725; (400 + 500 + 600) / 4 = 375 */
	assert_int_equal(r.crit_x10[0], 725);
	assert_int_equal(r.crit_x10[1], 375);
	assert_int_equal(r.total_x10, 1100);
	assert_int_equal(r.counted[0], 3);
	assert_int_equal(r.judges, 3);
	/* judges' totals 1200, 1400, 900: spread 500 */
	assert_int_equal(r.spread_x10, 500);
	/* rounding half up: (10 + 11) / 2 = 10.5 tenths -> 11 */
	xf_judge_sheet h[] = {sheet(1, 10, -1), sheet(1, 11, -1)};
	xf_review_aggregate(XF_RM_MEAN, h, 2, 1, &r);
	assert_int_equal(r.crit_x10[0], 11);
}

static void trimmed_from_five(void **state)
{
	(void)state;
	xf_judge_sheet four[] = {sheet(1, 100, 0), sheet(1, 900, 0),
	                         sheet(1, 800, 0), sheet(1, 800, 0)};
	xf_review_result r;
	xf_review_aggregate(XF_RM_TRIMMED_MEAN, four, 4, 1, &r);
	assert_int_equal(r.crit_x10[0], 650); /* fewer than 5: all count */
	xf_judge_sheet five[] = {sheet(1, 100, 0), sheet(1, 900, 0),
	                         sheet(1, 800, 0), sheet(1, 800, 0),
	                         sheet(1, 700, 0)};
	xf_review_aggregate(XF_RM_TRIMMED_MEAN, five, 5, 1, &r);
	/* drop 100 and 900: (800 + 800 + 700) / 3 = 766.67 -> 767 */
	assert_int_equal(r.crit_x10[0], 767);
	assert_int_equal(r.counted[0], 5);
	/* ties at both extremes: one of each is dropped */
	xf_judge_sheet ties[] = {sheet(1, 900, 0), sheet(1, 900, 0),
	                         sheet(1, 500, 0), sheet(1, 500, 0),
	                         sheet(1, 700, 0)};
	xf_review_aggregate(XF_RM_TRIMMED_MEAN, ties, 5, 1, &r);
	/* (900 + 500 + 700) / 3 = 700 */
	assert_int_equal(r.crit_x10[0], 700);
	/* all equal */
	xf_judge_sheet eq[] = {sheet(1, 850, 0), sheet(1, 850, 0),
	                       sheet(1, 850, 0), sheet(1, 850, 0),
	                       sheet(1, 850, 0)};
	xf_review_aggregate(XF_RM_TRIMMED_MEAN, eq, 5, 1, &r);
	assert_int_equal(r.crit_x10[0], 850);
}

static void missing_excluded(void **state)
{
	(void)state;
	/* five judges, one left criterion 0 empty: only 4 count for it, so
	 * it is not trimmed; criterion 1 has 5 and is */
	xf_judge_sheet s[] = {sheet(1, 100, 100), sheet(1, -1, 900),
	                      sheet(1, 800, 800), sheet(1, 800, 800),
	                      sheet(1, 700, 700)};
	xf_review_result r;
	xf_review_aggregate(XF_RM_TRIMMED_MEAN, s, 5, 2, &r);
	assert_int_equal(r.counted[0], 4);
	assert_int_equal(r.crit_x10[0], 600);
	assert_int_equal(r.crit_x10[1], 767);
	assert_int_equal(r.judges, 5);
	/* the spread counts only judges who scored everything: 200..1600 */
	assert_int_equal(r.spread_x10, 1400);
	/* nobody scored: -1 and no total */
	xf_judge_sheet e[] = {sheet(1, -1, -1)};
	xf_review_aggregate(XF_RM_MEAN, e, 1, 2, &r);
	assert_int_equal(r.crit_x10[0], -1);
	assert_int_equal(r.total_x10, 0);
	assert_int_equal(r.judges, 0);
	assert_int_equal(r.spread_x10, 0);
}

static void weights_in_trim(void **state)
{
	(void)state;
	/* leaders weigh 3: after dropping 1000 (staff) and 200 (staff) the
	 * mean is (3 * 900 + 3 * 800 + 1 * 500) / 7 = 800 */
	xf_judge_sheet s[] = {sheet(1, 1000, 0), sheet(1, 200, 0),
	                      sheet(3, 900, 0), sheet(3, 800, 0),
	                      sheet(1, 500, 0)};
	xf_review_result r;
	xf_review_aggregate(XF_RM_TRIMMED_MEAN, s, 5, 1, &r);
	assert_int_equal(r.crit_x10[0], 800);
	/* weight 0 counts as 1 */
	xf_judge_sheet z[] = {sheet(0, 600, 0), sheet(1, 800, 0)};
	xf_review_aggregate(XF_RM_MEAN, z, 2, 1, &r);
	assert_int_equal(r.crit_x10[0], 700);
}

static void grades(void **state)
{
	(void)state;
	xf_grade_rules g;
	xf_grade_rules_default(&g);
	assert_string_equal(xf_review_grade(&g, 900, 1000), "good");
	assert_string_equal(xf_review_grade(&g, 899, 1000), "fair");
	assert_string_equal(xf_review_grade(&g, 800, 1000), "fair");
	assert_string_equal(xf_review_grade(&g, 799, 1000), "pass");
	assert_string_equal(xf_review_grade(&g, 600, 1000), "pass");
	assert_string_equal(xf_review_grade(&g, 599, 1000), "poor");
	/* out of 50 points: 45 is 90% */
	assert_string_equal(xf_review_grade(&g, 450, 500), "good");
	assert_string_equal(xf_review_grade(&g, 449, 500), "fair");
	assert_string_equal(xf_review_grade(&g, 100, 0), "poor");
	assert_string_equal(xf_code_label(xf_review_grades, "fair"), "较好");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(mean_weighted),
	    cmocka_unit_test(trimmed_from_five),
	    cmocka_unit_test(missing_excluded),
	    cmocka_unit_test(weights_in_trim),
	    cmocka_unit_test(grades),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
