/*
 * clusters.c (api) - a cluster's page (members, leads, joint projects,
 * activities, the roll-up of its members' boards), renaming, deletion
 * and the lead of a year.
 */
#include "api/clusters.h"

#include "api/api.h"
#include "api/compliance.h"
#include "api/input.h"
#include "api/page.h"
#include "base/jw.h"
#include "model/fields.h"
#include "service/clusters.h"

/* ?year= of the page (default this year) */
static const xf_param get_params[] = {XF_PARAM_YEAR};
const xf_query_table xf_clusters_get_query = XF_QUERY_TABLE(get_params);

static const xf_jfield lead_fields[] = {
    XF_JF(INT, xf_cluster_lead, "year", year),
    XF_JF(I64, xf_cluster_lead, "org_id", org_id),
    XF_JF(STR, xf_cluster_lead, "org_name", org_name),
};

/* The tasks and the points of a roll-up, each an object. */
static const xf_jfield rollup_tasks[] = {
    XF_JF(I64, xf_cluster_rollup, "tasks", tasks),
    XF_JF(I64, xf_cluster_rollup, "done", done),
    XF_JF(I64, xf_cluster_rollup, "on_time", on_time),
    XF_JF(I64, xf_cluster_rollup, "overdue", overdue),
};
static const xf_jfield rollup_points[] = {
    XF_JF(I64, xf_cluster_rollup, "points", points),
    XF_JF(I64, xf_cluster_rollup, "headcount", headcount),
    XF_JF(I64, xf_cluster_rollup, "org_points", org_points),
    XF_JF(X100, xf_cluster_rollup, "average", average_x100),
};

/* The keys of one roll-up (a member's or the total). */
static void rollup_json(xf_jw *w, const xf_cluster_rollup *r)
{
	if (r->org) {
		xf_jw_kint(w, "org_id", r->org->id);
		xf_jw_kstr(w, "org_name", r->org->name);
		xf_jw_kstr(w, "org_kind", r->org->kind);
	}
	xf_jw_key(w, "compliance");
	xf_jw_obj(w);
	xf_compliance_sum_json(w, &r->compliance);
	xf_jw_obj_end(w);
	xf_jw_key(w, "tasks");
	xf_jw_obj(w);
	XF_JW_FIELDS(w, r, rollup_tasks);
	xf_jw_obj_end(w);
	xf_jw_key(w, "points");
	xf_jw_obj(w);
	XF_JW_FIELDS(w, r, rollup_points);
	xf_jw_obj_end(w);
}

/* GET /api/clusters/{id}?year=: the cluster's page. */
static void page_json(xf_jw *w, const xf_cluster_page *p)
{
	xf_cluster_json_open(w, &p->cl);
	xf_jw_kint(w, "year", p->year);
	xf_jw_kstr(w, "quarter", p->quarter);
	XF_JW_RECORDS(w, "leads", p->leads, p->nleads, lead_fields);
	xf_jw_key(w, "projects");
	xf_jw_arr(w);
	for (int i = 0; i < p->nprojects; i++)
		xf_joint_project_json(w, &p->projects[i]);
	xf_jw_arr_end(w);
	xf_jw_kint(w, "project_total", p->project_total);
	xf_jw_key(w, "activities");
	xf_jw_arr(w);
	for (int i = 0; i < p->nactivities; i++)
		xf_activity_json(w, &p->activities[i]);
	xf_jw_arr_end(w);
	xf_jw_key(w, "rollup");
	xf_jw_obj(w);
	xf_jw_key(w, "rows");
	xf_jw_arr(w);
	for (int i = 0; i < p->nrows; i++) {
		xf_jw_obj(w);
		rollup_json(w, &p->rows[i]);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_key(w, "total");
	xf_jw_obj(w);
	rollup_json(w, &p->total);
	xf_jw_obj_end(w);
	xf_jw_obj_end(w);
	xf_jw_obj_end(w);
}

XF_ID_HANDLER(xf_h_clusters_get, xf_cluster_page p,
              xf_cluster_page_read(&c, id, (int)r->query_vals[0].i, &p),
              XF_ANSWER(r, 200, page_json, &p))

static const xf_field put_fields[] = {
    {"name", XF_F_STR, 0, 0, 1, 100, NULL, "片区名称"},
    {"description", XF_F_STR, 0, 1, 0, 2000, NULL, "片区简介"},
};
const xf_body_table xf_clusters_put_body = XF_BODY_TABLE(put_fields);

/* PUT /api/clusters/{id} {"name","description"}: the cluster. */
XF_ID_HANDLER(xf_h_clusters_put, const xf_val *v = r->body_vals;
              xf_cluster cl,
              xf_cluster_update(&c, id, xf_val_str(&v[0]),
                                v[1].present ? (v[1].is_null ? "" : v[1].s)
                                             : NULL,
                                &cl),
              XF_ANSWER(r, 200, xf_cluster_json, &cl))

XF_ID_OK_HANDLER(xf_h_clusters_delete, xf_cluster_delete(&c, id))

static const xf_field lead_body[] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "牵头单位"},
};
const xf_body_table xf_clusters_lead_body = XF_BODY_TABLE(lead_body);

/* PUT /api/clusters/{id}/leads/{year} {"org_id"}: the lead. */
static void lead_json(xf_jw *w, const xf_cluster_lead *l)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, l, lead_fields);
	xf_jw_obj_end(w);
}

XF_ID_YEAR_HANDLER(xf_h_clusters_lead, xf_cluster_lead l,
                   xf_cluster_lead_put(&c, id, year, r->body_vals[0].i, &l),
                   XF_ANSWER(r, 200, lead_json, &l))
