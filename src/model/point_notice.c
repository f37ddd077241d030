/*
 * point_notice.c - the JSON form of notices (公示) with their frozen rows,
 * and of objections (异议).
 */
#include "model/point_notice.h"

#include "base/date.h"
#include "model/org.h"
#include "model/scheme.h"

#include <string.h>

/* A frozen row of a members board or, orgs, of an orgs board. */
static void notice_row(xf_jw *w, const xf_point_notice_row *r, int orgs)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "rank", r->rank);
	if (r->stars) { /* a star rating */
		xf_jw_kint(w, "org_id", r->org_id);
		xf_jw_kstr(w, "name", r->name);
		xf_jw_kstr(w, "parent_name", r->org_name);
		xf_jw_kx10(w, "score", r->points);
		xf_jw_kint(w, "stars", r->stars);
	} else if (orgs) {
		xf_jw_kint(w, "org_id", r->org_id);
		xf_jw_kstr(w, "name", r->name);
		xf_jw_kint(w, "points", r->points);
		xf_jw_kint(w, "headcount", r->headcount);
		xf_jw_key(w, "average");
		xf_jw_x100(w, r->average_x100);
	} else {
		xf_jw_kint(w, "member_id", r->member_id);
		xf_jw_kstr(w, "name", r->name);
		xf_org_ref_json(w, r->org_id, r->org_name);
		xf_jw_kint(w, "points", r->points);
		xf_jw_kbool(w, "vetoed", r->vetoed);
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

void xf_point_notice_json(xf_jw *w, const xf_point_notice *n, const char *state,
                          int mine, const xf_point_notice_row *rows, int nrows)
{
	char at[32];
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
	xf_jw_kint(w, "base", n->base);
	xf_jw_kint(w, "row_count", n->nrows);
	xf_jw_kint(w, "objections", n->objections);
	xf_jw_kint(w, "open_objections", n->open_objections);
	xf_jw_kid(w, "created_by", n->created_by);
	xf_time_iso(n->created_at, at);
	xf_jw_kstr(w, "created_at", at);
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

void xf_point_objection_json(xf_jw *w, const xf_point_objection *o)
{
	char at[32];
	xf_jw_obj(w);
	xf_jw_kint(w, "id", o->id);
	xf_jw_kint(w, "notice_id", o->notice_id);
	xf_jw_kint(w, "member_id", o->member_id);
	xf_jw_kstr(w, "member_name", o->member_name);
	xf_jw_kstr(w, "text", o->text);
	xf_jw_kstr(w, "status", o->status);
	xf_jw_kstr(w, "answer", o->answer);
	xf_jw_kid(w, "answered_by", o->answered_by);
	if (o->answered_at) {
		xf_time_iso(o->answered_at, at);
		xf_jw_kstr(w, "answered_at", at);
	} else {
		xf_jw_kstr(w, "answered_at", NULL);
	}
	xf_time_iso(o->created_at, at);
	xf_jw_kstr(w, "created_at", at);
	xf_jw_obj_end(w);
}
