/*
 * phone.c - validation and masking of mainland telephone numbers.
 */
#include "domain/phone.h"

#include <string.h>

#define MASK_MAX 31

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

/* Length of the area code (with its leading 0) of a valid landline number,
 * or 0 if s is not one. */
static size_t landline_area(const char *s)
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
	return xf_phone_is_mobile(s) || landline_area(s) != 0;
}

static char shown(char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z'))
		return c;
	return '*';
}

void xf_phone_mask(const char *s, char out[32])
{
	size_t len = s ? strlen(s) : 0;
	size_t n = len > MASK_MAX ? MASK_MAX : len;
	size_t keep_head = 0, area;

	if (xf_phone_is_mobile(s))
		keep_head = 3;
	else if ((area = landline_area(s)) != 0)
		keep_head = s[area] == '-' ? area + 1 : area;
	memset(out, '*', n);
	out[n] = '\0';
	for (size_t i = 0; i < keep_head; i++)
		out[i] = s[i];
	if (len > 4) {
		for (size_t i = 0; i < 4; i++)
			out[n - 4 + i] = shown(s[len - 4 + i]);
	}
}
