/*
 * ctx.c - per-thread connections, errors, transactions, audit and the
 * scope helpers every use case calls.
 */
#include "service/ctx.h"
#include "service/live.h"

#include "base/date.h"
#include "domain/audit.h"

#include "store/audit.h"
#include "store/members.h"
#include "store/orgs.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *db_url;
static pthread_key_t db_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void close_db(void *p)
{
	xf_db_close(p);
}
static void make_key(void)
{
	pthread_key_create(&db_key, close_db);
}

int xf_svc_init(const char *url)
{
	pthread_once(&key_once, make_key);
	free(db_url);
	db_url = strdup(url);
	return db_url ? 0 : -1;
}

xf_db *xf_svc_db(void)
{
	xf_db *db = pthread_getspecific(db_key);
	if (db || !db_url)
		return db;
	char err[256];
	db = xf_db_open(db_url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "xianfeng: %s\n", err);
		return NULL;
	}
	pthread_setspecific(db_key, db);
	return db;
}

void xf_ctx_init(xf_ctx *c, xf_db *db, xf_arena *a, const xf_scope *scope,
                 const char *username)
{
	memset(c, 0, sizeof *c);
	c->db = db;
	c->a = a;
	c->scope = scope;
	c->user_id = scope ? scope->user_id : 0;
	c->username = username;
	c->now = (int64_t)time(NULL);
}

int xf_fail(xf_ctx *c, int kind, const char *code, const char *message,
            const char *field)
{
	c->err.kind = kind;
	c->err.code = code;
	c->err.message = message;
	c->err.field = field;
	return kind;
}

int xf_invalid(xf_ctx *c, const char *message, const char *field)
{
	return xf_fail(c, XF_E_INVALID, "invalid_field", message, field);
}

int xf_forbidden(xf_ctx *c, const char *message)
{
	return xf_fail(c, XF_E_FORBIDDEN, "forbidden", message, NULL);
}

int xf_oom(xf_ctx *c)
{
	return xf_fail(c, XF_E_INTERNAL, "internal", "内存不足", NULL);
}

const char *xf_today(xf_ctx *c)
{
	char d[11];
	xf_date_format(xf_date_today(c->now), d);
	return xf_arena_strdup(c->a, d);
}

int xf_fail_db(xf_ctx *c, int rc)
{
	switch (rc) {
	case XF_DB_BUSY:
		return xf_fail(c, XF_E_BUSY, "busy", "系统繁忙，请稍后重试",
		               NULL);
	case XF_DB_UNIQUE:
		return xf_fail(c, XF_E_CONFLICT, "conflict", "数据已存在",
		               NULL);
	case XF_DB_FOREIGN:
		return xf_fail(c, XF_E_CONFLICT, "conflict",
		               "数据仍被引用，无法完成操作", NULL);
	default:
		fprintf(stderr, "xianfeng: database error: %s\n",
		        xf_db_errmsg(c->db));
		return xf_fail(c, XF_E_INTERNAL, "internal", "数据库错误",
		               NULL);
	}
}

int xf_from_db(xf_ctx *c, int rc)
{
	return rc == XF_DB_OK ? XF_OK : xf_fail_db(c, rc);
}

int64_t xf_tx_clock_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

#define KEY_LOCKS 64
static pthread_mutex_t key_locks[KEY_LOCKS];
static pthread_once_t key_locks_once = PTHREAD_ONCE_INIT;

static void key_locks_init(void)
{
	for (int i = 0; i < KEY_LOCKS; i++)
		pthread_mutex_init(&key_locks[i], NULL);
}

void *xf_tx_key_lock(int64_t key)
{
	if (!key)
		return NULL;
	pthread_once(&key_locks_once, key_locks_init);
	uint64_t h = (uint64_t)key * 0x9E3779B97F4A7C15ull;
	pthread_mutex_t *m = &key_locks[h >> 58]; /* the top 6 bits */
	pthread_mutex_lock(m);
	return m;
}

void xf_tx_key_unlock(void *lock)
{
	if (lock)
		pthread_mutex_unlock(lock);
}

int xf_tx_backoff(xf_ctx *c, int attempt, int64_t t0_ms)
{
	if (xf_tx_clock_ms() - t0_ms > XF_TX_BUDGET_MS)
		return 0;
	static _Thread_local uint64_t seed;
	if (!seed) {
		struct timespec t;
		clock_gettime(CLOCK_MONOTONIC, &t);
		seed = ((uint64_t)t.tv_nsec << 16) ^ (uint64_t)(uintptr_t)&seed;
		seed |= 1;
	}
	seed ^= seed << 13; /* xorshift64 */
	seed ^= seed >> 7;
	seed ^= seed << 17;
	long bound = (long)(1 + attempt * attempt) * 2000000L; /* ns */
	long ns = bound / 2 + (long)(seed % (uint64_t)(bound / 2 + 1));
	struct timespec ts = {ns / 1000000000L, ns % 1000000000L};
	c->err.kind = 0;
	nanosleep(&ts, NULL);
	return 1;
}

