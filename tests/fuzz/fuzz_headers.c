/*
 * fuzz_headers.c - libFuzzer harness for the request headers the server
 * interprets itself (http/headers.c): the credential of Authorization and
 * the xf_session cookie, Content-Length against the body limit,
 * Accept-Encoding, If-None-Match and the escaping of cache key parts.
 *
 * The input is up to six lines (split at '\n'; a NUL ends a line early);
 * the first byte's bits make the first two absent (NULL) and pick a body
 * limit. Invariants:
 *   - the credential is the text after "Bearer " of the Authorization
 *     value, else the cookie (and only then via_cookie is set);
 *   - a Content-Length is within the limit exactly when it is 1 or more
 *     ASCII digits whose value (compared as a decimal string) is not above
 *     the limit;
 *   - gzip is accepted only when the value names gzip, x-gzip or "*", and
 *     always when ",gzip" is appended;
 *   - an If-None-Match matches only when it holds "*" or the opaque tag,
 *     and "W/" + tag and the tag itself always match;
 *   - an escaped key part holds no separator ('\n', '?', '&', '='),
 *     unescapes to the part, and two keys are equal exactly when their
 *     parts are.
 *
 * sources: src/http/headers.c src/base/buf.c
 * libs:
 */
#include "http/headers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_headers: %s\n", what);
	abort();
}

static void check_credential(const char *auth, const char *cookie)
{
	int via = -1;
	const char *t = xf_credential_pick(auth, cookie, &via);
	if (auth && strncmp(auth, "Bearer ", 7) == 0) {
		if (t != auth + 7 || via != 0)
			fail("Bearer token not picked");
	} else if (cookie) {
		if (t != cookie || via != 1)
			fail("cookie not picked");
	} else if (t || via != 0) {
		fail("credential without a header or cookie");
	}
}

/* Reference: digits only, and as a decimal string not above cap. */
static int length_ok(const char *v, size_t cap)
{
	size_t n = strlen(v);
	if (n == 0 || strspn(v, "0123456789") != n)
		return 0;
	while (n > 1 && *v == '0') {
		v++;
		n--;
	}
	char c[32];
	snprintf(c, sizeof c, "%zu", cap);
	size_t cn = strlen(c);
	return n < cn || (n == cn && strcmp(v, c) <= 0);
}

static int has_ci(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s; s++)
		if (strncasecmp(s, w, n) == 0)
			return 1;
	return 0;
}

static void check_gzip(const char *ae)
{
	int ok = xf_accepts_gzip(ae);
	if (ok && !has_ci(ae, "gzip") && !strchr(ae, '*'))
		fail("gzip accepted but not named");
	size_t n = strlen(ae);
	char *more = malloc(n + 6);
	if (!more)
		return;
	memcpy(more, ae, n);
	memcpy(more + n, ",gzip", 6);
	if (!xf_accepts_gzip(more))
		fail("a trailing ,gzip not accepted");
	free(more);
	if (xf_accepts_gzip(NULL))
		fail("no Accept-Encoding accepts gzip");
}

static void check_etag(const char *inm, const char *x)
{
	/* the entity-tag "x" without quotes inside */
	size_t n = strcspn(x, "\"");
	char *tag = malloc(n + 5);
	if (!tag)
		return;
	tag[0] = 'W';
	tag[1] = '/';
	tag[2] = '"';
	memcpy(tag + 3, x, n);
	tag[n + 3] = '"';
	tag[n + 4] = '\0';
	const char *strong = tag + 2;
	if (xf_etag_matches(inm, strong) && !strchr(inm, '*') &&
	    !strstr(inm, strong))
		fail("If-None-Match matched without the tag");
	if (!xf_etag_matches(strong, strong) || !xf_etag_matches(tag, strong) ||
	    !xf_etag_matches(strong, tag))
		fail("a tag does not match itself");
	if (xf_etag_matches(NULL, strong))
		fail("no If-None-Match matched");
	free(tag);
}

/* Undoes xf_cache_key_add for [s, s + n); returns a malloc'd string. */
static char *unescape(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t o = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (i + 2 >= n)
				fail("truncated escape");
			char h[3] = {s[i + 1], s[i + 2], 0};
			out[o++] = (char)strtol(h, NULL, 16);
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return out;
}

/* A two-part key "a\nb" as cache_key builds its parts. */
static char *key2(const char *a, const char *b, size_t *len)
{
	xf_buf k;
	xf_buf_init(&k, 1 << 20);
	xf_cache_key_add(&k, a);
	xf_buf_addc(&k, '\n');
	xf_cache_key_add(&k, b);
	if (k.failed)
		fail("key buffer failed");
	*len = k.len;
	return xf_buf_detach(&k);
}

static void check_key(const char *a, const char *b, const char *c,
                      const char *d)
{
	size_t n1, n2;
	char *k1 = key2(a, b, &n1);
	char *k2 = key2(c, d, &n2);
	if (!k1 || !k2)
		goto out;
	char *nl = memchr(k1, '\n', n1);
	if (!nl || memchr(nl + 1, '\n', n1 - (size_t)(nl + 1 - k1)) ||
	    strpbrk(k1, "?&="))
		fail("a separator inside an escaped part");
	char *ua = unescape(k1, (size_t)(nl - k1));
	char *ub = unescape(nl + 1, n1 - (size_t)(nl + 1 - k1));
	if (ua && ub && (strcmp(ua, a) != 0 || strcmp(ub, b) != 0))
		fail("an escaped part does not unescape to itself");
	free(ua);
	free(ub);
	int same_key = n1 == n2 && memcmp(k1, k2, n1) == 0;
	int same_parts = strcmp(a, c) == 0 && strcmp(b, d) == 0;
	if (same_key != same_parts)
		fail("keys equal for different parts, or differ for equal");
out:
	free(k1);
	free(k2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 8192)
		return 0;
	static const size_t caps[] = {0, 1024, 1u << 20, SIZE_MAX};
	unsigned flags = data[0];
	char *in = malloc(size);
	if (!in)
		return 0;
	memcpy(in, data + 1, size - 1);
	in[size - 1] = '\0';
	const char *line[6] = {"", "", "", "", "", ""};
	char *p = in;
	for (int i = 0; i < 6 && p; i++) {
		line[i] = p;
		char *nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		p = nl;
	}
	const char *auth = flags & 1 ? NULL : line[0];
	const char *cookie = flags & 2 ? NULL : line[1];
	check_credential(auth, cookie);
	size_t cap = caps[(flags >> 2) & 3];
	if (xf_content_length_within(line[2], cap) != length_ok(line[2], cap))
		fail("Content-Length check differs from the reference");
	if (xf_content_length_within(NULL, cap))
		fail("no Content-Length is within");
	check_gzip(line[3]);
	check_etag(line[4], line[5]);
	check_key(line[0], line[1], line[2], line[3]);
	check_key(line[0], line[1], line[0], line[1]);
	free(in);
	return 0;
}
