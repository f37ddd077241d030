/*
 * compliance.h (api) - handlers of the compliance of organizations with the
 * meeting rules, the quarterly board and the rules themselves, with the field
 * tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_COMPLIANCE_H
#define XF_API_COMPLIANCE_H

#include "api/handler.h"

xf_api_handler xf_h_compliance;
xf_api_handler xf_h_compliance_board;
xf_api_handler xf_h_compliance_board_xlsx; /* the board in Excel */
/* the query of the report and of the board */
extern const struct xf_query_table xf_compliance_query;
xf_api_handler xf_h_compliance_rules_get;
xf_api_handler xf_h_compliance_rules_put;
extern const struct xf_body_table xf_compliance_rules_put_body;

#endif
