/*
 * tasks.c (api) - /api/tasks with their milestones, cascades, progress
 * reports and acceptance; the reminders, the 晒绩 board and the
 * acceptance summary: field tables, query parameters, answers; the list
 * and the board also in Excel (.xlsx).
 */
#include "api/tasks.h"
#include "api/page.h"
#include "api/xlsx.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/tasks.h"
#include "model/task.h"
#include "service/task_board.h"
#include "service/tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static xf_date today_of(const xf_ctx *c)
{
	return xf_date_today(c->now);
}

/* A task as shown on day today, with its milestones when ms is not NULL;
 * the object left open for more keys. */
static void task_open(xf_jw *w, const xf_task *t, xf_date today,
                      const xf_milestone *ms, int nms)
{
	xf_task_facts f = xf_task_facts_on(t, today);
	xf_task_json_open(w, t, &f);
	if (!ms)
		return;
	xf_jw_key(w, "milestones");
	xf_jw_arr(w);
	for (int i = 0; i < nms; i++) {
		xf_milestone_facts mf = xf_milestone_facts_on(&ms[i], today);
		xf_milestone_json(w, &ms[i], &mf);
	}
	xf_jw_arr_end(w);
}

/* The same, closed. */
static void task(xf_jw *w, const xf_task *t, xf_date today,
                 const xf_milestone *ms, int nms)
{
	task_open(w, t, today, ms, nms);
	xf_jw_obj_end(w);
}

/* ---- bodies -------------------------------------------------------------*/

enum { M_TITLE, M_DELIVERABLE, M_DUE, M_DONE, M_WEIGHT, M_COUNT };

#define MILESTONE_FIELDS(req)                                                  \
	{                                                                      \
		{"title", XF_F_STR, req, 0, 1, 200, NULL, "时间节点名称"},     \
		    {"deliverable", XF_F_STR, 0, 1, 0, 500, NULL, "交付成果"}, \
		    {"due_on", XF_F_DATE, req, 0, 0, 0, NULL, "节点日期"},     \
		    {"done_on", XF_F_DATE, 0, 1, 0, 0, NULL, "完成日期"},      \
		    {"weight", XF_F_INT, 0, 0, 1, 100, NULL, "权重"},          \
	}

static const xf_field ms_create_fields[M_COUNT] = MILESTONE_FIELDS(1);
const xf_body_table xf_milestones_create_body = XF_BODY_TABLE(ms_create_fields);

static const xf_field ms_patch_fields[M_COUNT] = MILESTONE_FIELDS(0);
const xf_body_table xf_milestones_patch_body = XF_BODY_TABLE(ms_patch_fields);

static void to_milestone(const xf_val *v, xf_milestone_input *m)
{
	XF_TAKE_STR(m, title, v[M_TITLE]);
	XF_TAKE_STR(m, deliverable, v[M_DELIVERABLE]);
	XF_TAKE_STR(m, due_on, v[M_DUE]);
	XF_TAKE_STR(m, done_on, v[M_DONE]);
	XF_TAKE_INT(m, weight, v[M_WEIGHT]);
}

enum {
	F_ORG,
	F_TITLE,
	F_DESC,
	F_OWNER,
	F_START,
	F_DUE,
	F_WEIGHT,
	F_MS,
	F_COUNT
};

#define TASK_FIELDS(req)                                                        \
	{                                                                       \
		{"org_id", XF_F_ID, req, 0, 0, 0, NULL, "责任组织"},            \
		    {"title", XF_F_STR, req, 0, 1, 200, NULL, "任务名称"},      \
		    {"description", XF_F_STR, 0, 1, 0, 5000, NULL, "任务内容"}, \
		    {"owner", XF_F_STR, 0, 1, 0, 50, NULL, "责任人"},           \
		    {"start_on", XF_F_DATE, req, 0, 0, 0, NULL, "开始日期"},    \
		    {"due_on", XF_F_DATE, req, 0, 0, 0, NULL, "截止日期"},      \
		    {"weight", XF_F_INT, 0, 0, 1, 100, NULL, "权重"},           \
		    {"milestones",           XF_F_ARRAY, 0,         0, 0,       \
		     XF_TASK_MAX_MILESTONES, NULL,       "时间节点"},           \
	}

