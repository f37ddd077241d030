/*
 * recruit.c - the JSON forms of recruits, their recorded steps and their
 * timeline.
 */
#include "model/recruit.h"

#include "model/fields.h"
#include "model/pii.h"

#include <stddef.h>
#include <string.h>

static const xf_jfield recruit_fields[] = {
    XF_JF(I64, xf_recruit, "id", id),
    XF_JF(I64, xf_recruit, "org_id", org_id),
    XF_JF(STR, xf_recruit, "org_name", org_name),
    XF_JF(STR, xf_recruit, "name", name),
    XF_JF(STR, xf_recruit, "gender", gender),
    XF_JF(STR, xf_recruit, "stage", stage),
    XF_JF(STR, xf_recruit, "next_step", next_step),
    XF_JF(STR, xf_recruit, "due_step", due_step),
    XF_JF(STR, xf_recruit, "due_on", due_on),
    XF_JF(BOOL, xf_recruit, "due_is_deadline", due_deadline),
    XF_JF(ID, xf_recruit, "member_id", member_id),
    XF_JF(ID, xf_recruit, "created_by", created_by),
    XF_JF(TIME, xf_recruit, "created_at", created_at),
    XF_JF(TIME, xf_recruit, "updated_at", updated_at),
};

void xf_recruit_json_open(xf_jw *w, const xf_recruit *r, int may_see_pii)
{
	char buf[XF_PII_MAX];
	xf_jw_obj(w);
	XF_JW_FIELDS(w, r, recruit_fields);
	xf_jw_kstr(
	    w, "id_number",
	    xf_pii_shown(XF_PII_ID_NUMBER, r->id_number, may_see_pii, buf));
	xf_jw_kstr(w, "phone",
	           xf_pii_shown(XF_PII_PHONE, r->phone, may_see_pii, buf));
	xf_jw_kstr(
	    w, "birth_date",
	    xf_pii_shown(XF_PII_BIRTH_DATE, r->birth_date, may_see_pii, buf));
	xf_jw_kbool(w, "pii_masked", !may_see_pii);
	xf_jw_key(w, "days_left");
	if (r->due_on)
		xf_jw_int(w, r->days_left);
	else
		xf_jw_null(w);
	xf_jw_kbool(w, "overdue",
	            r->due_on && r->due_deadline && r->days_left < 0);
}

void xf_recruit_json(xf_jw *w, const xf_recruit *r, int may_see_pii)
{
	xf_recruit_json_open(w, r, may_see_pii);
	xf_jw_obj_end(w);
}

static const xf_jfield entry_fields[] = {
    XF_JF(I64, xf_recruit_entry, "id", id),
    XF_JF(STR, xf_recruit_entry, "step", step),
    XF_JF(STR, xf_recruit_entry, "done_on", done_on),
    XF_JF(STR, xf_recruit_entry, "note", note),
    XF_JF(ID, xf_recruit_entry, "created_by", created_by),
    XF_JF(STR, xf_recruit_entry, "created_by_name", created_by_name),
    XF_JF(TIME, xf_recruit_entry, "created_at", created_at),
};

void xf_recruit_entry_json(xf_jw *w, const xf_recruit_entry *e)
{
	static const struct {
		const char *key;
		size_t off;
	} figures[] = {
	    {"assessments", offsetof(xf_recruit_entry, assessments)},
	    {"reports", offsetof(xf_recruit_entry, reports)},
	    {"training_days", offsetof(xf_recruit_entry, training_days)},
	    {"training_hours", offsetof(xf_recruit_entry, training_hours)},
	    {"members", offsetof(xf_recruit_entry, members)},
	    {"absent", offsetof(xf_recruit_entry, absent)},
	    {"present", offsetof(xf_recruit_entry, present)},
	    {"yes", offsetof(xf_recruit_entry, yes)},
	    {"extend_months", offsetof(xf_recruit_entry, extend_months)},
	};
	xf_jw_obj(w);
	XF_JW_FIELDS(w, e, entry_fields);
	/* only the figures the step carries (non-zero) */
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		int v;
		memcpy(&v, (const char *)e + figures[i].off, sizeof v);
		if (v)
			xf_jw_kint(w, figures[i].key, v);
	}
	xf_jw_obj_end(w);
}

static const xf_jfield line_fields[] = {
    XF_JF(STR, xf_recruit_line, "step", step),
    XF_JF(INT, xf_recruit_line, "phase", phase),
    XF_JF(STR, xf_recruit_line, "state", state),
    XF_JF(STR, xf_recruit_line, "done_on", done_on),
};

void xf_recruit_line_json(xf_jw *w, const xf_recruit_line *l)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, l, line_fields);
	xf_jw_obj_end(w);
}
