/*
 * reviews.c (api) - /api/reviews: live review sessions (述职评议): the
 * session with its criteria and presenters, judges, opening and closing
 * presenters, the judges' scores and the results.
 */
#include "api/reviews.h"
#include "api/api.h"
#include "api/bodies.h"
#include "api/page.h"
#include "api/qr.h"
#include "api/xlsx.h"

#include "api/input.h"
#include "base/jw.h"
#include "base/utf8.h"
#include "domain/reviews.h"
#include "http/sse.h"
#include "service/reviews.h"

#include <stdio.h>
#include <string.h>

enum {
	R_TITLE,
	R_ORG,
	R_HELD,
	R_METHOD,
	R_CRITERIA,
	R_PRESENTERS,
	R_GRADES,
	R_COUNT
};
static const xf_field review_fields[R_COUNT] = {
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "评议名称"},
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "组织"},
    {"held_on", XF_F_DATE, 1, 0, 0, 0, NULL, "评议日期"},
    {"method", XF_F_ENUM, 0, 0, 0, 0, xf_review_methods, "计分方法"},
    {"criteria", XF_F_ARRAY, 1, 0, 0, XF_REVIEW_MAX_CRITERIA, NULL, "评分项"},
    {"presenters", XF_F_ARRAY, 1, 0, 0, XF_REVIEW_MAX_PRESENTERS, NULL,
     "述职人"},
    {"grades", XF_F_OBJECT, 0, 0, 0, 0, NULL, "等次分数线"},
};
const xf_body_table xf_reviews_create_body = XF_BODY_TABLE(review_fields);

enum { C_NAME, C_MAX, C_COUNT };
static const xf_field crit_fields[C_COUNT] = {
    {"name", XF_F_STR, 1, 0, 1, 30, NULL, "评分项名称"},
    {"max", XF_F_X10, 1, 0, 1, 1000, NULL, "评分项满分"},
};

enum { P_NAME, P_ORG, P_MEMBER, P_COUNT };
static const xf_field presenter_fields[P_COUNT] = {
    {"name", XF_F_STR, 1, 0, 1, 100, NULL, "述职人"},
    {"org_id", XF_F_ID, 0, 1, 0, 0, NULL, "述职组织"},
    {"member_id", XF_F_ID, 0, 1, 0, 0, NULL, "述职党员"},
};

enum { G_GOOD, G_FAIR, G_PASS, G_COUNT };
static const xf_field grade_fields[G_COUNT] = {
    {"good", XF_F_X10, 1, 0, 0, 1000, NULL, "“好”的分数线"},
    {"fair", XF_F_X10, 1, 0, 0, 1000, NULL, "“较好”的分数线"},
    {"pass", XF_F_X10, 1, 0, 0, 1000, NULL, "“一般”的分数线"},
};

static int64_t opt_id(const xf_val *v)
{
	return v->present && !v->is_null ? v->i : 0;
}

static void answer_full(xf_req *r, int status, const xf_review_full *f)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_review_json_open(&w, &f->r);
	xf_jw_kbool(&w, "chair", f->chair);
	xf_jw_kid(&w, "my_judge_id", f->my_judge_id);
	xf_jw_key(&w, "presenters");
	xf_jw_arr(&w);
	for (int i = 0; i < f->npresenters; i++)
		xf_review_presenter_json(&w, &f->presenters[i]);
	xf_jw_arr_end(&w);
	if (f->my_x10) { /* {"<presenter id>": {"<criterion>": score}} */
		xf_jw_key(&w, "my_scores");
		xf_jw_obj(&w);
		for (int i = 0; i < f->npresenters; i++) {
			char pid[24];
			snprintf(pid, sizeof pid, "%lld",
			         (long long)f->presenters[i].id);
			xf_jw_key(&w, pid);
			xf_jw_obj(&w);
			for (int k = 0; k < f->r.ncrit; k++)
				if (f->my_x10[i][k] >= 0)
					xf_jw_kx10(&w, f->r.crit[k].name,
					           f->my_x10[i][k]);
			xf_jw_obj_end(&w);
		}
		xf_jw_obj_end(&w);
	}
	if (f->judges) {
		xf_jw_key(&w, "judges");
		xf_jw_arr(&w);
		for (int i = 0; i < f->njudges; i++)
			xf_review_judge_json(&w, &f->judges[i]);
		xf_jw_arr_end(&w);
	}
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

