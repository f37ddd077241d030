/*
 * plans.h (api) - handlers of year plans (年初部署) and their items, with the
 * field tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_PLANS_H
#define XF_API_PLANS_H

#include "http/server.h"

void xf_h_plans_create(xf_req *r);
extern const struct xf_body_table xf_plans_create_body;
void xf_h_plans_list(xf_req *r);
extern const struct xf_query_table xf_plans_list_query;
void xf_h_plans_get(xf_req *r);
void xf_h_plans_patch(xf_req *r);
extern const struct xf_body_table xf_plans_patch_body;
void xf_h_plans_delete(xf_req *r);

#endif
