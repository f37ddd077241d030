/*
 * member.c - the JSON form of members and of their transfers.
 */
#include "model/member.h"

#include "base/date.h"
#include "model/org.h"
#include "model/pii.h"

#include <string.h>

void xf_member_json(xf_jw *w, const xf_member *m, int may_see_pii)
{
	char buf[XF_PII_MAX];
	xf_jw_obj(w);
	xf_jw_kint(w, "id", m->id);
	xf_jw_kstr(w, "name", m->name);
	xf_jw_kstr(w, "gender", m->gender);
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
	xf_org_ref_json(w, m->org_id, m->org_name);
	xf_jw_kstr(w, "status", m->status);
	xf_jw_kstr(w, "joined_on", m->joined_on);
	xf_jw_kstr(w, "full_on", m->full_on);
	xf_jw_kstr(w, "ethnicity", m->ethnicity);
	xf_jw_kstr(w, "education", m->education);
	xf_jw_kstr(w, "position", m->position);
	xf_jw_obj_end(w);
}

void xf_transfer_json(xf_jw *w, const xf_transfer *t)
{
	char at[32];
	xf_time_iso(t->at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", t->id);
	xf_jw_kint(w, "from_org_id", t->from_org_id);
	xf_jw_kstr(w, "from_org_name", t->from_org_name);
	xf_jw_kint(w, "to_org_id", t->to_org_id);
	xf_jw_kstr(w, "to_org_name", t->to_org_name);
	xf_jw_kstr(w, "reason", t->reason);
	xf_jw_kstr(w, "at", at);
	xf_jw_kid(w, "user_id", t->user_id);
	xf_jw_obj_end(w);
}
