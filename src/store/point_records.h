/*
 * point_records.h - SQL of the records points are written from, read as
 * the facts service/point_records.c turns into ledger entries: the
 * attendance of a meeting with each member's organization now.
 *
 * Return codes and string ownership as in orgs.h: XF_DB_OK or a negative
 * XF_DB_* error; strings are copied into the arena passed in.
 */
#ifndef XF_STORE_POINT_RECORDS_H
#define XF_STORE_POINT_RECORDS_H

#include "base/arena.h"
#include "store/db.h"

#include <stdint.h>

/* One row of a meeting's attendance register with the member's org. */
typedef struct xf_point_attendance {
	int64_t member_id, org_id;
	const char *org_path, *status;
} xf_point_attendance;

/* The attendance register of a meeting, by member; at most max rows. */
int xf_store_point_attendance(xf_db *db, xf_arena *a, int64_t meeting_id,
                              int max, xf_point_attendance **out, int *n);

#endif
