/*
 * members.c - SQL of party members and transfers. Member rows carry their
 * organization's path so a subtree list is one index range scan. ID
 * numbers and phones are sealed here on the way in and opened on the way
 * out (base/seal.h): no layer above sees the stored form, and no SQL
 * sorts, filters or compares them except the ID number's blind index.
 */
#include "store/members.h"

#include <string.h>

#define MEMBER_COLS                                                            \
	"m.id, m.org_id, m.org_path, o.name, m.name, m.gender, m.id_number, "  \
	"m.birth_date, m.phone, m.ethnicity, m.education, m.position, "        \
	"m.status, m.joined_on, m.full_on"

static const xf_db_col member_cols[] = {
    XF_COL(I64, xf_member, id),        XF_COL(I64, xf_member, org_id),
    XF_COL(STR, xf_member, org_path),  XF_COL(STR, xf_member, org_name),
    XF_COL(STR, xf_member, name),      XF_COL(STR, xf_member, gender),
    XF_COL(STR, xf_member, id_number), XF_COL(STR, xf_member, birth_date),
    XF_COL(OPT, xf_member, phone),     XF_COL(OPT, xf_member, ethnicity),
    XF_COL(OPT, xf_member, education), XF_COL(OPT, xf_member, position),
    XF_COL(STR, xf_member, status),    XF_COL(STR, xf_member, joined_on),
    XF_COL(OPT, xf_member, full_on),
};

const char *xf_member_unseal(xf_arena *a, xf_seal_kind kind, const char *v)
{
	char plain[XF_SEAL_MAX_PLAIN + 1];
	int rc = xf_seal_open(xf_seal_current(), kind, v, plain);
	if (rc == XF_SEAL_CLEAR)
		return v;
	const char *out = xf_arena_strdup(a, rc == XF_SEAL_OK ? plain : "");
	memset(plain, 0, sizeof plain);
	return out ? out : "";
}

static void read_member(xf_arena *a, xf_stmt *st, void *item)
{
	xf_member *m = item;
	xf_db_read_cols(a, st, member_cols, XF_NCOLS(member_cols), item);
	m->id_number = xf_member_unseal(a, XF_SEAL_ID_NUMBER, m->id_number);
	if (m->phone)
		m->phone = xf_member_unseal(a, XF_SEAL_PHONE, m->phone);
}

int xf_member_seal(const xf_seal_key *k, const xf_member *m,
                   xf_member_sealed *s)
{
	s->m = *m;
	s->m.id_number = xf_seal(k, XF_SEAL_ID_NUMBER, m->id_number, s->idn);
	s->m.phone = xf_seal(k, XF_SEAL_PHONE, m->phone, s->phone);
	s->id_number_bi = xf_seal_index(k, m->id_number, s->bi);
	if (!s->m.id_number || !s->id_number_bi || (m->phone && !s->m.phone))
		return XF_DB_ERROR;
	return XF_DB_OK;
}

static const char sql_get[] =
    "SELECT " MEMBER_COLS " FROM members m JOIN orgs o ON o.id = m.org_id "
    "WHERE m.id = $1";

XF_DB_GETTER(xf_store_member_get, xf_member, sql_get, read_member);

#define W(K, f) XF_COL(K, xf_member_sealed, m.f)
const xf_db_col xf_member_write_cols[XF_MEMBER_NWRITE] = {
    W(I64, org_id),    W(STR, org_path),
    W(STR, name),      W(STR, gender),
    W(STR, id_number), W(STR, birth_date),
    W(STR, phone),     W(STR, ethnicity),
    W(STR, education), W(STR, position),
    W(STR, status),    W(STR, joined_on),
    W(STR, full_on),   XF_COL(STR, xf_member_sealed, id_number_bi),
};
#undef W

static const char sql_insert[] =
    "INSERT INTO members (" XF_MEMBER_WRITE_SQL ", created_at, updated_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$1, $1) RETURNING id";

int xf_store_member_insert(xf_db *db, xf_member *m, int64_t now)
{
	xf_member_sealed s;
	int rc = xf_member_seal(xf_seal_current(), m, &s);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = XF_DB_BOUND(db, sql_insert, XF_INT(now));
	xf_db_bind_cols(st, 2, xf_member_write_cols, XF_MEMBER_NWRITE, &s);
	rc = xf_db_insert(st, &m->id);
	memset(&s, 0, sizeof s);
	return rc;
}

static const char sql_update[] =
    "UPDATE members SET org_id = $2, org_path = $3, name = $4, "
    "gender = $5, id_number = $6, birth_date = $7, phone = $8, "
    "ethnicity = $9, education = $10, position = $11, status = $12, "
    "joined_on = $13, full_on = $14, id_number_bi = $15, updated_at = $16 "
    "WHERE id = $1";

int xf_store_member_update(xf_db *db, const xf_member *m, int64_t now)
{
	xf_member_sealed s;
	int rc = xf_member_seal(xf_seal_current(), m, &s);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = XF_DB_BOUND(db, sql_update, XF_INT(m->id));
	xf_db_bind_cols(st, 2, xf_member_write_cols, XF_MEMBER_NWRITE, &s);
	xf_db_bind_int(st, 16, now);
	rc = xf_db_run(st);
	memset(&s, 0, sizeof s);
	return rc;
}

static const char sql_delete[] = "DELETE FROM members WHERE id = $1";

int xf_store_member_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_delete, id);
}

static const char sql_by_idnum[] =
    "SELECT id FROM members WHERE id_number_bi = $1";

int xf_store_member_by_idnum(xf_db *db, const char *id_number, int64_t *id)
{
	char bi[XF_SEAL_INDEX_LEN];
	if (!xf_seal_index(xf_seal_current(), id_number, bi))
		return XF_DB_ERROR;
	return xf_db_value(XF_DB_BOUND(db, sql_by_idnum, XF_STR(bi)), id);
}

