/*
 * duty.c - the JSON form of duty items, post holders and evidence.
 */
#include "model/duty.h"

#include "model/fields.h"

static const xf_jfield duty_fields[] = {XF_JF_LIST(XF_DUTY_FIELDS, xf_duty)};

void xf_duty_json_open(xf_jw *w, const xf_duty *d, const char *level_title,
                       const char *post_title)
{
	const char *titles[] = {level_title, post_title};
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, d, duty_fields, titles);
}

static const xf_jfield assignment_fields[] = {
    XF_JF_LIST(XF_DUTY_ASSIGNMENT_FIELDS, xf_duty_assignment)};

void xf_duty_assignment_json_open(xf_jw *w, const xf_duty_assignment *a,
                                  const char *level_title,
                                  const char *post_title)
{
	const char *titles[] = {level_title, post_title};
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, a, assignment_fields, titles);
}

static const xf_jfield evidence_fields[] = {
    XF_JF_LIST(XF_DUTY_EVIDENCE_FIELDS, xf_duty_evidence)};

void xf_duty_evidence_json(xf_jw *w, const xf_duty_evidence *e,
                           const char *kind_title)
{
	xf_jw_obj(w);
	XF_JW_FIELDS_ARGS(w, e, evidence_fields, &kind_title);
	xf_jw_obj_end(w);
}
