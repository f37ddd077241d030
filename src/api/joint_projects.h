/*
 * joint_projects.h (api) - handlers of /api/joint-projects (党建联建项目:
 * list by cluster, tag, organization and year, and its Excel twin; a
 * project with its task and milestones; its yearly review) and of
 * /api/central-work-tags (the city's central work, kept by the admin),
 * with the field tables of their routes. Routes in routes.c; documented
 * in docs/api.md.
 */
#ifndef XF_API_JOINT_PROJECTS_H
#define XF_API_JOINT_PROJECTS_H

#include "api/handler.h"

xf_api_handler xf_h_joint_projects_list;
xf_api_handler xf_h_joint_projects_xlsx;
extern const struct xf_query_table xf_joint_projects_list_query;
xf_api_handler xf_h_joint_projects_create;
extern const struct xf_body_table xf_joint_projects_create_body;
xf_api_handler xf_h_joint_projects_get;
xf_api_handler xf_h_joint_projects_patch;
extern const struct xf_body_table xf_joint_projects_patch_body;
xf_api_handler xf_h_joint_projects_delete;
xf_api_handler xf_h_joint_projects_review;
extern const struct xf_body_table xf_joint_projects_review_body;

xf_api_handler xf_h_cw_tags_list;
xf_api_handler xf_h_cw_tags_create;
extern const struct xf_body_table xf_cw_tags_create_body;
xf_api_handler xf_h_cw_tags_patch;
extern const struct xf_body_table xf_cw_tags_patch_body;
xf_api_handler xf_h_cw_tags_delete;

#endif
