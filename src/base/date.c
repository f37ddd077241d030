/*
 * date.c - Gregorian day arithmetic (Howard Hinnant's days_from_civil and
 * civil_from_days), fixed-offset Shanghai time, and reporting periods.
 */
#include "base/date.h"

#include <stddef.h>

#define SECS_PER_DAY 86400
/* xf_date_days() of 0001-01-01 and of 9999-12-31. */
#define DAYS_MIN (-719162)
#define DAYS_MAX 2932896

int xf_date_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int xf_date_month_days(int year, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30,
	                              31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && xf_date_leap(year))
		return 29;
	return mdays[m - 1];
}

int xf_date_valid(xf_date d)
{
	return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	       d.d <= xf_date_month_days(d.y, d.m);
}

/* Reads n decimal digits at s into *v; returns 0 or -1 on a non-digit. */
static int read_digits(const char *s, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 0;
}

/* Writes v (clamped to 0..10^n-1) as n zero-padded digits at p. */
static void put_digits(char *p, int v, int n)
{
	int max = 1;
	for (int i = 0; i < n; i++)
		max *= 10;
	if (v < 0)
		v = 0;
	if (v >= max)
		v = max - 1;
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

int xf_date_parse(const char *s, xf_date *out)
{
	xf_date d;

	if (!s)
		return -1;
	/* Each check stops at the first mismatch, so a short string's NUL is
	 * seen before anything past it is read. */
	if (read_digits(s, 4, &d.y) != 0 || s[4] != '-' ||
	    read_digits(s + 5, 2, &d.m) != 0 || s[7] != '-' ||
	    read_digits(s + 8, 2, &d.d) != 0 || s[10] != '\0')
		return -1;
	if (d.y < 1900 || d.y > 2200 || !xf_date_valid(d))
		return -1;
	*out = d;
	return 0;
}

void xf_date_format(xf_date d, char out[11])
{
	put_digits(out, d.y, 4);
	out[4] = '-';
	put_digits(out + 5, d.m, 2);
	out[7] = '-';
	put_digits(out + 8, d.d, 2);
	out[10] = '\0';
}

int64_t xf_date_days(xf_date d)
{
	/* Years start on March 1 so that the leap day is the last one. */
	int64_t y = (int64_t)d.y - (d.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;                         /* 0..399 */
	int64_t mp = (d.m + 9) % 12;                         /* Mar = 0 */
	int64_t doy = (153 * mp + 2) / 5 + d.d - 1;          /* 0..365 */
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */
	return era * 146097 + doe - 719468;
}

xf_date xf_date_from_days(int64_t days)
{
	if (days < DAYS_MIN)
		days = DAYS_MIN;
	if (days > DAYS_MAX)
		days = DAYS_MAX;
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097; /* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100); /* 0..365 */
	int64_t mp = (5 * doy + 2) / 153;                      /* 0..11 */
	xf_date d;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

/* Splits a Unix time into Shanghai days since the epoch and seconds into
 * that day, flooring for times before 1970. */
static int64_t local_days(int64_t unix_seconds, int64_t *sec_of_day)
{
	/* Clamp far enough out that adding the offset cannot overflow and
	 * the day still clamps to the year range in xf_date_from_days(). */
	const int64_t lim = (int64_t)(DAYS_MAX + 2) * SECS_PER_DAY;
	int64_t t = unix_seconds;
	if (t < -lim)
		t = -lim;
	if (t > lim)
		t = lim;
	t += XF_TZ_OFFSET;
	int64_t days = t / SECS_PER_DAY;
	int64_t rem = t % SECS_PER_DAY;
	if (rem < 0) {
		rem += SECS_PER_DAY;
		days--;
	}
	if (sec_of_day)
		*sec_of_day = rem;
	return days;
}

xf_date xf_date_today(int64_t unix_seconds)
{
	return xf_date_from_days(local_days(unix_seconds, NULL));
}

int xf_date_cmp(xf_date a, xf_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

void xf_time_iso(int64_t unix_seconds, char out[32])
{
	int64_t sec;
	int64_t days = local_days(unix_seconds, &sec);

	if (days < DAYS_MIN) {
		days = DAYS_MIN;
		sec = 0;
	} else if (days > DAYS_MAX) {
		days = DAYS_MAX;
		sec = SECS_PER_DAY - 1;
	}
	xf_date_format(xf_date_from_days(days), out);
	out[10] = 'T';
	put_digits(out + 11, (int)(sec / 3600), 2);
	out[13] = ':';
	put_digits(out + 14, (int)(sec / 60 % 60), 2);
	out[16] = ':';
	put_digits(out + 17, (int)(sec % 60), 2);
	/* The offset is fixed; write it as text rather than compute it. */
	const char *zone = "+08:00";
	for (int i = 0; i < 7; i++)
		out[19 + i] = zone[i];
}

/* ---- periods ------------------------------------------------------------ */

/* Returns 1 if p's kind and number agree. */
static int period_ok(xf_period p)
{
	switch (p.kind) {
	case XF_PERIOD_YEAR:
		return p.n == 0;
	case XF_PERIOD_QUARTER:
		return p.n >= 1 && p.n <= 4;
	case XF_PERIOD_MONTH:
		return p.n >= 1 && p.n <= 12;
	}
	return 0;
}

int xf_period_parse(const char *s, xf_period *out)
{
	xf_period p;

	if (!s || read_digits(s, 4, &p.year) != 0)
		return -1;
	if (p.year < 1900 || p.year > 2200)
		return -1;
	if (s[4] == '\0') {
		p.kind = XF_PERIOD_YEAR;
		p.n = 0;
	} else if (s[4] == 'Q') {
		if (s[5] < '1' || s[5] > '4' || s[6] != '\0')
			return -1;
		p.kind = XF_PERIOD_QUARTER;
		p.n = s[5] - '0';
	} else if (s[4] == '-') {
		if (read_digits(s + 5, 2, &p.n) != 0 || s[7] != '\0')
			return -1;
		if (p.n < 1 || p.n > 12)
			return -1;
		p.kind = XF_PERIOD_MONTH;
	} else {
		return -1;
	}
	*out = p;
	return 0;
}

void xf_period_format(xf_period p, char out[12])
{
	put_digits(out, p.year, 4);
	out[4] = '\0';
	if (!period_ok(p))
		return;
	if (p.kind == XF_PERIOD_QUARTER) {
		out[4] = 'Q';
		out[5] = (char)('0' + p.n);
		out[6] = '\0';
	} else if (p.kind == XF_PERIOD_MONTH) {
		out[4] = '-';
		put_digits(out + 5, p.n, 2);
		out[7] = '\0';
	}
}

/* First and last month (1..12) of a period; a bad period is its year. */
static void period_months(xf_period p, int *first, int *last)
{
	*first = 1;
	*last = 12;
	if (!period_ok(p))
		return;
	if (p.kind == XF_PERIOD_QUARTER) {
		*first = 3 * p.n - 2;
		*last = 3 * p.n;
	} else if (p.kind == XF_PERIOD_MONTH) {
		*first = *last = p.n;
	}
}

xf_date xf_period_first(xf_period p)
{
	int first, last;
	period_months(p, &first, &last);
	return (xf_date){p.year, first, 1};
}

xf_date xf_period_last(xf_period p)
{
	int first, last;
	period_months(p, &first, &last);
	return (xf_date){p.year, last, xf_date_month_days(p.year, last)};
}

xf_period xf_period_of(xf_date d, xf_period_kind kind)
{
	xf_period p = {kind, d.y, 0};
	if (kind == XF_PERIOD_QUARTER)
		p.n = (d.m + 2) / 3;
	else if (kind == XF_PERIOD_MONTH)
		p.n = d.m;
	else
		p.kind = XF_PERIOD_YEAR;
	return p;
}

/* Moves p by step (+1 or -1) periods of its kind. */
static xf_period period_step(xf_period p, int step)
{
	int count;

	if (!period_ok(p)) {
		p.kind = XF_PERIOD_YEAR;
		p.n = 0;
	}
	if (p.kind == XF_PERIOD_YEAR) {
		p.year += step;
		return p;
	}
	count = p.kind == XF_PERIOD_QUARTER ? 4 : 12;
	p.n += step;
	if (p.n > count) {
		p.n = 1;
		p.year++;
	} else if (p.n < 1) {
		p.n = count;
		p.year--;
	}
	return p;
}

xf_period xf_period_next(xf_period p)
{
	return period_step(p, 1);
}

xf_period xf_period_prev(xf_period p)
{
	return period_step(p, -1);
}

int xf_period_contains(xf_period p, xf_date d)
{
	return xf_date_cmp(xf_period_first(p), d) <= 0 &&
	       xf_date_cmp(d, xf_period_last(p)) <= 0;
}

xf_date xf_date_add_months(xf_date d, int n)
{
	int m = d.y * 12 + (d.m - 1) + n;
	xf_date r = {m / 12, m % 12 + 1, d.d};
	int last = xf_date_month_days(r.y, r.m);
	if (r.d > last)
		r.d = last;
	return r;
}
