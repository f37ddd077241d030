/*
 * points_int.h (service) - the private half of points.h: what points.c,
 * point_rules.c and point_claims.c share. Not for use outside these files.
 */
#ifndef XF_SERVICE_POINTS_INT_H
#define XF_SERVICE_POINTS_INT_H

#include "service/points.h"
#include "store/members.h"
#include "store/point_claims.h"
#include "store/point_rules.h"

/* The subject of an entry: a member in its org, or an org itself. */
typedef struct xf_point_subject {
	int64_t member_id; /* 0: the org */
	int64_t org_id;
	const char *org_path;
} xf_point_subject;

/*
 * Whether the caller may decide points needing role ("secretary" or
 * "committee") for a subject at path: admin; a committee grant over the
 * path; a secretary grant over the path when the rule names secretaries.
 */
int xf_point_may_award(const xf_ctx *c, const char *role, const char *path);
/* Whether the caller reads the ledger rows of a subject at path. */
int xf_point_reads_of(const xf_ctx *c, int64_t member_id, const char *path);
/* The ranges a list of claims or entries is limited to; a member-only
 * caller gets its own records (*self set). */
int xf_point_list_scope(xf_ctx *c, int64_t org_id, xf_ranges *rg,
                        int64_t *self);

/* Loads a rule, 404 when missing. */
int xf_point_rule_load(xf_ctx *c, int64_t id, xf_point_rule *r);
/* The rule must exist, be of kind and apply to the subject's org (422 on
 * rule_id otherwise). */
int xf_point_rule_load_for(xf_ctx *c, int64_t rule_id, const char *kind,
                           const char *path, xf_point_rule *r);
/* The version of rule r in force on date; 422 on field if none. */
int xf_point_version_on(xf_ctx *c, const xf_point_rule *r, const char *date,
                        const char *field, const xf_point_version **out);
/* Loads a member as the subject of an entry (422 on member_id if none). */
int xf_point_member_load(xf_ctx *c, int64_t id, xf_member *m);

/*
 * Writes the entry of rule r for subject s on date under the caps, floor
 * and veto of the domain. source: claim, award or record. Fills res (the
 * entry re-read for display) and audits.
 */
int xf_point_write_entry(xf_ctx *c, const xf_point_rule *r,
                         const xf_point_subject *s, const char *date,
                         const char *source, const char *reason,
                         int64_t claim_id, const char *record_ref,
                         const char *record_group, xf_point_result *res);
/*
 * Reverses entry o inside the caller's write transaction; the caller has
 * decided it may. 409 when o is a reversal, already reversed, or a veto
 * of its year is in force. Fills res and audits.
 */
int xf_point_reverse_in_tx(xf_ctx *c, const xf_point_entry *o,
                           const char *reason, xf_point_result *res);

#endif
