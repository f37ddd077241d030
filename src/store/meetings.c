/*
 * meetings.c - SQL of meetings, measures, attendance, talks and the
 * meeting rules. Meeting rows carry their organization's path and the day
 * they count for (schema_v2.c); the compliance board reads their kept
 * tally (store/meeting_tallies.c).
 */
#include "store/meetings.h"

#include "store/attachments.h"

#include <string.h>

#define MEETING_COLS                                                           \
	"mt.id, mt.org_id, mt.org_path, o.name, o.kind, mt.kind, mt.held_at, " \
	"mt.held_on, mt.counts_on, mt.makeup_for, mt.late, mt.place, "         \
	"mt.topic, mt.host, mt.recorder, mt.lecturer, mt.agenda, mt.minutes, " \
	"mt.ft_title, mt.ft_source, mt.ft_speech_date, mt.ft_discussion, "     \
	"COALESCE(mt.created_by, 0), mt.created_at, mt.updated_at"

XF_DB_LIST_READER(read_meeting, XF_MEETING_ALL, xf_meeting);

static const char sql_get[] =
    "SELECT " MEETING_COLS " FROM meetings mt JOIN orgs o ON o.id = "
    "mt.org_id WHERE mt.id = $1";

XF_DB_GETTER(xf_store_meeting_get, xf_meeting, sql_get, read_meeting);

const xf_db_col xf_meeting_write_cols[XF_MEETING_NWRITE] = {
    XF_COL(I64, xf_meeting, org_id),
    XF_COL(STR, xf_meeting, org_path),
    XF_COL(STR, xf_meeting, kind),
    XF_COL(I64, xf_meeting, held_at),
    XF_COL(STR, xf_meeting, held_on),
    XF_COL(STR, xf_meeting, counts_on),
    XF_COL(STR, xf_meeting, makeup_for),
    XF_COL(INT, xf_meeting, late),
    XF_COL(STR, xf_meeting, place),
    XF_COL(STR, xf_meeting, topic),
    XF_COL(STR, xf_meeting, host),
    XF_COL(STR, xf_meeting, recorder),
    XF_COL(STR, xf_meeting, lecturer),
    XF_COL(STR, xf_meeting, agenda),
    XF_COL(STR, xf_meeting, minutes),
    XF_COL(STR, xf_meeting, ft_title),
    XF_COL(STR, xf_meeting, ft_source),
    XF_COL(STR, xf_meeting, ft_speech_date),
    XF_COL(STR, xf_meeting, ft_discussion),
};

/* Binds the writable fields as $2..$20 and has_ft as $21. */
static void bind_fields(xf_stmt *st, const xf_meeting *m)
{
	xf_db_bind_cols(st, 2, xf_meeting_write_cols, XF_MEETING_NWRITE, m);
	xf_db_bind_int(st, 21, m->ft_title != NULL);
}

static const char sql_insert[] =
    "INSERT INTO meetings (" XF_MEETING_WRITE_SQL ", has_ft, created_by, "
    "created_at, updated_at) VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $1, $1) "
    "RETURNING id";

int xf_store_meeting_insert(xf_db *db, xf_meeting *m, int64_t now)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_insert, XF_INT(now));
	if (!st)
		return XF_DB_ERROR;
	bind_fields(st, m);
	xf_db_bind_id(st, 22, m->created_by);
	int rc = xf_db_insert(st, &m->id);
	if (rc == XF_DB_OK)
		m->created_at = m->updated_at = now;
	return rc;
}

static const char sql_update[] =
    "UPDATE meetings SET org_id = $2, org_path = $3, kind = $4, "
    "held_at = $5, held_on = $6, counts_on = $7, makeup_for = $8, "
    "late = $9, place = $10, topic = $11, host = $12, recorder = $13, "
    "lecturer = $14, agenda = $15, minutes = $16, ft_title = $17, "
    "ft_source = $18, ft_speech_date = $19, ft_discussion = $20, "
    "has_ft = $21, updated_at = $22 WHERE id = $1";

int xf_store_meeting_update(xf_db *db, const xf_meeting *m, int64_t now)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_update, XF_INT(m->id));
	if (!st)
		return XF_DB_ERROR;
	bind_fields(st, m);
	xf_db_bind_int(st, 22, now);
	return xf_db_run(st);
}

static const char sql_delete[] = "DELETE FROM meetings WHERE id = $1";
static const char sql_delete_att[] =
    "DELETE FROM meeting_attendance WHERE meeting_id = $1";
static const char sql_delete_measures[] =
    "DELETE FROM meeting_measures WHERE meeting_id = $1";

