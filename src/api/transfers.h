/*
 * transfers.h (api) - handlers of 组织关系转接 as a workflow: new
 * transfers (within the tree, out, in), their approval, return and
 * arrival, the list with overdue ones, with the field tables of their
 * routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_TRANSFERS_H
#define XF_API_TRANSFERS_H

#include "api/handler.h"

xf_api_handler xf_h_transfers_create;
extern const struct xf_body_table xf_transfers_create_body;
xf_api_handler xf_h_transfers_list;
extern const struct xf_query_table xf_transfers_list_query;
xf_api_handler xf_h_transfers_get;
xf_api_handler xf_h_transfers_approve;
xf_api_handler xf_h_transfers_reject;
extern const struct xf_body_table xf_transfers_step_body;
xf_api_handler xf_h_transfers_arrive;
extern const struct xf_body_table xf_transfers_arrive_body;

#endif
