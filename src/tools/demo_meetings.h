/*
 * demo_meetings.h - the meeting history of the demo city.
 */
#ifndef XF_TOOLS_DEMO_MEETINGS_H
#define XF_TOOLS_DEMO_MEETINGS_H

#include "tools/demo.h"

/*
 * Records about two years of organizational life for the demo city's
 * branches and committees, up to yesterday, through the service layer:
 * 三会一课, 主题党日, yearly meetings and committee meetings with their
 * 第一议题 and follow-up measures, attendance registers; about one branch
 * in five lags (meetings skipped, some made up late, first topics missing),
 * and a few members miss meetings often enough to be due for a talk.
 * Deterministic through xf_demo_pick(). Returns 0, or -1 with
 * city->c->err filled.
 */
int xf_demo_meetings(const xf_demo_city *city);

#endif
