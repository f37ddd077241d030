/*
 * tasks.h (api) - handlers of plans, tasks on the chart, acceptance and
 * duty lists (issue 6). Routes in routes.c; the API is documented in
 * docs/api.md ("Plans and tasks").
 */
#ifndef XF_API_TASKS_H
#define XF_API_TASKS_H

#include "http/server.h"

/* tasks.c */
void xf_h_tasks_create(xf_req *r);
void xf_h_tasks_list(xf_req *r);
void xf_h_tasks_get(xf_req *r);
void xf_h_tasks_patch(xf_req *r);
void xf_h_tasks_delete(xf_req *r);
void xf_h_tasks_cascade(xf_req *r);
void xf_h_tasks_report(xf_req *r);
void xf_h_tasks_reports(xf_req *r);
void xf_h_milestones_create(xf_req *r);
void xf_h_milestones_patch(xf_req *r);
void xf_h_milestones_delete(xf_req *r);
void xf_h_tasks_reminders(xf_req *r);
void xf_h_tasks_board(xf_req *r);
void xf_h_tasks_accept(xf_req *r);
void xf_h_acceptance_summary(xf_req *r);

/* plans.c */
void xf_h_plans_create(xf_req *r);
void xf_h_plans_list(xf_req *r);
void xf_h_plans_get(xf_req *r);
void xf_h_plans_patch(xf_req *r);
void xf_h_plans_delete(xf_req *r);

#endif
