/*
 * auth.h (service) - logins, sessions, the login throttle, password hashes
 * (argon2id via libsodium) and user administration.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_AUTH_H
#define XF_SERVICE_AUTH_H

#include "domain/password.h"
#include "service/ctx.h"
#include "store/users.h"

/* The settings of accounts and sessions (docs/security.md), read from the
 * environment by main.c; a field left 0 takes its default. */
typedef struct xf_auth_settings {
	int idle_seconds;   /* a session unused this long ends: 1800 */
	int max_seconds;    /* a session ends this long after login: 12 h */
	int max_failures;   /* failed logins of a username from one address */
	int failure_window; /* ... within this many seconds lock it: 5, 900 */
	int budget, budget_window; /* failed logins per address: 20 / 300 s */
	int hash_workers, hash_waiters; /* the argon2id pool: 1, 0 */
	int totp_required; /* admin and committee must have TOTP to log in */
	xf_password_rules password; /* 10 characters, 3 classes */
} xf_auth_settings;

/* libsodium, liboath and the settings (NULL: defaults); call once at
 * start. 0, or -1. */
int xf_auth_init(void);
void xf_auth_configure(const xf_auth_settings *s);
const xf_auth_settings *xf_auth_settings_now(void);

/* A login: username, password, and the one-time code when the user has
 * TOTP on (a 6-digit code or a recovery code; NULL when none was sent). */
typedef struct xf_login_input {
	const char *username, *password, *otp;
} xf_login_input;
/* On success returns the token (64 hex chars) and csrf, and the user.
 * The client's address is c->client_addr. On 429 *retry_after is the
 * seconds to wait. */
int xf_login(xf_ctx *c, const xf_login_input *in, const char **token,
             const char **csrf, xf_user *user, int *retry_after);
int xf_logout(xf_ctx *c, const char *token);

/* The caller's live sessions (current marks the one whose token is
 * given); ending one of them (404 if it is not the caller's); an admin or
 * whoever administers the user ends all of a user's sessions; the same
 * unlocks a user locked by failed logins. */
int xf_my_sessions(xf_ctx *c, const char *token, xf_session_info **out, int *n);
int xf_my_session_end(xf_ctx *c, int64_t id);
int xf_user_sessions_end(xf_ctx *c, int64_t user_id);
int xf_user_unlock(xf_ctx *c, int64_t user_id);

/* TOTP (RFC 6238, 30 s steps, 6 digits): a new secret for the caller,
 * off until confirmed, with its otpauth:// URL and 10 recovery codes
 * (shown once, stored hashed); turning it on with a current code. */
typedef struct xf_totp_setup {
	const char *secret, *otpauth_url;
	const char *recovery_codes[10];
	int ncodes;
} xf_totp_setup;
int xf_totp_begin(xf_ctx *c, xf_totp_setup *out);
int xf_totp_confirm(xf_ctx *c, const char *code);
/* Opens a session of user in the current write transaction (audited as a
 * login): its token and CSRF token in c->a. */
int xf_session_open_in_tx(xf_ctx *c, const xf_user *user, const char **token,
                          const char **csrf);
/* n random characters of an alphabet without look-alikes, and a NUL. */
void xf_random_code(char *out, int n);
/* Resolves a token to its user and scope; XF_E_UNAUTHORIZED if none or
 * if it was idle longer than the idle timeout (its last use is moved
 * forward now and then, so that a session in use stays alive).
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
