/*
 * auth.c (service) - logins, sessions, throttle, password hashing and the
 * administration of users and their roles.
 */
#include "service/auth.h"

#include "domain/names.h"

#include "service/login_guard.h"
#include "service/session_cache.h"
#include "service/snapshot.h"
#include "store/orgs.h"

#include <liboath/oath.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* argon2id cost: OWASP's 19 MiB / 2 passes keeps logins near 30 ms. */
#define PW_OPS 2
#define PW_MEM (19u << 20)

/* A hash to verify against when the user does not exist, so that a
 * missing user costs the same time as a wrong password. */
static char dummy_hash[crypto_pwhash_STRBYTES];

#define TOTP_STEP 30

static xf_auth_settings settings;

void xf_auth_configure(const xf_auth_settings *in)
{
	xf_auth_settings d = {0};
	if (in)
		d = *in;
#define DFLT(f, v) d.f = d.f > 0 ? d.f : (v)
	DFLT(idle_seconds, 30 * 60);
	DFLT(max_seconds, 12 * 3600);
	DFLT(max_failures, 5);
	DFLT(failure_window, 15 * 60);
	DFLT(budget, 20);
	DFLT(budget_window, 5 * 60);
	DFLT(hash_workers, 1);
	DFLT(password.min_length, 10);
	DFLT(password.min_classes, 3);
#undef DFLT
	if (d.hash_waiters < 0)
		d.hash_waiters = 0;
	if (d.password.min_classes > 4)
		d.password.min_classes = 4;
	settings = d;
	xf_login_guard_init(d.budget, d.budget_window, d.hash_workers,
	                    d.hash_waiters);
}

const xf_auth_settings *xf_auth_settings_now(void)
{
	return &settings;
}

