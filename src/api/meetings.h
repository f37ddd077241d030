/*
 * meetings.h (api) - handlers of meetings with their first topic, attendance,
 * follow-up measures (落实举措) and talks (谈心谈话), with the field tables of
 * their routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_MEETINGS_H
#define XF_API_MEETINGS_H

#include "http/server.h"

void xf_h_meetings_create(xf_req *r);
extern const struct xf_body_table xf_meetings_create_body;
void xf_h_meetings_list(xf_req *r);
extern const struct xf_query_table xf_meetings_list_query;
void xf_h_meetings_get(xf_req *r);
void xf_h_meetings_patch(xf_req *r);
extern const struct xf_body_table xf_meetings_patch_body;
void xf_h_meetings_delete(xf_req *r);
void xf_h_meetings_attendance_get(xf_req *r);
void xf_h_meetings_attendance_put(xf_req *r);
extern const struct xf_body_table xf_meetings_attendance_put_body;
void xf_h_measures_create(xf_req *r);
extern const struct xf_body_table xf_measures_create_body;
void xf_h_measures_list(xf_req *r);
extern const struct xf_query_table xf_measures_list_query;
void xf_h_measures_patch(xf_req *r);
extern const struct xf_body_table xf_measures_patch_body;
void xf_h_measures_delete(xf_req *r);
void xf_h_talks_due(xf_req *r);
extern const struct xf_query_table xf_talks_due_query;
void xf_h_talks_create(xf_req *r);
extern const struct xf_body_table xf_talks_create_body;
void xf_h_talks_list(xf_req *r);
extern const struct xf_query_table xf_talks_list_query;

#endif
