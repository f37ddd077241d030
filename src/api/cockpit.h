/*
 * cockpit.h (api) - handlers of the cockpit (驾驶舱) of a subtree and of
 * its live events for the walls (大屏), with the query table of their
 * routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_COCKPIT_H
#define XF_API_COCKPIT_H

#include "api/handler.h"

xf_api_handler xf_h_cockpit;
xf_api_handler xf_h_cockpit_events;
/* ?org= of both routes */
extern const struct xf_query_table xf_cockpit_query;

#endif
