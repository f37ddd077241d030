/*
 * notify.h (service) - outside channels: messages about new inbox items
 * (a claim to approve, an objection to answer) sent to the people who
 * answer for them through every registered sender (model/message.h: the
 * webhook of http/webhook.h; an SMS or 浙政钉 sender implements the same
 * struct, see docs/operations.md).
 *
 * Sending never happens on a request thread: a use case, after its
 * commit, hands its messages to a bounded queue (XF_NOTIFY_QUEUE) and one
 * worker thread sends them, retrying a sender that answers XF_SEND_RETRY
 * up to XF_NOTIFY_TRIES times with growing delays (1 s, 2 s, 4 s, ...).
 * A full queue drops the new message and says so in the log; what is
 * still queued at stop is dropped too (the inbox itself, GET /api/inbox,
 * stays the record of what is due). Disabled until xf_notify_start.
 */
#ifndef XF_SERVICE_NOTIFY_H
#define XF_SERVICE_NOTIFY_H

#include "model/message.h"
#include "service/ctx.h"
#include "store/notices.h"
#include "store/point_claims.h"

#define XF_NOTIFY_QUEUE   1024
#define XF_NOTIFY_TRIES   5
#define XF_NOTIFY_SENDERS 4

/*
 * Registers a sender; the notifier owns it from then on (destroyed at
 * xf_notify_stop, or at once when the table is full). 0, or -1.
 * Call before xf_notify_start.
 */
int xf_notify_register(xf_sender *s);
/*
 * Starts the worker when senders are registered. kinds: the inbox kinds
 * that send messages, comma-separated ("claim,objection"; NULL: those
 * two). retry_ms: the first retry's delay (0: 1000). 0, or -1.
 */
int xf_notify_start(const char *kinds, int retry_ms);
/* Stops the worker, drops what is queued, destroys the senders. */
void xf_notify_stop(void);
/* 1 when messages of kind are sent. */
int xf_notify_wants(const char *kind);

/* Queues a copy of m for every sender (m->id and created_at are filled
 * when empty). 0, or -1 when disabled or the queue is full. */
int xf_notify_post(const xf_message *m);

/* After the commit of a use case: tells who must act. They read in a
 * transaction of their own and never fail the use case. */
/* A pending claim: its approvers (by the rule's approver role). */
void xf_notify_claim_pending(xf_ctx *c, const xf_point_claim *cl);
/* A new objection: the committee staff over the notice's organization. */
void xf_notify_objection(xf_ctx *c, const xf_point_objection *o);

#endif
