/*
 * terms.h (api) - handlers of 换届 (terms of committees): elections
 * recorded for an organization, their approval by the higher committee,
 * an organization's history and the board of current terms, with the
 * field tables of their routes. Routes in routes.c; the API is
 * documented in docs/api.md.
 */
#ifndef XF_API_TERMS_H
#define XF_API_TERMS_H

#include "api/handler.h"

xf_api_handler xf_h_org_terms_create;
extern const struct xf_body_table xf_org_terms_create_body;
xf_api_handler xf_h_org_terms_list;
xf_api_handler xf_h_terms_get;
xf_api_handler xf_h_terms_approve;
extern const struct xf_body_table xf_terms_approve_body;
xf_api_handler xf_h_terms_due;
extern const struct xf_query_table xf_terms_due_query;

#endif
