/*
 * phone.c - the shapes of mainland telephone numbers.
 */
#include "base/phone.h"

/* Counts the decimal digits at the start of s. */
static size_t digit_run(const char *s)
{
	size_t n = 0;
	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

int xf_phone_is_mobile(const char *s)
{
	if (!s || s[0] != '1' || s[1] < '3' || s[1] > '9')
		return 0;
	return digit_run(s) == 11 && s[11] == '\0';
}

size_t xf_phone_area_len(const char *s)
{
	if (!s || s[0] != '0')
		return 0;
	size_t a = digit_run(s);
	if (s[a] == '-') {
		size_t b = digit_run(s + a + 1);
		if (a < 3 || a > 4 || b < 7 || b > 8 || s[a + 1 + b] != '\0')
			return 0;
		return a;
	}
	/* No separator: 0 + 2..3 + 7..8 digits is any run of 10..12. */
	if (s[a] != '\0' || a < 10 || a > 12)
		return 0;
	/* 010 and 02x are the three-digit area codes; 11 digits beginning
	 * like that are a 3-digit code and 8 digits. A 10-digit number has
	 * a 3-digit code in any case, a 12-digit one a 4-digit code. */
	if (a == 10)
		return 3;
	if (a == 12)
		return 4;
	return s[1] == '1' || s[1] == '2' ? 3 : 4;
}

int xf_phone_valid(const char *s)
{
	return xf_phone_is_mobile(s) || xf_phone_area_len(s) != 0;
}
