/*
 * users.c - SQL of accounts, roles, sessions and the login throttle.
 */
#include "store/users.h"

#include "store/members.h"

#include <string.h>

#define USER_COLS                                                              \
	"u.id, COALESCE(u.member_id, 0), u.username, u.display_name, "         \
	"u.password_hash, u.disabled, u.totp_enabled"

static const xf_db_col user_cols[] = {
    XF_COL(I64, xf_user, id),
    XF_COL(I64, xf_user, member_id),
    XF_COL(STR, xf_user, username),
    XF_COL(STR, xf_user, display_name),
    XF_COL(STR, xf_user, password_hash),
    XF_COL(INT, xf_user, disabled),
    XF_COL(INT, xf_user, totp_enabled),
};

static void read_user(xf_arena *a, xf_stmt *st, void *item)
{
	memset(item, 0, sizeof(xf_user));
	xf_db_read_cols(a, st, user_cols, XF_NCOLS(user_cols), item);
}

static const char sql_roles[] =
    "SELECT r.role, COALESCE(r.org_id, 0), COALESCE(o.name, ''), "
    "COALESCE(o.path, '') FROM user_roles r LEFT JOIN orgs o "
    "ON o.id = r.org_id WHERE r.user_id = $1 ORDER BY r.role, r.org_id "
    "LIMIT 16";

static const xf_db_col role_cols[] = {
    XF_COL(STR, xf_user_role, role),
    XF_COL(I64, xf_user_role, org_id),
    XF_COL(STR, xf_user_role, org_name),
    XF_COL(STR, xf_user_role, org_path),
};

XF_DB_READER(read_role, role_cols);

static int load_roles(xf_db *db, xf_arena *a, xf_user *u)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_roles, XF_INT(u->id));
	return xf_db_rows(st, a, 16, sizeof *u->roles, read_role, &u->roles,
	                  &u->nroles);
}

/* Reads the row of st into item with read, then the roles of user (read
 * from that row). Returns XF_DB_ROW, XF_DB_DONE or an error. */
static int get_one(xf_db *db, xf_arena *a, xf_stmt *st, xf_row_fn read,
                   void *item, xf_user *user)
{
	int rc = xf_db_row(st, a, read, item);
	if (rc == XF_DB_ROW) {
		int r2 = load_roles(db, a, user);
		if (r2 != XF_DB_OK)
			return r2;
	}
	return rc;
}

static const char sql_get[] = "SELECT " USER_COLS " FROM users u WHERE id = $1";
static const char sql_by_name[] =
    "SELECT " USER_COLS " FROM users u WHERE username = $1";

int xf_store_user_get(xf_db *db, xf_arena *a, int64_t id, xf_user *out)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_get, XF_INT(id));
	if (!st)
		return XF_DB_ERROR;
	return get_one(db, a, st, read_user, out, out);
}

int xf_store_user_by_name(xf_db *db, xf_arena *a, const char *username,
                          xf_user *out)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_by_name, XF_STR(username));
	if (!st)
		return XF_DB_ERROR;
	return get_one(db, a, st, read_user, out, out);
}

static const char sql_insert[] =
    "INSERT INTO users (username, display_name, password_hash, member_id, "
    "disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) "
    "RETURNING id";

static const xf_db_col user_insert_cols[] = {
    XF_COL(STR, xf_user, username),      XF_COL(STR, xf_user, display_name),
    XF_COL(STR, xf_user, password_hash), XF_COL(ID, xf_user, member_id),
    XF_COL(INT, xf_user, disabled),
};

int xf_store_user_insert(xf_db *db, xf_user *u, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 1, user_insert_cols, XF_NCOLS(user_insert_cols), u);
	xf_db_bind_int(st, 6, now);
	int rc = xf_db_insert(st, &u->id);
	if (rc != XF_DB_OK)
		return rc;
	return xf_store_user_set_roles(db, u);
}

static const char sql_update[] =
    "UPDATE users SET display_name = $2, password_hash = $3, "
    "member_id = $4, disabled = $5, updated_at = $6 WHERE id = $1";

static const xf_db_col user_update_cols[] = {
    XF_COL(I64, xf_user, id),
    XF_COL(STR, xf_user, display_name),
    XF_COL(STR, xf_user, password_hash),
    XF_COL(ID, xf_user, member_id),
    XF_COL(INT, xf_user, disabled),
};

