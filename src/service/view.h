/*
 * view.h - the JSON form of each entity, written with the streaming writer.
 * The same view serves API answers and audit snapshots, so an entity is
 * described one way only.
 */
#ifndef XF_SERVICE_VIEW_H
#define XF_SERVICE_VIEW_H

#include "base/arena.h"
#include "base/jw.h"
#include "store/meetings.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/point_notices.h"
#include "store/points.h"
#include "store/users.h"

/* Snapshots for the audit log, arena-allocated; NULL on failure. */
char *xf_snap_org(xf_arena *a, const xf_org *o);
char *xf_snap_member(xf_arena *a, const xf_member *m);
char *xf_snap_user(xf_arena *a, const xf_user *u);
char *xf_snap_cluster(xf_arena *a, const xf_cluster *c);

/* ---- organizational life (issue 4) ---- */
char *xf_snap_meeting(xf_arena *a, const xf_meeting *m);
char *xf_snap_measure(xf_arena *a, const xf_measure *m);
char *xf_snap_talk(xf_arena *a, const xf_talk *t);

/* points (issue 5) */
char *xf_snap_point_rule(xf_arena *a, const xf_point_rule *r);
char *xf_snap_point_claim(xf_arena *a, const xf_point_claim *c);
char *xf_snap_point_entry(xf_arena *a, const xf_point_entry *e);
/* A notice without its rows, in state (xf_point_notice_state). */
char *xf_snap_point_notice(xf_arena *a, const xf_point_notice *n,
                           const char *state);
char *xf_snap_point_objection(xf_arena *a, const xf_point_objection *o);

/* Tasks and plans; today decides the statuses shown. */
#include "base/date.h"
#include "store/plans.h"
#include "store/tasks.h"
char *xf_snap_task(xf_arena *a, const xf_task *t, xf_date today);
char *xf_snap_plan(xf_arena *a, const xf_plan *p);
char *xf_snap_milestone(xf_arena *a, const xf_milestone *m, xf_date today);
char *xf_snap_progress(xf_arena *a, const xf_progress *p);
char *xf_snap_acceptance(xf_arena *a, const xf_acceptance *x, const xf_task *t);

/* Duty lists. */
#include "store/duties.h"
char *xf_snap_duty(xf_arena *a, const xf_duty *d);
char *xf_snap_duty_assignment(xf_arena *a, const xf_duty_assignment *as);
char *xf_snap_duty_evidence(xf_arena *a, const xf_duty_evidence *e);

#endif
