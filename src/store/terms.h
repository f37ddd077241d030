/*
 * terms.h - SQL of 换届 (schema v18): the terms of committees with the
 * positions elected, an organization's history, and the board of the
 * organizations with their current term. A term row carries its
 * organization's path, so a subtree is one range scan. Return codes and
 * string ownership as in plans.h: XF_DB_OK, XF_DB_ROW (found), XF_DB_DONE
 * (not found) or a negative XF_DB_* error; strings are copied into the
 * arena passed in.
 */
#ifndef XF_STORE_TERMS_H
#define XF_STORE_TERMS_H

#include "base/arena.h"
#include "model/term.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts t (org, path, dates, years, votes, state, created_by) and its
 * positions; sets t->id. */
int xf_store_term_insert(xf_db *db, xf_term *t, int64_t now);
/* A term with its organization and approver names, without positions. */
int xf_store_term_get(xf_db *db, xf_arena *a, int64_t id, xf_term *out);
/* The positions of term_id, 书记 first, into t->positions. */
int xf_store_term_positions(xf_db *db, xf_arena *a, xf_term *t);
/* The latest elected_on of org_id's terms into out[11] ("" for none). */
int xf_store_term_last_elected(xf_db *db, xf_arena *a, int64_t org_id,
                               const char **out);
/* The terms of org_id, the latest first; at most cap. */
int xf_store_term_history(xf_db *db, xf_arena *a, int64_t org_id, int cap,
                          xf_term **out, int *n);
/* Sets the approval of a pending term. */
int xf_store_term_approve(xf_db *db, int64_t id, int64_t by_org,
                          const char *approved_on, const char *approval_no);
/*
 * The board: the open organizations within r whose kind elects a
 * committee, each with its latest term (id 0 when none), those without a
 * term first, then by ends_on; with due_by (YYYY-MM-DD) only those
 * without a term or whose term ends on or before due_by; paged.
 */
int xf_store_term_board(xf_db *db, xf_arena *a, const xf_ranges *r,
                        const char *due_by, int offset, int limit,
                        xf_term **out, int *n, int64_t *total);

#endif
