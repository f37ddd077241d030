/*
 * recruits.c - SQL of 发展党员: recruits and their recorded steps.
 */
#include "store/recruits.h"
#include "store/members.h"

#include <string.h>

static const char sql_insert[] =
    "INSERT INTO recruits (org_id, org_path, name, gender, id_number, "
    "birth_date, phone, stage, next_step, due_step, due_on, due_deadline, "
    "member_id, created_by, id_number_bi, created_at, updated_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$16, $1, $1) RETURNING id";

static const xf_db_col write_cols[] = {
    XF_COL(I64, xf_recruit, org_id),    XF_COL(STR, xf_recruit, org_path),
    XF_COL(STR, xf_recruit, name),      XF_COL(STR, xf_recruit, gender),
    XF_COL(STR, xf_recruit, id_number), XF_COL(STR, xf_recruit, birth_date),
    XF_COL(STR, xf_recruit, phone),     XF_COL(STR, xf_recruit, stage),
    XF_COL(OPT, xf_recruit, next_step), XF_COL(OPT, xf_recruit, due_step),
    XF_COL(OPT, xf_recruit, due_on),    XF_COL(INT, xf_recruit, due_deadline),
    XF_COL(ID, xf_recruit, member_id),  XF_COL(ID, xf_recruit, created_by),
};

/* The ID number and phone are stored sealed, the ID number unique by its
 * blind index, as members' (store/members.c, base/seal.h). */
int xf_store_recruit_insert(xf_db *db, xf_recruit *r, int64_t now)
{
	const xf_seal_key *k = xf_seal_current();
	char idn[XF_SEAL_MAX], phone[XF_SEAL_MAX], bi[XF_SEAL_INDEX_LEN];
	xf_recruit s = *r;
	s.id_number = xf_seal(k, XF_SEAL_ID_NUMBER, r->id_number, idn);
	s.phone = xf_seal(k, XF_SEAL_PHONE, r->phone, phone);
	if (!s.id_number || (r->phone && !s.phone) ||
	    !xf_seal_index(k, r->id_number, bi))
		return XF_DB_ERROR;
	xf_stmt *st = XF_DB_BOUND(db, sql_insert, XF_INT(now));
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 2, write_cols, XF_NCOLS(write_cols), &s);
	xf_db_bind_str(st, 16, bi);
	int rc = xf_db_insert(st, &r->id);
	memset(idn, 0, sizeof idn);
	memset(phone, 0, sizeof phone);
	if (rc == XF_DB_OK)
		r->created_at = r->updated_at = now;
	return rc;
}

#define COLS                                                                   \
	"r.id, r.org_id, r.org_path, o.name, r.name, r.gender, r.id_number, "  \
	"r.birth_date, r.phone, r.stage, r.next_step, r.due_step, r.due_on, "  \
	"r.due_deadline, COALESCE(r.member_id, 0), "                           \
	"COALESCE(r.created_by, 0), r.created_at, r.updated_at"
#define FROM " FROM recruits r JOIN orgs o ON o.id = r.org_id"

static const xf_db_col cols[] = {
    XF_COL(I64, xf_recruit, id),         XF_COL(I64, xf_recruit, org_id),
    XF_COL(STR, xf_recruit, org_path),   XF_COL(STR, xf_recruit, org_name),
    XF_COL(STR, xf_recruit, name),       XF_COL(STR, xf_recruit, gender),
    XF_COL(STR, xf_recruit, id_number),  XF_COL(STR, xf_recruit, birth_date),
    XF_COL(STR, xf_recruit, phone),      XF_COL(STR, xf_recruit, stage),
    XF_COL(OPT, xf_recruit, next_step),  XF_COL(OPT, xf_recruit, due_step),
    XF_COL(OPT, xf_recruit, due_on),     XF_COL(INT, xf_recruit, due_deadline),
    XF_COL(I64, xf_recruit, member_id),  XF_COL(I64, xf_recruit, created_by),
    XF_COL(I64, xf_recruit, created_at), XF_COL(I64, xf_recruit, updated_at),
};

static void read_recruit(xf_arena *a, xf_stmt *st, void *item)
{
	xf_recruit *r = item;
	xf_db_read_cols(a, st, cols, XF_NCOLS(cols), item);
	r->id_number = xf_member_unseal(a, XF_SEAL_ID_NUMBER, r->id_number);
	r->phone = xf_member_unseal(a, XF_SEAL_PHONE, r->phone);
}

static const char sql_get[] = "SELECT " COLS FROM " WHERE r.id = $1";

XF_DB_GETTER(xf_store_recruit_get, xf_recruit, sql_get, read_recruit);

static const char sql_update_state[] =
    "UPDATE recruits SET stage = $3, next_step = $4, due_step = $5, "
    "due_on = $6, due_deadline = $7, member_id = $8, updated_at = $2 "
    "WHERE id = $1";

