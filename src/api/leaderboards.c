/*
 * leaderboards.c (api) - GET /api/leaderboards/members, /orgs and
 * /api/points/me: the 先锋榜 and a member's own points page.
 */
#include "api/points.h"

#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/orgs.h"
#include "domain/points.h"
#include "model/point.h"
#include "model/point_notice.h"
#include "service/leaderboards.h"
#include "service/notices.h"

#include <string.h>

/* Reads ?limit= (1..200, default 50); -1 after a 422 answer. */
static int query_limit(xf_req *r, int *limit)
{
	int64_t v;
	if (xf_input_query_id(r, "limit", &v) != 0)
		return -1;
	if (v > 200) {
		xf_reply_error(r, 422, "invalid_field",
		               "条数应为 1 到 200 之间的整数", "limit");
		return -1;
	}
	*limit = v ? (int)v : 50;
	return 0;
}

static void change(xf_jw *w, const xf_board_item *it)
{
	if (it->prev_rank) {
		xf_jw_kint(w, "prev_rank", it->prev_rank);
		xf_jw_kint(w, "change", it->prev_rank - it->rank);
	} else {
		xf_jw_kstr(w, "prev_rank", NULL);
		xf_jw_kstr(w, "change", NULL);
	}
}

static void board_head(xf_jw *w, const xf_board *b)
{
	xf_jw_key(w, "org");
	xf_jw_obj(w);
	xf_jw_kint(w, "id", b->org.id);
	xf_jw_kstr(w, "name", b->org.name);
	xf_jw_kstr(w, "kind", b->org.kind);
	xf_jw_obj_end(w);
	xf_jw_kstr(w, "period", b->period);
	xf_jw_kstr(w, "previous_period", b->prev_period);
}

void xf_h_leaderboard_members(xf_req *r)
{
	int64_t org;
	const char *period;
	int limit;
	xf_ctx c;
	xf_board b;
	if (xf_input_query_id(r, "org", &org) != 0 ||
	    xf_input_query_str(r, "period", 12, &period) != 0 ||
	    query_limit(r, &limit) != 0 || xf_api_ctx(r, &c) != 0)
		return;
	if (xf_board_members(&c, org, period, limit, &b) != XF_OK) {
		xf_api_fail(r, &c);
		return;
	}
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	board_head(&w, &b);
	xf_jw_kint(&w, "base", b.base);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < b.n; i++) {
		const xf_board_item *it = &b.items[i];
		xf_jw_obj(&w);
		xf_jw_kint(&w, "rank", it->rank);
		xf_jw_kint(&w, "member_id", it->id);
		xf_jw_kstr(&w, "name", it->name);
		xf_jw_kint(&w, "org_id", it->org_id);
		xf_jw_kstr(&w, "org_name", it->org_name);
		xf_jw_kid(&w, "org_parent_id", it->org_parent_id);
		xf_jw_kstr(&w, "org_parent_name", it->org_parent_name);
		xf_jw_kint(&w, "points", it->points);
		xf_jw_kbool(&w, "vetoed", it->vetoed);
		change(&w, it);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "total", b.n);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

static const char *const board_by[] = {"average", "org_points", NULL};

