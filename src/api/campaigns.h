/*
 * campaigns.h (api) - handlers of /api/campaigns (special campaigns,
 * 专项行动), with the field tables of their routes. Routes in routes.c;
 * the API is documented in docs/api.md.
 */
#ifndef XF_API_CAMPAIGNS_H
#define XF_API_CAMPAIGNS_H

#include "api/handler.h"

xf_api_handler xf_h_campaigns_create;
extern const struct xf_body_table xf_campaigns_create_body;
xf_api_handler xf_h_campaigns_list;
extern const struct xf_query_table xf_campaigns_list_query;
xf_api_handler xf_h_campaigns_get;
xf_api_handler xf_h_campaigns_report;
extern const struct xf_body_table xf_campaigns_report_body;
xf_api_handler xf_h_campaigns_rate;
extern const struct xf_body_table xf_campaigns_rate_body;
xf_api_handler xf_h_campaigns_ranking;
xf_api_handler xf_h_campaigns_ranking_xlsx;
xf_api_handler xf_h_campaigns_close;
extern const struct xf_body_table xf_campaigns_close_body;

#endif
