/*
 * date.h - calendar dates, reporting periods (year, quarter, month) and
 * timestamps, in the proleptic Gregorian calendar.
 *
 * The platform lives in Asia/Shanghai, which is UTC+8 all year (no daylight
 * saving since 1991), so local time is computed by adding 8 hours; nothing
 * here calls localtime() or reads the environment. All functions are pure:
 * values in, values out, no allocation; output buffers are the caller's.
 */
#ifndef XF_DATE_H
#define XF_DATE_H

#include <stdint.h>

/* Offset of Asia/Shanghai from UTC, in seconds. */
#define XF_TZ_OFFSET (8 * 3600)

typedef struct {
	int y, m, d;
} xf_date;

/* Returns 1 if d is a real calendar day in years 1..9999, else 0. */
int xf_date_valid(xf_date d);
/* Returns 1 for Gregorian leap years. */
int xf_date_leap(int year);
/* Days in month m (1..12) of year y; 0 for a bad month. */
int xf_date_month_days(int year, int m);

/* Parses exactly "YYYY-MM-DD" (year 1900..2200, a real calendar day) into
 * *out. Returns 0, or -1 and leaves *out untouched. */
int xf_date_parse(const char *s, xf_date *out);
/* Writes "YYYY-MM-DD" and a NUL (fields out of range are clamped). */
void xf_date_format(xf_date d, char out[11]);
/* Days since 1970-01-01 (negative before). d must be valid. */
int64_t xf_date_days(xf_date d);
/* Inverse of xf_date_days(); days outside 0001-01-01..9999-12-31 are
 * clamped to those ends. */
xf_date xf_date_from_days(int64_t days);
/* The calendar day in Asia/Shanghai at a Unix time. */
xf_date xf_date_today(int64_t unix_seconds);
/* Returns -1, 0 or 1 as a is before, equal to or after b. */
int xf_date_cmp(xf_date a, xf_date b);
/* d plus n months (n may be negative), the day clamped to the end of the
 * target month: 2024-01-31 + 1 month is 2024-02-29, 2024-02-29 + 12
 * months is 2025-02-28. */
xf_date xf_date_add_months(xf_date d, int n);
/* Writes e.g. "2024-07-01T08:00:00+08:00" (Asia/Shanghai) and a NUL;
 * times outside years 1..9999 are clamped. */
void xf_time_iso(int64_t unix_seconds, char out[32]);

typedef enum {
	XF_PERIOD_YEAR = 1,
	XF_PERIOD_QUARTER,
	XF_PERIOD_MONTH
} xf_period_kind;

typedef struct {
	xf_period_kind kind;
	int year;
	int n; /* quarter 1-4 or month 1-12; 0 for year */
} xf_period;

/* Parses "2024", "2024Q3" or "2024-07" (year 1900..2200). Returns 0, or -1
 * on anything else and leaves *out untouched. */
int xf_period_parse(const char *s, xf_period *out);
/* Writes the form xf_period_parse() reads, and a NUL. A period with a bad
 * kind or number is written as its year. */
void xf_period_format(xf_period p, char out[12]);
/* First and last day of a period. A bad kind counts as a year. */
xf_date xf_period_first(xf_period p);
xf_date xf_period_last(xf_period p);
/* The period of the given kind that contains d. */
xf_period xf_period_of(xf_date d, xf_period_kind kind);
/* The period right after / before p, of the same kind. */
xf_period xf_period_next(xf_period p);
xf_period xf_period_prev(xf_period p);
/* Returns 1 if d lies within p (both ends included). */
int xf_period_contains(xf_period p, xf_date d);

#endif
