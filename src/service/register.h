/*
 * register.h (service) - the yearly attendance register (出席登记簿) of an
 * organization: every member of its subtree against every meeting of the
 * year, grouped by meeting kind, with the paper register's marks.
 *
 * A read: out of scope answers 404. Returns XF_OK or an error kind with
 * c->err filled; the register lives in c->a.
 */
#ifndef XF_SERVICE_REGISTER_H
#define XF_SERVICE_REGISTER_H

#include "domain/compliance.h"
#include "service/ctx.h"
#include "store/orgs.h"
#include "store/register.h"

/* Most meetings and members one register holds. */
#define XF_REGISTER_MEETINGS 600
#define XF_REGISTER_MEMBERS  2000

/* The meetings of one kind: columns first .. first + count - 1. */
typedef struct xf_register_group {
	int kind; /* XF_MK_* */
	int first, count;
} xf_register_group;

typedef struct xf_register {
	xf_org org;
	int year;
	xf_reg_meeting *meetings; /* by kind (XF_MK_* order), then by day */
	int nmeetings;
	xf_register_group groups[XF_MK_COUNT];
	int ngroups;
	xf_reg_member *members; /* in path order */
	int nmembers;
	/* status index (XF_ATTENDANCE_STATUSES) of member i at meeting j in
	 * status[i * nmeetings + j]; -1 when not recorded */
	signed char *status;
	int (*counts)[XF_ATTENDANCE_STATUSES]; /* per member */
	int totals[XF_ATTENDANCE_STATUSES];
} xf_register;

/* The register of org_id (0: the caller's widest organization) for year. */
int xf_register_year(xf_ctx *c, int64_t org_id, int year, xf_register *out);

#endif
