/*
 * cases.h (api) - handlers of case selection (案例评选): /api/case-calls,
 * /api/case-submissions and the case library /api/cases, with the field
 * tables of their routes. Routes in routes.c; documented in docs/api.md.
 */
#ifndef XF_API_CASES_H
#define XF_API_CASES_H

#include "api/handler.h"

xf_api_handler xf_h_case_calls_create;
extern const struct xf_body_table xf_case_calls_create_body;
xf_api_handler xf_h_case_calls_list;
extern const struct xf_query_table xf_case_calls_list_query;
xf_api_handler xf_h_case_calls_get;
xf_api_handler xf_h_case_calls_close;
xf_api_handler xf_h_case_calls_submissions_list;
xf_api_handler xf_h_case_calls_submissions_create;
extern const struct xf_body_table xf_case_submissions_create_body;
xf_api_handler xf_h_case_calls_assignments;
xf_api_handler xf_h_case_calls_select;
xf_api_handler xf_h_case_calls_publish;
extern const struct xf_body_table xf_case_calls_publish_body;
xf_api_handler xf_h_case_calls_decide;
extern const struct xf_body_table xf_case_calls_decide_body;

xf_api_handler xf_h_case_submissions_get;
xf_api_handler xf_h_case_submissions_patch;
extern const struct xf_body_table xf_case_submissions_patch_body;
xf_api_handler xf_h_case_submissions_delete;
xf_api_handler xf_h_case_submissions_scores;
extern const struct xf_body_table xf_case_submissions_scores_body;

xf_api_handler xf_h_cases_list;
extern const struct xf_query_table xf_cases_list_query;
xf_api_handler xf_h_cases_get;

#endif
