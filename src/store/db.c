/*
 * db.c - driver dispatch and the per-connection prepared-statement cache.
 * No SQL dialect lives here: only the calls every driver shares.
 */
#include "store/db.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

xf_db *xf_db_open(const char *url, char *err, size_t errlen)
{
	const xf_db_driver *drv = NULL;
	const char *rest = NULL;
	if (strncmp(url, "sqlite:", 7) == 0) {
		drv = &xf_db_sqlite_driver;
		rest = url + 7;
	} else if (strncmp(url, "postgres:", 9) == 0) {
		drv = &xf_db_pgsql_driver;
		rest = url + 9;
	} else if (strncmp(url, "postgresql://", 13) == 0 ||
	           strncmp(url, "postgres://", 11) == 0) {
		drv = &xf_db_pgsql_driver;
		rest = url;
	} else {
		snprintf(err, errlen,
		         "unknown database '%s': use sqlite:PATH or "
		         "postgres:CONNINFO",
		         url);
		return NULL;
	}
	xf_db *db = drv->open(rest, err, errlen);
	if (!db)
		return NULL;
	db->drv = drv;
	db->in_tx = 0;
	db->nused = 0;
	memset(db->cache, 0, sizeof db->cache);
	return db;
}

void xf_db_close(xf_db *db)
{
	if (!db)
		return;
	for (int i = 0; i < XF_DB_STMT_CACHE; i++)
		if (db->cache[i].st)
			db->drv->finalize(db->cache[i].st);
	db->drv->close(db);
}

const char *xf_db_name(const xf_db *db)
{
	return db->drv->name;
}

/* Remembers a statement handed out in this transaction; -1 in nused
 * means "too many: reset them all". */
static void note_used(xf_db *db, xf_stmt *st)
{
	if (db->nused < 0)
		return;
	for (int i = 0; i < db->nused; i++)
		if (db->used[i] == st)
			return;
	if (db->nused == (int)(sizeof db->used / sizeof db->used[0]))
		db->nused = -1;
	else
		db->used[db->nused++] = st;
}

xf_stmt *xf_db_stmt(xf_db *db, const char *sql)
{
	uintptr_t h = (uintptr_t)sql;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ull;
	unsigned i = (unsigned)(h >> 40) % XF_DB_STMT_CACHE;
	for (unsigned n = 0; n < XF_DB_STMT_CACHE; n++) {
		unsigned k = (i + n) % XF_DB_STMT_CACHE;
		if (db->cache[k].sql == sql) {
			xf_stmt *st = db->cache[k].st;
			db->drv->reset(st);
			note_used(db, st);
			return st;
		}
		if (!db->cache[k].sql) {
			xf_stmt *st = NULL;
			if (db->drv->prepare(db, sql, &st) != XF_DB_OK)
				return NULL;
			db->cache[k].sql = sql;
			db->cache[k].st = st;
			note_used(db, st);
			return st;
		}
	}
	/* Cache full: a design error (more distinct statements than slots). */
	return NULL;
}

int xf_db_exec(xf_db *db, const char *sql)
{
	return db->drv->exec(db, sql);
}

int xf_db_load_mode(xf_db *db, int on)
{
	const char *sql =
	    on ? db->drv->load_mode_on_sql : db->drv->load_mode_off_sql;
	return sql ? db->drv->exec(db, sql) : XF_DB_OK;
}

int xf_db_after_load(xf_db *db)
{
	const char *sql = db->drv->after_load_sql;
	return sql ? db->drv->exec(db, sql) : XF_DB_OK;
}

int xf_db_begin(xf_db *db)
{
	int rc = db->drv->exec(db, db->drv->begin_write_sql);
	if (rc == XF_DB_OK)
		db->in_tx = 1;
	return rc;
}

int xf_db_begin_rows(xf_db *db)
{
	const char *sql = db->drv->begin_rows_sql;
	int rc = db->drv->exec(db, sql ? sql : db->drv->begin_write_sql);
	if (rc == XF_DB_OK)
		db->in_tx = 1;
	return rc;
}

int xf_db_begin_read(xf_db *db)
{
	int rc = db->drv->exec(db, db->drv->begin_read_sql);
	if (rc == XF_DB_OK)
		db->in_tx = 1;
	return rc;
}

