/*
 * org.c - the JSON form of organizations and clusters.
 */
#include "model/org.h"

void xf_org_json_open(xf_jw *w, const xf_org *o, int brief)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", o->id);
	xf_jw_kstr(w, "name", o->name);
	xf_jw_kstr(w, "kind", o->kind);
	xf_jw_kstr(w, "level", o->level);
	xf_jw_kid(w, "parent_id", o->parent_id);
	xf_jw_kstr(w, "path", o->path);
	xf_jw_kint(w, "depth", o->depth);
	if (!brief) {
		xf_jw_kstr(w, "established_on", o->established_on);
		xf_jw_kstr(w, "project", o->project);
		xf_jw_kstr(w, "starts_on", o->starts_on);
		xf_jw_kstr(w, "ends_on", o->ends_on);
	}
	xf_jw_kstr(w, "closed_on", o->closed_on);
	xf_jw_kint(w, "member_count", o->member_count);
	xf_jw_kint(w, "child_count", o->child_count);
}

void xf_org_json(xf_jw *w, const xf_org *o)
{
	xf_org_json_open(w, o, 0);
	xf_jw_obj_end(w);
}

void xf_cluster_json(xf_jw *w, const xf_cluster *c)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", c->id);
	xf_jw_kstr(w, "name", c->name);
	xf_jw_kstr(w, "description", c->description);
	xf_jw_key(w, "orgs");
	xf_jw_arr(w);
	for (int i = 0; i < c->norgs; i++) {
		xf_jw_obj(w);
		xf_jw_kint(w, "id", c->orgs[i].id);
		xf_jw_kstr(w, "name", c->orgs[i].name);
		xf_jw_kstr(w, "kind", c->orgs[i].kind);
		xf_jw_kstr(w, "path", c->orgs[i].path);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

void xf_org_ref_json(xf_jw *w, int64_t id, const char *name)
{
	xf_jw_kint(w, "org_id", id);
	xf_jw_kstr(w, "org_name", name);
}
