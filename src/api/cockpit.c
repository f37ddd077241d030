/*
 * cockpit.c (api) - GET /api/cockpit: the cockpit of a subtree in one
 * answer (compliance this quarter, 第一议题 rates, tasks on time, points
 * top 10, lagging organizations with the links that drill down to their
 * records); GET /api/cockpit/events: the subtree's live events (SSE) that
 * keep the walls current.
 */
#include "api/cockpit.h"

#include "api/api.h"
#include "api/compliance.h"
#include "api/input.h"
#include "api/leaderboards.h"
#include "base/jw.h"
#include "http/sse.h"
#include "model/fields.h"
#include "service/cockpit.h"

#include <stdio.h>

static const xf_param cockpit_params[] = {XF_PARAM_ORG};
const xf_query_table xf_cockpit_query = XF_QUERY_TABLE(cockpit_params);

static void org_json(xf_jw *w, const xf_org *o)
{
	xf_jw_key(w, "org");
	xf_jw_obj(w);
	xf_jw_kint(w, "id", o->id);
	xf_jw_kstr(w, "name", o->name);
	xf_jw_kstr(w, "kind", o->kind);
	xf_jw_obj_end(w);
}

static void compliance_json(xf_jw *w, const xf_cockpit *k, const char *q)
{
	const xf_compliance_sum *s = &k->quarter.total;
	xf_jw_key(w, "compliance");
	xf_jw_obj(w);
	xf_jw_kstr(w, "period", q);
	xf_compliance_sum_json(w, s);
	/* the share of organizations not red */
	xf_api_rate(w, "org_rate", s->orgs - s->red, s->orgs);
	xf_jw_obj_end(w);
}

static void first_topic_json(xf_jw *w, const char *key, const char *period,
                             const xf_compliance_sum *s)
{
	xf_jw_key(w, key);
	xf_jw_obj(w);
	xf_jw_kstr(w, "period", period);
	xf_jw_kint(w, "meetings", s->ft_meetings);
	xf_jw_kint(w, "recorded", s->ft_recorded);
	xf_api_rate(w, "rate", s->ft_recorded, s->ft_meetings);
	xf_jw_obj_end(w);
}

static void tasks_json(xf_jw *w, const xf_cockpit *k)
{
	xf_jw_key(w, "tasks");
	xf_jw_obj(w);
	xf_jw_kint(w, "year", k->year);
	xf_jw_kint(w, "tasks", k->tasks_total);
	xf_jw_kint(w, "due", k->tasks_due);
	xf_jw_kint(w, "done", k->tasks_done);
	xf_jw_kint(w, "on_time", k->tasks_on_time);
	xf_jw_kint(w, "overdue", k->tasks_overdue);
	xf_api_rate(w, "on_time_rate", k->tasks_on_time, k->tasks_due);
	xf_jw_obj_end(w);
}

static void lagging_json(xf_req *r, xf_jw *w, const xf_cockpit *k,
                         const char *q)
{
	xf_jw_key(w, "lagging");
	xf_jw_obj(w);
	xf_jw_key(w, "items");
	xf_jw_arr(w);
	for (int i = 0; i < k->nlagging; i++) {
		const xf_cockpit_lag *l = &k->lagging[i];
		xf_jw_obj(w);
		xf_jw_kint(w, "org_id", l->org_id);
		xf_jw_kstr(w, "org_name", l->name);
		xf_jw_kid(w, "org_parent_id", l->parent_id);
		xf_jw_kstr(w, "org_parent_name", l->parent_name);
		xf_jw_kbool(w, "red", l->red);
		xf_compliance_kinds_json(w, "missing", l->missing);
		xf_jw_kint(w, "overdue", l->overdue);
		xf_jw_key(w, "links");
		xf_jw_obj(w);
		xf_jw_kstr(w, "compliance",
		           xf_arena_printf(&r->arena,
		                           "/api/compliance?org=%lld&period=%s",
		                           (long long)l->org_id, q));
		xf_jw_kstr(w, "meetings",
		           xf_arena_printf(&r->arena,
		                           "/api/meetings?org=%lld&period=%s",
		                           (long long)l->org_id, q));
		xf_jw_kstr(w, "tasks",
		           xf_arena_printf(&r->arena,
		                           "/api/tasks?org=%lld&year=%d",
		                           (long long)l->org_id, k->year));
		xf_jw_obj_end(w);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_kint(w, "total", k->lagging_total);
	xf_jw_obj_end(w);
}

/* The whole cockpit k; r's arena holds the links. */
static void cockpit_json(xf_jw *w, const xf_cockpit *k, xf_req *r)
{
	char q[12], y[12], today[11];
	xf_period_format(k->quarter.report.period, q);
	snprintf(y, sizeof y, "%d", k->year);
	xf_date_format(k->quarter.report.today, today);
	xf_jw_obj(w);
	org_json(w, k->org);
	xf_jw_kstr(w, "today", today);
	xf_jw_kstr(w, "quarter", q);
	xf_jw_kint(w, "year", k->year);
	compliance_json(w, k, q);
	xf_jw_key(w, "first_topic");
	xf_jw_obj(w);
	first_topic_json(w, "quarter", q, &k->quarter.total);
	first_topic_json(w, "year", y, &k->year_total);
	xf_jw_obj_end(w);
	tasks_json(w, k);
	xf_jw_key(w, "points");
	xf_jw_obj(w);
	xf_jw_kstr(w, "period", k->members.period);
	xf_jw_records(w, "members", k->members.items, (size_t)k->members.n,
	              sizeof *k->members.items, xf_board_member_fields,
	              xf_board_member_nfields);
	xf_jw_records(w, "branches", k->branches.items, (size_t)k->branches.n,
	              sizeof *k->branches.items, xf_board_org_fields,
	              xf_board_org_nfields);
	xf_jw_obj_end(w);
	lagging_json(r, w, k, q);
	xf_jw_obj_end(w);
}

XF_CTX_HANDLER(xf_h_cockpit, xf_cockpit k,
               xf_cockpit_read(&c, r->query_vals[0].i, &k),
               XF_ANSWER(r, 200, cockpit_json, &k, r))

/* GET /api/cockpit/events?org=: the events of the subtree's boards
 * (compliance, tasks, points; data {"org_id"} of the organization that
 * changed), for the walls; the stream of an organization in scope only. */
XF_CTX_HANDLER(xf_h_cockpit_events, char ch[32];
               int64_t org,
               xf_cockpit_channel(&c, r->query_vals[0].i, ch, &org),
               xf_reply_events(r, ch))
