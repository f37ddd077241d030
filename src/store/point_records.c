/*
 * point_records.c - SQL of the records points are written from (see
 * point_records.h).
 */
#include "store/point_records.h"

#include <stddef.h>

static const char sql_attendance[] =
    "SELECT a.member_id, m.org_id, m.org_path, a.status "
    "FROM meeting_attendance a JOIN members m ON m.id = a.member_id "
    "WHERE a.meeting_id = $1 ORDER BY a.member_id LIMIT $2";

static const xf_db_col attendance_cols[] = {
    XF_COL(I64, xf_point_attendance, member_id),
    XF_COL(I64, xf_point_attendance, org_id),
    XF_COL(STR, xf_point_attendance, org_path),
    XF_COL(STR, xf_point_attendance, status),
};

static void read_attendance(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, attendance_cols, XF_NCOLS(attendance_cols),
	                item);
}

int xf_store_point_attendance(xf_db *db, xf_arena *a, int64_t meeting_id,
                              int max, xf_point_attendance **out, int *n)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_attendance, XF_INT(meeting_id), XF_INT(max));
	if (!st)
		return XF_DB_ERROR;
	return xf_db_rows(st, a, max, sizeof **out, read_attendance, out, n);
}
