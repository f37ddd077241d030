/*
 * sse.h - Server-Sent Events: a request answered as a stream of one
 * channel of live events (base/events.h), kept open with a comment every
 * 15 s of silence; the connection sleeps (suspended, no thread held)
 * while nothing happens. Resumes from the Last-Event-ID the browser's
 * EventSource sends after a reconnect.
 */
#ifndef XF_HTTP_SSE_H
#define XF_HTTP_SSE_H

#include "http/server.h"

/* Answers r as the event stream of channel (copied). */
void xf_reply_events(xf_req *r, const char *channel);

/* For server.c: the MHD response of a request answered by
 * xf_reply_events (a struct MHD_Response *), or NULL; and the end of
 * every stream before the daemon stops. */
void *xf_sse_response(xf_req *r);
void xf_sse_shutdown(void);

#endif
