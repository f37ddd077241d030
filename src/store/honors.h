/*
 * honors.h - SQL of the honors and results registry (荣誉与成果; schema
 * v11). A row carries its organization's path, so a subtree's honors are
 * one range scan. Return codes and string ownership as in plans.h:
 * XF_DB_OK, XF_DB_ROW (found), XF_DB_DONE (not found) or a negative
 * XF_DB_* error; strings are copied into the arena passed in.
 */
#ifndef XF_STORE_HONORS_H
#define XF_STORE_HONORS_H

#include "base/arena.h"
#include "model/honor.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts h (created_by, org, member, fields) and sets h->id. */
int xf_store_honor_insert(xf_db *db, xf_honor *h, int64_t now);
int xf_store_honor_get(xf_db *db, xf_arena *a, int64_t id, xf_honor *out);
/* Writes every field of h but its source, creator and id. */
int xf_store_honor_update(xf_db *db, const xf_honor *h, int64_t now);
int xf_store_honor_delete(xf_db *db, int64_t id);
/* The entry a selection wrote, by its source_ref: XF_DB_ROW or
 * XF_DB_DONE. */
int xf_store_honor_by_source(xf_db *db, xf_arena *a, const char *source_ref,
                             xf_honor *out);

/* What a list of honors is limited to; 0 / NULL: any. */
typedef struct xf_honor_filter {
	const xf_ranges *ranges; /* the subtrees in scope */
	int year;
	const char *category, *level, *grade;
	int64_t member_id, brand_id;
} xf_honor_filter;
/* Honors matching f, the newest award first; paged. */
int xf_store_honor_list(xf_db *db, xf_arena *a, const xf_honor_filter *f,
                        int offset, int limit, xf_honor **out, int *n,
                        int64_t *total);

/* A count of honors sharing category, level and grade (NULL: none). */
typedef struct xf_honor_count {
	const char *category, *level, *grade;
	int64_t count;
} xf_honor_count;
/* The honors matching f, counted by (category, level, grade); at most
 * 1000 groups. */
int xf_store_honor_counts(xf_db *db, xf_arena *a, const xf_honor_filter *f,
                          xf_honor_count **out, int *n);

/* The number of honors of each organization within the ranges in year:
 * ids[i] has counts[i] (at most cap organizations). */
int xf_store_honor_counts_by_org(xf_db *db, xf_arena *a, const xf_ranges *r,
                                 int year, int cap, int64_t **ids,
                                 int64_t **counts, int *n);

#endif