int xf_tx_begin(xf_ctx *c)
{
	xf_live_drop(c);
	int rc = c->tx_rows ? xf_db_begin_rows(c->db) : xf_db_begin(c->db);
	return xf_from_db(c, rc);
}

int xf_tx_read(xf_ctx *c)
{
	int rc = xf_db_begin_read(c->db);
	return xf_from_db(c, rc);
}

int xf_tx_end(xf_ctx *c, int rc)
{
	if (rc != XF_OK) {
		xf_db_rollback(c->db);
		xf_live_drop(c);
		return rc;
	}
	int drc = xf_db_commit(c->db);
	if (drc != XF_DB_OK) {
		xf_db_rollback(c->db);
		xf_live_drop(c);
		return xf_fail_db(c, drc);
	}
	xf_live_flush(c);
	return XF_OK;
}

int xf_audit(xf_ctx *c, const char *action, const char *entity,
             int64_t entity_id, const char *org_path, const char *before,
             const char *after)
{
	/* The log is read through the labels of these lists. */
	assert(xf_code_valid(xf_audit_actions, action));
	assert(xf_code_valid(xf_audit_entities, entity));
	xf_audit_row row = {
	    .at = c->now,
	    .user_id = c->user_id,
	    .entity_id = entity_id,
	    .username = c->username,
	    .action = action,
	    .entity = entity,
	    .org_path = org_path,
	    .before_json = before,
	    .after_json = after,
	};
	int rc = xf_store_audit_insert(c->db, &row);
	/* a record of a read (an unmasked view of personal data) or of a
	 * login changes no answer: it neither moves a wall nor empties the
	 * answer cache */
	if (rc == XF_DB_OK && strcmp(action, "read_pii") != 0 &&
	    strcmp(action, "login") != 0)
		xf_live_touch_entity(c, entity, org_path);
	return xf_from_db(c, rc);
}

int xf_audit_db(xf_ctx *c, int db_rc, const char *action, const char *entity,
                int64_t entity_id, const char *org_path, const char *before,
                const char *after)
{
	if (db_rc != XF_DB_OK)
		return xf_fail_db(c, db_rc);
	return xf_audit(c, action, entity, entity_id, org_path, before, after);
}

int xf_audit_found(xf_ctx *c, int found, const char *action, const char *entity,
                   int64_t entity_id, const char *org_path, const char *before,
                   const char *after)
{
	if (found != XF_DB_ROW)
		return xf_fail_db(c, found == XF_DB_DONE ? XF_DB_ERROR : found);
	return xf_audit(c, action, entity, entity_id, org_path, before, after);
}

int xf_is_admin(const xf_ctx *c)
{
	return !c->scope || xf_scope_is_admin(c->scope);
}

int xf_can_read(const xf_ctx *c, const char *path)
{
	return !c->scope || xf_scope_can_read_org(c->scope, path);
}

int xf_can_write(const xf_ctx *c, const char *path)
{
	return !c->scope || xf_scope_can_write_org(c->scope, path);
}

int xf_loaded(xf_ctx *c, int found, const char *path, int mode,
              const xf_record *r)
{
	if (found != XF_DB_ROW && found != XF_DB_DONE)
		return xf_fail_db(c, found);
	if (found == XF_DB_ROW && mode == XF_FOR_WRITE)
		return xf_can_write(c, path)
		           ? XF_OK
		           : xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		                     r->forbidden, r->field);
	if (found == XF_DB_ROW && xf_can_read(c, path))
		return XF_OK;
	return xf_fail(c, XF_E_NOT_FOUND, "not_found", r->missing, r->field);
}

