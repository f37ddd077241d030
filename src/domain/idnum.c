/*
 * idnum.c - validation and generation of resident ID numbers
 * (GB 11643-1999); masking them is model/pii.c's.
 */
#include "domain/idnum.h"

#include <assert.h>
#include <string.h>

#define IDNUM_LEN 18

/* Province-level codes (GB/T 2260): the first two digits of a region. */
static int province_known(int code)
{
	return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
	       (code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
	       (code >= 50 && code <= 54) || (code >= 61 && code <= 65) ||
	       code == 71 || code == 81 || code == 82;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int digits_value(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

char xf_idnum_check_char(const char *s17)
{
	static const int weight[17] = {7, 9, 10, 5,  8, 4, 2, 1, 6,
	                               3, 7, 9,  10, 5, 8, 4, 2};
	static const char map[] = "10X98765432";
	int sum = 0;

	for (int i = 0; i < 17; i++)
		sum += (s17[i] - '0') * weight[i];
	return map[sum % 11];
}

int xf_idnum_check(const char *s, xf_date *birth, int *male)
{
	xf_date d;

	if (!s)
		return XF_IDNUM_LENGTH;
	/* Bounded: never read more than one byte past a valid length. */
	size_t len = strnlen(s, IDNUM_LEN + 1);
	if (len != IDNUM_LEN)
		return XF_IDNUM_LENGTH;
	for (int i = 0; i < 17; i++)
		if (!is_digit(s[i]))
			return XF_IDNUM_CHARS;
	if (!is_digit(s[17]) && s[17] != 'X')
		return XF_IDNUM_CHARS;
	if (!province_known(digits_value(s, 2)))
		return XF_IDNUM_REGION;
	d.y = digits_value(s + 6, 4);
	d.m = digits_value(s + 10, 2);
	d.d = digits_value(s + 12, 2);
	if (d.y < 1900 || !xf_date_valid(d))
		return XF_IDNUM_BIRTH;
	if (xf_idnum_check_char(s) != s[17])
		return XF_IDNUM_CHECK;
	if (birth)
		*birth = d;
	if (male)
		*male = (s[16] - '0') % 2;
	return XF_IDNUM_OK;
}

const char *xf_idnum_error_text(int code)
{
	switch (code) {
	case XF_IDNUM_OK:
		return "身份证号码有效";
	case XF_IDNUM_LENGTH:
		return "身份证号码应为18位";
	case XF_IDNUM_CHARS:
		return "身份证号码前17位应为数字，末位应为数字或大写X";
	case XF_IDNUM_REGION:
		return "身份证号码地区码无效";
	case XF_IDNUM_BIRTH:
		return "身份证号码出生日期无效";
	case XF_IDNUM_CHECK:
		return "身份证号码校验位错误";
	}
	return "身份证号码无效";
}

void xf_idnum_make(const char region6[7], xf_date birth, int seq3, char out[19])
{
	char date[11];

	for (int i = 0; i < 6; i++) {
		assert(is_digit(region6[i]));
		out[i] = region6[i];
	}
	xf_date_format(birth, date); /* "YYYY-MM-DD" */
	memcpy(out + 6, date, 4);
	memcpy(out + 10, date + 5, 2);
	memcpy(out + 12, date + 8, 2);
	seq3 %= 1000;
	if (seq3 < 0)
		seq3 += 1000;
	out[14] = (char)('0' + seq3 / 100);
	out[15] = (char)('0' + seq3 / 10 % 10);
	out[16] = (char)('0' + seq3 % 10);
	out[17] = xf_idnum_check_char(out);
	out[18] = '\0';
}
