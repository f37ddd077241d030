/*
 * assessments.h - SQL of the committee's scores of an organization's year
 * (assessment_scores) and of star ratings (star_ratings, their evidence).
 * Return codes and string ownership as in schemes.h.
 */
#ifndef XF_STORE_ASSESSMENTS_H
#define XF_STORE_ASSESSMENTS_H

#include "base/arena.h"
#include "model/assessment.h"
#include "store/db.h"

#include <stdint.h>

/* Sets (inserts or replaces) the score of (org, year, code). */
int xf_store_score_put(xf_db *db, const xf_assessment_score *s);
/* The scores of a year of the organizations inside the ranges, by org id
 * then code, with the scorer's name. */
int xf_store_scores_within(xf_db *db, xf_arena *a, const xf_ranges *r, int year,
                           xf_assessment_score **out, int *n);

int xf_store_star_rating_insert(xf_db *db, xf_star_rating *r, int64_t now);
int xf_store_star_rating_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_star_rating *out);
/* The rating of (org, year); XF_DB_DONE when there is none. */
int xf_store_star_rating_of(xf_db *db, xf_arena *a, int64_t org_id, int year,
                            xf_star_rating *out);
/* Writes state, claimed, computed, score, self_note, the review, the
 * notice and the decision of r. */
int xf_store_star_rating_update(xf_db *db, const xf_star_rating *r);
/* Ratings of a year (0: any) inside the ranges in path order; paged. */
int xf_store_star_rating_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                              int year, const char *state, int offset,
                              int limit, xf_star_rating **out, int *n,
                              int64_t *total);
/* Every rating of a year inside the ranges in the given state (NULL:
 * any), path order, at most max. */
int xf_store_star_ratings_within(xf_db *db, xf_arena *a, const xf_ranges *r,
                                 int year, const char *state, int max,
                                 xf_star_rating **out, int *n);
/* Sets the notice of the ratings of a year inside the ranges that are
 * reviewed and not yet in a notice. */
int xf_store_star_ratings_notice(xf_db *db, const xf_ranges *r, int year,
                                 int64_t notice_id);
/* Replaces the evidence of a rating. */
int xf_store_star_rating_evidence_put(xf_db *db, int64_t id,
                                      const char *const *ev, int n);
int xf_store_star_rating_evidence(xf_db *db, xf_arena *a, int64_t id,
                                  const char ***out, int *n);

#endif
