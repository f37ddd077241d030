/*
 * db.h - the storage interface: one small table of function pointers filled
 * by each driver (db_sqlite.c, db_pgsql.c), plus a per-connection cache of
 * prepared statements.
 *
 * SQL text is written once, in the PostgreSQL placeholder style ($1, $2, ...);
 * the SQLite driver rewrites placeholders to ?NNN at prepare time, so
 * parameters are always bound and dialect differences stay in the drivers.
 *
 * Ownership: xf_db_open() returns a connection the caller owns and frees with
 * xf_db_close(). Statements returned by xf_db_stmt() are owned by the
 * connection's cache and must not be finalized by the caller; they come back
 * reset with bindings cleared. Text returned by xf_db_text() and bytes
 * returned by xf_db_blob() are owned by the statement and valid until the
 * next step/reset of that statement.
 * A connection is used by one thread at a time.
 */
#ifndef XF_DB_H
#define XF_DB_H

#include "base/arena.h"

#include <stddef.h>
#include <stdint.h>

/* Result codes of every xf_db_* function. */
enum {
	XF_DB_OK = 0,
	XF_DB_ROW = 1,      /* step: a row is ready */
	XF_DB_DONE = 2,     /* step: no more rows */
	XF_DB_ERROR = -1,   /* any other failure; see xf_db_errmsg() */
	XF_DB_UNIQUE = -2,  /* unique constraint violated */
	XF_DB_FOREIGN = -3, /* foreign key violated */
	XF_DB_BUSY = -4,    /* locked / serialization failure: retry */
};

typedef enum { XF_DB_SQLITE = 1, XF_DB_PGSQL = 2 } xf_db_kind;

typedef struct xf_db xf_db;
typedef struct xf_stmt xf_stmt;

/* The driver table. Every driver fills all entries. */
typedef struct xf_db_driver {
	const char *name; /* "sqlite" or "postgres" */
	xf_db_kind kind;
	const char *begin_write_sql; /* starts a transaction that will write */
	const char *begin_read_sql;  /* starts a read-only snapshot */
	/* xf_db_begin_rows; NULL: begin_write_sql */
	const char *begin_rows_sql;
	const char *id_type; /* DDL of an auto-assigned BIGINT primary key */
	const char
	    *collate_c; /* DDL suffix for byte-order text ("" or COLLATE) */
	const char *blob_type; /* DDL of a byte string column */
	/* Opens a connection; on failure returns NULL and writes a message. */
	xf_db *(*open)(const char *conninfo, char *err, size_t errlen);
	void (*close)(xf_db *db);
	/* Runs one or more statements without parameters (schema scripts). */
	int (*exec)(xf_db *db, const char *sql);
	/* Prepares one statement written with $N placeholders. */
	int (*prepare)(xf_db *db, const char *sql, xf_stmt **out);
	void (*finalize)(xf_stmt *st);
	int (*bind_int64)(xf_stmt *st, int idx, int64_t v); /* idx from 1 */
	int (*bind_text)(xf_stmt *st, int idx, const char *s, size_t len);
	/* Binds text without copying it where the driver can: the caller
	 * keeps the bytes unchanged until the statement is reset. */
	int (*bind_text_ref)(xf_stmt *st, int idx, const char *s, size_t len);
	int (*bind_null)(xf_stmt *st, int idx);
	/* Binds bytes (may contain NUL); the driver copies them. */
	int (*bind_blob)(xf_stmt *st, int idx, const void *p, size_t len);
	int (*step)(xf_stmt *st);  /* XF_DB_ROW, XF_DB_DONE or an error */
	int (*reset)(xf_stmt *st); /* also clears bindings */
	int (*column_count)(xf_stmt *st);
	int64_t (*column_int64)(xf_stmt *st, int col); /* col from 0 */
	const char *(*column_text)(xf_stmt *st, int col, size_t *len);
	int (*column_is_null)(xf_stmt *st, int col);
	/* The bytes of a byte string column; NULL (len 0) for SQL NULL or
	 * on failure. */
	const void *(*column_blob)(xf_stmt *st, int col, size_t *len);
	int64_t (*changes)(xf_db *db); /* rows changed by the last step */
	const char *(*errmsg)(xf_db *db);
	/* Copies the whole database to (to_file = 1) or from a file,
	 * consistently, while others use it; NULL if the driver cannot. */
	int (*copy_file)(xf_db *db, const char *path, int to_file);
	/* Bulk load (PostgreSQL COPY FROM STDIN); NULL where the driver has
	 * none: callers then insert with prepared statements. */
	int (*copy_begin)(xf_db *db, const char *sql);
	int (*copy_row)(xf_db *db, const char *const *values, int n);
	int (*copy_end)(xf_db *db);
	/* Lists the indexes of table $1 that DROP INDEX may drop (not those
	 * behind a primary key or unique constraint): rows of (name, the
	 * statement that creates the index again). */
	const char *index_list_sql;
	/* After rows with explicit ids went into table $1: moves the table's
	 * id generator to $2, the highest id used; NULL where the database
	 * does that by itself. */
	const char *id_bump_sql;
	/* Run outside a transaction around a bulk load into a database
	 * that only the loading connection uses; NULL: nothing to do.
	 * SQLite writes a load of new pages once with a rollback journal,
	 * twice with its WAL (log, then checkpoint). */
	const char *load_mode_on_sql, *load_mode_off_sql;
	/* After a bulk load, outside transactions: gathers the planner's
	 * statistics (and PostgreSQL's visibility map, for index-only
	 * scans); NULL: nothing to do. */
	const char *after_load_sql;
	/* Shared snapshots (xf_db_snapshot_hold/join). export: run in the
	 * holder's read transaction, answers a token that the joiners pass
	 * on; NULL: the holder instead takes the write lock, so that every
	 * reader that starts meanwhile sees the same state (SQLite). join:
	 * run in a joiner's new read transaction, followed by the token
	 * quoted when there is one; it fixes the joiner's snapshot now. */
	const char *snapshot_export_sql, *snapshot_join_sql;
} xf_db_driver;

