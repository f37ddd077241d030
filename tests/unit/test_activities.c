/*
 * test_activities.c - unit tests of the rules of activities with sign-ups
 * (domain/activities.h): when a sign-up is open, confirmed or waiting,
 * and how many waiting sign-ups move up after a cancellation.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/activities.h"

#include <string.h>

static void signup_open_only_before_the_close_and_the_start(void **state)
{
	(void)state;
	assert_int_equal(xf_activity_signup_open(100, 300, 200), XF_SIGNUP_OK);
	assert_int_equal(xf_activity_signup_open(199, 300, 200), XF_SIGNUP_OK);
	assert_int_equal(xf_activity_signup_open(200, 300, 200),
	                 XF_SIGNUP_CLOSED);
	assert_int_equal(xf_activity_signup_open(250, 300, 200),
	                 XF_SIGNUP_CLOSED);
	assert_int_equal(xf_activity_signup_open(300, 300, 200),
	                 XF_SIGNUP_STARTED);
	assert_int_equal(xf_activity_signup_open(300, 300, 300),
	                 XF_SIGNUP_STARTED);
}

static void a_full_activity_puts_new_signups_on_the_waiting_list(void **state)
{
	(void)state;
	assert_string_equal(xf_activity_signup_status(0, 1), "confirmed");
	assert_string_equal(xf_activity_signup_status(9, 10), "confirmed");
	assert_string_equal(xf_activity_signup_status(10, 10), "waiting");
	assert_string_equal(xf_activity_signup_status(11, 10), "waiting");
}

static void a_freed_place_moves_up_the_waiting_ones_it_can(void **state)
{
	(void)state;
	assert_int_equal(xf_activity_promotions(9, 10, 5), 1);
	assert_int_equal(xf_activity_promotions(7, 10, 5), 3);
	assert_int_equal(xf_activity_promotions(7, 10, 2), 2);
	assert_int_equal(xf_activity_promotions(10, 10, 5), 0);
	assert_int_equal(xf_activity_promotions(9, 10, 0), 0);
	assert_int_equal(xf_activity_promotions(12, 10, 3), 0);
}

static void the_window_closes_no_later_than_the_start(void **state)
{
	(void)state;
	assert_true(xf_activity_times_valid(300, 200));
	assert_true(xf_activity_times_valid(300, 300));
	assert_false(xf_activity_times_valid(300, 301));
	assert_true(xf_code_count(xf_activity_kinds) <= 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(signup_open_only_before_the_close_and_the_start),
	    cmocka_unit_test(
	        a_full_activity_puts_new_signups_on_the_waiting_list),
	    cmocka_unit_test(a_freed_place_moves_up_the_waiting_ones_it_can),
	    cmocka_unit_test(the_window_closes_no_later_than_the_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
