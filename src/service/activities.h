/*
 * activities.h (service) - activities (机关文化、普惠服务活动) with
 * sign-ups and a waiting list: created by whoever manages the
 * organization (admin, committee or secretary over it), open to the
 * members of its subtree, who sign up themselves before the window
 * closes; a full activity keeps a waiting list that moves up on
 * cancellations; the organizer records attendance; lists and a year's
 * counts over a subtree.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_ACTIVITIES_H
#define XF_SERVICE_ACTIVITIES_H

#include "domain/activities.h"
#include "service/ctx.h"
#include "store/activities.h"

typedef struct xf_activity_input {
	const char *title, *kind, *place, *description;
	const char *starts_at, *signup_closes_at; /* ISO 8601 with offset */
	int64_t org_id;
	int capacity;
} xf_activity_input;

int xf_activity_create(xf_ctx *c, const xf_activity_input *in,
                       xf_activity *out);
/* Readable by those who may read its organization and by the members of
 * its subtree. */
int xf_activity_read(xf_ctx *c, int64_t id, xf_activity *out);
/* Activities of org_id's subtree (0: the caller's scope and those open to
 * the caller as a member); year 0 any; when 0 any, 1 upcoming, 2 past. */
int xf_activity_list(xf_ctx *c, int64_t org_id, int year, int when, int offset,
                     int limit, xf_activity **out, int *n, int64_t *total);
/* The year's counts over org_id's subtree (0: the caller's scope). */
int xf_activity_stats_read(xf_ctx *c, int64_t org_id, int year,
                           xf_activity_stats *out);

/* The caller signs up (its own member record): out is the sign-up,
 * confirmed while there is room, else waiting with its position. One
 * write transaction counts and inserts, so the confirmed never exceed
 * the capacity. */
int xf_activity_sign_up(xf_ctx *c, int64_t id, xf_activity_signup *out);
/* The caller cancels its sign-up; a confirmed place freed goes to the
 * earliest waiting sign-up in the same transaction (*promoted its member
 * id, or 0). */
int xf_activity_cancel(xf_ctx *c, int64_t id, int64_t *promoted);
/* The sign-ups (confirmed, then the waiting list), for whoever may read
 * the activity's organization. */
int xf_activity_signups(xf_ctx *c, int64_t id, xf_activity_signup **out,
                        int *n);
/* Records who attended (the organizer): each of member_ids must hold a
 * confirmed sign-up; every other sign-up is marked absent. */
int xf_activity_attendance(xf_ctx *c, int64_t id, const int64_t *member_ids,
                           int n);

#endif
