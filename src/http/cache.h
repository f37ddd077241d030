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
/* On a hit, returns a reference to the fresh entry (its body and length
 * in *body and *len, valid until xf_cache_release(ref)) and copies its
 * user name into user (size n); NULL on a miss. The entry stays alive
 * while referenced, even when the cache drops it. */
void *xf_cache_get(const char *key, uint64_t version, const char **body,
                   size_t *len, char *user, size_t n);
void xf_cache_release(void *ref);
/* Stores a body under key, computed at `version`. */
void xf_cache_put(const char *key, uint64_t version, const char *body,
                  size_t len, const char *user);

#endif
