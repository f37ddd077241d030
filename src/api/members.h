/*
 * members.h (api) - handlers of party members: create, list, read, change,
 * delete, and transfers between organizations, with the field tables of their
 * routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_MEMBERS_H
#define XF_API_MEMBERS_H

#include "api/handler.h"

xf_api_handler xf_h_members_create;
extern const struct xf_body_table xf_members_create_body;
xf_api_handler xf_h_members_list;
extern const struct xf_query_table xf_members_list_query;
xf_api_handler xf_h_members_xlsx; /* the list in Excel */
xf_api_handler xf_h_members_get;
xf_api_handler xf_h_members_patch;
extern const struct xf_body_table xf_members_patch_body;
xf_api_handler xf_h_members_delete;
xf_api_handler xf_h_members_transfer;
extern const struct xf_body_table xf_members_transfer_body;
xf_api_handler xf_h_members_transfers;

#endif
