/*
 * duty.c - the JSON form of duty items, post holders and evidence.
 */
#include "model/duty.h"

#include "model/fields.h"

static const xf_jfield duty_fields[] = {
    XF_JF(I64, xf_duty, "id", id),
    XF_JF(I64, xf_duty, "org_id", org_id),
    XF_JF(STR, xf_duty, "org_name", org_name),
    XF_JF(INT, xf_duty, "year", year),
    XF_JF(STR, xf_duty, "level", level),
    XF_JF_ARG_ROW("level_title", 0),
    XF_JF(STR, xf_duty, "post", post),
    XF_JF_ARG_ROW("post_title", 1),
    XF_JF(INT, xf_duty, "seq", seq),
    XF_JF(STR, xf_duty, "title", title),
    XF_JF(STR, xf_duty, "content", content),
    XF_JF(ID, xf_duty, "source_id", source_id),
    XF_JF(TIME, xf_duty, "created_at", created_at),
    XF_JF(TIME, xf_duty, "updated_at", updated_at),
};

void xf_duty_json_open(xf_jw *w, const xf_duty *d, const char *level_title,
                       const char *post_title)
{
	const char *titles[] = {level_title, post_title};
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, d, duty_fields, titles);
}

static const xf_jfield assignment_fields[] = {
    XF_JF(I64, xf_duty_assignment, "id", id),
    XF_JF(I64, xf_duty_assignment, "org_id", org_id),
    XF_JF(STR, xf_duty_assignment, "org_name", org_name),
    XF_JF(STR, xf_duty_assignment, "level", org_kind),
    XF_JF_ARG_ROW("level_title", 0),
    XF_JF(INT, xf_duty_assignment, "year", year),
    XF_JF(STR, xf_duty_assignment, "post", post),
    XF_JF_ARG_ROW("post_title", 1),
    XF_JF(I64, xf_duty_assignment, "member_id", member_id),
    XF_JF(STR, xf_duty_assignment, "member_name", member_name),
    XF_JF(I64, xf_duty_assignment, "evidence_count", evidence_count),
    XF_JF(TIME, xf_duty_assignment, "created_at", created_at),
};

void xf_duty_assignment_json_open(xf_jw *w, const xf_duty_assignment *a,
                                  const char *level_title,
                                  const char *post_title)
{
	const char *titles[] = {level_title, post_title};
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, a, assignment_fields, titles);
}

static const xf_jfield evidence_fields[] = {
    XF_JF(I64, xf_duty_evidence, "id", id),
    XF_JF(I64, xf_duty_evidence, "duty_id", duty_id),
    XF_JF(I64, xf_duty_evidence, "assignment_id", assignment_id),
    XF_JF(STR, xf_duty_evidence, "kind", kind),
    XF_JF_ARG_ROW("kind_title", 0),
    XF_JF(ID, xf_duty_evidence, "ref_id", ref_id),
    XF_JF(STR, xf_duty_evidence, "title", title),
    XF_JF(STR, xf_duty_evidence, "note", note),
    XF_JF(STR, xf_duty_evidence, "on", done_on),
    XF_JF(TIME, xf_duty_evidence, "created_at", created_at),
};

void xf_duty_evidence_json(xf_jw *w, const xf_duty_evidence *e,
                           const char *kind_title)
{
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, e, evidence_fields, &kind_title);
	xf_jw_obj_end(w);
}