void xf_h_leaderboard_orgs(xf_req *r)
{
	int64_t org;
	const char *period, *kind, *by;
	int limit;
	xf_ctx c;
	xf_board b;
	if (xf_input_query_id(r, "org", &org) != 0 ||
	    xf_input_query_str(r, "period", 12, &period) != 0 ||
	    xf_input_query_code(r, "kind", xf_org_kinds, "组织类型", &kind) !=
	        0 ||
	    xf_input_query_str(r, "by", 20, &by) != 0 ||
	    query_limit(r, &limit) != 0)
		return;
	if (!kind) {
		xf_reply_error(r, 422, "invalid_field", "请选择组织类型",
		               "kind");
		return;
	}
	int ok = !by;
	for (const char *const *k = board_by; by && *k; k++)
		ok |= strcmp(*k, by) == 0;
	if (!ok) {
		xf_reply_error(r, 422, "invalid_field", "排序依据不正确", "by");
		return;
	}
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_board_orgs(&c, org, kind, period, by, limit, &b) != XF_OK) {
		xf_api_fail(r, &c);
		return;
	}
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	board_head(&w, &b);
	xf_jw_kstr(&w, "kind", kind);
	xf_jw_kstr(&w, "by", by ? by : "average");
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < b.n; i++) {
		const xf_board_item *it = &b.items[i];
		xf_jw_obj(&w);
		xf_jw_kint(&w, "rank", it->rank);
		xf_jw_kint(&w, "org_id", it->id);
		xf_jw_kstr(&w, "name", it->name);
		xf_jw_kid(&w, "org_parent_id", it->org_parent_id);
		xf_jw_kstr(&w, "org_parent_name", it->org_parent_name);
		xf_jw_kint(&w, "points", it->points);
		xf_jw_kint(&w, "headcount", it->headcount);
		xf_jw_kint(&w, "members", it->members);
		xf_jw_key(&w, "average");
		xf_jw_x100(&w, it->average_x100);
		xf_jw_kint(&w, "org_points", it->org_points);
		change(&w, it);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "total", b.n);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

static void rank_obj(xf_jw *w, const char *key, int64_t id, const char *name,
                     int64_t rank)
{
	xf_jw_key(w, key);
	if (!id) {
		xf_jw_null(w);
		return;
	}
	xf_jw_obj(w);
	xf_jw_kint(w, "org_id", id);
	xf_jw_kstr(w, "org_name", name);
	if (rank)
		xf_jw_kint(w, "rank", rank);
	else
		xf_jw_kstr(w, "rank", NULL);
	xf_jw_obj_end(w);
}

void xf_h_points_me(xf_req *r)
{
	const char *year, *period;
	xf_ctx c;
	xf_points_me me;
	if (xf_input_query_str(r, "year", 4, &year) != 0 ||
	    xf_input_query_str(r, "period", 12, &period) != 0 ||
	    xf_api_ctx(r, &c) != 0)
		return;
	if (xf_points_me_read(&c, year, period, &me) != XF_OK) {
		xf_api_fail(r, &c);
		return;
	}
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "member_id", me.member_id);
	xf_jw_kstr(&w, "name", me.name);
	xf_jw_kstr(&w, "year", me.year);
	xf_jw_kint(&w, "base", me.base);
	xf_jw_kint(&w, "points", me.points);
	xf_jw_kint(&w, "total", me.total);
	xf_jw_kbool(&w, "vetoed", me.vetoed);
	xf_jw_kstr(&w, "period", me.period);
	xf_jw_kint(&w, "period_points", me.period_points);
	rank_obj(&w, "branch", me.org_id, me.org_name, me.rank_branch);
	rank_obj(&w, "unit", me.unit.id, me.unit.name, me.rank_unit);
	xf_jw_key(&w, "months");
	xf_jw_arr(&w);
	for (int i = 0; i < me.nperiods; i++) {
		if (strlen(me.periods[i].period) != 7)
			continue; /* "2024-07" */
		xf_jw_obj(&w);
		xf_jw_kstr(&w, "period", me.periods[i].period);
		xf_jw_kint(&w, "points", me.periods[i].points);
		xf_jw_kint(&w, "entries", me.periods[i].entries);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "entries");
	xf_jw_arr(&w);
	for (int i = 0; i < me.nentries; i++)
		xf_point_entry_json(&w, &me.entries[i]);
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "total_entries", me.total_entries);
	xf_jw_key(&w, "notices");
	xf_jw_arr(&w);
	const char *today = xf_point_notice_today(&c);
	for (int i = 0; i < me.nnotices; i++) {
		const xf_point_notice *n = &me.notices[i];
		xf_point_notice_json(&w, n, xf_point_notice_state(n, today), 1,
		                     NULL, 0);
	}
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}
