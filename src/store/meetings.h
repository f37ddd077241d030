/*
 * meetings.h - SQL of organizational life: meetings and their 第一议题,
 * follow-up measures (落实举措), attendance, talks (谈心谈话), the
 * aggregates the compliance board reads, and the configured meeting rules.
 *
 * Return codes and string ownership as in orgs.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in. Dates are "YYYY-MM-DD" text.
 */
#ifndef XF_STORE_MEETINGS_H
#define XF_STORE_MEETINGS_H

#include "base/arena.h"
#include "model/meeting.h"
#include "store/db.h"

#include <stdint.h>

typedef struct xf_meeting_page {
	xf_meeting *items;
	int n;
	int64_t total;
} xf_meeting_page;

typedef struct xf_meeting_filter {
	xf_ranges ranges;      /* org_path ranges */
	int64_t org_id;        /* when set: that org only */
	const char *kind;      /* or NULL */
	const char *from, *to; /* held_on range (both included), or NULL */
	int offset, limit;
} xf_meeting_filter;

/* The columns a meeting row is written with, in this order, by insert,
 * update and the bulk load (bulk_history.c), and the fields they come
 * from; has_ft (1 when ft_title is set) comes after them. */
#define XF_MEETING_WRITE_SQL                                                   \
	"org_id, org_path, kind, held_at, held_on, counts_on, makeup_for, "    \
	"late, place, topic, host, recorder, lecturer, agenda, minutes, "      \
	"ft_title, ft_source, ft_speech_date, ft_discussion"
#define XF_MEETING_NWRITE 19
extern const xf_db_col xf_meeting_write_cols[XF_MEETING_NWRITE];

int xf_store_meeting_get(xf_db *db, xf_arena *a, int64_t id, xf_meeting *out);
/* Inserts m and sets m->id. */
int xf_store_meeting_insert(xf_db *db, xf_meeting *m, int64_t now);
int xf_store_meeting_update(xf_db *db, const xf_meeting *m, int64_t now);
/* Deletes a meeting with its measures, attendance and attachments (and
 * the blobs only they used). */
int xf_store_meeting_delete(xf_db *db, int64_t id);
/* Newest first. */
int xf_store_meeting_list(xf_db *db, xf_arena *a, const xf_meeting_filter *f,
                          xf_meeting_page *out);

/* ---- follow-up measures of a first topic ------------------------------- */

int xf_store_measure_get(xf_db *db, xf_arena *a, int64_t id, xf_measure *out);
int xf_store_measure_insert(xf_db *db, xf_measure *m, int64_t now);
int xf_store_measure_update(xf_db *db, const xf_measure *m, int64_t now);
int xf_store_measure_delete(xf_db *db, int64_t id);
/* The measures of a meeting, by due date (at most 500). */
int xf_store_measure_list(xf_db *db, xf_arena *a, int64_t meeting_id,
                          xf_measure **out, int *n);
/* Open (not done) measures within ranges, by due date; paged. */
int xf_store_measure_open(xf_db *db, xf_arena *a, const xf_ranges *r,
                          int offset, int limit, xf_measure **out, int *n,
                          int64_t *total);

/* ---- attendance ---------------------------------------------------------- */

typedef struct xf_attendee {
	int64_t member_id, org_id;
	const char *name, *org_name;
	const char *status; /* NULL: not recorded yet */
} xf_attendee;

/*
 * The register of a meeting: every member with a recorded status, and
 * every member now in the subtree [lo, hi) who had joined the party by
 * held_on and has none yet (status NULL). In path order (at most max).
 */
int xf_store_attendance_roster(xf_db *db, xf_arena *a, int64_t meeting_id,
                               const char *lo, const char *hi,
                               const char *held_on, int max, xf_attendee **out,
                               int *n);
int xf_store_attendance_clear(xf_db *db, int64_t meeting_id);
int xf_store_attendance_put(xf_db *db, int64_t meeting_id, int64_t member_id,
                            const char *status);
/* Whether a member is on the register of a meeting (*on 0 or 1). */
int xf_store_attendance_has(xf_db *db, int64_t meeting_id, int64_t member_id,
                            int *on);

/*
 * Calls fn for every attendance row of the meetings in [lo, hi) held on or
 * after since, by member, newest meeting first. fn returns 0 to go on.
 */
typedef int (*xf_attendance_fn)(void *arg, int64_t member_id,
                                const char *status, const char *held_on);
int xf_store_attendance_scan(xf_db *db, const char *lo, const char *hi,
                             const char *since, xf_attendance_fn fn, void *arg);

/* ---- talks ------------------------------------------------------------- */

int xf_store_talk_insert(xf_db *db, xf_talk *t, int64_t now);
/* The day of a member's latest talk into *on (arena), NULL if none. */
int xf_store_talk_last(xf_db *db, xf_arena *a, int64_t member_id,
                       const char **on);
/* Talks within ranges (member_id 0: all), newest first; paged. */
int xf_store_talk_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                       int64_t member_id, int offset, int limit, xf_talk **out,
                       int *n, int64_t *total);

/* ---- configured rules --------------------------------------------------- */

typedef struct xf_meeting_rule {
	const char *org_kind, *meeting_kind, *frequency;
} xf_meeting_rule;

/* All configured rules (at most 200). */
int xf_store_rules_list(xf_db *db, xf_arena *a, xf_meeting_rule **out, int *n);
int xf_store_rules_clear(xf_db *db);
int xf_store_rule_put(xf_db *db, const xf_meeting_rule *r);

#endif
