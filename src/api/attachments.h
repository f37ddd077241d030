/*
 * attachments.h (api) - handlers of files attached to records (upload, list,
 * download, delete), with the field tables of their routes. Routes in routes.c;
 * the API is documented in docs/api.md.
 */
#ifndef XF_API_ATTACHMENTS_H
#define XF_API_ATTACHMENTS_H

#include "api/handler.h"

/* attachments (api/attachments.c) and the yearly register (register.c) */
xf_api_handler xf_h_attachments_upload;
xf_api_handler xf_h_attachments_list;
xf_api_handler xf_h_honor_attachments_upload;
xf_api_handler xf_h_honor_attachments_list;
xf_api_handler xf_h_case_attachments_upload;
xf_api_handler xf_h_case_attachments_list;
xf_api_handler xf_h_application_attachments_upload;
xf_api_handler xf_h_application_attachments_list;
xf_api_handler xf_h_recruit_attachments_upload;
xf_api_handler xf_h_recruit_attachments_list;
xf_api_handler xf_h_joint_project_attachments_upload;
xf_api_handler xf_h_joint_project_attachments_list;
xf_api_handler xf_h_lecture_attachments_upload;
xf_api_handler xf_h_lecture_attachments_list;
xf_api_handler xf_h_campaign_report_attachments_upload;
xf_api_handler xf_h_campaign_report_attachments_list;
xf_api_handler xf_h_attachments_get;
xf_api_handler xf_h_attachments_delete;

#endif
