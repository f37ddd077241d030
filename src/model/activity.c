/*
 * activity.c - the JSON forms of activities and their sign-ups.
 */
#include "model/activity.h"

#include "model/fields.h"

static const xf_jfield activity_fields[] = {
    XF_JF(I64, xf_activity, "id", id),
    XF_JF(STR, xf_activity, "title", title),
    XF_JF(STR, xf_activity, "kind", kind),
    XF_JF(STR, xf_activity, "place", place),
    XF_JF(STR, xf_activity, "description", description),
    XF_JF(TIME, xf_activity, "starts_at", starts_at),
    XF_JF(TIME, xf_activity, "signup_closes_at", signup_closes_at),
    XF_JF(INT, xf_activity, "capacity", capacity),
    XF_JF(INT, xf_activity, "year", year),
    XF_JF(I64, xf_activity, "org_id", org_id),
    XF_JF(STR, xf_activity, "org_name", org_name),
    XF_JF(I64, xf_activity, "confirmed", confirmed),
    XF_JF(I64, xf_activity, "waiting", waiting),
    XF_JF(I64, xf_activity, "attended", attended),
    XF_JF(STR, xf_activity, "my_status", my_status),
    XF_JF(ID, xf_activity, "created_by", created_by),
    XF_JF(TIME, xf_activity, "created_at", created_at),
    XF_JF(TIME, xf_activity, "updated_at", updated_at),
};

void xf_activity_json(xf_jw *w, const xf_activity *a)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, a, activity_fields);
	xf_jw_key(w, "my_position");
	if (a->my_status && a->my_position > 0)
		xf_jw_int(w, a->my_position);
	else
		xf_jw_null(w);
	xf_jw_obj_end(w);
}

static const xf_jfield signup_fields[] = {
    XF_JF(I64, xf_activity_signup, "id", id),
    XF_JF(I64, xf_activity_signup, "activity_id", activity_id),
    XF_JF(I64, xf_activity_signup, "member_id", member_id),
    XF_JF(STR, xf_activity_signup, "member_name", member_name),
    XF_JF(STR, xf_activity_signup, "org_name", org_name),
    XF_JF(STR, xf_activity_signup, "status", status),
    XF_JF(BOOL, xf_activity_signup, "attended", attended),
    XF_JF(TIME, xf_activity_signup, "signed_up_at", signed_up_at),
};

void xf_activity_signup_json(xf_jw *w, const xf_activity_signup *s)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, s, signup_fields);
	xf_jw_key(w, "position");
	if (s->position > 0)
		xf_jw_int(w, s->position);
	else
		xf_jw_null(w);
	xf_jw_obj_end(w);
}
