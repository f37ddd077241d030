/*
 * activities.h - the rules of activities (机关文化、普惠服务活动) with
 * sign-ups: the kinds of activity, when a sign-up is open, whether a new
 * sign-up is confirmed or waits, and how many waiting sign-ups move up
 * after a cancellation (the earliest first).
 *
 * Pure functions: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_ACTIVITIES_H
#define XF_DOMAIN_ACTIVITIES_H

#include "domain/codes.h"

#include <stdint.h>

/* culture 机关文化 / service 普惠服务 / sports 文体活动 / volunteer 志愿服务 */
extern const xf_code xf_activity_kinds[];

#define XF_ACTIVITY_CAPACITY_MAX 10000

/* Sign-up statuses. */
#define XF_SIGNUP_CONFIRMED "confirmed"
#define XF_SIGNUP_WAITING   "waiting"

/* Why a sign-up is refused, or 0 when it may be taken. */
enum {
	XF_SIGNUP_OK = 0,
	XF_SIGNUP_CLOSED,  /* now is at or after the close of the window */
	XF_SIGNUP_STARTED, /* the activity has started */
};
/* Whether a sign-up at now (unix seconds) is open for an activity that
 * starts at starts_at with its window closing at closes_at. */
int xf_activity_signup_open(int64_t now, int64_t starts_at, int64_t closes_at);

/* The status of a new sign-up when `confirmed` are already confirmed out
 * of capacity: XF_SIGNUP_CONFIRMED while there is room, else
 * XF_SIGNUP_WAITING. */
const char *xf_activity_signup_status(int64_t confirmed, int capacity);

/* How many waiting sign-ups move up (the earliest first) when confirmed
 * are left confirmed out of capacity and waiting wait: the free places,
 * at most the waiting ones, never negative. */
int64_t xf_activity_promotions(int64_t confirmed, int capacity,
                               int64_t waiting);

/* The times of a new activity are consistent: the window closes no later
 * than the start. Returns 1 if so. */
int xf_activity_times_valid(int64_t starts_at, int64_t closes_at);

#endif