#define XF_DB_STMT_CACHE 1024

/* Common head of every connection; drivers embed it as their first member. */
struct xf_db {
	const xf_db_driver *drv;
	int in_tx;
	struct {
		const char *sql; /* key: address of a static SQL string */
		xf_stmt *st;
	} cache[XF_DB_STMT_CACHE];
	/* statements handed out since the last commit/rollback, to reset */
	xf_stmt *used[64];
	int nused;
};

/* Common head of every statement. */
struct xf_stmt {
	xf_db *db;
};

/* Up to XF_RANGES byte ranges [lo, hi) of materialized paths: the union
 * of the subtrees a caller may see. */
#define XF_RANGES 4
typedef struct xf_ranges {
	int n;
	const char *lo[XF_RANGES], *hi[XF_RANGES];
} xf_ranges;
/* The SQL condition over a path column for xf_ranges bound from $k. */
/*
 * A comment that makes PostgreSQL plan a statement for its values at each
 * execution instead of reusing a generic plan. For the few statements whose
 * best plan depends on how wide the bound path or date ranges are: the
 * generic plan, blind to them, can be several times slower (the compliance
 * tally of a district: 62 ms instead of 15). SQLite plans once anyway.
 */
#define XF_SQL_PLAN_PER_CALL "/* plan per call */"

#define XF_RANGES_SQL(col, a, b, c, d, e, f, g, h)                             \
	"((" col " >= $" a " AND " col " < $" b ") OR (" col " >= $" c         \
	" AND " col " < $" d ") OR (" col " >= $" e " AND " col " < $" f       \
	") OR (" col " >= $" g " AND " col " < $" h "))"

extern const xf_db_driver xf_db_sqlite_driver;
extern const xf_db_driver xf_db_pgsql_driver;

/*
 * Opens "sqlite:PATH" or "postgres:CONNINFO". Returns NULL and writes a
 * message to err on failure. The caller owns the connection.
 */
