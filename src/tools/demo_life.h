/*
 * demo_life.h - the demo city's member life routines: committees' terms
 * (换届) with their elections, this year's dues (党费) of a few branches,
 * and people in the recruitment procedure (发展党员).
 */
#ifndef XF_TOOLS_DEMO_LIFE_H
#define XF_TOOLS_DEMO_LIFE_H

#include "tools/demo.h"

/* Returns 0, or -1 with city->c->err filled. */
int xf_demo_life(const xf_demo_city *city);

#endif
