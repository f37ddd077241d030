/*
 * pii.c - the whole-table steps of personal data at rest (see pii.h).
 */
#include "store/pii.h"

#include "model/pii.h"

#include <string.h>

static const char sql_clear[] =
    "SELECT COUNT(*) FROM members WHERE id_number_bi IS NULL";
static const char sql_one_sealed[] =
    "SELECT id_number FROM members WHERE id_number_bi IS NOT NULL LIMIT 1";

int xf_store_pii_status(xf_db *db, int64_t *clear, char kid[XF_SEAL_KID_LEN])
{
	kid[0] = '\0';
	int rc = xf_db_value(xf_db_stmt(db, sql_clear), clear);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_one_sealed);
	if (!st)
		return XF_DB_ERROR;
	rc = xf_db_step(st);
	if (rc == XF_DB_ROW && !xf_seal_is_sealed(xf_db_text(st, 0), kid))
		kid[0] = '\0';
	xf_db_reset(st);
	return rc == XF_DB_ROW || rc == XF_DB_DONE ? XF_DB_OK : rc;
}

typedef struct pii_row {
	int64_t id;
	const char *id_number, *phone;
} pii_row;

static const xf_db_col row_cols[] = {
    XF_COL(I64, pii_row, id),
    XF_COL(STR, pii_row, id_number),
    XF_COL(OPT, pii_row, phone),
};

XF_DB_READER(read_row, row_cols);

#define BATCH 500
/* The tables holding sealed values, each as its batches, its write and
 * the audit entity whose snapshots a data step scrubs. Recruits (发展党员)
 * and transfers were sealed from their first row: only a rotation finds
 * them. */
typedef struct pii_table {
	const char *all, *clear, *put, *entity;
	xf_seal_kind kind; /* of the first value (the second is a phone) */
} pii_table;
static const pii_table tables[] = {
    {"SELECT id, id_number, phone FROM members WHERE id > $1 "
     "ORDER BY id LIMIT $2",
     "SELECT id, id_number, phone FROM members WHERE id > $1 "
     "AND id_number_bi IS NULL ORDER BY id LIMIT $2",
     "UPDATE members SET id_number = $2, phone = $3, id_number_bi = $4 "
     "WHERE id = $1",
     "member", XF_SEAL_ID_NUMBER},
    {"SELECT id, id_number, phone FROM recruits WHERE id > $1 "
     "ORDER BY id LIMIT $2",
     "SELECT id, id_number, phone FROM recruits WHERE id > $1 "
     "AND id_number_bi IS NULL ORDER BY id LIMIT $2",
     "UPDATE recruits SET id_number = $2, phone = $3, id_number_bi = $4 "
     "WHERE id = $1",
     "recruit", XF_SEAL_ID_NUMBER},
    /* a transfer in from outside, until arrival: no blind index ($4
     * only checked), never stored in clear */
    {"SELECT id, id_number, phone FROM transfers WHERE id > $1 "
     "AND id_number IS NOT NULL ORDER BY id LIMIT $2",
     "SELECT id, id_number, phone FROM transfers WHERE id > $1 AND 1 = 0 "
     "ORDER BY id LIMIT $2",
     "UPDATE transfers SET id_number = $2, phone = $3 WHERE id = $1 "
     "AND $4 <> ''",
     "transfer", XF_SEAL_ID_NUMBER},
    /* users' second-factor secrets (no phone; $3 and $4 only checked) */
    {"SELECT id, totp_secret, NULL FROM users WHERE id > $1 "
     "AND totp_secret IS NOT NULL ORDER BY id LIMIT $2",
     "SELECT id, totp_secret, NULL FROM users WHERE id > $1 AND 1 = 0 "
     "ORDER BY id LIMIT $2",
     "UPDATE users SET totp_secret = $2 WHERE id = $1 "
     "AND COALESCE($3, '') = COALESCE($3, '') AND $4 <> ''",
     "user", XF_SEAL_TOTP},
};
/* the row's audit snapshots: the clear value replaced by its mask, in the
 * records an older version wrote (not chained yet: chained records are
 * append-only, and were written masked) */
static const char sql_scrub[] =
    "UPDATE audit SET before_json = replace(before_json, $2, $3), "
    "after_json = replace(after_json, $2, $3) "
    "WHERE entity = $4 AND entity_id = $1 AND hash IS NULL";

