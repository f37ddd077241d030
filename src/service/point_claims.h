/*
 * point_claims.h (service) - claims (积分申报): a member or staff claims
 * points under a rule; whoever may award the rule approves the claim into
 * the ledger (points.h) or rejects it.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_POINT_CLAIMS_H
#define XF_SERVICE_POINT_CLAIMS_H

#include "service/points.h"
#include "store/point_claims.h"

typedef struct xf_point_claim_input {
	int64_t member_id, rule_id;
	const char *description;
	const char *evidence; /* JSON array text */
	int nevidence;
} xf_point_claim_input;

int xf_point_claim_create(xf_ctx *c, const xf_point_claim_input *in,
                          xf_point_claim *out, xf_point_result *res);
int xf_point_claim_read(xf_ctx *c, int64_t id, xf_point_claim *out);
int xf_point_claim_approve(xf_ctx *c, int64_t id, const char *reason,
                           xf_point_claim *out, xf_point_result *res);
int xf_point_claim_reject(xf_ctx *c, int64_t id, const char *reason,
                          xf_point_claim *out);
/* org_id 0: the caller's scope (a member: its own claims). */
int xf_point_claim_list(xf_ctx *c, int64_t org_id, const char *status,
                        int offset, int limit, xf_point_claim **out, int *n,
                        int64_t *total);

/* The inbox (service/inbox.h), each in a read transaction of its own:
 * the pending claims in the caller's scope that the caller may decide
 * (not its own), newest first; and the caller's own claims decided at
 * or after since (unix seconds), newest first. At most limit each. */
int xf_point_claims_to_decide(xf_ctx *c, int limit, xf_point_claim **out,
                              int *n);
int xf_point_claims_decided_mine(xf_ctx *c, int64_t since, int limit,
                                 xf_point_claim **out, int *n);

#endif