int xf_auth_init(void)
{
	if (sodium_init() < 0 || oath_init() != OATH_OK)
		return -1;
	if (!settings.idle_seconds)
		xf_auth_configure(NULL);
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

static int pool_busy(xf_ctx *c)
{
	return xf_fail(c, XF_E_BUSY, "busy", "服务器繁忙，请稍后再试", NULL);
}

/* Hashes pw in the bounded pool (login_guard.h). */
static int hash_password(xf_ctx *c, const char *pw, const char **out)
{
	char *h = xf_arena_alloc(c->a, crypto_pwhash_STRBYTES);
	if (!h)
		return xf_oom(c);
	if (!xf_hash_pool_enter())
		return pool_busy(c);
	int rc = crypto_pwhash_str(h, pw, strlen(pw), PW_OPS, PW_MEM);
	xf_hash_pool_leave();
	if (rc != 0)
		return xf_fail(c, XF_E_INTERNAL, "internal", "密码处理失败",
		               NULL);
	*out = h;
	return XF_OK;
}

/* Verifies pw against a stored hash in the bounded pool: XF_OK with *ok,
 * or busy. */
static int verify_password(xf_ctx *c, const char *stored, const char *pw,
                           int *ok)
{
	if (!xf_hash_pool_enter())
		return pool_busy(c);
	*ok = crypto_pwhash_str_verify(stored, pw, strlen(pw)) == 0;
	xf_hash_pool_leave();
	return XF_OK;
}

/* The password rule (domain/password.h) with a message naming it. */
static int check_password(xf_ctx *c, const char *username, const char *pw,
                          const char *field)
{
	const xf_password_rules *r = &settings.password;
	int f = xf_password_check(r, username, pw);
	if (f == XF_PW_OK)
		return XF_OK;
	const char *msg = xf_password_rule_message(f);
	if (f == XF_PW_TOO_SHORT)
		msg = xf_arena_printf(c->a, "密码长度至少为%d个字符",
		                      r->min_length);
	else if (f == XF_PW_FEW_CLASSES)
		msg = xf_arena_printf(c->a,
		                      "密码须包含大写字母、小写字母、数字、"
		                      "其他符号中的至少%d类",
		                      r->min_classes);
	return xf_fail(c, XF_E_INVALID, "invalid_field",
	               msg ? msg : "密码不符合要求", field);
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

static const char *sha256_hex(xf_ctx *c, const char *s)
{
	return token_hash(c, s);
}

/* The recent failures of username from the caller's address and its user
 * (*found: XF_DB_ROW, or XF_DB_DONE when there is none). */
static int login_read(xf_ctx *c, const char *username, int64_t *fails,
                      xf_user *user, int *found)
{
	int drc = xf_store_login_failures(
	    c->db, username, c->client_addr ? c->client_addr : "",
	    c->now - settings.failure_window, fails);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*found = xf_store_user_by_name(c->db, c->a, username, user);
	if (*found != XF_DB_ROW && *found != XF_DB_DONE)
		return xf_fail_db(c, *found);
	return XF_OK;
}

/* Checks a one-time code of user u in the current write transaction: a
 * TOTP code of the current step (or one step either side) not used
 * before, or an unused recovery code (then used up). *ok 1 if it holds. */
static int otp_check(xf_ctx *c, int64_t user_id, const char *otp, int *ok)
{
	*ok = 0;
	size_t n = strlen(otp);
	if (n == 6 && strspn(otp, "0123456789") == 6) {
		const char *secret = NULL;
		int64_t last = 0;
		int drc =
		    xf_store_totp_get(c->db, c->a, user_id, &secret, &last);
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR
			                                       : drc);
		char *raw = NULL;
		size_t rawlen = 0;
		if (!*secret || oath_base32_decode(secret, strlen(secret), &raw,
		                                   &rawlen) != OATH_OK)
			return XF_OK;
		int pos = 0;
		int rc = oath_totp_validate2(raw, rawlen, (time_t)c->now,
		                             TOTP_STEP, 0, 1, &pos, otp);
		free(raw);
		int64_t step = c->now / TOTP_STEP + pos;
		if (rc < 0 || step <= last)
			return XF_OK; /* wrong, or used already */
		*ok = 1;
		return xf_from_db(c, xf_store_totp_step(c->db, user_id, step));
	}
	/* a recovery code: letters and digits, dashes and spaces ignored */
	char norm[32];
	size_t k = 0;
	for (const char *p = otp; *p && k < sizeof norm - 1; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		norm[k++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	}
	norm[k] = 0;
	if (k != 10)
		return XF_OK;
	int64_t used = 0;
	int drc = xf_store_recovery_code_use(
	    c->db, user_id, sha256_hex(c, norm), c->now, &used);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*ok = used == 1;
	return XF_OK;
}

/* A failed login of username from the caller's address, recorded in its
 * own transaction; answers with code and message. */
static int login_failed(xf_ctx *c, const char *username, const char *code,
                        const char *message, const char *field)
{
	xf_login_budget_charge(c->client_addr ? c->client_addr : "", c->now);
	int rc = xf_tx_begin(c);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_login_failure_add(
	    c->db, username, c->client_addr ? c->client_addr : "", c->now);
	rc = xf_tx_end(c, xf_from_db(c, drc));
	return rc == XF_OK ? xf_fail(c, XF_E_UNAUTHORIZED, code, message, field)
	                   : rc;
}

/* The second step of a login whose password held: the one-time code when
 * the user has TOTP on, then the session. */
static int login_open_tx(xf_ctx *c, const xf_user *user, const char *otp,
                         const char **token, const char **csrf, int *otp_ok)
{
	*otp_ok = 1;
	if (user->totp_enabled) {
		int rc = otp_check(c, user->id, otp, otp_ok);
		if (rc != XF_OK || !*otp_ok)
			return rc;
	}
	return xf_session_open_in_tx(c, user, token, csrf);
}

int xf_login(xf_ctx *c, const xf_login_input *in, const char **token,
             const char **csrf, xf_user *user, int *retry_after)
{
	*retry_after = 0;
	/* 0. the address's budget: refused before any work */
	if (!xf_login_budget_check(c->client_addr ? c->client_addr : "", c->now,
	                           retry_after))
		return xf_fail(c, XF_E_THROTTLED, "too_many_requests",
		               "登录尝试过于频繁，请稍后再试", NULL);
	/* 1. read: the failures of this username from this address */
	int64_t fails = 0;
	int found = XF_DB_DONE;
	int rc;
	XF_READ_TX(c, rc, login_read(c, in->username, &fails, user, &found));
	if (rc != XF_OK)
		return rc;
	if (fails >= settings.max_failures) {
		*retry_after = settings.failure_window;
		return xf_fail(
		    c, XF_E_THROTTLED, "too_many_attempts",
		    xf_arena_printf(c->a,
		                    "登录失败次数过多，请%d分钟后再试"
		                    "或联系管理员解锁",
		                    (settings.failure_window + 59) / 60),
		    NULL);
	}
	/* 2. verify outside any transaction, in the bounded pool (argon2id
	 * is slow on purpose); a missing user costs the same as a wrong
	 * password. */
	const char *stored =
	    found == XF_DB_ROW ? user->password_hash : dummy_hash;
	int ok = 0;
	rc = verify_password(c, stored, in->password, &ok);
	if (rc != XF_OK)
		return rc;
	ok = ok && found == XF_DB_ROW && !user->disabled;
	if (!ok)
		return login_failed(c, in->username, "invalid_credentials",
		                    "用户名或密码错误", NULL);
	/* 3. the second factor: asked for only once the password held */
	const char *otp = in->otp ? in->otp : "";
	if (user->totp_enabled && !*otp)
		return xf_fail(c, XF_E_UNAUTHORIZED, "otp_required",
		               "请输入动态验证码", "otp");
	int otp_ok = 1;
	rc = xf_tx_begin(c);
	if (rc != XF_OK)
		return rc;
	rc = xf_tx_end(c, login_open_tx(c, user, otp, token, csrf, &otp_ok));
	if (rc == XF_OK && !otp_ok)
		return login_failed(c, in->username, "invalid_otp",
		                    "动态验证码错误", "otp");
	return rc;
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
	/* the user agent as sent, cut to 200 bytes on a character edge */
	const char *ua = c->user_agent ? c->user_agent : "";
	size_t n = strlen(ua);
	if (n > 200) {
		n = 200;
		while (n && ((unsigned char)ua[n] & 0xC0) == 0x80)
			n--;
		char *cut = xf_arena_alloc(c->a, n + 1);
		if (!cut)
			return xf_oom(c);
		memcpy(cut, ua, n);
		cut[n] = 0;
		ua = cut;
	}
	int drc = xf_store_session_insert(
	    c->db, token_hash(c, *token), user->id, *csrf, c->now,
	    c->now + settings.max_seconds, c->client_addr ? c->client_addr : "",
	    ua);
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
		xf_session_live live = {0};
		int64_t idle = settings.idle_seconds;
		int rc = xf_store_session_get(c->db, c->a, h, c->now,
		                              c->now - idle, user, csrf, &live);
		if (rc == XF_DB_DONE)
			return xf_fail(c, XF_E_UNAUTHORIZED, "unauthorized",
			               "登录已失效，请重新登录", NULL);
		if (rc != XF_DB_ROW)
			return xf_fail_db(c, rc);
		/* the session is in use: move its last use forward now and
		 * then (a quarter of the idle time, at most a minute), so
		 * that a busy session costs no write per request. A failed
		 * move only shortens the session. */
		int64_t every = idle / 4 < 60 ? idle / 4 : 60;
		if (c->now - live.last_seen >= (every > 0 ? every : 1) &&
		    xf_store_session_touch(c->db, live.id, c->now) == XF_DB_OK)
			live.last_seen = c->now;
		/* the cache answers until the next move is due, never past
		 * the session's end: it must not keep a dead session alive */
		int64_t end = live.last_seen + (every > 0 ? every : 1);
		if (end > live.expires_at)
			end = live.expires_at;
		xf_session_cache_put(h, epoch, end, user, *csrf);
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
	return xf_member_named(c, member_id, &m);
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
	rc = check_password(c, in->username, in->password, "password");
	if (rc != XF_OK)
		return rc;
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
		rc = check_password(c, u->username, in->password, "password");
		if (rc != XF_OK)
			return rc;
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
	int ok = 0;
	rc = verify_password(c, u.password_hash, old_pw, &ok);
	if (rc != XF_OK)
		return rc;
	if (!ok)
		return xf_invalid(c, "原密码不正确", "old_password");
	rc = check_password(c, u.username, new_pw, "new_password");
	if (rc != XF_OK)
		return rc;
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

/* ---- sessions of a user, the unlock -------------------------------------- */

int xf_my_sessions(xf_ctx *c, const char *token, xf_session_info **out, int *n)
{
	*n = 0;
	const char *h = token ? token_hash(c, token) : "";
	if (!h)
		return xf_oom(c);
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_session_list(
	                         c->db, c->a, c->user_id, c->now,
	                         c->now - settings.idle_seconds, h, out, n)));
}

static int session_end_tx(xf_ctx *c, int64_t id)
{
	int64_t deleted = 0;
	int drc = xf_store_session_delete_id(c->db, id, c->user_id, &deleted);
	if (drc == XF_DB_OK && !deleted)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "会话不存在",
		               NULL);
	return xf_audit_db(c, drc, "revoke", "user", c->user_id, NULL, NULL,
	                   NULL);
}

