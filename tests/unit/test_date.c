/*
 * test_date.c - unit tests of calendar dates, Shanghai time and reporting
 * periods (base/date.h).
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "fixture.h"

#include <string.h>

#include "base/date.h"

static xf_date D(int y, int m, int d)
{
	return (xf_date){y, m, d};
}

static void assert_date(xf_date got, int y, int m, int d)
{
	assert_int_equal(got.y, y);
	assert_int_equal(got.m, m);
	assert_int_equal(got.d, d);
}

static int parses(const char *s)
{
	xf_date d;
	return xf_date_parse(s, &d) == 0;
}

/* ---- parsing and formatting ------------------------------------------- */

static void test_date_2024_07_01_parses(void **state)
{
	xf_date d;
	(void)state;
	assert_int_equal(xf_date_parse("2024-07-01", &d), 0);
	assert_date(d, 2024, 7, 1);
}

static void test_leap_day_2024_02_29_is_valid(void **state)
{
	(void)state;
	assert_true(parses("2024-02-29"));
	assert_true(xf_date_leap(2024));
}

static void test_leap_day_2023_02_29_is_invalid(void **state)
{
	(void)state;
	assert_false(parses("2023-02-29"));
	assert_false(xf_date_leap(2023));
}

static void
test_leap_day_1900_02_29_is_invalid_as_1900_is_no_leap_year(void **state)
{
	(void)state;
	assert_false(parses("1900-02-29"));
	assert_true(parses("1900-02-28"));
	assert_false(xf_date_leap(1900));
	assert_false(xf_date_leap(2100));
}

static void
test_leap_day_2000_02_29_is_valid_as_2000_is_a_leap_year(void **state)
{
	(void)state;
	assert_true(parses("2000-02-29"));
	assert_true(xf_date_leap(2000));
	assert_true(xf_date_leap(1600));
}

static void test_days_past_month_end_are_invalid(void **state)
{
	(void)state;
	assert_false_for(parses(str), "2024-04-31", "2024-06-31", "2024-09-31",
	                 "2024-11-31", "2024-01-32", "2024-02-30");
	assert_true(parses("2024-12-31"));
	assert_true(parses("2024-01-31"));
	assert_false_for(parses(str), "2024-00-10", "2024-13-01", "2024-05-00");
}

static void test_date_years_outside_1900_to_2200_are_rejected(void **state)
{
	(void)state;
	assert_true(parses("1900-01-01"));
	assert_true(parses("2200-12-31"));
	assert_false_for(parses(str), "1899-12-31", "2201-01-01", "0000-01-01");
}

static void test_date_in_other_shapes_is_rejected(void **state)
{
	xf_date d = D(1, 2, 3);
	(void)state;
	const char *bad[] = {
	    "",
	    "2024",
	    "2024-7-1",
	    "2024-07-1",
	    "2024/07/01",
	    "20240701",
	    "2024-07-01 ",
	    " 2024-07-01",
	    "2024-07-01T00:00:00",
	    "2024-07-0a",
	    "+024-07-01",
	    "2024-7-01",
	    "24-07-01",
	    "2024-07-01\n",
	    "２０２４-07-01",
	    "2024--7-01",
	    "2024-07--1",
	    "-2024-07-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (xf_date_parse(bad[i], &d) == 0)
			fail_msg("\"%s\" parsed", bad[i]);
	}
	assert_int_equal(xf_date_parse(NULL, &d), -1);
	/* A failed parse leaves the output alone. */
	assert_date(d, 1, 2, 3);
}

static void test_date_format_pads_with_zeros(void **state)
{
	char out[11];
	(void)state;
	xf_date_format(D(2024, 7, 1), out);
	assert_string_equal(out, "2024-07-01");
	xf_date_format(D(1900, 12, 31), out);
	assert_string_equal(out, "1900-12-31");
	xf_date_format(D(5, 1, 2), out);
	assert_string_equal(out, "0005-01-02");
}

static void test_date_format_never_writes_past_11_bytes(void **state)
{
	char out[12];
	(void)state;
	memset(out, '#', sizeof out);
	xf_date_format(D(123456, -5, 1000), out);
	assert_int_equal(out[10], '\0');
	assert_int_equal(out[11], '#');
	assert_string_equal(out, "9999-00-99");
}

