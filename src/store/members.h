/*
 * members.h - SQL of party members (党员) and their transfer history.
 * Return codes and string ownership as in orgs.h.
 */
#ifndef XF_STORE_MEMBERS_H
#define XF_STORE_MEMBERS_H

#include "base/arena.h"
#include "base/seal.h"
#include "model/member.h"
#include "store/db.h"

#include <stdint.h>

typedef struct xf_member_page {
	xf_member *items;
	int n;
	int64_t total;
} xf_member_page;

typedef struct xf_member_filter {
	xf_ranges ranges;   /* org_path ranges */
	int64_t org_id;     /* when set and not subtree: that org only */
	const char *q;      /* name contains, or NULL */
	const char *status; /* or NULL */
	int sort;           /* 0 org then id, 1 name, 2 joined_on,
	                       3 joined_on descending */
	int offset, limit;
} xf_member_filter;

/*
 * A member as it is written: a copy whose ID number and phone point at
 * their sealed text (base/seal.h, the process's current key), with the
 * ID number's blind index. Filled by xf_member_seal; everything lives in
 * the struct and in what the member's other strings point at.
 */
typedef struct xf_member_sealed {
	xf_member m;
	const char *id_number_bi;
	char idn[XF_SEAL_MAX], phone[XF_SEAL_MAX], bi[XF_SEAL_INDEX_LEN];
} xf_member_sealed;
/* Seals m into s with key k. XF_DB_OK, or XF_DB_ERROR when there is no
 * key or a value is too long to seal. */
int xf_member_seal(const xf_seal_key *k, const xf_member *m,
                   xf_member_sealed *s);
/* Opens a stored ID number or phone (kind) into a, in place: the clear
 * value, or "" when it does not open (a value stored in clear before
 * migration 20 is kept). */
const char *xf_member_unseal(xf_arena *a, xf_seal_kind kind, const char *v);

/* The columns a member row is written with, in this order, by insert,
 * update and the bulk load (bulk.c), and the fields of a sealed member
 * they come from. */
#define XF_MEMBER_WRITE_SQL                                                    \
	"org_id, org_path, name, gender, id_number, birth_date, phone, "       \
	"ethnicity, education, position, status, joined_on, full_on, "         \
	"id_number_bi"
#define XF_MEMBER_NWRITE 14
extern const xf_db_col xf_member_write_cols[XF_MEMBER_NWRITE];

int xf_store_member_get(xf_db *db, xf_arena *a, int64_t id, xf_member *out);
int xf_store_member_insert(xf_db *db, xf_member *m, int64_t now);
int xf_store_member_update(xf_db *db, const xf_member *m, int64_t now);
int xf_store_member_delete(xf_db *db, int64_t id);
/* The member with this ID number (found by its blind index), or 0. */
int xf_store_member_by_idnum(xf_db *db, const char *id_number, int64_t *id);
int xf_store_member_list(xf_db *db, xf_arena *a, const xf_member_filter *f,
                         xf_member_page *out);

int xf_store_transfer_insert(xf_db *db, int64_t member_id, int64_t from,
                             int64_t to, const char *reason, int64_t user_id,
                             int64_t now);
int xf_store_transfer_list(xf_db *db, xf_arena *a, int64_t member_id,
                           xf_transfer **out, int *n);

#endif
