/*
 * sse.c - Server-Sent Events over libmicrohttpd (sse.h): a response whose
 * content comes from a callback reading the channel; when there is
 * nothing to send the connection is suspended and the hub resumes it on
 * the next event. A ticker thread wakes streams silent for 15 s so that
 * they send a keep-alive comment (and a client that left is noticed).
 */
#include "http/sse.h"

#include "base/events.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define IDLE_MS 15000

typedef struct stream {
	xf_subscriber *sub;
	struct MHD_Connection *conn;
	int64_t touched; /* the last write, ms */
} stream;

static volatile int closing;
static pthread_once_t ticker_once = PTHREAD_ONCE_INIT;

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *ticker(void *arg)
{
	(void)arg;
	for (;;) {
		struct timespec ts = {2, 0};
		nanosleep(&ts, NULL);
		xf_events_tick(now_ms(), IDLE_MS);
	}
	return NULL;
}

static void start_ticker(void)
{
	pthread_t t;
	if (pthread_create(&t, NULL, ticker, NULL) == 0)
		pthread_detach(t);
}

/* Called under the hub's lock: the connection sleeps / wakes. */
static void on_sleep(void *arg)
{
	MHD_suspend_connection(((stream *)arg)->conn);
}

static void on_wake(void *arg)
{
	MHD_resume_connection(((stream *)arg)->conn);
}

static ssize_t reader(void *cls, uint64_t pos, char *buf, size_t max)
{
	stream *st = cls;
	if (closing)
		return MHD_CONTENT_READER_END_OF_STREAM;
	static const char hello[] = "retry: 3000\n\n", ping[] = ": ping\n\n";
	int64_t now = now_ms();
	size_t n = 0;
	if (pos == 0 && max >= sizeof hello - 1) {
		/* first: the reconnect delay, which also sends the headers */
		memcpy(buf, hello, sizeof hello - 1);
		n = sizeof hello - 1;
	}
	if (n == 0)
		n = xf_events_read(st->sub, buf, max, 0);
	if (n == 0 && now - st->touched >= IDLE_MS && max >= sizeof ping - 1) {
		/* silent too long (woken by the ticker): keep alive */
		memcpy(buf, ping, sizeof ping - 1);
		n = sizeof ping - 1;
	}
	if (n == 0) {
		n = xf_events_read(st->sub, buf, max, 1);
		if (n == 0)
			return 0; /* suspended until the next event */
	}
	st->touched = now;
	xf_events_touch(st->sub, now);
	return (ssize_t)n;
}

static void release(void *cls)
{
	stream *st = cls;
	xf_events_unsubscribe(st->sub);
	free(st);
}

void xf_reply_events(xf_req *r, const char *channel)
{
	pthread_once(&ticker_once, start_ticker);
	const char *last = xf_req_header(r, "Last-Event-ID");
	uint64_t since = last ? strtoull(last, NULL, 10) : 0;
	stream *st = calloc(1, sizeof *st);
	if (!st) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return;
	}
	st->conn = r->conn;
	st->sub = xf_events_subscribe(channel, since, on_sleep, on_wake, st);
	if (!st->sub) {
		free(st);
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return;
	}
	st->touched = now_ms();
	xf_events_touch(st->sub, st->touched);
	r->stream = st;
	r->status = 200;
	r->content_type = "text/event-stream; charset=utf-8";
}

void *xf_sse_response(xf_req *r)
{
	stream *st = r->stream;
	struct MHD_Response *resp = MHD_create_response_from_callback(
	    MHD_SIZE_UNKNOWN, 4096, reader, st, release);
	if (!resp) {
		release(st);
		r->stream = NULL;
		return NULL;
	}
	r->stream = NULL; /* the response owns it now */
	MHD_add_response_header(resp, "X-Accel-Buffering", "no");
	return resp;
}

void xf_sse_shutdown(void)
{
	closing = 1;
	xf_events_tick(INT64_MAX, 0);
}
