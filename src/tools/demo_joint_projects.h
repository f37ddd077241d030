/*
 * demo_joint_projects.h - the demo city's clusters at work: a
 * description and a lead of this year and last year for each of the 9
 * clusters, and a few joint projects with partners, central-work tags,
 * time nodes and progress.
 */
#ifndef XF_TOOLS_DEMO_JOINT_PROJECTS_H
#define XF_TOOLS_DEMO_JOINT_PROJECTS_H

#include "tools/demo.h"

/* Returns 0, or -1 with city->c->err filled. */
int xf_demo_joint_projects(const xf_demo_city *city);

#endif
