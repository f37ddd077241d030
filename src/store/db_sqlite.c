/*
 * db_sqlite.c - the SQLite driver of db.h: WAL, busy timeout, foreign keys,
 * and the rewrite of $N placeholders to ?N.
 */
#include "store/db.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	struct xf_db base; /* must be first */
	sqlite3 *h;
	char err[256];
	int writer; /* holds writer_mu: inside a write transaction */
} sq_db;

/*
 * SQLite has one writer at a time. The threads of this process queue for
 * it here rather than in SQLite's busy handler, which polls with sleeps of
 * up to 100 ms and lets a thread that just committed take the lock again
 * while the others sleep. Other processes still meet busy_timeout.
 */
static pthread_mutex_t writer_mu = PTHREAD_MUTEX_INITIALIZER;

static void writer_release(sq_db *d)
{
	if (d->writer && sqlite3_get_autocommit(d->h)) {
		d->writer = 0;
		pthread_mutex_unlock(&writer_mu);
	}
}

typedef struct {
	struct xf_stmt base; /* must be first */
	sqlite3_stmt *h;
} sq_stmt;

static int map_rc(sq_db *d, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
		return XF_DB_OK;
	case SQLITE_ROW:
		return XF_DB_ROW;
	case SQLITE_DONE:
		return XF_DB_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return XF_DB_BUSY;
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE ||
		    rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return XF_DB_UNIQUE;
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return XF_DB_FOREIGN;
		return XF_DB_ERROR;
	default:
		snprintf(d->err, sizeof d->err, "%s", sqlite3_errmsg(d->h));
		return XF_DB_ERROR;
	}
}

/* Before SQLite's first use: no global memory statistics, which would
 * take a global mutex on every allocation of every connection. */
static void configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static xf_db *sq_open(const char *path, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, configure);
	sq_db *d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	int rc = sqlite3_open_v2(path, &d->h,
	                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                             SQLITE_OPEN_NOMUTEX,
	                         NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open %s: %s", path,
		         d->h ? sqlite3_errmsg(d->h) : "out of memory");
		sqlite3_close(d->h);
		free(d);
		return NULL;
	}
	sqlite3_extended_result_codes(d->h, 1);
	sqlite3_busy_timeout(d->h, 5000);
	char *msg = NULL;
	rc = sqlite3_exec(d->h,
	                  "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
	                  "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
	                  "PRAGMA cache_size=-32768;",
	                  NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot set up %s: %s", path,
		         msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_close(d->h);
		free(d);
		return NULL;
	}
	return &d->base;
}

static void sq_close(xf_db *db)
{
	sq_db *d = (sq_db *)db;
	sqlite3_close(d->h); /* rolls back an open transaction */
	if (d->writer)
		pthread_mutex_unlock(&writer_mu);
	free(d);
}

