/*
 * live.c (service) - live events across servers (live.h). A notification
 * is one or more lines "origin\tchannel\tevent\tdata" (the events of one
 * commit go in as few notifications as fit); a server skips its own (it
 * published them already).
 */
#include "service/live.h"

#include "base/changes.h"
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

/* The audited entities whose writes change only answers about the
 * organizations on their record's path and below it (http/cache.h): the
 * records of organizational life, tasks and points. A write of any other
 * entity may change anything (users, roles, organizations, settings). */
static const struct {
	const char *entity;
	unsigned kinds; /* XF_CHANGE_* */
} confined_entities[] = {
    {"meeting", XF_CHANGE_COMPLIANCE},
    {"meeting_rules", XF_CHANGE_COMPLIANCE},
    {"measure", XF_CHANGE_COMPLIANCE},
    {"point_entry", XF_CHANGE_POINTS},
    {"point_claim", XF_CHANGE_POINTS},
    {"task", XF_CHANGE_TASKS},
    {"milestone", XF_CHANGE_TASKS},
    {"task_progress", XF_CHANGE_TASKS},
    {"task_acceptance", XF_CHANGE_TASKS},
};

/* The channel and event of the answer cache's changes between servers:
 * data "*" (everything) or "kinds:path" of each path changed (the kinds
 * in decimal), separated by ','. */
#define CACHE_CHANNEL "xf:cache"
#define CACHE_EVENT   "change"

static void note_changed(xf_ctx *c, const char *entity, const char *path)
{
	unsigned kinds = 0;
	for (size_t i = 0;
	     i < sizeof confined_entities / sizeof *confined_entities; i++)
		if (strcmp(confined_entities[i].entity, entity) == 0)
			kinds = confined_entities[i].kinds;
	if (!kinds || !path || path[0] != '/' || strchr(path, ',')) {
		c->changed_all = 1;
		return;
	}
	for (struct xf_live_note *n = c->changed; n; n = n->next)
		if (strcmp(n->path, path) == 0) {
			n->boards |= kinds;
			return;
		}
	struct xf_live_note *n = xf_arena_calloc(c->a, 1, sizeof *n);
	if (!n || !(n->path = xf_arena_strdup(c->a, path))) {
		c->changed_all = 1;
		return;
	}
	n->boards = kinds;
	n->next = c->changed;
	c->changed = n;
}

#define CHANGED_MAX 64

/* After a commit: hands what it changed to this server's answer cache
 * and adds it to the notification for the others (b). A commit without
 * audited records hands nothing: the server drops its answers after any
 * such write request itself. */
static void publish_changed(xf_ctx *c, struct batch *b)
{
	struct xf_live_note *changed = c->changed;
	int all = c->changed_all;
	c->changed = NULL;
	c->changed_all = 0;
	if (!changed && !all)
		return;
	const char *paths[CHANGED_MAX];
	unsigned kinds[CHANGED_MAX];
	int n = 0;
	char data[NOTIFY_MAX / 2];
	size_t len = 0;
	for (struct xf_live_note *p = changed; p && !all; p = p->next) {
		char item[XF_PATH_MAX + 16];
		int il = snprintf(item, sizeof item, "%s%u:%s", len ? "," : "",
		                  p->boards, p->path);
		if (n == CHANGED_MAX || il < 0 || (size_t)il >= sizeof item ||
		    len + (size_t)il + 1 > sizeof data) {
			all = 1;
			break;
		}
		memcpy(data + len, item, (size_t)il);
		len += (size_t)il;
		paths[n] = p->path;
		kinds[n++] = p->boards;
	}
	if (all) {
		xf_changes_publish(NULL, NULL, -1);
		batch_add(c, b, CACHE_CHANNEL, CACHE_EVENT, "*");
		return;
	}
	data[len] = '\0';
	xf_changes_publish(paths, kinds, n);
	batch_add(c, b, CACHE_CHANNEL, CACHE_EVENT, data);
}

/* A change another server published: handed to this server's cache. */
static void changed_elsewhere(char *data)
{
	const char *paths[CHANGED_MAX];
	unsigned kinds[CHANGED_MAX];
	int n = 0;
	char *save = NULL;
	for (char *p = strtok_r(data, ",", &save); p;
	     p = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(p, ':');
		unsigned k = 0;
		for (const char *d = p; colon && d < colon; d++)
			k = *d >= '0' && *d <= '9'
			        ? k * 10 + (unsigned)(*d - '0')
			        : 0;
		if (n == CHANGED_MAX || !colon || colon[1] != '/' || !k) {
			/* "*", or anything else: everything */
			xf_changes_publish(NULL, NULL, -1);
			return;
		}
		paths[n] = colon + 1;
		kinds[n++] = k;
	}
	xf_changes_publish(paths, kinds, n);
}

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
	note_changed(c, entity, path);
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
	c->changed = NULL;
	c->changed_all = 0;
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
	c->live = NULL;
	static _Thread_local batch b;
	b.len = 0;
	publish_changed(c, &b);
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
		if (!from || !channel || !event || !data ||
		    strcmp(from, origin) == 0)
			continue;
		if (strcmp(channel, CACHE_CHANNEL) == 0)
			changed_elsewhere(data);
		else
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