int xf_db_snapshot_hold(xf_db *db, char *token)
{
	token[0] = '\0';
	const char *sql = db->drv->snapshot_export_sql;
	if (!sql)
		return xf_db_begin(db);
	int rc = xf_db_begin_read(db);
	xf_stmt *st = rc == XF_DB_OK ? xf_db_stmt(db, sql) : NULL;
	if (!st)
		return rc == XF_DB_OK ? XF_DB_ERROR : rc;
	rc = xf_db_step(st);
	if (rc == XF_DB_ROW) {
		const char *t = xf_db_text(st, 0);
		size_t n = strlen(t);
		/* a token is hex digits and dashes; anything else is not
		 * quoted into SQL */
		rc = n > 0 && n < XF_DB_SNAPSHOT_TOKEN &&
		             strspn(t, "0123456789ABCDEFabcdef-") == n
		         ? XF_DB_OK
		         : XF_DB_ERROR;
		if (rc == XF_DB_OK)
			memcpy(token, t, n + 1);
	} else if (rc == XF_DB_DONE) {
		rc = XF_DB_ERROR;
	}
	xf_db_reset(st);
	if (rc != XF_DB_OK)
		xf_db_rollback(db);
	return rc;
}

int xf_db_snapshot_join(xf_db *db, const char *token)
{
	char sql[128 + XF_DB_SNAPSHOT_TOKEN];
	int n =
	    snprintf(sql, sizeof sql, "%s%s%s%s", db->drv->snapshot_join_sql,
	             token[0] ? " '" : "", token, token[0] ? "'" : "");
	if (n < 0 || (size_t)n >= sizeof sql)
		return XF_DB_ERROR;
	int rc = xf_db_begin_read(db);
	if (rc != XF_DB_OK)
		return rc;
	rc = db->drv->exec(db, sql);
	if (rc != XF_DB_OK)
		xf_db_rollback(db);
	return rc;
}

/* Resets every cached statement: SQLite cannot end a transaction while
 * a statement is part-way through its rows. */
static void reset_all(xf_db *db)
{
	if (db->nused < 0) {
		for (int i = 0; i < XF_DB_STMT_CACHE; i++)
			if (db->cache[i].st)
				db->drv->reset(db->cache[i].st);
	} else {
		for (int i = 0; i < db->nused; i++)
			db->drv->reset(db->used[i]);
	}
	db->nused = 0;
}

int xf_db_commit(xf_db *db)
{
	reset_all(db);
	int rc = db->drv->exec(db, "COMMIT");
	if (rc == XF_DB_OK)
		db->in_tx = 0;
	return rc;
}

int xf_db_rollback(xf_db *db)
{
	if (!db->in_tx)
		return XF_DB_OK;
	reset_all(db);
	int rc = db->drv->exec(db, "ROLLBACK");
	db->in_tx = 0;
	return rc;
}

int xf_db_end(xf_db *db, int rc)
{
	if (rc == XF_DB_OK)
		return xf_db_commit(db);
	xf_db_rollback(db);
	return rc;
}

int xf_db_bind_int(xf_stmt *st, int idx, int64_t v)
{
	if (!st)
		return XF_DB_ERROR;
	return st->db->drv->bind_int64(st, idx, v);
}

int xf_db_bind_str(xf_stmt *st, int idx, const char *s)
{
	if (!st)
		return XF_DB_ERROR;
	if (!s)
		return st->db->drv->bind_null(st, idx);
	return st->db->drv->bind_text(st, idx, s, strlen(s));
}

int xf_db_bind_text(xf_stmt *st, int idx, const char *s, size_t len)
{
	if (!st)
		return XF_DB_ERROR;
	return st->db->drv->bind_text(st, idx, s, len);
}

int xf_db_bind_ref(xf_stmt *st, int idx, const char *s, size_t len)
{
	if (!st)
		return XF_DB_ERROR;
	return st->db->drv->bind_text_ref(st, idx, s, len);
}

int xf_db_bind_null(xf_stmt *st, int idx)
{
	if (!st)
		return XF_DB_ERROR;
	return st->db->drv->bind_null(st, idx);
}

