/*
 * duties.h (api) - handlers of the duty lists (三级五岗): items, post
 * holders, evidence (duties.c) and the duty report (述职材料) as JSON, a
 * printable page and a Word document (duty_report.c), with the query
 * tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md ("Duty lists").
 */
#ifndef XF_API_DUTIES_H
#define XF_API_DUTIES_H

#include "api/handler.h"
#include "service/duties.h"

/* duties.c */
xf_api_handler xf_h_duties_list;
extern const struct xf_query_table xf_duties_list_query;
xf_api_handler xf_h_duties_xlsx; /* the list in Excel */
xf_api_handler xf_h_duties_create;
extern const struct xf_body_table xf_duties_create_body;
xf_api_handler xf_h_duties_copy;
extern const struct xf_body_table xf_duties_copy_body;
xf_api_handler xf_h_duties_get;
xf_api_handler xf_h_duties_patch;
extern const struct xf_body_table xf_duties_patch_body;
xf_api_handler xf_h_duties_delete;
xf_api_handler xf_h_duty_evidence_list;
extern const struct xf_query_table xf_duty_evidence_list_query;
xf_api_handler xf_h_duty_evidence_create;
extern const struct xf_body_table xf_duty_evidence_create_body;
xf_api_handler xf_h_duty_evidence_delete;
xf_api_handler xf_h_duty_assignments_list;
extern const struct xf_query_table xf_duty_assignments_list_query;
xf_api_handler xf_h_duty_assignments_xlsx; /* the list in Excel */
xf_api_handler xf_h_duty_assignments_create;
extern const struct xf_body_table xf_duty_assignments_create_body;
xf_api_handler xf_h_duty_assignments_delete;

/* duty_report.c */
xf_api_handler xf_h_duty_report;
extern const struct xf_query_table xf_duty_report_query;

#endif
