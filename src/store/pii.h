/*
 * pii.h - personal data at rest, the whole table at once: the start check
 * (are there values in clear, which key sealed the others), the data step
 * that seals rows written in clear before migration 20, and the rotation
 * that re-seals every value under a new key. Single values are sealed and
 * opened by store/members.c.
 *
 * Return codes as db.h. The caller owns the transaction: the data step
 * and the rotation run inside one, so a failure changes nothing.
 */
#ifndef XF_STORE_PII_H
#define XF_STORE_PII_H

#include "base/arena.h"
#include "base/seal.h"
#include "store/db.h"

#include <stdint.h>

/*
 * *clear: the members whose ID number has no blind index yet (stored in
 * clear); kid: the key id of one sealed ID number ("" when none is).
 */
int xf_store_pii_status(xf_db *db, int64_t *clear, char kid[XF_SEAL_KID_LEN]);

/*
 * Re-seals every sealed value with key to (members', recruits' and
 * transfers' ID numbers and phones, users' TOTP secrets) and recomputes
 * the blind index. from NULL: only the rows in clear are sealed (the
 * data step of `init`; their audit snapshots get the masked values instead of
 * the clear ones). from set: every row, each value opened with from (the
 * rotation); a value that does not open with from fails the whole call
 * (XF_DB_ERROR). *n: the rows written. a holds each batch's rows.
 */
int xf_store_pii_reseal(xf_db *db, xf_arena *a, const xf_seal_key *from,
                        const xf_seal_key *to, int64_t *n);

/*
 * After a data step or a rotation, outside any transaction: rewrites the
 * tables so that the old row versions (clear values, or values sealed
 * with the old key) do not stay in free pages or dead tuples: VACUUM on
 * SQLite, then a checkpoint that empties the WAL (its old frames held
 * them too); VACUUM FULL of members and audit on PostgreSQL.
 */
int xf_store_pii_compact(xf_db *db);

#endif
