/*
 * member.h - a party member (党员) and a transfer between organizations,
 * as every layer sees them, with their one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_MEMBER_H
#define XF_MODEL_MEMBER_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_member {
	int64_t id, org_id;
	const char *org_path, *org_name;
	const char *name, *gender, *id_number, *birth_date, *phone;
	const char *ethnicity, *education, *position; /* or NULL */
	const char *status, *joined_on, *full_on;     /* full_on or NULL */
} xf_member;

/* A row of a member's transfer history: a move within the tree made by
 * POST /api/members/{id}/transfer (kind in_tree, state arrived), or a
 * transfer of the workflow (model/transfer.h), whose outside
 * organization is named in from_org_name or to_org_name (id 0). */
typedef struct xf_transfer {
	int64_t id, from_org_id, to_org_id, user_id, at;
	const char *from_org_name, *to_org_name, *reason;
	const char *kind, *state; /* xf_transfer_kinds, xf_transfer_states */
	const char *letter_no;    /* NULL for a direct move */
	const char *deadline_on;  /* NULL for a direct move */
	const char *arrived_on;   /* NULL for a direct move or while open */
} xf_transfer;

/*
 * The JSON form of a member. may_see_pii: the caller may see the member's
 * personal data unmasked (xf_member_full_pii in service/members.h decides
 * it from the caller's roles); masking is model/pii.h's.
 */
void xf_member_json(xf_jw *w, const xf_member *m, int may_see_pii);
void xf_transfer_json(xf_jw *w, const xf_transfer *t);

#endif
