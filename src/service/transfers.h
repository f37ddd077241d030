/*
 * transfers.h (service) - 组织关系转接 as a workflow (domain/transfers.h):
 * a transfer within the tree, out to an organization outside the platform
 * or in from outside, with its letter of introduction. Who acts: the
 * sending side (whoever manages the member's organization) applies for a
 * transfer within the tree or out and approves it; the receiving side
 * (whoever manages the receiving organization) applies for a transfer in,
 * approves the receiving step and records the arrival (for a transfer
 * out, the sending side records the receipt). On arrival the member
 * moves (within the tree), leaves the roster keeping its record (out), or
 * is created in the receiving organization (in). A transfer past its
 * letter's deadline (3 months from issue) and not arrived is overdue: the
 * list flags it and filters on it (overdue=1).
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_TRANSFERS_H
#define XF_SERVICE_TRANSFERS_H

#include "domain/transfers.h"
#include "model/member.h"
#include "service/ctx.h"
#include "store/transfers.h"

/* Records a transfer from in: kind, member_id (in_tree, out) or the
 * person's fields (in: person_name, gender, id_number, phone, status,
 * joined_on), to_org_id (in_tree, in), outside_from (in), outside_to
 * (out), letter_no, issued_on, reason (may be NULL). */
int xf_transfer_create(xf_ctx *c, const xf_org_transfer *in,
                       xf_org_transfer *out);
/* Moves transfer id by action; day is the arrival day (XF_TR_ARRIVE; NULL:
 * today), note may be NULL. */
int xf_transfer_act(xf_ctx *c, int64_t id, xf_transfer_action action,
                    const char *day, const char *note, xf_org_transfer *out);
int xf_transfer_read(xf_ctx *c, int64_t id, xf_org_transfer *out);
/* Transfers with either side in org_id's subtree (0: the caller's scope),
 * in state ("" or NULL: any), only the overdue ones when overdue_only. */
int xf_transfer_list(xf_ctx *c, int64_t org_id, const char *state,
                     int overdue_only, int offset, int limit,
                     xf_org_transfer **out, int *n, int64_t *total);
/* The workflow transfers of a member as rows of its history
 * (xf_transfer), appended to *items (n of them, in c->a). */
int xf_transfer_history_rows(xf_ctx *c, int64_t member_id, xf_transfer **items,
                             int *n);

#endif
