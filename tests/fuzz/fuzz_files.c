/*
 * fuzz_files.c - libFuzzer harness for the rules of uploaded files
 * (domain/files.c): type recognition (magic numbers and the ZIP central
 * directory of Office Open XML and OFD packages), percent-decoding and
 * cleaning of file names, and the Content-Disposition value.
 *
 * The first byte picks a declared Content-Type; the rest is the file (not
 * NUL-terminated, so AddressSanitizer sees a read past its end) and, cut
 * at 300 bytes, a file name. Invariants:
 *   - xf_file_type returns one of its codes, and on success a type from
 *     xf_file_types that it also accepts when declared explicitly;
 *   - a clean name is valid UTF-8 without control characters, '/' or '\',
 *     and cleaning it again gives it back;
 *   - the Content-Disposition value is printable ASCII without a quote
 *     inside its filename="..." part.
 *
 * sources: src/domain/files.c src/base/utf8.c
 * libs:
 */
#include "base/utf8.h"
#include "domain/files.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_files: %s\n", what);
	abort();
}

static const char *const declared[] = {
    NULL,
    "",
    "application/octet-stream",
    "image/png",
    "IMAGE/JPEG; charset=binary",
    "application/pdf",
    "application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/msword",
    "application/ofd",
    "text/html",
};

static int known_type(const char *t)
{
	for (int i = 0; xf_file_types[i]; i++)
		if (strcmp(t, xf_file_types[i]) == 0)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *decl =
	    declared[data[0] % (sizeof declared / sizeof declared[0])];
	const uint8_t *p = data + 1;
	size_t n = size - 1;
	unsigned char *file = malloc(n ? n : 1);
	if (!file)
		return 0;
	memcpy(file, p, n);
	const char *type = NULL;
	int rc = xf_file_type(decl, file, n, &type);
	if (rc != XF_FILE_OK && rc != XF_FILE_UNSUPPORTED &&
	    rc != XF_FILE_MISMATCH && rc != XF_FILE_UNKNOWN)
		fail("unknown result code");
	if (rc == XF_FILE_OK) {
		if (!type || !known_type(type))
			fail("type not in the list");
		const char *again = NULL;
		if (xf_file_type(type, file, n, &again) != XF_FILE_OK ||
		    strcmp(again, type) != 0)
			fail("recognized type refused when declared");
	}
	free(file);

	size_t nl = n > 300 ? 300 : n;
	char *name = malloc(nl ? nl : 1);
	if (!name)
		return 0;
	memcpy(name, p, nl);
	char dec[512], clean[512], clean2[512], disp[4096];
	int dn = xf_percent_decode(name, nl, dec, sizeof dec);
	if (dn > (int)nl)
		fail("decoding made the name longer");
	const char *src = dn >= 0 ? dec : name;
	size_t sn = dn >= 0 ? (size_t)dn : nl;
	if (xf_file_name_clean(src, sn, clean, sizeof clean) == 0) {
		size_t cl = strlen(clean);
		if (cl == 0 || !xf_utf8_valid(clean, cl))
			fail("clean name empty or not UTF-8");
		for (size_t i = 0; i < cl; i++) {
			unsigned char c = (unsigned char)clean[i];
			if (c < 0x20 || c == 0x7f || c == '/' || c == '\\')
				fail("clean name has a forbidden byte");
		}
		if (xf_file_name_clean(clean, cl, clean2, sizeof clean2) != 0 ||
		    strcmp(clean, clean2) != 0)
			fail("cleaning is not idempotent");
		if (xf_file_disposition("attachment", clean, disp,
		                        sizeof disp) != 0)
			fail("disposition does not fit");
		const char *q = strstr(disp, "filename=\"");
		const char *e = strstr(disp, "\"; filename*=UTF-8''");
		if (!q || !e || e < q)
			fail("disposition malformed");
		for (const char *s = q + 10; s < e; s++)
			if (*s == '"')
				fail("quote inside the fallback name");
		for (const char *s = disp; *s; s++)
			if ((unsigned char)*s < 0x20 ||
			    (unsigned char)*s > 0x7e)
				fail("disposition not printable ASCII");
	}
	free(name);
	return 0;
}
