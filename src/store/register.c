/*
 * register.c - SQL of the yearly attendance register: three range scans
 * over the subtree (meetings by path and day, members by path, attendance
 * by meeting), assembled into the grid by the service.
 */
#include "store/register.h"

#define IN_RANGE                                                               \
	"mt.org_path >= $1 AND mt.org_path < $2 AND mt.held_on >= $3 AND "     \
	"mt.held_on <= $4"

static const char sql_meetings[] =
    "SELECT mt.id, mt.org_id, mt.kind, mt.held_on, mt.topic, o.name "
    "FROM meetings mt JOIN orgs o ON o.id = mt.org_id WHERE " IN_RANGE
    " ORDER BY mt.held_at, mt.id LIMIT $5";

/* The statement of sql over the range ($1 to $4, IN_RANGE); NULL on a
 * prepare error. */
static xf_stmt *in_range(xf_db *db, const char *sql, const char *lo,
                         const char *hi, const char *from, const char *to)
{
	return XF_DB_BOUND(db, sql, XF_STR(lo), XF_STR(hi), XF_STR(from),
	                   XF_STR(to));
}

/* Reads up to max rows of sql over the range into out, and whether a row
 * more came (the statements take max + 1 as their limit, $5). */
static int rows_more(xf_db *db, const char *sql, const char *lo, const char *hi,
                     const char *from, const char *to, xf_arena *a, int max,
                     size_t size, xf_row_fn read, void *out, int *n, int *more)
{
	xf_stmt *st = in_range(db, sql, lo, hi, from, to);
	if (st)
		xf_db_bind_int(st, 5, (int64_t)max + 1);
	int rc = xf_db_rows(st, a, max + 1, size, read, out, n);
	*more = *n > max;
	if (*more)
		*n = max;
	return rc;
}

static const xf_db_col meeting_cols[] = {
    XF_COL(I64, xf_reg_meeting, id),    XF_COL(I64, xf_reg_meeting, org_id),
    XF_COL(STR, xf_reg_meeting, kind),  XF_COL(STR, xf_reg_meeting, held_on),
    XF_COL(STR, xf_reg_meeting, topic), XF_COL(STR, xf_reg_meeting, org_name),
};

XF_DB_READER(read_meeting, meeting_cols);

int xf_store_register_meetings(xf_db *db, xf_arena *a, const char *lo,
                               const char *hi, const char *from, const char *to,
                               int max, xf_reg_meeting **out, int *n, int *more)
{
	return rows_more(db, sql_meetings, lo, hi, from, to, a, max,
	                 sizeof **out, read_meeting, out, n, more);
}

static const char sql_members[] =
    "SELECT m.id, m.org_id, m.name, o.name FROM members m "
    "JOIN orgs o ON o.id = m.org_id "
    "WHERE (m.org_path >= $1 AND m.org_path < $2 AND m.joined_on <= $4 "
    "AND m.left_on IS NULL) "
    "OR m.id IN (SELECT a.member_id FROM meeting_attendance a "
    "JOIN meetings mt ON mt.id = a.meeting_id WHERE " IN_RANGE ") "
    "ORDER BY m.org_path, m.id LIMIT $5";

static const xf_db_col member_cols[] = {
    XF_COL(I64, xf_reg_member, id),
    XF_COL(I64, xf_reg_member, org_id),
    XF_COL(STR, xf_reg_member, name),
    XF_COL(STR, xf_reg_member, org_name),
};

XF_DB_READER(read_member, member_cols);

int xf_store_register_members(xf_db *db, xf_arena *a, const char *lo,
                              const char *hi, const char *from, const char *to,
                              int max, xf_reg_member **out, int *n, int *more)
{
	return rows_more(db, sql_members, lo, hi, from, to, a, max,
	                 sizeof **out, read_member, out, n, more);
}

static const char sql_marks[] =
    "SELECT a.meeting_id, a.member_id, a.status FROM meetings mt "
    "JOIN meeting_attendance a ON a.meeting_id = mt.id WHERE " IN_RANGE;

int xf_store_register_marks(xf_db *db, const char *lo, const char *hi,
                            const char *from, const char *to, xf_reg_mark_fn fn,
                            void *arg)
{
	xf_stmt *st = in_range(db, sql_marks, lo, hi, from, to);
	if (!st)
		return XF_DB_ERROR;
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		if (fn(arg, xf_db_int(st, 0), xf_db_int(st, 1),
		       xf_db_text(st, 2)) != 0)
			break;
	xf_db_reset(st);
	return xf_db_done(rc);
}
