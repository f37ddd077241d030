/*
 * year_reviews.h (service) - the yearly review (年度评价) of a record by
 * the committee strictly above its organization, written once for every
 * kind of record that has one (brands, joint projects); each kind
 * describes itself in an xf_year_review_kind.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_YEAR_REVIEWS_H
#define XF_SERVICE_YEAR_REVIEWS_H

#include "model/year_review.h"
#include "service/crud.h"

typedef struct xf_year_review_kind {
	/* The kind of record reviewed, loaded for reading (404 when missing
	 * or out of read scope), and the offset in it of the int field of
	 * the first year it may be reviewed for. */
	const xf_crud *crud;
	size_t first_year_off;
	int (*put)(xf_db *db, const xf_year_review *v); /* the store's upsert */
	char *(*snap)(xf_arena *a, const xf_year_review *v); /* for the audit */
	const char *entity;    /* the audit entity: "brand_review" */
	const char *forbidden; /* 403 message: who reviews */
	const char *bad_year;  /* 422 message at "year": which years */
} xf_year_review_kind;

/*
 * The use case: the review of the record id for year, with grade and
 * notes (or NULL), by the committee strictly over the record's
 * organization or the admin (else 403), for a year from the record's
 * first year to this year (else 422 at "year"). Replaces that year's
 * review, audited as an "update" of k->entity. Fills *out (the subject,
 * the reviewer and the time too).
 */
int xf_year_review_put(xf_ctx *c, const xf_year_review_kind *k, int64_t id,
                       int year, const char *grade, const char *notes,
                       xf_year_review *out);

#endif