int xf_store_meeting_delete(xf_db *db, int64_t id)
{
	/* explicit, not only by cascade: the rows go whatever the driver's
	 * foreign key settings */
	const char *const sqls[] = {sql_delete_att, sql_delete_measures,
	                            sql_delete};
	int rc = xf_store_attachment_delete_subject(db, "meeting", id);
	for (int i = 0; i < 3 && rc == XF_DB_OK; i++)
		rc = xf_db_run_id(db, sqls[i], id);
	return rc;
}

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL(                                               \
	    "mt.org_path", "1", "2", "3", "4", "5", "6", "7",                  \
	    "8") " AND ($9 = 0 OR mt.org_id = $9) "                            \
	         "AND ($10 = '' OR mt.kind = $10) "                            \
	         "AND mt.held_on >= $11 AND mt.held_on <= $12"

static const char sql_count[] = "SELECT COUNT(*) FROM meetings mt" LIST_WHERE;
static const char sql_list[] =
    "SELECT " MEETING_COLS ", (SELECT COUNT(*) FROM meeting_attendance ma "
    "WHERE ma.meeting_id = mt.id) FROM meetings mt JOIN orgs o ON o.id = "
    "mt.org_id" LIST_WHERE
    " ORDER BY mt.held_at DESC, mt.id DESC LIMIT $13 OFFSET $14";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_meeting_filter *f = filter;
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->org_id);
	xf_db_bind_str(st, 10, f->kind ? f->kind : "");
	xf_db_bind_str(st, 11, f->from ? f->from : "0000-00-00");
	xf_db_bind_str(st, 12, f->to ? f->to : "9999-99-99");
}

/* read_meeting, and the number of attendees in column 25. */
static void read_listed(xf_arena *a, xf_stmt *st, void *item)
{
	xf_meeting *m = item;
	read_meeting(a, st, m);
	m->attendees = xf_db_int(st, 25);
}

static const xf_db_list meeting_list = {
    sql_count, sql_list, bind_filter, 13, sizeof(xf_meeting), read_listed};

int xf_store_meeting_list(xf_db *db, xf_arena *a, const xf_meeting_filter *f,
                          xf_meeting_page *out)
{
	return xf_db_list_page(db, &meeting_list, f, f->limit, f->offset, a,
	                       &out->items, &out->n, &out->total);
}

/* ---- measures ------------------------------------------------------------ */

#define MEASURE_COLS "id, meeting_id, org_path, title, owner, due_on, done_on"

XF_DB_LIST_READER(read_measure, XF_MEASURE_FIELDS, xf_measure);

static const char sql_ms_get[] =
    "SELECT " MEASURE_COLS " FROM meeting_measures WHERE id = $1";

XF_DB_GETTER(xf_store_measure_get, xf_measure, sql_ms_get, read_measure);

static const char sql_ms_insert[] =
    "INSERT INTO meeting_measures (meeting_id, org_path, title, owner, "
    "due_on, done_on, created_at, updated_at) VALUES ($2, $3, $4, $5, $6, "
    "$7, $1, $1) RETURNING id";

static const xf_db_col measure_insert_cols[] = {
    XF_COL(I64, xf_measure, meeting_id), XF_COL(STR, xf_measure, org_path),
    XF_COL(STR, xf_measure, title),      XF_COL(STR, xf_measure, owner),
    XF_COL(STR, xf_measure, due_on),     XF_COL(STR, xf_measure, done_on),
};

int xf_store_measure_insert(xf_db *db, xf_measure *m, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_ms_insert, XF_INT(now)), 2,
	                         measure_insert_cols,
	                         XF_NCOLS(measure_insert_cols), m, &m->id);
}

static const char sql_ms_update[] =
    "UPDATE meeting_measures SET title = $2, owner = $3, due_on = $4, "
    "done_on = $5, updated_at = $6 WHERE id = $1";

static const xf_db_col measure_update_cols[] = {
    XF_COL(I64, xf_measure, id),      XF_COL(STR, xf_measure, title),
    XF_COL(STR, xf_measure, owner),   XF_COL(STR, xf_measure, due_on),
    XF_COL(STR, xf_measure, done_on),
};

int xf_store_measure_update(xf_db *db, const xf_measure *m, int64_t now)
{
	return xf_db_run_cols_now(xf_db_stmt(db, sql_ms_update), 1,
	                          measure_update_cols,
	                          XF_NCOLS(measure_update_cols), m, now);
}

static const char sql_ms_delete[] =
    "DELETE FROM meeting_measures WHERE id = $1";

int xf_store_measure_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_ms_delete, id);
}