xf_db *xf_db_open(const char *url, char *err, size_t errlen);
void xf_db_close(xf_db *db);
const char *xf_db_name(const xf_db *db);

/*
 * Returns the prepared statement for a static SQL string, preparing it on
 * first use on this connection. `sql` must have static storage duration: its
 * address is the cache key. Returns NULL on a prepare error.
 */
xf_stmt *xf_db_stmt(xf_db *db, const char *sql);

int xf_db_exec(xf_db *db, const char *sql);
/* Around a bulk load (outside transactions): on = 1 before, 0 after.
 * Where another connection holds the database the mode stays as it is;
 * the database is never less safe than with its usual mode. */
int xf_db_load_mode(xf_db *db, int on);
/* After a bulk load is committed: see after_load_sql. */
int xf_db_after_load(xf_db *db);
/* Starts a write transaction (SQLite: BEGIN IMMEDIATE). */
int xf_db_begin(xf_db *db);
/* Starts a write transaction whose conflicts are those on rows it and
 * another both write (PostgreSQL: REPEATABLE READ, first updater wins;
 * SQLite: as xf_db_begin, writers take turns). Only for transactions that
 * write a row of everything their checks read: see XF_TOTALS_TX. */
int xf_db_begin_rows(xf_db *db);
/* Starts a read transaction: one snapshot for all statements of a request. */
int xf_db_begin_read(xf_db *db);
/*
 * One snapshot read by several connections at once: the holder calls
 * xf_db_snapshot_hold, which writes a token of at most
 * XF_DB_SNAPSHOT_TOKEN bytes (with its NUL); each other connection calls
 * xf_db_snapshot_join with it and is then in a read transaction on the
 * holder's snapshot. The holder ends its transaction (xf_db_rollback) as
 * soon as every join has returned: on SQLite it holds off all writers
 * until then.
 */
#define XF_DB_SNAPSHOT_TOKEN 64
int xf_db_snapshot_hold(xf_db *db, char *token);
int xf_db_snapshot_join(xf_db *db, const char *token);
int xf_db_commit(xf_db *db);
int xf_db_rollback(xf_db *db);
/* Ends a transaction: commits it when rc is XF_DB_OK, else rolls it back.
 * Returns rc, or the commit's failure. */
int xf_db_end(xf_db *db, int rc);

/* Binding to a NULL statement (xf_db_stmt failed) does nothing and
 * returns XF_DB_ERROR; the step that follows (xf_db_run, xf_db_value, ...)
 * returns it again, so a store function checks the statement once, there. */
int xf_db_bind_int(xf_stmt *st, int idx, int64_t v);
/* Binds a NUL-terminated string, or NULL as SQL NULL. */
int xf_db_bind_str(xf_stmt *st, int idx, const char *s);
int xf_db_bind_text(xf_stmt *st, int idx, const char *s, size_t len);
/* Binds text that the caller keeps unchanged until the statement is
 * reset: the driver may skip the copy (bulk loads). */
int xf_db_bind_ref(xf_stmt *st, int idx, const char *s, size_t len);
int xf_db_bind_null(xf_stmt *st, int idx);
/* Binds an id, or SQL NULL for 0 (an optional reference). */
int xf_db_bind_id(xf_stmt *st, int idx, int64_t id);
/* Binds len bytes (a BLOB / bytea parameter); copied by the driver. */
int xf_db_bind_blob(xf_stmt *st, int idx, const void *p, size_t len);
/* Binds the ranges as 2 * XF_RANGES parameters from idx; unused ranges
 * are bound empty ('' to '') so they match nothing. */
int xf_db_bind_ranges(xf_stmt *st, int idx, const xf_ranges *r);
/* Binds the outer limits of the ranges (the least lo, the greatest hi;
 * '' and '' for none) as $idx and $idx + 1: a condition on them lets an
 * index give one range scan around the ranges' own conditions. */
