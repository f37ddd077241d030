/*
 * view.h - the JSON form of each entity, written with the streaming writer.
 * The same view serves API answers and audit snapshots, so an entity is
 * described one way only.
 */
#ifndef XF_SERVICE_VIEW_H
#define XF_SERVICE_VIEW_H

#include "base/arena.h"
#include "base/jw.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/users.h"

void xf_view_org(xf_jw *w, const xf_org *o);
/* full_pii: show ID number and phone unmasked */
void xf_view_member(xf_jw *w, const xf_member *m, int full_pii);
void xf_view_user(xf_jw *w, const xf_user *u);
/* The user's fields with the object left open for more keys. */
void xf_view_user_open(xf_jw *w, const xf_user *u);
void xf_view_cluster(xf_jw *w, const xf_cluster *c);

/* Snapshots for the audit log, arena-allocated; NULL on failure. */
char *xf_snap_org(xf_arena *a, const xf_org *o);
char *xf_snap_member(xf_arena *a, const xf_member *m);
char *xf_snap_user(xf_arena *a, const xf_user *u);
char *xf_snap_cluster(xf_arena *a, const xf_cluster *c);

#endif
