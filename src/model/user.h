/*
 * user.h - an account with its roles, as every layer sees it, with its
 * one JSON form. The password hash is never written out.
 *
 * Layer-neutral: includes only base/. Strings and the roles array are
 * borrowed: they point into the arena of whoever filled the struct and
 * live as long as it.
 */
#ifndef XF_MODEL_USER_H
#define XF_MODEL_USER_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_user_role {
	const char *role;
	int64_t org_id;                  /* 0 for admin */
	const char *org_name, *org_path; /* "" for admin */
} xf_user_role;

typedef struct xf_user {
	int64_t id, member_id;
	const char *username, *display_name, *password_hash;
	int disabled;
	int totp_enabled; /* a second factor (TOTP) is asked at login */
	xf_user_role *roles;
	int nroles;
} xf_user;

/* A session as its owner sees it (GET /api/me/sessions): never its token. */
typedef struct xf_session_info {
	int64_t id, created_at, last_seen, expires_at;
	const char *addr, *user_agent;
	int current; /* the session of the request that asks */
} xf_session_info;

/* The JSON form of a user with its roles; _open leaves the object open for
 * more keys. */
void xf_user_json_open(xf_jw *w, const xf_user *u);
void xf_user_json(xf_jw *w, const xf_user *u);
void xf_session_info_json(xf_jw *w, const xf_session_info *s);

#endif
