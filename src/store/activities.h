/*
 * activities.h - SQL of activities (机关文化、普惠服务活动; schema v15)
 * and their sign-ups. An activity carries its organization's path, so a
 * subtree's activities are one range scan, and the activities open to a
 * member are those whose path is a prefix of the member's. Return codes
 * and string ownership as in plans.h: XF_DB_OK, XF_DB_ROW (found),
 * XF_DB_DONE (not found) or a negative XF_DB_* error; strings are copied
 * into the arena passed in.
 */
#ifndef XF_STORE_ACTIVITIES_H
#define XF_STORE_ACTIVITIES_H

#include "base/arena.h"
#include "model/activity.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts a (org, fields, created_by) and sets a->id. */
int xf_store_activity_insert(xf_db *db, xf_activity *a, int64_t now);
/* The activity with its sign-up counts and the sign-up of member_id (0:
 * none) as my_status and my_position. */
int xf_store_activity_get(xf_db *db, xf_arena *ar, int64_t id,
                          int64_t member_id, xf_activity *out);
/* Sets updated_at: every write of sign-ups updates the activity's row, so
 * that concurrent writers of one activity meet on it (one is retried). */
int xf_store_activity_touch(xf_db *db, int64_t id, int64_t now);

/* What a list of activities is limited to. */
typedef struct xf_activity_filter {
	const xf_ranges *ranges; /* subtrees in scope (n 0: none) */
	const char *member_path; /* also those open to it, or NULL */
	int64_t member_id;       /* whose sign-up each row shows, or 0 */
	int year;                /* 0: any */
	int when;                /* 0 any, 1 upcoming, 2 past */
	int64_t now;
} xf_activity_filter;
/* Activities matching f: upcoming ones soonest first, else the latest
 * first; paged. */
int xf_store_activity_list(xf_db *db, xf_arena *ar, const xf_activity_filter *f,
                           int offset, int limit, xf_activity **out, int *n,
                           int64_t *total);
/* The counts of f's year over f's ranges (member_path ignored) into s
 * (kind_counts by index of xf_activity_kinds). */
int xf_store_activity_stats(xf_db *db, xf_arena *a, const xf_activity_filter *f,
                            xf_activity_stats *s);

/* The sign-up of member_id to activity_id: XF_DB_ROW or XF_DB_DONE. */
int xf_store_signup_find(xf_db *db, xf_arena *ar, int64_t activity_id,
                         int64_t member_id, xf_activity_signup *out);
/* The number of sign-ups of activity_id with status. */
int xf_store_signup_count(xf_db *db, int64_t activity_id, const char *status,
                          int64_t *n);
/* Inserts s (activity, member, status) and sets s->id, s->signed_up_at. */
int xf_store_signup_insert(xf_db *db, xf_activity_signup *s, int64_t now);
int xf_store_signup_delete(xf_db *db, int64_t id);
/* The earliest waiting sign-up of activity_id: XF_DB_ROW or XF_DB_DONE. */
int xf_store_signup_first_waiting(xf_db *db, xf_arena *ar, int64_t activity_id,
                                  xf_activity_signup *out);
/* Sets a sign-up's status. */
int xf_store_signup_set_status(xf_db *db, int64_t id, const char *status);
/* The sign-ups of activity_id: confirmed first, then the waiting list in
 * order, each waiting one with its position; at most cap. */
int xf_store_signup_list(xf_db *db, xf_arena *ar, int64_t activity_id, int cap,
                         xf_activity_signup **out, int *n);
/* Marks the sign-up of member_id attended (1) or not (0). */
int xf_store_signup_set_attended(xf_db *db, int64_t activity_id,
                                 int64_t member_id, int attended);

#endif
