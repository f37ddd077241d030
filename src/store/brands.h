/*
 * brands.h - SQL of party-building brands (党建品牌) and their yearly
 * reviews (schema v11). Return codes and string ownership as in
 * honors.h.
 */
#ifndef XF_STORE_BRANDS_H
#define XF_STORE_BRANDS_H

#include "base/arena.h"
#include "model/honor.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts b and sets b->id; XF_DB_UNIQUE when the organization has a
 * brand of that name. */
int xf_store_brand_insert(xf_db *db, xf_brand *b, int64_t now);
int xf_store_brand_get(xf_db *db, xf_arena *a, int64_t id, xf_brand *out);
/* Writes name, slogan, description and started year. */
int xf_store_brand_update(xf_db *db, const xf_brand *b, int64_t now);
/* Deletes the brand and its reviews; its honors keep no brand. */
int xf_store_brand_delete(xf_db *db, int64_t id);
/* Brands within the ranges (of org_id only when set), by organization
 * path then name; paged. */
int xf_store_brand_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                        int64_t org_id, int offset, int limit, xf_brand **out,
                        int *n, int64_t *total);
/* Writes the review of (brand, year), replacing one there. */
int xf_store_brand_review_put(xf_db *db, const xf_brand_review *v);
/* The reviews of a brand, the latest year first (at most 100). */
int xf_store_brand_reviews(xf_db *db, xf_arena *a, int64_t brand_id,
                           xf_brand_review **out, int *n);

#endif
