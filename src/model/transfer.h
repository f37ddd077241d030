/*
 * transfer.h - 组织关系转接 as a workflow: one transfer of a member's
 * party relation within the tree, out of it or into it
 * (domain/transfers.h), with its one JSON form. The person's ID number
 * and phone (kept for a transfer in, to create the member on arrival) are
 * never written out.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_TRANSFER_H
#define XF_MODEL_TRANSFER_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_org_transfer {
	int64_t id;
	const char *kind, *state; /* xf_transfer_kinds, xf_transfer_states */
	int64_t member_id;        /* 0 for a transfer in before arrival */
	const char *person_name;
	/* a transfer in: the member created on arrival */
	const char *gender, *id_number, *phone, *status, *joined_on;
	int64_t from_org_id; /* 0 when outside */
	const char *from_org_name, *from_path, *outside_from;
	int64_t to_org_id; /* 0 when outside */
	const char *to_org_name, *to_path, *outside_to;
	const char *letter_no, *issued_on, *deadline_on, *reason;
	const char *arrived_on; /* NULL until arrived */
	const char *note;       /* the last approval's or return's note */
	int64_t created_by, created_at, updated_at;
	int days_left, overdue; /* filled by the service from today */
} xf_org_transfer;

void xf_org_transfer_json(xf_jw *w, const xf_org_transfer *t);

#endif
