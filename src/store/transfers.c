/*
 * transfers.c - SQL of 组织关系转接: the transfers table, lists by either
 * side's subtree, and the roster's leaving mark on members.
 */
#include "store/transfers.h"
#include "store/members.h"

#include <string.h>

static const char sql_insert[] =
    "INSERT INTO transfers (kind, state, member_id, person_name, gender, "
    "id_number, phone, status, joined_on, from_org_id, from_path, "
    "outside_from, to_org_id, to_path, outside_to, letter_no, issued_on, "
    "deadline_on, reason, created_by, created_at, updated_at) VALUES ($2, "
    "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
    "$18, $19, $20, $21, $1, $1) RETURNING id";

static const xf_db_col write_cols[] = {
    XF_COL(STR, xf_org_transfer, kind),
    XF_COL(STR, xf_org_transfer, state),
    XF_COL(ID, xf_org_transfer, member_id),
    XF_COL(STR, xf_org_transfer, person_name),
    XF_COL(OPT, xf_org_transfer, gender),
    XF_COL(OPT, xf_org_transfer, id_number),
    XF_COL(OPT, xf_org_transfer, phone),
    XF_COL(OPT, xf_org_transfer, status),
    XF_COL(OPT, xf_org_transfer, joined_on),
    XF_COL(ID, xf_org_transfer, from_org_id),
    XF_COL(OPT, xf_org_transfer, from_path),
    XF_COL(OPT, xf_org_transfer, outside_from),
    XF_COL(ID, xf_org_transfer, to_org_id),
    XF_COL(OPT, xf_org_transfer, to_path),
    XF_COL(OPT, xf_org_transfer, outside_to),
    XF_COL(STR, xf_org_transfer, letter_no),
    XF_COL(STR, xf_org_transfer, issued_on),
    XF_COL(STR, xf_org_transfer, deadline_on),
    XF_COL(OPT, xf_org_transfer, reason),
    XF_COL(ID, xf_org_transfer, created_by),
};

/* A transfer in from outside carries the person's ID number and phone
 * until arrival: stored sealed, as members' (base/seal.h). */
int xf_store_transfer_case_insert(xf_db *db, xf_org_transfer *t, int64_t now)
{
	const xf_seal_key *k = xf_seal_current();
	char idn[XF_SEAL_MAX], phone[XF_SEAL_MAX];
	xf_org_transfer s = *t;
	s.id_number = xf_seal(k, XF_SEAL_ID_NUMBER, t->id_number, idn);
	s.phone = xf_seal(k, XF_SEAL_PHONE, t->phone, phone);
	if ((t->id_number && !s.id_number) || (t->phone && !s.phone))
		return XF_DB_ERROR;
	int rc =
	    xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                      write_cols, XF_NCOLS(write_cols), &s, &t->id);
	memset(idn, 0, sizeof idn);
	memset(phone, 0, sizeof phone);
	if (rc == XF_DB_OK)
		t->created_at = t->updated_at = now;
	return rc;
}

#define COLS                                                                   \
	"t.id, t.kind, t.state, COALESCE(t.member_id, 0), t.person_name, "     \
	"t.gender, t.id_number, t.phone, t.status, t.joined_on, "              \
	"COALESCE(t.from_org_id, 0), f.name, t.from_path, t.outside_from, "    \
	"COALESCE(t.to_org_id, 0), o.name, t.to_path, t.outside_to, "          \
	"t.letter_no, t.issued_on, t.deadline_on, t.reason, t.arrived_on, "    \
	"t.note, COALESCE(t.created_by, 0), t.created_at, t.updated_at"
#define FROM                                                                   \
	" FROM transfers t LEFT JOIN orgs f ON f.id = t.from_org_id "          \
	"LEFT JOIN orgs o ON o.id = t.to_org_id"

static const xf_db_col cols[] = {
    XF_COL(I64, xf_org_transfer, id),
    XF_COL(STR, xf_org_transfer, kind),
    XF_COL(STR, xf_org_transfer, state),
    XF_COL(I64, xf_org_transfer, member_id),
    XF_COL(STR, xf_org_transfer, person_name),
    XF_COL(OPT, xf_org_transfer, gender),
    XF_COL(OPT, xf_org_transfer, id_number),
    XF_COL(OPT, xf_org_transfer, phone),
    XF_COL(OPT, xf_org_transfer, status),
    XF_COL(OPT, xf_org_transfer, joined_on),
    XF_COL(I64, xf_org_transfer, from_org_id),
    XF_COL(OPT, xf_org_transfer, from_org_name),
    XF_COL(OPT, xf_org_transfer, from_path),
    XF_COL(OPT, xf_org_transfer, outside_from),
    XF_COL(I64, xf_org_transfer, to_org_id),
    XF_COL(OPT, xf_org_transfer, to_org_name),
    XF_COL(OPT, xf_org_transfer, to_path),
    XF_COL(OPT, xf_org_transfer, outside_to),
    XF_COL(STR, xf_org_transfer, letter_no),
    XF_COL(STR, xf_org_transfer, issued_on),
    XF_COL(STR, xf_org_transfer, deadline_on),
    XF_COL(OPT, xf_org_transfer, reason),
    XF_COL(OPT, xf_org_transfer, arrived_on),
    XF_COL(OPT, xf_org_transfer, note),
    XF_COL(I64, xf_org_transfer, created_by),
    XF_COL(I64, xf_org_transfer, created_at),
    XF_COL(I64, xf_org_transfer, updated_at),
};

