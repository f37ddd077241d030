/*
 * users.h - SQL of accounts, their roles, sessions and failed logins.
 * Return codes and string ownership as in orgs.h.
 */
#ifndef XF_STORE_USERS_H
#define XF_STORE_USERS_H

#include "base/arena.h"
#include "model/user.h"
#include "store/db.h"

#include <stdint.h>

int xf_store_user_get(xf_db *db, xf_arena *a, int64_t id, xf_user *out);
int xf_store_user_by_name(xf_db *db, xf_arena *a, const char *username,
                          xf_user *out);
int xf_store_user_insert(xf_db *db, xf_user *u, int64_t now);
int xf_store_user_update(xf_db *db, const xf_user *u, int64_t now);
/* Replaces the user's roles with u->roles. */
int xf_store_user_set_roles(xf_db *db, const xf_user *u);
/* Users holding a role within [lo, hi) (all users when lo is NULL). */
int xf_store_user_list(xf_db *db, xf_arena *a, const char *lo, const char *hi,
                       const char *q, int offset, int limit, xf_user **out,
                       int *n, int64_t *total);

/* Who answers for an organization: a user holding a secretary or
 * committee role on path or an organization above it, enabled, with its
 * member record's phone (NULL when none). */
typedef struct xf_staff_over {
	int64_t user_id;
	const char *role, *org_path, *display_name, *phone;
} xf_staff_over;
/* The staff over path (at most max rows, one per user and role). */
int xf_store_user_staff_over(xf_db *db, xf_arena *a, const char *path, int max,
                             xf_staff_over **out, int *n);

/* A session opened at now until expires, from addr with user_agent. */
int xf_store_session_insert(xf_db *db, const char *token_hash, int64_t user_id,
                            const char *csrf, int64_t now, int64_t expires,
                            const char *addr, const char *user_agent);
/* What a request needs of its session beyond the user: its id, its end
 * and when it was last seen. */
typedef struct xf_session_live {
	int64_t id, expires_at, last_seen;
} xf_session_live;
/* Finds a live session (expires after now, last seen after seen_after);
 * fills user (with roles), csrf and live. */
int xf_store_session_get(xf_db *db, xf_arena *a, const char *token_hash,
                         int64_t now, int64_t seen_after, xf_user *user,
                         const char **csrf, xf_session_live *live);
/* Moves a session's last_seen forward to now. */
int xf_store_session_touch(xf_db *db, int64_t id, int64_t now);
/* The live sessions of a user, last seen first (at most 200); current
 * set on the one of current_hash. */
int xf_store_session_list(xf_db *db, xf_arena *a, int64_t user_id, int64_t now,
                          int64_t seen_after, const char *current_hash,
                          xf_session_info **out, int *n);
int xf_store_session_delete(xf_db *db, const char *token_hash);
int xf_store_session_delete_user(xf_db *db, int64_t user_id);
/* Deletes session id if it is user_id's: *deleted is its id, or 0. */
int xf_store_session_delete_id(xf_db *db, int64_t id, int64_t user_id,
                               int64_t *deleted);

/* Failed logins of username from addr since a time; a new one; all of a
 * username's (the admin's unlock). */
int xf_store_login_failures(xf_db *db, const char *username, const char *addr,
                            int64_t since, int64_t *n);
int xf_store_login_failure_add(xf_db *db, const char *username,
                               const char *addr, int64_t now);
int xf_store_login_failures_clear(xf_db *db, const char *username);

/* The second factor: the user's base32 secret ("" when none) and the last
 * time step accepted; set a new secret (off until confirmed); turn it on
 * at step; record a step used; remove it. */
int xf_store_totp_get(xf_db *db, xf_arena *a, int64_t user_id,
                      const char **secret, int64_t *last_step);
int xf_store_totp_set(xf_db *db, int64_t user_id, const char *secret);
int xf_store_totp_enable(xf_db *db, int64_t user_id, int64_t step);
int xf_store_totp_step(xf_db *db, int64_t user_id, int64_t step);
int xf_store_totp_disable(xf_db *db, int64_t user_id);
/* Recovery codes, stored as hashes: remove all of a user's, add one, use
 * one (*used 1 if it was there and unused, now marked used; else 0). */
int xf_store_recovery_codes_clear(xf_db *db, int64_t user_id);
int xf_store_recovery_code_add(xf_db *db, int64_t user_id,
                               const char *code_hash);
int xf_store_recovery_code_use(xf_db *db, int64_t user_id,
                               const char *code_hash, int64_t now,
                               int64_t *used);

#endif