int xf_my_session_end(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, session_end_tx(c, id));
}

/* A user the caller administers (admin, or a committee over all of its
 * roles); 404 otherwise, as for reading it. */
static int managed_user(xf_ctx *c, int64_t id, xf_user *u)
{
	int rc = xf_store_user_get(c->db, c->a, id, u);
	if (rc == XF_DB_ROW && may_manage(c, u->roles, u->nroles))
		return XF_OK;
	if (rc == XF_DB_ROW || rc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "用户不存在",
		               NULL);
	return xf_fail_db(c, rc);
}

static int sessions_end_tx(xf_ctx *c, int64_t id)
{
	xf_user u;
	int rc = managed_user(c, id, &u);
	if (rc != XF_OK)
		return rc;
	return xf_audit_db(c, xf_store_session_delete_user(c->db, id), "revoke",
	                   "user", id, u.nroles ? u.roles[0].org_path : NULL,
	                   NULL, NULL);
}

int xf_user_sessions_end(xf_ctx *c, int64_t user_id)
{
	XF_RETURN_WRITE_TX(c, sessions_end_tx(c, user_id));
}

static int unlock_tx(xf_ctx *c, int64_t id)
{
	xf_user u;
	int rc = managed_user(c, id, &u);
	if (rc != XF_OK)
		return rc;
	return xf_audit_db(c, xf_store_login_failures_clear(c->db, u.username),
	                   "unlock", "user", id,
	                   u.nroles ? u.roles[0].org_path : NULL, NULL, NULL);
}

