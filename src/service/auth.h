/*
 * auth.h (service) - logins, sessions, the login throttle, password hashes
 * (argon2id via libsodium) and user administration.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_AUTH_H
#define XF_SERVICE_AUTH_H

#include "service/ctx.h"
#include "store/users.h"

#define XF_SESSION_SECONDS    (12 * 3600)
#define XF_LOGIN_WINDOW       (15 * 60)
#define XF_LOGIN_MAX_FAILURES 5

int xf_auth_init(void); /* libsodium; call once at start */

/* On success returns the token (64 hex chars) and csrf, and the user. */
int xf_login(xf_ctx *c, const char *username, const char *password,
             const char **token, const char **csrf, xf_user *user);
int xf_logout(xf_ctx *c, const char *token);
/* Opens a session of user in the current write transaction (audited as a
 * login): its token and CSRF token in c->a. */
int xf_session_open_in_tx(xf_ctx *c, const xf_user *user, const char **token,
                          const char **csrf);
/* n random characters of an alphabet without look-alikes, and a NUL. */
void xf_random_code(char *out, int n);
/* Resolves a token to its user and scope; XF_E_UNAUTHORIZED if none.
 * epoch: the count of write requests the server had answered when this
 * request arrived (see session_cache.h); sessions resolved under the same
 * epoch within the last moments are not read again. */
int xf_session_resolve(xf_ctx *c, const char *token, uint64_t epoch,
                       xf_user *user, xf_scope *scope, const char **csrf);
/* Compares two strings in constant time; 1 if equal. */
int xf_secret_equal(const char *a, const char *b);

typedef struct xf_user_input {
	const char *username, *display_name, *password;
	int64_t member_id;
	int disabled;
	xf_user_role *roles;
	int nroles;
	int has_display_name, has_password, has_member_id, has_disabled,
	    has_roles;
} xf_user_input;

int xf_user_create(xf_ctx *c, const xf_user_input *in, xf_user *out);
int xf_user_read(xf_ctx *c, int64_t id, xf_user *out);
int xf_user_update(xf_ctx *c, int64_t id, const xf_user_input *in,
                   xf_user *out);
/* The caller changes its own password (old one required); its sessions
 * end, so it logs in again. */
int xf_user_change_password(xf_ctx *c, const char *old_pw, const char *new_pw);
int xf_user_list(xf_ctx *c, const char *q, int offset, int limit, xf_user **out,
                 int *n, int64_t *total);
/* Finds a user by name (command line). */
int xf_user_find(xf_ctx *c, const char *username, xf_user *out);

#endif
