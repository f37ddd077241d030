/*
 * meeting.h - organizational life as every layer sees it: a meeting with
 * its 第一议题, a follow-up measure (落实举措) of a first topic, and a
 * talk (谈心谈话) with a member; with their one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL. Dates are "YYYY-MM-DD" text.
 */
#ifndef XF_MODEL_MEETING_H
#define XF_MODEL_MEETING_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_meeting {
	int64_t id, org_id;
	const char *org_path, *org_name, *org_kind;
	const char *kind;
	int64_t held_at;        /* UTC unix seconds */
	const char *held_on;    /* its day in Asia/Shanghai */
	const char *counts_on;  /* held_on, or the last day of makeup_for */
	const char *makeup_for; /* period it makes up, or NULL */
	int late;               /* 1 when makeup_for is set */
	const char *place, *topic, *host, *recorder, *lecturer, *agenda,
	    *minutes; /* topic required; others or NULL */
	/* 第一议题: ft_title NULL when none was recorded */
	const char *ft_title, *ft_source, *ft_speech_date, *ft_discussion;
	int64_t created_by, created_at, updated_at;
	int64_t attendees; /* rows in the attendance register (list only) */
} xf_meeting;

typedef struct xf_measure {
	int64_t id, meeting_id;
	const char *org_path;
	const char *title, *owner, *due_on, *done_on; /* done_on or NULL */
} xf_measure;

typedef struct xf_talk {
	int64_t id, member_id, org_id;
	const char *org_path, *member_name, *held_on, *notes;
	int64_t created_by, created_at;
} xf_talk;

/* What the rules of domain/compliance.h say about a meeting, for its JSON
 * form; xf_meeting_facts_of (service/meetings.h) works it out. */
typedef struct xf_meeting_facts {
	const char *kind_name;   /* the kind's Chinese name (static) */
	int first_topic_missing; /* its kind needs a 第一议题, it has none */
} xf_meeting_facts;

/* The JSON form of a meeting: with its measures (n of them) when measures
 * is not NULL, else with its count of attendees. */
void xf_meeting_json(xf_jw *w, const xf_meeting *m, const xf_meeting_facts *f,
                     const xf_measure *measures, int n);
void xf_measure_json(xf_jw *w, const xf_measure *m);
void xf_talk_json(xf_jw *w, const xf_talk *t);

#endif