static void
test_every_day_1900_to_2200_parses_back_from_its_format(void **state)
{
	(void)state;
	int64_t first = xf_date_days(D(1900, 1, 1));
	int64_t last = xf_date_days(D(2200, 12, 31));
	for (int64_t n = first; n <= last; n++) {
		char out[11];
		xf_date d = xf_date_from_days(n), back;
		xf_date_format(d, out);
		if (xf_date_parse(out, &back) != 0 || xf_date_cmp(d, back))
			fail_msg("%s does not round-trip", out);
	}
}

/* ---- day numbers -------------------------------------------------------- */

static void test_day_zero_is_1970_01_01(void **state)
{
	(void)state;
	assert_int_equal(xf_date_days(D(1970, 1, 1)), 0);
	assert_date(xf_date_from_days(0), 1970, 1, 1);
	assert_int_equal(xf_date_days(D(1969, 12, 31)), -1);
	assert_date(xf_date_from_days(-1), 1969, 12, 31);
}

static void test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(xf_date_days(D(2000, 1, 1)), 10957);
	assert_int_equal(xf_date_days(D(2000, 3, 1)), 11017);
	assert_int_equal(xf_date_days(D(2024, 7, 1)), 19905);
	assert_int_equal(xf_date_days(D(1900, 1, 1)), -25567);
	assert_int_equal(xf_date_days(D(2038, 1, 19)), 24855);
	assert_int_equal(xf_date_days(D(1, 1, 1)), -719162);
	assert_int_equal(xf_date_days(D(9999, 12, 31)), 2932896);
}

static void test_days_round_trip_from_year_1_to_9999(void **state)
{
	(void)state;
	xf_date prev = xf_date_from_days(-719162);
	assert_date(prev, 1, 1, 1);
	for (int64_t n = -719161; n <= 2932896; n++) {
		xf_date d = xf_date_from_days(n);
		if (!xf_date_valid(d) || xf_date_days(d) != n)
			fail_msg("day %lld does not round-trip", (long long)n);
		/* Consecutive day numbers are consecutive calendar days. */
		if (xf_date_cmp(prev, d) >= 0)
			fail_msg("day %lld is not after its predecessor",
			         (long long)n);
		int next_day = prev.d + 1 <= xf_date_month_days(prev.y, prev.m);
		if (next_day &&
		    (d.y != prev.y || d.m != prev.m || d.d != prev.d + 1))
			fail_msg("day %lld skips", (long long)n);
		if (!next_day && d.d != 1)
			fail_msg("day %lld should start a month", (long long)n);
		prev = d;
	}
}

static void test_days_outside_years_1_to_9999_are_clamped(void **state)
{
	(void)state;
	assert_date(xf_date_from_days(INT64_MIN), 1, 1, 1);
	assert_date(xf_date_from_days(-800000), 1, 1, 1);
	assert_date(xf_date_from_days(INT64_MAX), 9999, 12, 31);
	assert_date(xf_date_from_days(3000000), 9999, 12, 31);
}

static void test_date_cmp_orders_by_year_month_day(void **state)
{
	(void)state;
	assert_int_equal(xf_date_cmp(D(2024, 1, 1), D(2024, 1, 1)), 0);
	assert_int_equal(xf_date_cmp(D(2023, 12, 31), D(2024, 1, 1)), -1);
	assert_int_equal(xf_date_cmp(D(2024, 2, 1), D(2024, 1, 31)), 1);
	assert_int_equal(xf_date_cmp(D(2024, 3, 5), D(2024, 3, 6)), -1);
	assert_int_equal(xf_date_cmp(D(2025, 1, 1), D(2024, 12, 31)), 1);
}

/* ---- Shanghai time ------------------------------------------------------ */

static void test_shanghai_day_changes_at_16_00_utc(void **state)
{
	(void)state;
	/* 2024-06-30T16:00:00Z is 2024-07-01T00:00:00+08:00. */
	int64_t t = 1719763200;
	assert_date(xf_date_today(t - 1), 2024, 6, 30);
	assert_date(xf_date_today(t), 2024, 7, 1);
	/* 08:00 UTC is still the same day in Shanghai. */
	assert_date(xf_date_today(1719820800), 2024, 7, 1);
	assert_date(xf_date_today(t + 86399), 2024, 7, 1);
	assert_date(xf_date_today(t + 86400), 2024, 7, 2);
}

static void test_unix_epoch_is_8_am_on_1970_01_01_in_shanghai(void **state)
{
	char out[32];
	(void)state;
	assert_date(xf_date_today(0), 1970, 1, 1);
	xf_time_iso(0, out);
	assert_string_equal(out, "1970-01-01T08:00:00+08:00");
	/* Before the epoch, 16:00 UTC on 1969-12-31 is midnight. */
	assert_date(xf_date_today(-8 * 3600 - 1), 1969, 12, 31);
	assert_date(xf_date_today(-8 * 3600), 1970, 1, 1);
	xf_time_iso(-8 * 3600 - 1, out);
	assert_string_equal(out, "1969-12-31T23:59:59+08:00");
}

