/*
 * schemes.h (api) - handlers of assessment schemes (考核办法), with the
 * field tables of their routes. Routes in routes.c; the API is documented
 * in docs/api.md.
 */
#ifndef XF_API_SCHEMES_H
#define XF_API_SCHEMES_H

#include "api/handler.h"

xf_api_handler xf_h_schemes_create;
extern const struct xf_body_table xf_schemes_create_body;
xf_api_handler xf_h_schemes_list;
extern const struct xf_query_table xf_schemes_list_query;
xf_api_handler xf_h_schemes_applicable;
extern const struct xf_query_table xf_schemes_applicable_query;
xf_api_handler xf_h_schemes_templates;
xf_api_handler xf_h_schemes_get;
xf_api_handler xf_h_schemes_patch;
extern const struct xf_body_table xf_schemes_patch_body;
xf_api_handler xf_h_schemes_delete;
xf_api_handler xf_h_schemes_publish;
extern const struct xf_body_table xf_schemes_publish_body;
xf_api_handler xf_h_schemes_versions_create;

#endif
