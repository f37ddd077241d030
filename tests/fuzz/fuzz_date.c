/*
 * fuzz_date.c - libFuzzer harness for the date and period parsers
 * (base/date.c: xf_date_parse, xf_period_parse).
 *
 * The input, cut at its first NUL, is given to both parsers. Invariants:
 *   - a failed parse leaves *out untouched;
 *   - a parsed date is a valid day in 1900..2200 and formats back to the
 *     input; its day number round-trips through xf_date_from_days();
 *   - a parsed period formats back to the input, its first and last days
 *     are valid, in order and inside it, and next/prev undo each other;
 *   - a string the parser accepts matches a reference written here.
 *
 * sources: src/base/date.c
 * libs:
 */
#include "base/date.h"
#include "fuzz_common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_date: %s: \"%s\"\n", what, s);
	abort();
}

/* Fails when the parser's verdict on s (accepted or not) is not the
 * reference's (ref: 1 accepts); what names the kind of input. */
static void check_verdict(const char *what, int accepted, int ref,
                          const char *s)
{
	if (accepted == ref)
		return;
	fprintf(stderr, "fuzz_date: %s %s, reference %s: \"%s\"\n", what,
	        accepted ? "accepted" : "rejected",
	        accepted ? "rejects" : "accepts", s);
	abort();
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* The reference: whether s is "YYYY-MM-DD", a real day, years 1900..2200. */
static int ref_date(const char *s)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	                            31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return 0;
	int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* The reference: "YYYY", "YYYYQn" (n 1..4) or "YYYY-MM", 1900..2200. */
static int ref_period(const char *s)
{
	size_t n = strlen(s);
	if (n < 4 || !digits(s, 4) || num(s, 4) < 1900 || num(s, 4) > 2200)
		return 0;
	if (n == 4)
		return 1;
	if (n == 6 && s[4] == 'Q')
		return s[5] >= '1' && s[5] <= '4';
	if (n == 7 && s[4] == '-' && digits(s + 5, 2))
		return num(s + 5, 2) >= 1 && num(s + 5, 2) <= 12;
	return 0;
}

static void check_date(const char *s)
{
	xf_date d = {-7, -7, -7};
	int rc = xf_date_parse(s, &d);
	check_verdict("date", rc == 0, ref_date(s), s);
	if (rc != 0) {
		if (d.y != -7 || d.m != -7 || d.d != -7)
			fail("failed date parse changed *out", s);
		return;
	}
	if (!xf_date_valid(d) || d.y < 1900 || d.y > 2200)
		fail("parsed date not valid", s);
	char out[11];
	xf_date_format(d, out);
	if (strcmp(out, s) != 0)
		fail("date does not format back to its input", s);
	xf_date back = xf_date_from_days(xf_date_days(d));
	if (xf_date_cmp(back, d) != 0)
		fail("date does not round-trip through its day number", s);
}

static void check_period(const char *s)
{
	xf_period p = {(xf_period_kind)77, -7, -7};
	int rc = xf_period_parse(s, &p);
	check_verdict("period", rc == 0, ref_period(s), s);
	if (rc != 0) {
		if ((int)p.kind != 77 || p.year != -7 || p.n != -7)
			fail("failed period parse changed *out", s);
		return;
	}
	char out[12];
	xf_period_format(p, out);
	if (strcmp(out, s) != 0)
		fail("period does not format back to its input", s);
	xf_date first = xf_period_first(p), last = xf_period_last(p);
	if (!xf_date_valid(first) || !xf_date_valid(last) ||
	    xf_date_cmp(first, last) > 0)
		fail("period ends bad", s);
	if (!xf_period_contains(p, first) || !xf_period_contains(p, last))
		fail("period does not contain its ends", s);
	xf_period of = xf_period_of(first, p.kind);
	if (of.kind != p.kind || of.year != p.year || of.n != p.n)
		fail("period_of(first) is not the period", s);
	xf_period nx = xf_period_next(p), pv = xf_period_prev(nx);
	if (pv.kind != p.kind || pv.year != p.year || pv.n != p.n)
		fail("prev(next(p)) != p", s);
	xf_date after = xf_date_from_days(xf_date_days(last) + 1);
	if (xf_date_cmp(xf_period_first(nx), after) != 0)
		fail("next period does not start the day after", s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	check_date(s);
	check_period(s);
	free(s);
	return 0;
}
