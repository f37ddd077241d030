/*
 * user.c - the JSON form of users and their roles.
 */
#include "model/user.h"

void xf_user_json_open(xf_jw *w, const xf_user *u)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", u->id);
	xf_jw_kstr(w, "username", u->username);
	xf_jw_kstr(w, "display_name", u->display_name);
	xf_jw_kid(w, "member_id", u->member_id);
	xf_jw_kbool(w, "disabled", u->disabled);
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