int xf_list_ranges(xf_ctx *c, xf_ranges *out)
{
	out->n = 0;
	if (xf_is_admin(c)) {
		out->lo[0] = "/";
		out->hi[0] = "0";
		return out->n = 1;
	}
	/* Widest grants first, so that nested ones are seen as covered. */
	const xf_scope *s = c->scope;
	int order[XF_MAX_GRANTS], n = 0;
	for (int i = 0; i < s->n; i++) {
		int role = s->g[i].role;
		if (role != XF_ROLE_COMMITTEE && role != XF_ROLE_SECRETARY &&
		    role != XF_ROLE_SCREEN)
			continue;
		int k = n++;
		while (k > 0 && strlen(s->g[order[k - 1]].org_path) >
		                    strlen(s->g[i].org_path)) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
	for (int k = 0; k < n && out->n < XF_RANGES; k++) {
		const char *p = s->g[order[k]].org_path;
		int covered = 0;
		for (int j = 0; j < out->n; j++)
			covered |= xf_path_within(p, out->lo[j]);
		if (covered)
			continue;
		if (xf_subtree_range(c, p, &out->lo[out->n],
		                     &out->hi[out->n]) == 0)
			out->n++;
	}
	return out->n;
}

int xf_org_named(xf_ctx *c, int64_t id, const char *missing, const char *field,
                 xf_org *o)
{
	int drc = xf_store_org_get(c->db, c->a, id, o);
	if (drc == XF_DB_DONE)
		return xf_invalid(c, missing, field);
	return drc == XF_DB_ROW ? XF_OK : xf_fail_db(c, drc);
}

int xf_org_readable(xf_ctx *c, int64_t id, xf_org *o)
{
	int rc = xf_org_named(c, id, "组织不存在", "org_id", o);
	if (rc != XF_OK || xf_can_read(c, o->path))
		return rc;
	return xf_invalid(c, "组织不存在", "org_id");
}

int xf_org_for_write(xf_ctx *c, int64_t id, const char *missing,
                     const char *forbidden, xf_org *o)
{
	int rc = xf_org_named(c, id, missing, "org_id", o);
	if (rc != XF_OK || xf_can_write(c, o->path))
		return rc;
	return xf_fail(c, XF_E_FORBIDDEN, "forbidden", forbidden, "org_id");
}

int xf_org_for_committee(xf_ctx *c, int64_t id, const char *missing,
                         const char *forbidden, xf_org *o)
{
	int rc = xf_org_named(c, id, missing, "org_id", o);
	if (rc != XF_OK || xf_committee_over(c, o->path, 0))
		return rc;
	return xf_fail(c, XF_E_FORBIDDEN, "forbidden", forbidden, "org_id");
}

int xf_member_named(xf_ctx *c, int64_t id, xf_member *m)
{
	memset(m, 0, sizeof *m);
	int drc = xf_store_member_get(c->db, c->a, id, m);
	if (drc == XF_DB_DONE ||
	    (drc == XF_DB_ROW && !xf_can_read(c, m->org_path)))
		return xf_invalid(c, "党员不存在", "member_id");
	return drc == XF_DB_ROW ? XF_OK : xf_fail_db(c, drc);
}

int xf_member_for_write(xf_ctx *c, int64_t id, const char *forbidden,
                        xf_member *m)
{
	int rc = xf_member_named(c, id, m);
	if (rc != XF_OK || xf_can_write(c, m->org_path))
		return rc;
	return xf_fail(c, XF_E_FORBIDDEN, "forbidden", forbidden, "member_id");
}

int xf_list_scope(xf_ctx *c, int64_t org_id, const char *field, xf_ranges *r)
{
	r->n = 0;
	if (!org_id) {
		xf_list_ranges(c, r);
		return XF_OK;
	}
	xf_record org = {"组织不存在", NULL, field};
	xf_org o;
	int found = xf_store_org_get(c->db, c->a, org_id, &o);
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? o.path : NULL,
	                   XF_FOR_READ, &org);
	if (rc == XF_OK && xf_subtree_range(c, o.path, &r->lo[0], &r->hi[0]))
		rc = xf_oom(c);
	r->n = rc == XF_OK;
	return rc;
}

int xf_subtree_range(xf_ctx *c, const char *path, const char **lo,
                     const char **hi)
{
	char end[XF_PATH_MAX];
	if (xf_path_range_end(path, end, sizeof end) != 0)
		return -1;
	*lo = path;
	*hi = xf_arena_strdup(c->a, end);
	return *hi ? 0 : -1;
}

int xf_committee_over(const xf_ctx *c, const char *path, int strictly)
{
	if (xf_is_admin(c))
		return 1;
	for (int i = 0; i < c->scope->n; i++) {
		const xf_grant *g = &c->scope->g[i];
		if (g->role == XF_ROLE_COMMITTEE &&
		    xf_path_within(path, g->org_path) &&
		    (!strictly || strcmp(path, g->org_path) != 0))
			return 1;
	}
	return 0;
}

const xf_grant *xf_committee_grant(const xf_ctx *c)
{
	const xf_grant *g = NULL;
	if (!c->scope)
		return NULL;
	for (int i = 0; i < c->scope->n; i++)
		if (c->scope->g[i].role == XF_ROLE_COMMITTEE &&
		    (!g ||
		     strlen(c->scope->g[i].org_path) < strlen(g->org_path)))
			g = &c->scope->g[i];
	return g;
}
