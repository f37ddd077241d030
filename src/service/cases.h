/*
 * cases.h (service) - case selection (十佳/百优 案例, 实践范例): a call
 * by a committee, submissions by the organizations in its scope until
 * the deadline (or the close), blind review by the call's reviewers
 * (never of their own organization's cases), the selection by rank into
 * tiers, its 公示 (service/notices.c, subject "case_selection"), the
 * decision that writes honors (service/honors.h), and the case library
 * that every logged-in user reads city-wide.
 *
 * Who: a call is created, closed, selected, published and decided by a
 * committee over its org (or the admin); a submission is written by
 * whoever manages the submitting org (secretary, committee, admin) when
 * that org lies in the call's subtree; scores by the call's reviewers.
 *
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_CASES_H
#define XF_SERVICE_CASES_H

#include "service/attachments.h"
#include "service/ctx.h"
#include "service/notices.h"
#include "store/cases.h"

/* A case's files: 20 each; added by its organization before the
 * deadline, read by it, the committee and the call's reviewers. */
extern const xf_attachment_subject xf_case_files;

/* What the caller may do with a call (set by xf_case_call_read). */
typedef struct xf_case_call_view {
	xf_case_call call;
	int committee; /* closes, selects, publishes, decides */
	int reviewer;  /* scores (blind) */
	int submitter; /* manages an organization in the call's scope */
} xf_case_call_view;

/* in names title, org_id, deadline, criteria, tiers and reviewers. */
int xf_case_call_create(xf_ctx *c, xf_case_call *in);
int xf_case_call_read(xf_ctx *c, int64_t id, xf_case_call_view *out);
/* The calls the caller may see (committee, submitter or reviewer). */
int xf_case_call_list(xf_ctx *c, int offset, int limit, xf_case_call **out,
                      int *n, int64_t *total);
int xf_case_call_close(xf_ctx *c, int64_t id, xf_case_call *out);

/* in names title, org_id, summary and text. */
int xf_case_sub_create(xf_ctx *c, int64_t call_id, xf_case_submission *in);
/* A change: fields left NULL are kept. */
int xf_case_sub_update(xf_ctx *c, int64_t id, const xf_case_submission *in,
                       xf_case_submission *out);
int xf_case_sub_remove(xf_ctx *c, int64_t id);
/* A submission, for its organization and the committee (with its org). */
int xf_case_sub_read(xf_ctx *c, int64_t id, xf_case_submission *out);
/* The submissions of a call the caller may see with their organization:
 * all for the committee, those of its own organizations for a
 * submitter; ordered by rank once selected. */
int xf_case_subs_list(xf_ctx *c, int64_t call_id, xf_case_call_view *v,
                      xf_case_submission **out, int *n);

/* A reviewer's assignments: the call's submissions not of its own
 * organization, blind; mine[i * XF_CASE_CRIT_MAX + k] its own score
 * (x10) of criterion k of out[i], -1 none. */
int xf_case_assignments(xf_ctx *c, int64_t call_id, xf_case_call *call,
                        xf_case_submission **out, int **mine, int *n);
/* A reviewer's scores of a submission, every criterion by name. */
int xf_case_score_put(xf_ctx *c, int64_t sub_id, const char *const *names,
                      const int *values, int n);

/* Ranks the scored submissions into tiers (again, until published). */
int xf_case_select(xf_ctx *c, int64_t call_id, xf_case_call_view *v,
                   xf_case_submission **out, int *n);
/* Publishes the selected cases as a notice (公示) of the call's org. */
int xf_case_publish(xf_ctx *c, int64_t call_id, const char *opens_on,
                    const char *closes_on, const char *title,
                    xf_point_notice_full *out);
/* The decision: each selected case becomes an honor. Once the notice has
 * closed, or earlier when early is set (the committee's explicit
 * choice, audited). */
int xf_case_decide(xf_ctx *c, int64_t call_id, int early, xf_case_call *out);

/* For service/notices.c, inside its write transaction: the selected
 * cases of call_id of the organization org_id (409 unless selected)... */
int xf_case_selection_rows_in_tx(xf_ctx *c, int64_t call_id, int64_t org_id,
                                 xf_case_submission **out, int *n);
/* ... and the call marked published with its notice. */
int xf_case_selection_published_in_tx(xf_ctx *c, int64_t call_id,
                                      int64_t notice_id);

/* The case library: any logged-in user, city-wide (the one deliberate
 * exception to scope: selected cases are for spreading). */
int xf_case_library(xf_ctx *c, const xf_case_filter *f, int offset, int limit,
                    xf_case_submission **out, int *n, int64_t *total);
int xf_case_library_read(xf_ctx *c, int64_t id, xf_case_submission *out);

#endif
