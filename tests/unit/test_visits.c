/*
 * test_visits.c - unit tests of 四必访's rules (domain/visits.h): every
 * kind has a deadline and an owner, the due date across months and
 * years, days left (negative when overdue), on time, and coverage.
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
#include "domain/visits.h"
#include "fixture.h"

#include <string.h>

static void every_kind_has_a_deadline_and_an_owner(void **state)
{
	(void)state;
	for (int i = 0; xf_visit_kinds[i].code; i++) {
		const xf_visit_rule *r =
		    xf_visit_rule_of(xf_visit_kinds[i].code);
		assert_non_null(r);
		assert_true(r->days > 0);
		assert_true(xf_code_valid(xf_visit_owners, r->owner));
	}
	assert_int_equal(xf_visit_rule_of("illness")->days, 7);
	assert_string_equal(xf_visit_rule_of("illness")->owner, "secretary");
	assert_int_equal(xf_visit_rule_of("major_event")->days, 3);
	assert_string_equal(xf_visit_rule_of("major_event")->owner,
	                    "committee");
	assert_null(xf_visit_rule_of("party"));
	assert_null(xf_visit_rule_of(NULL));
}

static void kept_kinds_have_plain_new_codes(void **state)
{
	(void)state;
	assert_true_for(xf_visit_kind_code_ok(str), "retired_ill", "k2");
	assert_false_for(xf_visit_kind_code_ok(str), "illness" /* built in */,
	                 "Retired", "2k", "a", "a-b", NULL);
}

static void due_date_crosses_months_and_years(void **state)
{
	(void)state;
	char s[11];
	xf_date_format(xf_visit_due_on(test_day("2025-12-29"), 7), s);
	assert_string_equal(s, "2026-01-05");
	xf_date_format(xf_visit_due_on(test_day("2024-02-27"), 3), s);
	assert_string_equal(s, "2024-03-01");
}

static void days_left_is_negative_when_overdue(void **state)
{
	(void)state;
	assert_int_equal(
	    xf_visit_days_left(test_day("2026-01-05"), test_day("2025-12-30")),
	    6);
	assert_int_equal(
	    xf_visit_days_left(test_day("2026-01-05"), test_day("2026-01-05")),
	    0);
	assert_int_equal(
	    xf_visit_days_left(test_day("2026-01-05"), test_day("2026-01-12")),
	    -7);
}

static void on_time_includes_the_due_day(void **state)
{
	(void)state;
	assert_true(
	    xf_visit_on_time(test_day("2026-01-05"), test_day("2026-01-05")));
	assert_true(
	    xf_visit_on_time(test_day("2026-01-01"), test_day("2026-01-05")));
	assert_false(
	    xf_visit_on_time(test_day("2026-01-06"), test_day("2026-01-05")));
}

static void coverage_is_on_time_per_owed_in_hundredths(void **state)
{
	(void)state;
	assert_int_equal(xf_visit_coverage(1, 3), 3333);
	assert_int_equal(xf_visit_coverage(2, 3), 6667);
	assert_int_equal(xf_visit_coverage(4, 4), 10000);
	assert_int_equal(xf_visit_coverage(0, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_kind_has_a_deadline_and_an_owner),
	    cmocka_unit_test(kept_kinds_have_plain_new_codes),
	    cmocka_unit_test(due_date_crosses_months_and_years),
	    cmocka_unit_test(days_left_is_negative_when_overdue),
	    cmocka_unit_test(on_time_includes_the_due_day),
	    cmocka_unit_test(coverage_is_on_time_per_owed_in_hundredths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
