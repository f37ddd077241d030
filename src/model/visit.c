/*
 * visit.c - the JSON forms of 四必访 triggers, visit records and coverage.
 */
#include "model/visit.h"

#include "model/fields.h"

static const xf_jfield trigger_fields[] = {
    XF_JF_LIST(XF_VISIT_TRIGGER_FIELDS, xf_visit_trigger)};

void xf_visit_trigger_json(xf_jw *w, const xf_visit_trigger *t)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, trigger_fields);
	xf_jw_key(w, "overdue");
	xf_jw_bool(w, !t->visit_id && t->days_left < 0);
	xf_jw_obj_end(w);
}

static const xf_jfield visit_fields[] = {XF_JF_LIST(XF_VISIT_FIELDS, xf_visit)};

void xf_visit_json(xf_jw *w, const xf_visit *v, int notes_shown)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, v, visit_fields);
	xf_jw_key(w, "notes");
	if (notes_shown && v->notes)
		xf_jw_str(w, v->notes);
	else
		xf_jw_null(w);
	xf_jw_key(w, "notes_hidden");
	xf_jw_bool(w, !notes_shown);
	xf_jw_obj_end(w);
}

static const xf_jfield coverage_fields[] = {
    XF_JF(I64, xf_visit_coverage_row, "org_id", org_id),
    XF_JF(STR, xf_visit_coverage_row, "org_name", org_name),
    XF_JF(I64, xf_visit_coverage_row, "owed", owed),
    XF_JF(I64, xf_visit_coverage_row, "done", done),
    XF_JF(I64, xf_visit_coverage_row, "on_time", on_time),
    XF_JF(I64, xf_visit_coverage_row, "overdue_open", overdue_open),
    XF_JF(X100, xf_visit_coverage_row, "coverage", coverage),
};

void xf_visit_coverage_json(xf_jw *w, const xf_visit_coverage_row *k)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, k, coverage_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield kind_fields[] = {
    XF_JF(STR, xf_visit_kind, "code", code),
    XF_JF(STR, xf_visit_kind, "label", label),
    XF_JF(INT, xf_visit_kind, "days", days),
    XF_JF(STR, xf_visit_kind, "owed_by", owed_by),
    XF_JF(BOOL, xf_visit_kind, "builtin", builtin),
};

void xf_visit_kind_json(xf_jw *w, const xf_visit_kind *k)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, k, kind_fields);
	xf_jw_obj_end(w);
}