int xf_store_user_update(xf_db *db, const xf_user *u, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_update);
	xf_db_bind_cols(st, 1, user_update_cols, XF_NCOLS(user_update_cols), u);
	xf_db_bind_int(st, 6, now);
	return xf_db_run(st);
}

static const char sql_roles_clear[] =
    "DELETE FROM user_roles WHERE user_id = $1";
static const char sql_role_add[] =
    "INSERT INTO user_roles (user_id, role, org_id) VALUES ($1, $2, $3)";

int xf_store_user_set_roles(xf_db *db, const xf_user *u)
{
	int rc = xf_db_run_id(db, sql_roles_clear, u->id);
	for (int i = 0; i < u->nroles && rc == XF_DB_OK; i++) {
		xf_stmt *st = xf_db_stmt(db, sql_role_add);
		if (!st)
			return XF_DB_ERROR;
		xf_db_bind_int(st, 1, u->id);
		xf_db_bind_str(st, 2, u->roles[i].role);
		xf_db_bind_id(st, 3, u->roles[i].org_id);
		rc = xf_db_run(st);
	}
	return rc;
}

#define USER_LIST_WHERE                                                        \
	" WHERE ($1 = '' OR EXISTS (SELECT 1 FROM user_roles r JOIN orgs o "   \
	"ON o.id = r.org_id WHERE r.user_id = u.id AND o.path >= $1 "          \
	"AND o.path < $2)) AND (u.username LIKE $3 ESCAPE '\\' "               \
	"OR u.display_name LIKE $3 ESCAPE '\\')"

static const char sql_list_count[] =
    "SELECT COUNT(*) FROM users u" USER_LIST_WHERE;
static const char sql_list[] =
    "SELECT " USER_COLS " FROM users u" USER_LIST_WHERE
    " ORDER BY u.id LIMIT $4 OFFSET $5";

static void bind_list(xf_stmt *st, const char *lo, const char *hi,
                      const char *q)
{
	xf_db_bind_str(st, 1, lo ? lo : "");
	xf_db_bind_str(st, 2, hi ? hi : "");
	xf_db_bind_contains(st, 3, q);
}

int xf_store_user_list(xf_db *db, xf_arena *a, const char *lo, const char *hi,
                       const char *q, int offset, int limit, xf_user **out,
                       int *n, int64_t *total)
{
	xf_stmt *count = xf_db_stmt(db, sql_list_count);
	xf_stmt *st = xf_db_stmt(db, sql_list);
	if (!count || !st)
		return XF_DB_ERROR;
	bind_list(count, lo, hi, q);
	bind_list(st, lo, hi, q);
	xf_db_bind_int(st, 4, limit);
	xf_db_bind_int(st, 5, offset);
	int rc = xf_db_page(count, total, st, a, limit, sizeof **out, read_user,
	                    out, n);
	if (rc != XF_DB_OK)
		return rc;
	for (int i = 0; i < *n; i++) {
		rc = load_roles(db, a, &(*out)[i]);
		if (rc != XF_DB_OK)
			return rc;
	}
	return XF_DB_OK;
}

static const char sql_sess_insert[] =
    "INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen, "
    "expires_at, addr, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)";

int xf_store_session_insert(xf_db *db, const char *token_hash, int64_t user_id,
                            const char *csrf, int64_t now, int64_t expires,
                            const char *addr, const char *user_agent)
{
	return xf_db_run(XF_DB_BOUND(db, sql_sess_insert, XF_STR(token_hash),
	                             XF_INT(user_id), XF_STR(csrf), XF_INT(now),
	                             XF_INT(expires), XF_STR(addr),
	                             XF_STR(user_agent)));
}

static const char sql_sess_get[] =
    "SELECT " USER_COLS ", s.csrf, s.expires_at, s.id, s.last_seen "
    "FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen > $3 "
    "AND u.disabled = 0";

/* Where a session row goes: its user, CSRF token and times. */
typedef struct session_row {
	xf_user *user;
	const char **csrf;
	xf_session_live *live;
} session_row;

static void read_session(xf_arena *a, xf_stmt *st, void *item)
{
	session_row *s = item;
	int n = XF_NCOLS(user_cols);
	read_user(a, st, s->user);
	*s->csrf = xf_db_dup(a, st, n);
	s->live->expires_at = xf_db_int(st, n + 1);
	s->live->id = xf_db_int(st, n + 2);
	s->live->last_seen = xf_db_int(st, n + 3);
}

