/*
 * leaderboards.c (api) - GET /api/leaderboards/members, /orgs and
 * /api/points/me: the 先锋榜 (also in Excel, .xlsx) and a member's own
 * points page.
 */
#include "api/leaderboards.h"
#include "api/points.h"
#include "api/xlsx.h"

#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/orgs.h"
#include "domain/points.h"
#include "model/fields.h"
#include "model/point.h"
#include "model/point_notice.h"
#include "service/leaderboards.h"
#include "service/notices.h"

#include <stdio.h>
#include <string.h>

static const char *const board_by[] = {"average", "org_points", NULL};

/* ?org=&period=&limit= of both boards; the period is this year's by
 * default. */
#define ORG_PARAM                                                              \
	{                                                                      \
		.name = "org", .type = XF_Q_ID                                 \
	}
#define PERIOD_PARAM                                                           \
	{                                                                      \
		.name = "period", .type = XF_Q_PERIOD, .label = "期间",        \
		.now = XF_NOW_YEAR                                             \
	}
#define LIMIT_PARAM                                                            \
	{                                                                      \
		.name = "limit", .type = XF_Q_INT, .min = 1, .max = 200,       \
		.label = "条数", .dflt = "50"                                  \
	}

enum { MB_ORG, MB_PERIOD, MB_LIMIT };
static const xf_param member_board_params[] = {ORG_PARAM, PERIOD_PARAM,
                                               LIMIT_PARAM};
const xf_query_table xf_leaderboard_members_query =
    XF_QUERY_TABLE(member_board_params);

enum { OB_ORG, OB_PERIOD, OB_KIND, OB_BY, OB_LIMIT };
static const xf_param org_board_params[] = {
    ORG_PARAM,
    PERIOD_PARAM,
    {.name = "kind",
     .type = XF_Q_ENUM,
     .required = 1,
     .codes = xf_org_kinds,
     .label = "组织类型"},
    {.name = "by",
     .type = XF_Q_ENUM,
     .enums = board_by,
     .label = "排序依据",
     .dflt = "average"},
    LIMIT_PARAM,
};
const xf_query_table xf_leaderboard_orgs_query =
    XF_QUERY_TABLE(org_board_params);

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

/* Starts the answer of board b: its org and periods; the writer adds
 * its own keys and ends it with board_end. */
static void board_begin(xf_jw *w, const xf_board *b)
{
	xf_jw_obj(w);
	xf_jw_key(w, "org");
	xf_jw_obj(w);
	xf_jw_kint(w, "id", b->org.id);
	xf_jw_kstr(w, "name", b->org.name);
	xf_jw_kstr(w, "kind", b->org.kind);
	xf_jw_obj_end(w);
	xf_jw_kstr(w, "period", b->period);
	xf_jw_kstr(w, "previous_period", b->prev_period);
}

/* Ends the answer of board b: its items, each with fields[0..n) and its
 * change of rank, and their total. */
