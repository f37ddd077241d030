/*
 * message.h - a message to one person through an outside channel (a
 * webhook, SMS, 浙政钉), and the one interface every channel's sender
 * implements. The notifier (service/notify.h) queues messages and hands
 * each to every registered sender off the request threads; main.c builds
 * the senders from the configuration (docs/operations.md).
 *
 * Layer-neutral: includes only base/. A message's strings are borrowed
 * from whoever filled it; the notifier keeps its own copy while queued.
 */
#ifndef XF_MODEL_MESSAGE_H
#define XF_MODEL_MESSAGE_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_message {
	char id[33];       /* delivery id: 32 hex digits, the same on retries */
	int64_t user_id;   /* the recipient's user id */
	const char *name;  /* the recipient's display name */
	const char *phone; /* the recipient's phone, or NULL */
	const char *kind;  /* the inbox kind it announces (domain/inbox.h) */
	const char *title, *body; /* Chinese, for the recipient */
	const char *link;         /* the web route to open */
	const char *ref;          /* what it is about: "claim:12" */
	int64_t org_id;
	int64_t created_at; /* unix seconds */
} xf_message;

/* What a sender's send answers. */
enum {
	XF_SEND_OK = 0,     /* delivered */
	XF_SEND_RETRY = 1,  /* failed for now (timeout, 5xx): try again */
	XF_SEND_FAILED = -1 /* refused for good (4xx, bad message): drop */
};

/*
 * A channel. send is called from the notifier's one worker thread, never
 * concurrently for one sender; it must return within its own timeout.
 * destroy frees self (may be NULL). The notifier owns a registered sender
 * and destroys it at stop.
 */
typedef struct xf_sender {
	const char *name; /* "webhook", "sms", ... for the log */
	int (*send)(void *self, const xf_message *m);
	void (*destroy)(void *self);
	void *self;
} xf_sender;

/* {"id","kind","title","body","link","ref","org_id","created_at",
 *  "recipient":{"user_id","name","phone"}}. */
void xf_message_json(xf_jw *w, const xf_message *m);

#endif