int xf_db_bind_blob(xf_stmt *st, int idx, const void *p, size_t len)
{
	if (!st)
		return XF_DB_ERROR;
	return st->db->drv->bind_blob(st, idx, p, len);
}

int xf_db_bind_ranges(xf_stmt *st, int idx, const xf_ranges *r)
{
	int rc = XF_DB_OK;
	for (int i = 0; i < XF_RANGES && rc == XF_DB_OK; i++) {
		int used = i < r->n;
		rc = xf_db_bind_str(st, idx + 2 * i, used ? r->lo[i] : "");
		if (rc == XF_DB_OK)
			rc = xf_db_bind_str(st, idx + 2 * i + 1,
			                    used ? r->hi[i] : "");
	}
	return rc;
}

int xf_db_bind_bounds(xf_stmt *st, int idx, const xf_ranges *r)
{
	const char *lo = r->n ? r->lo[0] : "";
	const char *hi = r->n ? r->hi[0] : "";
	for (int i = 1; i < r->n; i++) {
		if (strcmp(r->lo[i], lo) < 0)
			lo = r->lo[i];
		if (strcmp(r->hi[i], hi) > 0)
			hi = r->hi[i];
	}
	int rc = xf_db_bind_str(st, idx, lo);
	return rc == XF_DB_OK ? xf_db_bind_str(st, idx + 1, hi) : rc;
}

int xf_db_bind_contains(xf_stmt *st, int idx, const char *q)
{
	char buf[1024];
	size_t n = 0;
	buf[n++] = '%';
	for (const char *p = q ? q : ""; *p && n < sizeof buf - 3; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf[n++] = '\\';
		buf[n++] = *p;
	}
	buf[n++] = '%';
	return xf_db_bind_text(st, idx, buf, n);
}

int xf_db_step(xf_stmt *st)
{
	return st->db->drv->step(st);
}
int xf_db_reset(xf_stmt *st)
{
	return st->db->drv->reset(st);
}
int64_t xf_db_int(xf_stmt *st, int col)
{
	return st->db->drv->column_int64(st, col);
}

const char *xf_db_text(xf_stmt *st, int col)
{
	size_t len;
	const char *s = st->db->drv->column_text(st, col, &len);
	return s ? s : "";
}

int xf_db_done(int rc)
{
	return rc == XF_DB_ROW || rc == XF_DB_DONE ? XF_DB_OK : rc;
}

int xf_db_run(xf_stmt *st)
{
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	xf_db_reset(st);
	return xf_db_done(rc);
}

int xf_db_run_one(xf_stmt *st)
{
	xf_db *db = st ? st->db : NULL;
	int rc = xf_db_run(st);
	return rc == XF_DB_OK && xf_db_changes(db) != 1 ? XF_DB_DONE : rc;
}

const char *xf_db_dup(xf_arena *a, xf_stmt *st, int col)
{
	return xf_arena_strdup(a, xf_db_text(st, col));
}

const char *xf_db_opt(xf_arena *a, xf_stmt *st, int col)
{
	return xf_db_is_null(st, col) ? NULL : xf_db_dup(a, st, col);
}

int xf_db_is_null(xf_stmt *st, int col)
{
	return st->db->drv->column_is_null(st, col);
}

const void *xf_db_blob(xf_stmt *st, int col, size_t *len)
{
	return st->db->drv->column_blob(st, col, len);
}

int64_t xf_db_changes(xf_db *db)
{
	return db->drv->changes(db);
}

int xf_db_backup(xf_db *db, const char *path)
{
	return db->drv->copy_file ? db->drv->copy_file(db, path, 1)
	                          : XF_DB_ERROR;
}

int xf_db_restore(xf_db *db, const char *path)
{
	return db->drv->copy_file ? db->drv->copy_file(db, path, 0)
	                          : XF_DB_ERROR;
}
const char *xf_db_errmsg(xf_db *db)
{
	return db->drv->errmsg(db);
}

int xf_db_bind_id(xf_stmt *st, int idx, int64_t id)
{
	return id ? xf_db_bind_int(st, idx, id) : xf_db_bind_null(st, idx);
}

int xf_db_row(xf_stmt *st, xf_arena *a, xf_row_fn read, void *item)
{
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	if (rc == XF_DB_ROW)
		read(a, st, item);
	xf_db_reset(st);
	return rc;
}

