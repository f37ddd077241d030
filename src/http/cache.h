/*
 * cache.h - the answer cache: rendered 200 answers of GET /api/ requests,
 * keyed by what the answer depends on (the server builds the key: the
 * caller's scope or credential, the URL with its query and the day), and
 * kept until a write changes what they were computed from:
 *
 * - an entry made with an anchor (an organization path: the answer reads
 *   only records of that organization's subtree and of the organizations
 *   above it) and the kinds of records it reads (XF_CHANGE_*,
 *   base/changes.h) is dropped by a change confined to paths when one of
 *   them is on the anchor's path or below it with a kind it reads, and
 *   by a change of everything;
 * - an entry without an anchor is dropped by any change.
 *
 * Changes come from this server's commits and, on PostgreSQL, from the
 * other servers' (through NOTIFY, service/live.c); an entry older than the
 * ages given to xf_cache_configure is not served either, the last guard
 * against a change that was never heard of (a write of another process
 * that announces nothing, such as the command line on SQLite).
 *
 * Entries own their bytes (malloc); the cache is bounded in bytes and is
 * cleared whole when full. Thread-safe.
 */
#ifndef XF_HTTP_CACHE_H
#define XF_HTTP_CACHE_H

#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

/* Sets the limits: bytes (0 disables the cache) and the ages in ms of
 * entries without and with an anchor; drops every entry. */
void xf_cache_configure(size_t max_bytes, int64_t max_age_ms,
                        int64_t anchored_age_ms);
/* The count of changes heard so far: read before an answer's data is
 * read, and given to xf_cache_put with the answer. */
uint64_t xf_cache_generation(void);
/* On a hit, returns a reference to the fresh entry (its body and length
 * in *body and *len, valid until xf_cache_release(ref)) and copies its
 * user name into user (size n); NULL on a miss. The entry stays alive
 * while referenced, even when the cache drops it. */
void *xf_cache_get(const char *key, const char **body, size_t *len, char *user,
                   size_t n);
void xf_cache_release(void *ref);
/* Stores a body under key (both copied), computed from data read after
 * xf_cache_generation() returned gen, with its anchor (copied; NULL: none)
 * and the kinds of records it reads. Not stored when a change heard since
 * gen concerns it: the answer may already be stale. */
void xf_cache_put(const char *key, const char *anchor, unsigned kinds,
                  uint64_t gen, const char *body, size_t len, const char *user);
/* A change: paths[0..n) (organization paths "/1/5/") with the kinds of
 * records written at each, or everything when n < 0. Drops the entries it
 * makes stale (see above). An xf_changes_fn (base/changes.h). */
void xf_cache_invalidate(const char *const *paths, const unsigned *kinds,
                         int n);

#endif
