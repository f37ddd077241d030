/*
 * fuzz_utf8.c - libFuzzer harness for UTF-8 validation and counting
 * (base/utf8.c) against a reference decoder written here the other way
 * round: it decodes each sequence to a code point and then rejects
 * overlong forms, surrogates, values above U+10FFFF and NUL, where
 * utf8.c checks byte ranges from the RFC 3629 table.
 *
 * The input is given as it is (not NUL-terminated, so AddressSanitizer
 * sees a read past len), and so is every prefix cut at a sequence
 * boundary the reference found. Invariants:
 *   - xf_utf8_valid agrees with the reference;
 *   - for valid input xf_utf8_chars is the number of code points;
 *   - validity is closed under cutting at a code point boundary, and
 *     cutting inside a sequence makes the input invalid.
 *
 * sources: src/base/utf8.c
 * libs:
 */
#include "base/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const uint8_t *p, size_t n)
{
	fprintf(stderr, "fuzz_utf8: %s; input:", what);
	for (size_t i = 0; i < n && i < 64; i++)
		fprintf(stderr, " %02x", p[i]);
	fprintf(stderr, "\n");
	abort();
}

/* Decodes one sequence at p[0..n); returns its length, or 0 if it is not
 * a well-formed encoding of a Unicode scalar value other than U+0000. */
static size_t ref_decode(const uint8_t *p, size_t n)
{
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	uint32_t cp;
	size_t len;
	if (p[0] < 0x80) {
		cp = p[0];
		len = 1;
	} else if ((p[0] & 0xE0) == 0xC0) {
		cp = p[0] & 0x1F;
		len = 2;
	} else if ((p[0] & 0xF0) == 0xE0) {
		cp = p[0] & 0x0F;
		len = 3;
	} else if ((p[0] & 0xF8) == 0xF0) {
		cp = p[0] & 0x07;
		len = 4;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if (cp == 0 || cp < min[len] || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Returns 1 if valid; counts code points and marks where each starts. */
static int ref_valid(const uint8_t *p, size_t n, size_t *chars, uint8_t *starts)
{
	size_t i = 0, c = 0;
	while (i < n) {
		size_t l = ref_decode(p + i, n - i);
		if (!l)
			return 0;
		starts[i] = 1;
		i += l;
		c++;
	}
	*chars = c;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact copy, so that a read past size is an ASan error even when
	 * libFuzzer's own buffer is larger. */
	uint8_t *p = malloc(size ? size : 1);
	uint8_t *starts = calloc(size + 1, 1);
	if (!p || !starts)
		abort();
	memcpy(p, data, size);
	size_t chars = 0;
	int want = ref_valid(p, size, &chars, starts);
	if (xf_utf8_valid((const char *)p, size) != want)
		fail(want ? "valid UTF-8 rejected" : "invalid UTF-8 accepted",
		     p, size);
	if (want) {
		if (xf_utf8_chars((const char *)p, size) != chars)
			fail("xf_utf8_chars miscounts valid input", p, size);
		starts[size] = 1;
		/* Every cut of short input, 256 of long input (quadratic). */
		size_t step = size <= 1024 ? 1 : size / 256;
		for (size_t cut = 0; cut < size; cut += step) {
			int v = xf_utf8_valid((const char *)p, cut);
			if (v != starts[cut])
				fail(starts[cut] ? "valid prefix rejected"
				                 : "prefix cut inside a "
				                   "sequence accepted",
				     p, cut);
		}
	} else {
		/* Counting invalid input must still stay in bounds. */
		(void)xf_utf8_chars((const char *)p, size);
	}
	if (!xf_utf8_valid(NULL, 0) || xf_utf8_valid(NULL, 1))
		fail("NULL handling", p, 0);
	free(starts);
	free(p);
	return 0;
}
