/*
 * visits.h (api) - handlers of 四必访 (visits that must happen): triggers
 * recorded for members, the due list, visit records and coverage, with
 * the field tables of their routes. Routes in routes.c; the API is
 * documented in docs/api.md.
 */
#ifndef XF_API_VISITS_H
#define XF_API_VISITS_H

#include "api/handler.h"

xf_api_handler xf_h_visit_kinds_list;
xf_api_handler xf_h_visit_kinds_create;
extern const struct xf_body_table xf_visit_kinds_create_body;
xf_api_handler xf_h_visit_triggers_create;
extern const struct xf_body_table xf_visit_triggers_create_body;
xf_api_handler xf_h_visits_due;
extern const struct xf_query_table xf_visits_due_query;
xf_api_handler xf_h_visits_create;
extern const struct xf_body_table xf_visits_create_body;
xf_api_handler xf_h_visits_list;
extern const struct xf_query_table xf_visits_list_query;
xf_api_handler xf_h_visits_coverage;
extern const struct xf_query_table xf_visits_coverage_query;

#endif
