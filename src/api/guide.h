/*
 * guide.h (api) - /api/guide: the practice guide (实务指南), its handlers
 * and their field tables.
 */
#ifndef XF_API_GUIDE_H
#define XF_API_GUIDE_H

#include "api/handler.h"

xf_api_handler xf_h_guide_create;
extern const struct xf_body_table xf_guide_create_body;
xf_api_handler xf_h_guide_patch;
extern const struct xf_body_table xf_guide_patch_body;
xf_api_handler xf_h_guide_get;
xf_api_handler xf_h_guide_delete;
xf_api_handler xf_h_guide_versions;
xf_api_handler xf_h_guide_list;
extern const struct xf_query_table xf_guide_list_query;
xf_api_handler xf_h_guide_search;
extern const struct xf_query_table xf_guide_search_query;

#endif
