/*
 * dues.c (store) - SQL of 党费: bases, payments, members' years.
 */
#include "store/dues.h"

static const xf_db_col base_cols[] = {
    XF_COL(I64, xf_dues_base, member_id),
    XF_COL(INT, xf_dues_base, year),
    XF_COL(STR, xf_dues_base, category),
    XF_COL(I64, xf_dues_base, income_fen),
    XF_COL(I64, xf_dues_base, monthly_fen),
    XF_COL(ID, xf_dues_base, set_by),
    XF_COL(I64, xf_dues_base, set_at),
};

XF_DB_READER(read_base, base_cols);

static const char sql_base_get[] =
    "SELECT member_id, year, category, income_fen, monthly_fen, "
    "COALESCE(set_by, 0), set_at FROM dues_bases "
    "WHERE member_id = $1 AND year = $2";

int xf_store_dues_base_get(xf_db *db, xf_arena *a, int64_t member_id, int year,
                           xf_dues_base *out)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_base_get, XF_INT(member_id), XF_INT(year));
	return xf_db_row(st, a, read_base, out);
}

static const char sql_base_put[] =
    "INSERT INTO dues_bases (member_id, year, category, income_fen, "
    "monthly_fen, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (member_id, year) DO UPDATE SET "
    "category = excluded.category, income_fen = excluded.income_fen, "
    "monthly_fen = excluded.monthly_fen, set_by = excluded.set_by, "
    "set_at = excluded.set_at";

int xf_store_dues_base_put(xf_db *db, const xf_dues_base *b)
{
	return xf_db_run_cols(xf_db_stmt(db, sql_base_put), 1, base_cols,
	                      XF_NCOLS(base_cols), b);
}

static const char sql_payment_insert[] =
    "INSERT INTO dues_payments (member_id, year, month, amount_fen, "
    "paid_on, payer, recorded_by, created_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $1)";

static const xf_db_col payment_cols[] = {
    XF_COL(I64, xf_dues_payment, member_id),
    XF_COL(INT, xf_dues_payment, year),
    XF_COL(INT, xf_dues_payment, month),
    XF_COL(I64, xf_dues_payment, amount_fen),
    XF_COL(STR, xf_dues_payment, paid_on),
    XF_COL(OPT, xf_dues_payment, payer),
    XF_COL(ID, xf_dues_payment, recorded_by),
};

int xf_store_dues_payment_insert(xf_db *db, const xf_dues_payment *p,
                                 int64_t now)
{
	return xf_db_run_cols(XF_DB_BOUND(db, sql_payment_insert, XF_INT(now)),
	                      2, payment_cols, XF_NCOLS(payment_cols), p);
}

/* Members within the ranges ($1 to $8), one of them only when $9 is not
 * 0; the year at $10. */
#define ROW_WHERE                                                              \
	" WHERE " XF_RANGES_SQL(                                               \
	    "m.org_path", "1", "2", "3", "4", "5", "6", "7",                   \
	    "8") " AND ($9 = 0 OR m.id = $9) AND m.left_on IS NULL"

static const char sql_rows_count[] = "SELECT COUNT(*) FROM members m" ROW_WHERE;
static const char sql_rows[] =
    "SELECT m.id, m.org_id, m.name, o.name, m.org_path, m.status, "
    "m.joined_on, CASE WHEN b.member_id IS NULL THEN 0 ELSE 1 END, "
    "b.category, COALESCE(b.income_fen, 0), COALESCE(b.monthly_fen, 0), "
    "COALESCE((SELECT SUM(1 << p.month) FROM dues_payments p "
    "WHERE p.member_id = m.id AND p.year = $10), 0), "
    "COALESCE((SELECT SUM(p.amount_fen) FROM dues_payments p "
    "WHERE p.member_id = m.id AND p.year = $10), 0) "
    "FROM members m JOIN orgs o ON o.id = m.org_id "
    "LEFT JOIN dues_bases b ON b.member_id = m.id AND b.year = $10" ROW_WHERE
    " ORDER BY m.org_path, m.id LIMIT $11 OFFSET $12";

static const xf_db_col row_cols[] = {
    XF_COL(I64, xf_dues_row, member_id),   XF_COL(I64, xf_dues_row, org_id),
    XF_COL(STR, xf_dues_row, name),        XF_COL(STR, xf_dues_row, org_name),
    XF_COL(STR, xf_dues_row, org_path),    XF_COL(STR, xf_dues_row, status),
    XF_COL(STR, xf_dues_row, joined_on),   XF_COL(INT, xf_dues_row, has_base),
    XF_COL(OPT, xf_dues_row, category),    XF_COL(I64, xf_dues_row, income_fen),
    XF_COL(I64, xf_dues_row, monthly_fen), XF_COL(I64, xf_dues_row, paid_mask),
    XF_COL(I64, xf_dues_row, paid_fen),
};

XF_DB_READER(read_row, row_cols);

int xf_store_dues_rows(xf_db *db, xf_arena *a, const xf_ranges *r,
                       int64_t member_id, int year, int offset, int limit,
                       xf_dues_row **out, int *n, int64_t *total)
{
	xf_stmt *count = xf_db_stmt(db, sql_rows_count);
	if (!count)
		return XF_DB_ERROR;
	xf_db_bind_ranges(count, 1, r);
	xf_db_bind_int(count, 9, member_id);
	xf_stmt *list = xf_db_stmt(db, sql_rows);
	if (!list) {
		xf_db_reset(count);
		return XF_DB_ERROR;
	}
	xf_db_bind_ranges(list, 1, r);
	xf_db_bind_int(list, 9, member_id);
	xf_db_bind_int(list, 10, year);
	xf_db_bind_int(list, 11, limit);
	xf_db_bind_int(list, 12, offset);
	int rc = xf_db_page(count, total, list, a, limit, sizeof **out,
	                    read_row, out, n);
	for (int i = 0; rc == XF_DB_OK && i < *n; i++)
		(*out)[i].year = year;
	return rc;
}
