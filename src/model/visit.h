/*
 * visit.h - 四必访: a trigger recorded for a member (the visit it owes,
 * with its due date) and the visit that settles it, with their one JSON
 * form each; and one organization's coverage figures of a year.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_VISIT_H
#define XF_MODEL_VISIT_H

#include "base/jw.h"

#include <stdint.h>

/* A trigger and the visit it owes. */
typedef struct xf_visit_trigger {
	int64_t id;
	int64_t member_id, org_id;
	const char *member_name, *org_path, *org_name;
	const char *kind;        /* xf_visit_kinds */
	const char *occurred_on; /* YYYY-MM-DD */
	const char *due_on;      /* occurred_on plus the kind's days */
	const char *owed_by;     /* xf_visit_owners */
	int64_t visit_id;        /* 0 while owed */
	const char *visited_on;  /* NULL while owed */
	int days_left;           /* to due_on from today; filled by service */
	int64_t created_by, created_at;
} xf_visit_trigger;

/* A visit record that settled a trigger. */
typedef struct xf_visit {
	int64_t id, trigger_id;
	int64_t member_id, org_id;
	const char *member_name, *org_path, *org_name;
	const char *kind, *occurred_on, *due_on;
	int64_t visitor_id;
	const char *visitor_name; /* username, or NULL */
	const char *visited_on;
	const char *notes;      /* personal: shown only to some (see below) */
	const char *help_given; /* or NULL */
	int on_time;            /* visited_on <= due_on */
	int64_t created_at;
} xf_visit;

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
