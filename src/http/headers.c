/*
 * headers.c - the pure parts of reading request headers (see headers.h):
 * credential choice, Content-Length, Accept-Encoding, If-None-Match and
 * cache key escaping (fuzzed by tests/fuzz/fuzz_headers.c); and the
 * security headers of every answer.
 */
#include "http/headers.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <strings.h>

const char *xf_credential_pick(const char *authorization, const char *cookie,
                               int *via_cookie)
{
	*via_cookie = 0;
	if (authorization && strncmp(authorization, "Bearer ", 7) == 0)
		return authorization + 7;
	if (!cookie)
		return NULL;
	*via_cookie = 1;
	return cookie;
}

int xf_content_length_within(const char *value, size_t cap)
{
	if (!value || !*value)
		return 0;
	size_t n = 0;
	for (const char *p = value; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		size_t d = (size_t)(*p - '0');
		if (d > cap || n > (cap - d) / 10)
			return 0; /* n * 10 + d > cap (and no overflow) */
		n = n * 10 + d;
	}
	return 1;
}

static int is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* 1 if the parameters of a list element [p, end) hold a q of 0. */
static int q_is_zero(const char *p, const char *end)
{
	while (p < end) {
		while (p < end && (is_ows(*p) || *p == ';'))
			p++;
		const char *e = p;
		while (e < end && *e != ';')
			e++;
		if (e - p >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			const char *v = p + 2;
			const char *ve = e;
			while (ve > v && is_ows(ve[-1]))
				ve--;
			if (ve == v || *v != '0')
				return 0;
			v++;
			if (v < ve && *v == '.')
				v++;
			while (v < ve && *v == '0')
				v++;
			return v == ve;
		}
		p = e;
	}
	return 0;
}

int xf_accepts_gzip(const char *ae)
{
	if (!ae)
		return 0;
	int gzip = -1, star = -1; /* -1 unlisted, 0 refused, 1 accepted */
	const char *p = ae;
	while (*p) {
		while (is_ows(*p) || *p == ',')
			p++;
		const char *end = p + strcspn(p, ",");
		size_t n = strcspn(p, ";, \t");
		if (n > (size_t)(end - p))
			n = (size_t)(end - p);
		int ok = !q_is_zero(p + n, end);
		if ((n == 4 && strncasecmp(p, "gzip", 4) == 0) ||
		    (n == 6 && strncasecmp(p, "x-gzip", 6) == 0))
			gzip = gzip == 1 ? 1 : ok;
		else if (n == 1 && *p == '*')
			star = star == 1 ? 1 : ok;
		p = end;
	}
	return gzip >= 0 ? gzip : star == 1;
}

/* The opaque tag of an entity-tag (without "W/"), as start and length. */
static void opaque(const char *t, size_t n, const char **s, size_t *len)
{
	if (n >= 2 && t[0] == 'W' && t[1] == '/') {
		t += 2;
		n -= 2;
	}
	*s = t;
	*len = n;
}

int xf_etag_matches(const char *inm, const char *etag)
{
	if (!inm || !etag)
		return 0;
	const char *want;
	size_t wlen;
	opaque(etag, strlen(etag), &want, &wlen);
	const char *p = inm;
	while (*p) {
		while (is_ows(*p) || *p == ',')
			p++;
		if (*p == '*') {
			const char *q = p + 1;
			while (is_ows(*q))
				q++;
			if (*q == '\0' || *q == ',')
				return 1;
		}
		/* An entity-tag is [W/]"...": the quotes delimit it, so a
		 * comma inside the quotes does not end it. */
		const char *t = p;
		if (t[0] == 'W' && t[1] == '/')
			t += 2;
		const char *end;
		if (*t == '"' && (end = strchr(t + 1, '"')) != NULL)
			end++;
		else
			end = p + strcspn(p, ",");
		const char *s;
		size_t len;
		opaque(p, (size_t)(end - p), &s, &len);
		if (len == wlen && len > 0 && memcmp(s, want, len) == 0)
			return 1;
		p = end;
		/* skip anything after the tag up to the next element */
		p += strcspn(p, ",");
	}
	return 0;
}

int xf_cache_key_add(xf_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	while (*s) {
		size_t n = strcspn(s, "%\n?&=");
		xf_buf_add(b, s, n);
		s += n;
		if (!*s)
			break;
		unsigned char c = (unsigned char)*s++;
		char e[3] = {'%', hex[c >> 4], hex[c & 15]};
		xf_buf_add(b, e, sizeof e);
	}
	return b->failed ? -1 : 0;
}

/*
 * Scripts, styles, pictures and requests only from the site itself; no
 * inline script (the built index.html has none); inline styles are
 * allowed because Element Plus and ECharts set them on elements; data:
 * and blob: pictures for charts exported as images and QR codes; no
 * plugins, no <base>, forms post only here, and no page may frame ours.
 */
#define XF_CSP                                                                 \
	"default-src 'self'; script-src 'self'; "                              \
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "       \
	"font-src 'self' data:; connect-src 'self'; "                          \
	"frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "        \
	"object-src 'none'"

#define XF_SECURITY_HEADERS                                                    \
	{"Content-Security-Policy", XF_CSP}, {"X-Frame-Options", "DENY"},      \
	    {"Referrer-Policy", "same-origin"},                                \
	    {"Permissions-Policy",                                             \
	     "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "  \
	     "interest-cohort=()"},                                            \
	    {"X-Content-Type-Options", "nosniff"},                             \
	{                                                                      \
		"Cross-Origin-Opener-Policy", "same-origin"                    \
	}

static const xf_header plain_headers[] = {XF_SECURITY_HEADERS, {NULL, NULL}};
static const xf_header tls_headers[] = {
    XF_SECURITY_HEADERS,
    {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
    {NULL, NULL}};

const xf_header *xf_security_headers(int hsts)
{
	return hsts ? tls_headers : plain_headers;
}

/* 1 if the n bytes at s are one of the addresses listed in trusted. */
static int listed(const char *trusted, const char *s, size_t n)
{
	const char *p = trusted;
	while (p && *p) {
		p += strspn(p, ", \t");
		size_t len = strcspn(p, ", \t");
		if (len && len == n && memcmp(p, s, n) == 0)
			return 1;
		p += len;
	}
	return 0;
}

/* 1 if the n bytes at s are a well-formed IPv4 or IPv6 address. */
static int is_addr(const char *s, size_t n)
{
	char tmp[64];
	unsigned char bin[sizeof(struct in6_addr)];
	if (n == 0 || n >= sizeof tmp)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	return inet_pton(AF_INET, tmp, bin) == 1 ||
	       inet_pton(AF_INET6, tmp, bin) == 1;
}

const char *xf_client_addr_pick(const char *peer, const char *forwarded,
                                const char *trusted, char *out, size_t n)
{
	const char *pick = peer ? peer : "";
	size_t len = strlen(pick);
	if (forwarded && listed(trusted, pick, len)) {
		const char *last = strrchr(forwarded, ',');
		last = last ? last + 1 : forwarded;
		last += strspn(last, " \t");
		size_t l = strcspn(last, " \t");
		if (last[l] == 0 || last[l + strspn(last + l, " \t")] == 0) {
			if (is_addr(last, l)) {
				pick = last;
				len = l;
			}
		}
	}
	if (len >= n)
		len = n ? n - 1 : 0;
	if (n) {
		memcpy(out, pick, len);
		out[len] = 0;
	}
	return out;
}
