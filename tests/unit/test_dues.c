/*
 * test_dues.c - unit tests of 党费's rules (domain/dues.h): every rate of
 * every category at both sides of each bracket's bound (3000.00 and
 * 3000.01 元 …), the rounding half up to the fen, the flat 0.20 元 of
 * students and low-income members, refusals, months "YYYY-MM", and the
 * months owed from the month after admission.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/dues.h"
#include "fixture.h"

/* Incomes of a category with the rate each pays (basis points) and its
 * dues a month (fen); UNCHECKED where a case checks only the other. */
#define UNCHECKED INT64_MIN
typedef struct {
	const char *category;
	int64_t income_fen;
	int64_t rate_bp, monthly_fen;
} dues_case;

static void check_dues(const dues_case *c)
{
	if (c->rate_bp != UNCHECKED)
		assert_int_equal(xf_dues_rate_bp(c->category, c->income_fen),
		                 c->rate_bp);
	if (c->monthly_fen != UNCHECKED)
		assert_int_equal(
		    xf_dues_monthly_fen(c->category, c->income_fen),
		    c->monthly_fen);
}
#define assert_dues(...) assert_each(dues_case, check_dues, __VA_ARGS__)

static void employed_up_to_3000_yuan_pays_half_a_percent(void **state)
{
	(void)state;
	assert_dues({"employed", 300000, 50, 1500},
	            {"employed", 0, UNCHECKED, 0},
	            {"employed", 100, UNCHECKED, 1}, /* 0.5 */
	            {"employed", 99, UNCHECKED, 0},  /* 0.495 */
	            {"employed", 250050, UNCHECKED, 1250});
}

static void employed_above_3000_yuan_pays_one_percent(void **state)
{
	(void)state;
	assert_dues(/* 3000.01 元 × 1% = 30.0001 元 → 30.00 元 */
	            {"employed", 300001, 100, 3000},
	            {"employed", 500000, 100, 5000},
	            /* 4567.50 元 × 1% = 45.675 元 → 45.68 元 (half up) */
	            {"employed", 456750, UNCHECKED, 4568},
	            {"employed", 456749, UNCHECKED, 4567});
}

static void employed_above_5000_yuan_pays_one_and_a_half_percent(void **state)
{
	(void)state;
	assert_dues(/* 5000.01 × 1.5% = 75.00015 → 75.00 */
	            {"employed", 500001, 150, 7500},
	            {"employed", 1000000, 150, 15000},
	            /* 6543.21 × 1.5% = 98.14815 → 98.15 */
	            {"employed", 654321, UNCHECKED, 9815});
}

static void employed_above_10000_yuan_pays_two_percent(void **state)
{
	(void)state;
	assert_dues(/* 10000.01 × 2% = 200.0002 → 200.00 */
	            {"employed", 1000001, 200, 20000},
	            {"employed", 1234567, UNCHECKED, 24691},
	            {"employed", XF_DUES_INCOME_MAX, UNCHECKED,
	             XF_DUES_INCOME_MAX / 50});
}

static void retirees_pay_half_a_percent_up_to_5000_then_one(void **state)
{
	(void)state;
	assert_dues(
	    {"retired", 300001, 50, UNCHECKED}, {"retired", 500000, 50, 2500},
	    {"retired", 500001, 100, 5000}, {"retired", 2000000, 100, 20000});
}

static void students_and_low_income_pay_20_fen_whatever_the_income(void **state)
{
	(void)state;
	const char *flat[] = {"student", "low_income"};
	for (int i = 0; i < 2; i++)
		assert_dues({flat[i], 0, 0, 20},
		            {flat[i], 300001, UNCHECKED, 20},
		            {flat[i], 2000000, UNCHECKED, 20});
}

static void unknown_category_or_income_out_of_range_is_refused(void **state)
{
	(void)state;
	assert_int_equal(xf_dues_monthly_fen("soldier", 300000), -1);
	assert_int_equal(xf_dues_monthly_fen(NULL, 300000), -1);
	assert_int_equal(xf_dues_monthly_fen("employed", -1), -1);
	assert_int_equal(
	    xf_dues_monthly_fen("employed", XF_DUES_INCOME_MAX + 1), -1);
}