static void board_end(xf_jw *w, const xf_board *b, const xf_jfield *fields,
                      size_t n)
{
	xf_jw_key(w, "items");
	xf_jw_arr(w);
	for (int i = 0; i < b->n; i++) {
		xf_jw_obj(w);
		xf_jw_fields(w, &b->items[i], fields, n, NULL);
		change(w, &b->items[i]);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_kint(w, "total", b->n);
	xf_jw_obj_end(w);
}

const xf_jfield xf_board_member_fields[] = {
    XF_JF(INT, xf_board_item, "rank", rank),
    XF_JF(I64, xf_board_item, "member_id", id),
    XF_JF(STR, xf_board_item, "name", name),
    XF_JF(I64, xf_board_item, "org_id", org_id),
    XF_JF(STR, xf_board_item, "org_name", org_name),
    XF_JF(ID, xf_board_item, "org_parent_id", org_parent_id),
    XF_JF(STR, xf_board_item, "org_parent_name", org_parent_name),
    XF_JF(I64, xf_board_item, "points", points),
    XF_JF(BOOL, xf_board_item, "vetoed", vetoed),
};
const size_t xf_board_member_nfields = XF_NFIELDS(xf_board_member_fields);

static void member_board_json(xf_jw *w, const xf_board *b)
{
	board_begin(w, b);
	xf_jw_kint(w, "base", b->base);
	board_end(w, b, xf_board_member_fields,
	          XF_NFIELDS(xf_board_member_fields));
}

/* The member board of the checked query q, at most limit rows. */
static int member_board(xf_ctx *c, const xf_val *q, int limit, xf_board *b)
{
	return xf_board_members(c, q[MB_ORG].i, q[MB_PERIOD].s, limit, b);
}

XF_CTX_HANDLER(xf_h_leaderboard_members, const xf_val *q = r->query_vals;
               xf_board b, member_board(&c, q, (int)q[MB_LIMIT].i, &b),
               XF_ANSWER(r, 200, member_board_json, &b))

const xf_jfield xf_board_org_fields[] = {
    XF_JF(INT, xf_board_item, "rank", rank),
    XF_JF(I64, xf_board_item, "org_id", id),
    XF_JF(STR, xf_board_item, "name", name),
    XF_JF(ID, xf_board_item, "org_parent_id", org_parent_id),
    XF_JF(STR, xf_board_item, "org_parent_name", org_parent_name),
    XF_JF(I64, xf_board_item, "points", points),
    XF_JF(I64, xf_board_item, "headcount", headcount),
    XF_JF(I64, xf_board_item, "members", members),
    XF_JF(X100, xf_board_item, "average", average_x100),
    XF_JF(I64, xf_board_item, "org_points", org_points),
};
const size_t xf_board_org_nfields = XF_NFIELDS(xf_board_org_fields);

static void org_board_json(xf_jw *w, const xf_board *b, const char *kind,
                           const char *by)
{
	board_begin(w, b);
	xf_jw_kstr(w, "kind", kind);
	xf_jw_kstr(w, "by", by);
	board_end(w, b, xf_board_org_fields, XF_NFIELDS(xf_board_org_fields));
}

/* The organization board of the checked query q, at most limit rows. */
static int org_board(xf_ctx *c, const xf_val *q, int limit, xf_board *b)
{
	return xf_board_orgs(c, q[OB_ORG].i, q[OB_KIND].s, q[OB_PERIOD].s,
	                     q[OB_BY].s, limit, b);
}

XF_CTX_HANDLER(xf_h_leaderboard_orgs, const xf_val *q = r->query_vals;
               xf_board b, org_board(&c, q, (int)q[OB_LIMIT].i, &b),
               XF_ANSWER(r, 200, org_board_json, &b, q[OB_KIND].s, q[OB_BY].s))

/* ---- the boards in Excel: the whole ranking ------------------------------ */

/* "↑2", "↓1", "—" (unchanged) or "新上榜" (not ranked before), in buf. */
static const char *change_text(const xf_board_item *it, char buf[16])
{
	if (!it->prev_rank)
		return "新上榜";
	int d = it->prev_rank - it->rank;
	if (!d)
		return "—";
	snprintf(buf, 16, "%s%d", d > 0 ? "↑" : "↓", d > 0 ? d : -d);
	return buf;
}

typedef struct board_rows {
	const xf_board *b;
	char change[16];
} board_rows;

static void member_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	board_rows *x = arg;
	const xf_board_item *it = &x->b->items[i];
	cells[0] = (xf_xlsx_cell){NULL, it->rank, 0};
	cells[1] = (xf_xlsx_cell){it->name, 0, -1};
	cells[2] = (xf_xlsx_cell){it->org_name, 0, -1};
	cells[3] = (xf_xlsx_cell){it->org_parent_name, 0, -1};
	cells[4] = (xf_xlsx_cell){NULL, (double)it->points, 0};
	cells[5] = (xf_xlsx_cell){it->vetoed ? "是" : "", 0, -1};
	cells[6] = (xf_xlsx_cell){change_text(it, x->change), 0, -1};
}

static void org_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	board_rows *x = arg;
	const xf_board_item *it = &x->b->items[i];
	cells[0] = (xf_xlsx_cell){NULL, it->rank, 0};
	cells[1] = (xf_xlsx_cell){it->name, 0, -1};
	cells[2] = (xf_xlsx_cell){it->org_parent_name, 0, -1};
	cells[3] = (xf_xlsx_cell){NULL, (double)it->points, 0};
	cells[4] = (xf_xlsx_cell){NULL, (double)it->headcount, 0};
	cells[5] = (xf_xlsx_cell){NULL, (double)it->members, 0};
	cells[6] = (xf_xlsx_cell){NULL, it->average_x100 / 100.0, 2};
	cells[7] = (xf_xlsx_cell){NULL, (double)it->org_points, 0};
	cells[8] = (xf_xlsx_cell){change_text(it, x->change), 0, -1};
}

/* The member board b in Excel. */
static void member_board_xlsx(xf_req *r, const xf_ctx *c, const xf_board *b)
{
	if (xf_xlsx_rows_fit(r, b->n) != 0)
		return;
	static const char *const heads[] = {"名次",     "姓名", "所在组织",
	                                    "上级组织", "积分", "一票否决",
	                                    "名次变化"};
	static const double widths[] = {6, 12, 24, 24, 10, 10, 10};
	const char *const filters[] = {"组织", b->org.name, "期间", b->period};
	board_rows x = {.b = b};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("党员先锋榜", heads, widths, "党员先锋榜.xlsx");
	xf_xlsx_list_reply(r, c->now, &sheet,
	                   xf_arena_printf(&r->arena, "%s%s党员先锋榜",
	                                   b->org.name, b->period),
	                   filters, 2, b->n, member_cells, &x);
}

