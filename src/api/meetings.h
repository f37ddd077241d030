/*
 * meetings.h (api) - handlers of meetings with their first topic, attendance,
 * follow-up measures (落实举措) and talks (谈心谈话), with the field tables of
 * their routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_MEETINGS_H
#define XF_API_MEETINGS_H

#include "api/handler.h"

xf_api_handler xf_h_meetings_create;
extern const struct xf_body_table xf_meetings_create_body;
xf_api_handler xf_h_meetings_list;
extern const struct xf_query_table xf_meetings_list_query;
xf_api_handler xf_h_meetings_xlsx; /* the list in Excel */
xf_api_handler xf_h_meetings_get;
xf_api_handler xf_h_meetings_patch;
extern const struct xf_body_table xf_meetings_patch_body;
xf_api_handler xf_h_meetings_delete;
xf_api_handler xf_h_meetings_attendance_get;
xf_api_handler xf_h_meetings_attendance_put;
extern const struct xf_body_table xf_meetings_attendance_put_body;
xf_api_handler xf_h_measures_create;
extern const struct xf_body_table xf_measures_create_body;
xf_api_handler xf_h_measures_list;
extern const struct xf_query_table xf_measures_list_query;
xf_api_handler xf_h_measures_patch;
extern const struct xf_body_table xf_measures_patch_body;
xf_api_handler xf_h_measures_delete;
xf_api_handler xf_h_talks_due;
extern const struct xf_query_table xf_talks_due_query;
xf_api_handler xf_h_talks_create;
extern const struct xf_body_table xf_talks_create_body;
xf_api_handler xf_h_talks_list;
extern const struct xf_query_table xf_talks_list_query;

#endif
