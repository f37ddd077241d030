/*
 * measures.h (service) - follow-up measures (整改措施) of a meeting.
 *
 * Reads out of the caller's scope answer 404, writes 403. Every write is
 * audited in its transaction. Returns XF_OK or an error kind with c->err
 * filled; results live in c->a.
 */
#ifndef XF_SERVICE_MEASURES_H
#define XF_SERVICE_MEASURES_H

#include "service/ctx.h"
#include "store/meetings.h"

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

#endif
