/*
 * bench_insert.h - the store's side of `xianfeng bench-insert`: the loops
 * the benchmark measures the generator's bulk path against (bench/run.sh).
 */
#ifndef XF_STORE_BENCH_INSERT_H
#define XF_STORE_BENCH_INSERT_H

#include "store/db.h"

/* The bare-SQLite ceilings of the benchmark, each n rows in one
 * transaction with one prepared single-row INSERT:
 * - xf_bench_ceiling: rows of five columns into a scratch table without
 *   indexes;
 * - xf_bench_ceiling_members: the generator's own rows, into the members
 *   table with its indexes and constraints, in a migrated database that
 *   xf_bench_ceiling_setup gave an org 1; ids[i] is row i's ID number (the
 *   caller makes them beforehand, outside the timing), every other column
 *   a realistic constant. All rows go to one org, so every index grows at
 *   its end: the loop's best case. */
int xf_bench_ceiling(xf_db *db, int n);
int xf_bench_ceiling_setup(xf_db *db);
int xf_bench_ceiling_members(xf_db *db, int n, const char *const *ids);

#endif
