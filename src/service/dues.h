/*
 * dues.h (service) - 党费 (party dues): the secretary sets each member's
 * monthly base of a year (income and category → the monthly amount by
 * the rules of domain/dues.h); a payment of one or several months (back
 * payments included, or on the member's behalf) is recorded all or
 * nothing; the year's grid, the unpaid list and the totals per
 * organization are read within the caller's scope, and a member reads
 * their own year.
 *
 * Who writes: whoever manages the member's organization (its secretary,
 * a committee above, the admin). Every write is audited.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_DUES_H
#define XF_SERVICE_DUES_H

#include "model/dues.h"
#include "service/ctx.h"

/* Most months one payment covers. */
#define XF_DUES_PAY_MONTHS 24
/* Most members the unpaid list and the totals read; beyond, 422. */
#define XF_DUES_MAX_MEMBERS 50000
/* Most organizations a totals answer lists. */
#define XF_DUES_MAX_ORGS 5000

/* Sets the base of member_id for year (this year or the next, or a past
 * one): category NULL is 在职; the monthly amount is computed and fixed
 * in *out. Payments already made keep their amounts. */
int xf_dues_base_set(xf_ctx *c, int64_t member_id, int year,
                     const char *category, int64_t income_fen,
                     xf_dues_base *out);

/* Records the payment of months ("YYYY-MM", n of them) of member_id:
 * each month owed (after the month of admission), not later than
 * December of this year, not paid yet, of a year with a base; amount_fen
 * the sum of those months' amounts (422 amount_mismatch with the
 * expected amount otherwise). paid_on NULL is today; payer (who paid on
 * the member's behalf) may be NULL. *out: the months recorded, in the
 * order given. */
int xf_dues_pay(xf_ctx *c, int64_t member_id, const char *const *months, int n,
                int64_t amount_fen, const char *paid_on, const char *payer,
                xf_dues_payment **out);

/* The grid of year: the members of org_id's subtree (0: the caller's
 * scope) with their months; paged. */
int xf_dues_grid(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                 xf_dues_row **out, int *n, int64_t *total);

/* The members of org_id's subtree (0: the caller's scope) who owe months
 * of year up to today; paged after the filter. *sum_fen and *sum_months
 * add up the whole list. */
int xf_dues_unpaid(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                   xf_dues_row **out, int *n, int64_t *total, int64_t *sum_fen,
                   int64_t *sum_months);

/* The totals of year per organization of org_id's subtree (0: the
 * caller's scope), each over its whole subtree, in path order; *sum over
 * every member counted once. */
int xf_dues_totals(xf_ctx *c, int64_t org_id, int year, xf_dues_total **out,
                   int *n, xf_dues_total *sum);

/* The caller's own year (a user linked to a member): 404 otherwise. */
int xf_dues_mine(xf_ctx *c, int year, xf_dues_row *out);

#endif