static void every_category_has_a_rate_and_a_label(void **state)
{
	(void)state;
	for (int i = 0; xf_dues_categories[i].code; i++) {
		assert_true(xf_dues_rate_bp(xf_dues_categories[i].code, 0) >=
		            0);
		assert_non_null(xf_dues_categories[i].label);
	}
	assert_string_equal(XF_DUES_DEFAULT_CATEGORY,
	                    xf_dues_categories[0].code);
}

static void months_are_year_dash_two_digit_month(void **state)
{
	(void)state;
	int y = 0, m = 0;
	assert_int_equal(xf_dues_month_parse("2026-01", &y, &m), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 1);
	assert_int_equal(xf_dues_month_parse("2026-12", &y, &m), 0);
	assert_int_equal(m, 12);
	const char *bad[] = {"2026-13", "2026-00",    "2026-1", "2026/01",
	                     "26-01",   "2026-01-01", "",       "abcd-ef"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(xf_dues_month_parse(bad[i], &y, &m), -1);
	assert_int_equal(xf_dues_month_parse(NULL, &y, &m), -1);
	char out[8];
	xf_dues_month_format(2026, 3, out);
	assert_string_equal(out, "2026-03");
}

static void dues_are_owed_from_the_month_after_admission(void **state)
{
	(void)state;
	/* admitted 2025-03-31: from April on */
	assert_false(xf_dues_month_owed("2025-03-31", 2025, 3));
	assert_true(xf_dues_month_owed("2025-03-31", 2025, 4));
	assert_false(xf_dues_month_owed("2025-03-01", 2024, 12));
	/* admitted in December: from January of the next year */
	assert_false(xf_dues_month_owed("2025-12-01", 2025, 12));
	assert_true(xf_dues_month_owed("2025-12-01", 2026, 1));
	assert_false(xf_dues_month_owed("not a day", 2026, 1));
}

static void owed_months_stop_at_the_month_of_today(void **state)
{
	(void)state;
	/* a member of long standing: January to today's month */
	int mask = xf_dues_owed_mask("2000-01-01", 2026, "2026-03-15");
	assert_int_equal(mask, (1 << 1) | (1 << 2) | (1 << 3));
	assert_int_equal(xf_dues_months_in(mask), 3);
	/* a past year: all twelve */
	assert_int_equal(xf_dues_months_in(xf_dues_owed_mask("2000-01-01", 2025,
	                                                     "2026-03-15")),
	                 12);
	/* a future year: none */
	assert_int_equal(xf_dues_owed_mask("2000-01-01", 2027, "2026-03-15"),
	                 0);
	/* admitted in February: March only */
	assert_int_equal(xf_dues_owed_mask("2026-02-10", 2026, "2026-03-15"),
	                 1 << 3);
	/* admitted this month: nothing yet */
	assert_int_equal(xf_dues_owed_mask("2026-03-01", 2026, "2026-03-15"),
	                 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(employed_up_to_3000_yuan_pays_half_a_percent),
	    cmocka_unit_test(employed_above_3000_yuan_pays_one_percent),
	    cmocka_unit_test(
	        employed_above_5000_yuan_pays_one_and_a_half_percent),
	    cmocka_unit_test(employed_above_10000_yuan_pays_two_percent),
	    cmocka_unit_test(retirees_pay_half_a_percent_up_to_5000_then_one),
	    cmocka_unit_test(
	        students_and_low_income_pay_20_fen_whatever_the_income),
	    cmocka_unit_test(
	        unknown_category_or_income_out_of_range_is_refused),
	    cmocka_unit_test(every_category_has_a_rate_and_a_label),
	    cmocka_unit_test(months_are_year_dash_two_digit_month),
	    cmocka_unit_test(dues_are_owed_from_the_month_after_admission),
	    cmocka_unit_test(owed_months_stop_at_the_month_of_today),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
