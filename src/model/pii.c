/*
 * pii.c - masking of personal data: ID numbers and phones keep a head and
 * their last 4 characters, birth dates are left out.
 */
#include "model/pii.h"

#include "base/phone.h"

#include <string.h>

#define IDNUM_LEN 18
#define PHONE_MAX 31

/* c when it is an ASCII letter or digit, else '*'. */
static char shown(char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z'))
		return c;
	return '*';
}

/* Writes s cut to max characters as '*' and a NUL, then the last 4
 * characters of s over the end when s has more than 4 (each through
 * shown()). Returns the length of s. */
static size_t stars_and_tail(const char *s, size_t max, char *out)
{
	size_t len = s ? strlen(s) : 0;
	size_t n = len > max ? max : len;

	memset(out, '*', n);
	out[n] = '\0';
	if (len > 4) {
		/* The last 4 of the input land at the end of the output. */
		for (size_t i = 0; i < 4; i++)
			out[n - 4 + i] = shown(s[len - 4 + i]);
	}
	return len;
}

void xf_idnum_mask(const char *s, char out[19])
{
	if (stars_and_tail(s, IDNUM_LEN, out) == IDNUM_LEN) {
		for (size_t i = 0; i < 4; i++)
			out[i] = shown(s[i]);
	}
}

void xf_phone_mask(const char *s, char out[32])
{
	size_t keep_head = 0, area;

	if (xf_phone_is_mobile(s))
		keep_head = 3;
	else if ((area = xf_phone_area_len(s)) != 0)
		keep_head = s[area] == '-' ? area + 1 : area;
	stars_and_tail(s, PHONE_MAX, out);
	/* The head of a valid number: digits and its '-'. */
	for (size_t i = 0; i < keep_head; i++)
		out[i] = s[i];
}

const char *xf_pii_shown(xf_pii_kind kind, const char *value, int may_see,
                         char out[XF_PII_MAX])
{
	if (may_see || !value)
		return value;
	switch (kind) {
	case XF_PII_ID_NUMBER:
		xf_idnum_mask(value, out);
		return out;
	case XF_PII_PHONE:
		xf_phone_mask(value, out);
		return out;
	case XF_PII_BIRTH_DATE:
		break;
	}
	return NULL;
}
