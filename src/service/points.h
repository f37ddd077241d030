/*
 * points.h (service) - points use cases: the rulebook with versions, yearly
 * settings, claims and their approval, direct awards, automatic entries
 * from records, reversals, the ledger, and the check of the kept totals.
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

typedef struct xf_point_rule_input {
	const char *kind, *category, *item, *description, *cap_period,
	    *approver_role, *valid_from;
	int64_t org_id, points, cap;
	int needs_evidence, needs_approval, veto;
	int has_category, has_item, has_description, has_cap_period,
	    has_approver_role, has_points, has_cap, has_needs_evidence,
	    has_needs_approval, has_veto;
} xf_point_rule_input;

int xf_point_rule_create(xf_ctx *c, const xf_point_rule_input *in,
                         xf_point_rule *out);
int xf_point_rule_read(xf_ctx *c, int64_t id, xf_point_rule *out);
/* A change is a new version from in->valid_from (required). */
int xf_point_rule_change(xf_ctx *c, int64_t id, const xf_point_rule_input *in,
                         xf_point_rule *out);
/* The rulebook of a date (NULL: today). */
int xf_point_rule_list(xf_ctx *c, const char *kind, const char *on,
                       const char *category, xf_point_rule **out, int *n);

int xf_point_settings_read(xf_ctx *c, const char *kind, int year, int64_t *base,
                           int64_t *floor);
int xf_point_settings_write(xf_ctx *c, const char *kind, int year, int64_t base,
                            int64_t floor);

/* What writing an entry did, for the answer. */
typedef struct xf_point_result {
	xf_point_entry entry;
	int has_entry;
	int capped, floored, veto;
	const char *message; /* Chinese explanation, or NULL */
} xf_point_result;

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
/*
 * An automatic entry from a verified record of another module, inside the
 * caller's open write transaction (no scope check beyond the caller's;
 * record_ref required, e.g. "meeting:42"). Same caps, floors and vetoes.
 */
int xf_point_record_in_tx(xf_ctx *c, const xf_point_award_input *in,
                          xf_point_result *res);
int xf_point_reverse(xf_ctx *c, int64_t entry_id, const char *reason,
                     xf_point_result *res);
int xf_point_entry_read(xf_ctx *c, int64_t id, xf_point_entry *out);
int xf_point_entry_list(xf_ctx *c, int64_t member_id, int64_t org_id,
                        const char *period, int offset, int limit,
                        xf_point_entry **out, int *n, int64_t *total);

#endif
