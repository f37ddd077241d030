/*
 * orgs.h (api) - handlers of the organization tree (orgs: create, list, read,
 * change, move, close; children, tree, stats) and clusters (片区), with the
 * field tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_ORGS_H
#define XF_API_ORGS_H

#include "http/server.h"

void xf_h_orgs_create(xf_req *r);
extern const struct xf_body_table xf_orgs_create_body;
void xf_h_orgs_list(xf_req *r);
extern const struct xf_query_table xf_orgs_list_query;
void xf_h_orgs_get(xf_req *r);
void xf_h_orgs_patch(xf_req *r);
extern const struct xf_body_table xf_orgs_patch_body;
void xf_h_orgs_delete(xf_req *r);
void xf_h_orgs_children(xf_req *r);
void xf_h_orgs_tree(xf_req *r);
void xf_h_orgs_stats(xf_req *r);
void xf_h_clusters_create(xf_req *r);
extern const struct xf_body_table xf_clusters_create_body;
void xf_h_clusters_list(xf_req *r);
extern const struct xf_query_table xf_clusters_list_query;
void xf_h_clusters_get(xf_req *r);
void xf_h_clusters_add_org(xf_req *r);
extern const struct xf_body_table xf_clusters_add_org_body;
void xf_h_clusters_remove_org(xf_req *r);

#endif
