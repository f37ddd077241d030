/*
 * transfers.h - SQL of 组织关系转接 (schema v18): transfers with both
 * sides' organizations, their moves, the list of a subtree (either side
 * in it), the transfers of a member, and a member's leaving the roster.
 * Return codes and string ownership as in plans.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in.
 */
#ifndef XF_STORE_TRANSFERS_H
#define XF_STORE_TRANSFERS_H

#include "base/arena.h"
#include "model/transfer.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts t; sets t->id. */
int xf_store_transfer_case_insert(xf_db *db, xf_org_transfer *t, int64_t now);
/* A transfer with its organizations' names. */
int xf_store_transfer_case_get(xf_db *db, xf_arena *a, int64_t id,
                               xf_org_transfer *out);
/* Moves t to t->state with t->arrived_on, t->note and t->member_id. */
int xf_store_transfer_case_move(xf_db *db, const xf_org_transfer *t,
                                int64_t now);
/* The number of transfers of member_id not yet arrived or returned. */
int xf_store_transfer_case_open(xf_db *db, int64_t member_id, int64_t *n);
/*
 * Transfers with either side within r; state "" for any; overdue_before
 * (YYYY-MM-DD, "" for no filter) keeps open ones whose deadline is before
 * it; the earliest deadline first; paged.
 */
int xf_store_transfer_case_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                                const char *state, const char *overdue_before,
                                int offset, int limit, xf_org_transfer **out,
                                int *n, int64_t *total);
/* The transfers of member_id, the latest first; at most 200. */
int xf_store_transfer_case_of_member(xf_db *db, xf_arena *a, int64_t member_id,
                                     xf_org_transfer **out, int *n);
/* *left 1 if member_id left the roster (a transfer out arrived). */
int xf_store_member_has_left(xf_db *db, int64_t member_id, int64_t *left);
/* The member left the roster on day (a transfer out arrived). */
int xf_store_member_leave(xf_db *db, int64_t member_id, const char *day,
                          int64_t now);

#endif
