/*
 * session_cache.h - sessions resolved recently, kept in memory so that a
 * request need not read its session, user and roles from the database.
 *
 * An entry is used only while (a) the caller's epoch is the one it was
 * stored with: the server counts its write requests and passes the count
 * seen when a request arrived, so any write made through this process
 * (logout, a change of roles, a moved organization) retires every entry;
 * (b) the session has not expired; and (c) it is at most
 * XF_SESSION_CACHE_MS old, which bounds how long a change made by another
 * process (a second server on the same PostgreSQL, the command line) can
 * go unseen. Keys are the token's stored hash, never the token.
 *
 * Thread-safe. Entries own copies of their strings (the password hash is
 * never kept); a hit copies the user into the caller's arena.
 */
#ifndef XF_SERVICE_SESSION_CACHE_H
#define XF_SERVICE_SESSION_CACHE_H

#include "base/arena.h"
#include "store/users.h"

#include <stdint.h>

#define XF_SESSION_CACHE_MS 2000

/* 1 and *user, *csrf filled (in a) on a hit; 0 on a miss. */
int xf_session_cache_get(const char *token_hash, uint64_t epoch, int64_t now,
                         xf_arena *a, xf_user *user, const char **csrf);
/* Stores a session read from the database under the epoch the request
 * arrived with. Silently does nothing when out of memory. */
void xf_session_cache_put(const char *token_hash, uint64_t epoch,
                          int64_t expires_at, const xf_user *user,
                          const char *csrf);
/* Drops every entry (tests, shutdown). */
void xf_session_cache_clear(void);

#endif
