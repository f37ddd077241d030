/*
 * point_notice.h - publication (公示) as every layer sees it: a notice
 * with its frozen rows, and an objection (异议) to it; with their one JSON
 * form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_POINT_NOTICE_H
#define XF_MODEL_POINT_NOTICE_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_point_notice {
	int64_t id, org_id;
	const char *org_path, *org_name;
	const char *subject;       /* points_board, star_ratings */
	const char *period, *kind; /* kind: "members" or "orgs" */
	const char *org_kind;      /* orgs boards: the peers' kind, else NULL */
	const char *title, *opens_on, *closes_on;
	int64_t base; /* the base score included in year member boards */
	int nrows;
	int64_t created_by, created_at;
	int64_t objections, open_objections; /* counts, when read */
	/* the reader's own row (concerning notices), rank 0: not listed */
	int my_rank;
	int64_t my_points;
} xf_point_notice;

typedef struct xf_point_notice_row {
	int pos, rank;
	int64_t member_id; /* 0 in orgs boards */
	int64_t org_id;
	const char *name, *org_name;
	int64_t points, headcount, average_x100;
	int vetoed;
	int stars; /* star_ratings: the reviewed stars; points: score x10 */
} xf_point_notice_row;

typedef struct xf_point_objection {
	int64_t id, notice_id, member_id, user_id;
	const char *org_path; /* the member's org when objecting */
	const char *member_name, *text;
	const char *status; /* open, upheld, dismissed */
	const char *answer; /* or NULL */
	int64_t answered_by, answered_at, created_at;
	const char *notice_path; /* when read: the notice's org path */
} xf_point_objection;

/*
 * The JSON form of a notice; state is its state on the reader's day
 * (xf_point_notice_state in service/notices.h). Its frozen rows are
 * written when rows is not NULL. mine: the brief form of a member's own
 * page instead (the notice's title, org, period, window and state, and
 * the member's own row as "mine", or null when not listed); rows are then
 * ignored.
 */
void xf_point_notice_json(xf_jw *w, const xf_point_notice *n, const char *state,
                          int mine, const xf_point_notice_row *rows, int nrows);
void xf_point_objection_json(xf_jw *w, const xf_point_objection *o);

#endif
