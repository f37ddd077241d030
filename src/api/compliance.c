/*
 * compliance.c (api) - /api/compliance (status of each organization of a
 * subtree for a period), /api/compliance/board (the quarterly supervision
 * board, 季度督导) and /api/compliance/rules (the required frequencies).
 */
#include "api/meetings.h"
#include "api/page.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/compliance.h"
#include "api/input.h"
#include "base/jw.h"
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

void xf_h_compliance_board(xf_req *r)
{
	xf_ctx c;
	xf_supervision b;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_compliance_board(&c, r->query_vals[Q_ORG].i,
	                                      r->query_vals[Q_PERIOD].s, &b)))
		return;
	char p[12];
	xf_period_format(b.report.period, p);
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

void xf_h_compliance_rules_get(xf_req *r)
{
	xf_ctx c;
	xf_compliance_rules ru;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_compliance_rules_get(&c, &ru)))
		answer_rules(r, &ru);
}

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
	const xf_val *f =
	    xf_input_items(r, r->body_vals[0].j, "items", rule_fields, 3, &n);
	xf_rule_input *in =
	    f ? xf_input_calloc(r, (size_t)n, sizeof *in) : NULL;
	if (!in)
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
