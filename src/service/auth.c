/*
 * auth.c (service) - logins, sessions, throttle, password hashing and the
 * administration of users and their roles.
 */
#include "service/auth.h"

#include "domain/names.h"

#include "service/session_cache.h"
#include "service/snapshot.h"
#include "store/members.h"
#include "store/orgs.h"

#include <sodium.h>
#include <string.h>

/* argon2id cost: OWASP's 19 MiB / 2 passes keeps logins near 30 ms. */
#define PW_OPS 2
#define PW_MEM (19u << 20)

/* A hash to verify against when the user does not exist, so that a
 * missing user costs the same time as a wrong password. */
static char dummy_hash[crypto_pwhash_STRBYTES];

int xf_auth_init(void)
{
	if (sodium_init() < 0)
		return -1;
	unsigned char pw[16];
	randombytes_buf(pw, sizeof pw);
	return crypto_pwhash_str(dummy_hash, (const char *)pw, sizeof pw,
	                         PW_OPS, PW_MEM) == 0
	           ? 0
	           : -1;
}

int xf_secret_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

static int hash_password(xf_ctx *c, const char *pw, const char **out)
{
	char *h = xf_arena_alloc(c->a, crypto_pwhash_STRBYTES);
	if (!h || crypto_pwhash_str(h, pw, strlen(pw), PW_OPS, PW_MEM) != 0)
		return xf_fail(c, XF_E_INTERNAL, "internal", "密码处理失败",
		               NULL);
	*out = h;
	return XF_OK;
}

static const char *hex(xf_ctx *c, const unsigned char *b, size_t n)
{
	char *s = xf_arena_alloc(c->a, n * 2 + 1);
	if (s)
		sodium_bin2hex(s, n * 2 + 1, b, n);
	return s;
}

/* The stored form of a token: SHA-256, hex. */
static const char *token_hash(xf_ctx *c, const char *token)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	return hex(c, h, sizeof h);
}

static int invalid_credentials(xf_ctx *c)
{
	return xf_fail(c, XF_E_UNAUTHORIZED, "invalid_credentials",
	               "用户名或密码错误", NULL);
}

/* The recent failures of username and its user (*found: XF_DB_ROW, or
 * XF_DB_DONE when there is none). */
static int login_read(xf_ctx *c, const char *username, int64_t *fails,
                      xf_user *user, int *found)
{
	int drc = xf_store_login_failures(c->db, username,
	                                  c->now - XF_LOGIN_WINDOW, fails);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*found = xf_store_user_by_name(c->db, c->a, username, user);
	if (*found != XF_DB_ROW && *found != XF_DB_DONE)
		return xf_fail_db(c, *found);
	return XF_OK;
}

int xf_login(xf_ctx *c, const char *username, const char *password,
             const char **token, const char **csrf, xf_user *user)
{
	/* 1. read: throttle window and the user */
	int64_t fails = 0;
	int found = XF_DB_DONE;
	int rc;
	XF_READ_TX(c, rc, login_read(c, username, &fails, user, &found));
	if (rc != XF_OK)
		return rc;
	if (fails >= XF_LOGIN_MAX_FAILURES)
		return xf_fail(c, XF_E_THROTTLED, "too_many_attempts",
		               "登录失败次数过多，请15分钟后再试", NULL);
	/* 2. verify outside any transaction (argon2id is slow on purpose);
	 * a missing user costs the same as a wrong password. */
	const char *stored =
	    found == XF_DB_ROW ? user->password_hash : dummy_hash;
	int ok =
	    crypto_pwhash_str_verify(stored, password, strlen(password)) == 0;
	ok = ok && found == XF_DB_ROW && !user->disabled;
	/* 3. write: a failure or a session */
	rc = xf_tx_begin(c);
	if (rc != XF_OK)
		return rc;
	if (!ok) {
		int drc = xf_store_login_failure_add(c->db, username, c->now);
		rc = xf_tx_end(c, xf_from_db(c, drc));
		return rc == XF_OK ? invalid_credentials(c) : rc;
	}
	return xf_tx_end(c, xf_session_open_in_tx(c, user, token, csrf));
}

int xf_session_open_in_tx(xf_ctx *c, const xf_user *user, const char **token,
                          const char **csrf)
{
	unsigned char tok[32], cs[16];
	randombytes_buf(tok, sizeof tok);
	randombytes_buf(cs, sizeof cs);
	*token = hex(c, tok, sizeof tok);
	*csrf = hex(c, cs, sizeof cs);
	if (!*token || !*csrf)
		return xf_oom(c);
	int drc =
	    xf_store_session_insert(c->db, token_hash(c, *token), user->id,
	                            *csrf, c->now, c->now + XF_SESSION_SECONDS);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	c->user_id = user->id;
	c->username = user->username;
	return xf_audit(c, "login", "user", user->id, NULL, NULL, NULL);
}

void xf_random_code(char *out, int n)
{
	/* no 0/O, 1/I/L: read aloud and typed on a phone */
	static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < n; i++)
		out[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
	out[n] = 0;
}

