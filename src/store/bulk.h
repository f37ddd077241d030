/*
 * bulk.h - the store's bulk path for generated and imported data: rows go
 * in through the loader (COPY on PostgreSQL, multi-row INSERTs on SQLite)
 * inside a transaction that the caller opens, without per-row audit or
 * kept-count updates; kept counts are recomputed once at the end.
 */
#ifndef XF_STORE_BULK_H
#define XF_STORE_BULK_H

#include "store/db.h"
#include "store/meetings.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/tasks.h"

typedef struct xf_loader xf_loader;

/* Orgs go in between xf_bulk_orgs_begin() and _end() through the loader
 * below, with ids that the caller gives them from *next_id on (so their
 * paths are known before they are written), parents before children;
 * last_id is the highest id given. _end() frees l. */
int xf_bulk_orgs_begin(xf_db *db, xf_loader **out, int64_t *next_id);
int xf_bulk_org(xf_loader *l, const xf_org *o, int64_t now);
int xf_bulk_orgs_end(xf_db *db, xf_loader *l, int64_t last_id);
/* Members go in between xf_bulk_members_begin() and _end() through the
 * loader below (no other statement in between); the member indexes are
 * dropped for the load and built again at its end. _end() frees l. */
int xf_bulk_members_begin(xf_db *db, xf_loader **out);
int xf_bulk_member(xf_loader *l, const xf_member *m, int64_t now);
int xf_bulk_members_end(xf_loader *l, int64_t *rows);
/* The module history (bulk_history.c), one load at a time as above:
 * meetings; tasks with ids given by the caller from *next_id on (last_id
 * the highest), their rolled-up columns as the caller computed them;
 * then their milestones. The tables' indexes are built again at the end
 * of each load; finish each with xf_load_end() (tasks: _tasks_end()). */
int xf_bulk_meetings_begin(xf_db *db, xf_loader **out);
int xf_bulk_meeting(xf_loader *l, const xf_meeting *m, int64_t now);
int xf_bulk_tasks_begin(xf_db *db, xf_loader **out, int64_t *next_id);
int xf_bulk_task(xf_loader *l, const xf_task *t, int64_t now);
int xf_bulk_tasks_end(xf_db *db, xf_loader *l, int64_t last_id);
int xf_bulk_milestones_begin(xf_db *db, xf_loader **out);
int xf_bulk_milestone(xf_loader *l, const xf_milestone *m, int64_t now);
/* Recomputes every org's member_count from the members table. */
int xf_bulk_recount(xf_db *db);

/*
 * The loader (bulk_load.c): rows of one table, value by value, written in
 * batches: COPY FROM STDIN on PostgreSQL, multi-row INSERTs on SQLite.
 * While a load is open no other statement may run on the connection.
 *
 *   xf_loader *l;
 *   rc = xf_load_begin(db, "t", "a, b", 2, 0, &l);
 *   for each row: xf_load_int(l, 1); xf_load_str(l, "x"); rc = xf_load_row(l);
 *   rc = xf_load_end(l, &rows);
 *
 * Values are copied. The value calls record a failure that the next
 * xf_load_row() or xf_load_end() returns. xf_load_begin() always sets
 * *out (NULL only without memory), which xf_load_end() frees whatever
 * happened; xf_load_end() returns the first failure, and the number of
 * rows loaded in *rows (may be NULL). With XF_LOAD_DROP_INDEXES the
 * table's indexes are dropped at the start and built again at the end.
 * Runs inside the caller's transaction; on failure roll it back.
 */
#define XF_LOAD_DROP_INDEXES 1
int xf_load_begin(xf_db *db, const char *table, const char *cols, int ncols,
                  int flags, xf_loader **out);
void xf_load_int(xf_loader *l, int64_t v);
/* An id, or SQL NULL for 0. */
void xf_load_id(xf_loader *l, int64_t id);
/* A string, or SQL NULL for NULL. */
void xf_load_str(xf_loader *l, const char *s);
/* The fields of item named by cols[0..n), as xf_db_bind_cols binds them. */
void xf_load_cols(xf_loader *l, const xf_db_col *cols, int n, const void *item);
int xf_load_row(xf_loader *l);
/* Ends a row whose last two columns are created_at and updated_at, both
 * now. */
int xf_load_row_at(xf_loader *l, int64_t now);
int xf_load_end(xf_loader *l, int64_t *rows);
/* Drops the indexes of table that DROP INDEX may drop, keeping how to
 * build them again in *out (set even on failure); _build() builds them
 * again when rc is XF_DB_OK, frees *out in any case and returns rc or
 * its own failure. */
typedef struct xf_indexes xf_indexes;
int xf_bulk_indexes_drop(xf_db *db, const char *table, xf_indexes **out);
int xf_bulk_indexes_build(xf_db *db, xf_indexes *ix, int rc);
/* After rows with explicit ids (up to last) went into table: keeps the
 * table's id generator ahead of them. */
int xf_load_ids_used(xf_db *db, const char *table, int64_t last);
/* A load of rows whose ids the caller gives, from *next_id on: the id
 * after the largest in table, read by last_sql (a static "SELECT
 * COALESCE(MAX(id), 0) FROM t"); otherwise as xf_load_begin (*out is NULL
 * when reading the largest id failed). _end_ids ends it as xf_load_end,
 * then keeps the table's id generator ahead of last_id, the highest id
 * given. */
int xf_load_begin_ids(xf_db *db, const char *table, const char *last_sql,
                      const char *cols, int ncols, int flags, xf_loader **out,
                      int64_t *next_id);
int xf_load_end_ids(xf_db *db, xf_loader *l, const char *table,
                    int64_t last_id);

#endif
