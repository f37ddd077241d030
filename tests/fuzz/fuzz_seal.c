/*
 * fuzz_seal.c - libFuzzer harness for the sealed text format and the data
 * key parser (base/seal.c): what the database hands back is read by
 * xf_seal_open, and XF_DATA_KEY by xf_seal_key_parse.
 *
 * The input, cut at its first NUL, is copied into a buffer of exactly its
 * size, so AddressSanitizer sees any read past it. Invariants:
 *   - xf_seal_open of arbitrary text never writes past its output and
 *     leaves it NUL-terminated; anything but XF_SEAL_OK empties it unless
 *     the text is not sealed at all;
 *   - a value sealed from the input's first XF_SEAL_MAX_PLAIN bytes
 *     opens to exactly those bytes, and fits XF_SEAL_MAX;
 *   - xf_seal_key_parse accepts only what decodes to 32 bytes.
 *
 * sources: src/base/seal.c
 * libs: libsodium
 */
#include "base/seal.h"
#include "fuzz_common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static xf_seal_key key;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!key.set && xf_seal_key_parse(&key, "000102030405060708090a0b0c0d"
	                                        "0e0f101112131415161718191a1b"
	                                        "1c1d1e1f") != 0)
		abort();
	char *s = fuzz_cstr(data, size);
	char *text = fuzz_alloc(strlen(s) + 1);
	memcpy(text, s, strlen(s) + 1);
	char *out = fuzz_alloc(XF_SEAL_MAX_PLAIN + 1);
	out[0] = 'x';
	int rc = xf_seal_open(&key, XF_SEAL_PHONE, text, out);
	if (rc != XF_SEAL_CLEAR && rc != XF_SEAL_OK && out[0] != '\0')
		abort();
	if (rc == XF_SEAL_OK && !memchr(out, '\0', XF_SEAL_MAX_PLAIN + 1))
		abort();
	/* round trip */
	char plain[XF_SEAL_MAX_PLAIN + 1];
	size_t n =
	    strlen(s) < XF_SEAL_MAX_PLAIN ? strlen(s) : XF_SEAL_MAX_PLAIN;
	memcpy(plain, s, n);
	plain[n] = '\0';
	char sealed[XF_SEAL_MAX];
	if (!xf_seal(&key, XF_SEAL_ID_NUMBER, plain, sealed) ||
	    strlen(sealed) >= XF_SEAL_MAX ||
	    xf_seal_open(&key, XF_SEAL_ID_NUMBER, sealed, out) != XF_SEAL_OK ||
	    strcmp(out, plain) != 0) {
		fprintf(stderr, "fuzz_seal: round trip failed\n");
		abort();
	}
	xf_seal_key k;
	if (xf_seal_key_parse(&k, text) == 0 && !k.set)
		abort();
	free(out);
	free(text);
	free(s);
	return 0;
}
