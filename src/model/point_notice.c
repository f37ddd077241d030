/*
 * point_notice.c - the JSON form of notices (公示) with their frozen rows,
 * and of objections (异议).
 */
#include "model/point_notice.h"

#include "model/fields.h"
#include "model/org.h"
#include "model/scheme.h"

#include <string.h>

/* A frozen row of an orgs board. */
static const xf_jfield org_row_fields[] = {
    XF_JF(INT, xf_point_notice_row, "rank", rank),
    XF_JF(I64, xf_point_notice_row, "org_id", org_id),
    XF_JF(STR, xf_point_notice_row, "name", name),
    XF_JF(I64, xf_point_notice_row, "points", points),
    XF_JF(I64, xf_point_notice_row, "headcount", headcount),
    XF_JF(X100, xf_point_notice_row, "average", average_x100),
};

/* A frozen row of a members board. */
static const xf_jfield member_row_fields[] = {
    XF_JF(INT, xf_point_notice_row, "rank", rank),
    XF_JF(I64, xf_point_notice_row, "member_id", member_id),
    XF_JF(STR, xf_point_notice_row, "name", name),
    XF_JF(I64, xf_point_notice_row, "org_id", org_id),
    XF_JF(STR, xf_point_notice_row, "org_name", org_name),
    XF_JF(I64, xf_point_notice_row, "points", points),
    XF_JF(BOOL, xf_point_notice_row, "vetoed", vetoed),
};

/* A frozen row of a members board or, orgs, of an orgs board. */
static void notice_row(xf_jw *w, const xf_point_notice_row *r, int orgs)
{
	xf_jw_obj(w);
	if (r->stars) { /* a star rating */
		xf_jw_kint(w, "rank", r->rank);
		xf_jw_kint(w, "org_id", r->org_id);
		xf_jw_kstr(w, "name", r->name);
		xf_jw_kstr(w, "parent_name", r->org_name);
		xf_jw_kx10(w, "score", r->points);
		xf_jw_kint(w, "stars", r->stars);
	} else if (orgs) {
		XF_JW_FIELDS(w, r, org_row_fields);
	} else {
		XF_JW_FIELDS(w, r, member_row_fields);
	}
	xf_jw_obj_end(w);
}

/* The member's own row of a notice on its page, or null. */
static void notice_mine(xf_jw *w, const xf_point_notice *n)
{
	xf_jw_key(w, "mine");
	if (!n->my_rank) {
		xf_jw_null(w);
		return;
	}
	xf_jw_obj(w);
	xf_jw_kint(w, "rank", n->my_rank);
	xf_jw_kint(w, "points", n->my_points);
	xf_jw_obj_end(w);
}

/* What the board's own page adds after the state. */
static const xf_jfield board_fields[] = {
    XF_JF(I64, xf_point_notice, "base", base),
    XF_JF(INT, xf_point_notice, "row_count", nrows),
    XF_JF(I64, xf_point_notice, "objections", objections),
    XF_JF(I64, xf_point_notice, "open_objections", open_objections),
    XF_JF(ID, xf_point_notice, "created_by", created_by),
    XF_JF(TIME, xf_point_notice, "created_at", created_at),
};

void xf_point_notice_json(xf_jw *w, const xf_point_notice *n, const char *state,
                          int mine, const xf_point_notice_row *rows, int nrows)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", n->id);
	xf_jw_kstr(w, "subject", n->subject ? n->subject : "points_board");
	if (mine)
		xf_jw_kstr(w, "title", n->title);
	xf_org_ref_json(w, n->org_id, n->org_name);
	xf_jw_kstr(w, "period", n->period);
	xf_jw_kstr(w, "kind", n->kind);
	if (!mine) {
		xf_jw_kstr(w, "org_kind", n->org_kind);
		xf_jw_kstr(w, "title", n->title);
	}
	xf_jw_kstr(w, "opens_on", n->opens_on);
	xf_jw_kstr(w, "closes_on", n->closes_on);
	xf_jw_kstr(w, "state", state);
	if (mine) {
		notice_mine(w, n);
		xf_jw_obj_end(w);
		return;
	}
	XF_JW_FIELDS(w, n, board_fields);
	if (rows) {
		int orgs = strcmp(n->kind, "orgs") == 0;
		xf_jw_key(w, "rows");
		xf_jw_arr(w);
		for (int i = 0; i < nrows; i++)
			notice_row(w, &rows[i], orgs);
		xf_jw_arr_end(w);
	}
	xf_jw_obj_end(w);
}

static const xf_jfield objection_fields[] = {
    XF_JF(I64, xf_point_objection, "id", id),
    XF_JF(I64, xf_point_objection, "notice_id", notice_id),
    XF_JF(I64, xf_point_objection, "member_id", member_id),
    XF_JF(STR, xf_point_objection, "member_name", member_name),
    XF_JF(STR, xf_point_objection, "text", text),
    XF_JF(STR, xf_point_objection, "status", status),
    XF_JF(STR, xf_point_objection, "answer", answer),
    XF_JF(ID, xf_point_objection, "answered_by", answered_by),
    XF_JF(WHEN, xf_point_objection, "answered_at", answered_at),
    XF_JF(TIME, xf_point_objection, "created_at", created_at),
};

void xf_point_objection_json(xf_jw *w, const xf_point_objection *o)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, o, objection_fields);
	xf_jw_obj_end(w);
}
