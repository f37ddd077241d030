/*
 * compliance.h (api) - handlers of the compliance of organizations with the
 * meeting rules, the quarterly board and the rules themselves, with the field
 * tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_COMPLIANCE_H
#define XF_API_COMPLIANCE_H

#include "api/handler.h"
#include "base/jw.h"
#include "service/compliance.h"

xf_api_handler xf_h_compliance;
xf_api_handler xf_h_compliance_board;
xf_api_handler xf_h_compliance_board_xlsx; /* the board in Excel */
/* the query of the report and of the board */
extern const struct xf_query_table xf_compliance_query;
/* Writers shared with the cockpit (api/cockpit.c): key: num/den as a
 * percentage with one decimal (null when den is 0); key: the names of the
 * meeting kinds of a missing mask (and first_topic); the keys of a
 * subtree's compliance counts and rates. */
void xf_api_rate(xf_jw *w, const char *key, int64_t num, int64_t den);
void xf_compliance_kinds_json(xf_jw *w, const char *key, unsigned mask);
void xf_compliance_sum_json(xf_jw *w, const xf_compliance_sum *s);
xf_api_handler xf_h_compliance_rules_get;
xf_api_handler xf_h_compliance_rules_put;
extern const struct xf_body_table xf_compliance_rules_put_body;

#endif
