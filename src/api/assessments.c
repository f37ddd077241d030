/*
 * assessments.c (api) - /api/assessments: the index (硬核指数) board, one
 * organization's index explained, the committee's scores; and
 * /api/star-ratings: 星级评定 from self-assessment to decision, and the
 * year's star figure.
 */
#include "api/assessments.h"
#include "api/api.h"
#include "api/page.h"
#include "api/xlsx.h"

#include "api/input.h"
#include "base/jw.h"
#include "domain/assessment.h"
#include "domain/orgs.h"
#include "service/assessments.h"
#include "service/star_ratings.h"

#include <stdio.h>
#include <string.h>

/* ?org=&year=&kind= */
enum { A_KIND = XF_QN_YEAR + 1 };
static const xf_param board_params[] = {
    XF_PARAMS_ORG_YEAR_NOW,
    XF_PARAM_CODE("kind", xf_org_kinds, "组织类型"),
};
const xf_query_table xf_assessments_list_query = XF_QUERY_TABLE(board_params);

/* The board of the checked query; 0, or -1 with the answer written. */
static int load_board(xf_req *r, xf_assessment_board *b)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return -1;
	if (xf_api_failed(r, &c,
	                  xf_assessment_board_get(
	                      &c, q[XF_QN_ORG].i, (int)q[XF_QN_YEAR].i,
	                      q[A_KIND].present ? q[A_KIND].s : NULL, b)))
		return -1;
	return 0;
}

void xf_h_assessments_list(xf_req *r)
{
	xf_assessment_board b;
	if (load_board(r, &b) != 0)
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < b.n; i++)
		xf_assessment_row_json(&w, &b.items[i]);
	xf_page_items_end(&w, b.n);
	xf_jw_kint(&w, "year", b.year);
	xf_jw_kstr(&w, "kind", b.kind);
	xf_jw_kid(&w, "org_id", b.root.id);
	xf_jw_kstr(&w, "org_name", b.root.name);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

static void board_cells(void *arg, int i, xf_xlsx_cell *c)
{
	const xf_assessment *x = &((const xf_assessment_board *)arg)->items[i];
	static const char *const stars[] = {"",    "★",    "★★",
	                                    "★★★", "★★★★", "★★★★★"};
	c[0] = (xf_xlsx_cell){NULL, x->rank, 0};
	c[1] = (xf_xlsx_cell){x->org_name, 0, -1};
	c[2] = (xf_xlsx_cell){x->org_parent_name, 0, -1};
	c[3] = (xf_xlsx_cell){NULL, x->score_x10 / 10.0, 1};
	c[4] = (xf_xlsx_cell){NULL, x->scored_x10 / 10.0, 1};
	c[5] = (xf_xlsx_cell){NULL, x->bonus_x10 / 10.0, 1};
	c[6] = (xf_xlsx_cell){NULL, x->deduction_x10 / 10.0, 1};
	c[7] = (xf_xlsx_cell){
	    stars[x->stars >= 1 && x->stars <= 5 ? x->stars : 0], 0, -1};
	c[8] = (xf_xlsx_cell){x->vetoed ? "是" : "", 0, -1};
	c[9] =
	    x->has_prev
	        ? (xf_xlsx_cell){NULL,
	                         (x->score_x10 - x->prev_score_x10) / 10.0, 1}
	        : (xf_xlsx_cell){"", 0, -1};
}