static const xf_field create_fields[F_COUNT] = TASK_FIELDS(1);
const xf_body_table xf_tasks_create_body = XF_BODY_TABLE(create_fields);

static const xf_field patch_fields[F_COUNT] = TASK_FIELDS(0);
const xf_body_table xf_tasks_patch_body = XF_BODY_TABLE(patch_fields);

/*
 * Reads a task body checked against create_fields or patch_fields: the
 * flat fields, and each milestone of the array against the milestone table
 * (fields named "milestones[i].due_on"). Returns 0, or -1 with the error
 * answer written.
 */
static int task_body(xf_req *r, int patch, xf_task_input *in)
{
	const xf_val *v = r->body_vals;
	XF_TAKE_STR(in, title, v[F_TITLE]);
	XF_TAKE_STR(in, description, v[F_DESC]);
	XF_TAKE_STR(in, owner, v[F_OWNER]);
	XF_TAKE_STR(in, start_on, v[F_START]);
	XF_TAKE_STR(in, due_on, v[F_DUE]);
	XF_TAKE_INT(in, org_id, v[F_ORG]);
	XF_TAKE_INT(in, weight, v[F_WEIGHT]);
	if (patch && v[F_MS].present) {
		xf_reply_error(r, 422, "invalid_field",
		               "时间节点请通过时间节点接口修改", "milestones");
		return -1;
	}
	return xf_input_milestones(r, v[F_MS].j, &in->milestones,
	                           &in->nmilestones);
}

int xf_input_milestones(xf_req *r, json_t *arr, const xf_milestone_input **out,
                        int *n)
{
	xf_milestone_input *ms;
	const xf_val *mv =
	    xf_input_items(r, arr, "milestones", ms_create_fields, M_COUNT, n,
	                   &ms, sizeof *ms);
	if (!mv)
		return -1;
	for (int i = 0; i < *n; i++, mv += M_COUNT)
		to_milestone(mv, &ms[i]);
	*out = ms;
	return 0;
}

void xf_api_task_json_open(xf_jw *w, const xf_task *t, xf_date today,
                           const xf_milestone *ms, int nms)
{
	task_open(w, t, today, ms, nms);
}

static void answer_task(xf_req *r, int status, const xf_ctx *c,
                        const xf_task *t, const xf_milestone *ms, int nms,
                        const xf_acceptance *acc)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	task_open(&w, t, today_of(c), ms, nms);
	if (acc) {
		xf_jw_key(&w, "acceptance");
		if (acc->task_id)
			xf_acceptance_json(&w, acc, t,
			                   t->done_on ? xf_task_done_on_time(t)
			                              : 0);
		else
			xf_jw_null(&w);
	}
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

/* Answers the task as GET /api/tasks/{id} shows it. */
static void answer_full(xf_req *r, int status, xf_ctx *c, int64_t id)
{
	xf_task t;
	xf_milestone *ms;
	int nms;
	xf_acceptance acc;
	if (!xf_api_failed(r, c, xf_task_read(c, id, &t, &ms, &nms, &acc)))
		answer_task(r, status, c, &t, ms, nms, &acc);
}

/* POST /api/tasks: a task with its milestones; 201 with it. */
XF_READ_HANDLER(xf_h_tasks_create, xf_task_input in = {0};
                xf_task t, task_body(r, 0, &in), xf_task_create(&c, &in, &t),
                answer_full(r, 201, &c, t.id))

void xf_h_tasks_get(xf_req *r)
{
	xf_ctx c;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	answer_full(r, 200, &c, id);
}