static const char sql_ms_list[] =
    "SELECT " MEASURE_COLS " FROM meeting_measures WHERE meeting_id = $1 "
    "ORDER BY due_on, id LIMIT 500";

XF_DB_ROWS_OF(xf_store_measure_list, xf_measure, sql_ms_list, read_measure,
              500);

#define OPEN_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("org_path", "1", "2", "3", "4", "5", "6", "7", \
	                        "8") " AND done_on IS NULL"
static const char sql_ms_open_count[] =
    "SELECT COUNT(*) FROM meeting_measures" OPEN_WHERE;
static const char sql_ms_open[] =
    "SELECT " MEASURE_COLS " FROM meeting_measures" OPEN_WHERE
    " ORDER BY due_on, id LIMIT $9 OFFSET $10";

static const xf_db_list measure_open = {sql_ms_open_count,  sql_ms_open,
                                        xf_db_bind_scope,   9,
                                        sizeof(xf_measure), read_measure};

int xf_store_measure_open(xf_db *db, xf_arena *a, const xf_ranges *r,
                          int offset, int limit, xf_measure **out, int *n,
                          int64_t *total)
{
	return xf_db_list_page(db, &measure_open, r, limit, offset, a, out, n,
	                       total);
}

/* ---- attendance ---------------------------------------------------------- */

static const char sql_roster[] =
    "SELECT m.id, m.name, m.org_id, o.name, a.status, m.org_path "
    "FROM meeting_attendance a JOIN members m ON m.id = a.member_id "
    "JOIN orgs o ON o.id = m.org_id WHERE a.meeting_id = $1 "
    "UNION ALL "
    "SELECT m.id, m.name, m.org_id, o.name, NULL, m.org_path "
    "FROM members m JOIN orgs o ON o.id = m.org_id "
    "WHERE m.org_path >= $2 AND m.org_path < $3 AND m.joined_on <= $4 "
    "AND m.left_on IS NULL AND NOT EXISTS (SELECT 1 FROM meeting_attendance a "
    "WHERE a.meeting_id = $1 AND a.member_id = m.id) "
    "ORDER BY 6, 1 LIMIT $5";

static const xf_db_col attendee_cols[] = {
    XF_COL(I64, xf_attendee, member_id), XF_COL(STR, xf_attendee, name),
    XF_COL(I64, xf_attendee, org_id),    XF_COL(STR, xf_attendee, org_name),
    XF_COL(OPT, xf_attendee, status),
};

static void read_attendee(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, attendee_cols, XF_NCOLS(attendee_cols), item);
}

int xf_store_attendance_roster(xf_db *db, xf_arena *a, int64_t meeting_id,
                               const char *lo, const char *hi,
                               const char *held_on, int max, xf_attendee **out,
                               int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_roster, XF_INT(meeting_id),
	                              XF_STR(lo), XF_STR(hi), XF_STR(held_on),
	                              XF_INT(max)),
	                  a, max, sizeof **out, read_attendee, out, n);
}

int xf_store_attendance_clear(xf_db *db, int64_t meeting_id)
{
	return xf_db_run_id(db, sql_delete_att, meeting_id);
}

static const char sql_att_put[] =
    "INSERT INTO meeting_attendance (meeting_id, member_id, status) "
    "VALUES ($1, $2, $3)";

int xf_store_attendance_put(xf_db *db, int64_t meeting_id, int64_t member_id,
                            const char *status)
{
	return xf_db_run(XF_DB_BOUND(db, sql_att_put, XF_INT(meeting_id),
	                             XF_INT(member_id), XF_STR(status)));
}

static const char sql_att_has[] = "SELECT 1 FROM meeting_attendance "
                                  "WHERE meeting_id = $1 AND member_id = $2";

int xf_store_attendance_has(xf_db *db, int64_t meeting_id, int64_t member_id,
                            int *on)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_att_has, XF_INT(meeting_id), XF_INT(member_id));
	if (!st)
		return XF_DB_ERROR;
	int64_t one;
	int rc = xf_db_value(st, &one);
	*on = one != 0;
	return rc;
}

static const char sql_att_scan[] =
    "SELECT a.member_id, a.status, mt.held_on FROM meetings mt "
    "JOIN meeting_attendance a ON a.meeting_id = mt.id "
    "WHERE mt.org_path >= $1 AND mt.org_path < $2 AND mt.held_on >= $3 "
    "ORDER BY a.member_id, mt.held_at DESC, mt.id DESC";

