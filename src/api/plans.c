/*
 * plans.c (api) - /api/plans: the year plan (年初部署) with its items, each
 * of which becomes a task of its lead organization.
 */
#include "api/page.h"
#include "api/tasks.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/input.h"
#include "api/plans.h"
#include "base/date.h"
#include "base/jw.h"
#include "model/plan.h"
#include "model/task.h"
#include "service/plans.h"
#include "service/tasks.h"

#include <string.h>

enum { P_ORG, P_YEAR, P_TITLE, P_ITEMS, P_COUNT };
static const xf_field plan_fields[P_COUNT] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "部署组织"},
    {"year", XF_F_INT, 1, 0, 1900, 2200, NULL, "年度"},
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "计划名称"},
    {"items", XF_F_ARRAY, 1, 0, 0, XF_PLAN_MAX_ITEMS, NULL, "计划事项"},
};
const xf_body_table xf_plans_create_body = XF_BODY_TABLE(plan_fields);

enum {
	I_TITLE,
	I_GOAL,
	I_LEAD,
	I_MEASURES,
	I_START,
	I_DUE,
	I_WEIGHT,
	I_MS,
	I_COUNT
};
static const xf_field item_fields[I_COUNT] = {
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "事项名称"},
    {"goal", XF_F_STR, 0, 1, 0, 2000, NULL, "工作目标"},
    {"lead_org_id", XF_F_ID, 1, 0, 0, 0, NULL, "牵头组织"},
    {"measures", XF_F_STR, 0, 1, 0, 5000, NULL, "工作措施"},
    {"start_on", XF_F_DATE, 0, 1, 0, 0, NULL, "开始日期"},
    {"due_on", XF_F_DATE, 0, 1, 0, 0, NULL, "截止日期"},
    {"weight", XF_F_INT, 0, 0, 1, 100, NULL, "权重"},
    {"milestones", XF_F_ARRAY, 0, 1, 0, XF_TASK_MAX_MILESTONES, NULL,
     "时间节点"},
};

enum { M_TITLE, M_DELIVERABLE, M_DUE, M_WEIGHT, M_COUNT };
static const xf_field ms_fields[M_COUNT] = {
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "时间节点名称"},
    {"deliverable", XF_F_STR, 0, 1, 0, 500, NULL, "交付成果"},
    {"due_on", XF_F_DATE, 1, 0, 0, 0, NULL, "节点日期"},
    {"weight", XF_F_INT, 0, 0, 1, 100, NULL, "权重"},
};

/* Reads the items of a plan body; -1 with the answer written on error. */
static int plan_items(xf_req *r, json_t *arr, xf_plan_input *in)
{
	int n = (int)json_array_size(arr);
	xf_plan_item_input *items =
	    xf_input_calloc(r, (size_t)n, sizeof *items);
	if (!items)
		return -1;
	for (int i = 0; i < n; i++) {
		xf_val v[I_COUNT];
		char *path = xf_arena_printf(&r->arena, "items[%d]", i);
		if (xf_input_object(r, json_array_get(arr, (size_t)i),
		                    item_fields, I_COUNT, v, path) != 0)
			return -1;
		xf_plan_item_input *it = &items[i];
		it->title = v[I_TITLE].s;
		it->goal = xf_val_str(&v[I_GOAL]);
		it->lead_org_id = v[I_LEAD].i;
		it->measures = xf_val_str(&v[I_MEASURES]);
		it->start_on = xf_val_str(&v[I_START]);
		it->due_on = xf_val_str(&v[I_DUE]);
		it->weight = (int)v[I_WEIGHT].i;
		int nm;
		xf_milestone_input *mi;
		const xf_val *m = xf_input_items(
		    r, v[I_MS].j,
		    xf_arena_printf(&r->arena, "items[%d].milestones", i),
		    ms_fields, M_COUNT, &nm, &mi, sizeof *mi);
		if (!m)
			return -1;
		for (int k = 0; k < nm; k++, m += M_COUNT) {
			mi[k].title = m[M_TITLE].s;
			mi[k].deliverable = xf_val_str(&m[M_DELIVERABLE]);
			mi[k].due_on = m[M_DUE].s;
			mi[k].weight = (int)m[M_WEIGHT].i;
		}
		it->milestones = mi;
		it->nmilestones = nm;
	}
	in->items = items;
	in->nitems = n;
	return 0;
}

