/*
 * point.h - points as every layer sees them: a rule of the rulebook with
 * its versions, a member's claim, and an entry of the append-only ledger;
 * with their one JSON form.
 *
 * Layer-neutral: includes only base/. Strings and arrays are borrowed:
 * they point into the arena of whoever filled the struct and live as long
 * as it; optional strings are NULL.
 */
#ifndef XF_MODEL_POINT_H
#define XF_MODEL_POINT_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_point_version {
	int64_t id, rule_id;
	int version;
	const char *valid_from, *valid_to; /* valid_to NULL: current */
	const char *category, *item, *description;
	int64_t points, cap;       /* cap 0: none */
	const char *cap_period;    /* "month", "quarter", "year" */
	const char *approver_role; /* "secretary" or "committee" */
	int needs_evidence, needs_approval, veto;
	int64_t created_at, created_by;
	/* a rule scoring records by itself: the record kind and an optional
	 * qualifier (a meeting kind); NULL: a manual rule */
	const char *record_kind, *record_qualifier;
} xf_point_version;

typedef struct xf_point_rule {
	int64_t id, org_id;              /* org_id 0: city-wide */
	const char *kind;                /* "member" or "org" */
	const char *org_path, *org_name; /* NULL when city-wide */
	xf_point_version *versions;      /* oldest first */
	int nversions;
	const xf_point_version *shown; /* the version in force (or latest) */
} xf_point_rule;

typedef struct xf_point_claim {
	int64_t id, member_id, org_id, rule_id;
	const char *org_path, *member_name, *org_name, *category, *item;
	const char *description, *evidence; /* evidence: a JSON array */
	const char *status;                 /* pending, approved, rejected */
	int64_t created_by, created_at, decided_by, decided_at, ledger_id;
	const char *decision_reason;
	int64_t points;
	int has_points;
} xf_point_claim;

typedef struct xf_point_entry {
	int64_t id, member_id; /* member_id 0: an organization entry */
	int64_t org_id, rule_id, rule_version_id;
	const char *org_path;
	int64_t points, asked;
	const char *occurred_on, *month, *quarter, *year;
	const char *source; /* claim, award, record, reversal */
	const char *reason, *note, *record_ref; /* record_ref or NULL */
	const char *record_group; /* entries from records: the record, whole;
	                             written, never read back (NULL) */
	int64_t claim_id, reverses_id, reversed_by;
	int veto; /* +1 veto, -1 reversal of a veto, 0 */
	int64_t actor_id, created_at;
	const char *actor_name;
	/* for display */
	const char *member_name, *org_name, *category, *item;
	int version;
} xf_point_entry;

/* The JSON forms. A rule carries the fields of its shown version, and all
 * its versions when versions is nonzero. */
void xf_point_version_json(xf_jw *w, const xf_point_version *v);
void xf_point_rule_json(xf_jw *w, const xf_point_rule *r, int versions);
void xf_point_claim_json(xf_jw *w, const xf_point_claim *c);
void xf_point_entry_json(xf_jw *w, const xf_point_entry *e);

#endif
