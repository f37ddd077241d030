/*
 * generate_points.h - the points history of the generated city (`xianfeng
 * demo --scale city|province`): a few city-wide rules and per_member
 * ledger entries for every member, spread over last year and this year,
 * written through the store's bulk path in one transaction (the loader:
 * COPY on PostgreSQL, multi-row INSERTs on SQLite; no per-row audit); the kept
 * totals are rebuilt at the end with grouped INSERT ... SELECT, so `points
 * verify` finds no difference.
 */
#ifndef XF_TOOLS_GENERATE_POINTS_H
#define XF_TOOLS_GENERATE_POINTS_H

#include "store/db.h"

#include <stddef.h>
#include <stdint.h>

typedef struct xf_gen_points_stats {
	int64_t rules, members, entries;
	double seconds;        /* the whole transaction */
	double totals_seconds; /* of which: rebuilding the kept totals */
	double entries_per_s;  /* entries / seconds */
} xf_gen_points_stats;

/* Writes per_member entries (20 for the benchmark city) for every member
 * of an existing generated city; now is the clock (unix seconds). Same
 * seed, same data. Returns 0, or -1 with err filled (nothing written). */
int xf_generate_points(xf_db *db, int per_member, uint64_t seed, int64_t now,
                       xf_gen_points_stats *stats, char *err, size_t errlen);

#endif
