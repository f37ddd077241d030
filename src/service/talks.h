/*
 * talks.h (service) - talks (谈心谈话) with members absent three
 * times in a row without leave.
 *
 * Reads out of the caller's scope answer 404, writes 403. Every write is
 * audited in its transaction. Returns XF_OK or an error kind with c->err
 * filled; results live in c->a.
 */
#ifndef XF_SERVICE_TALKS_H
#define XF_SERVICE_TALKS_H

#include "service/ctx.h"
#include "store/meetings.h"

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

#endif
