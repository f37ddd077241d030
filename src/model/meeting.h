/*
 * meeting.h - organizational life as every layer sees it: a meeting with
 * its 第一议题, a follow-up measure (落实举措) of a first topic, and a
 * talk (谈心谈话) with a member; with their one JSON form.
 *
 * Layer-neutral: includes only base/ and model/fields.h. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long as
 * it; optional ones are NULL. Dates are "YYYY-MM-DD" text.
 */
#ifndef XF_MODEL_MEETING_H
#define XF_MODEL_MEETING_H

#include "base/jw.h"
#include "model/fields.h"

#include <stdint.h>

/* A meeting's fields (model/fields.h lists): its head, its 第一议题
 * (ft_title NULL when none was recorded) and its tail, in the order of
 * its JSON form and of the store's columns. */
#define XF_MEETING_FIELDS(F, N, A, J, T)                                       \
	F(T, I64, id, "id")                                                    \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	N(T, STR, org_kind)                                                    \
	F(T, STR, kind, "kind")                                                \
	A(T, 0, "kind_name")                                                   \
	F(T, TIME, held_at, "held_at") /* UTC unix seconds */                  \
	F(T, STR, held_on, "held_on")  /* its day in Asia/Shanghai */          \
	A(T, 1, "quarter")                                                     \
	N(T, STR, counts_on) /* held_on, or the last day of makeup_for */      \
	F(T, OPT, makeup_for, "makeup_for") /* period it makes up, or NULL */  \
	F(T, BOOL, late, "late")            /* 1 when makeup_for is set */     \
	F(T, OPT, place, "place")                                              \
	F(T, STR, topic, "topic") /* required; the others or NULL */           \
	F(T, OPT, host, "host")                                                \
	F(T, OPT, recorder, "recorder")                                        \
	F(T, OPT, lecturer, "lecturer")                                        \
	F(T, OPT, agenda, "agenda")                                            \
	F(T, OPT, minutes, "minutes")
#define XF_MEETING_FIRST_TOPIC(F, N, A, J, T)                                  \
	F(T, OPT, ft_title, "title")                                           \
	F(T, OPT, ft_source, "source")                                         \
	F(T, OPT, ft_speech_date, "speech_date")                               \
	F(T, OPT, ft_discussion, "discussion")
#define XF_MEETING_TAIL(F, N, A, J, T) XF_STAMP_FIELDS(F, N, A, J, T)
/* All three: the members of the struct, the columns of the store. */
#define XF_MEETING_ALL(F, N, A, J, T)                                          \
	XF_MEETING_FIELDS(F, N, A, J, T)                                       \
	XF_MEETING_FIRST_TOPIC(F, N, A, J, T) XF_MEETING_TAIL(F, N, A, J, T)

typedef struct xf_meeting {
	XF_FIELDS_DECL(XF_MEETING_ALL)
	int64_t attendees; /* rows in the attendance register (list only) */
} xf_meeting;

#define XF_MEASURE_FIELDS(F, N, A, J, T)                                       \
	F(T, I64, id, "id")                                                    \
	F(T, I64, meeting_id, "meeting_id")                                    \
	N(T, STR, org_path)                                                    \
	F(T, STR, title, "title")                                              \
	F(T, STR, owner, "owner")                                              \
	F(T, STR, due_on, "due_on")                                            \
	F(T, OPT, done_on, "done_on") /* or NULL */
#define XF_TALK_FIELDS(F, N, A, J, T)                                          \
	F(T, I64, id, "id")                                                    \
	F(T, I64, member_id, "member_id")                                      \
	F(T, STR, member_name, "member_name")                                  \
	F(T, I64, org_id, "org_id")                                            \
	N(T, STR, org_path)                                                    \
	F(T, STR, held_on, "held_on")                                          \
	F(T, STR, notes, "notes")                                              \
	XF_CREATED_FIELDS(F, N, A, J, T)

XF_FIELDS_STRUCT(xf_measure, XF_MEASURE_FIELDS);

XF_FIELDS_STRUCT(xf_talk, XF_TALK_FIELDS);

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
