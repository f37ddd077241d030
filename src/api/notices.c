/*
 * notices.c (api) - /api/point-notices and /api/point-objections:
 * publication (公示) of a frozen 先锋榜 and the objections (异议) to it.
 */
#include "api/notices.h"
#include "api/page.h"
#include "api/points.h"

#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/assessment.h"
#include "domain/orgs.h"
#include "domain/points.h"
#include "model/point_notice.h"
#include "service/notices.h"

#include <string.h>

enum {
	N_ORG,
	N_PERIOD,
	N_KIND,
	N_ORG_KIND,
	N_OPENS,
	N_CLOSES,
	N_TITLE,
	N_LIMIT,
	N_COUNT
};

/* The fields of a 公示 of a points board; the period and the board's
 * kind are required when board is (not for a 公示 of another subject). */
#define NOTICE_FIELDS(board)                                                   \
	{"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "公示组织"},                     \
	    {"period", XF_F_STR, board, 0, 4, 12, NULL, "期间"},               \
	    {"kind",    XF_F_ENUM, board, 0, 0, 0, xf_point_notice_kinds,      \
	     "榜单类型"},                                                      \
	    {"org_kind", XF_F_ENUM, 0, 0, 0, 0, xf_org_kinds, "组织类型"},     \
	    {"opens_on", XF_F_DATE, 0, 0, 0, 0, NULL, "公示开始日期"},         \
	    {"closes_on", XF_F_DATE, 1, 0, 0, 0, NULL, "公示截止日期"},        \
	    {"title", XF_F_STR, 0, 0, 1, 200, NULL, "公示标题"},               \
	{                                                                      \
		"limit", XF_F_INT, 0, 0, 1, XF_NOTICE_MAX_ROWS, NULL,          \
		    "公示条数"                                             \
	}

static const xf_field notice_fields[N_COUNT] = {NOTICE_FIELDS(1)};
const xf_body_table xf_point_notices_create_body = XF_BODY_TABLE(notice_fields);

void xf_api_notice_answer(xf_req *r, xf_ctx *c, int status,
                          const xf_point_notice_full *f)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_point_notice_json(
	    &w, &f->n, xf_point_notice_state(&f->n, xf_point_notice_today(c)),
	    0, f->rows, f->nrows);
	xf_reply_json(r, status);
}

void xf_h_point_notices_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	xf_point_notice_full f;
	xf_period p;
	if (xf_period_parse(v[N_PERIOD].s, &p) != 0) {
		xf_reply_error(r, 422, "invalid_field",
		               "期间应为 2024、2024Q2 或 2024-07 的形式",
		               "period");
		return;
	}
	if (v[N_ORG_KIND].present && strcmp(v[N_KIND].s, "orgs") != 0) {
		xf_reply_error(r, 422, "invalid_field",
		               "只有组织榜单可指定组织类型", "org_kind");
		return;
	}
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_point_notice_input in = {
	    .org_id = v[N_ORG].i,
	    .period = v[N_PERIOD].s,
	    .kind = v[N_KIND].s,
	    .org_kind = v[N_ORG_KIND].present ? v[N_ORG_KIND].s : NULL,
	    .opens_on = v[N_OPENS].present ? v[N_OPENS].s : NULL,
	    .closes_on = v[N_CLOSES].s,
	    .title = v[N_TITLE].present ? v[N_TITLE].s : NULL,
	    .limit = v[N_LIMIT].present ? (int)v[N_LIMIT].i : 0};
	if (!xf_api_failed(r, &c, xf_point_notice_publish(&c, &in, &f)))
		xf_api_notice_answer(r, &c, 201, &f);
}

/* POST /api/notices: 公示 of any subject, {"subject":"points_board", the
 * fields of /api/point-notices} or {"subject":"star_ratings","org_id",
 * "year","opens_on"?,"closes_on","title"?}. */
enum { G_SUBJECT = N_COUNT, G_YEAR, G_COUNT };
static const xf_field any_notice_fields[G_COUNT] = {
    NOTICE_FIELDS(0),
    {"subject", XF_F_ENUM, 1, 0, 0, 0, xf_notice_subjects, "公示事项"},
    {"year", XF_F_INT, 0, 0, 1900, 2200, NULL, "年度"},
};
const xf_body_table xf_notices_create_body = XF_BODY_TABLE(any_notice_fields);

