/*
 * joint_project.c - the JSON forms of joint projects, their reviews and
 * central-work tags.
 */
#include "model/joint_project.h"

#include "model/fields.h"

static const xf_jfield project_fields[] = {
    XF_JF(I64, xf_joint_project, "id", id),
    XF_JF(STR, xf_joint_project, "title", title),
    XF_JF(I64, xf_joint_project, "org_id", org_id),
    XF_JF(STR, xf_joint_project, "org_name", org_name),
    XF_JF(ID, xf_joint_project, "cluster_id", cluster_id),
    XF_JF(STR, xf_joint_project, "cluster_name", cluster_name),
    XF_JF(INT, xf_joint_project, "year", year),
    XF_JF(STR, xf_joint_project, "goals", goals),
    XF_JF(STR, xf_joint_project, "outcomes", outcomes),
    XF_JF(STR, xf_joint_project, "status", status),
    XF_JF(ID, xf_joint_project, "task_id", task_id),
    XF_JF(INT, xf_joint_project, "percent", task_percent),
    XF_JF(I64, xf_joint_project, "attachment_count", attachment_count),
    XF_JF(STR, xf_joint_project, "last_grade", last_grade),
    XF_JF(ID, xf_joint_project, "created_by", created_by),
    XF_JF(TIME, xf_joint_project, "created_at", created_at),
    XF_JF(TIME, xf_joint_project, "updated_at", updated_at),
};

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
