/*
 * plan.c - the JSON form of year plans and their items.
 */
#include "model/plan.h"

#include "base/date.h"
#include "model/org.h"

void xf_plan_json_open(xf_jw *w, const xf_plan *p)
{
	char at[32];
	xf_time_iso(p->created_at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", p->id);
	xf_org_ref_json(w, p->org_id, p->org_name);
	xf_jw_kint(w, "year", p->year);
	xf_jw_kstr(w, "title", p->title);
	xf_jw_kint(w, "item_count", p->item_count);
	xf_jw_kint(w, "task_count", p->task_count);
	xf_jw_kid(w, "created_by", p->created_by);
	xf_jw_kstr(w, "created_at", at);
	xf_time_iso(p->updated_at, at);
	xf_jw_kstr(w, "updated_at", at);
}

void xf_plan_item_json_open(xf_jw *w, const xf_plan_item *it)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", it->id);
	xf_jw_kint(w, "seq", it->seq);
	xf_jw_kstr(w, "title", it->title);
	xf_jw_kstr(w, "goal", it->goal);
	xf_jw_kstr(w, "measures", it->measures);
	xf_jw_kint(w, "lead_org_id", it->lead_org_id);
	xf_jw_kstr(w, "lead_org_name", it->lead_org_name);
	xf_jw_kid(w, "task_id", it->task_id);
}
