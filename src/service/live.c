/*
 * live.c (service) - live events across servers (live.h). A notification
 * is "origin\tchannel\tevent\tdata"; a server skips its own (it published
 * them already).
 */
#include "service/live.h"

#include "base/events.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTIFY_CHANNEL "xf_events"
#define NOTIFY_MAX     7900

static char origin[17];
static pthread_once_t origin_once = PTHREAD_ONCE_INIT;
static pthread_t listener;
static int listening;
static volatile int stopping;
static char *listen_url;

static void make_origin(void)
{
	unsigned char b[8];
	randombytes_buf(b, sizeof b);
	for (int i = 0; i < 8; i++)
		snprintf(origin + 2 * i, 3, "%02x", b[i]);
}

void xf_live_publish(xf_ctx *c, const char *channel, const char *event,
                     const char *data)
{
	xf_events_publish(channel, event, data);
	pthread_once(&origin_once, make_origin);
	size_t n = strlen(channel) + strlen(event) + strlen(data) + 32;
	const char *d = n > NOTIFY_MAX ? "{}" : data;
	char *payload =
	    xf_arena_printf(c->a, "%s\t%s\t%s\t%s", origin, channel, event, d);
	/* best effort: the event is published here whatever happens */
	if (payload)
		xf_db_notify(c->db, NOTIFY_CHANNEL, payload);
}

static void on_notify(void *arg, const char *payload)
{
	(void)arg;
	char *p = strdup(payload);
	if (!p)
		return;
	char *save = NULL;
	char *from = strtok_r(p, "\t", &save);
	char *channel = strtok_r(NULL, "\t", &save);
	char *event = strtok_r(NULL, "\t", &save);
	char *data = save && *save ? save : NULL;
	if (from && channel && event && data && strcmp(from, origin) != 0)
		xf_events_publish(channel, event, data);
	free(p);
}

static void *listen_main(void *arg)
{
	(void)arg;
	xf_db_listen(listen_url, NOTIFY_CHANNEL, on_notify, NULL, &stopping);
	return NULL;
}

int xf_live_start(const char *db_url)
{
	pthread_once(&origin_once, make_origin);
	if (strncmp(db_url, "postgres:", 9) != 0 || listening)
		return 0;
	listen_url = strdup(db_url);
	if (!listen_url || pthread_create(&listener, NULL, listen_main, NULL))
		return -1;
	listening = 1;
	return 0;
}

void xf_live_stop(void)
{
	if (!listening)
		return;
	stopping = 1;
	pthread_join(listener, NULL);
	listening = 0;
	free(listen_url);
	listen_url = NULL;
}
