/*
 * live.c (service) - live events across servers (live.h). A notification
 * is one or more lines "origin\tchannel\tevent\tdata" (the events of one
 * commit go in as few notifications as fit); a server skips its own (it
 * published them already).
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

#define ORG_CHANNEL "org:"

/* Publishes to this server's subscribers; a channel of an organization
 * only when somebody watches it (events.h: one ring per organization
 * written would pile up). */
static void publish_here(const char *channel, const char *event,
                         const char *data)
{
	if (strncmp(channel, ORG_CHANNEL, sizeof ORG_CHANNEL - 1) == 0)
		xf_events_publish_watched(channel, event, data);
	else
		xf_events_publish(channel, event, data);
}

/* The events of one commit for the other servers: lines of at most
 * NOTIFY_MAX bytes in all, sent as one notification. */
typedef struct batch {
	char text[NOTIFY_MAX + 1];
	size_t len;
} batch;

static void batch_send(xf_ctx *c, batch *b)
{
	if (!b->len)
		return;
	b->text[b->len] = '\0';
	/* best effort: the events are published here whatever happens */
	xf_db_notify(c->db, NOTIFY_CHANNEL, b->text);
	b->len = 0;
}

static void batch_add(xf_ctx *c, batch *b, const char *channel,
                      const char *event, const char *data)
{
	pthread_once(&origin_once, make_origin);
	size_t n = strlen(channel) + strlen(event) + strlen(data) + 32;
	/* too long, or not one line: the others read again on {} anyway */
	const char *d = n > NOTIFY_MAX || strchr(data, '\n') ? "{}" : data;
	char line[NOTIFY_MAX + 1];
	int len = snprintf(line, sizeof line, "%s\t%s\t%s\t%s", origin, channel,
	                   event, d);
	if (len < 0 || (size_t)len >= sizeof line)
		return;
	if (b->len && b->len + 1 + (size_t)len > NOTIFY_MAX)
		batch_send(c, b);
	if (b->len)
		b->text[b->len++] = '\n';
	memcpy(b->text + b->len, line, (size_t)len);
	b->len += (size_t)len;
}

void xf_live_publish(xf_ctx *c, const char *channel, const char *event,
                     const char *data)
{
	publish_here(channel, event, data);
	batch b = {.len = 0};
	batch_add(c, &b, channel, event, data);
	batch_send(c, &b);
}

/* ---- the boards' changes ------------------------------------------------ */

struct xf_live_note {
	unsigned boards; /* xf_live_board bits */
	const char *path;
	struct xf_live_note *next;
};

/* The audited entities whose changes move a board. */
static const struct {
	const char *entity;
	xf_live_board board;
} entity_boards[] = {
    {"meeting", XF_LIVE_COMPLIANCE},
    {"meeting_rules", XF_LIVE_COMPLIANCE},
    {"task", XF_LIVE_TASKS},
    {"milestone", XF_LIVE_TASKS},
    {"task_progress", XF_LIVE_TASKS},
    {"task_acceptance", XF_LIVE_TASKS},
    {"point_entry", XF_LIVE_POINTS},
    {"campaign", XF_LIVE_CAMPAIGNS},
    {"campaign_report", XF_LIVE_CAMPAIGNS},
};

static const char *const board_names[] = {"compliance", "tasks", "points",
                                          "campaigns"};

void xf_live_touch(xf_ctx *c, xf_live_board board, const char *path)
{
	if (!path || path[0] != '/')
		return;
	for (struct xf_live_note *n = c->live; n; n = n->next)
		if (strcmp(n->path, path) == 0) {
			n->boards |= (unsigned)board;
			return;
		}
	struct xf_live_note *n = xf_arena_calloc(c->a, 1, sizeof *n);
	/* best effort: without memory the walls read again on their timer */
	if (!n || !(n->path = xf_arena_strdup(c->a, path)))
		return;
	n->boards = (unsigned)board;
	n->next = c->live;
	c->live = n;
}

void xf_live_touch_entity(xf_ctx *c, const char *entity, const char *path)
{
	for (size_t i = 0; i < sizeof entity_boards / sizeof *entity_boards;
	     i++)
		if (strcmp(entity_boards[i].entity, entity) == 0) {
			xf_live_touch(c, entity_boards[i].board, path);
			return;
		}
}

void xf_live_drop(xf_ctx *c)
{
	c->live = NULL;
}

void xf_live_channel(int64_t org_id, char out[32])
{
	snprintf(out, 32, ORG_CHANNEL "%lld", (long long)org_id);
}

/* Whether (org, board) is among the first n sent. */
static int sent_before(const int64_t *orgs, const unsigned *boards, int n,
                       int64_t org, unsigned board)
{
	for (int i = 0; i < n; i++)
		if (orgs[i] == org && boards[i] == board)
			return 1;
	return 0;
}

#define SENT_MAX  64
#define DEPTH_MAX 32

/* The ids of a path "/1/5/23/", top first; how many. */
static int path_ids(const char *path, int64_t ids[DEPTH_MAX])
{
	int n = 0;
	for (const char *p = path; *p == '/' && p[1] && n < DEPTH_MAX;) {
		int64_t id = 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			id = id * 10 + (*p - '0');
		if (id <= 0)
			break;
		ids[n++] = id;
	}
	return n;
}

void xf_live_flush(xf_ctx *c)
{
	int64_t orgs[SENT_MAX];
	unsigned boards[SENT_MAX];
	int nsent = 0;
	struct xf_live_note *notes = c->live;
	if (!notes)
		return;
	c->live = NULL;
	static _Thread_local batch b;
	b.len = 0;
	for (struct xf_live_note *n = notes; n; n = n->next) {
		int64_t ids[DEPTH_MAX];
		int nids = path_ids(n->path, ids);
		if (nids == 0)
			continue;
		char data[48];
		snprintf(data, sizeof data, "{\"org_id\":%lld}",
		         (long long)ids[nids - 1]);
		for (int i = 0; i < nids; i++) {
			char ch[32];
			xf_live_channel(ids[i], ch);
			for (int bi = 0; bi < (int)(sizeof board_names /
			                            sizeof *board_names);
			     bi++) {
				unsigned bit = 1u << bi;
				if (!(n->boards & bit) ||
				    sent_before(orgs, boards, nsent, ids[i],
				                bit))
					continue;
				if (nsent < SENT_MAX) {
					orgs[nsent] = ids[i];
					boards[nsent++] = bit;
				}
				publish_here(ch, board_names[bi], data);
				batch_add(c, &b, ch, board_names[bi], data);
			}
		}
	}
	batch_send(c, &b);
}

static void on_notify(void *arg, const char *payload)
{
	(void)arg;
	char *p = strdup(payload);
	if (!p)
		return;
	char *lines = NULL;
	for (char *line = strtok_r(p, "\n", &lines); line;
	     line = strtok_r(NULL, "\n", &lines)) {
		char *save = NULL;
		char *from = strtok_r(line, "\t", &save);
		char *channel = strtok_r(NULL, "\t", &save);
		char *event = strtok_r(NULL, "\t", &save);
		char *data = save && *save ? save : NULL;
		if (from && channel && event && data &&
		    strcmp(from, origin) != 0)
			publish_here(channel, event, data);
	}
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
