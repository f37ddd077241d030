/*
 * users.h (api) - handlers of accounts and their roles on the tree, with the
 * field tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_USERS_H
#define XF_API_USERS_H

#include "http/server.h"

void xf_h_users_create(xf_req *r);
extern const struct xf_body_table xf_users_create_body;
void xf_h_users_list(xf_req *r);
extern const struct xf_query_table xf_users_list_query;
void xf_h_users_get(xf_req *r);
void xf_h_users_patch(xf_req *r);
extern const struct xf_body_table xf_users_patch_body;

#endif
