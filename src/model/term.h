/*
 * term.h - 换届: one term of an organization's committee (the election
 * that opened it, its end, its approval by the higher committee) with the
 * positions filled, and its one JSON form. A row of the due board (an
 * organization with its current term, or none) is a term too.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_TERM_H
#define XF_MODEL_TERM_H

#include "base/jw.h"

#include <stdint.h>

/* One member elected to a position. */
typedef struct xf_term_position {
	int64_t member_id;
	const char *member_name;
	const char *position; /* xf_term_positions */
	int64_t votes;        /* votes for; 0 when not recorded */
} xf_term_position;

typedef struct xf_term {
	int64_t id; /* 0 on the board: the organization has no term yet */
	int64_t org_id;
	const char *org_name, *org_path, *org_kind;
	const char *elected_on, *ends_on; /* YYYY-MM-DD */
	int years;
	int64_t entitled, present; /* voters entitled, present */
	const char *state;         /* xf_term_states */
	int64_t approved_by_org;   /* 0 while pending */
	const char *approved_by_org_name, *approved_on, *approval_no;
	int64_t created_by, created_at;
	/* filled by the service from today */
	const char *reminder_on;
	int days_left, reminder_due, overdue;
	xf_term_position *positions;
	int npositions;
} xf_term;

/* Writes t; a board row without a term (id 0) has null term fields. */
void xf_term_json(xf_jw *w, const xf_term *t);

#endif