XF_ID_READ_HANDLER(xf_h_tasks_patch, xf_task_input in = {0};
                   xf_task t, task_body(r, 1, &in),
                   xf_task_update(&c, id, &in, &t), answer_full(r, 200, &c, id))

XF_ID_OK_HANDLER(xf_h_tasks_delete, xf_task_remove(&c, id))

static const xf_field cascade_fields[] = {
    {"org_ids", XF_F_ARRAY, 1, 0, 0, XF_TASK_MAX_CASCADE, NULL, "下达组织"},
};
const xf_body_table xf_tasks_cascade_body = XF_BODY_TABLE(cascade_fields);

/* An element of org_ids (an id, named "org_ids" in errors). */
static const xf_field org_id_field = {"org_ids", XF_F_ID, 1,    0,
                                      0,         0,       NULL, "下达组织"};

static int bad_org_ids(xf_req *r, const char *message)
{
	xf_reply_error(r, 422, "invalid_field", message, "org_ids");
	return -1;
}

int xf_input_cascade_org_ids(xf_req *r, json_t *arr, int64_t **ids, int *n)
{
	*ids = NULL;
	*n = 0;
	xf_val all = {0};
	if (!arr)
		return bad_org_ids(r, "请选择下达组织");
	/* the table's own field: an array of at most XF_TASK_MAX_CASCADE */
	if (xf_input_value(r, &cascade_fields[0], arr, &all, "org_ids") != 0)
		return -1;
	size_t len = json_array_size(arr);
	if (len == 0)
		return bad_org_ids(r, "请选择下达组织");
	int64_t *out = xf_arena_calloc(&r->arena, len, sizeof *out);
	if (!out) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		xf_val one = {0};
		json_t *e = json_array_get(arr, i);
		if (json_is_null(e))
			return bad_org_ids(r, "下达组织应为组织编号");
		if (xf_input_value(r, &org_id_field, e, &one, "org_ids") != 0)
			return -1;
		/* at most 500 of them: a scan costs less than a sort */
		for (size_t k = 0; k < i; k++)
			if (out[k] == one.i)
				return bad_org_ids(r, "下达组织重复");
		out[i] = one.i;
	}
	*ids = out;
	*n = (int)len;
	return 0;
}

/* POST /api/tasks/{id}/cascade {"org_ids":[...]}: 201 with the children. */
void xf_h_tasks_cascade(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	int64_t id;
	int64_t *ids;
	int n;
	if (xf_input_path_id(r, 0, &id) != 0 ||
	    xf_input_cascade_org_ids(r, v[0].j, &ids, &n) != 0)
		return;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_task *kids;
	int nk;
	if (xf_api_failed(r, &c, xf_task_cascade(&c, id, ids, n, &kids, &nk)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < nk; i++)
		task(&w, &kids[i], today_of(&c), NULL, 0);
	xf_page_items_end(&w, nk);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 201);
}

/* ---- progress -----------------------------------------------------------*/

enum { E_KIND, E_TITLE, E_URL, E_REF, E_COUNT };
static const xf_field evidence_fields[E_COUNT] = {
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_task_evidence_kinds, "佐证类型"},
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "佐证名称"},
    {"url", XF_F_STR, 0, 1, 0, 1000, NULL, "佐证链接"},
    {"ref_id", XF_F_ID, 0, 1, 0, 0, NULL, "关联记录"},
};

enum { P_PERCENT, P_NOTE, P_MS, P_EVIDENCE, P_COUNT };
static const xf_field progress_fields[P_COUNT] = {
    {"percent", XF_F_INT, 1, 0, 0, 100, NULL, "完成进度"},
    {"note", XF_F_STR, 0, 1, 0, 5000, NULL, "进展情况"},
    {"milestone_id", XF_F_ID, 0, 1, 0, 0, NULL, "完成的时间节点"},
    {"evidence", XF_F_ARRAY, 0, 1, 0, 20, NULL, "佐证材料"},
};
const xf_body_table xf_tasks_report_body = XF_BODY_TABLE(progress_fields);

