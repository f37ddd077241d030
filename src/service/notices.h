/*
 * notices.h (service) - publication (公示) of frozen rows and the
 * objections (异议) to them, one mechanism for every subject: the 先锋榜
 * (points_board: a period's board of members or organizations) and the
 * reviewed star ratings of a year (star_ratings, service/star_ratings.h),
 * the candidates of a creation program (program_candidates,
 * service/programs.h).
 *
 * A committee over an org (or admin) freezes a period's board of the org's
 * subtree as a notice with a window [opens_on, closes_on]; the rows are
 * copied in the transaction that writes the notice and never change. A
 * member of the subtree may object within the window (one open objection
 * per member and notice); the committee answers each (upheld or
 * dismissed). An upheld objection changes nothing on the notice: the
 * committee corrects through the ledger and may publish a new notice.
 *
 * Reading: whoever reads the org, and members of its subtree once the
 * window has opened; others get 404. Returns XF_OK or an error kind with
 * c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_NOTICES_H
#define XF_SERVICE_NOTICES_H

#include "service/ctx.h"
#include "store/notices.h"

#define XF_NOTICE_MAX_ROWS 1000

typedef struct xf_point_notice_input {
	const char *subject; /* NULL or "points_board"; "star_ratings", ... */
	int year;            /* star_ratings: the year rated */
	int64_t subject_id;  /* case_selection: the call (service/cases.h);
	                      * program_candidates: the program */
	int64_t org_id;
	const char *period, *kind; /* kind: "members" or "orgs" */
	const char *org_kind;      /* orgs: peers' kind (default "branch") */
	const char *opens_on;      /* NULL: today */
	const char *closes_on, *title;
	int limit; /* rows frozen: 1..XF_NOTICE_MAX_ROWS (0: 100) */
} xf_point_notice_input;

typedef struct xf_point_notice_full {
	xf_point_notice n;
	xf_point_notice_row *rows;
	int nrows;
	int committee; /* the reader may answer objections */
} xf_point_notice_full;

int xf_point_notice_publish(xf_ctx *c, const xf_point_notice_input *in,
                            xf_point_notice_full *out);
int xf_point_notice_read(xf_ctx *c, int64_t id, xf_point_notice_full *out);
/* org_id 0: every notice the caller may read (a member: those over it). */
int xf_point_notice_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                         xf_point_notice **out, int *n, int64_t *total);

/* member_id 0: the caller's own member record. */
int xf_point_objection_create(xf_ctx *c, int64_t notice_id, int64_t member_id,
                              const char *text, xf_point_objection *out);
/* outcome: "upheld" or "dismissed". */
int xf_point_objection_answer(xf_ctx *c, int64_t id, const char *answer,
                              const char *outcome, xf_point_objection *out);
/* A committee over the notice sees all; a member its own. */
int xf_point_objection_list(xf_ctx *c, int64_t notice_id, int offset, int limit,
                            xf_point_objection **out, int *n, int64_t *total);

/* The notices over the member at path that have opened, with the
 * member's frozen row if listed (the member's own page). Inside the
 * caller's read transaction. */
int xf_point_notices_concerning(xf_ctx *c, const char *path, int64_t member_id,
                                xf_point_notice **out, int *n);

/* "upcoming", "open" or "closed" on today ("YYYY-MM-DD"). */
const char *xf_point_notice_state(const xf_point_notice *n, const char *today);
/* Today's date in the service's clock, arena-allocated. */
const char *xf_point_notice_today(xf_ctx *c);

#endif
