/*
 * cases.h (store) - SQL of case selection (案例评选): calls with their
 * criteria, tiers and reviewers; submissions; reviewers' scores; the
 * case library. What a function returns lives in the arena it is given.
 */
#ifndef XF_STORE_CASES_H
#define XF_STORE_CASES_H

#include "model/case.h"
#include "store/db.h"

/* Inserts the call with its criteria, tiers and reviewers; sets c->id. */
int xf_store_case_call_insert(xf_db *db, xf_case_call *c, int64_t now);
/* The call with its children and its submission count: XF_DB_ROW,
 * XF_DB_DONE or an error. */
int xf_store_case_call_get(xf_db *db, xf_arena *a, int64_t id,
                           xf_case_call *out);
/* The latest cap calls (newest first), without children. */
int xf_store_case_calls(xf_db *db, xf_arena *a, int cap, xf_case_call **out,
                        int *n);
/* The ids of the calls user_id reviews. */
int xf_store_case_calls_reviewed(xf_db *db, xf_arena *a, int64_t user_id,
                                 int64_t **ids, int *n);
int xf_store_case_call_stage(xf_db *db, int64_t id, const char *stage,
                             int64_t notice_id, int64_t now);

int xf_store_case_sub_insert(xf_db *db, xf_case_submission *s, int64_t now);
int xf_store_case_sub_get(xf_db *db, xf_arena *a, int64_t id,
                          xf_case_submission *out);
int xf_store_case_sub_update(xf_db *db, const xf_case_submission *s,
                             int64_t now);
int xf_store_case_sub_delete(xf_db *db, int64_t id);
/* The submissions of a call, in id order (tier_name unset). */
int xf_store_case_subs(xf_db *db, xf_arena *a, int64_t call_id,
                       xf_case_submission **out, int *n);
/* Writes a selection's result (score -1, rank 0, tier -1: none). */
int xf_store_case_sub_result(xf_db *db, int64_t id, int score_x10, int rank,
                             int tier);

/* Replaces the reviewer's scores of a submission. */
int xf_store_case_scores_put(xf_db *db, int64_t sub_id, int64_t reviewer_id,
                             const int *score_x10, int ncrit, int64_t now);
/* Calls fn for every score of the call's submissions, by submission,
 * reviewer and criterion. */
int xf_store_case_scores(xf_db *db, int64_t call_id,
                         void (*fn)(void *arg, int64_t sub_id,
                                    int64_t reviewer_id, int crit,
                                    int score_x10),
                         void *arg);

/* The case library: selected cases of decided calls. */
typedef struct xf_case_filter {
	int year;
	const char *tier, *q; /* NULL: any */
} xf_case_filter;
int xf_store_case_library(xf_db *db, xf_arena *a, const xf_case_filter *f,
                          int offset, int limit, xf_case_submission **out,
                          int *n, int64_t *total);
/* One case of the library: XF_DB_DONE when it is not there. */
int xf_store_case_library_get(xf_db *db, xf_arena *a, int64_t id,
                              xf_case_submission *out);

#endif