int xf_db_bind_bounds(xf_stmt *st, int idx, const xf_ranges *r);
/* Binds a "contains q" LIKE pattern (used as `col LIKE $k ESCAPE '\'`):
 * %, _ and \ in q match themselves; NULL or "" matches everything. */
int xf_db_bind_contains(xf_stmt *st, int idx, const char *q);
int xf_db_step(xf_stmt *st);
int xf_db_reset(xf_stmt *st);
int64_t xf_db_int(xf_stmt *st, int col);
/* Returns "" for NULL; see xf_db_is_null(). */
const char *xf_db_text(xf_stmt *st, int col);
int xf_db_is_null(xf_stmt *st, int col);
/*
 * Reading rows, written once for every store function:
 * - xf_db_row, xf_db_get: a record by its key (one row or none);
 * - xf_db_rows: a list into an arena array;
 * - xf_db_page: a page of a list with the total of its filter;
 * - xf_db_value, xf_db_ints: integers of one row (a COUNT, a SUM, the id
 *   of a match);
 * - xf_db_insert: the id of an INSERT ... RETURNING id.
 * Each takes a statement that is bound and not yet stepped, and resets it;
 * given NULL (xf_db_stmt or xf_db_bound failed) each returns XF_DB_ERROR
 * with its outputs as for no row, so that a store function can return
 * xf_db_value(XF_DB_BOUND(db, sql, ...), out).
 */
/* Reads the current row of st into item (a struct of the caller's type),
 * copying text into the arena. */
typedef void (*xf_row_fn)(xf_arena *a, xf_stmt *st, void *item);
/* Reads the first row of st, if any, into item. Returns XF_DB_ROW,
 * XF_DB_DONE (no row: item untouched) or an error. */
int xf_db_row(xf_stmt *st, xf_arena *a, xf_row_fn read, void *item);
/*
 * Reads up to cap rows of st into an array of items of the given size
 * allocated in a, each zeroed before read fills it. The array grows as
 * rows come (64 items, then doubling up to cap), so a generous cap costs
 * nothing until rows fill it. Sets *out (an array of at least one item)
 * and *n. Returns XF_DB_OK or an error.
 */
int xf_db_rows(xf_stmt *st, xf_arena *a, int cap, size_t size, xf_row_fn read,
               void *out, int *n);
/* A page of a list: sets *total from count (a statement of one row and
 * one integer column, bound with the same filter), then reads the rows
 * of list as xf_db_rows. Resets both. Returns XF_DB_OK or an error. */
int xf_db_page(xf_stmt *count, int64_t *total, xf_stmt *list, xf_arena *a,
               int cap, size_t size, xf_row_fn read, void *out, int *n);
/*
 * A paged list, declared once per list (static const): its count and
 * rows statements (static SQL, as for xf_db_stmt) take the same filter,
 * bound from $1 by bind on both; the rows statement then takes limit and
 * offset at $at and $at + 1. Items are of the given size, read by read.
 */
typedef struct xf_db_list {
	const char *count_sql, *rows_sql;
	void (*bind)(xf_stmt *st, const void *filter);
	int at;
	size_t size;
	xf_row_fn read;
} xf_db_list;
/* Reads the page (limit, offset) of list l under filter as xf_db_page:
 * sets *total, *out (an array in a) and *n. Returns XF_DB_OK or an error. */
int xf_db_list_page(xf_db *db, const xf_db_list *l, const void *filter,
                    int limit, int offset, xf_arena *a, void *out, int *n,
                    int64_t *total);
/* A list filter that is only the caller's ranges (an xf_ranges) from $1:
 * a bind for xf_db_list. */
void xf_db_bind_scope(xf_stmt *st, const void *ranges);
/* A list filter of the caller's ranges ($1 to $8) and n integers from $9
 * on (0: any, as the SQL reads them): a bind (xf_db_bind_scoped) for
 * xf_db_list. */
typedef struct xf_db_scoped {
	const xf_ranges *ranges;
	int64_t v[3];
	int n;
} xf_db_scoped;
void xf_db_bind_scoped(xf_stmt *st, const void *scoped);
/* Sets *v to the integer in the first column of the first row of st, or
 * 0 when there is no row. Returns XF_DB_OK or an error. */
