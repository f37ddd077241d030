/*
 * test_cases.c - unit tests of case selection (domain/cases.h): the
 * score as a trimmed mean from 5 reviewers up and a plain mean below,
 * ranks with ties, tiers by places with a tie group at a tier's edge
 * kept whole, and the honor level and grade a selection awards.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/cases.h"
#include "domain/points.h"
#include "fixture.h"
#include "judge_sheet.h"

/* A reviewer's sheet with scores a and b (x10). */
static xf_judge_sheet sheet(int a, int b)
{
	return xf_test_sheet(1, a, b);
}

static void score_of_five_reviewers_drops_highest_and_lowest(void **state)
{
	(void)state;
	xf_judge_sheet s[] = {sheet(500, 300), sheet(600, 300), sheet(700, 300),
	                      sheet(800, 300), sheet(1000, 0)};
	/* criterion 1: 600, 700, 800 → 700; criterion 2: 300, 300, 300 */
	assert_int_equal(xf_case_score(s, 5, 2), 1000);
}

static void score_of_fewer_reviewers_is_the_mean(void **state)
{
	(void)state;
	xf_judge_sheet s[] = {sheet(500, 300), sheet(600, 300), sheet(700, 300),
	                      sheet(1000, 0)};
	/* (500 + 600 + 700 + 1000) / 4 = 700; (900) / 4 = 225 */
	assert_int_equal(xf_case_score(s, 4, 2), 925);
	assert_int_equal(xf_case_score(s, 1, 2), 800);
}

static void score_without_reviewers_is_none(void **state)
{
	(void)state;
	assert_int_equal(xf_case_score(NULL, 0, 2), -1);
}

static void ranks_share_on_ties(void **state)
{
	(void)state;
	int64_t scores[] = {950, 950, 900, 880, 880, 880};
	int ranks[6];
	xf_points_ranks(scores, 6, ranks);
	int want[] = {1, 1, 3, 4, 4, 4};
	for (int i = 0; i < 6; i++)
		assert_int_equal(ranks[i], want[i]);
}

/* xf_case_tiers of the n ranks with the places of the ntiers tiers gives
 * the tiers want (-1: not selected). */
static void assert_tiers(const int *ranks, int n, const int *places, int ntiers,
                         const int *want)
{
	int tier[16];
	assert_true(n <= 16);
	xf_case_tiers(ranks, n, places, ntiers, tier);
	for (int i = 0; i < n; i++)
		assert_int_equal(tier[i], want[i]);
}

static void tiers_fill_by_places(void **state)
{
	(void)state;
	assert_tiers((const int[]){1, 2, 3, 4, 5, 6}, 6, (const int[]){2, 3}, 2,
	             (const int[]){0, 0, 1, 1, 1, -1});
}

static void tie_group_fitting_a_tier_stays_in_it(void **state)
{
	(void)state;
	/* 1, 2, 2 exactly fill 3 places of the first tier */
	assert_tiers((const int[]){1, 2, 2, 4}, 4, (const int[]){3, 1}, 2,
	             (const int[]){0, 0, 0, 1});
}

static void tie_group_crossing_a_tier_edge_drops_whole(void **state)
{
	(void)state;
	/* 2 places in the first tier: rank 1 takes one, the pair at rank 2
	 * does not fit the one left, so both go to the second tier, which
	 * then has 1 place left for rank 4; rank 5 is not selected */
	assert_tiers((const int[]){1, 2, 2, 4, 5}, 5, (const int[]){2, 3}, 2,
	             (const int[]){0, 1, 1, 1, -1});
}

static void tie_group_larger_than_the_last_tier_is_not_selected(void **state)
{
	(void)state;
	assert_tiers((const int[]){1, 2, 2, 2}, 4, (const int[]){1, 2}, 2,
	             (const int[]){0, -1, -1, -1});
}

static void all_tied_in_one_tier(void **state)
{
	(void)state;
	assert_tiers((const int[]){1, 1, 1}, 3, (const int[]){10}, 1,
	             (const int[]){0, 0, 0});
	assert_tiers((const int[]){1, 1, 1}, 0, (const int[]){10}, 1, NULL);
}

static void deadline_ends_submissions_after_its_day(void **state)
{
	(void)state;
	/* on the deadline itself (up to 23:59 in Shanghai) still open */
	assert_string_equal(
	    xf_case_stage_on("open", "2026-12-31", "2026-12-31"), "open");
	assert_string_equal(
	    xf_case_stage_on("open", "2026-12-31", "2027-01-01"), "closed");
	assert_string_equal(
	    xf_case_stage_on("open", "2026-12-31", "2026-06-01"), "open");
	/* a later stage stays what it is */
	assert_string_equal(
	    xf_case_stage_on("selected", "2026-01-01", "2026-12-31"),
	    "selected");
}

static void honor_level_and_grade(void **state)
{
	(void)state;
	assert_string_map(xf_case_honor_level(str), {"city", "市级"},
	                  {"county", "县级"}, {"township", "县级"});
	assert_string_map(xf_case_honor_grade(str), {"十佳", "十佳"},
	                  {"百优", "百优"}, {"优秀案例", "优秀"});
	assert_string_equal(xf_code_label(xf_case_stages, "closed"), "评审中");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(score_of_five_reviewers_drops_highest_and_lowest),
	    cmocka_unit_test(score_of_fewer_reviewers_is_the_mean),
	    cmocka_unit_test(score_without_reviewers_is_none),
	    cmocka_unit_test(ranks_share_on_ties),
	    cmocka_unit_test(tiers_fill_by_places),
	    cmocka_unit_test(tie_group_fitting_a_tier_stays_in_it),
	    cmocka_unit_test(tie_group_crossing_a_tier_edge_drops_whole),
	    cmocka_unit_test(
	        tie_group_larger_than_the_last_tier_is_not_selected),
	    cmocka_unit_test(all_tied_in_one_tier),
	    cmocka_unit_test(deadline_ends_submissions_after_its_day),
	    cmocka_unit_test(honor_level_and_grade),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
