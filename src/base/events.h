/*
 * events.h - live events, written once for every module: named channels
 * ("review:12") that keep their last XF_EVENTS_KEEP events, each with a
 * sequence number, a name and a JSON text. Use cases publish after their
 * transaction commits; the HTTP layer streams a channel to its
 * subscribers as Server-Sent Events (http/sse.h) and is woken through the
 * waker it registers. Thread-safe; events live in process memory (one
 * server: a second server on the same database does not see them).
 */
#ifndef XF_BASE_EVENTS_H
#define XF_BASE_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#define XF_EVENTS_KEEP    256 /* events kept per channel */
#define XF_EVENT_DATA_MAX 16384

/* Appends an event to channel (created on first use) and wakes its
 * waiting subscribers. data is copied (at most XF_EVENT_DATA_MAX bytes;
 * longer data is dropped with a warning event instead). */
void xf_events_publish(const char *channel, const char *event,
                       const char *data);

/* The same, but only to a channel that exists already (one somebody has
 * subscribed to, or published to with xf_events_publish, since the start):
 * for families of channels such as one per organization, which would
 * otherwise keep a ring for every organization ever written. */
void xf_events_publish_watched(const char *channel, const char *event,
                               const char *data);

/* A subscriber of one channel: owned by the HTTP layer. */
typedef struct xf_subscriber xf_subscriber;

/* Subscribes to channel from the events after since (0: only new ones).
 * When the subscriber has nothing to read, sleep(arg) is called and it
 * waits; wake(arg) is called when an event arrives (or xf_events_tick
 * says so). Both are called under the hub's lock, so a wake never comes
 * before its sleep. NULL when out of memory. */
xf_subscriber *xf_events_subscribe(const char *channel, uint64_t since,
                                   void (*sleep)(void *arg),
                                   void (*wake)(void *arg), void *arg);
void xf_events_unsubscribe(xf_subscriber *s);

/*
 * Writes the subscriber's next events into buf as SSE frames ("id: N\n
 * event: NAME\ndata: JSON\n\n"), as many whole frames as fit. Returns the
 * bytes written; 0 when there is nothing new, in which case, when
 * may_wait, the subscriber sleeps until the next event of its channel or
 * xf_events_tick wakes it (once).
 */
size_t xf_events_read(xf_subscriber *s, char *buf, size_t max, int may_wait);

/* Wakes every waiting subscriber that has not been written to for
 * idle_ms (for keep-alive comments; idle_ms 0: all of them, to shut
 * down); returns how many it woke. */
int xf_events_tick(int64_t now_ms, int64_t idle_ms);
/* The time of the subscriber's last write (ms, as passed to _touch). */
void xf_events_touch(xf_subscriber *s, int64_t now_ms);

#endif
