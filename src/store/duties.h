/*
 * duties.h - SQL of the duty lists (三级五岗): duty items per setting
 * organization, year, level and post; the people assigned to posts; and
 * the evidence linked to a duty item for one post holder.
 *
 * Return codes and string ownership as in tasks.h: XF_DB_OK / XF_DB_ROW
 * (found) / XF_DB_DONE (not found) or a negative XF_DB_* error; strings
 * are copied into the arena passed in; optional ones are NULL.
 */
#ifndef XF_STORE_DUTIES_H
#define XF_STORE_DUTIES_H

#include "base/arena.h"
#include "model/duty.h"
#include "store/db.h"

#include <stdint.h>

#define XF_DUTY_MAX_ROWS 500 /* most items of one applicable list */

/* A record of the platform linked as evidence: where it belongs, what it
 * is called, the day it happened (or NULL) and the member (ledger). */
typedef struct xf_duty_ref {
	const char *org_path, *title, *on;
	int64_t member_id;
} xf_duty_ref;

int xf_store_duty_insert(xf_db *db, xf_duty *d, int64_t now);
int xf_store_duty_get(xf_db *db, xf_arena *a, int64_t id, xf_duty *out);
/* Writes title, content and seq. */
int xf_store_duty_update(xf_db *db, const xf_duty *d, int64_t now);
int xf_store_duty_delete(xf_db *db, int64_t id);
int xf_store_duty_evidence_count(xf_db *db, int64_t duty_id, int64_t *n);
/* The items set by org_id (of a year, level and post when given: 0 or ""
 * for any), by level, post and seq; paged. */
int xf_store_duty_list(xf_db *db, xf_arena *a, int64_t org_id, int year,
                       const char *level, const char *post, int offset,
                       int limit, xf_duty **out, int *n, int64_t *total);
/* The items of a year and level (and post unless "") set at org_path or
 * above it, the highest setter first; at most XF_DUTY_MAX_ROWS. */
int xf_store_duty_applicable(xf_db *db, xf_arena *a, const char *org_path,
                             int year, const char *level, const char *post,
                             xf_duty **out, int *n);
/* Copies the items of org_id from one year to another, each (level, post)
 * list that the target year does not have yet; *copied rows. */
int xf_store_duty_copy(xf_db *db, int64_t org_id, int from_year, int to_year,
                       int64_t user_id, int64_t now, int64_t *copied);

int xf_store_duty_assignment_insert(xf_db *db, xf_duty_assignment *as);
int xf_store_duty_assignment_get(xf_db *db, xf_arena *a, int64_t id,
                                 xf_duty_assignment *out);
int xf_store_duty_assignment_delete(xf_db *db, int64_t id);
/* Assignments within the ranges (of org_id only when set), of a year and
 * member when set (0: any), by org path and post; paged. */
int xf_store_duty_assignment_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                                  int64_t org_id, int year, int64_t member_id,
                                  int offset, int limit,
                                  xf_duty_assignment **out, int *n,
                                  int64_t *total);

int xf_store_duty_evidence_insert(xf_db *db, xf_duty_evidence *e);
int xf_store_duty_evidence_get(xf_db *db, xf_arena *a, int64_t id,
                               xf_duty_evidence *out);
int xf_store_duty_evidence_delete(xf_db *db, int64_t id);
/* The evidence of one post holder (of one duty item when duty_id is set),
 * by duty item and date; at most XF_DUTY_MAX_ROWS * 4. */
int xf_store_duty_evidence_of(xf_db *db, xf_arena *a, int64_t assignment_id,
                              int64_t duty_id, xf_duty_evidence **out, int *n);
/* The task, meeting or ledger entry ref_id as evidence (kind "task",
 * "meeting", "ledger"); XF_DB_DONE when absent or kind unknown. */
int xf_store_duty_ref(xf_db *db, xf_arena *a, const char *kind, int64_t ref_id,
                      xf_duty_ref *out);

#endif