/* GET /api/assessments.xlsx?org=&year=&kind=: the board in Excel. */
void xf_h_assessments_xlsx(xf_req *r)
{
	xf_assessment_board b;
	if (load_board(r, &b) != 0)
		return;
	static const char *const heads[] = {
	    "名次", "组织", "上级组织", "总分",     "基础分",
	    "加分", "扣分", "星级",     "一票否决", "较上年"};
	static const double widths[] = {8, 24, 24, 10, 10, 8, 8, 12, 10, 10};
	xf_xlsx_table t = {
	    .sheet = "硬核指数",
	    .title = xf_arena_printf(&r->arena, "%s%d年度硬核指数排名",
	                             b.root.name, b.year),
	    .subtitle =
	        b.kind ? xf_code_label(xf_org_kinds, b.kind) : "全部组织",
	    .headers = heads,
	    .widths = widths,
	    .ncols = 10,
	    .nrows = b.n,
	    .row = board_cells,
	    .arg = &b};
	xf_xlsx_reply(r,
	              xf_arena_printf(&r->arena, "%s%d年度硬核指数.xlsx",
	                              b.root.name, b.year),
	              "硬核指数.xlsx", "硬核指数", xf_xlsx_table_write, &t);
}

static int path_year(xf_req *r, int i, int *year)
{
	int64_t y;
	if (xf_parse_id(r->param[i], 9999, &y) != 0 || y < 1900 || y > 2200) {
		xf_reply_error(r, 404, "not_found", "年度不正确", NULL);
		return -1;
	}
	*year = (int)y;
	return 0;
}

static void write_result(xf_jw *w, const xf_indicator *d,
                         const xf_ind_result *res, const xf_evidence_item *ev,
                         int nev)
{
	xf_indicator_json_open(w, d, xf_code_label(xf_indicator_kinds, d->kind),
	                       xf_code_label(xf_assessment_sources, d->source));
	xf_jw_key(w, "raw");
	if (res->has_raw) {
		char b[40];
		snprintf(b, sizeof b, "%.2f", res->raw);
		xf_jw_raw(w, b);
	} else
		xf_jw_null(w);
	xf_jw_kbool(w, "no_data", res->no_data);
	xf_jw_kx10(w, "points", d->k == XF_IND_VETO ? 0 : res->points_x10);
	xf_jw_kx10(w, "lost", res->lost_x10);
	if (d->k == XF_IND_VETO)
		xf_jw_kbool(w, "vetoed", res->set);
	if (res->peers) {
		xf_jw_kint(w, "rank", res->rank);
		xf_jw_kint(w, "peers", res->peers);
	}
	xf_jw_key(w, "score");
	if (res->score)
		xf_assessment_score_json(w, res->score);
	else
		xf_jw_null(w);
	xf_jw_key(w, "records");
	xf_jw_arr(w);
	for (int i = 0; i < nev; i++) {
		xf_jw_obj(w);
		xf_jw_kstr(w, "kind", ev[i].kind);
		xf_jw_kstr(w, "title", ev[i].title);
		xf_jw_kstr(w, "period", ev[i].period);
		xf_jw_kid(w, "ref_id", ev[i].ref_id);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

void xf_h_assessments_get(xf_req *r)
{
	xf_ctx c;
	int64_t org;
	int year;
	xf_assessment_detail d;
	if (xf_input_path_id(r, 0, &org) != 0 || path_year(r, 1, &year) != 0 ||
	    xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c, xf_assessment_detail_get(&c, org, year, &d)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "org_id", d.org.id);
	xf_jw_kstr(&w, "org_name", d.org.name);
	xf_jw_kstr(&w, "org_kind", d.org.kind);
	xf_jw_kint(&w, "year", year);
	if (!d.scheme) {
		xf_jw_key(&w, "scheme");
		xf_jw_null(&w);
		xf_jw_obj_end(&w);
		xf_reply_json(r, 200);
		return;
	}
	xf_jw_key(&w, "scheme");
	xf_scheme_json_open(&w, d.scheme);
	xf_jw_obj_end(&w);
	xf_jw_kx10(&w, "score", d.x.score_x10);
	xf_jw_kx10(&w, "scored", d.x.scored_x10);
	xf_jw_kx10(&w, "bonus", d.x.bonus_x10);
	xf_jw_kx10(&w, "deduction", d.x.deduction_x10);
	xf_jw_kint(&w, "stars", d.x.stars);
	xf_jw_kbool(&w, "capped", d.x.capped);
	xf_jw_kbool(&w, "vetoed", d.x.vetoed);
	xf_jw_key(&w, "indicators");
	xf_jw_arr(&w);
	for (int k = 0; k < d.scheme->nind; k++)
		write_result(&w, &d.scheme->ind[k], &d.x.res[k], d.ev[k],
		             d.nev[k]);
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

enum { SC_CODE, SC_POINTS, SC_REASON, SC_COUNT };
static const xf_field score_fields[SC_COUNT] = {
    {"code", XF_F_STR, 1, 0, 1, XF_IND_CODE_MAX, NULL, "指标编码"},
    {"points", XF_F_X10, 1, 0, 0, 1000, NULL, "分值"},
    {"reason", XF_F_STR, 1, 0, 1, 1000, NULL, "评分理由"},
};
const xf_body_table xf_assessments_scores_body = XF_BODY_TABLE(score_fields);

void xf_h_assessments_scores_put(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	int64_t org;
	int year;
	xf_assessment_score s;
	if (xf_input_path_id(r, 0, &org) != 0 || path_year(r, 1, &year) != 0 ||
	    xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_assessment_score_set(&c, org, year, v[SC_CODE].s,
	                                          (int)v[SC_POINTS].i,
	                                          v[SC_REASON].s, &s)))
		return;
	XF_ANSWER(r, 200, xf_assessment_score_json, &s);
}

/* ---- star ratings ----------------------------------------------------- */

enum { R_ORG, R_YEAR, R_CLAIMED, R_NOTE, R_EVIDENCE, R_COUNT };
static const xf_field rating_fields[R_COUNT] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "申报组织"},
    {"year", XF_F_INT, 1, 0, 1900, 2200, NULL, "年度"},
    {"claimed", XF_F_INT, 1, 0, 1, 5, NULL, "自评星级"},
    {"note", XF_F_STR, 0, 1, 0, 2000, NULL, "自评说明"},
    {"evidence", XF_F_ARRAY, 0, 1, 0, XF_EVIDENCE_MAX, NULL, "佐证材料"},
};
const xf_body_table xf_star_ratings_create_body = XF_BODY_TABLE(rating_fields);

