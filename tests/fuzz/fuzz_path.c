/*
 * fuzz_path.c - libFuzzer harness for materialized organization paths
 * (domain/scope.c: xf_path_valid, xf_path_within, xf_path_range_end and
 * the functions that read a path).
 *
 * The input is two strings separated by the first '\n' (a path and an
 * ancestor; paths never hold a newline), each cut at its first NUL and
 * copied into a buffer of exactly its size. Invariants:
 *   - xf_path_valid agrees with a reference ("/id/.../id/", positive
 *     int64 ids without leading zeros, shorter than XF_PATH_MAX);
 *   - xf_path_within is "both valid and ancestor is a prefix";
 *   - for a valid ancestor with end = xf_path_range_end(ancestor) and any
 *     valid path: ancestor <= path < end (strcmp) exactly when within;
 *   - depth, parent id and id agree with the reference walk, and
 *     xf_path_child(parent, id) rebuilds the path;
 *   - xf_path_range_end and xf_path_child never write past n bytes.
 *
 * sources: src/domain/scope.c src/domain/codes.c
 * libs:
 */
#include "domain/scope.h"
#include "fuzz_common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_path: %s: \"%s\" \"%s\"\n", what, a, b ? b : "");
	abort();
}

typedef struct {
	int valid;
	int ids;
	int64_t id[XF_PATH_MAX];
} ref_path;

/* The reference parse of a path. */
static ref_path ref(const char *s)
{
	ref_path r = {0, 0, {0}};
	size_t len = strlen(s);
	if (len == 0 || len >= XF_PATH_MAX || s[0] != '/' || s[len - 1] != '/')
		return r;
	size_t i = 1;
	while (i < len) {
		size_t j = i;
		while (s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == i || s[j] != '/' || s[i] == '0' || j - i > 19)
			return r;
		/* 19 digits may pass INT64_MAX: compare as text. */
		if (j - i == 19 && memcmp(s + i, "9223372036854775807", 19) > 0)
			return r;
		int64_t v = 0;
		for (size_t k = i; k < j; k++)
			v = v * 10 + (s[k] - '0');
		r.id[r.ids++] = v;
		i = j + 1;
	}
	r.valid = r.ids > 0;
	return r;
}

static char *dup_exact(const uint8_t *p, size_t n)
{
	return fuzz_cstr(p, strnlen((const char *)p, n));
}

/* Checks what reads one path. */
static void check_one(const char *p)
{
	ref_path r = ref(p);
	if (xf_path_valid(p) != r.valid)
		fail("xf_path_valid disagrees with the reference", p, NULL);
	if (!r.valid) {
		if (xf_path_depth(p) != -1 || xf_path_id(p) != -1 ||
		    xf_path_parent_id(p) != -1)
			fail("bad path gave a depth or id", p, NULL);
		return;
	}
	if (xf_path_depth(p) != r.ids - 1 || xf_path_id(p) != r.id[r.ids - 1] ||
	    xf_path_parent_id(p) != (r.ids > 1 ? r.id[r.ids - 2] : 0))
		fail("depth or ids disagree with the reference", p, NULL);
	if (!xf_path_within(p, p))
		fail("a path is not within itself", p, NULL);

	/* Rebuild it from its parent's path and its id. */
	size_t len = strlen(p);
	char parent[XF_PATH_MAX];
	size_t plen = len - 1;
	while (plen > 0 && p[plen - 1] != '/')
		plen--;
	memcpy(parent, p, plen);
	parent[plen] = '\0';
	char *out = fuzz_alloc(len + 1);
	const char *pp = r.ids > 1 ? parent : NULL;
	if (xf_path_child(pp, r.id[r.ids - 1], out, len + 1) != 0 ||
	    strcmp(out, p) != 0)
		fail("xf_path_child does not rebuild the path", p, NULL);
	/* One byte short must fail without writing past the buffer. */
	if (xf_path_child(pp, r.id[r.ids - 1], out, len) == 0)
		fail("xf_path_child fit into too small a buffer", p, NULL);
	free(out);
	/* In place, as the header allows. */
	if (r.ids > 1) {
		char inplace[XF_PATH_MAX];
		memcpy(inplace, parent, plen + 1);
		if (xf_path_child(inplace, r.id[r.ids - 1], inplace,
		                  sizeof inplace) != 0 ||
		    strcmp(inplace, p) != 0)
			fail("xf_path_child in place differs", p, NULL);
	}
}

static void check_pair(const char *p, const char *a)
{
	ref_path rp = ref(p), ra = ref(a);
	int want = rp.valid && ra.valid && strncmp(p, a, strlen(a)) == 0;
	if (xf_path_within(p, a) != want)
		fail("xf_path_within disagrees with the reference", p, a);

	size_t alen = strlen(a);
	/* A buffer of exactly the right size, and one a byte short. */
	char *end = fuzz_alloc(alen + 1);
	int rc = xf_path_range_end(a, end, alen + 1);
	if ((rc == 0) != ra.valid)
		fail("xf_path_range_end accepts what is not valid", a, NULL);
	if (rc == 0) {
		if (strlen(end) != alen || memcmp(end, a, alen - 1) != 0 ||
		    end[alen - 1] != '0')
			fail("range end is not the prefix with '0'", a, end);
		if (rp.valid) {
			int in = strcmp(a, p) <= 0 && strcmp(p, end) < 0;
			if (in != want)
				fail(
				    "range [prefix, end) disagrees with within",
				    p, a);
		}
		if (alen > 0 && xf_path_range_end(a, end, alen) == 0)
			fail("range end fit into too small a buffer", a, NULL);
	}
	free(end);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t n1 = nl ? (size_t)(nl - data) : size;
	char *p = dup_exact(data, n1);
	char *a = nl ? dup_exact(nl + 1, size - n1 - 1) : dup_exact(data, 0);
	check_one(p);
	check_one(a);
	check_pair(p, a);
	check_pair(a, p);
	/* NULL is no path. */
	if (xf_path_valid(NULL) || xf_path_within(p, NULL) ||
	    xf_path_within(NULL, p))
		fail("NULL counted as a path", p, NULL);
	free(p);
	free(a);
	return 0;
}