int xf_db_get(xf_db *db, const char *sql, int64_t id, xf_arena *a,
              xf_row_fn read, void *item)
{
	return xf_db_row(XF_DB_BOUND(db, sql, XF_INT(id)), a, read, item);
}

int xf_db_run_id(xf_db *db, const char *sql, int64_t id)
{
	return xf_db_run(XF_DB_BOUND(db, sql, XF_INT(id)));
}

int xf_db_run_ids(xf_db *db, const char *sql, int64_t a, int64_t b)
{
	return xf_db_run(XF_DB_BOUND(db, sql, XF_INT(a), XF_INT(b)));
}

#define ROWS_FIRST 64

int xf_db_rows(xf_stmt *st, xf_arena *a, int cap, size_t size, xf_row_fn read,
               void *out, int *n)
{
	int alloc = cap < ROWS_FIRST ? (cap > 0 ? cap : 1) : ROWS_FIRST;
	char *items = st ? xf_arena_calloc(a, (size_t)alloc, size) : NULL;
	*n = 0;
	*(void **)out = items;
	if (!items) {
		if (st)
			xf_db_reset(st);
		return XF_DB_ERROR;
	}
	int rc = XF_DB_DONE;
	while (*n < cap && (rc = xf_db_step(st)) == XF_DB_ROW) {
		if (*n == alloc) {
			int grown = alloc <= cap / 2 ? alloc * 2 : cap;
			char *p = xf_arena_calloc(a, (size_t)grown, size);
			if (!p) {
				rc = XF_DB_ERROR;
				break;
			}
			memcpy(p, items, (size_t)*n * size);
			*(void **)out = items = p;
			alloc = grown;
		}
		read(a, st, items + (size_t)(*n)++ * size);
	}
	xf_db_reset(st);
	return xf_db_done(rc);
}

int xf_db_page(xf_stmt *count, int64_t *total, xf_stmt *list, xf_arena *a,
               int cap, size_t size, xf_row_fn read, void *out, int *n)
{
	int rc = xf_db_value(count, total);
	if (rc == XF_DB_OK && !list)
		rc = XF_DB_ERROR;
	if (rc != XF_DB_OK) {
		if (list)
			xf_db_reset(list);
		*(void **)out = NULL;
		*n = 0;
		return rc;
	}
	return xf_db_rows(list, a, cap, size, read, out, n);
}

int xf_db_list_page(xf_db *db, const xf_db_list *l, const void *filter,
                    int limit, int offset, xf_arena *a, void *out, int *n,
                    int64_t *total)
{
	xf_stmt *count = xf_db_stmt(db, l->count_sql);
	xf_stmt *st = xf_db_stmt(db, l->rows_sql);
	*(void **)out = NULL;
	*n = 0;
	if (!count || !st)
		return XF_DB_ERROR;
	l->bind(count, filter);
	l->bind(st, filter);
	xf_db_bind_int(st, l->at, limit);
	xf_db_bind_int(st, l->at + 1, offset);
	return xf_db_page(count, total, st, a, limit, l->size, l->read, out, n);
}

void xf_db_bind_scope(xf_stmt *st, const void *ranges)
{
	xf_db_bind_ranges(st, 1, ranges);
}

void xf_db_bind_scoped(xf_stmt *st, const void *scoped)
{
	const xf_db_scoped *f = scoped;
	xf_db_bind_ranges(st, 1, f->ranges);
	for (int i = 0; i < f->n; i++)
		xf_db_bind_int(st, 9 + i, f->v[i]);
}

int xf_db_ints(xf_stmt *st, int64_t *v, int n)
{
	if (!st) {
		for (int i = 0; i < n; i++)
			v[i] = 0;
		return XF_DB_ERROR;
	}
	int rc = xf_db_step(st);
	for (int i = 0; i < n; i++)
		v[i] = rc == XF_DB_ROW ? xf_db_int(st, i) : 0;
	xf_db_reset(st);
	return xf_db_done(rc);
}

int xf_db_value(xf_stmt *st, int64_t *v)
{
	return xf_db_ints(st, v, 1);
}

