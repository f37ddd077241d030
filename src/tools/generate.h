/*
 * generate.h - the generated city of `xianfeng demo --scale city|province`:
 * a deterministic, realistic dataset at the volumes the benchmark needs
 * (city: about 3,000 organizations and 100,000 members; province: ten
 * times that), loaded through the store's bulk path in one transaction.
 */
#ifndef XF_TOOLS_GENERATE_H
#define XF_TOOLS_GENERATE_H

#include "store/db.h"

#include <stddef.h>
#include <stdint.h>

typedef struct xf_gen_stats {
	int64_t orgs, members, meetings, tasks, milestones;
	/* wall time from BEGIN to COMMIT (index builds and kept counts
	 * included) of the organizations and members, and of the history */
	double seconds, history_seconds;
	double rows_per_s; /* (orgs + members) / seconds */
} xf_gen_stats;

/* scale 1 = city, 2 = province. Loads into an empty database; demo
 * accounts (admin, jggw, one committee per district, one secretary) get
 * `password`. history: also two years of meetings and the year's tasks. Returns
 * 0, or -1 with err filled. */
int xf_generate(xf_db *db, int scale, uint64_t seed, const char *password,
                int history, xf_gen_stats *stats, char *err, size_t errlen);

#endif
