/*
 * dues.h (api) - handlers of 党费 (party dues): the base of a member's
 * year, payments, the year's grid (and its Excel twin), the unpaid list,
 * the totals per organization (and their Excel twin) and a member's own
 * year, with the field tables of their routes. Routes in routes.c; the
 * API is documented in docs/api.md.
 */
#ifndef XF_API_DUES_H
#define XF_API_DUES_H

#include "api/handler.h"

xf_api_handler xf_h_dues_base_put;
extern const struct xf_body_table xf_dues_base_body;
xf_api_handler xf_h_dues_pay;
extern const struct xf_body_table xf_dues_pay_body;
xf_api_handler xf_h_dues_grid;
xf_api_handler xf_h_dues_grid_xlsx;
extern const struct xf_query_table xf_dues_grid_query;
xf_api_handler xf_h_dues_unpaid;
extern const struct xf_query_table xf_dues_unpaid_query;
xf_api_handler xf_h_dues_totals;
xf_api_handler xf_h_dues_totals_xlsx;
extern const struct xf_query_table xf_dues_totals_query;
xf_api_handler xf_h_dues_mine;
extern const struct xf_query_table xf_dues_mine_query;

#endif
