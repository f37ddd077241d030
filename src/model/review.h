/*
 * review.h - a live review session (述职评议, 月度述职分享会) as every
 * layer sees it: the session with its criteria, its presenters in order,
 * its judges, and a presenter's result; with their one JSON form.
 *
 * Layer-neutral: includes only base/ and model/. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long
 * as it; optional ones are NULL. Scores are in tenths (x10).
 */
#ifndef XF_MODEL_REVIEW_H
#define XF_MODEL_REVIEW_H

#include "base/jw.h"

#include <stdint.h>

#define XF_REVIEW_MAX_CRITERIA 10

typedef struct xf_review_criterion {
	const char *name;
	int max_x10;
} xf_review_criterion;

typedef struct xf_review {
	int64_t id, org_id;
	const char *org_path, *org_name;
	const char *title, *held_on;
	const char *method; /* mean, trimmed_mean */
	int grades_x10[3];  /* good, fair, pass: percent x10 */
	const char *state;  /* open, closed */
	xf_review_criterion crit[XF_REVIEW_MAX_CRITERIA];
	int ncrit;
	int64_t created_by, created_at, closed_at;
} xf_review;

typedef struct xf_review_presenter {
	int64_t id, review_id;
	int pos;
	const char *name;
	int64_t org_id; /* 0: none */
	const char *org_path, *org_name;
	int64_t member_id; /* 0: none */
	const char *state; /* waiting, open, closed */
	int64_t opened_at, closed_at;
	const char *rectification; /* 整改清单, or NULL */
	int scored_by;             /* when read: judges who scored it */
} xf_review_presenter;

typedef struct xf_review_judge {
	int64_t id, review_id, user_id;
	const char *username, *display_name;
	int weight;
	const char *weight_role; /* or NULL */
	int64_t created_at;
	const char *code; /* a one-time code (outside judges), or NULL */
	int64_t used_at;  /* when the code was used, 0: not yet */
} xf_review_judge;

/* A presenter's result (closed presenters). */
typedef struct xf_review_row {
	const xf_review_presenter *p;
	int crit_x10[XF_REVIEW_MAX_CRITERIA]; /* -1: nobody scored it */
	int counted[XF_REVIEW_MAX_CRITERIA];
	int total_x10, spread_x10, judges;
	const char *grade, *grade_title;
	int rank;
} xf_review_row;

/* The session with its criteria (and grade thresholds), left open. */
void xf_review_json_open(xf_jw *w, const xf_review *r);
void xf_review_presenter_json(xf_jw *w, const xf_review_presenter *p);
void xf_review_judge_json(xf_jw *w, const xf_review_judge *j);
/* A result row over the session's ncrit criteria. */
void xf_review_row_json(xf_jw *w, const xf_review_row *row, int ncrit);

#endif