/* Checks the evidence array and writes it back as compact JSON text in the
 * arena (only the known keys). NULL with the answer written on error;
 * *out NULL when there is none. */
static int evidence_json(xf_req *r, json_t *arr, const char **out)
{
	*out = NULL;
	size_t n = arr ? json_array_size(arr) : 0;
	if (n == 0)
		return 0;
	xf_buf b;
	xf_buf_init(&b, 1 << 20);
	xf_jw w;
	xf_jw_init(&w, &b);
	xf_jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		xf_val e[E_COUNT];
		char *path = xf_arena_printf(&r->arena, "evidence[%zu]", i);
		if (xf_input_object(r, json_array_get(arr, i), evidence_fields,
		                    E_COUNT, e, path) != 0) {
			xf_buf_free(&b);
			return -1;
		}
		xf_jw_obj(&w);
		xf_jw_kstr(&w, "kind", e[E_KIND].s);
		xf_jw_kstr(&w, "title", e[E_TITLE].s);
		xf_jw_kstr(&w, "url", e[E_URL].is_null ? NULL : e[E_URL].s);
		xf_jw_kid(&w, "ref_id", e[E_REF].is_null ? 0 : e[E_REF].i);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	*out = b.failed ? NULL : xf_arena_strndup(&r->arena, b.data, b.len);
	xf_buf_free(&b);
	if (!*out) {
		xf_reply_error(r, 413, "too_large", "佐证材料过多", "evidence");
		return -1;
	}
	return 0;
}

/* POST /api/tasks/{id}/progress: 201 with the report and the task. */
void xf_h_tasks_report(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_progress_input in = {0};
	xf_ctx c;
	int64_t id;
	if (xf_input_path_id(r, 0, &id) != 0 ||
	    evidence_json(r, v[P_EVIDENCE].is_null ? NULL : v[P_EVIDENCE].j,
	                  &in.evidence) != 0 ||
	    xf_api_ctx(r, &c) != 0)
		return;
	in.percent = (int)v[P_PERCENT].i;
	in.note = v[P_NOTE].is_null ? NULL : v[P_NOTE].s;
	in.milestone_id = v[P_MS].is_null ? 0 : v[P_MS].i;
	xf_progress p;
	xf_task t;
	if (xf_api_failed(r, &c, xf_task_report(&c, id, &in, &p, &t)))
		return;
	/* the report with the task after it */
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_progress_json_open(&w, &p);
	xf_jw_key(&w, "task");
	task(&w, &t, today_of(&c), NULL, 0);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 201);
}

XF_ID_ITEMS_HANDLER(xf_h_tasks_reports, xf_progress, xf_progress_json,
                    xf_task_reports(&c, id, XF_ITEMS_OUT))

/* ---- milestones ---------------------------------------------------------*/

static void answer_milestone(xf_req *r, int status, const xf_ctx *c,
                             const xf_milestone *m)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_milestone_facts f = xf_milestone_facts_on(m, today_of(c));
	xf_milestone_json(&w, m, &f);
	xf_reply_json(r, status);
}

XF_ID_HANDLER(xf_h_milestones_create, xf_milestone_input in = {0};
              xf_milestone m; to_milestone(r->body_vals, &in),
                              xf_milestone_add(&c, id, &in, &m),
                              answer_milestone(r, 201, &c, &m))

