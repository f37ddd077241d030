/*
 * visits.h - SQL of 四必访 (schema v16): triggers recorded for members
 * with the visit each owes, and the visit records that settle them. A
 * trigger row carries its organization's path, so a subtree is one range
 * scan. Return codes and string ownership as in plans.h: XF_DB_OK,
 * XF_DB_ROW (found), XF_DB_DONE (not found) or a negative XF_DB_* error;
 * strings are copied into the arena passed in.
 */
#ifndef XF_STORE_VISITS_H
#define XF_STORE_VISITS_H

#include "base/arena.h"
#include "model/visit.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts t (member, org, kind, dates, owed_by, created_by); sets t->id. */
int xf_store_visit_trigger_insert(xf_db *db, xf_visit_trigger *t, int64_t now);
/* A trigger with its organization's name and its visit, if any. */
int xf_store_visit_trigger_get(xf_db *db, xf_arena *a, int64_t id,
                               xf_visit_trigger *out);
/* The triggers within r not yet settled, the earliest due first; paged. */
int xf_store_visit_due(xf_db *db, xf_arena *a, const xf_ranges *r, int offset,
                       int limit, xf_visit_trigger **out, int *n,
                       int64_t *total);

/* Inserts v (trigger_id, visitor_id, visited_on, notes, help_given,
 * on_time); sets v->id. A second visit of one trigger: XF_DB_UNIQUE. */
int xf_store_visit_insert(xf_db *db, xf_visit *v, int64_t now);
/* A visit record with its trigger's member, organization and dates. */
int xf_store_visit_get(xf_db *db, xf_arena *a, int64_t id, xf_visit *out);
/* Visit records within r, visited between first and last (YYYY-MM-DD,
 * "" for no bound), the latest first; paged. */
int xf_store_visit_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                        const char *first, const char *last, int offset,
                        int limit, xf_visit **out, int *n, int64_t *total);

/* Per organization within r, the triggers that occurred between first
 * and last: owed, done, on_time, and overdue_open (not settled, due
 * before today); by organization path, at most cap organizations.
 * coverage is left 0. */
int xf_store_visit_coverage(xf_db *db, xf_arena *a, const xf_ranges *r,
                            const char *first, const char *last,
                            const char *today, int cap,
                            xf_visit_coverage_row **out, int *n);

/* The kinds the admin keeps (visit_kinds), by label; at most 200. */
int xf_store_visit_kind_insert(xf_db *db, const xf_visit_kind *k,
                               int64_t created_by, int64_t now);
/* XF_DB_ROW with *out, or XF_DB_DONE. */
int xf_store_visit_kind_get(xf_db *db, xf_arena *a, const char *code,
                            xf_visit_kind *out);
int xf_store_visit_kind_list(xf_db *db, xf_arena *a, xf_visit_kind **out,
                             int *n);

#endif