void xf_h_reviews_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_review_input in = {0};
	json_t *crit = v[R_CRITERIA].j, *pres = v[R_PRESENTERS].j;
	in.ncrit = (int)json_array_size(crit);
	in.npresenters = (int)json_array_size(pres);
	if (in.ncrit < 1 || in.npresenters < 1) {
		xf_reply_error(r, 422, "invalid_field",
		               in.ncrit < 1 ? "评分项不能为空"
		                            : "述职人不能为空",
		               in.ncrit < 1 ? "criteria" : "presenters");
		return;
	}
	for (int i = 0; i < in.ncrit; i++) {
		xf_val cv[C_COUNT];
		char *at = xf_arena_printf(&r->arena, "criteria[%d]", i);
		if (xf_input_object(r, json_array_get(crit, (size_t)i),
		                    crit_fields, C_COUNT, cv, at) != 0)
			return;
		for (int k = 0; k < i; k++)
			if (strcmp(in.crit[k].name, cv[C_NAME].s) == 0) {
				xf_reply_error(r, 422, "invalid_field",
				               "评分项名称重复", at);
				return;
			}
		in.crit[i] =
		    (xf_review_criterion){cv[C_NAME].s, (int)cv[C_MAX].i};
	}
	xf_presenter_input *ps =
	    xf_arena_calloc(&r->arena, (size_t)in.npresenters, sizeof *ps);
	if (!ps) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return;
	}
	for (int i = 0; i < in.npresenters; i++) {
		xf_val pv[P_COUNT];
		char *at = xf_arena_printf(&r->arena, "presenters[%d]", i);
		if (xf_input_object(r, json_array_get(pres, (size_t)i),
		                    presenter_fields, P_COUNT, pv, at) != 0)
			return;
		ps[i] = (xf_presenter_input){pv[P_NAME].s, opt_id(&pv[P_ORG]),
		                             opt_id(&pv[P_MEMBER])};
	}
	in.presenters = ps;
	if (v[R_GRADES].present) {
		xf_val gv[G_COUNT];
		if (xf_input_object(r, v[R_GRADES].j, grade_fields, G_COUNT, gv,
		                    "grades") != 0)
			return;
		in.has_grades = 1;
		for (int k = 0; k < 3; k++)
			in.grades_x10[k] = (int)gv[k].i;
	}
	xf_ctx c;
	xf_review_full f;
	if (xf_api_ctx(r, &c) != 0)
		return;
	in.org_id = v[R_ORG].i;
	in.title = v[R_TITLE].s;
	in.held_on = v[R_HELD].s;
	in.method = v[R_METHOD].present ? v[R_METHOD].s : "mean";
	if (!xf_api_failed(r, &c, xf_review_create(&c, &in, &f)))
		answer_full(r, 201, &f);
}

XF_ID_HANDLER(xf_h_reviews_get, xf_review_full f, xf_review_read(&c, id, &f),
              answer_full(r, 200, &f))

const xf_query_table xf_reviews_list_query = XF_QUERY_TABLE(xf_page_params);

/* An item of the list: the review's own fields. */
static void review_item(xf_jw *w, const xf_review *v)
{
	xf_review_json_open(w, v);
	xf_jw_obj_end(w);
}

XF_LIST_HANDLER(xf_h_reviews_list, xf_review, review_item,
                xf_review_list(&c, XF_LIST_OUT))

