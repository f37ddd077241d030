/*
 * clusters.h (api) - handlers of a cluster's page, renaming, deletion and
 * yearly lead (/api/clusters/{id}, /api/clusters/{id}/leads/{year}); the
 * list, creation and member routes are in orgs.h. Routes in routes.c;
 * documented in docs/api.md.
 */
#ifndef XF_API_CLUSTERS_H
#define XF_API_CLUSTERS_H

#include "api/handler.h"

xf_api_handler xf_h_clusters_get;
extern const struct xf_query_table xf_clusters_get_query;
xf_api_handler xf_h_clusters_put;
extern const struct xf_body_table xf_clusters_put_body;
xf_api_handler xf_h_clusters_delete;
xf_api_handler xf_h_clusters_lead;
extern const struct xf_body_table xf_clusters_lead_body;

#endif
