/*
 * honor.h - an entry of the honors and results registry (荣誉与成果), a
 * party-building brand (党建品牌) and a brand's yearly review, as every
 * layer sees them, with their one JSON form each.
 *
 * Layer-neutral: includes only base/ and model/fields.h. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long as
 * it; optional ones are NULL.
 */
#ifndef XF_MODEL_HONOR_H
#define XF_MODEL_HONOR_H

#include "base/jw.h"
#include "model/fields.h"
#include "model/year_review.h"

#include <stdint.h>

/* The fields of a registry entry (model/fields.h list), in the order of
 * its JSON form and of the store's columns. The organization is the one
 * honored, or the member's. */
#define XF_HONOR_FIELDS(F, N, A, J, T)                                         \
	F(T, I64, id, "id")                                                    \
	F(T, STR, title, "title")                                              \
	F(T, STR, category, "category")                                        \
	F(T, STR, level, "level")                                              \
	F(T, OPT, grade, "grade") /* NULL when none applies */                 \
	F(T, INT, year, "year")                                                \
	F(T, STR, awarded_by, "awarded_by")                                    \
	F(T, STR, awarded_on, "awarded_on")                                    \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, ID, member_id, "member_id")      /* 0: an organization's honor */ \
	F(T, OPT, member_name, "member_name") /* NULL for an org's */          \
	F(T, ID, brand_id, "brand_id")        /* 0: no brand */                \
	F(T, OPT, brand_name, "brand_name")                                    \
	F(T, STR, source, "source")         /* xf_honor_sources */             \
	F(T, OPT, source_ref, "source_ref") /* "program:3", "case:12" */       \
	F(T, I64, attachment_count, "attachment_count")                        \
	XF_STAMP_FIELDS(F, N, A, J, T)

XF_FIELDS_STRUCT(xf_honor, XF_HONOR_FIELDS);

/* The fields of a brand, in the same way. */
#define XF_BRAND_FIELDS(F, N, A, J, T)                                         \
	F(T, I64, id, "id")                                                    \
	F(T, STR, name, "name")                                                \
	F(T, OPT, slogan, "slogan")           /* or NULL */                    \
	F(T, OPT, description, "description") /* or NULL */                    \
	F(T, INT, started_year, "started_year")                                \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, I64, honor_count, "honor_count") /* entries linked to it */       \
	N(T, INT, last_year) /* its latest review's year, 0: none */           \
	F(T, OPT, last_grade, "last_grade") /* and grade, NULL: none */        \
	XF_STAMP_FIELDS(F, N, A, J, T)

XF_FIELDS_STRUCT(xf_brand, XF_BRAND_FIELDS);

/* A brand's yearly review: subject_id is the brand's id. */
typedef xf_year_review xf_brand_review;

/* The JSON forms, each object left open for more keys. */
void xf_honor_json_open(xf_jw *w, const xf_honor *h);
void xf_brand_json_open(xf_jw *w, const xf_brand *b);
void xf_brand_review_json_open(xf_jw *w, const xf_brand_review *v);

/* The same, closed. */
void xf_honor_json(xf_jw *w, const xf_honor *h);
void xf_brand_json(xf_jw *w, const xf_brand *b);

#endif
