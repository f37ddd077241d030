/*
 * reviews.h (api) - handlers of live review sessions (述职评议), with the
 * field tables of their routes. Routes in routes.c; the API is documented
 * in docs/api.md.
 */
#ifndef XF_API_REVIEWS_H
#define XF_API_REVIEWS_H

#include "api/handler.h"

xf_api_handler xf_h_reviews_create;
extern const struct xf_body_table xf_reviews_create_body;
xf_api_handler xf_h_reviews_list;
extern const struct xf_query_table xf_reviews_list_query;
xf_api_handler xf_h_reviews_get;
xf_api_handler xf_h_reviews_judges_add;
extern const struct xf_body_table xf_reviews_judges_body;
xf_api_handler xf_h_reviews_presenter_open;
xf_api_handler xf_h_reviews_presenter_close;
extern const struct xf_body_table xf_reviews_presenter_close_body;
xf_api_handler xf_h_reviews_scores_put;
extern const struct xf_body_table xf_reviews_scores_body;
xf_api_handler xf_h_reviews_close;
xf_api_handler xf_h_reviews_results;
xf_api_handler xf_h_reviews_results_xlsx;
xf_api_handler xf_h_reviews_events;
xf_api_handler xf_h_reviews_join;
extern const struct xf_body_table xf_reviews_join_body;
xf_api_handler xf_h_reviews_judge_qr;

#endif