/* The ranges, bounded by their outer limits ($12, $13) so that the
 * (org_path, id) index gives one range scan. Unused filters are written
 * so that SQLite and PostgreSQL skip them without reading the row. */
#define LIST_WHERE                                                             \
	" WHERE m.org_path >= $12 AND m.org_path < $13 AND " XF_RANGES_SQL(    \
	    "m.org_path", "1", "2", "3", "4", "5", "6", "7",                   \
	    "8") " AND ($9 = 0 OR m.org_id = $9) "                             \
	         "AND ($10 = '%%' OR m.name LIKE $10 ESCAPE '\\') "            \
	         "AND ($11 = '' OR m.status = $11) AND m.left_on IS NULL"

static const char sql_count[] = "SELECT COUNT(*) FROM members m" LIST_WHERE;
#define LIST_SQL(order)                                                        \
	"SELECT " MEMBER_COLS                                                  \
	" FROM members m JOIN orgs o ON o.id = m.org_id" LIST_WHERE            \
	" ORDER BY " order " LIMIT $14 OFFSET $15"
static const char sql_list[] = LIST_SQL("m.org_path, m.id");
static const char sql_list_name[] = LIST_SQL("m.name, m.id");
static const char sql_list_joined[] = LIST_SQL("m.joined_on, m.id");
static const char sql_list_joined_desc[] = LIST_SQL("m.joined_on DESC, m.id");
/* Without name or status filters the total comes from the kept counts of
 * the organizations (orgs.member_count), not from counting members. */
static const char sql_kept_total[] =
    "SELECT COALESCE(SUM(o.member_count), 0) FROM orgs o "
    "WHERE o.path >= $9 AND o.path < $10 AND " XF_RANGES_SQL(
        "o.path", "1", "2", "3", "4", "5", "6", "7", "8");
static const char sql_kept_one[] =
    "SELECT member_count FROM orgs WHERE id = $1";

static void bind_filter(xf_stmt *st, const xf_member_filter *f)
{
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->org_id);
	xf_db_bind_contains(st, 10, f->q);
	xf_db_bind_str(st, 11, f->status ? f->status : "");
	xf_db_bind_bounds(st, 12, &f->ranges);
}

static int total(xf_db *db, const xf_member_filter *f, int64_t *out)
{
	xf_stmt *st;
	int kept = (!f->q || !*f->q) && (!f->status || !*f->status);
	if (kept && f->org_id) {
		st = xf_db_stmt(db, sql_kept_one);
		if (!st)
			return XF_DB_ERROR;
		xf_db_bind_int(st, 1, f->org_id);
	} else if (kept) {
		st = xf_db_stmt(db, sql_kept_total);
		if (!st)
			return XF_DB_ERROR;
		xf_db_bind_ranges(st, 1, &f->ranges);
		xf_db_bind_bounds(st, 9, &f->ranges);
	} else {
		st = xf_db_stmt(db, sql_count);
		if (!st)
			return XF_DB_ERROR;
		bind_filter(st, f);
	}
	return xf_db_value(st, out);
}

int xf_store_member_list(xf_db *db, xf_arena *a, const xf_member_filter *f,
                         xf_member_page *out)
{
	int rc = total(db, f, &out->total);
	if (rc != XF_DB_OK)
		return rc;
	static const char *const by[] = {sql_list, sql_list_name,
	                                 sql_list_joined, sql_list_joined_desc};
	xf_stmt *st =
	    xf_db_stmt(db, by[f->sort >= 0 && f->sort < 4 ? f->sort : 0]);
	if (!st)
		return XF_DB_ERROR;
	bind_filter(st, f);
	xf_db_bind_int(st, 14, f->limit);
	xf_db_bind_int(st, 15, f->offset);
	return xf_db_rows(st, a, f->limit, sizeof *out->items, read_member,
	                  &out->items, &out->n);
}

static const char sql_tr_insert[] =
    "INSERT INTO member_transfers (member_id, from_org_id, to_org_id, "
    "reason, at, user_id) VALUES ($1, $2, $3, $4, $5, $6)";

int xf_store_transfer_insert(xf_db *db, int64_t member_id, int64_t from,
                             int64_t to, const char *reason, int64_t user_id,
                             int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_tr_insert, XF_INT(member_id),
	                             XF_INT(from), XF_INT(to), XF_STR(reason),
	                             XF_INT(now), XF_ID(user_id)));
}

static const char sql_tr_list[] =
    "SELECT t.id, t.from_org_id, t.to_org_id, COALESCE(t.user_id, 0), "
    "t.at, COALESCE(f.name, ''), COALESCE(o.name, ''), t.reason "
    "FROM member_transfers t LEFT JOIN orgs f ON f.id = t.from_org_id "
    "LEFT JOIN orgs o ON o.id = t.to_org_id WHERE t.member_id = $1 "
    "ORDER BY t.id DESC LIMIT 1000";

static const xf_db_col transfer_cols[] = {
    XF_COL(I64, xf_transfer, id),
    XF_COL(I64, xf_transfer, from_org_id),
    XF_COL(I64, xf_transfer, to_org_id),
    XF_COL(I64, xf_transfer, user_id),
    XF_COL(I64, xf_transfer, at),
    XF_COL(STR, xf_transfer, from_org_name),
    XF_COL(STR, xf_transfer, to_org_name),
    XF_COL(STR, xf_transfer, reason),
};

static void read_transfer(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, transfer_cols, XF_NCOLS(transfer_cols), item);
}

XF_DB_ROWS_OF(xf_store_transfer_list, xf_transfer, sql_tr_list, read_transfer,
              1000);