static void test_time_iso_writes_shanghai_time(void **state)
{
	char out[32];
	(void)state;
	xf_time_iso(1719792000, out); /* 2024-07-01T00:00:00Z */
	assert_string_equal(out, "2024-07-01T08:00:00+08:00");
	xf_time_iso(1719763200, out);
	assert_string_equal(out, "2024-07-01T00:00:00+08:00");
	xf_time_iso(1709222399, out); /* 2024-02-29T15:59:59Z */
	assert_string_equal(out, "2024-02-29T23:59:59+08:00");
	xf_time_iso(1709222400, out);
	assert_string_equal(out, "2024-03-01T00:00:00+08:00");
	xf_time_iso(1704038400 - 1, out); /* 2023-12-31T15:59:59Z */
	assert_string_equal(out, "2023-12-31T23:59:59+08:00");
	xf_time_iso(2147483647, out);
	assert_string_equal(out, "2038-01-19T11:14:07+08:00");
}

static void test_time_iso_clamps_extreme_times_and_fits_32_bytes(void **state)
{
	char out[33];
	(void)state;
	memset(out, '#', sizeof out);
	xf_time_iso(INT64_MAX, out);
	assert_string_equal(out, "9999-12-31T23:59:59+08:00");
	assert_int_equal(out[32], '#');
	xf_time_iso(INT64_MIN, out);
	assert_string_equal(out, "0001-01-01T00:00:00+08:00");
}

/* ---- periods ------------------------------------------------------------ */

static xf_period P(xf_period_kind kind, int year, int n)
{
	return (xf_period){kind, year, n};
}

static void assert_period(xf_period p, xf_period_kind kind, int year, int n)
{
	assert_int_equal(p.kind, kind);
	assert_int_equal(p.year, year);
	assert_int_equal(p.n, n);
}

static void test_period_forms_parse(void **state)
{
	xf_period p;
	(void)state;
	assert_int_equal(xf_period_parse("2024", &p), 0);
	assert_period(p, XF_PERIOD_YEAR, 2024, 0);
	assert_int_equal(xf_period_parse("2024Q3", &p), 0);
	assert_period(p, XF_PERIOD_QUARTER, 2024, 3);
	assert_int_equal(xf_period_parse("2024-07", &p), 0);
	assert_period(p, XF_PERIOD_MONTH, 2024, 7);
	assert_int_equal(xf_period_parse("2024-12", &p), 0);
	assert_period(p, XF_PERIOD_MONTH, 2024, 12);
}

static void test_period_in_other_shapes_is_rejected(void **state)
{
	xf_period p = P(XF_PERIOD_MONTH, 1999, 9);
	(void)state;
	const char *bad[] = {
	    "",        "202",     "20245",  "2024Q0",  "2024Q5",  "2024q3",
	    "2024Q",   "2024Q31", "2024-7", "2024-00", "2024-13", "2024-07-01",
	    "2024-",   "2024 ",   "1899",   "2201",    "2024H1",  "Q3",
	    "2024-1a", "2024Q3 ", "-2024",  "2024/07",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (xf_period_parse(bad[i], &p) == 0)
			fail_msg("\"%s\" parsed", bad[i]);
	}
	assert_int_equal(xf_period_parse(NULL, &p), -1);
	assert_period(p, XF_PERIOD_MONTH, 1999, 9);
}

static void test_period_format_is_what_parse_reads(void **state)
{
	char out[12];
	xf_period p;
	(void)state;
	const char *forms[] = {"2024",    "2024Q1",  "2024Q4", "2024-01",
	                       "2024-09", "2024-12", "1900",   "2200Q2"};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		assert_int_equal(xf_period_parse(forms[i], &p), 0);
		xf_period_format(p, out);
		assert_string_equal(out, forms[i]);
	}
}

static void test_period_with_bad_number_formats_as_its_year(void **state)
{
	char out[12];
	(void)state;
	xf_period_format(P(XF_PERIOD_QUARTER, 2024, 5), out);
	assert_string_equal(out, "2024");
	xf_period_format(P(XF_PERIOD_MONTH, 2024, 0), out);
	assert_string_equal(out, "2024");
	xf_period_format(P((xf_period_kind)9, 2024, 3), out);
	assert_string_equal(out, "2024");
}

