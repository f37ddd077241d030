/*
 * orgs.h (api) - handlers of the organization tree (orgs: create, list, read,
 * change, move, close; children, tree, stats) and clusters (片区), with the
 * field tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_ORGS_H
#define XF_API_ORGS_H

#include "api/handler.h"

xf_api_handler xf_h_orgs_create;
extern const struct xf_body_table xf_orgs_create_body;
xf_api_handler xf_h_orgs_list;
extern const struct xf_query_table xf_orgs_list_query;
xf_api_handler xf_h_orgs_get;
xf_api_handler xf_h_orgs_patch;
extern const struct xf_body_table xf_orgs_patch_body;
xf_api_handler xf_h_orgs_delete;
xf_api_handler xf_h_orgs_children;
xf_api_handler xf_h_orgs_tree;
xf_api_handler xf_h_orgs_stats;
xf_api_handler xf_h_clusters_create;
extern const struct xf_body_table xf_clusters_create_body;
xf_api_handler xf_h_clusters_list;
extern const struct xf_query_table xf_clusters_list_query;
xf_api_handler xf_h_clusters_add_org;
extern const struct xf_body_table xf_clusters_add_org_body;
xf_api_handler xf_h_clusters_remove_org;

#endif