enum { J_USERS, J_WEIGHT, J_ROLE, J_CODES, J_COUNT };
static const xf_field judge_fields[J_COUNT] = {
    {"user_ids", XF_F_ARRAY, 0, 0, 1, XF_REVIEW_MAX_JUDGES, NULL, "评委"},
    {"weight", XF_F_INT, 0, 0, 1, 10, NULL, "权重"},
    {"weight_role", XF_F_STR, 0, 1, 1, 30, NULL, "评委类别"},
    {"codes", XF_F_INT, 0, 0, 1, 200, NULL, "评委码数量"},
};
const xf_body_table xf_reviews_judges_body = XF_BODY_TABLE(judge_fields);

void xf_h_reviews_judges_add(xf_req *r)
{
	const xf_val *v = r->body_vals;
	int64_t id;
	if (xf_input_path_id(r, 0, &id) != 0)
		return;
	if (v[J_USERS].present == v[J_CODES].present) {
		xf_reply_error(
		    r, 422, "invalid_field",
		    "请给出受邀用户（user_ids）或评委码数量（codes）之一",
		    "user_ids");
		return;
	}
	int weight = v[J_WEIGHT].present ? (int)v[J_WEIGHT].i : 1;
	const char *role =
	    v[J_ROLE].present && !v[J_ROLE].is_null ? v[J_ROLE].s : NULL;
	if (v[J_CODES].present) {
		xf_ctx c;
		xf_review_full f;
		if (xf_api_ctx(r, &c) != 0)
			return;
		if (xf_review_codes_add(&c, id, (int)v[J_CODES].i, weight, role,
		                        &f) != XF_OK)
			xf_api_fail(r, &c);
		else
			answer_full(r, 200, &f);
		return;
	}
	int64_t *ids =
	    xf_input_calloc(r, json_array_size(v[J_USERS].j), sizeof *ids);
	int n =
	    ids ? xf_input_ids(r, v[J_USERS].j, "user_ids", "评委", ids) : -1;
	if (n < 0)
		return;
	xf_ctx c;
	xf_review_full f;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (!xf_api_failed(r, &c,
	                   xf_review_judges_add(
	                       &c, id, ids, n,
	                       v[J_WEIGHT].present ? (int)v[J_WEIGHT].i : 1,
	                       xf_val_str(&v[J_ROLE]), &f)))
		answer_full(r, 200, &f);
}

XF_ID2_HANDLER(xf_h_reviews_presenter_open, xf_review_presenter p,
               xf_review_presenter_open(&c, id, id2, &p),
               XF_ANSWER(r, 200, xf_review_presenter_json, &p))

enum { K_RECT, K_COUNT };
static const xf_field close_fields[K_COUNT] = {
    {"rectification", XF_F_STR, 0, 1, 0, 5000, NULL, "整改清单"},
};
const xf_body_table xf_reviews_presenter_close_body =
    XF_OPTIONAL_BODY_TABLE(close_fields);

XF_ID2_HANDLER(xf_h_reviews_presenter_close, const xf_val *v = r->body_vals;
               xf_review_presenter p,
               xf_review_presenter_close(&c, id, id2, xf_val_str(&v[K_RECT]),
                                         &p),
               XF_ANSWER(r, 200, xf_review_presenter_json, &p))

enum { S_SCORES, S_COUNT };
static const xf_field score_fields[S_COUNT] = {
    {"scores", XF_F_OBJECT, 1, 0, 0, 0, NULL, "评分"},
};
const xf_body_table xf_reviews_scores_body = XF_BODY_TABLE(score_fields);

XF_ID2_READ_HANDLER(xf_h_reviews_scores_put,
                    const char *names[XF_REVIEW_MAX_CRITERIA];
                    int vals[XF_REVIEW_MAX_CRITERIA];
                    int n,
                    (n = xf_input_scores(r, r->body_vals[S_SCORES].j, "scores",
                                         XF_REVIEW_MAX_CRITERIA, names, vals)) <
                        0,
                    xf_review_score(&c, id, id2, names, vals, n), xf_api_ok(r))

