/*
 * compliance.c (api) - /api/compliance (status of each organization of a
 * subtree for a period), /api/compliance/board (the quarterly supervision
 * board, 季度督导; in Excel as /api/compliance/board.xlsx) and
 * /api/compliance/rules (the required frequencies).
 */
#include "api/meetings.h"
#include "api/page.h"
#include "api/xlsx.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/compliance.h"
#include "api/input.h"
#include "base/jw.h"
#include "domain/orgs.h"
#include "model/fields.h"
#include "service/compliance.h"

#include <stdio.h>
#include <string.h>

/* Writes key: a percentage with one decimal, or null when den is 0. */
void xf_api_rate(xf_jw *w, const char *key, int64_t num, int64_t den)
{
	char s[32];
	xf_jw_key(w, key);
	if (den <= 0) {
		xf_jw_null(w);
		return;
	}
	snprintf(s, sizeof s, "%.1f", 100.0 * num / den);
	xf_jw_raw(w, s);
}

/* Writes key: the names of the kinds in mask (and first_topic). */
void xf_compliance_kinds_json(xf_jw *w, const char *key, unsigned mask)
{
	xf_jw_key(w, key);
	xf_jw_arr(w);
	for (int k = 0; k < XF_MK_COUNT; k++)
		if (mask & (1u << k))
			xf_jw_str(w, xf_meeting_kind_name(k));
	if (mask & XF_MISSING_FIRST_TOPIC)
		xf_jw_str(w, "first_topic");
	xf_jw_arr_end(w);
}

/* ?org=&period= of the report and the board: this quarter by default. */
enum { Q_ORG, Q_PERIOD };
static const xf_param report_params[] = {
    XF_PARAM_ORG,
    {.name = "period",
     .type = XF_Q_PERIOD,
     .label = "期间",
     .now = XF_NOW_QUARTER},
};
const xf_query_table xf_compliance_query = XF_QUERY_TABLE(report_params);

static void head(xf_jw *w, const xf_compliance_report *rep)
{
	char p[12], today[11];
	xf_period_format(rep->period, p);
	xf_date_format(rep->today, today);
	xf_jw_kstr(w, "period", p);
	xf_jw_kint(w, "org_id", rep->root->id);
	xf_jw_kstr(w, "org_name", rep->root->name);
	xf_jw_kstr(w, "today", today);
}

/* The organization of a row. */
static const xf_jfield row_org_fields[] = {
    XF_JF(I64, xf_org, "org_id", id),
    XF_JF(STR, xf_org, "org_name", name),
    XF_JF(STR, xf_org, "org_kind", kind),
};

void xf_h_compliance(xf_req *r)
{
	xf_ctx c;
	xf_compliance_report rep;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_compliance_for(&c, r->query_vals[Q_ORG].i,
	                                    r->query_vals[Q_PERIOD].s, &rep)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	head(&w, &rep);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < rep.n; i++) {
		const xf_compliance_item *it = &rep.items[i];
		xf_jw_obj(&w);
		XF_JW_FIELDS(&w, it->org, row_org_fields);
		xf_jw_kid(&w, "parent_id", it->org->parent_id);
		xf_jw_kstr(&w, "status",
		           xf_compliance_status_name(it->c.status));
		xf_compliance_kinds_json(&w, "missing", it->c.missing);
		xf_compliance_kinds_json(&w, "late", it->c.late);
		xf_compliance_kinds_json(&w, "pending", it->c.pending);
		xf_jw_key(&w, "days_left");
		if (it->c.status == XF_CS_DUE)
			xf_jw_int(&w, it->c.days_left);
		else
			xf_jw_null(&w);
		xf_jw_kint(&w, "required", it->c.required);
		xf_jw_kint(&w, "held", it->c.held);
		xf_jw_kint(&w, "held_late", it->c.held_late);
		xf_jw_kint(&w, "first_topic_meetings", it->c.ft_meetings);
		xf_jw_kint(&w, "first_topic_recorded", it->c.ft_recorded);
		xf_jw_obj_end(&w);
	}
	xf_page_end(r, &w, rep.n);
}

void xf_compliance_sum_json(xf_jw *w, const xf_compliance_sum *s)
{
	xf_jw_kint(w, "orgs", s->orgs);
	xf_jw_kint(w, "green", s->green);
	xf_jw_kint(w, "yellow", s->yellow);
	xf_jw_kint(w, "due", s->due);
	xf_jw_kint(w, "red", s->red);
	xf_jw_kint(w, "required", s->required);
	xf_jw_kint(w, "held", s->held);
	xf_jw_kint(w, "held_late", s->held_late);
	xf_api_rate(w, "rate", s->held, s->required);
	xf_api_rate(w, "on_time_rate", s->held - s->held_late, s->required);
	xf_jw_kint(w, "sanhui_required", s->sanhui_required);
	xf_jw_kint(w, "sanhui_held", s->sanhui_held);
	xf_api_rate(w, "sanhui_rate", s->sanhui_held, s->sanhui_required);
	xf_jw_kint(w, "first_topic_meetings", s->ft_meetings);
	xf_jw_kint(w, "first_topic_recorded", s->ft_recorded);
	xf_api_rate(w, "first_topic_rate", s->ft_recorded, s->ft_meetings);
}

