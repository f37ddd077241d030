/*
 * attendance.h (service) - the attendance register of a meeting.
 *
 * Reads out of the caller's scope answer 404, writes 403. Every write is
 * audited in its transaction. Returns XF_OK or an error kind with c->err
 * filled; results live in c->a.
 */
#ifndef XF_SERVICE_ATTENDANCE_H
#define XF_SERVICE_ATTENDANCE_H

#include "service/ctx.h"
#include "store/meetings.h"

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

#endif
