/*
 * audit.c - SQL of the audit log, and its hash chain (migration 21): each
 * record carries its place in the chain (seq), the hash of the record
 * before it (prev_hash) and its own hash, SHA-256 over the canonical form
 * of its fields and prev_hash (xf_audit_chain_hash). Every append first
 * bumps the one-row head (audit_head), whose lock it then holds until the
 * transaction ends, so appends take turns and ids follow the chain.
 * Verifying walks the records in id order and names the first one that
 * breaks the chain.
 */
#include "store/audit.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char sql_insert[] =
    "INSERT INTO audit (at, user_id, username, action, entity, entity_id, "
    "org_path, before_json, after_json, seq, prev_hash, hash) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
static const char sql_head_take[] =
    "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash";
static const char sql_head_put[] =
    "UPDATE audit_head SET hash = $1 WHERE id = 1";
static const char sql_head_get[] =
    "SELECT seq, hash FROM audit_head WHERE id = 1";

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
    XF_COL(I64, xf_audit_row, seq),
    XF_COL(STR, xf_audit_row, prev_hash),
    XF_COL(STR, xf_audit_row, hash),
};

/* One field of the canonical form: its length, ':', its bytes, '\n'
 * (NULL as ""), so that no two records share a form. */
static void canon_str(crypto_hash_sha256_state *h, const char *s)
{
	char len[24];
	size_t n = s ? strlen(s) : 0;
	int k = snprintf(len, sizeof len, "%zu:", n);
	crypto_hash_sha256_update(h, (const unsigned char *)len, (size_t)k);
	if (n)
		crypto_hash_sha256_update(h, (const unsigned char *)s, n);
	crypto_hash_sha256_update(h, (const unsigned char *)"\n", 1);
}

static void canon_int(crypto_hash_sha256_state *h, int64_t v)
{
	char s[24];
	snprintf(s, sizeof s, "%" PRId64, v);
	canon_str(h, s);
}

void xf_audit_chain_hash(const xf_audit_row *r, char out[XF_AUDIT_HASH_HEX])
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_init(&h);
	canon_str(&h, "xianfeng-audit-1");
	canon_int(&h, r->seq);
	canon_int(&h, r->at);
	canon_int(&h, r->user_id);
	canon_str(&h, r->username);
	canon_str(&h, r->action);
	canon_str(&h, r->entity);
	canon_int(&h, r->entity_id);
	canon_str(&h, r->org_path);
	canon_str(&h, r->before_json);
	canon_str(&h, r->after_json);
	canon_str(&h, r->prev_hash);
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(out, XF_AUDIT_HASH_HEX, md, sizeof md);
}

/* Reads the head's seq and hash through st (sql_head_take or
 * sql_head_get). */
static int head_read(xf_stmt *st, int64_t *seq, char hash[XF_AUDIT_HASH_HEX])
{
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	if (rc == XF_DB_ROW) {
		*seq = xf_db_int(st, 0);
		snprintf(hash, XF_AUDIT_HASH_HEX, "%s", xf_db_text(st, 1));
	}
	xf_db_reset(st);
	return rc == XF_DB_ROW ? XF_DB_OK : rc == XF_DB_DONE ? XF_DB_ERROR : rc;
}

static int head_put(xf_db *db, const char *hash)
{
	xf_stmt *st = xf_db_stmt(db, sql_head_put);
	xf_db_bind_str(st, 1, hash);
	return xf_db_run(st);
}

/* Appends r (its seq, prev_hash and hash are set here) at the head. */
static int append(xf_db *db, xf_audit_row *r, const char *sql)
{
	char prev[XF_AUDIT_HASH_HEX], hash[XF_AUDIT_HASH_HEX];
	int rc = head_read(xf_db_stmt(db, sql_head_take), &r->seq, prev);
	if (rc != XF_DB_OK)
		return rc;
	r->prev_hash = prev;
	xf_audit_chain_hash(r, hash);
	r->hash = hash;
	xf_stmt *st = xf_db_stmt(db, sql);
	if (sql == sql_insert)
		xf_db_bind_cols(st, 1, audit_insert_cols,
		                XF_NCOLS(audit_insert_cols), r);
	else {
		xf_db_bind_int(st, 1, r->seq);
		xf_db_bind_str(st, 2, r->prev_hash);
		xf_db_bind_str(st, 3, r->hash);
		xf_db_bind_int(st, 4, r->id);
	}
	rc = xf_db_run(st);
	if (rc == XF_DB_OK)
		rc = head_put(db, hash);
	r->prev_hash = r->hash = NULL; /* locals */
	return rc;
}

