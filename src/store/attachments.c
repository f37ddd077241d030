/*
 * attachments.c - SQL of attachments and blobs. A blob is written once per
 * content (INSERT ... ON CONFLICT DO NOTHING, which SQLite and PostgreSQL
 * share) and deleted with its last attachment.
 */
#include "store/attachments.h"

#include <string.h>

static const char sql_blob_has[] = "SELECT 1 FROM blobs WHERE hash = $1";

int xf_store_blob_has(xf_db *db, const char *hash, int *has)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_blob_has, XF_STR(hash));
	if (!st)
		return XF_DB_ERROR;
	int64_t one;
	int rc = xf_db_value(st, &one);
	*has = one != 0;
	return rc;
}

static const char sql_blob_put[] =
    "INSERT INTO blobs (hash, size, created_at, data) VALUES ($1, $2, $3, "
    "$4) ON CONFLICT (hash) DO NOTHING";

int xf_store_blob_put(xf_db *db, const char *hash, const void *data, size_t len,
                      int64_t now)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_blob_put, XF_STR(hash),
	                          XF_INT((int64_t)len), XF_INT(now));
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_bind_blob(st, 4, data, len);
	if (rc != XF_DB_OK) {
		xf_db_reset(st);
		return rc;
	}
	return xf_db_run(st);
}

static const char sql_blob_get[] = "SELECT data FROM blobs WHERE hash = $1";

int xf_store_blob_get(xf_db *db, xf_arena *a, const char *hash,
                      const void **data, size_t *len)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_blob_get, XF_STR(hash));
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	*data = NULL;
	*len = 0;
	if (rc == XF_DB_ROW) {
		size_t n;
		const void *p = xf_db_blob(st, 0, &n);
		void *copy = p ? xf_arena_alloc(a, n ? n : 1) : NULL;
		if (!copy) {
			rc = XF_DB_ERROR;
		} else {
			if (n)
				memcpy(copy, p, n);
			*data = copy;
			*len = n;
		}
	}
	xf_db_reset(st);
	return rc;
}

static const char sql_blob_release[] =
    "DELETE FROM blobs WHERE hash = $1 AND NOT EXISTS "
    "(SELECT 1 FROM attachments WHERE blob_hash = $1)";

int xf_store_blob_release(xf_db *db, const char *hash)
{
	return xf_db_run(XF_DB_BOUND(db, sql_blob_release, XF_STR(hash)));
}

#define ATT_COLS                                                               \
	"at.id, at.subject, at.subject_id, at.org_id, at.org_path, "           \
	"at.blob_hash, "                                                       \
	"at.name, at.type, at.size, COALESCE(at.uploaded_by, 0), "             \
	"at.uploaded_at, u.username"
#define ATT_FROM                                                               \
	" FROM attachments at LEFT JOIN users u ON u.id = at.uploaded_by"

static const xf_db_col attachment_cols[] = {
    XF_COL(I64, xf_attachment, id),
    XF_COL(STR, xf_attachment, subject),
    XF_COL(I64, xf_attachment, subject_id),
    XF_COL(I64, xf_attachment, org_id),
    XF_COL(STR, xf_attachment, org_path),
    XF_COL(STR, xf_attachment, hash),
    XF_COL(STR, xf_attachment, name),
    XF_COL(STR, xf_attachment, type),
    XF_COL(I64, xf_attachment, size),
    XF_COL(ID, xf_attachment, uploaded_by),
    XF_COL(I64, xf_attachment, uploaded_at),
    XF_COL(OPT, xf_attachment, uploaded_by_name),
};

XF_DB_READER(read_attachment, attachment_cols);

static const char sql_att_insert[] =
    "INSERT INTO attachments (subject, subject_id, org_id, org_path, "
    "blob_hash, name, type, size, uploaded_by, uploaded_at) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";

/* An insert binds attachment_cols from subject to uploaded_by. */
#define ATT_WRITE_FROM 1
#define ATT_NWRITE     9

int xf_store_attachment_insert(xf_db *db, xf_attachment *t, int64_t now)
{
	int rc = xf_db_insert_cols_now(xf_db_stmt(db, sql_att_insert), 1,
	                               attachment_cols + ATT_WRITE_FROM,
	                               ATT_NWRITE, t, now, &t->id);
	if (rc == XF_DB_OK)
		t->uploaded_at = now;
	return rc;
}

static const char sql_att_get[] =
    "SELECT " ATT_COLS ATT_FROM " WHERE at.id = $1";

XF_DB_GETTER(xf_store_attachment_get, xf_attachment, sql_att_get,
             read_attachment);

static const char sql_att_delete[] = "DELETE FROM attachments WHERE id = $1";

int xf_store_attachment_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_att_delete, id);
}

static const char sql_att_count[] =
    "SELECT COUNT(*) FROM attachments WHERE subject = $1 AND subject_id = $2";

int xf_store_attachment_count(xf_db *db, const char *subject,
                              int64_t subject_id, int64_t *n)
{
	return xf_db_value(
	    XF_DB_BOUND(db, sql_att_count, XF_STR(subject), XF_INT(subject_id)),
	    n);
}

static const char sql_att_list[] =
    "SELECT " ATT_COLS ATT_FROM " WHERE at.subject = $1 AND "
    "at.subject_id = $2 ORDER BY at.id LIMIT $3";

int xf_store_attachment_list(xf_db *db, xf_arena *a, const char *subject,
                             int64_t subject_id, int max, xf_attachment **out,
                             int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_att_list, XF_STR(subject),
	                              XF_INT(subject_id), XF_INT(max)),
	                  a, max, sizeof **out, read_attachment, out, n);
}

/* Blobs used by this record's attachments and by no other attachment go
 * first (while the rows still say which they are), then the rows. */
static const char sql_blobs_of_subject[] =
    "DELETE FROM blobs WHERE hash IN (SELECT blob_hash FROM attachments "
    "WHERE subject = $1 AND subject_id = $2) AND NOT EXISTS (SELECT 1 FROM "
    "attachments a WHERE a.blob_hash = blobs.hash AND NOT (a.subject = $1 "
    "AND a.subject_id = $2))";
static const char sql_att_of_subject[] =
    "DELETE FROM attachments WHERE subject = $1 AND subject_id = $2";

int xf_store_attachment_delete_subject(xf_db *db, const char *subject,
                                       int64_t subject_id)
{
	const char *const sqls[] = {sql_blobs_of_subject, sql_att_of_subject};
	int rc = XF_DB_OK;
	for (int i = 0; i < 2 && rc == XF_DB_OK; i++)
		rc = xf_db_run(XF_DB_BOUND(db, sqls[i], XF_STR(subject),
		                           XF_INT(subject_id)));
	return rc;
}
