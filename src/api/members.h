/*
 * members.h (api) - handlers of party members: create, list, read, change,
 * delete, and transfers between organizations, with the field tables of their
 * routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_MEMBERS_H
#define XF_API_MEMBERS_H

#include "http/server.h"

void xf_h_members_create(xf_req *r);
extern const struct xf_body_table xf_members_create_body;
void xf_h_members_list(xf_req *r);
extern const struct xf_query_table xf_members_list_query;
void xf_h_members_get(xf_req *r);
void xf_h_members_patch(xf_req *r);
extern const struct xf_body_table xf_members_patch_body;
void xf_h_members_delete(xf_req *r);
void xf_h_members_transfer(xf_req *r);
extern const struct xf_body_table xf_members_transfer_body;
void xf_h_members_transfers(xf_req *r);

#endif