void xf_h_milestones_patch(xf_req *r)
{
	xf_milestone_input in = {0};
	xf_milestone m;
	xf_ctx c;
	int64_t id, mid;
	to_milestone(r->body_vals, &in);
	if (xf_input_path_id(r, 0, &id) != 0 ||
	    xf_input_path_id(r, 1, &mid) != 0 || xf_api_ctx(r, &c) != 0)
		return;
	if (in.has_title && !in.title) {
		xf_reply_error(r, 422, "invalid_field", "时间节点名称不能为空",
		               "title");
		return;
	}
	if (in.has_due_on && !in.due_on) {
		xf_reply_error(r, 422, "invalid_field", "节点日期不能为空",
		               "due_on");
		return;
	}
	if (!xf_api_failed(r, &c, xf_milestone_update(&c, id, mid, &in, &m)))
		answer_milestone(r, 200, &c, &m);
}

XF_ID2_OK_HANDLER(xf_h_milestones_delete, xf_milestone_remove(&c, id, id2))

/* ---- lists --------------------------------------------------------------*/

/* GET /api/tasks?org=&subtree=1&status=&year=&plan=&parent=&q=
 * &milestones=1: the chart's tasks, overdue first, with the server's
 * today (Asia/Shanghai) that decided their statuses. */
enum {
	TL_PLAN = XF_QP_ORG + 1,
	TL_PARENT,
	TL_STATUS,
	TL_Q,
	TL_SUBTREE,
	TL_MILESTONES,
	TL_YEAR
};
static const xf_param list_params[] = {
    XF_PARAMS_ORG_PAGE,
    {.name = "plan", .type = XF_Q_ID},
    {.name = "parent", .type = XF_Q_ID},
    {.name = "status", .type = XF_Q_STR, .max = 20},
    {.name = "q", .type = XF_Q_STR, .max = 50},
    XF_PARAM_SUBTREE,
    {.name = "milestones", .type = XF_Q_BOOL},
    XF_PARAM_YEAR,
};
const xf_query_table xf_tasks_list_query = XF_QUERY_TABLE(list_params);

/* The tasks of the list's query from offset (at most limit; milestones
 * when asked and with_ms); 0, or -1 with the answer written. */
static int load_list(xf_req *r, xf_ctx *c, int offset, int limit, int with_ms,
                     xf_task_list_page *p)
{
	const xf_val *v = r->query_vals;
	xf_task_query q = {
	    .org_id = v[XF_QP_ORG].i,
	    .plan_id = v[TL_PLAN].i,
	    .parent_id = v[TL_PARENT].i,
	    .status = v[TL_STATUS].s,
	    .q = v[TL_Q].s,
	    .subtree = (int)v[TL_SUBTREE].i,
	    .with_milestones = with_ms && (int)v[TL_MILESTONES].i,
	    .year = (int)v[TL_YEAR].i,
	    .offset = offset,
	    .limit = limit,
	};
	if (q.status && !xf_task_status_parse(q.status)) {
		xf_reply_error(r, 422, "invalid_field",
		               "任务状态应为 not_started、green、yellow、red "
		               "或 done",
		               "status");
		return -1;
	}
	if (xf_api_ctx(r, c) != 0)
		return -1;
	return xf_api_failed(r, c, xf_task_list(c, &q, p)) ? -1 : 0;
}

void xf_h_tasks_list(xf_req *r)
{
	int offset, limit;
	xf_ctx c;
	xf_task_list_page p;
	xf_query_page(r, &offset, &limit);
	if (load_list(r, &c, offset, limit, 1, &p) != 0)
		return;
	xf_date today = today_of(&c);
	char day[11];
	xf_date_format(today, day);
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < p.page.n; i++)
		task(&w, &p.page.items[i], today, p.ms ? p.ms[i] : NULL,
		     p.ms ? p.nms[i] : 0);
	xf_page_items_end(&w, p.page.total);
	xf_jw_kstr(&w, "today", day);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

typedef struct task_rows {
	const xf_task_list_page *p;
	xf_date today;
} task_rows;

