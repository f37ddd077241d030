/*
 * term.h - 换届: one term of an organization's committee (the election
 * that opened it, its end, its approval by the higher committee) with the
 * positions filled, and its one JSON form. A row of the due board (an
 * organization with its current term, or none) is a term too.
 *
 * Layer-neutral: includes only base/ and model/fields.h. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long as
 * it; optional ones are NULL.
 */
#ifndef XF_MODEL_TERM_H
#define XF_MODEL_TERM_H

#include "base/jw.h"
#include "model/fields.h"

#include <stdint.h>

/* One member elected to a position. */
typedef struct xf_term_position {
	int64_t member_id;
	const char *member_name;
	const char *position; /* xf_term_positions */
	int64_t votes;        /* votes for; 0 when not recorded */
} xf_term_position;

/* The fields of a term (model/fields.h lists): its organization, then
 * the term itself, in the order of its JSON form and of the store's
 * columns. id is 0 on the board when the organization has no term yet;
 * the J rows are filled by the service from today. */
#define XF_TERM_ORG(F, N, A, J, T)                                             \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, STR, org_kind, "org_kind")
#define XF_TERM_FIELDS(F, N, A, J, T)                                          \
	F(T, ID, id, "id")                                                     \
	F(T, OPT, elected_on, "elected_on") /* YYYY-MM-DD */                   \
	F(T, INT, years, "years")                                              \
	F(T, OPT, ends_on, "ends_on")                                          \
	J(T, OPT, reminder_on, "reminder_on")                                  \
	J(T, INT, days_left, "days_left")                                      \
	J(T, BOOL, reminder_due, "reminder_due")                               \
	J(T, BOOL, overdue, "overdue")                                         \
	F(T, I64, entitled, "entitled")              /* voters entitled */     \
	F(T, I64, present, "present")                /* and present */         \
	F(T, OPT, state, "state")                    /* xf_term_states */      \
	F(T, ID, approved_by_org, "approved_by_org") /* 0 while pending */     \
	F(T, OPT, approved_by_org_name, "approved_by_org_name")                \
	F(T, OPT, approved_on, "approved_on")                                  \
	F(T, OPT, approval_no, "approval_no")                                  \
	XF_CREATED_FIELDS(F, N, A, J, T)
#define XF_TERM_ALL(F, N, A, J, T)                                             \
	XF_TERM_ORG(F, N, A, J, T)                                             \
	XF_TERM_FIELDS(F, N, A, J, T)

typedef struct xf_term {
	XF_FIELDS_DECL(XF_TERM_ALL)
	xf_term_position *positions;
	int npositions;
} xf_term;

/* Writes t; a board row without a term (id 0) has null term fields. */
void xf_term_json(xf_jw *w, const xf_term *t);

#endif
