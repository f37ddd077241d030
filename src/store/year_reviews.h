/*
 * year_reviews.h - the SQL steps every table of yearly reviews shares
 * (brand_reviews, joint_project_reviews): one row per (subject, year),
 * written by an upsert and read latest year first. The statements are
 * the caller's (static SQL, as for xf_db_stmt) with the columns below;
 * return codes and string ownership as in db.h.
 */
#ifndef XF_STORE_YEAR_REVIEWS_H
#define XF_STORE_YEAR_REVIEWS_H

#include "base/arena.h"
#include "model/year_review.h"
#include "store/db.h"

/* Runs sql, an upsert taking $1 subject_id, $2 year, $3 grade, $4 notes,
 * $5 reviewed_by and $6 reviewed_at, with the fields of v. */
int xf_store_year_review_put(xf_db *db, const char *sql,
                             const xf_year_review *v);
/* The reviews sql selects for the subject id ($1): at most 100 rows of
 * subject_id, year, grade, notes, reviewed_by, reviewed_at and
 * reviewer_name, into an array in a. */
int xf_store_year_reviews(xf_db *db, xf_arena *a, const char *sql, int64_t id,
                          xf_year_review **out, int *n);

#endif
