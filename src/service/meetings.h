/*
 * meetings.h (service) - use cases of organizational life: meetings with
 * their 第一议题. Follow-up measures: measures.h; attendance registers:
 * attendance.h; talks (谈心谈话): talks.h.
 *
 * Reads out of the caller's scope answer 404, writes 403. Every write is
 * audited in its transaction. Returns XF_OK or an error kind with c->err
 * filled; results live in c->a.
 */
#ifndef XF_SERVICE_MEETINGS_H
#define XF_SERVICE_MEETINGS_H

#include "service/ctx.h"
#include "store/meetings.h"
#include "store/orgs.h"

/* Fields of a create or update; has_* says which were given (null
 * counts as given). Strings are validated UTF-8 of bounded length. */
typedef struct xf_meeting_input {
	int64_t org_id;
	const char *kind, *held_at, *makeup_for;
	const char *place, *topic, *host, *recorder, *lecturer, *agenda,
	    *minutes;
	/* first_topic: has_first_topic with ft_title NULL removes it */
	const char *ft_title, *ft_source, *ft_speech_date, *ft_discussion;
	int has_org_id, has_kind, has_held_at, has_makeup_for, has_place,
	    has_topic, has_host, has_recorder, has_lecturer, has_agenda,
	    has_minutes, has_first_topic;
} xf_meeting_input;

/* What the rules say about m, for its JSON form (model/meeting.h). */
xf_meeting_facts xf_meeting_facts_of(const xf_meeting *m);

int xf_meeting_create(xf_ctx *c, const xf_meeting_input *in, xf_meeting *out);
/* The meeting with its measures. */
int xf_meeting_read(xf_ctx *c, int64_t id, xf_meeting *out,
                    xf_measure **measures, int *nmeasures);
int xf_meeting_update(xf_ctx *c, int64_t id, const xf_meeting_input *in,
                      xf_meeting *out);
int xf_meeting_remove(xf_ctx *c, int64_t id);
/* org_id 0: the caller's scope; subtree: include descendants of org;
 * kind, period ("2024Q3", "2024-07", "2024") or NULL. */
int xf_meeting_list(xf_ctx *c, int64_t org_id, int subtree, const char *kind,
                    const char *period, int offset, int limit,
                    xf_meeting_page *out);

/* ---- shared with measures.c, attendance.c, talks.c, compliance.c ------ */

/* Loads a meeting to read it or to change it (mode, as xf_loaded), in
 * the caller's transaction. */
int xf_meeting_load(xf_ctx *c, int64_t id, int mode, xf_meeting *m);

/* Resolves the org of a scoped read (0: the caller's widest grant) into
 * its path range; out of scope or unknown is 404 on `field`. */
int xf_meetings_scope_org(xf_ctx *c, int64_t org_id, const char *field,
                          xf_org *o, const char **lo, const char **hi);

#endif
