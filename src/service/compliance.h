/*
 * compliance.h (service) - compliance of organizational life for a subtree
 * and a period, and the quarterly supervision board (季度督导), computed by
 * domain/compliance.c from one indexed GROUP BY of the subtree's meetings
 * (never by loading the meetings themselves). Also the configured meeting
 * rules (defaults in domain/compliance.h, overrides in meeting_rules).
 *
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_COMPLIANCE_H
#define XF_SERVICE_COMPLIANCE_H

#include "domain/compliance.h"
#include "service/ctx.h"
#include "store/orgs.h"

typedef struct xf_compliance_item {
	const xf_org *org;
	xf_compliance c;
} xf_compliance_item;

typedef struct xf_compliance_report {
	xf_period period;
	xf_date today;
	const xf_org *root;
	xf_compliance_item *items; /* orgs the rules apply to, path order */
	int n;
} xf_compliance_report;

/* Counts over the orgs of one subtree. */
typedef struct xf_compliance_sum {
	int orgs, green, yellow, due, red;
	int required, held, held_late;
	int sanhui_required, sanhui_held;
	int ft_meetings, ft_recorded;
} xf_compliance_sum;

typedef struct xf_supervision_row {
	const xf_org *org; /* a child of the root, or the root itself */
	int self;          /* 1: the root's own row (本级) */
	xf_compliance_sum sum;
} xf_supervision_row;

typedef struct xf_supervision {
	xf_compliance_report report;
	xf_compliance_sum total;
	xf_supervision_row *rows; /* lagging first */
	int nrows;
	xf_compliance_item **lagging; /* red orgs, most missing first */
	int nlagging;
} xf_supervision;

/* org_id 0: the caller's widest grant; period NULL: the current quarter. */
int xf_compliance_for(xf_ctx *c, int64_t org_id, const char *period,
                      xf_compliance_report *out);
int xf_compliance_board(xf_ctx *c, int64_t org_id, const char *period,
                        xf_supervision *out);

/* Evaluates every org of the subtree of org_id (0: the caller's widest
 * grant) in the current read transaction; out->items keeps the orgs the
 * rules apply to, *orgs the whole subtree (both in c->a). */
int xf_compliance_in_tx(xf_ctx *c, int64_t org_id, xf_period p,
                        xf_compliance_report *out, xf_org_page *orgs);
/* The rules in force (defaults with configured overrides). */
int xf_compliance_rules_get(xf_ctx *c, xf_compliance_rules *out);
/* Replaces the configured rules (admin only): the frequencies of each
 * (org kind, meeting kind) given; all others go back to the defaults. */
typedef struct xf_rule_input {
	const char *org_kind, *meeting_kind, *frequency;
} xf_rule_input;
int xf_compliance_rules_set(xf_ctx *c, const xf_rule_input *in, int n,
                            xf_compliance_rules *out);

#endif