static void task_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const task_rows *x = arg;
	const xf_task *t = &x->p->page.items[i];
	xf_task_facts f = xf_task_facts_on(t, x->today);
	cells[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	cells[1] = (xf_xlsx_cell){t->title, 0, -1};
	cells[2] = (xf_xlsx_cell){t->org_name, 0, -1};
	cells[3] = (xf_xlsx_cell){t->owner, 0, -1};
	cells[4] = (xf_xlsx_cell){t->start_on, 0, -1};
	cells[5] = (xf_xlsx_cell){t->due_on, 0, -1};
	cells[6] = (xf_xlsx_cell){NULL, t->percent, 0};
	cells[7] = (xf_xlsx_cell){f.status_title, 0, -1};
	cells[8] = (xf_xlsx_cell){t->done_on, 0, -1};
	cells[9] = (xf_xlsx_cell){t->due_next, 0, -1};
}

/* GET /api/tasks.xlsx: the tasks of the list's query (all pages) as the
 * chart shows them today, in Excel. */
void xf_h_tasks_xlsx(xf_req *r)
{
	const xf_val *v = r->query_vals;
	xf_ctx c;
	xf_task_list_page p;
	if (load_list(r, &c, 0, XF_XLSX_MAX_ROWS, 0, &p) != 0 ||
	    xf_xlsx_rows_fit(r, p.page.total) != 0)
		return;
	static const char *const heads[] = {
	    "序号",     "任务名称", "责任组织", "责任人",   "开始日期",
	    "截止日期", "进度%",    "状态",     "完成日期", "下一节点日期"};
	static const double widths[] = {6, 32, 24, 10, 12, 12, 8, 10, 12, 14};
	const char *org = xf_xlsx_org_name(&c, v[XF_QP_ORG].i);
	const char *year = xf_xlsx_year(r, &v[TL_YEAR]);
	const char *const filters[] = {
	    "组织",
	    org ? org : XF_XLSX_ALL_ORGS,
	    "范围",
	    v[TL_SUBTREE].i ? "含下级组织" : NULL,
	    "年度",
	    year,
	    "状态",
	    v[TL_STATUS].s
	        ? xf_task_status_title(xf_task_status_parse(v[TL_STATUS].s))
	        : NULL,
	    "关键字",
	    v[TL_Q].s};
	task_rows x = {.p = &p, .today = today_of(&c)};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("挂图作战任务", heads, widths, "挂图作战任务.xlsx");
	xf_xlsx_list_reply(r, c.now, &sheet,
	                   xf_xlsx_title(r, org, year, "挂图作战任务清单"),
	                   filters, 5, p.page.n, task_cells, &x);
}

/* GET /api/tasks/reminders?org=&subtree=&days=N */
enum { RM_ORG, RM_SUBTREE, RM_DAYS };
static const xf_param reminder_params[] = {
    XF_PARAM_ORG,
    XF_PARAM_SUBTREE,
    {.name = "days",
     .type = XF_Q_INT,
     .min = 0,
     .max = 366,
     .label = "天数",
     .dflt = "7"},
};
const xf_query_table xf_tasks_reminders_query = XF_QUERY_TABLE(reminder_params);