int xf_store_audit_insert(xf_db *db, const xf_audit_row *row)
{
	xf_audit_row r = *row;
	return append(db, &r, sql_insert);
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

/* The columns of an audit row: a list reads the first ROW_NCOLS, the
 * chain's walk all of them. */
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
    XF_COL(I64, xf_audit_row, seq),
    XF_COL(STR, xf_audit_row, prev_hash),
    XF_COL(STR, xf_audit_row, hash),
};
#define ROW_NCOLS 10

static void read_row(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, row_cols, ROW_NCOLS, item);
}

static const xf_db_list audit_list = {
    sql_count, sql_list, bind_filter, 7, sizeof(xf_audit_row), read_row};

int xf_store_audit_list(xf_db *db, xf_arena *a, const xf_audit_filter *f,
                        xf_audit_row **out, int *n, int64_t *total)
{
	return xf_db_list_page(db, &audit_list, f, f->limit, f->offset, a, out,
	                       n, total);
}

/* ---- the chain: old records, verification ------------------------------- */

#define CHAIN_BATCH 500

static const char sql_old[] =
    "SELECT id, at, COALESCE(user_id, 0), COALESCE(entity_id, 0), "
    "COALESCE(username, ''), action, entity, COALESCE(org_path, ''), "
    "before_json, after_json FROM audit WHERE hash IS NULL "
    "ORDER BY id LIMIT 500";
static const char sql_chain_old[] =
    "UPDATE audit SET seq = $1, prev_hash = $2, hash = $3 WHERE id = $4";

int xf_store_audit_chain_old(xf_db *db, int64_t *chained)
{
	xf_arena a;
	xf_arena_init(&a, 0);
	int rc = XF_DB_OK, n = CHAIN_BATCH;
	*chained = 0;
	while (rc == XF_DB_OK && n == CHAIN_BATCH) {
		xf_audit_row *rows;
		rc = xf_db_begin(db);
		if (rc == XF_DB_OK)
			rc =
			    xf_db_rows(xf_db_stmt(db, sql_old), &a, CHAIN_BATCH,
			               sizeof *rows, read_row, &rows, &n);
		for (int i = 0; rc == XF_DB_OK && i < n; i++)
			rc = append(db, &rows[i], sql_chain_old);
		rc = xf_db_end(db, rc);
		if (rc == XF_DB_OK)
			*chained += n;
		xf_arena_reset(&a);
	}
	xf_arena_reset(&a);
	return rc;
}

static const char sql_walk[] =
    "SELECT id, at, COALESCE(user_id, 0), COALESCE(entity_id, 0), "
    "COALESCE(username, ''), action, entity, COALESCE(org_path, ''), "
    "before_json, after_json, COALESCE(seq, 0), COALESCE(prev_hash, ''), "
    "COALESCE(hash, '') FROM audit WHERE id > $1 ORDER BY id LIMIT 1000";
static const char sql_at_seq[] =
    "SELECT id FROM audit WHERE seq = $1 AND id <> $2 ORDER BY id LIMIT 1";

XF_DB_READER(read_walk, row_cols);

static void verdict(xf_audit_verdict *v, int64_t id, int64_t seq,
                    const char *what)
{
	v->bad = 1;
	v->id = id;
	v->seq = seq;
	v->what = what;
}

/* The first break at record r, whose place should be #want after the
 * record last_id: sets v. */
