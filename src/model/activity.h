/*
 * activity.h - an activity (机关文化、普惠服务活动), a sign-up to it and a
 * year's counts, as every layer sees them, with their JSON forms.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_ACTIVITY_H
#define XF_MODEL_ACTIVITY_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_activity {
	int64_t id, org_id;
	const char *org_path, *org_name;
	const char *title, *kind, *place;
	const char *description;             /* or NULL */
	int64_t starts_at, signup_closes_at; /* unix seconds */
	int capacity, year;
	int64_t confirmed, waiting, attended; /* counts of its sign-ups */
	/* the caller's own sign-up: status NULL when none; position is the
	 * place on the waiting list (1: next), 0 when confirmed */
	const char *my_status;
	int64_t my_position;
	int64_t created_by, created_at, updated_at;
} xf_activity;

typedef struct xf_activity_signup {
	int64_t id, activity_id, member_id;
	const char *member_name, *org_name;
	const char *status;
	int64_t position; /* on the waiting list; 0 when confirmed */
	int attended;
	int64_t signed_up_at;
} xf_activity_signup;

/* A year's counts over a subtree. */
typedef struct xf_activity_stats {
	int year;
	int64_t activities, past, confirmed, waiting, attended;
	int64_t kind_counts[8]; /* by index of xf_activity_kinds */
} xf_activity_stats;

void xf_activity_json(xf_jw *w, const xf_activity *a);
void xf_activity_signup_json(xf_jw *w, const xf_activity_signup *s);

#endif
