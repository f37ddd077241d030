/*
 * brands.h (service) - party-building brands (党建品牌): an organization's
 * brand with its slogan and story, kept by whoever manages the
 * organization; the results and honors linked to it (honors.h,
 * brand_id); and the yearly review (grade and notes) by the committee
 * above it.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_BRANDS_H
#define XF_SERVICE_BRANDS_H

#include "service/ctx.h"
#include "store/brands.h"
#include "store/honors.h"

/* A new brand, or a change (has_* for the fields given). */
typedef struct xf_brand_input {
	int64_t org_id;
	const char *name, *slogan, *description;
	int started_year;
	int has_name, has_slogan, has_description, has_started_year;
} xf_brand_input;

int xf_brand_create(xf_ctx *c, const xf_brand_input *in, xf_brand *out);
int xf_brand_update(xf_ctx *c, int64_t id, const xf_brand_input *in,
                    xf_brand *out);
int xf_brand_remove(xf_ctx *c, int64_t id);
/* A brand with its reviews and the honors linked to it (at most 200). */
typedef struct xf_brand_page {
	xf_brand brand;
	xf_brand_review *reviews;
	int nreviews;
	xf_honor *honors;
	int nhonors;
} xf_brand_page;
int xf_brand_read(xf_ctx *c, int64_t id, xf_brand_page *out);
/* Brands of org_id's subtree (0: the caller's scope); paged. */
int xf_brand_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                  xf_brand **out, int *n, int64_t *total);
/* The review of a year, by the committee over the brand's organization
 * (strictly above it) or the admin; replaces that year's review. */
int xf_brand_review_put(xf_ctx *c, int64_t id, int year, const char *grade,
                        const char *notes, xf_brand_review *out);

#endif
