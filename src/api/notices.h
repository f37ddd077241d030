/*
 * notices.h (api) - handlers of the 公示 of a board (point notices) and
 * objections to it, with the field tables of their routes. Routes in routes.c;
 * the API is documented in docs/api.md.
 */
#ifndef XF_API_NOTICES_H
#define XF_API_NOTICES_H

#include "api/handler.h"
#include "service/notices.h"

/* Answers status with notice f (its state today for c's caller, its rows):
 * the answer of every route that publishes a 公示. */
void xf_api_notice_answer(xf_req *r, xf_ctx *c, int status,
                          const xf_point_notice_full *f);

/* publication (公示) and objections (异议): notices.c */
xf_api_handler xf_h_point_notices_list;
extern const struct xf_query_table xf_point_notices_list_query;
xf_api_handler xf_h_point_notices_create;
extern const struct xf_body_table xf_point_notices_create_body;
xf_api_handler xf_h_point_notices_get;
/* /api/notices: the same for any subject (points_board, star_ratings). */
xf_api_handler xf_h_notices_create;
extern const struct xf_body_table xf_notices_create_body;
xf_api_handler xf_h_point_objections_list;
extern const struct xf_query_table xf_point_objections_list_query;
xf_api_handler xf_h_point_objections_create;
extern const struct xf_body_table xf_point_objections_create_body;
xf_api_handler xf_h_point_objections_answer;
extern const struct xf_body_table xf_point_objections_answer_body;

#endif
