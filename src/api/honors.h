/*
 * honors.h (api) - handlers of the honors and results registry (荣誉与成果)
 * and of party-building brands (党建品牌), with the field tables of their
 * routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_HONORS_H
#define XF_API_HONORS_H

#include "api/handler.h"

xf_api_handler xf_h_honors_create;
extern const struct xf_body_table xf_honors_create_body;
xf_api_handler xf_h_honors_list;
extern const struct xf_query_table xf_honors_list_query;
xf_api_handler xf_h_honors_get;
xf_api_handler xf_h_honors_patch;
extern const struct xf_body_table xf_honors_patch_body;
xf_api_handler xf_h_honors_delete;
xf_api_handler xf_h_honors_summary;
xf_api_handler xf_h_honors_summary_xlsx;
extern const struct xf_query_table xf_honors_summary_query;

xf_api_handler xf_h_brands_create;
extern const struct xf_body_table xf_brands_create_body;
xf_api_handler xf_h_brands_list;
extern const struct xf_query_table xf_brands_list_query;
xf_api_handler xf_h_brands_get;
xf_api_handler xf_h_brands_patch;
extern const struct xf_body_table xf_brands_patch_body;
xf_api_handler xf_h_brands_delete;
xf_api_handler xf_h_brands_review;
extern const struct xf_body_table xf_brands_review_body;

#endif