void xf_h_star_ratings_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	xf_star_rating s;
	json_t *ev = v[R_EVIDENCE].present && !v[R_EVIDENCE].is_null
	                 ? v[R_EVIDENCE].j
	                 : NULL;
	int nev = ev ? (int)json_array_size(ev) : 0;
	const char **texts =
	    xf_arena_calloc(&r->arena, (size_t)nev + 1, sizeof *texts);
	if (!texts) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return;
	}
	static const xf_field ev_field = {"evidence", XF_F_STR, 1,         0, 1,
	                                  500,        NULL,     "佐证材料"};
	for (int i = 0; i < nev; i++) {
		xf_val t;
		char *p = xf_arena_printf(&r->arena, "evidence[%d]", i);
		if (xf_input_value(r, &ev_field, json_array_get(ev, (size_t)i),
		                   &t, p) != 0)
			return;
		texts[i] = t.s;
	}
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (!xf_api_failed(
	        r, &c,
	        xf_star_rating_create(&c, v[R_ORG].i, (int)v[R_YEAR].i,
	                              (int)v[R_CLAIMED].i,
	                              xf_val_str(&v[R_NOTE]), texts, nev, &s)))
		XF_ANSWER(r, 201, xf_star_rating_json, &s);
}

enum { V_STARS, V_REASON, V_VISIT, V_COUNT };
static const xf_field review_fields[V_COUNT] = {
    {"stars", XF_F_INT, 1, 0, 1, 5, NULL, "评定星级"},
    {"reason", XF_F_STR, 0, 1, 0, 2000, NULL, "评定理由"},
    {"visit_notes", XF_F_STR, 0, 1, 0, 5000, NULL, "实地察看记录"},
};
const xf_body_table xf_star_ratings_review_body = XF_BODY_TABLE(review_fields);

