/*
 * members.h (service) - party member use cases: validation of ID numbers
 * and phones against the rules, scope, transfers with history, audit.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_MEMBERS_H
#define XF_SERVICE_MEMBERS_H

#include "service/ctx.h"
#include "store/members.h"

typedef struct xf_member_input {
	const char *name, *gender, *id_number, *phone, *status, *joined_on,
	    *full_on, *ethnicity, *education, *position;
	int64_t org_id;
	int has_name, has_gender, has_id_number, has_phone, has_status,
	    has_joined_on, has_full_on, has_ethnicity, has_education,
	    has_position, has_org_id;
} xf_member_input;

int xf_member_create(xf_ctx *c, const xf_member_input *in, xf_member *out);
/* The same inside the caller's write transaction (the imports). */
int xf_member_create_in_tx(xf_ctx *c, const xf_member_input *in,
                           xf_member *out);
int xf_member_read(xf_ctx *c, int64_t id, xf_member *out);
/* The same inside the caller's write transaction (发展党员's conversion). */
int xf_member_update_in_tx(xf_ctx *c, int64_t id, const xf_member_input *in,
                           xf_member *out);
int xf_member_update(xf_ctx *c, int64_t id, const xf_member_input *in,
                     xf_member *out);
int xf_member_remove(xf_ctx *c, int64_t id);
/* org_id 0: the caller's scope; subtree: include descendants of org. */
int xf_member_list(xf_ctx *c, int64_t org_id, int subtree, const char *q,
                   const char *status, int sort, int offset, int limit,
                   xf_member_page *out);
int xf_member_transfer(xf_ctx *c, int64_t id, int64_t to_org,
                       const char *reason, xf_member *out);
int xf_member_transfers(xf_ctx *c, int64_t id, xf_transfer **out, int *n);
/* Whether the caller sees the member's ID number and phone unmasked. */
int xf_member_full_pii(const xf_ctx *c, const xf_member *m);
/*
 * Records, in a small write transaction of its own after the read, that
 * the caller is about to be shown the personal data of members[0..n)
 * unmasked (those of them xf_member_full_pii grants): one audit row
 * `read_pii` of entity member; for one member its id, for several their
 * count and ids (at most 1000 named) under the organizations' common
 * path. via names the answer ("detail", "list", "export"). XF_OK when
 * nothing is shown unmasked; an answer must not be sent unless this
 * returned XF_OK.
 */
int xf_member_pii_shown(xf_ctx *c, const xf_member *members, int n,
                        const char *via);

#endif
