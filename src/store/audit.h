/*
 * audit.h - SQL of the audit log: one row per write, in the same
 * transaction as the write, chained by hashes (audit.c). Return codes and
 * ownership as in orgs.h.
 */
#ifndef XF_STORE_AUDIT_H
#define XF_STORE_AUDIT_H

#include "base/arena.h"
#include "store/db.h"

#include <stdint.h>

typedef struct xf_audit_row {
	int64_t id, at, user_id, entity_id;
	const char *username, *action, *entity, *org_path;
	const char *before_json, *after_json; /* or NULL */
	int64_t seq;                          /* place in the chain, from 1 */
	const char *prev_hash, *hash;         /* hex SHA-256; set by insert */
} xf_audit_row;

/* A record's hash as hex with its NUL. */
#define XF_AUDIT_HASH_HEX 65

/* What verifying found: bad = 0 when every record is in place. */
typedef struct xf_audit_verdict {
	int64_t checked; /* records checked, in order, before the first bad */
	int bad;
	int64_t id;       /* the bad record's id (0: a missing record) */
	int64_t seq;      /* its place in the chain (0: not in it) */
	const char *what; /* "edited", "removed", "reordered", "inserted" */
	char why[256];    /* one line naming the records */
} xf_audit_verdict;

typedef struct xf_audit_filter {
	const char *lo, *hi;         /* org_path range, or NULL for all */
	const char *entity, *action; /* or NULL */
	int64_t entity_id, user_id;  /* or 0 */
	int offset, limit;
} xf_audit_filter;

/* Appends row at the chain's head (its seq and hashes are computed;
 * the ones given are ignored), in the caller's transaction. */
int xf_store_audit_insert(xf_db *db, const xf_audit_row *row);
/* SHA-256 of the canonical form of r (every field but id and hash; seq and
 * prev_hash included) as hex into out. */
void xf_audit_chain_hash(const xf_audit_row *r, char out[XF_AUDIT_HASH_HEX]);
/* Chains the records written before migration 21 (hash NULL), in id
 * order, in transactions of its own; *chained: how many. */
int xf_store_audit_chain_old(xf_db *db, int64_t *chained);
/* Walks the log in id order in a read transaction of its own and fills
 * v with the first record that breaks the chain. XF_DB_OK or an error. */
int xf_store_audit_verify(xf_db *db, xf_audit_verdict *v);
int xf_store_audit_list(xf_db *db, xf_arena *a, const xf_audit_filter *f,
                        xf_audit_row **out, int *n, int64_t *total);

#endif
