/*
 * tallies.h - the frame shared by the kept tallies' checks: each kind of
 * kept tally has a check that recomputes it from its source rows and
 * reports every difference. `xianfeng tallies verify` runs them all.
 */
#ifndef XF_STORE_TALLIES_H
#define XF_STORE_TALLIES_H

#include "store/db.h"

#include <stdint.h>

/* Called once per difference with a line naming the tally, its key, the
 * kept and the recomputed values; line is only valid during the call. */
typedef void (*xf_tally_diff_fn)(void *arg, const char *line);

/* Recomputes one kind of kept tally inside the caller's read transaction
 * and compares. *checked counts the kept rows compared, *diffs the
 * differences. Returns XF_DB_OK or an XF_DB_* error. */
typedef int (*xf_tally_check_fn)(xf_db *db, xf_tally_diff_fn fn, void *arg,
                                 int64_t *checked, int64_t *diffs);

/* Rebuilds one kind of kept tally from its source rows inside the
 * caller's write transaction (after a bulk load that bypassed them). */
typedef int (*xf_tally_rebuild_fn)(xf_db *db);

#endif