/* Opens v (kind) with from into out; v itself when from is NULL (a
 * value in clear). NULL when it does not open. */
static const char *opened(const xf_seal_key *from, xf_seal_kind kind,
                          const char *v, char out[XF_SEAL_MAX_PLAIN + 1])
{
	if (!from)
		return xf_seal_is_sealed(v, NULL) ? NULL : v;
	return xf_seal_open(from, kind, v, out) == XF_SEAL_OK ? out : NULL;
}

static int scrub(xf_db *db, const pii_table *t, int64_t id, const char *idn,
                 const char *phone)
{
	char idm[XF_PII_MAX], pm[XF_PII_MAX];
	const char *m = xf_pii_shown(XF_PII_ID_NUMBER, idn, 0, idm);
	int rc = xf_db_run(XF_DB_BOUND(db, sql_scrub, XF_INT(id), XF_STR(idn),
	                               XF_STR(m), XF_STR(t->entity)));
	if (rc == XF_DB_OK && phone && *phone) {
		m = xf_pii_shown(XF_PII_PHONE, phone, 0, pm);
		rc = xf_db_run(XF_DB_BOUND(db, sql_scrub, XF_INT(id),
		                           XF_STR(phone), XF_STR(m),
		                           XF_STR(t->entity)));
	}
	return rc;
}

static int reseal_row(xf_db *db, const pii_table *t, const xf_seal_key *from,
                      const xf_seal_key *to, const pii_row *r)
{
	char idp[XF_SEAL_MAX_PLAIN + 1], php[XF_SEAL_MAX_PLAIN + 1];
	char ids[XF_SEAL_MAX], phs[XF_SEAL_MAX], bi[XF_SEAL_INDEX_LEN];
	const char *idn = opened(from, t->kind, r->id_number, idp);
	const char *phone =
	    r->phone ? opened(from, XF_SEAL_PHONE, r->phone, php) : NULL;
	if (!idn || (r->phone && !phone))
		return XF_DB_ERROR;
	const char *sid = xf_seal(to, t->kind, idn, ids);
	const char *sph = xf_seal(to, XF_SEAL_PHONE, phone, phs);
	const char *sbi = xf_seal_index(to, idn, bi);
	int rc = XF_DB_ERROR;
	if (sid && sbi && (!phone || sph))
		rc = xf_db_run(XF_DB_BOUND(db, t->put, XF_INT(r->id),
		                           XF_STR(sid), XF_STR(sph),
		                           XF_STR(sbi)));
	if (rc == XF_DB_OK && !from)
		rc = scrub(db, t, r->id, idn, phone);
	memset(idp, 0, sizeof idp);
	memset(php, 0, sizeof php);
	return rc;
}

static int reseal_table(xf_db *db, const pii_table *t, xf_arena *a,
                        const xf_seal_key *from, const xf_seal_key *to,
                        int64_t *n)
{
	int64_t after = 0;
	for (;;) {
		pii_row *rows = NULL;
		int got = 0;
		xf_arena_reset(a);
		int rc =
		    xf_db_rows(XF_DB_BOUND(db, from ? t->all : t->clear,
		                           XF_INT(after), XF_INT(BATCH)),
		               a, BATCH, sizeof *rows, read_row, &rows, &got);
		if (rc != XF_DB_OK)
			return rc;
		for (int i = 0; i < got; i++) {
			rc = reseal_row(db, t, from, to, &rows[i]);
			if (rc != XF_DB_OK)
				return rc;
			after = rows[i].id;
			(*n)++;
		}
		if (got < BATCH)
			return XF_DB_OK;
	}
}

int xf_store_pii_reseal(xf_db *db, xf_arena *a, const xf_seal_key *from,
                        const xf_seal_key *to, int64_t *n)
{
	*n = 0;
	int rc = XF_DB_OK;
	for (size_t i = 0;
	     i < sizeof tables / sizeof tables[0] && rc == XF_DB_OK; i++)
		rc = reseal_table(db, &tables[i], a, from, to, n);
	return rc;
}

int xf_store_pii_compact(xf_db *db)
{
	return xf_db_exec(
	    db, strcmp(xf_db_name(db), "postgres") == 0
	            ? "VACUUM FULL members, recruits, transfers, users, audit"
	            : "VACUUM; PRAGMA wal_checkpoint(TRUNCATE)");
}