static void read_transfer(xf_arena *a, xf_stmt *st, void *item)
{
	xf_org_transfer *t = item;
	xf_db_read_cols(a, st, cols, XF_NCOLS(cols), item);
	if (t->id_number)
		t->id_number =
		    xf_member_unseal(a, XF_SEAL_ID_NUMBER, t->id_number);
	if (t->phone)
		t->phone = xf_member_unseal(a, XF_SEAL_PHONE, t->phone);
}

static const char sql_get[] = "SELECT " COLS FROM " WHERE t.id = $1";

XF_DB_GETTER(xf_store_transfer_case_get, xf_org_transfer, sql_get,
             read_transfer);

static const char sql_move[] =
    "UPDATE transfers SET state = $2, arrived_on = $3, note = $4, "
    "member_id = $5, updated_at = $6 WHERE id = $1";

int xf_store_transfer_case_move(xf_db *db, const xf_org_transfer *t,
                                int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_move, XF_INT(t->id),
	                             XF_STR(t->state), XF_STR(t->arrived_on),
	                             XF_STR(t->note), XF_ID(t->member_id),
	                             XF_INT(now)));
}

static const char sql_open[] =
    "SELECT COUNT(*) FROM transfers WHERE member_id = $1 AND state NOT IN "
    "('arrived', 'returned')";

int xf_store_transfer_case_open(xf_db *db, int64_t member_id, int64_t *n)
{
	return xf_db_value(XF_DB_BOUND(db, sql_open, XF_INT(member_id)), n);
}

typedef struct list_filter {
	const xf_ranges *r;
	const char *state, *overdue_before;
} list_filter;

static void bind_list(xf_stmt *st, const void *filter)
{
	const list_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->r);
	xf_db_bind_str(st, 9, f->state ? f->state : "");
	xf_db_bind_str(st, 10, f->overdue_before ? f->overdue_before : "");
}

#define LIST_WHERE                                                             \
	" WHERE (" XF_RANGES_SQL(                                              \
	    "t.from_path", "1", "2", "3", "4", "5", "6", "7",                  \
	    "8") " OR " XF_RANGES_SQL("t.to_path", "1", "2", "3", "4", "5",    \
	                              "6", "7",                                \
	                              "8") ") AND ($9 = '' OR t.state = $9)"
#define OVERDUE_WHERE                                                          \
	" AND ($10 = '' OR (t.deadline_on < $10 AND t.state NOT IN "           \
	"('arrived', 'returned')))"

static const char sql_count[] =
    "SELECT COUNT(*) FROM transfers t" LIST_WHERE OVERDUE_WHERE;
static const char sql_list[] =
    "SELECT " COLS FROM LIST_WHERE OVERDUE_WHERE
    " ORDER BY t.deadline_on, t.id LIMIT $11 OFFSET $12";

static const xf_db_list list = {
    sql_count, sql_list, bind_list, 11, sizeof(xf_org_transfer), read_transfer};

int xf_store_transfer_case_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                                const char *state, const char *overdue_before,
                                int offset, int limit, xf_org_transfer **out,
                                int *n, int64_t *total)
{
	list_filter f = {r, state, overdue_before};
	return xf_db_list_page(db, &list, &f, limit, offset, a, out, n, total);
}

static const char sql_of_member[] =
    "SELECT " COLS FROM " WHERE t.member_id = $1 ORDER BY t.id DESC LIMIT 200";

XF_DB_ROWS_OF(xf_store_transfer_case_of_member, xf_org_transfer, sql_of_member,
              read_transfer, 200);

static const char sql_leave[] =
    "UPDATE members SET left_on = $2, updated_at = $3 WHERE id = $1";

int xf_store_member_leave(xf_db *db, int64_t member_id, const char *day,
                          int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_leave, XF_INT(member_id),
	                             XF_STR(day), XF_INT(now)));
}

static const char sql_has_left[] =
    "SELECT COUNT(*) FROM members WHERE id = $1 AND left_on IS NOT NULL";

int xf_store_member_has_left(xf_db *db, int64_t member_id, int64_t *left)
{
	return xf_db_value(XF_DB_BOUND(db, sql_has_left, XF_INT(member_id)),
	                   left);
}
