/*
 * audit.h - SQL of the audit log: one row per write, in the same
 * transaction as the write. Return codes and ownership as in orgs.h.
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
} xf_audit_row;

typedef struct xf_audit_filter {
	const char *lo, *hi;         /* org_path range, or NULL for all */
	const char *entity, *action; /* or NULL */
	int64_t entity_id, user_id;  /* or 0 */
	int offset, limit;
} xf_audit_filter;

int xf_store_audit_insert(xf_db *db, const xf_audit_row *row);
int xf_store_audit_list(xf_db *db, xf_arena *a, const xf_audit_filter *f,
                        xf_audit_row **out, int *n, int64_t *total);

#endif
