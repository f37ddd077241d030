/*
 * assessments.h (api) - handlers of the assessment of organizations (the
 * index board, an index explained, scores) and of star ratings, with the
 * field tables of their routes. Routes in routes.c; the API is documented
 * in docs/api.md.
 */
#ifndef XF_API_ASSESSMENTS_H
#define XF_API_ASSESSMENTS_H

#include "api/handler.h"

xf_api_handler xf_h_assessments_list;
extern const struct xf_query_table xf_assessments_list_query;
xf_api_handler xf_h_assessments_xlsx;
xf_api_handler xf_h_assessments_get;
xf_api_handler xf_h_assessments_scores_put;
extern const struct xf_body_table xf_assessments_scores_body;

xf_api_handler xf_h_star_ratings_create;
extern const struct xf_body_table xf_star_ratings_create_body;
xf_api_handler xf_h_star_ratings_list;
extern const struct xf_query_table xf_star_ratings_list_query;
xf_api_handler xf_h_star_ratings_summary;
extern const struct xf_query_table xf_star_ratings_summary_query;
xf_api_handler xf_h_star_ratings_get;
xf_api_handler xf_h_star_ratings_review;
extern const struct xf_body_table xf_star_ratings_review_body;
xf_api_handler xf_h_star_ratings_decide;

#endif
