/*
 * joint_project.c - the JSON forms of joint projects, their reviews and
 * central-work tags.
 */
#include "model/joint_project.h"

#include "model/fields.h"

static const xf_jfield project_fields[] = {
    XF_JF_LIST(XF_JOINT_PROJECT_FIELDS, xf_joint_project)};

static const xf_jfield partner_fields[] = {
    XF_JF(I64, xf_jp_org, "org_id", org_id),
    XF_JF(STR, xf_jp_org, "org_name", org_name),
};

static const xf_jfield tag_brief_fields[] = {
    XF_JF(I64, xf_cw_tag, "id", id),
    XF_JF(STR, xf_cw_tag, "name", name),
};

void xf_joint_project_json_open(xf_jw *w, const xf_joint_project *p)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, p, project_fields);
	XF_JW_RECORDS(w, "partners", p->partners, p->npartners, partner_fields);
	XF_JW_RECORDS(w, "tags", p->tags, p->ntags, tag_brief_fields);
}

void xf_joint_project_json(xf_jw *w, const xf_joint_project *p)
{
	xf_joint_project_json_open(w, p);
	xf_jw_obj_end(w);
}

void xf_jp_review_json(xf_jw *w, const xf_jp_review *v)
{
	xf_jw_obj(w);
	xf_year_review_fields(w, v);
	xf_jw_obj_end(w);
}

static const xf_jfield tag_fields[] = {
    XF_JF(I64, xf_cw_tag, "id", id),
    XF_JF(STR, xf_cw_tag, "name", name),
    XF_JF(INT, xf_cw_tag, "sort", sort),
    XF_JF(I64, xf_cw_tag, "project_count", project_count),
};

void xf_cw_tag_json(xf_jw *w, const xf_cw_tag *t)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, tag_fields);
	xf_jw_obj_end(w);
}
