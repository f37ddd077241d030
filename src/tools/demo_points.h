/*
 * demo_points.h - the points history of the demo city: a rulebook with a
 * changed rule, and years of ledger entries, claims and a reversal,
 * written through the service layer (same caps and totals as the API).
 */
#ifndef XF_TOOLS_DEMO_POINTS_H
#define XF_TOOLS_DEMO_POINTS_H

#include "tools/demo.h"

/* Returns 0, or -1 with city->c->err filled. Deterministic. */
int xf_demo_points(const xf_demo_city *city);

#endif