int xf_db_value(xf_stmt *st, int64_t *v);
/* The same for the first n columns, into v[0..n). */
int xf_db_ints(xf_stmt *st, int64_t *v, int n);
/* Steps an INSERT ... RETURNING id and sets *id. Returns XF_DB_OK, or
 * the error (XF_DB_DONE when no row came back). */
int xf_db_insert(xf_stmt *st, int64_t *id);
/* For a loop of its own over the rows of a statement (a scan that calls
 * back): XF_DB_OK when its last step gave a row (it stopped early) or
 * the end, else that step's error. */
int xf_db_done(int step_rc);
/* Steps a statement that returns no rows we need, then resets it;
 * XF_DB_OK on success, else the error (XF_DB_ERROR for NULL). */
int xf_db_run(xf_stmt *st);
/* xf_db_run for a write of one row by its key and a guard on its state
 * (UPDATE ... WHERE id = $1 AND ...): XF_DB_DONE when it changed no row
 * (the guard did not hold) or more than one. */
int xf_db_run_one(xf_stmt *st);
/* The statement of sql (static, as for xf_db_stmt) with $1 bound to id:
 * xf_db_get reads its first row as xf_db_row does (a record by its key);
 * xf_db_run_id runs it as xf_db_run does (a delete by key). */
int xf_db_get(xf_db *db, const char *sql, int64_t id, xf_arena *a,
              xf_row_fn read, void *item);
int xf_db_run_id(xf_db *db, const char *sql, int64_t id);
/* xf_db_run_id with $1 and $2 bound to a and b (a link by its two keys,
 * a count by its key and a delta). */
int xf_db_run_ids(xf_db *db, const char *sql, int64_t a, int64_t b);
/*
 * Column tables: the fields of an item in the order of a statement's
 * result columns or of its parameters, written once next to the SQL and
 * read or bound by one loop (xf_db_read_cols, xf_db_bind_cols; the bulk
 * loader's xf_load_cols). An entry names a field of struct T and its kind:
 *   I64  int64_t       read xf_db_int, bound xf_db_bind_int
 *   INT  int           read (int)xf_db_int, bound xf_db_bind_int
 *   ID   int64_t       an optional reference: read xf_db_int (select it
 *                      as COALESCE(col, 0)), bound xf_db_bind_id (NULL
 *                      for 0)
 *   STR  const char *  read xf_db_dup ("" for NULL), bound xf_db_bind_str
 *   OPT  const char *  read xf_db_opt (NULL for NULL), bound xf_db_bind_str
 *   TXT  const char *  read as STR, bound "" for NULL (a NOT NULL column
 *                      whose absent value is '')
 * XF_COL(K, T, f) does not compile when field f is not of K's type.
 */
