/*
 * audit.c - SQL of the audit log.
 */
#include "store/audit.h"

static const char sql_insert[] =
    "INSERT INTO audit (at, user_id, username, action, entity, entity_id, "
    "org_path, before_json, after_json) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

static const xf_db_col audit_insert_cols[] = {
    XF_COL(I64, xf_audit_row, at),
    XF_COL(ID, xf_audit_row, user_id),
    XF_COL(STR, xf_audit_row, username),
    XF_COL(STR, xf_audit_row, action),
    XF_COL(STR, xf_audit_row, entity),
    XF_COL(I64, xf_audit_row, entity_id),
    XF_COL(STR, xf_audit_row, org_path),
    XF_COL(STR, xf_audit_row, before_json),
    XF_COL(STR, xf_audit_row, after_json),
};

int xf_store_audit_insert(xf_db *db, const xf_audit_row *row)
{
	xf_stmt *st = xf_db_stmt(db, sql_insert);
	xf_db_bind_cols(st, 1, audit_insert_cols, XF_NCOLS(audit_insert_cols),
	                row);
	return xf_db_run(st);
}

#define WHERE                                                                  \
	" WHERE ($1 = '' OR (org_path >= $1 AND org_path < $2)) "              \
	"AND ($3 = '' OR entity = $3) AND ($4 = '' OR action = $4) "           \
	"AND ($5 = 0 OR entity_id = $5) AND ($6 = 0 OR user_id = $6)"

static const char sql_count[] = "SELECT COUNT(*) FROM audit" WHERE;
static const char sql_list[] =
    "SELECT id, at, COALESCE(user_id, 0), COALESCE(entity_id, 0), "
    "COALESCE(username, ''), action, entity, COALESCE(org_path, ''), "
    "before_json, after_json FROM audit" WHERE
    " ORDER BY id DESC LIMIT $7 OFFSET $8";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_audit_filter *f = filter;
	xf_db_bind_str(st, 1, f->lo ? f->lo : "");
	xf_db_bind_str(st, 2, f->hi ? f->hi : "");
	xf_db_bind_str(st, 3, f->entity ? f->entity : "");
	xf_db_bind_str(st, 4, f->action ? f->action : "");
	xf_db_bind_int(st, 5, f->entity_id);
	xf_db_bind_int(st, 6, f->user_id);
}

static const xf_db_col row_cols[] = {
    XF_COL(I64, xf_audit_row, id),
    XF_COL(I64, xf_audit_row, at),
    XF_COL(I64, xf_audit_row, user_id),
    XF_COL(I64, xf_audit_row, entity_id),
    XF_COL(STR, xf_audit_row, username),
    XF_COL(STR, xf_audit_row, action),
    XF_COL(STR, xf_audit_row, entity),
    XF_COL(STR, xf_audit_row, org_path),
    XF_COL(OPT, xf_audit_row, before_json),
    XF_COL(OPT, xf_audit_row, after_json),
};

static void read_row(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, row_cols, XF_NCOLS(row_cols), item);
}

static const xf_db_list audit_list = {
    sql_count, sql_list, bind_filter, 7, sizeof(xf_audit_row), read_row};

int xf_store_audit_list(xf_db *db, xf_arena *a, const xf_audit_filter *f,
                        xf_audit_row **out, int *n, int64_t *total)
{
	return xf_db_list_page(db, &audit_list, f, f->limit, f->offset, a, out,
	                       n, total);
}
