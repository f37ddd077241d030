/*
 * reviews.h - SQL of review sessions: sessions with their criteria,
 * presenters, judges and scores. Return codes: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in.
 */
#ifndef XF_STORE_REVIEWS_H
#define XF_STORE_REVIEWS_H

#include "base/arena.h"
#include "model/review.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts the session and its criteria; sets r->id. */
int xf_store_review_insert(xf_db *db, xf_review *r, int64_t now);
/* The session with its criteria. */
int xf_store_review_get(xf_db *db, xf_arena *a, int64_t id, xf_review *out);
/* Sessions within the ranges, or those the user judges, newest first. */
int xf_store_review_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                         int64_t judge_user, int offset, int limit,
                         xf_review **out, int *n, int64_t *total);
int xf_store_review_set_state(xf_db *db, int64_t id, const char *state,
                              int64_t closed_at);

int xf_store_presenter_insert(xf_db *db, xf_review_presenter *p);
int xf_store_presenter_get(xf_db *db, xf_arena *a, int64_t id,
                           xf_review_presenter *out);
/* The presenters of a session in order, each with how many judges have
 * scored it. */
int xf_store_presenters(xf_db *db, xf_arena *a, int64_t review_id,
                        xf_review_presenter **out, int *n);
/* Writes state, opened_at, closed_at and rectification. */
int xf_store_presenter_update(xf_db *db, const xf_review_presenter *p);

/* XF_DB_UNIQUE when the user already judges the session. */
int xf_store_judge_insert(xf_db *db, xf_review_judge *j, int64_t now);
int xf_store_judges(xf_db *db, xf_arena *a, int64_t review_id,
                    xf_review_judge **out, int *n);
/* The judge that the user is in the session; XF_DB_DONE: none. */
int xf_store_judge_of(xf_db *db, xf_arena *a, int64_t review_id,
                      int64_t user_id, xf_review_judge *out);

/* The closed sessions held in a year (held_on "YYYY-...") with a
 * presenter whose organization lies within the ranges; at most max. */
int xf_store_reviews_closed_within(xf_db *db, xf_arena *a, const xf_ranges *r,
                                   int year, int max, int64_t **ids, int *n);

/* The judge of a one-time code; XF_DB_DONE: none. */
int xf_store_judge_by_code(xf_db *db, xf_arena *a, const char *code,
                           xf_review_judge *out);
/* Marks the code of judge id used; XF_DB_DONE when it already was. */
int xf_store_judge_use(xf_db *db, int64_t id, int64_t now);

/* The closed sessions of a year in which the member presented. */
int xf_store_reviews_of_member(xf_db *db, xf_arena *a, int64_t member_id,
                               int year, int max, int64_t **ids, int *n);

/* Replaces a judge's scores of a presenter (crit index, x10; -1 empty). */
int xf_store_scores_put(xf_db *db, int64_t presenter_id, int64_t judge_id,
                        const int *score_x10, int ncrit, int64_t now);
/* Every score of a presenter: calls fn per (judge, crit, score). */
int xf_store_scores_of(xf_db *db, int64_t presenter_id,
                       void (*fn)(void *arg, int64_t judge_id, int crit,
                                  int score_x10),
                       void *arg);

#endif
