/*
 * notices.h (api) - handlers of the 公示 of a board (point notices) and
 * objections to it, with the field tables of their routes. Routes in routes.c;
 * the API is documented in docs/api.md.
 */
#ifndef XF_API_NOTICES_H
#define XF_API_NOTICES_H

#include "http/server.h"

/* publication (公示) and objections (异议): notices.c */
void xf_h_point_notices_list(xf_req *r);
extern const struct xf_query_table xf_point_notices_list_query;
void xf_h_point_notices_create(xf_req *r);
extern const struct xf_body_table xf_point_notices_create_body;
void xf_h_point_notices_get(xf_req *r);
/* /api/notices: the same for any subject (points_board, star_ratings). */
void xf_h_notices_create(xf_req *r);
extern const struct xf_body_table xf_notices_create_body;
void xf_h_point_objections_list(xf_req *r);
extern const struct xf_query_table xf_point_objections_list_query;
void xf_h_point_objections_create(xf_req *r);
extern const struct xf_body_table xf_point_objections_create_body;
void xf_h_point_objections_answer(xf_req *r);
extern const struct xf_body_table xf_point_objections_answer_body;

#endif
