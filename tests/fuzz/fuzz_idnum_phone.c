/*
 * fuzz_idnum_phone.c - libFuzzer harness for ID number and telephone
 * checks and masks (domain/idnum.c, base/phone.c, model/pii.c).
 *
 * The input, cut at its first NUL, is copied into a buffer of exactly its
 * size, and mask outputs are heap buffers of exactly their stated size, so
 * AddressSanitizer sees any read or write past either. Invariants:
 *   - xf_idnum_check agrees with a reference (length, characters, province,
 *     birth date, and the check character recomputed with
 *     xf_idnum_check_char from the first 17 digits);
 *   - masks are NUL-terminated within their size, show only ASCII letters,
 *     digits and '*' (and the '-' of a landline), and show no more than
 *     the documented head and last 4 characters;
 *   - xf_phone_valid agrees with the two regular expressions in phone.h
 *     (checked with POSIX regexec), and xf_phone_is_mobile with the first.
 *
 * sources: src/domain/idnum.c src/base/phone.c src/model/pii.c src/base/date.c
 * libs:
 */
#include "base/date.h"
#include "base/phone.h"
#include "domain/idnum.h"
#include "fuzz_common.h"
#include "model/pii.h"

#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_idnum_phone: %s: \"%s\"\n", what, s);
	abort();
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* ---- ID numbers --------------------------------------------------------*/

static int ref_idnum(const char *s)
{
	static const int prov[] = {
	    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
	    43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
	if (strlen(s) != 18)
		return XF_IDNUM_LENGTH;
	for (int i = 0; i < 17; i++)
		if (!is_digit(s[i]))
			return XF_IDNUM_CHARS;
	if (!is_digit(s[17]) && s[17] != 'X')
		return XF_IDNUM_CHARS;
	int p = (s[0] - '0') * 10 + (s[1] - '0'), known = 0;
	for (size_t i = 0; i < sizeof prov / sizeof prov[0]; i++)
		known |= prov[i] == p;
	if (!known)
		return XF_IDNUM_REGION;
	xf_date d = {0, 0, 0};
	for (int i = 6; i < 10; i++)
		d.y = d.y * 10 + (s[i] - '0');
	d.m = (s[10] - '0') * 10 + (s[11] - '0');
	d.d = (s[12] - '0') * 10 + (s[13] - '0');
	if (d.y < 1900 || !xf_date_valid(d))
		return XF_IDNUM_BIRTH;
	/* ISO 7064 MOD 11-2 computed directly: sum of digit * 2^(17-i). */
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (s[i] - '0') * ((1 << (17 - i)) % 11);
	int check = (12 - sum % 11) % 11;
	char want = check == 10 ? 'X' : (char)('0' + check);
	return s[17] == want ? XF_IDNUM_OK : XF_IDNUM_CHECK;
}

/* Checks a mask: NUL within size, only [A-Za-z0-9*] (and '-' when dash_ok),
 * length min(len, cut), at most head + 4 shown characters. */
static void check_mask(const char *s, const char *out, size_t size, size_t cut,
                       size_t shown_max, int dash_ok)
{
	size_t len = strlen(s);
	size_t ol = strnlen(out, size);
	if (ol == size)
		fail("mask not NUL-terminated within its size", s);
	if (ol != (len > cut ? cut : len))
		fail("mask has the wrong length", s);
	size_t shown = 0;
	for (size_t i = 0; i < ol; i++) {
		if (out[i] == '*')
			continue;
		if (!alnum(out[i]) && !(dash_ok && out[i] == '-'))
			fail("mask shows a character it should hide", s);
		if (out[i] != '-')
			shown++;
	}
	if (shown > shown_max)
		fail("mask shows too much", s);
}

static void check_idnum(const char *s)
{
	xf_date birth = {-1, -1, -1};
	int male = -1;
	int rc = xf_idnum_check(s, &birth, &male);
	if (rc != ref_idnum(s)) {
		fprintf(stderr, "xf_idnum_check %d, reference %d\n", rc,
		        ref_idnum(s));
		fail("ID check disagrees with the reference", s);
	}
	if (rc == XF_IDNUM_OK) {
		if (xf_idnum_check_char(s) != s[17])
			fail("accepted ID has the wrong check character", s);
		if (!xf_date_valid(birth) || (male != 0 && male != 1))
			fail("accepted ID gave a bad birth date or sex", s);
		if (male != (s[16] - '0') % 2)
			fail("sex is not the parity of digit 17", s);
	} else if (birth.y != -1 || male != -1) {
		fail("rejected ID wrote its outputs", s);
	}
	if (xf_idnum_error_text(rc) == NULL)
		fail("no error text", s);

	char *out = fuzz_alloc(19);
	xf_idnum_mask(s, out);
	size_t len = strlen(s);
	/* 18 characters: first 4 and last 4; else at most the last 4. */
	check_mask(s, out, 19, 18, len == 18 ? 8 : 4, 0);
	if (len > 4 && len <= 18)
		for (size_t i = 0; i < 4; i++)
			if (alnum(s[len - 4 + i]) &&
			    out[len - 4 + i] != s[len - 4 + i])
				fail("mask lost one of the last 4", s);
	free(out);
}

/* ---- phones ------------------------------------------------------------*/

static regex_t re_mobile, re_landline;

static void compile_regexes(void)
{
	static int done;
	if (done)
		return;
	if (regcomp(&re_mobile, "^1[3-9][0-9]{9}$", REG_EXTENDED | REG_NOSUB) ||
	    regcomp(&re_landline, "^0[0-9]{2,3}-?[0-9]{7,8}$",
	            REG_EXTENDED | REG_NOSUB))
		abort();
	done = 1;
}

static void check_phone(const char *s)
{
	compile_regexes();
	int mobile = regexec(&re_mobile, s, 0, NULL, 0) == 0;
	int landline = regexec(&re_landline, s, 0, NULL, 0) == 0;
	if (xf_phone_is_mobile(s) != mobile)
		fail("xf_phone_is_mobile disagrees with the regex", s);
	if (xf_phone_valid(s) != (mobile || landline))
		fail("xf_phone_valid disagrees with the regexes", s);

	char *out = fuzz_alloc(32);
	xf_phone_mask(s, out);
	size_t len = strlen(s);
	if (mobile) {
		check_mask(s, out, 32, 31, 7, 0);
		if (memcmp(out, s, 3) != 0 || memcmp(out + 7, s + 7, 4) != 0 ||
		    memcmp(out + 3, "****", 4) != 0)
			fail("mobile mask is not 3 + **** + 4", s);
	} else if (landline) {
		/* Area code (at most 4 digits), a '-', the last 4 digits. */
		check_mask(s, out, 32, 31, 8, 1);
		if (memcmp(out + len - 4, s + len - 4, 4) != 0)
			fail("landline mask lost the last 4 digits", s);
		const char *dash = strchr(s, '-');
		if (dash && out[dash - s] != '-')
			fail("landline mask lost its '-'", s);
		if (memcmp(out, s, 3) != 0)
			fail("landline mask lost its area code", s);
	} else {
		check_mask(s, out, 32, 31, 4, 0);
	}
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	check_idnum(s);
	check_phone(s);
	/* NULL is documented for the masks. */
	char out[32];
	xf_idnum_mask(NULL, out);
	if (out[0] != '\0')
		fail("mask of NULL not empty", "(null)");
	xf_phone_mask(NULL, out);
	if (out[0] != '\0')
		fail("mask of NULL not empty", "(null)");
	free(s);
	return 0;
}
