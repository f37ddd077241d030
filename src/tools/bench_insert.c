/*
 * bench_insert.c - `xianfeng bench-insert DB ROWS [--members]`: the bare
 * prepared-insert loops that the benchmark compares the generator with
 * (not for users; see bench/run.sh): five-column rows into a scratch
 * table, or with --members member rows into the members table of a new
 * database. The loops' SQL is the store's (store/bench_insert.c).
 */
#include "tools/tools.h"

#include "store/bench_insert.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int xf_cmd_bench_insert(int argc, char **argv)
{
	int members = argc == 4 && strcmp(argv[3], "--members") == 0;
	if (argc != 3 && !members)
		return xf_cli_usage_error(
		    "bench-insert", "usage: bench-insert DB ROWS [--members]");
	char *end;
	long n = strtol(argv[2], &end, 10);
	if (*end || n < 1 || n > 10000000)
		return xf_cli_usage_error("bench-insert",
		                          "ROWS is 1..10000000");
	xf_db *db = xf_cli_open_db(argv[1], members);
	if (!db)
		return 1;
	/* the ID numbers before the clock starts: unique, 18 characters */
	char *idbuf = members ? malloc((size_t)n * 19) : NULL;
	const char **ids = members ? malloc((size_t)n * sizeof *ids) : NULL;
	int rc = XF_DB_OK;
	if (members) {
		rc = idbuf && ids ? xf_bench_ceiling_setup(db) : XF_DB_ERROR;
		for (long i = 0; rc == XF_DB_OK && i < n; i++) {
			ids[i] = idbuf + i * 19;
			snprintf(idbuf + i * 19, 19, "33020219%010u",
			         (unsigned)i);
		}
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (rc == XF_DB_OK)
		rc = members ? xf_bench_ceiling_members(db, (int)n, ids)
		             : xf_bench_ceiling(db, (int)n);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	xf_db_close(db);
	free(ids);
	free(idbuf);
	double s = (double)(t1.tv_sec - t0.tv_sec) +
	           (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (rc != XF_DB_OK)
		return 1;
	printf("%ld rows in %.3f s (%.0f rows/s)\n", n, s, (double)n / s);
	return 0;
}
