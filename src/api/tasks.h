/*
 * tasks.h (api) - handlers of tasks on the chart (挂图作战): milestones,
 * progress reports, reminders, the 晒绩 board and acceptance, with the field
 * tables of their routes. Routes in routes.c; the API is documented in
 * docs/api.md.
 */
#ifndef XF_API_TASKS_H
#define XF_API_TASKS_H

#include "api/handler.h"
#include "base/date.h"
#include "base/jw.h"
#include "model/task.h"
#include "service/milestones.h"

#include <jansson.h>
#include <stdint.h>

xf_api_handler xf_h_tasks_create;
extern const struct xf_body_table xf_tasks_create_body;
xf_api_handler xf_h_tasks_list;
extern const struct xf_query_table xf_tasks_list_query;
xf_api_handler xf_h_tasks_xlsx; /* the list in Excel */
xf_api_handler xf_h_tasks_get;
xf_api_handler xf_h_tasks_patch;
extern const struct xf_body_table xf_tasks_patch_body;
xf_api_handler xf_h_tasks_delete;
xf_api_handler xf_h_tasks_cascade;
extern const struct xf_body_table xf_tasks_cascade_body;
xf_api_handler xf_h_tasks_report;
extern const struct xf_body_table xf_tasks_report_body;
xf_api_handler xf_h_tasks_reports;
xf_api_handler xf_h_milestones_create;
extern const struct xf_body_table xf_milestones_create_body;
xf_api_handler xf_h_milestones_patch;
extern const struct xf_body_table xf_milestones_patch_body;
xf_api_handler xf_h_milestones_delete;
xf_api_handler xf_h_tasks_reminders;
extern const struct xf_query_table xf_tasks_reminders_query;
xf_api_handler xf_h_tasks_board;
xf_api_handler xf_h_tasks_board_xlsx; /* the board in Excel */
xf_api_handler xf_h_tasks_accept;
extern const struct xf_body_table xf_tasks_accept_body;
xf_api_handler xf_h_acceptance_summary;
/* the query of the board and of the acceptance summary */
extern const struct xf_query_table xf_tasks_board_query;
/*
 * The "org_ids" array of POST /api/tasks/{id}/cascade, checked element by
 * element (a field table cannot say "an array of ids"): 1 to
 * XF_TASK_MAX_CASCADE distinct positive integer ids. Pure: no database, no
 * caller needed; the libFuzzer harness tests/fuzz/fuzz_input_arrays.c and the
 * unit tests call it as the handler does.
 *
 * arr is borrowed (NULL counts as missing). On success returns 0 with
 * *ids (*n of them, in the array's order) in r's arena. Otherwise returns
 * -1 with *ids NULL, *n 0 and the error answer written to r: 422
 * invalid_field naming "org_ids" (500 if the arena is exhausted).
 */
int xf_input_cascade_org_ids(xf_req *r, json_t *arr, int64_t **ids, int *n)
    __attribute__((warn_unused_result));

/* The "milestones" array of a body that makes a task (a task, a joint
 * project), each checked against the milestone table: 0 with *out (*n
 * of them) in r's arena, or -1 with the error answer written. */
int xf_input_milestones(xf_req *r, json_t *arr, const xf_milestone_input **out,
                        int *n) __attribute__((warn_unused_result));
/* A task as its routes show it on day today, with its milestones; the
 * object left open for more keys. */
void xf_api_task_json_open(xf_jw *w, const xf_task *t, xf_date today,
                           const xf_milestone *ms, int nms);

#endif
