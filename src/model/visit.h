/*
 * visit.h - 四必访: a trigger recorded for a member (the visit it owes,
 * with its due date) and the visit that settles it, with their one JSON
 * form each; and one organization's coverage figures of a year.
 *
 * Layer-neutral: includes only base/ and model/fields.h. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long as
 * it; optional ones are NULL.
 */
#ifndef XF_MODEL_VISIT_H
#define XF_MODEL_VISIT_H

#include "base/jw.h"
#include "model/fields.h"

#include <stdint.h>

/* A trigger and the visit it owes. */
/* The fields of a trigger and of a visit (model/fields.h lists), in the
 * order of their JSON forms and of the store's columns. */
#define XF_VISIT_TRIGGER_FIELDS(F, N, A, J, T)                                 \
	F(T, I64, id, "id")                                                    \
	F(T, I64, member_id, "member_id")                                      \
	F(T, STR, member_name, "member_name")                                  \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, STR, kind, "kind")               /* xf_visit_kinds */             \
	F(T, STR, occurred_on, "occurred_on") /* YYYY-MM-DD */                 \
	F(T, STR, due_on, "due_on")   /* occurred_on plus the kind's days */   \
	F(T, STR, owed_by, "owed_by") /* xf_visit_owners */                    \
	J(T, INT, days_left, "days_left")   /* to due_on from today */         \
	F(T, ID, visit_id, "visit_id")      /* 0 while owed */                 \
	F(T, OPT, visited_on, "visited_on") /* NULL while owed */              \
	XF_CREATED_FIELDS(F, N, A, J, T)
#define XF_VISIT_FIELDS(F, N, A, J, T)                                         \
	F(T, I64, id, "id")                                                    \
	F(T, I64, trigger_id, "trigger_id")                                    \
	F(T, I64, member_id, "member_id")                                      \
	F(T, STR, member_name, "member_name")                                  \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, STR, kind, "kind")                                                \
	F(T, STR, occurred_on, "occurred_on")                                  \
	F(T, STR, due_on, "due_on")                                            \
	F(T, ID, visitor_id, "visitor_id")                                     \
	F(T, OPT, visitor_name, "visitor_name") /* username, or NULL */        \
	F(T, STR, visited_on, "visited_on")                                    \
	N(T, OPT, notes) /* personal: shown only to some (see below) */        \
	F(T, OPT, help_given, "help_given") /* or NULL */                      \
	F(T, BOOL, on_time, "on_time")      /* visited_on <= due_on */         \
	F(T, TIME, created_at, "created_at")

XF_FIELDS_STRUCT(xf_visit_trigger, XF_VISIT_TRIGGER_FIELDS);

/* A visit record that settled a trigger. */
XF_FIELDS_STRUCT(xf_visit, XF_VISIT_FIELDS);

/* One organization's figures of a year: triggers owed, settled, settled
 * on time, and still open past their due date; coverage in hundredths of
 * a percent. */
typedef struct xf_visit_coverage_row {
	int64_t org_id;
	const char *org_name, *org_path;
	int64_t owed, done, on_time, overdue_open;
	int64_t coverage;
} xf_visit_coverage_row;

/* A kind of trigger: built in (domain/visits.c) or kept by the admin. */
typedef struct xf_visit_kind {
	const char *code, *label;
	int days;
	const char *owed_by;
	int builtin;
} xf_visit_kind;

void xf_visit_kind_json(xf_jw *w, const xf_visit_kind *k);
void xf_visit_trigger_json(xf_jw *w, const xf_visit_trigger *t);
/* notes_shown 0 writes "notes": null and "notes_hidden": true. */
void xf_visit_json(xf_jw *w, const xf_visit *v, int notes_shown);
void xf_visit_coverage_json(xf_jw *w, const xf_visit_coverage_row *k);

#endif
