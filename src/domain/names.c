/*
 * names.c - the name rule for people (see names.h).
 */
#include "domain/names.h"

#include "base/utf8.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Decodes the code point at *p (well-formed UTF-8, checked before) and
 * moves past it; -1 for a byte that starts no sequence. */
static int32_t next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	int32_t cp;
	int n;
	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0) {
		cp = s[0] & 0x1F;
		n = 1;
	} else if ((s[0] & 0xF0) == 0xE0) {
		cp = s[0] & 0x0F;
		n = 2;
	} else if ((s[0] & 0xF8) == 0xF0) {
		cp = s[0] & 0x07;
		n = 3;
	} else {
		return -1;
	}
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	*p = s + n + 1;
	return cp;
}

static int is_han(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) ||   /* unified ideographs */
	       (c >= 0x3400 && c <= 0x4DBF) ||   /* extension A */
	       (c >= 0x20000 && c <= 0x2EBEF) || /* extensions B to F, I */
	       (c >= 0x30000 && c <= 0x323AF) || /* extensions G, H */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* compatibility */
	       c == 0x3007;                      /* 〇 (a Han zero) */
}

static int is_letter(int32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_dot(int32_t c)
{
	return c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0x2022;
}

int xf_person_name_ok(const char *s)
{
	if (!s || !*s || !xf_utf8_valid(s, strlen(s)))
		return 0; /* also no overlong form passes for a Han character */
	const unsigned char *p = (const unsigned char *)s;
	int32_t prev = 0; /* 0: at the start */
	int n = 0;
	while (*p) {
		int32_t c = next_cp(&p);
		if (c < 0 || ++n > XF_PERSON_NAME_MAX)
			return 0;
		if (is_han(c) || is_letter(c)) {
			/* fine */
		} else if (is_dot(c)) {
			if (prev == 0 || is_dot(prev) || prev == ' ')
				return 0;
		} else if (c == ' ') {
			if (!is_letter(prev) || !is_letter(*p))
				return 0;
		} else {
			return 0;
		}
		prev = c;
	}
	return !is_dot(prev);
}