static int judge(xf_db *db, const xf_audit_row *r, int64_t want,
                 int64_t last_id, const char *prev, xf_audit_verdict *v)
{
	char hash[XF_AUDIT_HASH_HEX];
	if (!*r->hash) {
		verdict(v, r->id, 0, "inserted");
		snprintf(v->why, sizeof v->why,
		         "record id %" PRId64 " is not in the chain", r->id);
		return XF_DB_OK;
	}
	if (r->seq > want) {
		int64_t at = 0;
		xf_stmt *st = xf_db_stmt(db, sql_at_seq);
		xf_db_bind_int(st, 1, want);
		xf_db_bind_int(st, 2, r->id);
		int rc = xf_db_value(st, &at);
		if (rc != XF_DB_OK)
			return rc;
		if (at) {
			verdict(v, r->id, r->seq, "reordered");
			snprintf(v->why, sizeof v->why,
			         "record id %" PRId64 " holds #%" PRId64
			         " where #%" PRId64 " belongs; #%" PRId64
			         " is at id %" PRId64,
			         r->id, r->seq, want, want, at);
		} else {
			verdict(v, 0, want, "removed");
			snprintf(v->why, sizeof v->why,
			         "record #%" PRId64 " is missing: the chain "
			         "goes from id %" PRId64 " to id %" PRId64
			         " (#%" PRId64 ")",
			         want, last_id, r->id, r->seq);
		}
		return XF_DB_OK;
	}
	if (r->seq < want) {
		verdict(v, r->id, r->seq, "reordered");
		snprintf(v->why, sizeof v->why,
		         "record id %" PRId64 " holds #%" PRId64
		         " after #%" PRId64,
		         r->id, r->seq, want - 1);
		return XF_DB_OK;
	}
	xf_audit_chain_hash(r, hash);
	if (strcmp(hash, r->hash) != 0) {
		verdict(v, r->id, r->seq, "edited");
		snprintf(v->why, sizeof v->why,
		         "record id %" PRId64 " no longer matches its hash",
		         r->id);
	} else if (strcmp(prev, r->prev_hash) != 0) {
		verdict(v, last_id, want - 1, "edited");
		snprintf(v->why, sizeof v->why,
		         "record id %" PRId64 " was rewritten with a new hash; "
		         "record id %" PRId64 " still links to the old one",
		         last_id, r->id);
	}
	return XF_DB_OK;
}

int xf_store_audit_verify(xf_db *db, xf_audit_verdict *v)
{
	xf_arena a;
	xf_arena_init(&a, 0);
	memset(v, 0, sizeof *v);
	char prev[XF_AUDIT_HASH_HEX] = "", head_hash[XF_AUDIT_HASH_HEX];
	int64_t last_id = 0, last_seq = 0, head_seq = 0;
	int rc = xf_db_begin_read(db), n = 1000;
	while (rc == XF_DB_OK && n == 1000 && !v->bad) {
		xf_audit_row *rows;
		xf_stmt *st = xf_db_stmt(db, sql_walk);
		xf_db_bind_int(st, 1, last_id);
		rc = xf_db_rows(st, &a, 1000, sizeof *rows, read_walk, &rows,
		                &n);
		for (int i = 0; rc == XF_DB_OK && i < n && !v->bad; i++) {
			const xf_audit_row *r = &rows[i];
			rc = judge(db, r, last_seq + 1, last_id, prev, v);
			if (v->bad)
				break;
			last_id = r->id;
			last_seq = r->seq;
			snprintf(prev, sizeof prev, "%s", r->hash);
			v->checked++;
		}
		xf_arena_reset(&a);
	}
	if (rc == XF_DB_OK && !v->bad)
		rc = head_read(xf_db_stmt(db, sql_head_get), &head_seq,
		               head_hash);
	if (rc == XF_DB_OK && !v->bad && head_seq > last_seq) {
		verdict(v, 0, last_seq + 1, "removed");
		snprintf(v->why, sizeof v->why,
		         "records #%" PRId64 " to #%" PRId64
		         " are missing from the end (after id %" PRId64 ")",
		         last_seq + 1, head_seq, last_id);
	} else if (rc == XF_DB_OK && !v->bad &&
	           (head_seq < last_seq || strcmp(head_hash, prev) != 0)) {
		verdict(v, last_id, last_seq, "edited");
		snprintf(v->why, sizeof v->why,
		         "the chain's head does not match its last record "
		         "(id %" PRId64 ")",
		         last_id);
	}
	xf_db_rollback(db);
	xf_arena_reset(&a);
	return rc;
}
