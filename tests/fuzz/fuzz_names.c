/*
 * fuzz_names.c - libFuzzer harness for the name rule of people
 * (domain/names.c). The input, cut at its first NUL, is checked as a
 * name. Invariants of an accepted name:
 *   - it is well-formed UTF-8 of 1 to 50 code points;
 *   - its only ASCII bytes are letters and spaces, and a space has a
 *     letter on each side (so no digit, no '=', '+', '-', '@', '<');
 *   - it neither starts nor ends with a space or a middle dot.
 * And the rule never reads past the NUL (AddressSanitizer).
 *
 * sources: src/domain/names.c src/base/utf8.c
 * libs:
 */
#include "base/utf8.h"
#include "domain/names.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_names: %s: \"%s\"\n", what, s);
	abort();
}

static int letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	size_t n = strlen(s);
	if (xf_person_name_ok(s)) {
		if (!xf_utf8_valid(s, n))
			fail("accepted malformed UTF-8", s);
		size_t chars = xf_utf8_chars(s, n);
		if (chars < 1 || chars > XF_PERSON_NAME_MAX)
			fail("accepted a length out of 1..50", s);
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			if ((unsigned char)c >= 0x80 || letter(c))
				continue;
			if (c != ' ')
				fail("accepted an ASCII byte other than a "
				     "letter",
				     s);
			if (i == 0 || i + 1 == n || !letter(s[i - 1]) ||
			    !letter(s[i + 1]))
				fail("accepted a space not between letters", s);
		}
		if (strncmp(s, "\xC2\xB7", 2) == 0 ||
		    (n >= 2 && strcmp(s + n - 2, "\xC2\xB7") == 0))
			fail("accepted a dot at an end", s);
	}
	free(s);
	return 0;
}
