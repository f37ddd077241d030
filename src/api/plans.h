/*
 * plans.h (api) - handlers of year plans (年初部署) and their items, with the
 * field tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_PLANS_H
#define XF_API_PLANS_H

#include "api/handler.h"

xf_api_handler xf_h_plans_create;
extern const struct xf_body_table xf_plans_create_body;
xf_api_handler xf_h_plans_list;
extern const struct xf_query_table xf_plans_list_query;
xf_api_handler xf_h_plans_get;
xf_api_handler xf_h_plans_patch;
extern const struct xf_body_table xf_plans_patch_body;
xf_api_handler xf_h_plans_delete;

#endif