static void answer_plan(xf_req *r, int status, xf_ctx *c, int64_t id)
{
	xf_plan p;
	xf_plan_item *items;
	xf_task *tasks;
	int n;
	if (xf_api_failed(r, c, xf_plan_read(c, id, &p, &items, &n, &tasks)))
		return;
	xf_date today = xf_date_today(c->now);
	char day[11];
	xf_date_format(today, day);
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_plan_json_open(&w, &p);
	xf_jw_kstr(&w, "today", day);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++) {
		const xf_plan_item *it = &items[i];
		xf_plan_item_json_open(&w, it);
		xf_jw_key(&w, "task");
		if (tasks[i].id) {
			xf_task_facts f = xf_task_facts_on(&tasks[i], today);
			xf_task_json(&w, &tasks[i], &f);
		} else
			xf_jw_null(&w);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

/* POST /api/plans: 201 with the plan, each item with its task. */
XF_READ_HANDLER(xf_h_plans_create, const xf_val *v = r->body_vals;
                xf_plan_input in = {0}; xf_plan p; in.org_id = v[P_ORG].i;
                in.year = (int)v[P_YEAR].i;
                in.title = v[P_TITLE].s, plan_items(r, v[P_ITEMS].j, &in),
                xf_plan_create(&c, &in, &p), answer_plan(r, 201, &c, p.id))

enum { U_TITLE, U_YEAR, U_COUNT };
static const xf_field patch_fields[U_COUNT] = {
    {"title", XF_F_STR, 0, 0, 1, 200, NULL, "计划名称"},
    {"year", XF_F_INT, 0, 0, 1900, 2200, NULL, "年度"},
};
const xf_body_table xf_plans_patch_body = XF_BODY_TABLE(patch_fields);

/* PATCH /api/plans/{id} {"title","year"}: 200 with the plan. The
 * organization and the items are not changed here (unknown fields). */
XF_ID_HANDLER(xf_h_plans_patch, const xf_val *v = r->body_vals;
              xf_plan_patch in = {0}; XF_TAKE_STR(&in, title, v[U_TITLE]);
              XF_TAKE_INT(&in, year, v[U_YEAR]), xf_plan_update(&c, id, &in),
              answer_plan(r, 200, &c, id))

/* DELETE /api/plans/{id}: 200 {"ok":true}; 409 while tasks carry it. */
XF_ID_OK_HANDLER(xf_h_plans_delete, xf_plan_remove(&c, id))

void xf_h_plans_get(xf_req *r)
{
	xf_ctx c;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	answer_plan(r, 200, &c, id);
}

/* GET /api/plans?org=&subtree=1&year= */
enum { PL_PAGE, PL_SIZE, PL_ORG, PL_YEAR, PL_SUBTREE };
static const xf_param list_params[] = {
    XF_PARAM_PAGE, XF_PARAM_SIZE, XF_PARAM_ORG, XF_PARAM_YEAR, XF_PARAM_SUBTREE,
};
const xf_query_table xf_plans_list_query = XF_QUERY_TABLE(list_params);

/* An item of the list: the plan's own fields. */
static void plan_item(xf_jw *w, const xf_plan *p)
{
	xf_plan_json_open(w, p);
	xf_jw_obj_end(w);
}

XF_LIST_HANDLER(xf_h_plans_list, xf_plan, plan_item,
                xf_plan_list(&c, q[PL_ORG].i, (int)q[PL_SUBTREE].i,
                             (int)q[PL_YEAR].i, XF_LIST_OUT))

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_plans_bodies[] = {
    XF_BODY("POST /api/plans", "items[]", item_fields),
    XF_BODY("POST /api/plans", "items[].milestones[]", ms_fields),
    {0},
};