static int sq_exec(xf_db *db, const char *sql)
{
	sq_db *d = (sq_db *)db;
	char *msg = NULL;
	if (sql == xf_db_sqlite_driver.begin_write_sql && !d->writer) {
		pthread_mutex_lock(&writer_mu);
		d->writer = 1;
	}
	int rc = sqlite3_exec(d->h, sql, NULL, NULL, &msg);
	writer_release(d); /* after COMMIT, ROLLBACK or a failed BEGIN */
	if (rc != SQLITE_OK) {
		snprintf(d->err, sizeof d->err, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		int m = map_rc(d, rc);
		return m == XF_DB_OK ? XF_DB_ERROR : m;
	}
	return XF_DB_OK;
}

/* Rewrites $N to ?N outside string literals. Returns malloc'd text. */
static char *rewrite_placeholders(const char *sql)
{
	size_t n = strlen(sql);
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	int in_str = 0;
	for (size_t i = 0; i <= n; i++) {
		char c = sql[i];
		if (c == '\'')
			in_str = !in_str;
		if (!in_str && c == '$' && sql[i + 1] >= '0' &&
		    sql[i + 1] <= '9')
			c = '?';
		out[i] = c;
	}
	return out;
}

static int sq_prepare(xf_db *db, const char *sql, xf_stmt **out)
{
	sq_db *d = (sq_db *)db;
	char *text = rewrite_placeholders(sql);
	if (!text)
		return XF_DB_ERROR;
	sq_stmt *s = calloc(1, sizeof *s);
	if (!s) {
		free(text);
		return XF_DB_ERROR;
	}
	int rc = sqlite3_prepare_v3(d->h, text, -1, SQLITE_PREPARE_PERSISTENT,
	                            &s->h, NULL);
	free(text);
	if (rc != SQLITE_OK) {
		snprintf(d->err, sizeof d->err, "%s", sqlite3_errmsg(d->h));
		free(s);
		return XF_DB_ERROR;
	}
	s->base.db = db;
	*out = &s->base;
	return XF_DB_OK;
}

static void sq_finalize(xf_stmt *st)
{
	sq_stmt *s = (sq_stmt *)st;
	sqlite3_finalize(s->h);
	free(s);
}

static int sq_bind_int64(xf_stmt *st, int idx, int64_t v)
{
	sq_stmt *s = (sq_stmt *)st;
	return map_rc((sq_db *)st->db, sqlite3_bind_int64(s->h, idx, v));
}

static int sq_bind_text(xf_stmt *st, int idx, const char *t, size_t len)
{
	sq_stmt *s = (sq_stmt *)st;
	return map_rc((sq_db *)st->db, sqlite3_bind_text(s->h, idx, t, (int)len,
	                                                 SQLITE_TRANSIENT));
}

static int sq_bind_text_ref(xf_stmt *st, int idx, const char *t, size_t len)
{
	sq_stmt *s = (sq_stmt *)st;
	return map_rc((sq_db *)st->db,
	              sqlite3_bind_text(s->h, idx, t, (int)len, SQLITE_STATIC));
}

static int sq_bind_null(xf_stmt *st, int idx)
{
	sq_stmt *s = (sq_stmt *)st;
	return map_rc((sq_db *)st->db, sqlite3_bind_null(s->h, idx));
}

static int sq_bind_blob(xf_stmt *st, int idx, const void *p, size_t len)
{
	sq_stmt *s = (sq_stmt *)st;
	/* an empty value is bound as an empty BLOB, not as NULL */
	return map_rc((sq_db *)st->db,
	              sqlite3_bind_blob64(s->h, idx, len ? p : "", len,
	                                  SQLITE_TRANSIENT));
}

static int sq_step(xf_stmt *st)
{
	sq_stmt *s = (sq_stmt *)st;
	return map_rc((sq_db *)st->db, sqlite3_step(s->h));
}

static int sq_reset(xf_stmt *st)
{
	sq_stmt *s = (sq_stmt *)st;
	sqlite3_reset(s->h);
	sqlite3_clear_bindings(s->h);
	return XF_DB_OK;
}

static int sq_column_count(xf_stmt *st)
{
	return sqlite3_column_count(((sq_stmt *)st)->h);
}

static int64_t sq_column_int64(xf_stmt *st, int col)
{
	return sqlite3_column_int64(((sq_stmt *)st)->h, col);
}

static const char *sq_column_text(xf_stmt *st, int col, size_t *len)
{
	sqlite3_stmt *h = ((sq_stmt *)st)->h;
	const char *t = (const char *)sqlite3_column_text(h, col);
	*len = (size_t)sqlite3_column_bytes(h, col);
	return t;
}

static int sq_column_is_null(xf_stmt *st, int col)
{
	return sqlite3_column_type(((sq_stmt *)st)->h, col) == SQLITE_NULL;
}

static const void *sq_column_blob(xf_stmt *st, int col, size_t *len)
{
	sqlite3_stmt *h = ((sq_stmt *)st)->h;
	*len = 0;
	if (sqlite3_column_type(h, col) == SQLITE_NULL)
		return NULL;
	const void *p = sqlite3_column_blob(h, col);
	*len = (size_t)sqlite3_column_bytes(h, col);
	return p ? p : "";
}

static int64_t sq_changes(xf_db *db)
{
	return sqlite3_changes64(((sq_db *)db)->h);
}

static const char *sq_errmsg(xf_db *db)
{
	return ((sq_db *)db)->err;
}

/* SQLite's online backup API, in steps so that writers are not held up. */
static int sq_copy_file(xf_db *db, const char *path, int to_file)
{
	sq_db *d = (sq_db *)db;
	sqlite3 *file = NULL;
	int flags = to_file ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
	                    : SQLITE_OPEN_READONLY;
	int rc = sqlite3_open_v2(path, &file, flags, NULL);
	if (rc != SQLITE_OK) {
		snprintf(d->err, sizeof d->err, "cannot open %s: %s", path,
		         file ? sqlite3_errmsg(file) : "out of memory");
		sqlite3_close(file);
		return XF_DB_ERROR;
	}
	sqlite3 *dst = to_file ? file : d->h, *src = to_file ? d->h : file;
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		snprintf(d->err, sizeof d->err, "%s", sqlite3_errmsg(dst));
		sqlite3_close(file);
		return XF_DB_ERROR;
	}
	do {
		rc = sqlite3_backup_step(b, 1024);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		snprintf(d->err, sizeof d->err, "%s", sqlite3_errmsg(dst));
	sqlite3_close(file);
	return rc == SQLITE_DONE ? XF_DB_OK : XF_DB_ERROR;
}

const xf_db_driver xf_db_sqlite_driver = {
    .name = "sqlite",
    .kind = XF_DB_SQLITE,
    .begin_write_sql = "BEGIN IMMEDIATE",
    .begin_read_sql = "BEGIN",
    /* the first read of a transaction fixes its WAL snapshot */
    .snapshot_join_sql = "SELECT 1 FROM sqlite_master LIMIT 1",
    .id_type = "INTEGER PRIMARY KEY AUTOINCREMENT",
    .collate_c = "",
    .blob_type = "BLOB",
    .open = sq_open,
    .close = sq_close,
    .exec = sq_exec,
    .prepare = sq_prepare,
    .finalize = sq_finalize,
    .bind_int64 = sq_bind_int64,
    .bind_text = sq_bind_text,
    .bind_text_ref = sq_bind_text_ref,
    .bind_null = sq_bind_null,
    .bind_blob = sq_bind_blob,
    .step = sq_step,
    .reset = sq_reset,
    .column_count = sq_column_count,
    .column_int64 = sq_column_int64,
    .column_text = sq_column_text,
    .column_is_null = sq_column_is_null,
    .column_blob = sq_column_blob,
    .changes = sq_changes,
    .errmsg = sq_errmsg,
    .copy_file = sq_copy_file,
    .index_list_sql = "SELECT name, sql FROM sqlite_master WHERE type = "
                      "'index' AND tbl_name = $1 AND sql IS NOT NULL "
                      "ORDER BY name",
    .id_bump_sql = NULL, /* AUTOINCREMENT follows explicit ids */
    /* a rollback journal holds the old pages only: few, when the
     * load adds new ones; sq_open() sets WAL again in any case */
    .load_mode_on_sql = "PRAGMA journal_mode=TRUNCATE",
    .load_mode_off_sql = "PRAGMA journal_mode=WAL",
};