int xf_store_attendance_scan(xf_db *db, const char *lo, const char *hi,
                             const char *since, xf_attendance_fn fn, void *arg)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_att_scan, XF_STR(lo), XF_STR(hi),
	                          XF_STR(since));
	if (!st)
		return XF_DB_ERROR;
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		if (fn(arg, xf_db_int(st, 0), xf_db_text(st, 1),
		       xf_db_text(st, 2)) != 0)
			break;
	xf_db_reset(st);
	return xf_db_done(rc);
}

/* ---- talks ------------------------------------------------------------- */

static const char sql_talk_insert[] =
    "INSERT INTO talks (member_id, org_id, org_path, held_on, notes, "
    "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "RETURNING id";

static const xf_db_col talk_insert_cols[] = {
    XF_COL(I64, xf_talk, member_id), XF_COL(I64, xf_talk, org_id),
    XF_COL(STR, xf_talk, org_path),  XF_COL(STR, xf_talk, held_on),
    XF_COL(STR, xf_talk, notes),     XF_COL(ID, xf_talk, created_by),
};

int xf_store_talk_insert(xf_db *db, xf_talk *t, int64_t now)
{
	int rc = xf_db_insert_cols_now(
	    xf_db_stmt(db, sql_talk_insert), 1, talk_insert_cols,
	    XF_NCOLS(talk_insert_cols), t, now, &t->id);
	if (rc == XF_DB_OK)
		t->created_at = now;
	return rc;
}

static const char sql_talk_last[] =
    "SELECT MAX(held_on) FROM talks WHERE member_id = $1";

static void read_text(xf_arena *a, xf_stmt *st, void *item)
{
	*(const char **)item = xf_db_opt(a, st, 0);
}

int xf_store_talk_last(xf_db *db, xf_arena *a, int64_t member_id,
                       const char **on)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_talk_last, XF_INT(member_id));
	if (!st)
		return XF_DB_ERROR;
	*on = NULL;
	return xf_db_done(xf_db_row(st, a, read_text, on));
}

#define TALK_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("t.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR t.member_id = $9)"
static const char sql_talk_count[] = "SELECT COUNT(*) FROM talks t" TALK_WHERE;
static const char sql_talk_list[] =
    "SELECT t.id, t.member_id, m.name, t.org_id, t.org_path, t.held_on, "
    "t.notes, COALESCE(t.created_by, 0), t.created_at FROM talks t "
    "JOIN members m ON m.id = t.member_id" TALK_WHERE
    " ORDER BY t.held_on DESC, t.id DESC LIMIT $10 OFFSET $11";

XF_DB_LIST_READER(read_talk, XF_TALK_FIELDS, xf_talk);

static const xf_db_list talk_list = {sql_talk_count,    sql_talk_list,
                                     xf_db_bind_scoped, 10,
                                     sizeof(xf_talk),   read_talk};

int xf_store_talk_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                       int64_t member_id, int offset, int limit, xf_talk **out,
                       int *n, int64_t *total)
{
	xf_db_scoped f = {r, {member_id}, 1};
	return xf_db_list_page(db, &talk_list, &f, limit, offset, a, out, n,
	                       total);
}

/* ---- rules --------------------------------------------------------------- */

static const char sql_rules[] =
    "SELECT org_kind, meeting_kind, frequency FROM meeting_rules "
    "ORDER BY org_kind, meeting_kind LIMIT 200";

static const xf_db_col rule_cols[] = {
    XF_COL(STR, xf_meeting_rule, org_kind),
    XF_COL(STR, xf_meeting_rule, meeting_kind),
    XF_COL(STR, xf_meeting_rule, frequency),
};

static void read_rule(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, rule_cols, XF_NCOLS(rule_cols), item);
}

int xf_store_rules_list(xf_db *db, xf_arena *a, xf_meeting_rule **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_rules);
	return xf_db_rows(st, a, 200, sizeof **out, read_rule, out, n);
}

static const char sql_rules_clear[] = "DELETE FROM meeting_rules";

int xf_store_rules_clear(xf_db *db)
{
	xf_stmt *st = xf_db_stmt(db, sql_rules_clear);
	return st ? xf_db_run(st) : XF_DB_ERROR;
}

static const char sql_rule_put[] =
    "INSERT INTO meeting_rules (org_kind, meeting_kind, frequency) "
    "VALUES ($1, $2, $3)";

int xf_store_rule_put(xf_db *db, const xf_meeting_rule *r)
{
	return xf_db_run(XF_DB_BOUND(db, sql_rule_put, XF_STR(r->org_kind),
	                             XF_STR(r->meeting_kind),
	                             XF_STR(r->frequency)));
}

/* ---- tree moves ---------------------------------------------------------- */