typedef enum {
	XF_COL_I64,
	XF_COL_INT,
	XF_COL_ID,
	XF_COL_STR,
	XF_COL_OPT,
	XF_COL_TXT
} xf_col_kind;
typedef struct xf_db_col {
	xf_col_kind kind;
	size_t off;
} xf_db_col;
#define XF_COL_TYPE_I64 int64_t
#define XF_COL_TYPE_INT int
#define XF_COL_TYPE_ID  int64_t
#define XF_COL_TYPE_STR const char *
#define XF_COL_TYPE_OPT const char *
#define XF_COL_TYPE_TXT const char *
#define XF_COL(K, T, f)                                                        \
	{                                                                      \
		XF_COL_##K, offsetof(T, f) + 0 * sizeof(&((T *)0)->f ==        \
		                                        (XF_COL_TYPE_##K *)0)  \
	}
/* The column kind of each kind of an entity field list (model/fields.h),
 * and the rows of the column table of list L for struct T (inside the
 * table's initializer): its F and N rows, in order (not A and J). */
#define XF_FK_COL_I64              I64
#define XF_FK_COL_INT              INT
#define XF_FK_COL_ID               ID
#define XF_FK_COL_STR              STR
#define XF_FK_COL_OPT              OPT
#define XF_FK_COL_TXT              TXT
#define XF_FK_COL_BOOL             INT
#define XF_FK_COL_TIME             I64
#define XF_FK_COL_WHEN             I64
#define XF_FK_COL_X100             I64
#define XF_COL_KIND_(K, T, f)      XF_COL(K, T, f)
#define XF_COL_FIELD(T, k, f, ...) XF_COL_KIND_(XF_FK_COL_##k, T, f),
#define XF_COL_NONE(...)
#define XF_COL_LIST(L, T)                                                      \
	L(XF_COL_FIELD, XF_COL_FIELD, XF_COL_NONE, XF_COL_NONE, T)
/* The number of entries of a column table (an array, not a pointer). */
#define XF_NCOLS(cols) ((int)(sizeof(cols) / sizeof((cols)[0])))
/* Reads the first n columns of the current row into the fields of item
 * named by cols[0..n), copying text into the arena. */
void xf_db_read_cols(xf_arena *a, xf_stmt *st, const xf_db_col *cols, int n,
                     void *item);
/* Defines fn, a row reader (xf_row_fn) that reads the whole column table
 * cols (an array) with xf_db_read_cols: XF_DB_READER(read_brand,
 * brand_cols); at file scope. */
#define XF_DB_READER(fn, cols)                                                 \
	static void fn(xf_arena *a, xf_stmt *st, void *item)                   \
	{                                                                      \
		xf_db_read_cols(a, st, cols, XF_NCOLS(cols), item);            \
	}                                                                      \
	_Static_assert(XF_NCOLS(cols) > 0, "a reader reads columns")
/* Defines the column table fn_cols of an entity field list L (model/
 * fields.h) for struct T, and fn, the row reader of it (XF_DB_READER):
 * XF_DB_LIST_READER(read_duty, XF_DUTY_FIELDS, xf_duty); at file scope. */
#define XF_DB_LIST_READER(fn, L, T)                                            \
	static const xf_db_col fn##_cols[] = {XF_COL_LIST(L, T)};              \
	XF_DB_READER(fn, fn##_cols)
/* Defines fn, the store function that reads one record by its key with
 * xf_db_get: int fn(xf_db *db, xf_arena *a, int64_t id, T *out), sql its
 * static statement ($1 the key), read its row reader (XF_DB_READER);
 * declared in the resource's header, returns as xf_db_get. At file scope:
 * XF_DB_GETTER(xf_store_brand_get, xf_brand, sql_get, read_brand); */
#define XF_DB_GETTER(fn, T, sql, read)                                         \
	int fn(xf_db *db, xf_arena *a, int64_t id, T *out)                     \
	{                                                                      \
		return xf_db_get(db, sql, id, a, read, out);                   \
	}                                                                      \
	_Static_assert(sizeof(T) > 0, "a getter reads a record")
/* Defines fn, the store function that reads the rows of one key with
 * xf_db_rows: int fn(xf_db *db, xf_arena *a, int64_t id, T **out, int
 * *n), sql its static statement ($1 the key), read its row reader, cap
 * the most rows; declared in the resource's header, returns as
 * xf_db_rows. At file scope: XF_DB_ROWS_OF(xf_store_plan_items,
 * xf_plan_item, sql_items, read_item, 500); */
#define XF_DB_ROWS_OF(fn, T, sql, read, cap)                                   \
	int fn(xf_db *db, xf_arena *a, int64_t id, T **out, int *n)            \
	{                                                                      \
		return xf_db_rows(XF_DB_BOUND(db, sql, XF_INT(id)), a, cap,    \
		                  sizeof **out, read, out, n);                 \
	}                                                                      \
	_Static_assert((cap) > 0, "a list reads rows")
/* Binds the fields of item named by cols[0..n) as $idx .. $idx + n - 1.
 * Text is copied by the driver. */
void xf_db_bind_cols(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                     const void *item);
/* A write of a row from a column table: binds cols[0..n) of item as
 * xf_db_bind_cols does from $idx on (what comes before idx is bound
 * already), then steps st: xf_db_run_cols as xf_db_run does,
 * xf_db_insert_cols as xf_db_insert does (setting *id). Given NULL (the
 * statement failed) each returns XF_DB_ERROR. */
int xf_db_run_cols(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                   const void *item);
int xf_db_insert_cols(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                      const void *item, int64_t *id);
/* The same with the write's time, now, bound after the columns, as
 * $(idx + n) (its created_at or updated_at). */
int xf_db_run_cols_now(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                       const void *item, int64_t now);
int xf_db_insert_cols_now(xf_stmt *st, int idx, const xf_db_col *cols, int n,
                          const void *item, int64_t now, int64_t *id);
/*
 * One parameter of XF_DB_BOUND: XF_INT(v), XF_ID(v) (SQL NULL for 0) or
 * XF_STR(s) (SQL NULL for NULL), bound as the column kinds above.
 */
typedef struct xf_db_arg {
	xf_col_kind kind;
	int64_t i;
	const char *s;
} xf_db_arg;
#define XF_INT(v)                                                              \
	{                                                                      \
		XF_COL_I64, (v), NULL                                          \
	}
#define XF_ID(v)                                                               \
	{                                                                      \
		XF_COL_ID, (v), NULL                                           \
	}
#define XF_STR(s)                                                              \
	{                                                                      \
		XF_COL_STR, 0, (s)                                             \
	}
/* The statement of sql (static, as for xf_db_stmt) with args[0..n)
 * bound as $1..$n; NULL on a prepare error. */
xf_stmt *xf_db_bound(xf_db *db, const char *sql, const xf_db_arg *args, int n);
/* xf_db_bound with its parameters listed: XF_DB_BOUND(db, sql,
 * XF_INT(id), XF_STR(name)). */
#define XF_DB_BOUND(db, sql, ...)                                              \
	xf_db_bound((db), (sql), (const xf_db_arg[]){__VA_ARGS__},             \
	            (int)(sizeof((const xf_db_arg[]){__VA_ARGS__}) /           \
	                  sizeof(xf_db_arg)))
/* Copies a text column into the arena ("" for NULL) / NULL for NULL. */
const char *xf_db_dup(xf_arena *a, xf_stmt *st, int col);
const char *xf_db_opt(xf_arena *a, xf_stmt *st, int col);
/* The bytes of a BLOB / bytea column and their length; NULL for SQL NULL
 * (an empty value gives a non-NULL pointer and len 0). */
const void *xf_db_blob(xf_stmt *st, int col, size_t *len);
int64_t xf_db_changes(xf_db *db);
/* Online backup to a file / restore from one (SQLite); XF_DB_ERROR with a
 * message for drivers without it. */
int xf_db_backup(xf_db *db, const char *path);
int xf_db_restore(xf_db *db, const char *path);
const char *xf_db_errmsg(xf_db *db);

/*
 * Notifications between servers on one PostgreSQL (LISTEN/NOTIFY); on
 * SQLite, with one server, both are no-ops. xf_db_notify sends payload
 * (< 8000 bytes) on channel: at once outside a transaction, at commit
 * inside one. xf_db_listen opens a connection of its own to url, listens
 * on channel and calls fn(arg, payload) for every notification, until
 * *stop is set (checked at least once a second); it reconnects after a
 * lost connection. It runs in the caller's thread: start it in one.
 */
int xf_db_notify(xf_db *db, const char *channel, const char *payload);
/* The PostgreSQL side of xf_db_listen (db_pgsql.c). */
void xf_pg_listen(const char *conninfo, const char *channel,
                  void (*fn)(void *arg, const char *payload), void *arg,
                  volatile int *stop);
void xf_db_listen(const char *url, const char *channel,
                  void (*fn)(void *arg, const char *payload), void *arg,
                  volatile int *stop);

#endif
