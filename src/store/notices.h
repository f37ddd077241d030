/*
 * notices.h - SQL of publication (公示): notices with their frozen
 * rows, and the objections (异议) to them.
 *
 * Return codes and string ownership as in points.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in. Notices and their rows are only ever
 * inserted: a published board never changes.
 */
#ifndef XF_STORE_NOTICES_H
#define XF_STORE_NOTICES_H

#include "base/arena.h"
#include "model/point_notice.h"
#include "store/db.h"

#include <stdint.h>

int xf_store_point_notice_insert(xf_db *db, xf_point_notice *n, int64_t now);
int xf_store_point_notice_row_insert(xf_db *db, int64_t notice_id,
                                     const xf_point_notice_row *r);
int xf_store_point_notice_get(xf_db *db, xf_arena *a, int64_t id,
                              xf_point_notice *out);
/* The frozen rows of a notice in board order (at most max). */
int xf_store_point_notice_rows(xf_db *db, xf_arena *a, int64_t id, int max,
                               xf_point_notice_row **out, int *n);
/* Notices whose org lies within the ranges, newest first. */
int xf_store_point_notice_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                               int offset, int limit, xf_point_notice **out,
                               int *n, int64_t *total);
/* Notices of the orgs above or at path (the subtrees containing it) that
 * have opened by today, newest first, with the member's row if listed;
 * at most limit. */
int xf_store_point_notices_over(xf_db *db, xf_arena *a, const char *path,
                                int64_t member_id, const char *today, int limit,
                                xf_point_notice **out, int *n);

/* XF_DB_UNIQUE when the member already has an open objection. */
int xf_store_point_objection_insert(xf_db *db, xf_point_objection *o,
                                    int64_t now);
int xf_store_point_objection_get(xf_db *db, xf_arena *a, int64_t id,
                                 xf_point_objection *out);
/* Answers an open objection; XF_DB_DONE if it was no longer open. */
int xf_store_point_objection_answer(xf_db *db, const xf_point_objection *o);
/* Objections of a notice, oldest first; member_id 0: all. */
int xf_store_point_objection_list(xf_db *db, xf_arena *a, int64_t notice_id,
                                  int64_t member_id, int offset, int limit,
                                  xf_point_objection **out, int *n,
                                  int64_t *total);

#endif