/* {"today","until","items":[…],"total","owners":[…]} of reminders rm. */
static void reminders_json(xf_jw *w, const xf_reminders *rm)
{
	xf_jw_obj(w);
	xf_jw_kstr(w, "today", rm->today);
	xf_jw_kstr(w, "until", rm->until);
	xf_jw_key(w, "items");
	xf_jw_arr(w);
	for (int i = 0; i < rm->n; i++) {
		const xf_reminder *x = &rm->items[i];
		xf_jw_obj(w);
		xf_jw_kstr(w, "kind", x->milestone ? "milestone" : "task");
		xf_jw_kint(w, "task_id", x->task->id);
		xf_jw_kstr(w, "task_title", x->task->title);
		xf_jw_kid(w, "milestone_id",
		          x->milestone ? x->milestone->id : 0);
		xf_jw_kstr(w, "title",
		           x->milestone ? x->milestone->title : x->task->title);
		xf_jw_kint(w, "org_id", x->task->org_id);
		xf_jw_kstr(w, "org_name", x->task->org_name);
		xf_jw_kstr(w, "owner", x->task->owner);
		xf_jw_kstr(w, "due_on", x->due_on);
		xf_jw_kstr(w, "status", x->overdue ? "overdue" : "due_soon");
		xf_jw_kint(w, "days_left", x->days_left);
		xf_jw_obj_end(w);
	}
	xf_page_items_end(w, rm->n);
	xf_jw_key(w, "owners");
	xf_jw_arr(w);
	for (int i = 0; i < rm->nowners; i++) {
		const xf_reminder_owner *o = &rm->owners[i];
		xf_jw_obj(w);
		xf_jw_kint(w, "org_id", o->org_id);
		xf_jw_kstr(w, "org_name", o->org_name);
		xf_jw_kstr(w, "owner", o->owner);
		xf_jw_kint(w, "overdue", o->overdue);
		xf_jw_kint(w, "due_soon", o->due_soon);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

XF_CTX_HANDLER(xf_h_tasks_reminders, const xf_val *q = r->query_vals;
               xf_reminders rm,
               xf_task_reminders(&c, q[RM_ORG].i, (int)q[RM_SUBTREE].i,
                                 (int)q[RM_DAYS].i, &rm),
               XF_ANSWER(r, 200, reminders_json, &rm))

/* Writes tenths as a JSON number ("87.5"), or null when negative. */
static void tenths(xf_jw *w, const char *key, int v)
{
	xf_jw_key(w, key);
	if (v < 0) {
		xf_jw_null(w);
		return;
	}
	char b[24];
	int n = 0, ip = v / 10, fp = v % 10;
	char rev[12];
	int k = 0;
	do {
		rev[k++] = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip && k < 11);
	while (k)
		b[n++] = rev[--k];
	if (fp) {
		b[n++] = '.';
		b[n++] = (char)('0' + fp);
	}
	b[n] = '\0';
	xf_jw_raw(w, b);
}

/* The per-organization rows of the board and of the acceptance summary. */
static void answer_ranks(xf_req *r, int year, xf_date today,
                         const xf_task_rank *k, int n, int with_scores)
{
	char day[11];
	xf_date_format(today, day);
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "year", year);
	xf_jw_kstr(&w, "today", day);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++) {
		xf_jw_obj(&w);
		xf_jw_kint(&w, "rank", k[i].rank);
		xf_jw_kint(&w, "org_id", k[i].t.org_id);
		xf_jw_kstr(&w, "org_name", k[i].t.org_name);
		xf_jw_kid(&w, "org_parent_id", k[i].t.org_parent_id);
		xf_jw_kstr(&w, "org_parent_name", k[i].t.org_parent_name);
		xf_jw_kint(&w, "tasks", k[i].t.tasks);
		xf_jw_kint(&w, "done", k[i].t.done);
		xf_jw_kint(&w, "due", k[i].t.due);
		xf_jw_kint(&w, "on_time", k[i].t.on_time);
		xf_jw_kint(&w, "overdue", k[i].t.overdue);
		tenths(&w, "on_time_rate", k[i].on_time_permille);
		xf_jw_kint(&w, "avg_percent", k[i].avg_percent);
		if (with_scores) {
			xf_jw_kint(&w, "accepted", k[i].t.accepted);
			tenths(&w, "avg_score", k[i].avg_score_x10);
		}
		xf_jw_obj_end(&w);
	}
	xf_page_end(r, &w, n);
}

/* ?org=&year= of the board and the acceptance summary: this year by
 * default. */
const xf_query_table xf_tasks_board_query =
    XF_QUERY_TABLE(xf_org_year_now_params);

static void ranks(xf_req *r, int with_scores)
{
	int year = (int)r->query_vals[XF_QN_YEAR].i;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_task_rank *k;
	int n;
	if (!xf_api_failed(
	        r, &c,
	        xf_task_board(&c, r->query_vals[XF_QN_ORG].i, year, &k, &n)))
		answer_ranks(r, year, today_of(&c), k, n, with_scores);
}

