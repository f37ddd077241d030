/*
 * assessments.h (api) - handlers of the assessment of organizations (the
 * index board, an index explained, scores) and of star ratings, with the
 * field tables of their routes. Routes in routes.c; the API is documented
 * in docs/api.md.
 */
#ifndef XF_API_ASSESSMENTS_H
#define XF_API_ASSESSMENTS_H

#include "http/server.h"

void xf_h_assessments_list(xf_req *r);
extern const struct xf_query_table xf_assessments_list_query;
void xf_h_assessments_xlsx(xf_req *r);
void xf_h_assessments_get(xf_req *r);
void xf_h_assessments_scores_put(xf_req *r);
extern const struct xf_body_table xf_assessments_scores_body;

void xf_h_star_ratings_create(xf_req *r);
extern const struct xf_body_table xf_star_ratings_create_body;
void xf_h_star_ratings_list(xf_req *r);
extern const struct xf_query_table xf_star_ratings_list_query;
void xf_h_star_ratings_summary(xf_req *r);
extern const struct xf_query_table xf_star_ratings_summary_query;
void xf_h_star_ratings_get(xf_req *r);
void xf_h_star_ratings_review(xf_req *r);
extern const struct xf_body_table xf_star_ratings_review_body;
void xf_h_star_ratings_decide(xf_req *r);

#endif
