/*
 * transfers.h - the rules of 组织关系转接 (transfers of a member's party
 * relation): the kinds (within the tree, out to an organization outside
 * the platform, in from outside), the states of the workflow and the
 * moves allowed between them, which side approves at each step, and the
 * deadline of the letter of introduction (介绍信) with its overdue flag.
 *
 * Workflow (申请 → 转出方审批 → 转入方审批 → 已到达, or 已退回):
 *   in_tree: applied → out_approved (the sending org) → in_approved (the
 *            receiving org) → arrived;
 *   out:     applied → out_approved (the sending org) → arrived (the
 *            receipt from outside);
 *   in:      applied → in_approved (the receiving org) → arrived.
 * A transfer not yet arrived may be returned (rejected) by the side
 * whose approval it waits for. The letter is valid XF_TRANSFER_MONTHS
 * months from its issue: past that day an open transfer is overdue.
 *
 * Pure functions over plain values: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_TRANSFERS_H
#define XF_DOMAIN_TRANSFERS_H

#include "base/date.h"
#include "domain/codes.h"

/* in_tree 系统内转接, out 转出（系统外）, in 转入（系统外） */
extern const xf_code xf_transfer_kinds[];
/* applied 申请, out_approved 转出方已审批, in_approved 转入方已审批,
 * arrived 已到达, returned 已退回 */
extern const xf_code xf_transfer_states[];

/* Months a letter of introduction is valid from its issue. */
#define XF_TRANSFER_MONTHS 3

typedef enum {
	XF_TR_APPROVE = 0, /* the side whose turn it is approves */
	XF_TR_REJECT,      /* the side whose turn it is returns it */
	XF_TR_ARRIVE,      /* the member has arrived (the receipt) */
} xf_transfer_action;

/* Which side acts next on a transfer of kind in state: 'f' (the sending
 * organization), 't' (the receiving one), or 0 when nobody does (closed,
 * or an unknown kind or state). For an arrival, the receiving side of an
 * in_tree or in transfer, the sending side of an out transfer. */
char xf_transfer_side(const char *kind, const char *state);
/* The state after action on a transfer of kind in state, or NULL when
 * the move is not allowed. */
const char *xf_transfer_next(const char *kind, const char *state,
                             xf_transfer_action action);
/* 1 for arrived and returned. */
int xf_transfer_closed(const char *state);

/* The last day of the letter: issued_on plus XF_TRANSFER_MONTHS months
 * (11-30 + 3 months = 02-28 or 02-29). */
xf_date xf_transfer_deadline(xf_date issued_on);
/* Days from today to deadline: 0 on the day, negative after. */
int xf_transfer_days_left(xf_date deadline, xf_date today);
/* 1 if a transfer in state is still open after its deadline. */
int xf_transfer_overdue(const char *state, xf_date deadline, xf_date today);

#endif
