/*
 * terms.h (service) - 换届 (terms of committees): an election is recorded
 * for an organization that elects a committee (党委, 党总支, 党支部) by
 * whoever manages it (its secretary, a committee above, the admin), with
 * the voters entitled and present and the members elected to each
 * position; the term's end follows from the kind's length
 * (domain/terms.h). The higher committee (a committee or secretary
 * grant strictly above the organization, or the admin) approves it. The
 * board lists the organizations in scope with their current term, days
 * left, the reminder flag (from 6 months before the end) and overdue.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_TERMS_H
#define XF_SERVICE_TERMS_H

#include "domain/terms.h"
#include "service/ctx.h"
#include "store/terms.h"

/* Most positions of one term. */
#define XF_TERM_POSITIONS_MAX 31
/* Most terms of an organization's history. */
#define XF_TERM_HISTORY_MAX 50

/* Records an election of org_id's committee: in->elected_on, years (0:
 * the kind's), entitled, present and positions are read; *out is the
 * term recorded, pending approval. */
int xf_term_create(xf_ctx *c, int64_t org_id, const xf_term *in, xf_term *out);
/* The higher committee approves term id on approved_on with its reply's
 * number (may be NULL). */
int xf_term_approve(xf_ctx *c, int64_t id, const char *approved_on,
                    const char *approval_no, xf_term *out);
/* A term with its positions. */
int xf_term_read(xf_ctx *c, int64_t id, xf_term *out);
/* The terms of org_id, the latest first, with their positions. */
int xf_term_history(xf_ctx *c, int64_t org_id, xf_term **out, int *n);
/* The board of org_id's subtree (0: the caller's scope); due_only keeps
 * the organizations without a term or whose reminder is due; paged. */
int xf_term_board(xf_ctx *c, int64_t org_id, int due_only, int offset,
                  int limit, xf_term **out, int *n, int64_t *total);

#endif
