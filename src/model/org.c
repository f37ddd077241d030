/*
 * org.c - the JSON form of organizations and clusters.
 */
#include "model/org.h"

#include "model/fields.h"

static const xf_jfield org_fields[] = {
    XF_JF(I64, xf_org, "id", id),
    XF_JF(STR, xf_org, "name", name),
    XF_JF(STR, xf_org, "kind", kind),
    XF_JF(STR, xf_org, "level", level),
    XF_JF(ID, xf_org, "parent_id", parent_id),
    XF_JF(STR, xf_org, "path", path),
    XF_JF(INT, xf_org, "depth", depth),
};

/* left out of the brief form */
static const xf_jfield org_dates_fields[] = {
    XF_JF(STR, xf_org, "established_on", established_on),
    XF_JF(STR, xf_org, "project", project),
    XF_JF(STR, xf_org, "starts_on", starts_on),
    XF_JF(STR, xf_org, "ends_on", ends_on),
};

static const xf_jfield org_tail_fields[] = {
    XF_JF(STR, xf_org, "closed_on", closed_on),
    XF_JF(I64, xf_org, "member_count", member_count),
    XF_JF(I64, xf_org, "child_count", child_count),
};

/* an org of a cluster */
static const xf_jfield cluster_org_fields[] = {
    XF_JF(I64, xf_org, "id", id),
    XF_JF(STR, xf_org, "name", name),
    XF_JF(STR, xf_org, "kind", kind),
    XF_JF(STR, xf_org, "path", path),
};

void xf_org_json_open(xf_jw *w, const xf_org *o, int brief)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, o, org_fields);
	if (!brief)
		XF_JW_FIELDS(w, o, org_dates_fields);
	XF_JW_FIELDS(w, o, org_tail_fields);
}

void xf_org_json(xf_jw *w, const xf_org *o)
{
	xf_org_json_open(w, o, 0);
	xf_jw_obj_end(w);
}

void xf_cluster_json(xf_jw *w, const xf_cluster *c)
{
	xf_cluster_json_open(w, c);
	xf_jw_obj_end(w);
}

void xf_cluster_json_open(xf_jw *w, const xf_cluster *c)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", c->id);
	xf_jw_kstr(w, "name", c->name);
	xf_jw_kstr(w, "description", c->description);
	xf_jw_kid(w, "lead_org_id", c->lead_org_id);
	xf_jw_kstr(w, "lead_org_name", c->lead_org_name);
	XF_JW_RECORDS(w, "orgs", c->orgs, c->norgs, cluster_org_fields);
}

void xf_org_ref_json(xf_jw *w, int64_t id, const char *name)
{
	xf_jw_kint(w, "org_id", id);
	xf_jw_kstr(w, "org_name", name);
}