XF_ID_HANDLER(xf_h_reviews_close, xf_review_full f, xf_review_close(&c, id, &f),
              answer_full(r, 200, &f))

/* The results of the session in the path; 0, or -1 with the answer
 * written. */
static int load_results(xf_req *r, xf_review_full *f, xf_review_row **rows,
                        int *n)
{
	xf_ctx c;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return -1;
	if (xf_api_failed(r, &c, xf_review_results(&c, id, f, rows, n)))
		return -1;
	return 0;
}

void xf_h_reviews_results(xf_req *r)
{
	xf_review_full f;
	xf_review_row *rows;
	int n;
	if (load_results(r, &f, &rows, &n) != 0)
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "review_id", f.r.id);
	xf_jw_kstr(&w, "state", f.r.state);
	xf_jw_kstr(&w, "method", f.r.method);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++)
		xf_review_row_json(&w, &rows[i], f.r.ncrit);
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "total", n);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* GET /api/reviews/{id}/events: the session's live events (SSE): open
 * (a presenter opened), scored (how many judges scored it), closed (its
 * result and the ranking so far), ended (the session closed). */
void xf_h_reviews_events(xf_req *r)
{
	xf_ctx c;
	xf_review_full f;
	int64_t id;
	if (xf_input_path_id(r, 0, &id) != 0 || xf_api_ctx(r, &c) != 0)
		return;
	if (xf_review_read(&c, id, &f) != XF_OK) {
		xf_api_fail(r, &c);
		return;
	}
	char ch[40];
	snprintf(ch, sizeof ch, "review:%lld", (long long)id);
	xf_reply_events(r, ch);
}

/* POST /api/reviews/join {"code"}: an outside judge's one-time code opens
 * a session of its judge account (the cookie, and the token). */
enum { JN_CODE, JN_COUNT };
static const xf_field join_fields[JN_COUNT] = {
    {"code", XF_F_STR, 1, 0, 1, 32, NULL, "评委码"},
};
const xf_body_table xf_reviews_join_body = XF_BODY_TABLE(join_fields);

void xf_h_reviews_join(xf_req *r)
{
	xf_ctx c;
	xf_review_judge j;
	const char *token, *csrf;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_review_join(&c, r->body_vals[JN_CODE].s, &j, &token, &csrf) !=
	    XF_OK) {
		xf_api_fail(r, &c);
		return;
	}
	xf_jw w;
	xf_api_session_begin(r, &w, j.username, token, csrf);
	xf_jw_kint(&w, "review_id", j.review_id);
	xf_jw_kint(&w, "judge_id", j.id);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* GET /api/reviews/{id}/judges/{jid}/qr.svg: the QR code of an outside
 * judge's code, a link to the judge page on this server. */
void xf_h_reviews_judge_qr(xf_req *r)
{
	xf_ctx c;
	xf_review_full f;
	int64_t id, jid;
	if (xf_input_path_id(r, 0, &id) != 0 ||
	    xf_input_path_id(r, 1, &jid) != 0 || xf_api_ctx(r, &c) != 0)
		return;
	if (xf_review_read(&c, id, &f) != XF_OK) {
		xf_api_fail(r, &c);
		return;
	}
	const xf_review_judge *j = NULL;
	for (int i = 0; f.chair && i < f.njudges; i++)
		if (f.judges[i].id == jid && f.judges[i].code)
			j = &f.judges[i];
	if (!j) {
		xf_reply_error(r, 404, "not_found", "评委码不存在", NULL);
		return;
	}
	const char *host = xf_req_header(r, "Host");
	char *url = xf_arena_printf(
	    &r->arena, "http://%s/reviews/join?code=%s",
	    host && xf_qr_host_ok(host) ? host : "127.0.0.1", j->code);
	if (!url || xf_qr_svg(&r->out, url) != 0) {
		xf_reply_error(r, 500, "internal", "生成二维码失败", NULL);
		return;
	}
	r->status = 200;
	r->content_type = "image/svg+xml";
}

