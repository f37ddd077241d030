/*
 * honor.h - an entry of the honors and results registry (荣誉与成果), a
 * party-building brand (党建品牌) and a brand's yearly review, as every
 * layer sees them, with their one JSON form each.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_HONOR_H
#define XF_MODEL_HONOR_H

#include "base/jw.h"
#include "model/year_review.h"

#include <stdint.h>

typedef struct xf_honor {
	int64_t id;
	int64_t org_id;    /* the organization honored, or the member's */
	int64_t member_id; /* 0: an organization's honor */
	int64_t brand_id;  /* 0: no brand */
	const char *org_path, *org_name;
	const char *member_name; /* kept with the entry; NULL for an org's */
	const char *brand_name;  /* NULL when no brand */
	const char *title, *category, *level;
	const char *grade; /* NULL when none applies */
	int year;
	const char *awarded_by, *awarded_on;
	const char *source;     /* xf_honor_sources */
	const char *source_ref; /* "program:3", "case:12", or NULL */
	int64_t attachment_count;
	int64_t created_by, created_at, updated_at;
} xf_honor;

typedef struct xf_brand {
	int64_t id, org_id;
	const char *org_path, *org_name;
	const char *name;
	const char *slogan, *description; /* or NULL */
	int started_year;
	int64_t honor_count;    /* registry entries linked to it */
	int last_year;          /* its latest review's year, 0: none */
	const char *last_grade; /* and grade, NULL: none */
	int64_t created_by, created_at, updated_at;
} xf_brand;

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
