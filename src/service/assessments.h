/*
 * assessments.h (service) - the index (硬核指数) of organizations,
 * computed live from the records the platform keeps: each organization's
 * year under the published scheme that applies to it (the deepest scheme
 * over it whose kinds include its kind), with the committee's scores of
 * manual items, ranks among peers and stars with quotas.
 *
 * The computation covers the subtree of the widest scheme that applies
 * inside the asked organization (peers of rank mappings and quotas are
 * every organization of the same kind under the same scheme), whatever
 * the caller reads; the answer shows only what the caller reads.
 *
 * Rights: reading as for the organization (a secretary its own subtree, a
 * committee its subtree); scoring by a committee strictly above the
 * organization, or admin. Results in c->a.
 */
#ifndef XF_SERVICE_ASSESSMENTS_H
#define XF_SERVICE_ASSESSMENTS_H

#include "domain/assessment.h"
#include "model/assessment.h"
#include "service/ctx.h"
#include "store/orgs.h"

/* Organizations of kind (NULL: any) in org_id's subtree (0: the caller's
 * widest) ranked by their index of year; ties share a rank. */
typedef struct xf_assessment_board {
	int year;
	const char *kind;
	xf_org root;
	xf_assessment *items;
	int n;
} xf_assessment_board;
int xf_assessment_board_get(xf_ctx *c, int64_t org_id, int year,
                            const char *kind, xf_assessment_board *out);

/* One organization's index explained: every indicator with its raw
 * value, points, points lost and the records behind it. */
typedef struct xf_assessment_detail {
	xf_org org;
	int year;
	const xf_scheme *scheme; /* NULL: no scheme applies */
	xf_assessment x;         /* x.res: one per indicator */
	xf_org_figures fig;
	xf_evidence_item **ev; /* per indicator */
	int *nev;
} xf_assessment_detail;
int xf_assessment_detail_get(xf_ctx *c, int64_t org_id, int year,
                             xf_assessment_detail *out);

/* Sets the committee's score of a manual, bonus, deduction or veto item
 * (veto: points 1 sets it, 0 clears it). */
int xf_assessment_score_set(xf_ctx *c, int64_t org_id, int year,
                            const char *code, int points_x10,
                            const char *reason, xf_assessment_score *out);

/* The index of one organization in the current transaction (for star
 * ratings): XF_OK with *found 0 when no scheme applies. */
int xf_assessment_of_in_tx(xf_ctx *c, const xf_org *o, int year,
                           xf_assessment *out, int *found);

#endif
