/*
 * visits.h (service) - 四必访 (visits that must happen): a trigger is
 * recorded for a member by whoever manages the member's organization (its
 * secretary, a committee above, the admin) and owes a visit by the kind's
 * deadline (domain/visits.h); the visit record settles it. The due list
 * with days left, the records and the coverage per organization are read
 * within the caller's scope. A visit's personal notes are shown only to
 * the visitor, the committees strictly above the member's organization
 * and the admin (xf_visit_notes_shown); the audit keeps no notes.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_VISITS_H
#define XF_SERVICE_VISITS_H

#include "domain/visits.h"
#include "service/ctx.h"
#include "store/visits.h"

/* The kinds: the built-in ones, then those the admin keeps. */
int xf_visit_kind_list(xf_ctx *c, xf_visit_kind **out, int *n);
/* Adds a kind (admin only: 403 otherwise); 409 duplicate_kind when its
 * code or label is taken. */
int xf_visit_kind_create(xf_ctx *c, const xf_visit_kind *k);

int xf_visit_trigger_create(xf_ctx *c, int64_t member_id, const char *kind,
                            const char *occurred_on, xf_visit_trigger *out);
/* Owed visits of org_id's subtree (0: the caller's scope), earliest due
 * first, with days_left filled; paged. */
int xf_visit_due_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                      xf_visit_trigger **out, int *n, int64_t *total);
/* Settles trigger_id with a visit by the caller; notes and help_given may
 * be NULL. */
int xf_visit_create(xf_ctx *c, int64_t trigger_id, const char *visited_on,
                    const char *notes, const char *help_given, xf_visit *out);
/* Visit records of org_id's subtree (0: the caller's scope) visited in
 * year (0: any); paged. */
int xf_visit_list(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                  xf_visit **out, int *n, int64_t *total);
/* 1 if the caller may read v's personal notes. */
int xf_visit_notes_shown(const xf_ctx *c, const xf_visit *v);

/* Most organizations a coverage answer lists. */
#define XF_VISIT_COVERAGE_ORGS 2000
/* Coverage of the triggers that occurred in year, per organization of
 * org_id's subtree (0: the caller's scope) that had any; *sum is the
 * total over them (org_id 0). */
int xf_visit_coverage_read(xf_ctx *c, int64_t org_id, int year,
                           xf_visit_coverage_row **out, int *n,
                           xf_visit_coverage_row *sum);

#endif
