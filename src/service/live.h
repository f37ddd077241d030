/*
 * live.h (service) - live events after a commit: published to this
 * server's subscribers (base/events.h) and, on PostgreSQL, to the other
 * servers on the same database through NOTIFY, whose listener (started
 * by `serve`) publishes them to their own subscribers. An event whose
 * data does not fit a notification (8000 bytes) reaches the other servers
 * with empty data ({}): their pages read again on any event anyway.
 */
#ifndef XF_SERVICE_LIVE_H
#define XF_SERVICE_LIVE_H

#include "service/ctx.h"

void xf_live_publish(xf_ctx *c, const char *channel, const char *event,
                     const char *data);
/* Starts the listener of db_url (PostgreSQL; nothing on SQLite) in a
 * thread of its own; 0, or -1. xf_live_stop ends it. */
int xf_live_start(const char *db_url);
void xf_live_stop(void);

#endif
