/*
 * program.h - a creation program (创建评选: 模范机关、清廉机关、文明机关
 * 创建) with its criteria, and an organization's application with its
 * items, as every layer sees them, with their one JSON form each.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_PROGRAM_H
#define XF_MODEL_PROGRAM_H

#include "base/jw.h"

#include <stdint.h>

/* One criterion of the checklist. */
typedef struct xf_program_criterion {
	const char *code; /* a number: "1", "2", … */
	const char *name;
	const char *evidence; /* what evidence is required */
	int max_score;        /* 0: not scored */
	int required;         /* must be met to be a candidate */
} xf_program_criterion;

typedef struct xf_program {
	int64_t id, org_id; /* the committee's organization */
	const char *org_path, *org_name, *org_level;
	const char *title, *kind;
	int year;
	int eligible_subtree; /* 1: the org's subtree may apply */
	int64_t *eligible;    /* else these orgs (and their subtrees) */
	int neligible;
	const char *applications_open, *applications_close, *review_by;
	int notice_days;
	int64_t notice_id; /* the candidates' notice, 0: not published */
	int64_t decided_at;
	int64_t created_by, created_at, updated_at;
	xf_program_criterion *criteria; /* read with the program, or NULL */
	int ncriteria;
	/* counts of its applications, when read */
	int64_t applied, submitted, candidates, awarded;
} xf_program;

/* One item of an application: the criterion and what was said of it. */
typedef struct xf_program_item {
	const char *code, *name, *evidence_required;
	int required, max_score;
	const char *self_assessment; /* NULL: not assessed yet */
	const char *evidence;        /* a JSON array (service-written) */
	const char *verdict, *note;  /* the committee's, or NULL */
} xf_program_item;

typedef struct xf_program_application {
	int64_t id, program_id, org_id;
	const char *program_title, *program_path; /* the committee's path */
	const char *org_path, *org_name;
	const char *state, *conclusion; /* conclusion: NULL until reviewed */
	const char *review_notes, *visit_date, *visit_notes;
	int64_t submitted_at, reviewed_at, decided_at;
	int64_t created_by, created_at, updated_at;
	int64_t items_assessed, items_total, attachment_count;
	xf_program_item *items; /* with the application, or NULL */
	int nitems;
} xf_program_application;

/* The JSON forms; the program's criteria and the application's items are
 * written when present. */
void xf_program_json(xf_jw *w, const xf_program *p);
void xf_program_application_json(xf_jw *w, const xf_program_application *a);

#endif