/* ---- the results in Excel ---------------------------------------------- */

typedef struct results_sheet {
	const xf_review_full *f;
	const xf_review_row *rows;
} results_sheet;

static void result_cells(void *arg, int i, xf_xlsx_cell *c)
{
	const results_sheet *s = arg;
	const xf_review_row *row = &s->rows[i];
	int nc = s->f->r.ncrit;
	c[0] = (xf_xlsx_cell){NULL, row->rank, 0};
	c[1] = (xf_xlsx_cell){row->p->name, 0, -1};
	c[2] = (xf_xlsx_cell){row->p->org_name, 0, -1};
	for (int k = 0; k < nc; k++)
		c[3 + k] =
		    row->crit_x10[k] < 0
		        ? (xf_xlsx_cell){"", 0, -1}
		        : (xf_xlsx_cell){NULL, row->crit_x10[k] / 10.0, 1};
	c[3 + nc] = (xf_xlsx_cell){NULL, row->total_x10 / 10.0, 1};
	c[4 + nc] = (xf_xlsx_cell){NULL, row->spread_x10 / 10.0, 1};
	c[5 + nc] = (xf_xlsx_cell){NULL, row->judges, 0};
	c[6 + nc] = (xf_xlsx_cell){row->grade_title, 0, -1};
	c[7 + nc] = (xf_xlsx_cell){row->p->rectification, 0, -1};
}

/* GET /api/reviews/{id}/results.xlsx: the results table as in the app. */
void xf_h_reviews_results_xlsx(xf_req *r)
{
	xf_review_full f;
	xf_review_row *rows;
	int n;
	if (load_results(r, &f, &rows, &n) != 0)
		return;
	int nc = f.r.ncrit, ncols = 8 + nc;
	const char **heads =
	    xf_arena_calloc(&r->arena, (size_t)ncols, sizeof *heads);
	double *widths =
	    xf_arena_calloc(&r->arena, (size_t)ncols, sizeof *widths);
	if (!heads || !widths) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return;
	}
	static const char *const fixed[] = {"名次", "述职人", "所在组织"};
	for (int j = 0; j < 3; j++)
		heads[j] = fixed[j];
	for (int k = 0; k < nc; k++)
		heads[3 + k] =
		    xf_arena_printf(&r->arena, "%s（%.1f分）", f.r.crit[k].name,
		                    f.r.crit[k].max_x10 / 10.0);
	heads[3 + nc] = "总分";
	heads[4 + nc] = "极差";
	heads[5 + nc] = "评委数";
	heads[6 + nc] = "等次";
	heads[7 + nc] = "整改清单";
	for (int j = 0; j < ncols; j++)
		widths[j] = j == 1 || j == 2 ? 18 : j == ncols - 1 ? 30 : 10;
	results_sheet arg = {&f, rows};
	xf_xlsx_table t = {.sheet = "评议结果",
	                   .title = f.r.title,
	                   .subtitle = xf_arena_printf(
	                       &r->arena, "%s　%s　计分方法：%s", f.r.org_name,
	                       f.r.held_on,
	                       xf_code_label(xf_review_methods, f.r.method)),
	                   .headers = heads,
	                   .widths = widths,
	                   .ncols = ncols,
	                   .nrows = n,
	                   .row = result_cells,
	                   .arg = &arg};
	xf_xlsx_reply(r,
	              xf_arena_printf(&r->arena, "%s评议结果.xlsx", f.r.title),
	              "评议结果.xlsx", "评议结果", xf_xlsx_table_write, &t);
}

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_reviews_bodies[] = {
    XF_BODY("POST /api/reviews", "criteria[]", crit_fields),
    XF_BODY("POST /api/reviews", "presenters[]", presenter_fields),
    XF_BODY("POST /api/reviews", "grades", grade_fields),
    {0},
};
