/*
 * recruits.h (api) - handlers of 发展党员 (recruitment): people entering
 * the procedure, their steps recorded under the rules, the lists by stage
 * and of what is due, with the field tables of their routes. Routes in
 * routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_RECRUITS_H
#define XF_API_RECRUITS_H

#include "api/handler.h"

xf_api_handler xf_h_recruits_create;
extern const struct xf_body_table xf_recruits_create_body;
xf_api_handler xf_h_recruits_list;
extern const struct xf_query_table xf_recruits_list_query;
xf_api_handler xf_h_recruits_due;
extern const struct xf_query_table xf_recruits_due_query;
xf_api_handler xf_h_recruits_get;
xf_api_handler xf_h_recruit_steps_create;
extern const struct xf_body_table xf_recruit_steps_create_body;

#endif
