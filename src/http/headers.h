/*
 * headers.h - the pure parts of reading request headers: which credential a
 * request presents, the Content-Length check, Accept-Encoding, If-None-Match
 * and the escaping of the parts of a cache key.
 *
 * No libmicrohttpd here: server.c and static.c look the values up and call
 * these, so that they can be tested and fuzzed on plain strings
 * (tests/fuzz/fuzz_headers.c). Every function takes NUL-terminated strings
 * (NULL where a header may be absent) and allocates nothing.
 */
#ifndef XF_HTTP_HEADERS_H
#define XF_HTTP_HEADERS_H

#include "base/buf.h"

#include <stddef.h>

/*
 * The session token a request presents: what follows "Bearer " in the
 * Authorization header, else the xf_session cookie; NULL when neither.
 * *via_cookie is set to 1 when the token is the cookie's (writes then need
 * the CSRF header), else 0. The result points into one of the arguments.
 */
const char *xf_credential_pick(const char *authorization, const char *cookie,
                               int *via_cookie);

/* 1 if a Content-Length value is a plain decimal (digits only, at least
 * one) not above cap; 0 if it is malformed or larger. */
int xf_content_length_within(const char *value, size_t cap);

/* 1 if an Accept-Encoding value accepts gzip: "gzip" or "x-gzip" listed
 * with a q above 0, or, when neither is listed, "*" with a q above 0. */
int xf_accepts_gzip(const char *accept_encoding);

/* 1 if an If-None-Match value matches etag (a quoted entity-tag): "*", or
 * a list of entity-tags one of which is etag, by weak comparison (a "W/"
 * prefix on either side is ignored). NULL matches nothing. */
int xf_etag_matches(const char *if_none_match, const char *etag);

/* Appends s to a cache key with '%', '\n', '?', '&' and '=' percent-encoded,
 * so that the separators between the parts of a key are unambiguous.
 * Returns 0, or -1 when the buffer failed. */
int xf_cache_key_add(xf_buf *b, const char *s);

/* A response header: name and value (static strings). */
typedef struct xf_header {
	const char *name, *value;
} xf_header;

/*
 * The security headers every answer carries (docs/security.md, "HTTP
 * headers and TLS"): Content-Security-Policy (no inline script, no
 * framing), X-Frame-Options, Referrer-Policy, Permissions-Policy,
 * X-Content-Type-Options, Cross-Origin-Opener-Policy; with hsts set also
 * Strict-Transport-Security. A static array ending with {NULL, NULL}.
 */
const xf_header *xf_security_headers(int hsts);
/*
 * The client's address as text into out (n bytes, at least 46): peer (the
 * socket's address, as text) unless peer is one of trusted (a list of
 * addresses separated by commas or spaces; NULL or "" trusts none) and
 * forwarded (X-Forwarded-For) ends in a well-formed IPv4 or IPv6 address:
 * then that last hop, the address the trusted proxy saw. Returns out.
 */
const char *xf_client_addr_pick(const char *peer, const char *forwarded,
                                const char *trusted, char *out, size_t n);

#endif
