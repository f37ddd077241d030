/*
 * schemes.h - SQL of assessment schemes (考核办法) and their indicator
 * trees. Return codes: XF_DB_OK, XF_DB_ROW (found), XF_DB_DONE (not
 * found) or a negative XF_DB_* error; strings are copied into the arena
 * passed in. Indicators are written as a whole (a draft's tree is
 * replaced); a published scheme's rows never change.
 */
#ifndef XF_STORE_SCHEMES_H
#define XF_STORE_SCHEMES_H

#include "base/arena.h"
#include "model/scheme.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts the scheme (sets s->id; lineage_id 0: its own id) and its
 * indicators. */
int xf_store_scheme_insert(xf_db *db, xf_scheme *s, int64_t now);
/* The scheme with its indicators (ind in a). */
int xf_store_scheme_get(xf_db *db, xf_arena *a, int64_t id, xf_scheme *out);
/* A draft's name, kinds, stars and indicators. */
int xf_store_scheme_update(xf_db *db, const xf_scheme *s);
/* Publishes a draft from effective_from; the lineage's published version
 * before it becomes "replaced". */
int xf_store_scheme_publish(xf_db *db, const xf_scheme *s, int64_t by,
                            int64_t now);
/* Deletes a draft and its indicators. */
int xf_store_scheme_delete(xf_db *db, int64_t id);
/* The highest version number of a lineage. */
int xf_store_scheme_last_version(xf_db *db, int64_t lineage_id, int64_t *v);
/* Schemes within the ranges of a year (0: any), newest first; paged;
 * without indicators. */
int xf_store_scheme_list(xf_db *db, xf_arena *a, const xf_ranges *r, int year,
                         int offset, int limit, xf_scheme **out, int *n,
                         int64_t *total);
/* The published schemes of a year whose organization is at or above
 * path (the schemes that may apply to an organization there or below
 * it), with their indicators; deepest organization first. */
int xf_store_schemes_over(xf_db *db, xf_arena *a, const char *path, int year,
                          xf_scheme **out, int *n);
/* Published schemes of a year inside the ranges, with indicators. */
int xf_store_schemes_within(xf_db *db, xf_arena *a, const xf_ranges *r,
                            int year, xf_scheme **out, int *n);

#endif
