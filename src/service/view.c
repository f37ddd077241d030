/*
 * view.c - JSON views of organizations, members, users and clusters.
 */
#include "service/view.h"

#include "domain/idnum.h"
#include "domain/phone.h"

#include <string.h>

void xf_view_org(xf_jw *w, const xf_org *o)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", o->id);
	xf_jw_kstr(w, "name", o->name);
	xf_jw_kstr(w, "kind", o->kind);
	xf_jw_kstr(w, "level", o->level);
	xf_jw_kid(w, "parent_id", o->parent_id);
	xf_jw_kstr(w, "path", o->path);
	xf_jw_kint(w, "depth", o->depth);
	xf_jw_kstr(w, "established_on", o->established_on);
	xf_jw_kstr(w, "project", o->project);
	xf_jw_kstr(w, "starts_on", o->starts_on);
	xf_jw_kstr(w, "ends_on", o->ends_on);
	xf_jw_kstr(w, "closed_on", o->closed_on);
	xf_jw_kint(w, "member_count", o->member_count);
	xf_jw_kint(w, "child_count", o->child_count);
	xf_jw_obj_end(w);
}

void xf_view_member(xf_jw *w, const xf_member *m, int full_pii)
{
	char idm[19], phm[32];
	xf_jw_obj(w);
	xf_jw_kint(w, "id", m->id);
	xf_jw_kstr(w, "name", m->name);
	xf_jw_kstr(w, "gender", m->gender);
	if (full_pii) {
		xf_jw_kstr(w, "id_number", m->id_number);
		xf_jw_kstr(w, "phone", m->phone);
	} else {
		xf_idnum_mask(m->id_number, idm);
		xf_jw_kstr(w, "id_number", idm);
		if (m->phone) {
			xf_phone_mask(m->phone, phm);
			xf_jw_kstr(w, "phone", phm);
		} else {
			xf_jw_kstr(w, "phone", NULL);
		}
	}
	xf_jw_kbool(w, "pii_masked", !full_pii);
	xf_jw_kstr(w, "birth_date", m->birth_date);
	xf_jw_kint(w, "org_id", m->org_id);
	xf_jw_kstr(w, "org_name", m->org_name);
	xf_jw_kstr(w, "status", m->status);
	xf_jw_kstr(w, "joined_on", m->joined_on);
	xf_jw_kstr(w, "full_on", m->full_on);
	xf_jw_kstr(w, "ethnicity", m->ethnicity);
	xf_jw_kstr(w, "education", m->education);
	xf_jw_kstr(w, "position", m->position);
	xf_jw_obj_end(w);
}

void xf_view_user(xf_jw *w, const xf_user *u)
{
	xf_view_user_open(w, u);
	xf_jw_obj_end(w);
}

void xf_view_user_open(xf_jw *w, const xf_user *u)
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

void xf_view_cluster(xf_jw *w, const xf_cluster *c)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", c->id);
	xf_jw_kstr(w, "name", c->name);
	xf_jw_kstr(w, "description", c->description);
	xf_jw_key(w, "orgs");
	xf_jw_arr(w);
	for (int i = 0; i < c->norgs; i++) {
		xf_jw_obj(w);
		xf_jw_kint(w, "id", c->orgs[i].id);
		xf_jw_kstr(w, "name", c->orgs[i].name);
		xf_jw_kstr(w, "kind", c->orgs[i].kind);
		xf_jw_kstr(w, "path", c->orgs[i].path);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

/* Renders through fn into an arena string. */
#define SNAP(a, call)                                                          \
	do {                                                                   \
		xf_buf b;                                                      \
		xf_buf_init(&b, 1 << 20);                                      \
		xf_jw w;                                                       \
		xf_jw_init(&w, &b);                                            \
		call;                                                          \
		char *s = b.failed ? NULL : xf_arena_strndup(a, b.data, b.len); \
		xf_buf_free(&b);                                               \
		return s;                                                      \
	} while (0)

char *xf_snap_org(xf_arena *a, const xf_org *o) { SNAP(a, xf_view_org(&w, o)); }

char *xf_snap_member(xf_arena *a, const xf_member *m)
{
	SNAP(a, xf_view_member(&w, m, 1));
}

char *xf_snap_user(xf_arena *a, const xf_user *u)
{
	SNAP(a, xf_view_user(&w, u));
}

char *xf_snap_cluster(xf_arena *a, const xf_cluster *c)
{
	SNAP(a, xf_view_cluster(&w, c));
}