int xf_store_session_get(xf_db *db, xf_arena *a, const char *token_hash,
                         int64_t now, int64_t seen_after, xf_user *user,
                         const char **csrf, xf_session_live *live)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_sess_get, XF_STR(token_hash),
	                          XF_INT(now), XF_INT(seen_after));
	if (!st)
		return XF_DB_ERROR;
	session_row row = {user, csrf, live};
	return get_one(db, a, st, read_session, &row, user);
}

static const char sql_sess_touch[] =
    "UPDATE sessions SET last_seen = $2 WHERE id = $1 AND last_seen < $2";

int xf_store_session_touch(xf_db *db, int64_t id, int64_t now)
{
	return xf_db_run_ids(db, sql_sess_touch, id, now);
}

static const char sql_sess_list[] =
    "SELECT id, created_at, last_seen, expires_at, addr, user_agent, "
    "CASE WHEN token_hash = $4 THEN 1 ELSE 0 END "
    "FROM sessions WHERE user_id = $1 AND expires_at > $2 "
    "AND last_seen > $3 ORDER BY last_seen DESC, id DESC LIMIT 200";

static const xf_db_col session_cols[] = {
    XF_COL(I64, xf_session_info, id),
    XF_COL(I64, xf_session_info, created_at),
    XF_COL(I64, xf_session_info, last_seen),
    XF_COL(I64, xf_session_info, expires_at),
    XF_COL(STR, xf_session_info, addr),
    XF_COL(STR, xf_session_info, user_agent),
    XF_COL(INT, xf_session_info, current),
};

XF_DB_READER(read_session_info, session_cols);

int xf_store_session_list(xf_db *db, xf_arena *a, int64_t user_id, int64_t now,
                          int64_t seen_after, const char *current_hash,
                          xf_session_info **out, int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_sess_list, XF_INT(user_id),
	                              XF_INT(now), XF_INT(seen_after),
	                              XF_STR(current_hash)),
	                  a, 200, sizeof **out, read_session_info, out, n);
}

static const char sql_sess_del[] = "DELETE FROM sessions WHERE token_hash = $1";
static const char sql_sess_del_user[] =
    "DELETE FROM sessions WHERE user_id = $1";
static const char sql_sess_del_id[] =
    "DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id";

int xf_store_session_delete(xf_db *db, const char *token_hash)
{
	return xf_db_run(XF_DB_BOUND(db, sql_sess_del, XF_STR(token_hash)));
}

int xf_store_session_delete_user(xf_db *db, int64_t user_id)
{
	return xf_db_run_id(db, sql_sess_del_user, user_id);
}

int xf_store_session_delete_id(xf_db *db, int64_t id, int64_t user_id,
                               int64_t *deleted)
{
	return xf_db_value(
	    XF_DB_BOUND(db, sql_sess_del_id, XF_INT(id), XF_INT(user_id)),
	    deleted);
}

static const char sql_fail_count[] =
    "SELECT COUNT(*) FROM login_failures WHERE username = $1 AND addr = $2 "
    "AND at > $3";
static const char sql_fail_add[] =
    "INSERT INTO login_failures (username, addr, at) VALUES ($1, $2, $3)";
static const char sql_fail_clear[] =
    "DELETE FROM login_failures WHERE username = $1";

int xf_store_login_failures(xf_db *db, const char *username, const char *addr,
                            int64_t since, int64_t *n)
{
	return xf_db_value(XF_DB_BOUND(db, sql_fail_count, XF_STR(username),
	                               XF_STR(addr), XF_INT(since)),
	                   n);
}

int xf_store_login_failure_add(xf_db *db, const char *username,
                               const char *addr, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_fail_add, XF_STR(username),
	                             XF_STR(addr), XF_INT(now)));
}

int xf_store_login_failures_clear(xf_db *db, const char *username)
{
	return xf_db_run(XF_DB_BOUND(db, sql_fail_clear, XF_STR(username)));
}

/* ---- the second factor (TOTP) and its recovery codes ------------------- */

static const char sql_totp_get[] =
    "SELECT COALESCE(totp_secret, ''), totp_last_step FROM users "
    "WHERE id = $1";

typedef struct totp_row {
	const char **secret;
	int64_t *last_step;
} totp_row;

static void read_totp(xf_arena *a, xf_stmt *st, void *item)
{
	totp_row *t = item;
	*t->secret = xf_member_unseal(a, XF_SEAL_TOTP, xf_db_dup(a, st, 0));
	*t->last_step = xf_db_int(st, 1);
}

