/*
 * test_transfers.c - unit tests of 组织关系转接's rules
 * (domain/transfers.h): the moves allowed per kind, the side that acts at
 * each step, the letter's deadline at exactly 3 months, and overdue.
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
#include "domain/transfers.h"

#include <string.h>

static void in_tree_needs_both_sides_then_arrives(void **state)
{
	(void)state;
	assert_int_equal(xf_transfer_side("in_tree", "applied"), 'f');
	assert_string_equal(
	    xf_transfer_next("in_tree", "applied", XF_TR_APPROVE),
	    "out_approved");
	assert_null(xf_transfer_next("in_tree", "applied", XF_TR_ARRIVE));
	assert_int_equal(xf_transfer_side("in_tree", "out_approved"), 't');
	assert_string_equal(
	    xf_transfer_next("in_tree", "out_approved", XF_TR_APPROVE),
	    "in_approved");
	assert_null(xf_transfer_next("in_tree", "out_approved", XF_TR_ARRIVE));
	assert_int_equal(xf_transfer_side("in_tree", "in_approved"), 't');
	assert_null(xf_transfer_next("in_tree", "in_approved", XF_TR_APPROVE));
	assert_string_equal(
	    xf_transfer_next("in_tree", "in_approved", XF_TR_ARRIVE),
	    "arrived");
}

static void out_and_in_need_only_the_inside_side(void **state)
{
	(void)state;
	assert_int_equal(xf_transfer_side("out", "applied"), 'f');
	assert_string_equal(xf_transfer_next("out", "applied", XF_TR_APPROVE),
	                    "out_approved");
	assert_int_equal(xf_transfer_side("out", "out_approved"), 'f');
	assert_string_equal(
	    xf_transfer_next("out", "out_approved", XF_TR_ARRIVE), "arrived");
	assert_null(xf_transfer_next("out", "out_approved", XF_TR_APPROVE));
	assert_int_equal(xf_transfer_side("in", "applied"), 't');
	assert_string_equal(xf_transfer_next("in", "applied", XF_TR_APPROVE),
	                    "in_approved");
	assert_null(xf_transfer_next("in", "applied", XF_TR_ARRIVE));
	assert_string_equal(xf_transfer_next("in", "in_approved", XF_TR_ARRIVE),
	                    "arrived");
}

static void open_transfers_may_be_returned_closed_ones_not(void **state)
{
	(void)state;
	assert_string_equal(
	    xf_transfer_next("in_tree", "applied", XF_TR_REJECT), "returned");
	assert_string_equal(
	    xf_transfer_next("out", "out_approved", XF_TR_REJECT), "returned");
	assert_string_equal(xf_transfer_next("in", "in_approved", XF_TR_REJECT),
	                    "returned");
	for (int a = XF_TR_APPROVE; a <= XF_TR_ARRIVE; a++) {
		assert_null(xf_transfer_next("in_tree", "arrived", a));
		assert_null(xf_transfer_next("out", "returned", a));
		assert_null(xf_transfer_next("bogus", "applied", a));
		assert_null(xf_transfer_next("in", NULL, a));
	}
	assert_int_equal(xf_transfer_side("in", "arrived"), 0);
	assert_true(xf_transfer_closed("arrived"));
	assert_true(xf_transfer_closed("returned"));
	assert_false(xf_transfer_closed("applied"));
	for (int i = 0; xf_transfer_states[i].code; i++)
		assert_non_null(xf_transfer_states[i].label);
}

static void the_letter_is_valid_exactly_three_months(void **state)
{
	(void)state;
	assert_day(xf_transfer_deadline(test_day("2026-12-07")), "2027-03-07");
	assert_day(xf_transfer_deadline(test_day("2026-11-30")), "2027-02-28");
	assert_day(xf_transfer_deadline(test_day("2027-11-30")), "2028-02-29");
	assert_day(xf_transfer_deadline(test_day("2026-10-31")), "2027-01-31");
	xf_date dl = xf_transfer_deadline(test_day("2026-09-07"));
	assert_int_equal(xf_transfer_days_left(dl, test_day("2026-12-07")), 0);
	assert_false(
	    xf_transfer_overdue("applied", dl, test_day("2026-12-07")));
	assert_true(xf_transfer_overdue("applied", dl, test_day("2026-12-08")));
	assert_int_equal(xf_transfer_days_left(dl, test_day("2026-12-08")), -1);
	assert_false(
	    xf_transfer_overdue("arrived", dl, test_day("2027-12-08")));
	assert_false(
	    xf_transfer_overdue("returned", dl, test_day("2027-12-08")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(in_tree_needs_both_sides_then_arrives),
	    cmocka_unit_test(out_and_in_need_only_the_inside_side),
	    cmocka_unit_test(open_transfers_may_be_returned_closed_ones_not),
	    cmocka_unit_test(the_letter_is_valid_exactly_three_months),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
