/*
 * activities.h (api) - handlers of activities (机关文化、普惠服务活动),
 * their sign-ups with a waiting list, attendance and the year's counts,
 * with the field tables of their routes. Routes in routes.c; the API is
 * documented in docs/api.md.
 */
#ifndef XF_API_ACTIVITIES_H
#define XF_API_ACTIVITIES_H

#include "api/handler.h"

xf_api_handler xf_h_activities_create;
extern const struct xf_body_table xf_activities_create_body;
xf_api_handler xf_h_activities_list;
extern const struct xf_query_table xf_activities_list_query;
xf_api_handler xf_h_activities_stats;
extern const struct xf_query_table xf_activities_stats_query;
xf_api_handler xf_h_activities_get;
xf_api_handler xf_h_activities_sign_up;
xf_api_handler xf_h_activities_cancel;
xf_api_handler xf_h_activities_signups;
xf_api_handler xf_h_activities_attendance;
extern const struct xf_body_table xf_activities_attendance_body;

#endif
