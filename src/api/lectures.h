/*
 * lectures.h (api) - handlers of /api/lectures (the lecture library), with
 * the field tables of their routes. Routes in routes.c; the API is
 * documented in docs/api.md.
 */
#ifndef XF_API_LECTURES_H
#define XF_API_LECTURES_H

#include "api/handler.h"

xf_api_handler xf_h_lectures_create;
extern const struct xf_body_table xf_lectures_create_body;
xf_api_handler xf_h_lectures_list;
extern const struct xf_query_table xf_lectures_list_query;
xf_api_handler xf_h_lectures_get;
xf_api_handler xf_h_lectures_patch;
extern const struct xf_body_table xf_lectures_patch_body;
xf_api_handler xf_h_lectures_delete;
xf_api_handler xf_h_lectures_nominate;
extern const struct xf_body_table xf_lectures_nominate_body;

#endif