/* The board of the query's organization and period in *b, its period as
 * text in p; 0, or -1 with the answer written. */
static int load_board(xf_req *r, xf_ctx *c, xf_supervision *b, char p[12])
{
	if (xf_api_ctx(r, c) != 0 ||
	    xf_api_failed(r, c,
	                  xf_compliance_board(c, r->query_vals[Q_ORG].i,
	                                      r->query_vals[Q_PERIOD].s, b)))
		return -1;
	xf_period_format(b->report.period, p);
	return 0;
}

void xf_h_compliance_board(xf_req *r)
{
	xf_ctx c;
	xf_supervision b;
	char p[12];
	if (load_board(r, &c, &b, p) != 0)
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	head(&w, &b.report);
	xf_jw_key(&w, "totals");
	xf_jw_obj(&w);
	xf_compliance_sum_json(&w, &b.total);
	xf_jw_obj_end(&w);
	xf_jw_key(&w, "rows");
	xf_jw_arr(&w);
	for (int i = 0; i < b.nrows; i++) {
		const xf_supervision_row *row = &b.rows[i];
		xf_jw_obj(&w);
		XF_JW_FIELDS(&w, row->org, row_org_fields);
		xf_jw_kbool(&w, "self", row->self);
		xf_compliance_sum_json(&w, &row->sum);
		char *link = xf_arena_printf(
		    &r->arena, "/api/compliance?org=%lld&period=%s",
		    (long long)row->org->id, p);
		xf_jw_kstr(&w, "link", link);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "lagging");
	xf_jw_arr(&w);
	for (int i = 0; i < b.nlagging; i++) {
		const xf_compliance_item *it = b.lagging[i];
		xf_jw_obj(&w);
		XF_JW_FIELDS(&w, it->org, row_org_fields);
		xf_jw_kid(&w, "parent_id", it->org->parent_id);
		xf_compliance_kinds_json(&w, "missing", it->c.missing);
		char *link = xf_arena_printf(&r->arena,
		                             "/api/meetings?org=%lld&period=%s",
		                             (long long)it->org->id, p);
		xf_jw_kstr(&w, "link", link);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* ---- the board in Excel -------------------------------------------------- */

/* A percentage cell with one decimal, or blank when den is 0. */
static xf_xlsx_cell pct(int num, int den)
{
	return den > 0 ? (xf_xlsx_cell){NULL, 100.0 * num / den, 1}
	               : (xf_xlsx_cell){"", 0, -1};
}

static void board_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const xf_supervision_row *row = &((const xf_supervision *)arg)->rows[i];
	const xf_compliance_sum *s = &row->sum;
	cells[0] = (xf_xlsx_cell){row->org->name, 0, -1};
	cells[1] = (xf_xlsx_cell){
	    row->self ? "本级" : xf_code_label(xf_org_kinds, row->org->kind), 0,
	    -1};
	const int counts[] = {s->orgs, s->green,    s->yellow, s->due,
	                      s->red,  s->required, s->held,   s->held_late};
	for (int k = 0; k < 8; k++)
		cells[2 + k] = (xf_xlsx_cell){NULL, counts[k], 0};
	cells[10] = pct(s->held, s->required);
	cells[11] = pct(s->held - s->held_late, s->required);
	cells[12] = pct(s->sanhui_held, s->sanhui_required);
	cells[13] = pct(s->ft_recorded, s->ft_meetings);
}

/* The Chinese names of the kinds in mask (and 第一议题), "、"-separated, in
 * the arena. */
static const char *kind_titles(xf_arena *a, unsigned mask)
{
	const char *s = "";
	for (int k = 0; k < XF_MK_COUNT && s; k++)
		if (mask & (1u << k))
			s = xf_arena_printf(a, "%s%s%s", s, *s ? "、" : "",
			                    xf_meeting_kind_title(k));
	if (s && (mask & XF_MISSING_FIRST_TOPIC))
		s = xf_arena_printf(a, "%s%s第一议题", s, *s ? "、" : "");
	return s;
}

typedef struct lagging_rows {
	const xf_supervision *b;
	xf_arena *a;
} lagging_rows;

static void lagging_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const lagging_rows *x = arg;
	const xf_compliance_item *it = x->b->lagging[i];
	cells[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	cells[1] = (xf_xlsx_cell){it->org->name, 0, -1};
	cells[2] =
	    (xf_xlsx_cell){xf_code_label(xf_org_kinds, it->org->kind), 0, -1};
	cells[3] = (xf_xlsx_cell){kind_titles(x->a, it->c.missing), 0, -1};
}

/* GET /api/compliance/board.xlsx?org=&period=: the board's rows (one per
 * child organization, and 本级) and its lagging organizations, a sheet
 * each. */
void xf_h_compliance_board_xlsx(xf_req *r)
{
	xf_ctx c;
	xf_supervision b;
	char p[12];
	if (load_board(r, &c, &b, p) != 0)
		return;
	static const char *const heads[] = {"组织",
	                                    "类型",
	                                    "组织数",
	                                    "达标",
	                                    "补开",
	                                    "待开",
	                                    "缺项",
	                                    "应开次数",
	                                    "已开次数",
	                                    "补开次数",
	                                    "完成率%",
	                                    "按时率%",
	                                    "三会一课完成率%",
	                                    "第一议题记录率%"};
	static const double widths[] = {24, 12, 8,  6,  6,  6,  6,
	                                10, 10, 10, 10, 10, 16, 16};
	static const char *const lag_heads[] = {"序号", "组织", "类型",
	                                        "缺开会议"};
	static const double lag_widths[] = {6, 28, 14, 40};
	const char *const filters[] = {"组织", b.report.root->name, "期间", p};
	const char *sub = xf_xlsx_subtitle(r, c.now, filters, 2);
	const char *title = xf_arena_printf(&r->arena, "%s%s组织生活督导情况",
	                                    b.report.root->name, p);
	const xf_xlsx_table k[] = {
	    {.sheet = "督导汇总",
	     .title = title,
	     .subtitle = sub,
	     .headers = heads,
	     .widths = widths,
	     .ncols = 14,
	     .nrows = b.nrows,
	     .row = board_cells,
	     .arg = &b},
	    {.sheet = "缺项组织",
	     .title = xf_arena_printf(&r->arena, "%s%s缺项组织名单",
	                              b.report.root->name, p),
	     .subtitle = sub,
	     .headers = lag_heads,
	     .widths = lag_widths,
	     .ncols = 4,
	     .nrows = b.nlagging,
	     .row = lagging_cells,
	     .arg = &(lagging_rows){&b, &r->arena}},
	    {0},
	};
	xf_xlsx_reply_rows(r, xf_arena_printf(&r->arena, "%s.xlsx", title),
	                   "组织生活督导.xlsx", "组织生活督导",
	                   xf_xlsx_tables_write, (void *)k);
}

/* ---- rules --------------------------------------------------------------- */

static void answer_rules(xf_req *r, const xf_compliance_rules *ru)
{
	xf_compliance_rules def;
	xf_compliance_rules_default(&def);
	xf_jw w;
	xf_page_begin(r, &w);
	for (int o = 0; o < XF_ORGK_COUNT; o++)
		for (int k = 0; k < XF_MK_COUNT; k++) {
			if (!ru->freq[o][k] && !def.freq[o][k])
				continue;
			xf_jw_obj(&w);
			xf_jw_kstr(&w, "org_kind", xf_org_kind_name(o));
			xf_jw_kstr(&w, "meeting_kind", xf_meeting_kind_name(k));
			xf_jw_kstr(&w, "frequency",
			           xf_freq_name(ru->freq[o][k]));
			xf_jw_kstr(&w, "default", xf_freq_name(def.freq[o][k]));
			xf_jw_obj_end(&w);
		}
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "first_topic_kinds");
	xf_jw_arr(&w);
	for (int k = 0; k < XF_MK_COUNT; k++)
		if (ru->needs_first_topic[k])
			xf_jw_str(&w, xf_meeting_kind_name(k));
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

XF_CTX_HANDLER(xf_h_compliance_rules_get, xf_compliance_rules ru,
               xf_compliance_rules_get(&c, &ru), answer_rules(r, &ru))

static const xf_field rules_fields[] = {
    {"items", XF_F_ARRAY, 1, 0, 0, 100, NULL, "会议规则"},
};
const xf_body_table xf_compliance_rules_put_body = XF_BODY_TABLE(rules_fields);

static const xf_field rule_fields[] = {
    {"org_kind", XF_F_ENUM, 1, 0, 0, 0, xf_org_kinds, "组织类型"},
    {"meeting_kind", XF_F_ENUM, 1, 0, 0, 0, xf_meeting_kinds, "会议类型"},
    {"frequency", XF_F_ENUM, 1, 0, 0, 0, xf_meeting_frequencies, "频次"},
};

void xf_h_compliance_rules_put(xf_req *r)
{
	xf_ctx c;
	int n;
	xf_rule_input *in;
	const xf_val *f = xf_input_items(r, r->body_vals[0].j, "items",
	                                 rule_fields, 3, &n, &in, sizeof *in);
	if (!f)
		return;
	for (int i = 0; i < n; i++, f += 3)
		in[i] = (xf_rule_input){f[0].s, f[1].s, f[2].s};
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_compliance_rules ru;
	if (!xf_api_failed(r, &c, xf_compliance_rules_set(&c, in, n, &ru)))
		answer_rules(r, &ru);
}

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_compliance_bodies[] = {
    XF_BODY("PUT /api/compliance/rules", "items[]", rule_fields),
    {0},
};
