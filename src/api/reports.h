/*
 * reports.h (api) - generated reports: GET /api/reports/annual, the
 * year's report (年度党建工作报告) of a subtree as PDF or Word
 * (reports.c). Route in routes.c; documented in docs/api.md ("Reports").
 */
#ifndef XF_API_REPORTS_H
#define XF_API_REPORTS_H

#include "api/handler.h"

xf_api_handler xf_h_reports_annual;
extern const struct xf_query_table xf_reports_annual_query;

#endif