int xf_db_insert(xf_stmt *st, int64_t *id)
{
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	if (rc == XF_DB_ROW)
		*id = xf_db_int(st, 0);
	xf_db_reset(st);
	return rc == XF_DB_ROW ? XF_DB_OK : rc;
}

void xf_db_read_cols(xf_arena *a, xf_stmt *st, const xf_db_col *cols, int n,
                     void *item)
{
	for (int i = 0; i < n; i++) {
		void *f = (char *)item + cols[i].off;
		switch (cols[i].kind) {
		case XF_COL_I64:
		case XF_COL_ID:
			*(int64_t *)f = xf_db_int(st, i);
			break;
		case XF_COL_INT:
			*(int *)f = (int)xf_db_int(st, i);
			break;
		case XF_COL_STR:
		case XF_COL_TXT:
			*(const char **)f = xf_db_dup(a, st, i);
			break;
		case XF_COL_OPT:
			*(const char **)f = xf_db_opt(a, st, i);
			break;
		}
	}
}

/* Binds one value of the given kind as $idx: i for the integer kinds,
 * s for the text ones. */
static void bind_one(xf_stmt *st, int idx, xf_col_kind kind, int64_t i,
                     const char *s)
{
	switch (kind) {
	case XF_COL_I64:
	case XF_COL_INT:
		xf_db_bind_int(st, idx, i);
		break;
	case XF_COL_ID:
		xf_db_bind_id(st, idx, i);
		break;
	case XF_COL_STR:
	case XF_COL_OPT:
		xf_db_bind_str(st, idx, s);
		break;
	case XF_COL_TXT:
		xf_db_bind_str(st, idx, s ? s : "");
		break;
	}
}

void xf_db_bind_cols(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                     const void *item)
{
	for (int i = 0; i < n; i++) {
		const void *f = (const char *)item + cols[i].off;
		switch (cols[i].kind) {
		case XF_COL_I64:
		case XF_COL_ID:
			bind_one(st, idx + i, cols[i].kind, *(const int64_t *)f,
			         NULL);
			break;
		case XF_COL_INT:
			bind_one(st, idx + i, cols[i].kind, *(const int *)f,
			         NULL);
			break;
		case XF_COL_STR:
		case XF_COL_OPT:
		case XF_COL_TXT:
			bind_one(st, idx + i, cols[i].kind, 0,
			         *(const char *const *)f);
			break;
		}
	}
}

int xf_db_run_cols(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                   const void *item)
{
	xf_db_bind_cols(st, idx, cols, n, item);
	return xf_db_run(st);
}

int xf_db_insert_cols(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                      const void *item, int64_t *id)
{
	xf_db_bind_cols(st, idx, cols, n, item);
	return xf_db_insert(st, id);
}

int xf_db_run_cols_now(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                       const void *item, int64_t now)
{
	xf_db_bind_cols(st, idx, cols, n, item);
	xf_db_bind_int(st, idx + n, now);
	return xf_db_run(st);
}

int xf_db_insert_cols_now(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                          const void *item, int64_t now, int64_t *id)
{
	xf_db_bind_cols(st, idx, cols, n, item);
	xf_db_bind_int(st, idx + n, now);
	return xf_db_insert(st, id);
}

xf_stmt *xf_db_bound(xf_db *db, const char *sql, const xf_db_arg *args, int n)
{
	xf_stmt *st = xf_db_stmt(db, sql);
	for (int i = 0; st && i < n; i++)
		bind_one(st, i + 1, args[i].kind, args[i].i, args[i].s);
	return st;
}

static const char sql_notify[] = "SELECT pg_notify($1, $2)";

int xf_db_notify(xf_db *db, const char *channel, const char *payload)
{
	if (strcmp(xf_db_name(db), "postgres") != 0)
		return XF_DB_OK;
	return xf_db_run(
	    XF_DB_BOUND(db, sql_notify, XF_STR(channel), XF_STR(payload)));
}

void xf_db_listen(const char *url, const char *channel,
                  void (*fn)(void *arg, const char *payload), void *arg,
                  volatile int *stop)
{
	if (strncmp(url, "postgres:", 9) == 0)
		xf_pg_listen(url + 9, channel, fn, arg, stop);
}
