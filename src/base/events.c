/*
 * events.c - the hub of live events (events.h): a list of channels, each
 * with a ring of its last events, and the subscribers waiting on them;
 * one mutex guards it all.
 */
#include "base/events.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct event {
	uint64_t seq;
	char *text; /* the whole SSE frame */
	size_t len;
} event;

typedef struct channel {
	char *name;
	uint64_t seq; /* of the last event */
	event ring[XF_EVENTS_KEEP];
	struct channel *next;
} channel;

struct xf_subscriber {
	channel *ch;
	uint64_t last; /* the last event written */
	int waiting;
	int64_t touched_ms;
	void (*sleep)(void *arg), (*wake)(void *arg);
	void *arg;
	xf_subscriber *prev, *next;
};

static pthread_mutex_t hub = PTHREAD_MUTEX_INITIALIZER;
static channel *channels;
static xf_subscriber *subscribers;

static channel *channel_of(const char *name, int create)
{
	for (channel *c = channels; c; c = c->next)
		if (strcmp(c->name, name) == 0)
			return c;
	if (!create)
		return NULL;
	channel *c = calloc(1, sizeof *c);
	if (!c || !(c->name = strdup(name))) {
		free(c);
		return NULL;
	}
	c->next = channels;
	channels = c;
	return c;
}

/* Publishes to channel_name, creating it when create, else only when it
 * exists. */
static void publish(const char *channel_name, const char *name,
                    const char *data, int create)
{
	size_t dlen = strlen(data);
	if (dlen > XF_EVENT_DATA_MAX || strchr(data, '\n')) {
		name = "overflow";
		data = "{}";
		dlen = 2;
	}
	pthread_mutex_lock(&hub);
	channel *c = channel_of(channel_name, create);
	if (c) {
		uint64_t seq = c->seq + 1;
		size_t cap = dlen + strlen(name) + 64;
		char *text = malloc(cap);
		if (text) {
			int n = snprintf(text, cap,
			                 "id: %llu\nevent: %s\ndata: %s\n\n",
			                 (unsigned long long)seq, name, data);
			event *e = &c->ring[seq % XF_EVENTS_KEEP];
			free(e->text);
			*e = (event){seq, text, (size_t)n};
			c->seq = seq;
			for (xf_subscriber *s = subscribers; s; s = s->next)
				if (s->ch == c && s->waiting) {
					s->waiting = 0;
					s->wake(s->arg);
				}
		}
	}
	pthread_mutex_unlock(&hub);
}

void xf_events_publish(const char *channel_name, const char *name,
                       const char *data)
{
	publish(channel_name, name, data, 1);
}

void xf_events_publish_watched(const char *channel_name, const char *name,
                               const char *data)
{
	publish(channel_name, name, data, 0);
}

xf_subscriber *xf_events_subscribe(const char *channel_name, uint64_t since,
                                   void (*sleep)(void *arg),
                                   void (*wake)(void *arg), void *arg)
{
	xf_subscriber *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	pthread_mutex_lock(&hub);
	s->ch = channel_of(channel_name, 1);
	if (!s->ch) {
		pthread_mutex_unlock(&hub);
		free(s);
		return NULL;
	}
	/* from since, but never further back than the ring keeps */
	uint64_t oldest =
	    s->ch->seq > XF_EVENTS_KEEP ? s->ch->seq - XF_EVENTS_KEEP : 0;
	s->last = since && since <= s->ch->seq
	              ? (since < oldest ? oldest : since)
	              : s->ch->seq;
	s->sleep = sleep;
	s->wake = wake;
	s->arg = arg;
	s->next = subscribers;
	if (subscribers)
		subscribers->prev = s;
	subscribers = s;
	pthread_mutex_unlock(&hub);
	return s;
}

void xf_events_unsubscribe(xf_subscriber *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&hub);
	if (s->prev)
		s->prev->next = s->next;
	else
		subscribers = s->next;
	if (s->next)
		s->next->prev = s->prev;
	pthread_mutex_unlock(&hub);
	free(s);
}

size_t xf_events_read(xf_subscriber *s, char *buf, size_t max, int may_wait)
{
	size_t n = 0;
	pthread_mutex_lock(&hub);
	channel *c = s->ch;
	while (s->last < c->seq) {
		const event *e = &c->ring[(s->last + 1) % XF_EVENTS_KEEP];
		if (e->seq != s->last + 1 || n + e->len > max)
			break;
		memcpy(buf + n, e->text, e->len);
		n += e->len;
		s->last++;
	}
	if (n == 0 && may_wait && s->last >= c->seq) {
		s->waiting = 1;
		s->sleep(s->arg);
	}
	pthread_mutex_unlock(&hub);
	return n;
}

void xf_events_touch(xf_subscriber *s, int64_t now_ms)
{
	pthread_mutex_lock(&hub);
	s->touched_ms = now_ms;
	pthread_mutex_unlock(&hub);
}

int xf_events_tick(int64_t now_ms, int64_t idle_ms)
{
	int woke = 0;
	pthread_mutex_lock(&hub);
	for (xf_subscriber *s = subscribers; s; s = s->next)
		if (s->waiting && now_ms - s->touched_ms >= idle_ms) {
			s->waiting = 0;
			s->wake(s->arg);
			woke++;
		}
	pthread_mutex_unlock(&hub);
	return woke;
}
