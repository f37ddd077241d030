/*
 * inbox.h (service) - the caller's inbox (待办): what is due for it, by
 * its roles on the organization tree, computed from the use cases that
 * own each thing (no SQL of its own):
 *   secretary  per organization of its subtree, the meetings still owed
 *              this month/quarter/year and those missed this quarter
 *              (compliance.h), and the task milestones and tasks due
 *              within XF_INBOX_DAYS days or overdue (tasks.h);
 *   committee, admin  the same over the subtree, summarized: one item for
 *              the organizations owing meetings, one for the tasks due;
 *   staff      pending claims it may approve (point_claims.h) and notices
 *              with open objections it may answer (notices.h);
 *   staff      (committee, secretary, admin) one item for the terms of
 *              its subtree to prepare (6 months before the end) or
 *              overdue, one for the transfers past their letter's
 *              deadline (terms.h, transfers.h);
 *   member     its own claims decided in the last XF_INBOX_DAYS days and
 *              the notices over it open for objections.
 * Items are sorted by xf_inbox_cmp (domain/inbox.h).
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_INBOX_H
#define XF_SERVICE_INBOX_H

#include "model/inbox.h"
#include "service/ctx.h"

typedef struct xf_inbox {
	const char *today;
	xf_inbox_item *items;
	int n;
} xf_inbox;

int xf_inbox_read(xf_ctx *c, xf_inbox *out);

#endif
