/*
 * register.c - SQL of the yearly attendance register: three range scans
 * over the subtree (meetings by path and day, members by path, attendance
 * by meeting), assembled into the grid by the service.
 */
#include "store/register.h"

static int done(int rc)
{
	return rc == XF_DB_ROW || rc == XF_DB_DONE ? XF_DB_OK : rc;
}

#define IN_RANGE                                                               \
	"mt.org_path >= $1 AND mt.org_path < $2 AND mt.held_on >= $3 AND "     \
	"mt.held_on <= $4"

static const char sql_meetings[] =
    "SELECT mt.id, mt.org_id, mt.kind, mt.held_on, mt.topic, o.name "
    "FROM meetings mt JOIN orgs o ON o.id = mt.org_id WHERE " IN_RANGE
    " ORDER BY mt.held_at, mt.id LIMIT $5";

static void bind_range(xf_stmt *st, const char *lo, const char *hi,
                       const char *from, const char *to)
{
	xf_db_bind_str(st, 1, lo);
	xf_db_bind_str(st, 2, hi);
	xf_db_bind_str(st, 3, from);
	xf_db_bind_str(st, 4, to);
}

int xf_store_register_meetings(xf_db *db, xf_arena *a, const char *lo,
                               const char *hi, const char *from, const char *to,
                               int max, xf_reg_meeting **out, int *n, int *more)
{
	xf_stmt *st = xf_db_stmt(db, sql_meetings);
	if (!st)
		return XF_DB_ERROR;
	bind_range(st, lo, hi, from, to);
	xf_db_bind_int(st, 5, (int64_t)max + 1);
	*n = 0;
	*more = 0;
	*out = xf_arena_calloc(a, (size_t)(max > 0 ? max : 1),
	                       sizeof(xf_reg_meeting));
	if (!*out) {
		xf_db_reset(st);
		return XF_DB_ERROR;
	}
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		if (*n == max) {
			*more = 1;
			break;
		}
		xf_reg_meeting *m = &(*out)[(*n)++];
		m->id = xf_db_int(st, 0);
		m->org_id = xf_db_int(st, 1);
		m->kind = xf_db_dup(a, st, 2);
		m->held_on = xf_db_dup(a, st, 3);
		m->topic = xf_db_dup(a, st, 4);
		m->org_name = xf_db_dup(a, st, 5);
	}
	xf_db_reset(st);
	return done(rc);
}

static const char sql_members[] =
    "SELECT m.id, m.org_id, m.name, o.name FROM members m "
    "JOIN orgs o ON o.id = m.org_id "
    "WHERE (m.org_path >= $1 AND m.org_path < $2 AND m.joined_on <= $4) "
    "OR m.id IN (SELECT a.member_id FROM meeting_attendance a "
    "JOIN meetings mt ON mt.id = a.meeting_id WHERE " IN_RANGE ") "
    "ORDER BY m.org_path, m.id LIMIT $5";

int xf_store_register_members(xf_db *db, xf_arena *a, const char *lo,
                              const char *hi, const char *from, const char *to,
                              int max, xf_reg_member **out, int *n, int *more)
{
	xf_stmt *st = xf_db_stmt(db, sql_members);
	if (!st)
		return XF_DB_ERROR;
	bind_range(st, lo, hi, from, to);
	xf_db_bind_int(st, 5, (int64_t)max + 1);
	*n = 0;
	*more = 0;
	*out = xf_arena_calloc(a, (size_t)(max > 0 ? max : 1),
	                       sizeof(xf_reg_member));
	if (!*out) {
		xf_db_reset(st);
		return XF_DB_ERROR;
	}
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		if (*n == max) {
			*more = 1;
			break;
		}
		xf_reg_member *m = &(*out)[(*n)++];
		m->id = xf_db_int(st, 0);
		m->org_id = xf_db_int(st, 1);
		m->name = xf_db_dup(a, st, 2);
		m->org_name = xf_db_dup(a, st, 3);
	}
	xf_db_reset(st);
	return done(rc);
}

static const char sql_marks[] =
    "SELECT a.meeting_id, a.member_id, a.status FROM meetings mt "
    "JOIN meeting_attendance a ON a.meeting_id = mt.id WHERE " IN_RANGE;

int xf_store_register_marks(xf_db *db, const char *lo, const char *hi,
                            const char *from, const char *to, xf_reg_mark_fn fn,
                            void *arg)
{
	xf_stmt *st = xf_db_stmt(db, sql_marks);
	if (!st)
		return XF_DB_ERROR;
	bind_range(st, lo, hi, from, to);
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		if (fn(arg, xf_db_int(st, 0), xf_db_int(st, 1),
		       xf_db_text(st, 2)) != 0)
			break;
	xf_db_reset(st);
	return done(rc);
}
