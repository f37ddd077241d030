/*
 * reviews.h (api) - handlers of live review sessions (述职评议), with the
 * field tables of their routes. Routes in routes.c; the API is documented
 * in docs/api.md.
 */
#ifndef XF_API_REVIEWS_H
#define XF_API_REVIEWS_H

#include "http/server.h"

void xf_h_reviews_create(xf_req *r);
extern const struct xf_body_table xf_reviews_create_body;
void xf_h_reviews_list(xf_req *r);
extern const struct xf_query_table xf_reviews_list_query;
void xf_h_reviews_get(xf_req *r);
void xf_h_reviews_judges_add(xf_req *r);
extern const struct xf_body_table xf_reviews_judges_body;
void xf_h_reviews_presenter_open(xf_req *r);
void xf_h_reviews_presenter_close(xf_req *r);
extern const struct xf_body_table xf_reviews_presenter_close_body;
void xf_h_reviews_scores_put(xf_req *r);
extern const struct xf_body_table xf_reviews_scores_body;
void xf_h_reviews_close(xf_req *r);
void xf_h_reviews_results(xf_req *r);
void xf_h_reviews_results_xlsx(xf_req *r);
void xf_h_reviews_events(xf_req *r);
void xf_h_reviews_join(xf_req *r);
extern const struct xf_body_table xf_reviews_join_body;
void xf_h_reviews_judge_qr(xf_req *r);

#endif
