/*
 * demo_tasks.h - the year plan and the tasks on the chart of the demo
 * city.
 */
#ifndef XF_TOOLS_DEMO_TASKS_H
#define XF_TOOLS_DEMO_TASKS_H

#include "tools/demo.h"

/*
 * Publishes the city committee's plan for the current year; each item's
 * task is cascaded to the units and district committees below it and by
 * the districts further to their branches; the temporary project branch
 * gets the tasks of its project. Milestones due by today are done on
 * time, done late or left overdue (deterministic through xf_demo_pick()),
 * with progress reports dated when they happened; some finished tasks are
 * accepted. Returns 0, or -1 with city->c->err filled.
 */
int xf_demo_tasks(const xf_demo_city *city);

#endif