/* GET /api/tasks/board?org=&year=: the 晒绩 board. */
void xf_h_tasks_board(xf_req *r)
{
	ranks(r, 0);
}

/* GET /api/acceptance?org=&year=: scores and on-time rates per org. */
void xf_h_acceptance_summary(xf_req *r)
{
	ranks(r, 1);
}

static void rank_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const xf_task_rank *k = &((const xf_task_rank *)arg)[i];
	cells[0] = (xf_xlsx_cell){NULL, k->rank, 0};
	cells[1] = (xf_xlsx_cell){k->t.org_name, 0, -1};
	cells[2] = (xf_xlsx_cell){k->t.org_parent_name, 0, -1};
	const int64_t counts[] = {k->t.tasks, k->t.done, k->t.due, k->t.on_time,
	                          k->t.overdue};
	for (int j = 0; j < 5; j++)
		cells[3 + j] = (xf_xlsx_cell){NULL, (double)counts[j], 0};
	cells[8] = k->on_time_permille < 0
	               ? (xf_xlsx_cell){"", 0, -1}
	               : (xf_xlsx_cell){NULL, k->on_time_permille / 10.0, 1};
	cells[9] = (xf_xlsx_cell){NULL, k->avg_percent, 0};
}

/* GET /api/tasks/board.xlsx?org=&year=: the 晒绩 board in Excel. */
void xf_h_tasks_board_xlsx(xf_req *r)
{
	int year = (int)r->query_vals[XF_QN_YEAR].i;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_task_rank *k;
	int n;
	if (xf_api_failed(
	        r, &c,
	        xf_task_board(&c, r->query_vals[XF_QN_ORG].i, year, &k, &n)) ||
	    xf_xlsx_rows_fit(r, n) != 0)
		return;
	static const char *const heads[] = {
	    "名次",   "组织",     "上级组织", "任务数",      "已完成",
	    "已到期", "按期完成", "逾期",     "按期完成率%", "平均进度%"};
	static const double widths[] = {6, 24, 24, 8, 8, 8, 10, 8, 12, 10};
	const char *org = xf_xlsx_org_name(&c, r->query_vals[XF_QN_ORG].i);
	char y[8];
	snprintf(y, sizeof y, "%d", year);
	const char *const filters[] = {"组织", org ? org : XF_XLSX_ALL_ORGS,
	                               "年度", y};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("晒绩榜", heads, widths, "晒绩榜.xlsx");
	xf_xlsx_list_reply(r, c.now, &sheet,
	                   xf_xlsx_title(r, org, y, "年度挂图作战晒绩榜"),
	                   filters, 2, n, rank_cells, k);
}

static const xf_field accept_fields[] = {
    {"score", XF_F_INT, 1, 0, 0, 100, NULL, "验收得分"},
    {"comment", XF_F_STR, 0, 1, 0, 2000, NULL, "验收意见"},
};
const xf_body_table xf_tasks_accept_body = XF_BODY_TABLE(accept_fields);

/* POST /api/tasks/{id}/acceptance {"score","comment"}: 201. */
XF_ID_HANDLER(xf_h_tasks_accept, const xf_val *v = r->body_vals;
              xf_acceptance x;
              xf_task t,
              xf_task_accept(&c, id, (int)v[0].i, v[1].is_null ? NULL : v[1].s,
                             &x, &t),
              XF_ANSWER(r, 201, xf_acceptance_json, &x, &t,
                        t.done_on ? xf_task_done_on_time(&t) : 0))

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_tasks_bodies[] = {
    XF_BODY("POST /api/tasks", "milestones[]", ms_create_fields),
    XF_BODY("POST /api/tasks/{id}/progress", "evidence[]", evidence_fields),
    {0},
};