XF_ID_HANDLER(xf_h_star_ratings_review, const xf_val *v = r->body_vals;
              xf_star_rating s,
              xf_star_rating_review(&c, id, (int)v[V_STARS].i,
                                    xf_val_str(&v[V_REASON]),
                                    xf_val_str(&v[V_VISIT]), &s),
              XF_ANSWER(r, 200, xf_star_rating_json, &s))

XF_ID_HANDLER(xf_h_star_ratings_decide, xf_star_rating s,
              xf_star_rating_decide(&c, id, &s),
              XF_ANSWER(r, 200, xf_star_rating_json, &s))

XF_ID_HANDLER(xf_h_star_ratings_get, xf_star_rating s,
              xf_star_rating_get(&c, id, &s),
              XF_ANSWER(r, 200, xf_star_rating_json, &s))

/* ?page=&size=&org=&year=&state= */
enum { L_STATE = XF_QP_YEAR + 1 };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_YEAR_PAGE,
    XF_PARAM_CODE("state", xf_star_rating_states, "状态"),
};
const xf_query_table xf_star_ratings_list_query = XF_QUERY_TABLE(list_params);

XF_LIST_HANDLER(xf_h_star_ratings_list, xf_star_rating, xf_star_rating_json,
                xf_star_rating_list(&c, q[XF_QP_ORG].i, (int)q[XF_QP_YEAR].i,
                                    q[L_STATE].present ? q[L_STATE].s : NULL,
                                    XF_LIST_OUT))

/* ?org=&year= */
const xf_query_table xf_star_ratings_summary_query =
    XF_QUERY_TABLE(xf_org_needed_year_now_params);

static void by_stars(xf_jw *w, const int *by)
{
	xf_jw_key(w, "by_stars");
	xf_jw_obj(w);
	for (int s = 1; s <= 5; s++) {
		char k[2] = {(char)('0' + s), 0};
		xf_jw_kint(w, k, by[s]);
	}
	xf_jw_obj_end(w);
}

/* {"org_id","org_name","year","orgs","by_stars","four_plus",
 * "four_plus_share","by_child":[…],"items":[…]} of summary s. */
static void summary_json(xf_jw *w, const xf_star_summary *s)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "org_id", s->org_id);
	xf_jw_kstr(w, "org_name", s->org_name);
	xf_jw_kint(w, "year", s->year);
	xf_jw_kint(w, "orgs", s->orgs);
	by_stars(w, s->by_stars);
	xf_jw_kint(w, "four_plus", s->four_plus);
	xf_jw_kx10(w, "four_plus_share", s->four_plus_share_x10);
	xf_jw_key(w, "by_child");
	xf_jw_arr(w);
	for (int k = 0; k < s->nchildren; k++) {
		const xf_star_child *ch = &s->children[k];
		xf_jw_obj(w);
		xf_jw_kint(w, "org_id", ch->org_id);
		xf_jw_kstr(w, "org_name", ch->name);
		xf_jw_kint(w, "orgs", ch->orgs);
		by_stars(w, ch->by_stars);
		xf_jw_kint(w, "four_plus", ch->four_plus);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_key(w, "items");
	xf_jw_arr(w);
	for (int i = 0; i < s->nitems; i++) {
		xf_jw_obj(w);
		xf_jw_kint(w, "org_id", s->items[i].org_id);
		xf_jw_kstr(w, "org_name", s->items[i].org_name);
		xf_jw_kint(w, "stars", s->items[i].decided_stars);
		xf_jw_kid(w, "child_id", s->child_of[i]);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

XF_CTX_HANDLER(xf_h_star_ratings_summary, const xf_val *q = r->query_vals;
               xf_star_summary s,
               xf_star_summary_get(&c, q[XF_QN_ORG].i, (int)q[XF_QN_YEAR].i,
                                   &s),
               XF_ANSWER(r, 200, summary_json, &s))
