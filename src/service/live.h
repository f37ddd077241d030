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

/*
 * The boards of the cockpit and the walls (数字化展现) that writes change:
 * compliance of organizational life, the task chart, the points boards.
 * A change is published after the commit as the event named by the board
 * ("compliance", "tasks", "points", data {"org_id":N}) on the channel
 * "org:ID" of the changed organization and of every organization above
 * it, so a wall of a subtree reads the changes inside it and nothing
 * else (GET /api/cockpit/events?org=). Only the channels somebody has
 * watched since the server started keep events (a ring each); the others
 * are skipped, so memory follows the walls, not the organizations.
 */
typedef enum {
	XF_LIVE_COMPLIANCE = 1,
	XF_LIVE_TASKS = 2,
	XF_LIVE_POINTS = 4,
	XF_LIVE_CAMPAIGNS = 8, /* reports, ratings, the close of 专项行动 */
} xf_live_board;

/* Notes, in the open write transaction, that it changes board at the
 * organization of path (copied to c->a); xf_tx_end publishes the notes
 * after the commit and drops them on a rollback. Several notes of one
 * transaction are published once per board and organization. */
void xf_live_touch(xf_ctx *c, xf_live_board board, const char *path);
/* The same for an audited change of entity (an xf_audit_entities code):
 * xf_audit calls it, so every audited write of a board's records is
 * published; other entities are ignored. */
void xf_live_touch_entity(xf_ctx *c, const char *entity, const char *path);
/* For xf_tx_begin (drop) and xf_tx_end (publish after a commit). */
void xf_live_drop(xf_ctx *c);
void xf_live_flush(xf_ctx *c);
/* The channel of the walls of org_id: "org:ID" into out. */
void xf_live_channel(int64_t org_id, char out[32]);
/* Starts the listener of db_url (PostgreSQL; nothing on SQLite) in a
 * thread of its own; 0, or -1. xf_live_stop ends it. */
int xf_live_start(const char *db_url);
void xf_live_stop(void);

#endif
