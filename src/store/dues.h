/*
 * dues.h (store) - SQL of 党费 (schema v18): members' bases per year,
 * payments per month, and a member's year read with both (the rows of
 * the grid, the unpaid list and the totals). Return codes and string
 * ownership as in plans.h: XF_DB_OK, XF_DB_ROW (found), XF_DB_DONE (not
 * found) or a negative XF_DB_* error; strings are copied into the arena
 * passed in.
 */
#ifndef XF_STORE_DUES_H
#define XF_STORE_DUES_H

#include "base/arena.h"
#include "model/dues.h"
#include "store/db.h"

#include <stdint.h>

/* The base of member_id for year: XF_DB_ROW with *out, or XF_DB_DONE. */
int xf_store_dues_base_get(xf_db *db, xf_arena *a, int64_t member_id, int year,
                           xf_dues_base *out);
/* Writes b (inserted, or replacing the base of its member and year),
 * set by b->set_by at b->set_at. */
int xf_store_dues_base_put(xf_db *db, const xf_dues_base *b);

/* Inserts one month paid; XF_DB_UNIQUE when that month is paid already. */
int xf_store_dues_payment_insert(xf_db *db, const xf_dues_payment *p,
                                 int64_t now);

/* The years of members within r (member_id 0: all of them, else only that
 * one) in roster order (organization path, then id), each with its base
 * of year and its payments of year (mask and sum); offset and limit page
 * them, *total counts them all. */
int xf_store_dues_rows(xf_db *db, xf_arena *a, const xf_ranges *r,
                       int64_t member_id, int year, int offset, int limit,
                       xf_dues_row **out, int *n, int64_t *total);

#endif
