/*
 * cache.h - the answer cache: rendered 200 answers of GET /api/ requests,
 * keyed by the caller's credential, the URL with its query and the day, and
 * valid while the data version (bumped by every committed write) has not
 * changed and for at most a few seconds (other processes' writes on a shared
 * PostgreSQL are not seen by the version).
 *
 * Entries own their bytes (malloc); the cache is bounded in bytes and is
 * cleared whole when full. Thread-safe.
 */
#ifndef XF_HTTP_CACHE_H
#define XF_HTTP_CACHE_H

#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

/* Sets the limits: bytes (0 disables the cache) and the age in ms. */
void xf_cache_configure(size_t max_bytes, int64_t max_age_ms);
/* Copies a fresh entry's body into out and its user name into user
 * (size n). Returns 1 on a hit. */
int xf_cache_get(const char *key, uint64_t version, xf_buf *out, char *user,
                 size_t n);
/* Stores a body under key, computed at `version`. */
void xf_cache_put(const char *key, uint64_t version, const char *body,
                  size_t len, const char *user);

#endif
