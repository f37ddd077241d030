/*
 * program.c - the JSON forms of creation programs and their applications.
 */
#include "model/program.h"

#include "model/fields.h"

static const xf_jfield criterion_fields[] = {
    XF_JF(STR, xf_program_criterion, "code", code),
    XF_JF(STR, xf_program_criterion, "name", name),
    XF_JF(STR, xf_program_criterion, "evidence", evidence),
    XF_JF(INT, xf_program_criterion, "max", max_score),
    XF_JF(BOOL, xf_program_criterion, "required", required),
};

static const xf_jfield program_fields[] = {
    XF_JF(I64, xf_program, "id", id),
    XF_JF(STR, xf_program, "title", title),
    XF_JF(STR, xf_program, "kind", kind),
    XF_JF(INT, xf_program, "year", year),
    XF_JF(I64, xf_program, "org_id", org_id),
    XF_JF(STR, xf_program, "org_name", org_name),
    XF_JF(STR, xf_program, "applications_open", applications_open),
    XF_JF(STR, xf_program, "applications_close", applications_close),
    XF_JF(STR, xf_program, "review_by", review_by),
    XF_JF(INT, xf_program, "notice_days", notice_days),
    XF_JF(ID, xf_program, "notice_id", notice_id),
    XF_JF(WHEN, xf_program, "decided_at", decided_at),
    XF_JF(I64, xf_program, "applied", applied),
    XF_JF(I64, xf_program, "submitted", submitted),
    XF_JF(I64, xf_program, "candidates", candidates),
    XF_JF(I64, xf_program, "awarded", awarded),
    XF_JF(ID, xf_program, "created_by", created_by),
    XF_JF(TIME, xf_program, "created_at", created_at),
    XF_JF(TIME, xf_program, "updated_at", updated_at),
};

void xf_program_json(xf_jw *w, const xf_program *p)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, p, program_fields);
	xf_jw_key(w, "eligible");
	if (p->eligible_subtree) {
		xf_jw_str(w, "subtree");
	} else {
		xf_jw_arr(w);
		for (int i = 0; i < p->neligible; i++)
			xf_jw_int(w, p->eligible[i]);
		xf_jw_arr_end(w);
	}
	if (p->criteria) {
		xf_jw_key(w, "criteria");
		xf_jw_arr(w);
		for (int i = 0; i < p->ncriteria; i++) {
			xf_jw_obj(w);
			XF_JW_FIELDS(w, &p->criteria[i], criterion_fields);
			xf_jw_obj_end(w);
		}
		xf_jw_arr_end(w);
	}
	xf_jw_obj_end(w);
}

static const xf_jfield item_fields[] = {
    XF_JF(STR, xf_program_item, "code", code),
    XF_JF(STR, xf_program_item, "name", name),
    XF_JF(STR, xf_program_item, "evidence_required", evidence_required),
    XF_JF(BOOL, xf_program_item, "required", required),
    XF_JF(INT, xf_program_item, "max", max_score),
    XF_JF(STR, xf_program_item, "self_assessment", self_assessment),
    XF_JF(STR, xf_program_item, "verdict", verdict),
    XF_JF(STR, xf_program_item, "note", note),
};

static const xf_jfield application_fields[] = {
    XF_JF(I64, xf_program_application, "id", id),
    XF_JF(I64, xf_program_application, "program_id", program_id),
    XF_JF(STR, xf_program_application, "program_title", program_title),
    XF_JF(I64, xf_program_application, "org_id", org_id),
    XF_JF(STR, xf_program_application, "org_name", org_name),
    XF_JF(STR, xf_program_application, "state", state),
    XF_JF(STR, xf_program_application, "conclusion", conclusion),
    XF_JF(STR, xf_program_application, "review_notes", review_notes),
    XF_JF(I64, xf_program_application, "items_assessed", items_assessed),
    XF_JF(I64, xf_program_application, "items_total", items_total),
    XF_JF(I64, xf_program_application, "attachment_count", attachment_count),
    XF_JF(WHEN, xf_program_application, "submitted_at", submitted_at),
    XF_JF(WHEN, xf_program_application, "reviewed_at", reviewed_at),
    XF_JF(WHEN, xf_program_application, "decided_at", decided_at),
    XF_JF(ID, xf_program_application, "created_by", created_by),
    XF_JF(TIME, xf_program_application, "created_at", created_at),
    XF_JF(TIME, xf_program_application, "updated_at", updated_at),
};

void xf_program_application_json(xf_jw *w, const xf_program_application *a)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, a, application_fields);
	xf_jw_key(w, "site_visit");
	if (a->visit_date) {
		xf_jw_obj(w);
		xf_jw_kstr(w, "date", a->visit_date);
		xf_jw_kstr(w, "notes", a->visit_notes);
		xf_jw_obj_end(w);
	} else {
		xf_jw_null(w);
	}
	if (a->items) {
		xf_jw_key(w, "items");
		xf_jw_arr(w);
		for (int i = 0; i < a->nitems; i++) {
			const xf_program_item *it = &a->items[i];
			xf_jw_obj(w);
			XF_JW_FIELDS(w, it, item_fields);
			xf_jw_key(w, "evidence");
			xf_jw_raw(w, it->evidence ? it->evidence : "[]");
			xf_jw_obj_end(w);
		}
		xf_jw_arr_end(w);
	}
	xf_jw_obj_end(w);
}
