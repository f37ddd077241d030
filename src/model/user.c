/*
 * user.c - the JSON form of users and their roles.
 */
#include "model/user.h"

#include "model/fields.h"

static const xf_jfield user_fields[] = {
    XF_JF(I64, xf_user, "id", id),
    XF_JF(STR, xf_user, "username", username),
    XF_JF(STR, xf_user, "display_name", display_name),
    XF_JF(ID, xf_user, "member_id", member_id),
    XF_JF(BOOL, xf_user, "disabled", disabled),
    XF_JF(BOOL, xf_user, "totp_enabled", totp_enabled),
};

static const xf_jfield session_fields[] = {
    XF_JF(I64, xf_session_info, "id", id),
    XF_JF(TIME, xf_session_info, "created_at", created_at),
    XF_JF(TIME, xf_session_info, "last_seen", last_seen),
    XF_JF(TIME, xf_session_info, "expires_at", expires_at),
    XF_JF(STR, xf_session_info, "addr", addr),
    XF_JF(STR, xf_session_info, "user_agent", user_agent),
    XF_JF(BOOL, xf_session_info, "current", current),
};

void xf_user_json_open(xf_jw *w, const xf_user *u)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, u, user_fields);
	xf_jw_key(w, "roles");
	xf_jw_arr(w);
	for (int i = 0; i < u->nroles; i++) {
		const xf_user_role *r = &u->roles[i];
		xf_jw_obj(w);
		xf_jw_kstr(w, "role", r->role);
		xf_jw_kid(w, "org_id", r->org_id);
		xf_jw_kstr(w, "org_name", r->org_id ? r->org_name : NULL);
		xf_jw_kstr(w, "org_path", r->org_id ? r->org_path : NULL);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
}

void xf_user_json(xf_jw *w, const xf_user *u)
{
	xf_user_json_open(w, u);
	xf_jw_obj_end(w);
}

void xf_session_info_json(xf_jw *w, const xf_session_info *s)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, s, session_fields);
	xf_jw_obj_end(w);
}