void xf_h_notices_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	if (strcmp(v[G_SUBJECT].s, "points_board") == 0) {
		if (!v[N_PERIOD].present || !v[N_KIND].present) {
			xf_reply_error(r, 422, "invalid_field",
			               "先锋榜公示须给出期间和榜单类型",
			               v[N_PERIOD].present ? "kind" : "period");
			return;
		}
		if (v[G_YEAR].present) {
			xf_reply_error(r, 422, "invalid_field",
			               "先锋榜公示按期间，不用年度", "year");
			return;
		}
		xf_h_point_notices_create(r);
		return;
	}
	static const int not_for_stars[] = {N_PERIOD, N_KIND, N_ORG_KIND,
	                                    N_LIMIT};
	for (size_t i = 0; i < sizeof not_for_stars / sizeof *not_for_stars;
	     i++)
		if (v[not_for_stars[i]].present) {
			xf_reply_error(
			    r, 422, "invalid_field", "星级评定公示不用该字段",
			    any_notice_fields[not_for_stars[i]].name);
			return;
		}
	if (!v[G_YEAR].present) {
		xf_reply_error(r, 422, "invalid_field", "年度不能为空", "year");
		return;
	}
	xf_ctx c;
	xf_point_notice_full f;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_point_notice_input in = {
	    .subject = "star_ratings",
	    .year = (int)v[G_YEAR].i,
	    .org_id = v[N_ORG].i,
	    .opens_on = v[N_OPENS].present ? v[N_OPENS].s : NULL,
	    .closes_on = v[N_CLOSES].s,
	    .title = v[N_TITLE].present ? v[N_TITLE].s : NULL};
	if (!xf_api_failed(r, &c, xf_point_notice_publish(&c, &in, &f)))
		xf_api_notice_answer(r, &c, 201, &f);
}

XF_ID_HANDLER(xf_h_point_notices_get, xf_point_notice_full f,
              xf_point_notice_read(&c, id, &f),
              xf_api_notice_answer(r, &c, 200, &f))

/* ?page=&size=&org= */
const xf_query_table xf_point_notices_list_query =
    XF_QUERY_TABLE(xf_org_page_params);

void xf_h_point_notices_list(xf_req *r)
{
	int offset, limit;
	int64_t org = r->query_vals[XF_QP_ORG].i;
	xf_ctx c;
	xf_point_notice *items;
	int n;
	int64_t total;
	xf_query_page(r, &offset, &limit);
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_point_notice_list(&c, org, offset, limit, &items,
	                                       &n, &total)))
		return;
	const char *today = xf_point_notice_today(&c);
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++)
		xf_point_notice_json(&w, &items[i],
		                     xf_point_notice_state(&items[i], today), 0,
		                     NULL, 0);
	xf_page_end(r, &w, total);
}

static const xf_field objection_fields[] = {
    {"text", XF_F_STR, 1, 0, 1, 1000, NULL, "异议内容"},
    {"member_id", XF_F_ID, 0, 0, 0, 0, NULL, "党员"},
};
const xf_body_table xf_point_objections_create_body =
    XF_BODY_TABLE(objection_fields);

XF_ID_HANDLER(xf_h_point_objections_create, const xf_val *v = r->body_vals;
              xf_point_objection o,
              xf_point_objection_create(&c, id, v[1].present ? v[1].i : 0,
                                        v[0].s, &o),
              XF_ANSWER(r, 201, xf_point_objection_json, &o))

static const xf_field answer_fields[] = {
    {"answer", XF_F_STR, 1, 0, 1, 1000, NULL, "答复"},
    /* an answer's outcome: the statuses after "open" */
    {"outcome", XF_F_ENUM, 1, 0, 0, 0, &xf_point_objection_statuses[1],
     "处理结果"},
};
const xf_body_table xf_point_objections_answer_body =
    XF_BODY_TABLE(answer_fields);

XF_ID_HANDLER(xf_h_point_objections_answer, const xf_val *v = r->body_vals;
              xf_point_objection o,
              xf_point_objection_answer(&c, id, v[0].s, v[1].s, &o),
              XF_ANSWER(r, 200, xf_point_objection_json, &o))

/* ?page=&size= */
const xf_query_table xf_point_objections_list_query =
    XF_QUERY_TABLE(xf_page_params);

XF_ID_LIST_HANDLER(xf_h_point_objections_list, xf_point_objection,
                   xf_point_objection_json,
                   xf_point_objection_list(&c, id, XF_LIST_OUT))
