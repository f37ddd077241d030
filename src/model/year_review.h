/*
 * year_review.h - the yearly review (年度评价) of a record by the
 * committee above it: a party-building brand's, a joint project's. One
 * struct for each of them, and the JSON keys they share.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_YEAR_REVIEW_H
#define XF_MODEL_YEAR_REVIEW_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_year_review {
	int64_t subject_id; /* the brand's or the project's id */
	int year;
	const char *grade;
	const char *notes; /* or NULL */
	int64_t reviewed_by, reviewed_at;
	const char *reviewer_name; /* username, or NULL */
} xf_year_review;

/* Writes the keys every review has (year, grade, notes, reviewed_by,
 * reviewer_name, reviewed_at) into the open object of w. */
void xf_year_review_fields(xf_jw *w, const xf_year_review *v);

#endif