static const xf_db_col state_cols[] = {
    XF_COL(STR, xf_recruit, stage),        XF_COL(OPT, xf_recruit, next_step),
    XF_COL(OPT, xf_recruit, due_step),     XF_COL(OPT, xf_recruit, due_on),
    XF_COL(INT, xf_recruit, due_deadline), XF_COL(ID, xf_recruit, member_id),
};

int xf_store_recruit_update_state(xf_db *db, const xf_recruit *r, int64_t now)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_update_state, XF_INT(r->id), XF_INT(now));
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 3, state_cols, XF_NCOLS(state_cols), r);
	return xf_db_run(st);
}

/* The filter of a list: ranges from $1, the stage at $9, due only $10. */
typedef struct list_filter {
	const xf_ranges *r;
	const char *stage;
	int due_only;
} list_filter;

static void bind_filter(xf_stmt *st, const void *filter)
{
	const list_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->r);
	xf_db_bind_str(st, 9, f->stage ? f->stage : "");
	xf_db_bind_int(st, 10, f->due_only);
}

#define WHERE                                                                  \
	" WHERE " XF_RANGES_SQL("r.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = '' OR r.stage = $9) "    \
	                                  "AND ($10 = 0 OR r.next_step IS "    \
	                                  "NOT NULL)"

static const char sql_count[] = "SELECT COUNT(*) FROM recruits r" WHERE;
static const char sql_list[] =
    "SELECT " COLS FROM WHERE " ORDER BY CASE WHEN $10 = 0 THEN 0 ELSE "
    "CASE WHEN r.due_on IS NULL THEN 1 ELSE 0 END END, "
    "CASE WHEN $10 = 0 THEN '' ELSE r.due_on END, r.id DESC "
    "LIMIT $11 OFFSET $12";

static const xf_db_list list = {sql_count, sql_list,           bind_filter,
                                11,        sizeof(xf_recruit), read_recruit};

int xf_store_recruit_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                          const char *stage, int due_only, int offset,
                          int limit, xf_recruit **out, int *n, int64_t *total)
{
	list_filter f = {r, stage, due_only};
	return xf_db_list_page(db, &list, &f, limit, offset, a, out, n, total);
}

static const char sql_steps[] =
    "SELECT s.id, s.recruit_id, s.step, s.done_on, s.assessments, "
    "s.reports, s.training_days, s.training_hours, s.members, s.absent, "
    "s.present, s.yes, s.extend_months, s.note, COALESCE(s.created_by, 0), "
    "u.username, s.created_at FROM recruit_steps s "
    "LEFT JOIN users u ON u.id = s.created_by WHERE s.recruit_id = $1 "
    "ORDER BY s.done_on, s.id LIMIT $2";

static const xf_db_col step_cols[] = {
    XF_COL(I64, xf_recruit_entry, id),
    XF_COL(I64, xf_recruit_entry, recruit_id),
    XF_COL(STR, xf_recruit_entry, step),
    XF_COL(STR, xf_recruit_entry, done_on),
    XF_COL(INT, xf_recruit_entry, assessments),
    XF_COL(INT, xf_recruit_entry, reports),
    XF_COL(INT, xf_recruit_entry, training_days),
    XF_COL(INT, xf_recruit_entry, training_hours),
    XF_COL(INT, xf_recruit_entry, members),
    XF_COL(INT, xf_recruit_entry, absent),
    XF_COL(INT, xf_recruit_entry, present),
    XF_COL(INT, xf_recruit_entry, yes),
    XF_COL(INT, xf_recruit_entry, extend_months),
    XF_COL(OPT, xf_recruit_entry, note),
    XF_COL(ID, xf_recruit_entry, created_by),
    XF_COL(OPT, xf_recruit_entry, created_by_name),
    XF_COL(I64, xf_recruit_entry, created_at),
};

XF_DB_READER(read_step, step_cols);

int xf_store_recruit_steps(xf_db *db, xf_arena *a, int64_t recruit_id,
                           xf_recruit_entry **out, int *n)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_steps, XF_INT(recruit_id),
	                          XF_INT(XF_RECRUIT_STEPS_MAX));
	if (!st)
		return XF_DB_ERROR;
	return xf_db_rows(st, a, XF_RECRUIT_STEPS_MAX, sizeof **out, read_step,
	                  out, n);
}

static const char sql_step_insert[] =
    "INSERT INTO recruit_steps (recruit_id, step, done_on, assessments, "
    "reports, training_days, training_hours, members, absent, present, "
    "yes, extend_months, note, created_by, created_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$1) RETURNING id";

/* An insert binds step_cols from recruit_id to created_by, from $2 on. */
#define STEP_WRITE_FROM 1
#define STEP_NWRITE     14

int xf_store_recruit_step_insert(xf_db *db, xf_recruit_entry *e, int64_t now)
{
	int rc = xf_db_insert_cols(
	    XF_DB_BOUND(db, sql_step_insert, XF_INT(now)), 2,
	    step_cols + STEP_WRITE_FROM, STEP_NWRITE, e, &e->id);
	if (rc == XF_DB_OK)
		e->created_at = now;
	return rc;
}