int xf_logout(xf_ctx *c, const char *token)
{
	/* One statement: its own transaction. */
	int drc = xf_store_session_delete(c->db, token_hash(c, token));
	return xf_from_db(c, drc);
}

int xf_session_resolve(xf_ctx *c, const char *token, uint64_t epoch,
                       xf_user *user, xf_scope *scope, const char **csrf)
{
	size_t n = strlen(token);
	if (n != 64 || strspn(token, "0123456789abcdef") != n)
		return xf_fail(c, XF_E_UNAUTHORIZED, "unauthorized",
		               "登录已失效，请重新登录", NULL);
	const char *h = token_hash(c, token);
	if (!h)
		return xf_oom(c);
	if (!xf_session_cache_get(h, epoch, c->now, c->a, user, csrf)) {
		int64_t expires_at = 0;
		int rc = xf_store_session_get(c->db, c->a, h, c->now, user,
		                              csrf, &expires_at);
		if (rc == XF_DB_DONE)
			return xf_fail(c, XF_E_UNAUTHORIZED, "unauthorized",
			               "登录已失效，请重新登录", NULL);
		if (rc != XF_DB_ROW)
			return xf_fail_db(c, rc);
		xf_session_cache_put(h, epoch, expires_at, user, *csrf);
	}
	xf_scope_init(scope, user->id, user->member_id);
	for (int i = 0; i < user->nroles; i++) {
		int role = xf_role_parse(user->roles[i].role);
		if (role)
			xf_scope_add(scope, role, user->roles[i].org_id,
			             user->roles[i].org_path);
	}
	return XF_OK;
}

/* ---- user administration --------------------------------------------- */

/* May the caller administer a user holding these roles? */
static int may_manage(const xf_ctx *c, const xf_user_role *roles, int n)
{
	if (xf_is_admin(c))
		return 1;
	if (!xf_scope_has_role(c->scope, XF_ROLE_COMMITTEE))
		return 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(roles[i].role, "admin") == 0 || !roles[i].org_path ||
		    !xf_scope_can_manage_users(c->scope, roles[i].org_path))
			return 0;
	}
	return 1;
}

/* Checks each role: known code, org present (except admin) and in scope.
 * Fills org_path/org_name. */
static int check_roles(xf_ctx *c, xf_user_role *roles, int n)
{
	for (int i = 0; i < n; i++) {
		int role = xf_role_parse(roles[i].role);
		if (!role)
			return xf_invalid(c, "角色不存在", "roles");
		if (role == XF_ROLE_ADMIN) {
			roles[i].org_id = 0;
			roles[i].org_path = NULL;
			continue;
		}
		xf_org o;
		int rc = roles[i].org_id ? xf_store_org_get(c->db, c->a,
		                                            roles[i].org_id, &o)
		                         : XF_DB_DONE;
		if (rc == XF_DB_DONE)
			return xf_invalid(c, "角色所属组织不存在", "roles");
		if (rc != XF_DB_ROW)
			return xf_fail_db(c, rc);
		roles[i].org_path = o.path;
		roles[i].org_name = o.name;
	}
	for (int i = 0; i < n; i++)
		for (int j = 0; j < i; j++)
			if (strcmp(roles[i].role, roles[j].role) == 0 &&
			    roles[i].org_id == roles[j].org_id)
				return xf_invalid(c, "角色重复", "roles");
	if (!may_manage(c, roles, n))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden", "无权授予该角色",
		               "roles");
	return XF_OK;
}

static int check_member_link(xf_ctx *c, int64_t member_id)
{
	if (!member_id)
		return XF_OK;
	xf_member m;
	int rc = xf_store_member_get(c->db, c->a, member_id, &m);
	if (rc == XF_DB_DONE || (rc == XF_DB_ROW && c->scope &&
	                         !xf_scope_can_read_org(c->scope, m.org_path)))
		return xf_invalid(c, "党员不存在", "member_id");
	return rc == XF_DB_ROW ? XF_OK : xf_fail_db(c, rc);
}

static int check_username(xf_ctx *c, const char *u)
{
	for (const char *p = u; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch <= ' ' || ch == 0x7f || ch == ':' || ch == '/')
			return xf_invalid(c, "用户名不能包含空格或特殊字符",
			                  "username");
	}
	return XF_OK;
}

/* A display name given follows the name rule of people (domain/names.h);
 * none given: the username stands for it. */
static int check_display_name(xf_ctx *c, const char *name)
{
	if (name && *name && !xf_person_name_ok(name))
		return xf_invalid(c, XF_PERSON_NAME_RULE, "display_name");
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_user_input *in, xf_user *u)
{
	int rc = check_username(c, in->username);
	if (rc == XF_OK)
		rc = check_display_name(c, in->display_name);
	if (rc == XF_OK)
		rc = check_roles(c, in->roles, in->nroles);
	if (rc == XF_OK)
		rc = check_member_link(c, in->member_id);
	if (rc != XF_OK)
		return rc;
	memset(u, 0, sizeof *u);
	u->username = in->username;
	u->display_name = in->display_name && *in->display_name
	                      ? in->display_name
	                      : in->username;
	u->member_id = in->member_id;
	u->disabled = in->disabled;
	u->roles = in->roles;
	u->nroles = in->nroles;
	rc = hash_password(c, in->password, &u->password_hash);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_user_insert(c->db, u, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "username_taken",
		               "用户名已被使用", "username");
	return xf_audit_db(c, drc, "create", "user", u->id,
	                   u->nroles ? u->roles[0].org_path : NULL, NULL,
	                   xf_snap_user(c->a, u));
}

