/*
 * demo_duties.h - the duty lists (三级五岗) of the demo city.
 */
#ifndef XF_TOOLS_DEMO_DUTIES_H
#define XF_TOOLS_DEMO_DUTIES_H

#include "tools/demo.h"

/*
 * The city committee sets last year's duty lists for the three levels and
 * their posts, copies them to this year and revises one item; members of
 * a few branches and organ committees are put on posts for both years;
 * this year's tasks and meetings of their organizations and a few free
 * records are linked as evidence, so that their duty reports have
 * content. Run after xf_demo_meetings() and xf_demo_tasks(). Returns 0,
 * or -1 with city->c->err filled.
 */
int xf_demo_duties(const xf_demo_city *city);

#endif