int xf_user_unlock(xf_ctx *c, int64_t user_id)
{
	XF_RETURN_WRITE_TX(c, unlock_tx(c, user_id));
}

/* ---- the second factor (TOTP) ------------------------------------------ */

/* s percent-encoded for a URL's label or query value, in c->a. */
static const char *url_escape(xf_ctx *c, const char *s)
{
	static const char hexd[] = "0123456789ABCDEF";
	char *o = xf_arena_alloc(c->a, strlen(s) * 3 + 1), *p = o;
	if (!o)
		return NULL;
	for (const unsigned char *q = (const unsigned char *)s; *q; q++) {
		if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
		    (*q >= '0' && *q <= '9') || *q == '-' || *q == '_' ||
		    *q == '.') {
			*p++ = (char)*q;
		} else {
			*p++ = '%';
			*p++ = hexd[*q >> 4];
			*p++ = hexd[*q & 15];
		}
	}
	*p = 0;
	return o;
}

static int totp_begin_tx(xf_ctx *c, xf_totp_setup *out)
{
	xf_user u;
	int drc = xf_store_user_get(c->db, c->a, c->user_id, &u);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	if (u.totp_enabled)
		return xf_fail(c, XF_E_CONFLICT, "totp_enabled",
		               "动态验证码已启用", NULL);
	unsigned char raw[20];
	randombytes_buf(raw, sizeof raw);
	char *b32 = NULL;
	size_t b32len = 0;
	if (oath_base32_encode((const char *)raw, sizeof raw, &b32, &b32len) !=
	    OATH_OK)
		return xf_fail(c, XF_E_INTERNAL, "internal", "生成密钥失败",
		               NULL);
	out->secret = xf_arena_strdup(c->a, b32);
	free(b32);
	const char *label = url_escape(c, u.username);
	if (!out->secret || !label)
		return xf_oom(c);
	out->otpauth_url = xf_arena_printf(
	    c->a,
	    "otpauth://totp/xianfeng:%s?secret=%s&issuer=xianfeng"
	    "&algorithm=SHA1&digits=6&period=%d",
	    label, out->secret, TOTP_STEP);
	drc = xf_store_totp_set(c->db, c->user_id, out->secret);
	if (drc == XF_DB_OK)
		drc = xf_store_recovery_codes_clear(c->db, c->user_id);
	out->ncodes = 0;
	for (int i = 0; drc == XF_DB_OK && i < 10; i++) {
		char code[11];
		xf_random_code(code, 10);
		const char *h = sha256_hex(c, code);
		char *shown = xf_arena_printf(c->a, "%.5s-%s", code, code + 5);
		if (!h || !shown)
			return xf_oom(c);
		drc = xf_store_recovery_code_add(c->db, c->user_id, h);
		out->recovery_codes[out->ncodes++] = shown;
	}
	return xf_from_db(c, drc);
}