static void assert_span(xf_period p, xf_date first, xf_date last)
{
	assert_int_equal(xf_date_cmp(xf_period_first(p), first), 0);
	assert_int_equal(xf_date_cmp(xf_period_last(p), last), 0);
}

static void test_quarter_2024Q1_runs_jan_1_to_mar_31(void **state)
{
	(void)state;
	assert_span(P(XF_PERIOD_QUARTER, 2024, 1), D(2024, 1, 1),
	            D(2024, 3, 31));
}

static void test_quarters_2_to_4_run_to_jun_30_sep_30_dec_31(void **state)
{
	(void)state;
	assert_span(P(XF_PERIOD_QUARTER, 2024, 2), D(2024, 4, 1),
	            D(2024, 6, 30));
	assert_span(P(XF_PERIOD_QUARTER, 2024, 3), D(2024, 7, 1),
	            D(2024, 9, 30));
	assert_span(P(XF_PERIOD_QUARTER, 2024, 4), D(2024, 10, 1),
	            D(2024, 12, 31));
}

static void test_february_ends_on_the_29th_only_in_leap_years(void **state)
{
	(void)state;
	assert_span(P(XF_PERIOD_MONTH, 2024, 2), D(2024, 2, 1), D(2024, 2, 29));
	assert_span(P(XF_PERIOD_MONTH, 2023, 2), D(2023, 2, 1), D(2023, 2, 28));
	assert_span(P(XF_PERIOD_MONTH, 1900, 2), D(1900, 2, 1), D(1900, 2, 28));
	assert_span(P(XF_PERIOD_MONTH, 2000, 2), D(2000, 2, 1), D(2000, 2, 29));
}

static void test_year_runs_jan_1_to_dec_31(void **state)
{
	(void)state;
	assert_span(P(XF_PERIOD_YEAR, 2024, 0), D(2024, 1, 1), D(2024, 12, 31));
}

static void test_period_of_a_day_contains_it(void **state)
{
	(void)state;
	assert_period(xf_period_of(D(2024, 3, 31), XF_PERIOD_QUARTER),
	              XF_PERIOD_QUARTER, 2024, 1);
	assert_period(xf_period_of(D(2024, 4, 1), XF_PERIOD_QUARTER),
	              XF_PERIOD_QUARTER, 2024, 2);
	assert_period(xf_period_of(D(2024, 12, 31), XF_PERIOD_QUARTER),
	              XF_PERIOD_QUARTER, 2024, 4);
	assert_period(xf_period_of(D(2024, 7, 15), XF_PERIOD_MONTH),
	              XF_PERIOD_MONTH, 2024, 7);
	assert_period(xf_period_of(D(2024, 7, 15), XF_PERIOD_YEAR),
	              XF_PERIOD_YEAR, 2024, 0);
	/* Every day of 2023 and 2024, in every kind of period. */
	for (int64_t n = xf_date_days(D(2023, 1, 1));
	     n <= xf_date_days(D(2024, 12, 31)); n++) {
		xf_date d = xf_date_from_days(n);
		for (int k = XF_PERIOD_YEAR; k <= XF_PERIOD_MONTH; k++) {
			xf_period p = xf_period_of(d, (xf_period_kind)k);
			assert_true(xf_period_contains(p, d));
			assert_false(xf_period_contains(xf_period_next(p), d));
			assert_false(xf_period_contains(xf_period_prev(p), d));
		}
	}
}

static void test_period_contains_both_ends_and_nothing_beyond(void **state)
{
	xf_period q3 = P(XF_PERIOD_QUARTER, 2024, 3);
	(void)state;
	assert_true(xf_period_contains(q3, D(2024, 7, 1)));
	assert_true(xf_period_contains(q3, D(2024, 9, 30)));
	assert_false(xf_period_contains(q3, D(2024, 6, 30)));
	assert_false(xf_period_contains(q3, D(2024, 10, 1)));
	assert_false(xf_period_contains(q3, D(2023, 8, 1)));
	assert_true(
	    xf_period_contains(P(XF_PERIOD_YEAR, 2024, 0), D(2024, 12, 31)));
	assert_false(
	    xf_period_contains(P(XF_PERIOD_YEAR, 2024, 0), D(2025, 1, 1)));
}

