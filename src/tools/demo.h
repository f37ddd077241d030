/*
 * demo.h - the small demo city that `xianfeng demo` and `make run` load
 * (demo.c): a city organ work committee, districts, departments, branches,
 * clusters, a few hundred members with valid data, and demo accounts;
 * here is what demo.c hands the module histories of demo_*.c.
 */
#ifndef XF_TOOLS_DEMO_H
#define XF_TOOLS_DEMO_H

#include "service/ctx.h"
#include "store/db.h"

#include <stddef.h>
#include <stdint.h>

/*
 * What the core demo made, handed to each module's demo generator so that it
 * can add its history (meetings, points, tasks...). Everything goes through
 * the service layer with c (scope NULL: full rights).
 */
typedef struct xf_demo_city {
	xf_ctx *c;
	uint64_t *rng;           /* xorshift64 state; use xf_demo_pick() */
	const int64_t *branches; /* orgs of kind branch/temp_branch */
	int nbranches;
	const int64_t *committees; /* party_committee, organ_committee,
	                              work_committee orgs */
	int ncommittees;
} xf_demo_city;

/* A deterministic number in [0, n). */
int xf_demo_pick(const xf_demo_city *city, int n);

#endif
