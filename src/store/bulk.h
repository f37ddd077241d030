/*
 * bulk.h - the store's bulk path for generated and imported data: rows go
 * in through prepared statements inside one transaction that the caller
 * opens, without per-row audit or kept-count updates; kept counts are
 * recomputed once at the end.
 */
#ifndef XF_STORE_BULK_H
#define XF_STORE_BULK_H

#include "store/db.h"
#include "store/members.h"
#include "store/orgs.h"

/* Inserts an org with a known parent path; sets o->id and o->path
 * (o->path is written into pathbuf, of size n). */
int xf_bulk_org(xf_db *db, xf_org *o, const char *parent_path, int64_t now,
                char *pathbuf, size_t n);
/* Members go in between xf_bulk_members_begin() and _end(): through COPY
 * on PostgreSQL (no other statement may run on the connection in between),
 * through a prepared insert on SQLite. */
int xf_bulk_members_begin(xf_db *db);
int xf_bulk_member(xf_db *db, xf_member *m, int64_t now);
int xf_bulk_members_end(xf_db *db);
/* Recomputes every org's member_count from the members table. */
int xf_bulk_recount(xf_db *db);

/* The bare-SQLite ceiling of the benchmark: inserts n rows into a scratch
 * table in one transaction with one prepared statement. */
int xf_bulk_ceiling(xf_db *db, int n);

#endif
