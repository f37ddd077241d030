/*
 * term.c - the JSON form of a term of a committee (换届) and its
 * positions.
 */
#include "model/term.h"

#include "model/fields.h"

static const xf_jfield org_fields[] = {XF_JF_LIST(XF_TERM_ORG, xf_term)};

static const xf_jfield term_fields[] = {XF_JF_LIST(XF_TERM_FIELDS, xf_term)};

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
