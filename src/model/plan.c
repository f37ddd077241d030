/*
 * plan.c - the JSON form of year plans and their items.
 */
#include "model/plan.h"

#include "model/fields.h"

static const xf_jfield plan_fields[] = {
    XF_JF(I64, xf_plan, "id", id),
    XF_JF(I64, xf_plan, "org_id", org_id),
    XF_JF(STR, xf_plan, "org_name", org_name),
    XF_JF(INT, xf_plan, "year", year),
    XF_JF(STR, xf_plan, "title", title),
    XF_JF(I64, xf_plan, "item_count", item_count),
    XF_JF(I64, xf_plan, "task_count", task_count),
    XF_JF(ID, xf_plan, "created_by", created_by),
    XF_JF(TIME, xf_plan, "created_at", created_at),
    XF_JF(TIME, xf_plan, "updated_at", updated_at),
};

void xf_plan_json_open(xf_jw *w, const xf_plan *p)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, p, plan_fields);
}

static const xf_jfield plan_item_fields[] = {
    XF_JF(I64, xf_plan_item, "id", id),
    XF_JF(INT, xf_plan_item, "seq", seq),
    XF_JF(STR, xf_plan_item, "title", title),
    XF_JF(STR, xf_plan_item, "goal", goal),
    XF_JF(STR, xf_plan_item, "measures", measures),
    XF_JF(I64, xf_plan_item, "lead_org_id", lead_org_id),
    XF_JF(STR, xf_plan_item, "lead_org_name", lead_org_name),
    XF_JF(ID, xf_plan_item, "task_id", task_id),
};

void xf_plan_item_json_open(xf_jw *w, const xf_plan_item *it)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, it, plan_item_fields);
}
