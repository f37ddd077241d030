/*
 * utf8.c - UTF-8 validation by the table of well-formed byte sequences in
 * RFC 3629 section 4 (the Unicode Standard's table 3-7).
 */
#include "base/utf8.h"

int xf_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	if (!p)
		return len == 0;
	while (i < len) {
		unsigned c = p[i];
		unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
		size_t n;                      /* continuation bytes */

		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			if (c == 0xE0)
				lo = 0xA0; /* overlong below U+0800 */
			else if (c == 0xED)
				hi = 0x9F; /* surrogates U+D800..U+DFFF */
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			if (c == 0xF0)
				lo = 0x90; /* overlong below U+10000 */
			else if (c == 0xF4)
				hi = 0x8F; /* above U+10FFFF */
		} else {
			/* 0x80..0xC1: stray continuation or overlong 2-byte
			 * lead; 0xF5..0xFF: beyond U+10FFFF or 5/6-byte forms
			 */
			return 0;
		}
		if (len - i - 1 < n)
			return 0; /* truncated */
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
		i += n + 1;
	}
	return 1;
}

size_t xf_utf8_chars(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			n++;
	return n;
}
