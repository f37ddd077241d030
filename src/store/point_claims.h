/*
 * point_claims.h - SQL of claims (积分申报).
 *
 * Return codes and string ownership as in orgs.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in.
 */
#ifndef XF_STORE_POINT_CLAIMS_H
#define XF_STORE_POINT_CLAIMS_H

#include "base/arena.h"
#include "model/point.h"
#include "store/db.h"

#include <stdint.h>

int xf_store_point_claim_insert(xf_db *db, xf_point_claim *c, int64_t now);
int xf_store_point_claim_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_point_claim *out);
/* Decides a pending claim; XF_DB_DONE if it was no longer pending. */
int xf_store_point_claim_decide(xf_db *db, const xf_point_claim *c);

typedef struct xf_point_claim_filter {
	xf_ranges ranges;   /* org_path ranges */
	int64_t member_id;  /* 0: any */
	const char *status; /* or NULL */
	int offset, limit;
} xf_point_claim_filter;

int xf_store_point_claim_list(xf_db *db, xf_arena *a,
                              const xf_point_claim_filter *f,
                              xf_point_claim **out, int *n, int64_t *total);

#endif
