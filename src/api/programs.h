/*
 * programs.h (api) - handlers of creation programs (创建评选: /api/programs)
 * and their applications (/api/program-applications), with the field
 * tables of their routes. Routes in routes.c; the files of an application
 * in api/attachments.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_PROGRAMS_H
#define XF_API_PROGRAMS_H

#include "api/handler.h"

xf_api_handler xf_h_programs_create;
extern const struct xf_body_table xf_programs_create_body;
xf_api_handler xf_h_programs_list;
extern const struct xf_query_table xf_programs_list_query;
xf_api_handler xf_h_programs_get;
xf_api_handler xf_h_programs_apply;
extern const struct xf_body_table xf_programs_apply_body;
xf_api_handler xf_h_programs_applications;
extern const struct xf_query_table xf_programs_applications_query;
xf_api_handler xf_h_programs_publish;
extern const struct xf_body_table xf_programs_publish_body;
xf_api_handler xf_h_programs_decide;
extern const struct xf_body_table xf_programs_decide_body;
xf_api_handler xf_h_programs_undecide;

xf_api_handler xf_h_program_apps_list;
extern const struct xf_query_table xf_program_apps_list_query;
xf_api_handler xf_h_program_apps_get;
xf_api_handler xf_h_program_apps_item;
extern const struct xf_body_table xf_program_apps_item_body;
xf_api_handler xf_h_program_apps_submit;
xf_api_handler xf_h_program_apps_withdraw;
xf_api_handler xf_h_program_apps_review;
extern const struct xf_body_table xf_program_apps_review_body;

#endif
