/*
 * reviews.h (service) - live review sessions (述职评议, 月度述职分享会):
 * "上台讲、现场评、晒排名". A committee over an organization (the chair)
 * creates a session with its criteria and presenters, invites judges, and
 * opens and closes the presenters in turn; while a presenter is open each
 * judge scores it and may change its scores; closing freezes them and
 * gives the presenter's result (domain/reviews.h); closing the session
 * makes the results final.
 *
 * Who: the chair is a committee at or above the session's organization,
 * or admin; a judge is a user invited to the session; both read it, and
 * so does whoever reads its organization. A judge never scores a
 * presenter of its own organization (403 conflict_of_interest) and
 * nobody sees a judge's scores: results are shown per presenter once it
 * is closed. Every function returns XF_OK or an error kind with c->err
 * filled; results are allocated in c->a.
 */
#ifndef XF_SERVICE_REVIEWS_H
#define XF_SERVICE_REVIEWS_H

#include "model/review.h"
#include "service/ctx.h"

#define XF_REVIEW_MAX_PRESENTERS 200
#define XF_REVIEW_MAX_JUDGES     500

typedef struct xf_presenter_input {
	const char *name;
	int64_t org_id, member_id; /* 0: none */
} xf_presenter_input;

typedef struct xf_review_input {
	int64_t org_id;
	const char *title, *held_on, *method;
	xf_review_criterion crit[XF_REVIEW_MAX_CRITERIA];
	int ncrit;
	const xf_presenter_input *presenters;
	int npresenters;
	int has_grades;
	int grades_x10[3];
} xf_review_input;

/* A session as its reader sees it. */
typedef struct xf_review_full {
	xf_review r;
	xf_review_presenter *presenters;
	int npresenters;
	xf_review_judge *judges; /* the chair's view; NULL for judges */
	int njudges;
	int chair;           /* the reader chairs the session */
	int64_t my_judge_id; /* the reader's judge id, 0: not a judge */
	/* a judge's own scores, per presenter (as presenters[]) and
	 * criterion, -1 where not scored; NULL for anyone else */
	int (*my_x10)[XF_REVIEW_MAX_CRITERIA];
} xf_review_full;

int xf_review_create(xf_ctx *c, const xf_review_input *in, xf_review_full *out);
int xf_review_read(xf_ctx *c, int64_t id, xf_review_full *out);
/* Sessions the caller chairs, reads or judges, newest first. */
int xf_review_list(xf_ctx *c, int offset, int limit, xf_review **out, int *n,
                   int64_t *total);
/* Invites users as judges with a weight (1..10) and its role name. */
int xf_review_judges_add(xf_ctx *c, int64_t id, const int64_t *user_ids, int n,
                         int weight, const char *weight_role,
                         xf_review_full *out);
/* Makes n (1..200) one-time codes for outside judges: each an account of
 * its own with the judge role and no password. */
#define XF_JUDGE_CODE_LEN 8
int xf_review_codes_add(xf_ctx *c, int64_t id, int n, int weight,
                        const char *weight_role, xf_review_full *out);
/* An outside judge joins with its code (once; while the session is
 * open): a session of its account, valid for this review alone (its only
 * role is judge), with its token and CSRF token. */
int xf_review_join(xf_ctx *c, const char *code, xf_review_judge *j,
                   const char **token, const char **csrf);
/* The chair opens a waiting presenter (one at a time) or closes the open
 * one (with the 整改清单, optional). */
int xf_review_presenter_open(xf_ctx *c, int64_t id, int64_t pid,
                             xf_review_presenter *out);
int xf_review_presenter_close(xf_ctx *c, int64_t id, int64_t pid,
                              const char *rectification,
                              xf_review_presenter *out);
/* A judge's scores of the open presenter: values (x10) of the criteria
 * named; criteria left out are empty. Replaces the judge's earlier ones. */
int xf_review_score(xf_ctx *c, int64_t id, int64_t pid,
                    const char *const *names, const int *values, int n);
/* The chair closes the session: every presenter must be closed. */
int xf_review_close(xf_ctx *c, int64_t id, xf_review_full *out);
/* The results of the closed presenters, best first, ties sharing a rank. */
int xf_review_results(xf_ctx *c, int64_t id, xf_review_full *out,
                      xf_review_row **rows, int *n);

/* The same inside the caller's transaction (the assessment reads the
 * results of closed sessions as its source review_score). */
int xf_review_results_in_tx(xf_ctx *c, int64_t id, xf_review_full *out,
                            xf_review_row **rows, int *n);

/*
 * 1 if user user_id belongs to the organization at path (a conflict of
 * interest when judging it): one of its grants (judge and admin grants
 * aside) or its member record lies within it. A store failure sets *rc
 * (else XF_OK) and answers 0. Inside the caller's transaction.
 */
int xf_user_belongs_to(xf_ctx *c, int64_t user_id, const char *path, int *rc);

#endif