int xf_store_totp_get(xf_db *db, xf_arena *a, int64_t user_id,
                      const char **secret, int64_t *last_step)
{
	totp_row row = {secret, last_step};
	return xf_db_get(db, sql_totp_get, user_id, a, read_totp, &row);
}

static const char sql_totp_set[] =
    "UPDATE users SET totp_secret = $2, totp_enabled = 0, "
    "totp_last_step = 0 WHERE id = $1";
static const char sql_totp_on[] =
    "UPDATE users SET totp_enabled = 1, totp_last_step = $2 WHERE id = $1";
static const char sql_totp_step[] =
    "UPDATE users SET totp_last_step = $2 WHERE id = $1";
static const char sql_totp_off[] =
    "UPDATE users SET totp_secret = NULL, totp_enabled = 0, "
    "totp_last_step = 0 WHERE id = $1";

/* The secret is stored sealed, as personal data (base/seal.h): a copy of
 * the database does not give anyone the second factor. */
int xf_store_totp_set(xf_db *db, int64_t user_id, const char *secret)
{
	char sealed[XF_SEAL_MAX];
	if (!xf_seal(xf_seal_current(), XF_SEAL_TOTP, secret, sealed))
		return XF_DB_ERROR;
	int rc = xf_db_run(
	    XF_DB_BOUND(db, sql_totp_set, XF_INT(user_id), XF_STR(sealed)));
	memset(sealed, 0, sizeof sealed);
	return rc;
}

int xf_store_totp_enable(xf_db *db, int64_t user_id, int64_t step)
{
	return xf_db_run_ids(db, sql_totp_on, user_id, step);
}

int xf_store_totp_step(xf_db *db, int64_t user_id, int64_t step)
{
	return xf_db_run_ids(db, sql_totp_step, user_id, step);
}

int xf_store_totp_disable(xf_db *db, int64_t user_id)
{
	return xf_db_run_id(db, sql_totp_off, user_id);
}

static const char sql_rc_clear[] =
    "DELETE FROM recovery_codes WHERE user_id = $1";
static const char sql_rc_add[] =
    "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)";
static const char sql_rc_use[] =
    "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 "
    "AND code_hash = $2 AND used_at IS NULL RETURNING 1";

int xf_store_recovery_codes_clear(xf_db *db, int64_t user_id)
{
	return xf_db_run_id(db, sql_rc_clear, user_id);
}

int xf_store_recovery_code_add(xf_db *db, int64_t user_id,
                               const char *code_hash)
{
	return xf_db_run(
	    XF_DB_BOUND(db, sql_rc_add, XF_INT(user_id), XF_STR(code_hash)));
}

int xf_store_recovery_code_use(xf_db *db, int64_t user_id,
                               const char *code_hash, int64_t now,
                               int64_t *used)
{
	return xf_db_value(XF_DB_BOUND(db, sql_rc_use, XF_INT(user_id),
	                               XF_STR(code_hash), XF_INT(now)),
	                   used);
}

/* ---- who answers for an organization (outside channels) ----------------- */

static const char sql_staff_over[] =
    "SELECT r.user_id, r.role, o.path, u.display_name, m.phone "
    "FROM user_roles r JOIN orgs o ON o.id = r.org_id "
    "JOIN users u ON u.id = r.user_id "
    "LEFT JOIN members m ON m.id = u.member_id "
    "WHERE r.role IN ('secretary', 'committee') AND u.disabled = 0 "
    "AND substr($1, 1, length(o.path)) = o.path "
    "ORDER BY r.user_id, r.role LIMIT $2";

static const xf_db_col staff_cols[] = {
    XF_COL(I64, xf_staff_over, user_id),
    XF_COL(STR, xf_staff_over, role),
    XF_COL(STR, xf_staff_over, org_path),
    XF_COL(STR, xf_staff_over, display_name),
    XF_COL(OPT, xf_staff_over, phone),
};

static void read_staff(xf_arena *a, xf_stmt *st, void *item)
{
	xf_staff_over *s = item;
	xf_db_read_cols(a, st, staff_cols, XF_NCOLS(staff_cols), item);
	if (s->phone) /* sealed in the member row (store/members.c) */
		s->phone = xf_member_unseal(a, XF_SEAL_PHONE, s->phone);
}

int xf_store_user_staff_over(xf_db *db, xf_arena *a, const char *path, int max,
                             xf_staff_over **out, int *n)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_staff_over, XF_STR(path), XF_INT(max));
	return xf_db_rows(st, a, max, sizeof **out, read_staff, out, n);
}