int xf_totp_begin(xf_ctx *c, xf_totp_setup *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_WRITE_TX(c, totp_begin_tx(c, out));
}

static int totp_confirm_tx(xf_ctx *c, const char *code)
{
	const char *secret = NULL;
	int64_t last = 0;
	int drc = xf_store_totp_get(c->db, c->a, c->user_id, &secret, &last);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	if (!*secret)
		return xf_fail(c, XF_E_CONFLICT, "totp_not_started",
		               "请先生成动态验证码密钥", NULL);
	char *raw = NULL;
	size_t rawlen = 0;
	if (oath_base32_decode(secret, strlen(secret), &raw, &rawlen) !=
	    OATH_OK)
		return xf_fail(c, XF_E_INTERNAL, "internal", "密钥无效", NULL);
	int pos = 0;
	int rc = strlen(code) == 6 && strspn(code, "0123456789") == 6
	             ? oath_totp_validate2(raw, rawlen, (time_t)c->now,
	                                   TOTP_STEP, 0, 1, &pos, code)
	             : -1;
	free(raw);
	if (rc < 0)
		return xf_invalid(c, "动态验证码不正确", "code");
	drc = xf_store_totp_enable(c->db, c->user_id, c->now / TOTP_STEP + pos);
	return xf_audit_db(c, drc, "totp", "user", c->user_id, NULL, NULL,
	                   NULL);
}

int xf_totp_confirm(xf_ctx *c, const char *code)
{
	XF_RETURN_WRITE_TX(c, totp_confirm_tx(c, code));
}
