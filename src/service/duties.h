/*
 * duties.h (service) - the duty lists (三级五岗): duty items set by an
 * organization for a year, a level and a post, copied from year to year;
 * the people assigned to posts; evidence linked to an item for one post
 * holder; and the duty report (述职材料) of a person for a year.
 *
 * Scope: items belong to the organization that sets them: whoever may
 * read it reads them (others 404), whoever may write it sets them (403).
 * An item applies to the holders of its post in organizations of its
 * level at or below the setter (domain/duties.h); whoever may read such
 * an organization reads the items that apply to it (applicable lists).
 * Assignments and evidence belong to the post's organization: its
 * writers assign and link evidence, which must lie in its subtree (422).
 * A report is read by whoever may read the member (and the member).
 * Every function returns XF_OK or an error kind with c->err filled;
 * results are allocated in c->a. Writes are audited (duty,
 * duty_assignment, duty_evidence).
 */
#ifndef XF_SERVICE_DUTIES_H
#define XF_SERVICE_DUTIES_H

#include "service/ctx.h"
#include "store/duties.h"
#include "store/members.h"

typedef struct xf_duty_input {
	int64_t org_id;
	int year;
	const char *level, *post, *title, *content; /* content or NULL */
	int seq;                                    /* 0: after the last */
	int has_title, has_content, has_seq;        /* for updates */
} xf_duty_input;

int xf_duty_create(xf_ctx *c, const xf_duty_input *in, xf_duty *out);
int xf_duty_read(xf_ctx *c, int64_t id, xf_duty *out);
/* Changes title, content and seq (those with has_*). */
int xf_duty_update(xf_ctx *c, int64_t id, const xf_duty_input *in,
                   xf_duty *out);
/* Deletes an item without evidence (409 otherwise). */
int xf_duty_remove(xf_ctx *c, int64_t id);

typedef struct xf_duty_query {
	int64_t org_id;           /* required */
	int year;                 /* 0: any (required when applicable) */
	const char *level, *post; /* or NULL */
	int applicable; /* the items that apply to org_id's own level */
	int offset, limit;
} xf_duty_query;

int xf_duty_list(xf_ctx *c, const xf_duty_query *q, xf_duty **out, int *n,
                 int64_t *total);
/* Copies org_id's lists of from_year to to_year (each level and post that
 * to_year does not have yet); *out is to_year's whole list afterwards.
 * 422 when from_year has no items, 409 when nothing was left to copy. */
int xf_duty_copy(xf_ctx *c, int64_t org_id, int from_year, int to_year,
                 xf_duty **out, int *n, int64_t *copied);

typedef struct xf_duty_assign_input {
	int64_t org_id, member_id, user_id; /* member_id or user_id */
	int year;
	const char *post;
} xf_duty_assign_input;

int xf_duty_assign(xf_ctx *c, const xf_duty_assign_input *in,
                   xf_duty_assignment *out);
int xf_duty_unassign(xf_ctx *c, int64_t id);
int xf_duty_assignment_list(xf_ctx *c, int64_t org_id, int subtree, int year,
                            int64_t member_id, int offset, int limit,
                            xf_duty_assignment **out, int *n, int64_t *total);

typedef struct xf_duty_evidence_input {
	int64_t assignment_id;
	const char *kind;              /* task, meeting, ledger, record */
	int64_t ref_id;                /* required unless record */
	const char *title, *note, *on; /* or NULL */
} xf_duty_evidence_input;

int xf_duty_evidence_add(xf_ctx *c, int64_t duty_id,
                         const xf_duty_evidence_input *in,
                         xf_duty_evidence *out);
int xf_duty_evidence_remove(xf_ctx *c, int64_t duty_id, int64_t id);
/* The evidence of an item for one post holder. */
int xf_duty_evidence_list(xf_ctx *c, int64_t duty_id, int64_t assignment_id,
                          xf_duty_evidence **out, int *n);

/* The report: for each post the member holds in the year, the items that
 * apply to it, each with its evidence by date. */
typedef struct xf_duty_report_item {
	const xf_duty *duty;
	const xf_duty_evidence *evidence;
	int nevidence;
} xf_duty_report_item;

typedef struct xf_duty_report_post {
	const xf_duty_assignment *as;
	xf_duty_report_item *items;
	int nitems;
	int items_with_evidence;
} xf_duty_report_post;

/* The person's result in a closed review session (述职评议) of the year. */
typedef struct xf_duty_report_review {
	const char *title, *held_on;
	int rank, ranked; /* rank among the ranked presenters */
	int total_x10, max_x10;
	const char *grade_title;
} xf_duty_report_review;

typedef struct xf_duty_report {
	xf_member member;
	int year;
	xf_duty_report_post *posts;
	int nposts;
	xf_duty_report_review *reviews;
	int nreviews;
} xf_duty_report;

int xf_duty_report_read(xf_ctx *c, int64_t member_id, int year,
                        xf_duty_report *out);

#endif