int xf_user_create(xf_ctx *c, const xf_user_input *in, xf_user *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int load_user(xf_ctx *c, int64_t id, xf_user *u)
{
	int rc = xf_store_user_get(c->db, c->a, id, u);
	if (rc == XF_DB_ROW &&
	    (c->user_id == id || may_manage(c, u->roles, u->nroles)))
		return XF_OK;
	if (rc == XF_DB_ROW || rc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "用户不存在",
		               NULL);
	return xf_fail_db(c, rc);
}

int xf_user_read(xf_ctx *c, int64_t id, xf_user *out)
{
	XF_RETURN_READ_TX(c, load_user(c, id, out));
}

int xf_user_find(xf_ctx *c, const char *username, xf_user *out)
{
	int rc = xf_store_user_by_name(c->db, c->a, username, out);
	if (rc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "用户不存在",
		               NULL);
	return rc == XF_DB_ROW ? XF_OK : xf_fail_db(c, rc);
}

static int update_tx(xf_ctx *c, int64_t id, const xf_user_input *in, xf_user *u)
{
	int rc = xf_store_user_get(c->db, c->a, id, u);
	if (rc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "用户不存在",
		               NULL);
	if (rc != XF_DB_ROW)
		return xf_fail_db(c, rc);
	/* Users change their own password at /api/me/password; here only
	 * those who administer the user's roles may change it. */
	if (!may_manage(c, u->roles, u->nroles))
		return xf_forbidden(c, "无权修改该用户");
	const char *before = xf_snap_user(c->a, u);
	int revoke = 0;
	if (in->has_roles) {
		rc = check_roles(c, in->roles, in->nroles);
		if (rc != XF_OK)
			return rc;
		u->roles = in->roles;
		u->nroles = in->nroles;
	}
	if (in->has_member_id) {
		rc = check_member_link(c, in->member_id);
		if (rc != XF_OK)
			return rc;
		u->member_id = in->member_id;
	}
	if (in->has_display_name && in->display_name && *in->display_name) {
		rc = check_display_name(c, in->display_name);
		if (rc != XF_OK)
			return rc;
		u->display_name = in->display_name;
	}
	if (in->has_disabled) {
		revoke |= in->disabled && !u->disabled;
		u->disabled = in->disabled;
	}
	if (in->has_password) {
		rc = hash_password(c, in->password, &u->password_hash);
		if (rc != XF_OK)
			return rc;
		revoke = 1;
	}
	int drc = xf_store_user_update(c->db, u, c->now);
	if (drc == XF_DB_OK && in->has_roles)
		drc = xf_store_user_set_roles(c->db, u);
	if (drc == XF_DB_OK && revoke)
		drc = xf_store_session_delete_user(c->db, u->id);
	return xf_audit_db(c, drc, "update", "user", u->id,
	                   u->nroles ? u->roles[0].org_path : NULL, before,
	                   xf_snap_user(c->a, u));
}

int xf_user_update(xf_ctx *c, int64_t id, const xf_user_input *in, xf_user *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

static int password_tx(xf_ctx *c, const char *old_pw, const char *new_pw)
{
	xf_user u;
	int rc = xf_store_user_get(c->db, c->a, c->user_id, &u);
	if (rc != XF_DB_ROW)
		return rc == XF_DB_DONE
		           ? xf_fail(c, XF_E_NOT_FOUND, "not_found",
		                     "用户不存在", NULL)
		           : xf_fail_db(c, rc);
	if (crypto_pwhash_str_verify(u.password_hash, old_pw, strlen(old_pw)) !=
	    0)
		return xf_invalid(c, "原密码不正确", "old_password");
	rc = hash_password(c, new_pw, &u.password_hash);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_user_update(c->db, &u, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_session_delete_user(c->db, u.id);
	return xf_audit_db(c, drc, "password", "user", u.id, NULL, NULL, NULL);
}

int xf_user_change_password(xf_ctx *c, const char *old_pw, const char *new_pw)
{
	XF_RETURN_WRITE_TX(c, password_tx(c, old_pw, new_pw));
}

int xf_user_list(xf_ctx *c, const char *q, int offset, int limit, xf_user **out,
                 int *n, int64_t *total)
{
	const char *lo = NULL, *hi = NULL;
	*n = 0;
	*total = 0;
	if (!xf_is_admin(c)) {
		const xf_grant *g = xf_committee_grant(c);
		if (!g)
			return xf_forbidden(c, "无权查看用户列表");
		xf_subtree_range(c, g->org_path, &lo, &hi);
	}
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_user_list(c->db, c->a, lo, hi, q, offset,
	                                        limit, out, n, total)));
}