/* GET /api/leaderboards/members.xlsx?org=&period=: the 先锋榜 of members,
 * the whole ranking (the page's limit does not apply). */
XF_CTX_HANDLER(xf_h_leaderboard_members_xlsx, const xf_val *q = r->query_vals;
               xf_board b, member_board(&c, q, XF_XLSX_MAX_ROWS + 1, &b),
               member_board_xlsx(r, &c, &b))

/* The organization board b of kind, ranked by by, in Excel. */
static void org_board_xlsx(xf_req *r, const xf_ctx *c, const xf_board *b,
                           const char *kind, const char *by)
{
	if (xf_xlsx_rows_fit(r, b->n) != 0)
		return;
	static const char *const heads[] = {
	    "名次",       "组织",     "上级组织", "党员积分", "党员人数",
	    "有积分党员", "人均积分", "组织积分", "名次变化"};
	static const double widths[] = {6, 24, 24, 10, 10, 10, 10, 10, 10};
	const char *const filters[] = {
	    "组织",
	    b->org.name,
	    "期间",
	    b->period,
	    "组织类型",
	    xf_code_label(xf_org_kinds, kind),
	    "排序依据",
	    strcmp(by, "org_points") == 0 ? "组织积分" : "人均积分"};
	board_rows x = {.b = b};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("组织先锋榜", heads, widths, "组织先锋榜.xlsx");
	xf_xlsx_list_reply(r, c->now, &sheet,
	                   xf_arena_printf(&r->arena, "%s%s%s先锋榜",
	                                   b->org.name, b->period,
	                                   xf_code_label(xf_org_kinds, kind)),
	                   filters, 4, b->n, org_cells, &x);
}

/* GET /api/leaderboards/orgs.xlsx?org=&period=&kind=&by=: the 先锋榜 of
 * organizations, the whole ranking. */
XF_CTX_HANDLER(xf_h_leaderboard_orgs_xlsx, const xf_val *q = r->query_vals;
               xf_board b, org_board(&c, q, XF_XLSX_MAX_ROWS + 1, &b),
               org_board_xlsx(r, &c, &b, q[OB_KIND].s, q[OB_BY].s))

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

/* ?year=&period=: without either, this year (the service decides, since
 * each defaults to the other). */
enum { M_YEAR, M_PERIOD };
static const xf_param me_params[] = {
    XF_PARAM_YEAR,
    XF_PARAM_PERIOD,
};
const xf_query_table xf_points_me_query = XF_QUERY_TABLE(me_params);

/* The caller's points page me; c for today's state of its notices. */
static void me_json(xf_jw *w, const xf_points_me *me, xf_ctx *c)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "member_id", me->member_id);
	xf_jw_kstr(w, "name", me->name);
	xf_jw_kstr(w, "year", me->year);
	xf_jw_kint(w, "base", me->base);
	xf_jw_kint(w, "points", me->points);
	xf_jw_kint(w, "total", me->total);
	xf_jw_kbool(w, "vetoed", me->vetoed);
	xf_jw_kstr(w, "period", me->period);
	xf_jw_kint(w, "period_points", me->period_points);
	rank_obj(w, "branch", me->org_id, me->org_name, me->rank_branch);
	rank_obj(w, "unit", me->unit.id, me->unit.name, me->rank_unit);
	xf_jw_key(w, "months");
	xf_jw_arr(w);
	for (int i = 0; i < me->nperiods; i++) {
		if (strlen(me->periods[i].period) != 7)
			continue; /* "2024-07" */
		xf_jw_obj(w);
		xf_jw_kstr(w, "period", me->periods[i].period);
		xf_jw_kint(w, "points", me->periods[i].points);
		xf_jw_kint(w, "entries", me->periods[i].entries);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_key(w, "entries");
	xf_jw_arr(w);
	for (int i = 0; i < me->nentries; i++)
		xf_point_entry_json(w, &me->entries[i]);
	xf_jw_arr_end(w);
	xf_jw_kint(w, "total_entries", me->total_entries);
	xf_jw_key(w, "notices");
	xf_jw_arr(w);
	const char *today = xf_point_notice_today(c);
	for (int i = 0; i < me->nnotices; i++) {
		const xf_point_notice *n = &me->notices[i];
		xf_point_notice_json(w, n, xf_point_notice_state(n, today), 1,
		                     NULL, 0);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

XF_CTX_HANDLER(xf_h_points_me, const xf_val *q = r->query_vals;
               xf_points_me me,
               xf_points_me_read(&c, q[M_YEAR].s, q[M_PERIOD].s, &me),
               XF_ANSWER(r, 200, me_json, &me, &c))
