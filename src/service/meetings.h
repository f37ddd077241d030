/*
 * meetings.h (service) - use cases of organizational life: meetings with
 * their 第一议题 and follow-up measures, attendance registers, and talks
 * (谈心谈话) with members absent three times in a row without leave.
 *
 * Reads out of the caller's scope answer 404, writes 403. Every write is
 * audited in its transaction. Returns XF_OK or an error kind with c->err
 * filled; results live in c->a.
 */
#ifndef XF_SERVICE_MEETINGS_H
#define XF_SERVICE_MEETINGS_H

#include "service/ctx.h"
#include "store/meetings.h"
#include "store/orgs.h"

/* Fields of a create or update; has_* says which were given (null
 * counts as given). Strings are validated UTF-8 of bounded length. */
typedef struct xf_meeting_input {
	int64_t org_id;
	const char *kind, *held_at, *makeup_for;
	const char *place, *topic, *host, *recorder, *lecturer, *agenda,
	    *minutes;
	/* first_topic: has_first_topic with ft_title NULL removes it */
	const char *ft_title, *ft_source, *ft_speech_date, *ft_discussion;
	int has_org_id, has_kind, has_held_at, has_makeup_for, has_place,
	    has_topic, has_host, has_recorder, has_lecturer, has_agenda,
	    has_minutes, has_first_topic;
} xf_meeting_input;

/* What the rules say about m, for its JSON form (model/meeting.h). */
xf_meeting_facts xf_meeting_facts_of(const xf_meeting *m);

int xf_meeting_create(xf_ctx *c, const xf_meeting_input *in, xf_meeting *out);
/* The meeting with its measures. */
int xf_meeting_read(xf_ctx *c, int64_t id, xf_meeting *out,
                    xf_measure **measures, int *nmeasures);
int xf_meeting_update(xf_ctx *c, int64_t id, const xf_meeting_input *in,
                      xf_meeting *out);
int xf_meeting_remove(xf_ctx *c, int64_t id);
/* org_id 0: the caller's scope; subtree: include descendants of org;
 * kind, period ("2024Q3", "2024-07", "2024") or NULL. */
int xf_meeting_list(xf_ctx *c, int64_t org_id, int subtree, const char *kind,
                    const char *period, int offset, int limit,
                    xf_meeting_page *out);

/* ---- follow-up measures ---------------------------------------------- */

typedef struct xf_measure_input {
	const char *title, *owner, *due_on, *done_on;
	int has_title, has_owner, has_due_on, has_done_on;
} xf_measure_input;

int xf_measure_create(xf_ctx *c, int64_t meeting_id, const xf_measure_input *in,
                      xf_measure *out);
int xf_measure_update(xf_ctx *c, int64_t id, const xf_measure_input *in,
                      xf_measure *out);
int xf_measure_remove(xf_ctx *c, int64_t id);
/* Open measures of org's subtree (org 0: the caller's scope). */
int xf_measure_open_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                         xf_measure **out, int *n, int64_t *total);

/* ---- attendance -------------------------------------------------------- */

typedef struct xf_attendance_item {
	int64_t member_id;
	const char *status;
} xf_attendance_item;

#define XF_ATTENDANCE_MAX 2000

/* The register: every expected member, with status NULL if unrecorded. */
int xf_attendance_read(xf_ctx *c, int64_t meeting_id, xf_meeting *m,
                       xf_attendee **out, int *n);
/* Replaces the register with items (each member once; members on the
 * register or now in the meeting org's subtree). On a bad item, c->err
 * names "items[i].member_id". */
int xf_attendance_write(xf_ctx *c, int64_t meeting_id,
                        const xf_attendance_item *items, int n);

/* ---- talks ------------------------------------------------------------- */

typedef struct xf_talk_due {
	int64_t member_id, org_id;
	const char *name, *org_name;
	int streak;        /* absences in a row without leave */
	const char *since; /* day of the oldest absence of the streak */
	const char *last_absent_on;
	const char *last_talk_on; /* or NULL */
} xf_talk_due;

/* Members of org's subtree (org 0: the caller's widest grant) absent from
 * XF_TALK_STREAK meetings in a row since their last talk. */
int xf_talks_due(xf_ctx *c, int64_t org_id, xf_talk_due **out, int *n);
int xf_talk_create(xf_ctx *c, int64_t member_id, const char *held_on,
                   const char *notes, xf_talk *out);
int xf_talk_list(xf_ctx *c, int64_t org_id, int64_t member_id, int offset,
                 int limit, xf_talk **out, int *n, int64_t *total);

/* ---- shared with compliance.c ------------------------------------------ */

/* Resolves the org of a scoped read (0: the caller's widest grant) into
 * its path range; out of scope or unknown is 404 on `field`. */
int xf_meetings_scope_org(xf_ctx *c, int64_t org_id, const char *field,
                          xf_org *o, const char **lo, const char **hi);

#endif
