/*
 * dues.h (model) - 党费 (party dues) as every layer sees them: a member's
 * base of a year, a payment of one month, a member's year (the row of the
 * grid) and the totals of an organization's subtree; with their JSON
 * forms. Amounts are integers in fen.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct; optional ones are NULL.
 */
#ifndef XF_MODEL_DUES_H
#define XF_MODEL_DUES_H

#include "base/jw.h"

#include <stdint.h>

/* A member's monthly base of a year (dues_bases). */
typedef struct xf_dues_base {
	int64_t member_id;
	int year;
	const char *category;
	int64_t income_fen, monthly_fen;
	int rate_bp; /* the rate in basis points; 0 for the flat categories */
	int64_t set_by, set_at;
} xf_dues_base;

/* One month paid (dues_payments). */
typedef struct xf_dues_payment {
	int64_t member_id;
	int year, month;
	int64_t amount_fen;
	const char *paid_on;
	const char *payer; /* who paid on the member's behalf (代缴), or NULL */
	int64_t recorded_by;
} xf_dues_payment;

/* A member's year: the row of the grid. Masks hold bit m (1 << m) for
 * month m, 1 to 12. */
typedef struct xf_dues_row {
	int64_t member_id, org_id;
	const char *name, *org_name, *org_path, *status, *joined_on;
	int year;
	int has_base;
	const char *category; /* NULL without a base */
	int64_t income_fen, monthly_fen;
	int64_t paid_mask, paid_fen; /* months paid of the year, their sum */
	/* filled by the service */
	int owed_mask;   /* months owed up to the month of today */
	int year_mask;   /* months owed over the whole year */
	int unpaid_mask; /* owed up to today and not paid */
	int64_t due_fen, unpaid_fen;
} xf_dues_row;

/* The totals of an organization's subtree for a year. */
typedef struct xf_dues_total {
	int64_t org_id;
	const char *org_name, *org_path;
	int depth;
	int64_t members, no_base, unpaid_members, unpaid_months;
	int64_t due_fen, paid_fen, unpaid_fen;
} xf_dues_total;

/* {member_id, year, category, income_fen, monthly_fen, rate_bp, set_by,
 * set_at} */
void xf_dues_base_json(xf_jw *w, const xf_dues_base *b);
/* {member_id, month: "YYYY-MM", amount_fen, paid_on, payer, recorded_by} */
void xf_dues_payment_json(xf_jw *w, const xf_dues_payment *p);
/* The grid's row: the member, the base (null fields without one),
 * paid_fen, due_fen, unpaid_fen, unpaid_months ["YYYY-MM"…] and months:
 * twelve {month, state} with state paid, unpaid (owed up to today, not
 * paid), upcoming (owed later this year) or not_owed. */
void xf_dues_row_json(xf_jw *w, const xf_dues_row *r);
/* {org_id, org_name, depth, members, no_base, unpaid_members,
 * unpaid_months, due_fen, paid_fen, unpaid_fen} */
void xf_dues_total_json(xf_jw *w, const xf_dues_total *t);

/* The state of month m of r: "paid", "unpaid", "upcoming" or
 * "not_owed" (as in the JSON). */
const char *xf_dues_month_state(const xf_dues_row *r, int m);

#endif
