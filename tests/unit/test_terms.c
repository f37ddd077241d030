/*
 * test_terms.c - unit tests of 换届's rules (domain/terms.h): the term
 * length by kind, the end of a term at exactly 3 and 5 years (leap days
 * included), the reminder at exactly 6 months before, days left, overdue
 * from the day after the end, and the vote thresholds of an election.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "dates.h"
#include "domain/terms.h"
#include "fixture.h"

static void committees_serve_five_years_branches_three(void **state)
{
	(void)state;
	assert_int_map(xf_term_years_of(str), {"party_committee", 5},
	               {"organ_committee", 5}, {"general_branch", 5},
	               {"branch", 3}, {"work_committee", 0}, {"temp_branch", 0},
	               {"group", 0}, {NULL, 0});
	assert_true(xf_term_years_ok(3));
	assert_true(xf_term_years_ok(5));
	assert_false(xf_term_years_ok(4));
	assert_false(xf_term_years_ok(0));
	for (int i = 0; xf_term_positions[i].code; i++)
		assert_non_null(xf_term_positions[i].label);
	assert_true(xf_code_valid(xf_term_positions, "deputy_secretary"));
}

static void a_term_ends_exactly_three_or_five_years_later(void **state)
{
	(void)state;
	assert_day(xf_term_ends_on(test_day("2023-12-07"), 3), "2026-12-07");
	assert_day(xf_term_ends_on(test_day("2021-12-07"), 5), "2026-12-07");
	assert_day(xf_term_ends_on(test_day("2025-01-01"), 3), "2028-01-01");
	/* a leap day ends on the last day of February */
	assert_day(xf_term_ends_on(test_day("2024-02-29"), 3), "2027-02-28");
	assert_day(xf_term_ends_on(test_day("2024-02-29"), 5), "2029-02-28");
	assert_day(xf_term_ends_on(test_day("2023-02-28"), 5), "2028-02-28");
}

static void months_move_to_the_last_day_when_the_day_is_missing(void **state)
{
	(void)state;
	assert_day(xf_term_add_months(test_day("2026-08-31"), -6),
	           "2026-02-28");
	assert_day(xf_term_add_months(test_day("2027-08-31"), -6),
	           "2027-02-28");
	assert_day(xf_term_add_months(test_day("2028-08-31"), -6),
	           "2028-02-29");
	assert_day(xf_term_add_months(test_day("2026-11-30"), 3), "2027-02-28");
	assert_day(xf_term_add_months(test_day("2026-12-07"), 3), "2027-03-07");
	assert_day(xf_term_add_months(test_day("2026-03-07"), -3),
	           "2025-12-07");
	assert_day(xf_term_add_months(test_day("2026-01-15"), -1),
	           "2025-12-15");
}

static void the_reminder_is_due_exactly_six_months_before_the_end(void **state)
{
	(void)state;
	xf_date end = test_day("2027-06-07");
	assert_day(xf_term_reminder_on(end), "2026-12-07");
	assert_false(xf_term_reminder_due(end, test_day("2026-12-06")));
	assert_true(xf_term_reminder_due(end, test_day("2026-12-07")));
	assert_true(xf_term_reminder_due(end, test_day("2027-06-07")));
	assert_true(xf_term_reminder_due(end, test_day("2027-09-01")));
	assert_day(xf_term_reminder_on(test_day("2027-08-31")), "2027-02-28");
}

static void the_board_horizon_agrees_with_the_reminder_day(void **state)
{
	(void)state;
	assert_day(xf_term_remind_horizon(test_day("2026-12-07")),
	           "2027-06-07");
	assert_day(xf_term_remind_horizon(test_day("2027-02-28")),
	           "2027-08-31");
	assert_day(xf_term_remind_horizon(test_day("2026-12-31")),
	           "2027-06-30");
	/* every end near the horizon: due exactly when on or before it */
	const char *todays[] = {"2026-12-07", "2027-02-28", "2028-02-28",
	                        "2028-02-29", "2026-08-31", "2026-12-31"};
	for (size_t i = 0; i < sizeof todays / sizeof todays[0]; i++) {
		xf_date today = test_day(todays[i]);
		xf_date h = xf_term_remind_horizon(today);
		for (int k = -40; k <= 40; k++) {
			xf_date end = xf_date_from_days(xf_date_days(h) + k);
			assert_int_equal(xf_term_reminder_due(end, today),
			                 k <= 0);
		}
	}
}

static void a_term_is_overdue_from_the_day_after_its_end(void **state)
{
	(void)state;
	xf_date end = test_day("2026-12-07");
	assert_int_equal(xf_term_days_left(end, test_day("2026-12-01")), 6);
	assert_int_equal(xf_term_days_left(end, test_day("2026-12-07")), 0);
	assert_int_equal(xf_term_days_left(end, test_day("2027-01-07")), -31);
	assert_false(xf_term_overdue(end, test_day("2026-12-07")));
	assert_true(xf_term_overdue(end, test_day("2026-12-08")));
	/* across the year: 3 years exactly then one day more */
	xf_date e3 = xf_term_ends_on(test_day("2023-12-31"), 3);
	assert_false(xf_term_overdue(e3, test_day("2026-12-31")));
	assert_true(xf_term_overdue(e3, test_day("2027-01-01")));
}

static void
an_election_needs_four_fifths_present_and_half_the_votes(void **state)
{
	(void)state;
	assert_true(xf_term_quorum_ok(41, 50));
	assert_false(xf_term_quorum_ok(40, 50)); /* exactly 4/5 is not more */
	assert_true(xf_term_quorum_ok(50, 50));
	assert_false(xf_term_quorum_ok(51, 50));
	assert_false(xf_term_quorum_ok(0, 0));
	assert_true(xf_term_elected(21, 41));
	assert_false(xf_term_elected(20, 40)); /* exactly half is not more */
	assert_true(xf_term_elected(21, 40));
	assert_false(xf_term_elected(42, 41));
	assert_false(xf_term_elected(-1, 41));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(committees_serve_five_years_branches_three),
	    cmocka_unit_test(a_term_ends_exactly_three_or_five_years_later),
	    cmocka_unit_test(
	        months_move_to_the_last_day_when_the_day_is_missing),
	    cmocka_unit_test(
	        the_reminder_is_due_exactly_six_months_before_the_end),
	    cmocka_unit_test(the_board_horizon_agrees_with_the_reminder_day),
	    cmocka_unit_test(a_term_is_overdue_from_the_day_after_its_end),
	    cmocka_unit_test(
	        an_election_needs_four_fifths_present_and_half_the_votes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
