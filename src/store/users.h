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

int xf_store_session_insert(xf_db *db, const char *token_hash, int64_t user_id,
                            const char *csrf, int64_t now, int64_t expires);
/* Finds a live session; fills user (with roles), csrf and its end. */
int xf_store_session_get(xf_db *db, xf_arena *a, const char *token_hash,
                         int64_t now, xf_user *user, const char **csrf,
                         int64_t *expires_at);
int xf_store_session_delete(xf_db *db, const char *token_hash);
int xf_store_session_delete_user(xf_db *db, int64_t user_id);

int xf_store_login_failures(xf_db *db, const char *username, int64_t since,
                            int64_t *n);
int xf_store_login_failure_add(xf_db *db, const char *username, int64_t now);

#endif
