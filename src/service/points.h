/*
 * points.h (service) - the ledger of points: direct awards, automatic
 * entries from records, reversals and reading entries. The rulebook is in
 * point_rules.h, claims in point_claims.h.
 *
 * Every entry goes through one function (see points.c) that asks
 * domain/points.h for caps, floors and vetoes, inserts the ledger row and
 * updates the kept totals in the same transaction, with an audit row.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_POINTS_H
#define XF_SERVICE_POINTS_H

#include "service/ctx.h"
#include "store/points.h"

/* What writing an entry did, for the answer. */
typedef struct xf_point_result {
	xf_point_entry entry;
	int has_entry;
	int capped, floored, veto;
	const char *message; /* Chinese explanation, or NULL */
} xf_point_result;

typedef struct xf_point_award_input {
	int64_t member_id; /* a member entry, or */
	int64_t org_id;    /* an organization entry (org rules) */
	int64_t rule_id;
	const char *reason;
	const char *occurred_on; /* or NULL: today */
	const char *record_ref;  /* automatic entries: the record */
} xf_point_award_input;

/* A direct award by an authorized role. */
int xf_point_award(xf_ctx *c, const xf_point_award_input *in,
                   xf_point_result *res);
int xf_point_reverse(xf_ctx *c, int64_t entry_id, const char *reason,
                     xf_point_result *res);
int xf_point_entry_read(xf_ctx *c, int64_t id, xf_point_entry *out);
int xf_point_entry_list(xf_ctx *c, int64_t member_id, int64_t org_id,
                        const char *period, int offset, int limit,
                        xf_point_entry **out, int *n, int64_t *total);

#endif
