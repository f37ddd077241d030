/*
 * users.h (api) - handlers of accounts and their roles on the tree, with the
 * field tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_USERS_H
#define XF_API_USERS_H

#include "api/handler.h"

xf_api_handler xf_h_users_create;
extern const struct xf_body_table xf_users_create_body;
xf_api_handler xf_h_users_list;
extern const struct xf_query_table xf_users_list_query;
xf_api_handler xf_h_users_get;
xf_api_handler xf_h_users_patch;
extern const struct xf_body_table xf_users_patch_body;

xf_api_handler xf_h_users_sessions_end;
xf_api_handler xf_h_users_unlock;

#endif
