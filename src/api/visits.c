/*
 * visits.c (api) - /api/visits: 四必访 triggers (/triggers), the due list
 * (/due), visit records and the coverage per organization (/coverage).
 */
#include "api/visits.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "base/jw.h"
#include "domain/visits.h"
#include "model/visit.h"
#include "service/visits.h"

/* GET /api/visits/kinds: {"items":[{code, label, days, owed_by,
 * builtin}]} */
XF_ITEMS_HANDLER(xf_h_visit_kinds_list, xf_visit_kind, xf_visit_kind_json,
                 xf_visit_kind_list(&c, XF_ITEMS_OUT))

enum { K_CODE, K_LABEL, K_DAYS, K_OWNER };
static const xf_field kind_fields[] = {
    {"code", XF_F_STR, 1, 0, 1, 32, NULL, "代码"},
    {"label", XF_F_STR, 1, 0, 1, 20, NULL, "名称"},
    {"days", XF_F_INT, 1, 0, 1, XF_VISIT_DAYS_MAX, NULL, "走访期限（天）"},
    {"owed_by", XF_F_ENUM, 1, 0, 0, 0, xf_visit_owners, "责任人"},
};
const xf_body_table xf_visit_kinds_create_body = XF_BODY_TABLE(kind_fields);

/* POST /api/visits/kinds: 201 with the kind (admin). */
/* The kind of a checked body v. */
static xf_visit_kind kind_input(const xf_val *v)
{
	return (xf_visit_kind){v[K_CODE].s, v[K_LABEL].s, (int)v[K_DAYS].i,
	                       v[K_OWNER].s, 0};
}

XF_CTX_HANDLER(xf_h_visit_kinds_create,
               xf_visit_kind k = kind_input(r->body_vals),
               xf_visit_kind_create(&c, &k),
               XF_ANSWER(r, 201, xf_visit_kind_json, &k))

enum { T_MEMBER, T_KIND, T_OCCURRED };
static const xf_field trigger_fields[] = {
    {"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
    {"kind", XF_F_STR, 1, 0, 1, 32, NULL, "走访事由"},
    {"occurred_on", XF_F_DATE, 1, 0, 0, 0, NULL, "发生日期"},
};
const xf_body_table xf_visit_triggers_create_body =
    XF_BODY_TABLE(trigger_fields);

/* POST /api/visits/triggers: 201 with the trigger and its due_on. */
XF_CTX_HANDLER(xf_h_visit_triggers_create, const xf_val *v = r->body_vals;
               xf_visit_trigger t,
               xf_visit_trigger_create(&c, v[T_MEMBER].i, v[T_KIND].s,
                                       v[T_OCCURRED].s, &t),
               XF_ANSWER(r, 201, xf_visit_trigger_json, &t))

/* GET /api/visits/due?org=&page=&size= */
const xf_query_table xf_visits_due_query = XF_QUERY_TABLE(xf_org_page_params);

XF_LIST_HANDLER(xf_h_visits_due, xf_visit_trigger, xf_visit_trigger_json,
                xf_visit_due_list(&c, q[XF_QP_ORG].i, XF_LIST_OUT))

enum { V_TRIGGER, V_ON, V_NOTES, V_HELP };
static const xf_field visit_fields[] = {
    {"trigger_id", XF_F_ID, 1, 0, 0, 0, NULL, "走访事项"},
    {"visited_on", XF_F_DATE, 1, 0, 0, 0, NULL, "走访日期"},
    {"notes", XF_F_STR, 0, 1, 0, 2000, NULL, "走访情况"},
    {"help_given", XF_F_STR, 0, 1, 0, 1000, NULL, "帮扶措施"},
};
const xf_body_table xf_visits_create_body = XF_BODY_TABLE(visit_fields);

/* POST /api/visits: 201 with the visit record (the visitor sees the
 * notes). */
XF_CTX_HANDLER(xf_h_visits_create, const xf_val *v = r->body_vals;
               xf_visit out,
               xf_visit_create(&c, v[V_TRIGGER].i, v[V_ON].s,
                               xf_val_str(&v[V_NOTES]), xf_val_str(&v[V_HELP]),
                               &out),
               XF_ANSWER(r, 201, xf_visit_json, &out,
                         xf_visit_notes_shown(&c, &out)))

/* GET /api/visits?org=&year=&page=&size= */
const xf_query_table xf_visits_list_query =
    XF_QUERY_TABLE(xf_org_year_page_params);

void xf_h_visits_list(xf_req *r)
{
	const xf_val *q = r->query_vals;
	int offset, limit;
	xf_ctx c;
	xf_query_page(r, &offset, &limit);
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_visit *vs;
	int n;
	int64_t total;
	if (xf_api_failed(r, &c,
	                  xf_visit_list(&c, q[XF_QP_ORG].i,
	                                (int)q[XF_QP_YEAR].i, offset, limit,
	                                &vs, &n, &total)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++)
		xf_visit_json(&w, &vs[i], xf_visit_notes_shown(&c, &vs[i]));
	xf_page_end(r, &w, total);
}

/* GET /api/visits/coverage?org=&year= (this year when absent) */
const xf_query_table xf_visits_coverage_query =
    XF_QUERY_TABLE(xf_org_year_now_params);

/* → {"year","items":[{org_id, org_name, owed, done, on_time,
 * overdue_open, coverage}], "total":{…}} */
void xf_h_visits_coverage(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_visit_coverage_row *rows, sum;
	int n;
	if (xf_api_failed(r, &c,
	                  xf_visit_coverage_read(&c, q[XF_QN_ORG].i,
	                                         (int)q[XF_QN_YEAR].i, &rows,
	                                         &n, &sum)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "year", q[XF_QN_YEAR].i);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++)
		xf_visit_coverage_json(&w, &rows[i]);
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "total");
	xf_jw_obj(&w);
	xf_jw_kint(&w, "owed", sum.owed);
	xf_jw_kint(&w, "done", sum.done);
	xf_jw_kint(&w, "on_time", sum.on_time);
	xf_jw_kint(&w, "overdue_open", sum.overdue_open);
	xf_jw_key(&w, "coverage");
	xf_jw_x100(&w, sum.coverage);
	xf_jw_obj_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}
