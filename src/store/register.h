/*
 * register.h - SQL of the yearly attendance register (出席登记簿) of an
 * organization: the meetings of its subtree in a date range, the members
 * on it, and the recorded statuses.
 *
 * Return codes and string ownership as in meetings.h.
 */
#ifndef XF_STORE_REGISTER_H
#define XF_STORE_REGISTER_H

#include "base/arena.h"
#include "store/db.h"

#include <stdint.h>

typedef struct xf_reg_meeting {
	int64_t id, org_id;
	const char *kind, *held_on, *topic, *org_name;
} xf_reg_meeting;

typedef struct xf_reg_member {
	int64_t id, org_id;
	const char *name, *org_name;
} xf_reg_member;

/* Meetings of the subtree [lo, hi) held on a day in [from, to], by day;
 * at most max (*n = max + 1 would have been more: *more is set). */
int xf_store_register_meetings(xf_db *db, xf_arena *a, const char *lo,
                               const char *hi, const char *from, const char *to,
                               int max, xf_reg_meeting **out, int *n,
                               int *more);
/* Members now in the subtree who joined by `to`, and everyone recorded at
 * one of those meetings; in path order (at most max, *more as above). */
int xf_store_register_members(xf_db *db, xf_arena *a, const char *lo,
                              const char *hi, const char *from, const char *to,
                              int max, xf_reg_member **out, int *n, int *more);
/* Calls fn for every status recorded at those meetings. */
typedef int (*xf_reg_mark_fn)(void *arg, int64_t meeting_id, int64_t member_id,
                              const char *status);
int xf_store_register_marks(xf_db *db, const char *lo, const char *hi,
                            const char *from, const char *to, xf_reg_mark_fn fn,
                            void *arg);

#endif
