/* dates.h - the date helpers the unit tests of rules over dates share: a
 * day from its YYYY-MM-DD text and a check of a day against one. Include
 * after <cmocka.h>. */
#ifndef XF_TEST_DATES_H
#define XF_TEST_DATES_H

#include "base/date.h"

/* The day written s (YYYY-MM-DD), asserting that it parses. */
static inline xf_date test_day(const char *s)
{
	xf_date d;
	assert_int_equal(xf_date_parse(s, &d), 0);
	return d;
}

/* Asserts that d is the day written want (YYYY-MM-DD). */
static inline void assert_day(xf_date d, const char *want)
{
	char s[11];
	xf_date_format(d, s);
	assert_string_equal(s, want);
}

#endif