static void test_next_and_prev_cross_year_boundaries(void **state)
{
	(void)state;
	assert_period(xf_period_next(P(XF_PERIOD_QUARTER, 2024, 4)),
	              XF_PERIOD_QUARTER, 2025, 1);
	assert_period(xf_period_prev(P(XF_PERIOD_QUARTER, 2024, 1)),
	              XF_PERIOD_QUARTER, 2023, 4);
	assert_period(xf_period_next(P(XF_PERIOD_MONTH, 2024, 12)),
	              XF_PERIOD_MONTH, 2025, 1);
	assert_period(xf_period_prev(P(XF_PERIOD_MONTH, 2024, 1)),
	              XF_PERIOD_MONTH, 2023, 12);
	assert_period(xf_period_next(P(XF_PERIOD_MONTH, 2024, 6)),
	              XF_PERIOD_MONTH, 2024, 7);
	assert_period(xf_period_next(P(XF_PERIOD_YEAR, 2024, 0)),
	              XF_PERIOD_YEAR, 2025, 0);
	assert_period(xf_period_prev(P(XF_PERIOD_YEAR, 2024, 0)),
	              XF_PERIOD_YEAR, 2023, 0);
}

static void test_consecutive_periods_tile_the_calendar(void **state)
{
	(void)state;
	for (int k = XF_PERIOD_YEAR; k <= XF_PERIOD_MONTH; k++) {
		xf_period p =
		    P((xf_period_kind)k, 1900, k == XF_PERIOD_YEAR ? 0 : 1);
		int64_t expect_first = xf_date_days(D(1900, 1, 1));
		while (p.year <= 2200) {
			xf_period n = xf_period_next(p);
			/* Each period starts the day after the last one ended.
			 */
			assert_int_equal(xf_date_days(xf_period_first(p)),
			                 expect_first);
			expect_first = xf_date_days(xf_period_last(p)) + 1;
			assert_int_equal(xf_period_prev(n).year, p.year);
			assert_int_equal(xf_period_prev(n).n, p.n);
			p = n;
		}
		assert_int_equal(expect_first, xf_date_days(D(2201, 1, 1)));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_2024_07_01_parses),
	    cmocka_unit_test(test_leap_day_2024_02_29_is_valid),
	    cmocka_unit_test(test_leap_day_2023_02_29_is_invalid),
	    cmocka_unit_test(
	        test_leap_day_1900_02_29_is_invalid_as_1900_is_no_leap_year),
	    cmocka_unit_test(
	        test_leap_day_2000_02_29_is_valid_as_2000_is_a_leap_year),
	    cmocka_unit_test(test_days_past_month_end_are_invalid),
	    cmocka_unit_test(test_date_years_outside_1900_to_2200_are_rejected),
	    cmocka_unit_test(test_date_in_other_shapes_is_rejected),
	    cmocka_unit_test(test_date_format_pads_with_zeros),
	    cmocka_unit_test(test_date_format_never_writes_past_11_bytes),
	    cmocka_unit_test(
	        test_every_day_1900_to_2200_parses_back_from_its_format),
	    cmocka_unit_test(test_day_zero_is_1970_01_01),
	    cmocka_unit_test(test_known_day_numbers),
	    cmocka_unit_test(test_days_round_trip_from_year_1_to_9999),
	    cmocka_unit_test(test_days_outside_years_1_to_9999_are_clamped),
	    cmocka_unit_test(test_date_cmp_orders_by_year_month_day),
	    cmocka_unit_test(test_shanghai_day_changes_at_16_00_utc),
	    cmocka_unit_test(test_unix_epoch_is_8_am_on_1970_01_01_in_shanghai),
	    cmocka_unit_test(test_time_iso_writes_shanghai_time),
	    cmocka_unit_test(
	        test_time_iso_clamps_extreme_times_and_fits_32_bytes),
	    cmocka_unit_test(test_period_forms_parse),
	    cmocka_unit_test(test_period_in_other_shapes_is_rejected),
	    cmocka_unit_test(test_period_format_is_what_parse_reads),
	    cmocka_unit_test(test_period_with_bad_number_formats_as_its_year),
	    cmocka_unit_test(test_quarter_2024Q1_runs_jan_1_to_mar_31),
	    cmocka_unit_test(test_quarters_2_to_4_run_to_jun_30_sep_30_dec_31),
	    cmocka_unit_test(test_february_ends_on_the_29th_only_in_leap_years),
	    cmocka_unit_test(test_year_runs_jan_1_to_dec_31),
	    cmocka_unit_test(test_period_of_a_day_contains_it),
	    cmocka_unit_test(test_period_contains_both_ends_and_nothing_beyond),
	    cmocka_unit_test(test_next_and_prev_cross_year_boundaries),
	    cmocka_unit_test(test_consecutive_periods_tile_the_calendar),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
