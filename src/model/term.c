/*
 * term.c - the JSON form of a term of a committee (换届) and its
 * positions.
 */
#include "model/term.h"

#include "model/fields.h"

static const xf_jfield org_fields[] = {
    XF_JF(I64, xf_term, "org_id", org_id),
    XF_JF(STR, xf_term, "org_name", org_name),
    XF_JF(STR, xf_term, "org_kind", org_kind),
};

static const xf_jfield term_fields[] = {
    XF_JF(ID, xf_term, "id", id),
    XF_JF(STR, xf_term, "elected_on", elected_on),
    XF_JF(INT, xf_term, "years", years),
    XF_JF(STR, xf_term, "ends_on", ends_on),
    XF_JF(STR, xf_term, "reminder_on", reminder_on),
    XF_JF(INT, xf_term, "days_left", days_left),
    XF_JF(BOOL, xf_term, "reminder_due", reminder_due),
    XF_JF(BOOL, xf_term, "overdue", overdue),
    XF_JF(I64, xf_term, "entitled", entitled),
    XF_JF(I64, xf_term, "present", present),
    XF_JF(STR, xf_term, "state", state),
    XF_JF(ID, xf_term, "approved_by_org", approved_by_org),
    XF_JF(STR, xf_term, "approved_by_org_name", approved_by_org_name),
    XF_JF(STR, xf_term, "approved_on", approved_on),
    XF_JF(STR, xf_term, "approval_no", approval_no),
    XF_JF(ID, xf_term, "created_by", created_by),
    XF_JF(TIME, xf_term, "created_at", created_at),
};

static const xf_jfield position_fields[] = {
    XF_JF(I64, xf_term_position, "member_id", member_id),
    XF_JF(STR, xf_term_position, "member_name", member_name),
    XF_JF(STR, xf_term_position, "position", position),
    XF_JF(ID, xf_term_position, "votes", votes),
};

void xf_term_json(xf_jw *w, const xf_term *t)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, org_fields);
	if (!t->id) {
		xf_jw_key(w, "id");
		xf_jw_null(w);
		xf_jw_key(w, "missing");
		xf_jw_bool(w, 1);
		xf_jw_obj_end(w);
		return;
	}
	XF_JW_FIELDS(w, t, term_fields);
	xf_jw_key(w, "missing");
	xf_jw_bool(w, 0);
	if (t->positions)
		XF_JW_RECORDS(w, "positions", t->positions, t->npositions,
		              position_fields);
	xf_jw_obj_end(w);
}
