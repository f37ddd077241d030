/*
 * member.c - the JSON form of members and of their transfers.
 */
#include "model/member.h"

#include "model/fields.h"
#include "model/pii.h"

#include <string.h>

static const xf_jfield member_fields[] = {
    XF_JF(I64, xf_member, "id", id),
    XF_JF(STR, xf_member, "name", name),
    XF_JF(STR, xf_member, "gender", gender),
};

/* after the personal data */
static const xf_jfield member_tail_fields[] = {
    XF_JF(I64, xf_member, "org_id", org_id),
    XF_JF(STR, xf_member, "org_name", org_name),
    XF_JF(STR, xf_member, "status", status),
    XF_JF(STR, xf_member, "joined_on", joined_on),
    XF_JF(STR, xf_member, "full_on", full_on),
    XF_JF(STR, xf_member, "ethnicity", ethnicity),
    XF_JF(STR, xf_member, "education", education),
    XF_JF(STR, xf_member, "position", position),
};

void xf_member_json(xf_jw *w, const xf_member *m, int may_see_pii)
{
	char buf[XF_PII_MAX];
	xf_jw_obj(w);
	XF_JW_FIELDS(w, m, member_fields);
	xf_jw_kstr(
	    w, "id_number",
	    xf_pii_shown(XF_PII_ID_NUMBER, m->id_number, may_see_pii, buf));
	xf_jw_kstr(w, "phone",
	           xf_pii_shown(XF_PII_PHONE, m->phone, may_see_pii, buf));
	xf_jw_kbool(w, "pii_masked", !may_see_pii);
	/* The birth date is digits 7-14 of the ID number: masked views show
	 * the year only, or the masking could be undone. */
	xf_jw_kstr(
	    w, "birth_date",
	    xf_pii_shown(XF_PII_BIRTH_DATE, m->birth_date, may_see_pii, buf));
	xf_jw_key(w, "birth_year");
	xf_jw_strn(w, m->birth_date, strlen(m->birth_date) >= 4 ? 4 : 0);
	XF_JW_FIELDS(w, m, member_tail_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield transfer_fields[] = {
    XF_JF(I64, xf_transfer, "id", id),
    XF_JF(I64, xf_transfer, "from_org_id", from_org_id),
    XF_JF(STR, xf_transfer, "from_org_name", from_org_name),
    XF_JF(I64, xf_transfer, "to_org_id", to_org_id),
    XF_JF(STR, xf_transfer, "to_org_name", to_org_name),
    XF_JF(STR, xf_transfer, "reason", reason),
    XF_JF(TIME, xf_transfer, "at", at),
    XF_JF(ID, xf_transfer, "user_id", user_id),
    XF_JF(STR, xf_transfer, "kind", kind),
    XF_JF(STR, xf_transfer, "state", state),
    XF_JF(STR, xf_transfer, "letter_no", letter_no),
    XF_JF(STR, xf_transfer, "deadline_on", deadline_on),
    XF_JF(STR, xf_transfer, "arrived_on", arrived_on),
};

void xf_transfer_json(xf_jw *w, const xf_transfer *t)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, transfer_fields);
	xf_jw_obj_end(w);
}
