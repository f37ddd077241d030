/*
 * meetings.c (api) - /api/meetings with their measures and attendance,
 * /api/measures and /api/talks: field tables, query parameters, answers.
 */
#include "api/meetings.h"
#include "api/page.h"
#include "api/xlsx.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/compliance.h"
#include "model/fields.h"
#include "model/meeting.h"
#include "service/attendance.h"
#include "service/measures.h"
#include "service/meetings.h"
#include "service/talks.h"

#include <string.h>

enum {
	F_ORG,
	F_KIND,
	F_HELD_AT,
	F_MAKEUP,
	F_PLACE,
	F_TOPIC,
	F_HOST,
	F_RECORDER,
	F_LECTURER,
	F_AGENDA,
	F_MINUTES,
	F_FIRST_TOPIC,
	F_COUNT
};

#define MEETING_FIELDS(req)                                                      \
	{                                                                        \
		{"org_id", XF_F_ID, req, 0, 0, 0, NULL, "所属组织"},             \
		    {"kind", XF_F_ENUM,        req,       0, 0,                  \
		     0,      xf_meeting_kinds, "会议类型"},                      \
		    {"held_at", XF_F_STR, req, 0, 1, 40, NULL, "会议时间"},      \
		    {"makeup_for", XF_F_STR, 0, 1, 0, 10, NULL, "补开所属期间"}, \
		    {"place", XF_F_STR, 0, 1, 0, 200, NULL, "会议地点"},         \
		    {"topic", XF_F_STR, req, 0, 1, 200, NULL, "会议主题"},       \
		    {"host", XF_F_STR, 0, 1, 0, 50, NULL, "主持人"},             \
		    {"recorder", XF_F_STR, 0, 1, 0, 50, NULL, "记录人"},         \
		    {"lecturer", XF_F_STR, 0, 1, 0, 50, NULL, "授课人"},         \
		    {"agenda", XF_F_STR, 0, 1, 0, 5000, NULL, "会议议程"},       \
		    {"minutes", XF_F_STR, 0, 1, 0, 20000, NULL, "会议记录"},     \
		    {"first_topic", XF_F_OBJECT, 0, 1, 0, 0, NULL, "第一议题"},  \
	}

static const xf_field create_fields[F_COUNT] = MEETING_FIELDS(1);
const xf_body_table xf_meetings_create_body = XF_BODY_TABLE(create_fields);

static const xf_field patch_fields[F_COUNT] = MEETING_FIELDS(0);
const xf_body_table xf_meetings_patch_body = XF_BODY_TABLE(patch_fields);

enum { FT_TITLE, FT_SOURCE, FT_SPEECH, FT_DISCUSSION, FT_COUNT };
static const xf_field ft_fields[FT_COUNT] = {
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "第一议题学习内容"},
    {"source", XF_F_STR, 0, 1, 0, 200, NULL, "出处"},
    {"speech_date", XF_F_DATE, 0, 1, 0, 0, NULL, "讲话日期"},
    {"discussion", XF_F_STR, 0, 1, 0, 5000, NULL, "研讨情况"},
};

/*
 * Reads the body of a meeting, checked against create_fields or
 * patch_fields, into in: the flat fields, and the nested "first_topic"
 * object (or null) against ft_fields. Returns 0, or -1 with the error
 * answer written.
 */
static int meeting_body(xf_req *r, xf_meeting_input *in)
{
	const xf_val *v = r->body_vals;
	if (v[F_FIRST_TOPIC].present) {
		in->has_first_topic = 1;
		xf_val f[FT_COUNT];
		if (!v[F_FIRST_TOPIC].is_null) {
			if (xf_input_object(r, v[F_FIRST_TOPIC].j, ft_fields,
			                    FT_COUNT, f, "first_topic") != 0)
				return -1;
			in->ft_title = f[FT_TITLE].s;
			in->ft_source =
			    f[FT_SOURCE].is_null ? NULL : f[FT_SOURCE].s;
			in->ft_speech_date =
			    f[FT_SPEECH].is_null ? NULL : f[FT_SPEECH].s;
			in->ft_discussion = f[FT_DISCUSSION].is_null
			                        ? NULL
			                        : f[FT_DISCUSSION].s;
		}
	}
	XF_TAKE_STR(in, kind, v[F_KIND]);
	XF_TAKE_STR(in, held_at, v[F_HELD_AT]);
	XF_TAKE_STR(in, makeup_for, v[F_MAKEUP]);
	XF_TAKE_STR(in, place, v[F_PLACE]);
	XF_TAKE_STR(in, topic, v[F_TOPIC]);
	XF_TAKE_STR(in, host, v[F_HOST]);
	XF_TAKE_STR(in, recorder, v[F_RECORDER]);
	XF_TAKE_STR(in, lecturer, v[F_LECTURER]);
	XF_TAKE_STR(in, agenda, v[F_AGENDA]);
	XF_TAKE_STR(in, minutes, v[F_MINUTES]);
	XF_TAKE_INT(in, org_id, v[F_ORG]);
	return 0;
}

static void answer_meeting(xf_req *r, int status, const xf_meeting *m,
                           const xf_measure *ms, int n)
{
	static const xf_measure none;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_meeting_facts f = xf_meeting_facts_of(m);
	xf_meeting_json(&w, m, &f, ms ? ms : &none, n);
	xf_reply_json(r, status);
}

/* POST /api/meetings: records a meeting; 201 with it. */
XF_READ_HANDLER(xf_h_meetings_create, xf_meeting_input in = {0};
                xf_meeting m, meeting_body(r, &in),
                xf_meeting_create(&c, &in, &m),
                answer_meeting(r, 201, &m, NULL, 0))

/* Changes meeting id by in, then reads it back with its measures. */
static int update_read(xf_ctx *c, int64_t id, const xf_meeting_input *in,
                       xf_meeting *m, xf_measure **ms, int *n)
{
	int rc = xf_meeting_update(c, id, in, m);
	return rc != XF_OK ? rc : xf_meeting_read(c, id, m, ms, n);
}

XF_ID_READ_HANDLER(xf_h_meetings_patch, xf_meeting_input in = {0}; xf_meeting m;
                   xf_measure * ms; int n, meeting_body(r, &in),
                                    update_read(&c, id, &in, &m, &ms, &n),
                                    answer_meeting(r, 200, &m, ms, n))

XF_ID_HANDLER(xf_h_meetings_get, xf_meeting m; xf_measure * ms;
              int n, xf_meeting_read(&c, id, &m, &ms, &n),
              answer_meeting(r, 200, &m, ms, n))

XF_ID_OK_HANDLER(xf_h_meetings_delete, xf_meeting_remove(&c, id))

/* ?page=&size=&org=&kind=&period=&subtree= (the .xlsx: all pages) */
enum { ML_PAGE, ML_SIZE, ML_ORG, ML_KIND, ML_PERIOD, ML_SUBTREE };
static const xf_param list_params[] = {
    XF_PARAM_PAGE,   XF_PARAM_SIZE,
    XF_PARAM_ORG,    {.name = "kind", .type = XF_Q_STR, .max = 30},
    XF_PARAM_PERIOD, XF_PARAM_SUBTREE,
};
const xf_query_table xf_meetings_list_query = XF_QUERY_TABLE(list_params);

/* The meetings of the list's query from offset (at most limit); 0, or -1
 * with the answer written. */
static int load_list(xf_req *r, xf_ctx *c, int offset, int limit,
                     xf_meeting_page *p)
{
	const xf_val *q = r->query_vals;
	if (xf_api_ctx(r, c) != 0)
		return -1;
	if (xf_api_failed(r, c,
	                  xf_meeting_list(c, q[ML_ORG].i, (int)q[ML_SUBTREE].i,
	                                  q[ML_KIND].s, q[ML_PERIOD].s, offset,
	                                  limit, p)))
		return -1;
	return 0;
}

void xf_h_meetings_list(xf_req *r)
{
	int offset, limit;
	xf_ctx c;
	xf_meeting_page p;
	xf_query_page(r, &offset, &limit);
	if (load_list(r, &c, offset, limit, &p) != 0)
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < p.n; i++) {
		xf_meeting_facts f = xf_meeting_facts_of(&p.items[i]);
		xf_meeting_json(&w, &p.items[i], &f, NULL, 0);
	}
	xf_page_end(r, &w, p.total);
}

static void meeting_cells(void *arg, int i, xf_xlsx_cell *cells)
{
	const xf_meeting *m = &((const xf_meeting_page *)arg)->items[i];
	xf_meeting_facts f = xf_meeting_facts_of(m);
	const char *text[] = {
	    NULL,          m->held_on,
	    m->org_name,   f.kind_name,
	    m->topic,      m->place,
	    m->host,       m->recorder,
	    m->lecturer,   f.first_topic_missing ? "未记录" : m->ft_title,
	    m->makeup_for,
	};
	cells[0] = (xf_xlsx_cell){NULL, i + 1, 0};
	for (int j = 1; j < (int)(sizeof text / sizeof text[0]); j++)
		cells[j] = (xf_xlsx_cell){text[j], 0, -1};
	cells[11] = (xf_xlsx_cell){NULL, (double)m->attendees, 0};
}

/* GET /api/meetings.xlsx: the meetings of the list's query (all pages)
 * in Excel. */
void xf_h_meetings_xlsx(xf_req *r)
{
	const xf_val *q = r->query_vals;
	xf_ctx c;
	xf_meeting_page p;
	if (load_list(r, &c, 0, XF_XLSX_MAX_ROWS, &p) != 0 ||
	    xf_xlsx_rows_fit(r, p.total) != 0)
		return;
	static const char *const heads[] = {
	    "序号",   "召开日期", "组织",   "会议类型", "会议主题", "地点",
	    "主持人", "记录人",   "授课人", "第一议题", "补开期间", "出席人数"};
	static const double widths[] = {6,  12, 24, 14, 30, 16,
	                                10, 10, 10, 30, 10, 10};
	const char *org = xf_xlsx_org_name(&c, q[ML_ORG].i);
	const char *const filters[] = {
	    "组织",
	    org ? org : XF_XLSX_ALL_ORGS,
	    "范围",
	    q[ML_SUBTREE].i ? "含下级组织" : NULL,
	    "会议类型",
	    q[ML_KIND].present ? xf_code_label(xf_meeting_kinds, q[ML_KIND].s)
	                       : NULL,
	    "期间",
	    q[ML_PERIOD].s};
	static const xf_xlsx_sheet sheet =
	    XF_XLSX_SHEET("会议记录", heads, widths, "会议记录.xlsx");
	xf_xlsx_list_reply(r, c.now, &sheet,
	                   xf_xlsx_title(r, org, NULL, "组织生活会议记录"),
	                   filters, 4, p.n, meeting_cells, &p);
}

/* ---- attendance ------------------------------------------------------------
 */

static const xf_jfield attendee_json_fields[] = {
    XF_JF(I64, xf_attendee, "member_id", member_id),
    XF_JF(STR, xf_attendee, "name", name),
    XF_JF(I64, xf_attendee, "org_id", org_id),
    XF_JF(STR, xf_attendee, "org_name", org_name),
    XF_JF(STR, xf_attendee, "status", status),
};

static void answer_register(xf_req *r, const xf_meeting *m,
                            const xf_attendee *e, int n)
{
	static const char *const order[] = {"present",        "late",
	                                    "sick_leave",     "official_leave",
	                                    "personal_leave", "absent"};
	int counts[6] = {0}, unrecorded = 0;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "meeting_id", m->id);
	xf_jw_kstr(&w, "kind", m->kind);
	xf_jw_kstr(&w, "held_on", m->held_on);
	xf_jw_key(&w, "items");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++) {
		xf_jw_obj(&w);
		XF_JW_FIELDS(&w, &e[i], attendee_json_fields);
		xf_jw_kstr(&w, "mark",
		           e[i].status ? xf_attendance_mark(e[i].status)
		                       : NULL);
		xf_jw_obj_end(&w);
		int k = 0;
		while (k < 6 && (!e[i].status || strcmp(e[i].status, order[k])))
			k++;
		if (k < 6)
			counts[k]++;
		else
			unrecorded++;
	}
	xf_page_items_end(&w, n);
	xf_jw_key(&w, "summary");
	xf_jw_obj(&w);
	xf_jw_kint(&w, "expected", n);
	for (int k = 0; k < 6; k++)
		xf_jw_kint(&w, order[k], counts[k]);
	xf_jw_kint(&w, "unrecorded", unrecorded);
	xf_jw_obj_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

XF_ID_HANDLER(xf_h_meetings_attendance_get, xf_meeting m; xf_attendee * e;
              int n, xf_attendance_read(&c, id, &m, &e, &n),
              answer_register(r, &m, e, n))

static const xf_field attendance_fields[] = {
    {"items", XF_F_ARRAY, 1, 0, 0, XF_ATTENDANCE_MAX, NULL, "出席情况"},
};
const xf_body_table xf_meetings_attendance_put_body =
    XF_BODY_TABLE(attendance_fields);

static const xf_field attendee_fields[] = {
    {"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
    {"status", XF_F_ENUM, 1, 0, 0, 0, xf_attendance_statuses, "出席情况"},
};

void xf_h_meetings_attendance_put(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	int64_t id;
	int n;
	if (xf_input_path_id(r, 0, &id) != 0)
		return;
	xf_attendance_item *items;
	const xf_val *f = xf_input_items(r, v[0].j, "items", attendee_fields, 2,
	                                 &n, &items, sizeof *items);
	if (!f)
		return;
	for (int i = 0; i < n; i++, f += 2)
		items[i] = (xf_attendance_item){f[0].i, f[1].s};
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_meeting m;
	xf_attendee *e;
	int ne;
	if (!xf_api_failed(r, &c, xf_attendance_write(&c, id, items, n)) &&
	    !xf_api_failed(r, &c, xf_attendance_read(&c, id, &m, &e, &ne)))
		answer_register(r, &m, e, ne);
}

/* ---- measures ------------------------------------------------------------ */

enum { M_TITLE, M_OWNER, M_DUE, M_DONE, M_COUNT };
#define MEASURE_FIELDS(req)                                                    \
	{                                                                      \
		{"title", XF_F_STR, req, 0, 1, 500, NULL, "举措内容"},         \
		    {"owner", XF_F_STR, req, 0, 1, 50, NULL, "责任人"},        \
		    {"due_on", XF_F_DATE, req, 0, 0, 0, NULL, "完成时限"},     \
		    {"done_on", XF_F_DATE, 0, 1, 0, 0, NULL, "完成日期"},      \
	}
static const xf_field measure_create_fields[M_COUNT] = MEASURE_FIELDS(1);
const xf_body_table xf_measures_create_body =
    XF_BODY_TABLE(measure_create_fields);

static const xf_field measure_patch_fields[M_COUNT] = MEASURE_FIELDS(0);
const xf_body_table xf_measures_patch_body =
    XF_BODY_TABLE(measure_patch_fields);

/* The measure of the request's body in *in (zeroed first); returns in. */
static const xf_measure_input *measure_input(const xf_req *r,
                                             xf_measure_input *in)
{
	const xf_val *v = r->body_vals;
	*in = (xf_measure_input){0};
	XF_TAKE_STR(in, title, v[M_TITLE]);
	XF_TAKE_STR(in, owner, v[M_OWNER]);
	XF_TAKE_STR(in, due_on, v[M_DUE]);
	XF_TAKE_STR(in, done_on, v[M_DONE]);
	return in;
}

XF_ID_HANDLER(xf_h_measures_create, xf_measure_input in;
              xf_measure m,
              xf_measure_create(&c, id, measure_input(r, &in), &m),
              XF_ANSWER(r, 201, xf_measure_json, &m))

XF_ID_HANDLER(xf_h_measures_patch, xf_measure_input in;
              xf_measure m,
              xf_measure_update(&c, id, measure_input(r, &in), &m),
              XF_ANSWER(r, 200, xf_measure_json, &m))

XF_ID_OK_HANDLER(xf_h_measures_delete, xf_measure_remove(&c, id))

/* ?page=&size=&org= */
const xf_query_table xf_measures_list_query =
    XF_QUERY_TABLE(xf_org_page_params);

void xf_h_measures_list(xf_req *r)
{
	int offset, limit, n;
	int64_t total;
	xf_ctx c;
	xf_measure *ms;
	xf_query_page(r, &offset, &limit);
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_measure_open_list(&c, r->query_vals[XF_QP_ORG].i,
	                                       offset, limit, &ms, &n, &total)))
		return;
	char today[11];
	xf_date_format(xf_date_today(c.now), today);
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++)
		xf_measure_json(&w, &ms[i]);
	xf_page_items_end(&w, total);
	xf_jw_kstr(&w, "today", today);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* ---- talks ------------------------------------------------------------- */

static const xf_jfield talk_due_fields[] = {
    XF_JF(I64, xf_talk_due, "member_id", member_id),
    XF_JF(STR, xf_talk_due, "name", name),
    XF_JF(I64, xf_talk_due, "org_id", org_id),
    XF_JF(STR, xf_talk_due, "org_name", org_name),
    XF_JF(INT, xf_talk_due, "absences", streak),
    XF_JF(STR, xf_talk_due, "since", since),
    XF_JF(STR, xf_talk_due, "last_absent_on", last_absent_on),
    XF_JF(STR, xf_talk_due, "last_talk_on", last_talk_on),
};

/* A member due a talk. */
static void talk_due_json(xf_jw *w, const xf_talk_due *d)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, d, talk_due_fields);
	xf_jw_obj_end(w);
}

/* ?org= */
static const xf_param due_params[] = {XF_PARAM_ORG};
const xf_query_table xf_talks_due_query = XF_QUERY_TABLE(due_params);

XF_ITEMS_HANDLER(xf_h_talks_due, xf_talk_due, talk_due_json,
                 xf_talks_due(&c, r->query_vals[0].i, XF_ITEMS_OUT))

static const xf_field talk_fields[] = {
    {"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
    {"held_on", XF_F_DATE, 1, 0, 0, 0, NULL, "谈话日期"},
    {"notes", XF_F_STR, 1, 0, 1, 5000, NULL, "谈话记录"},
};
const xf_body_table xf_talks_create_body = XF_BODY_TABLE(talk_fields);

XF_CTX_HANDLER(xf_h_talks_create, const xf_val *v = r->body_vals;
               xf_talk t, xf_talk_create(&c, v[0].i, v[1].s, v[2].s, &t),
               XF_ANSWER(r, 201, xf_talk_json, &t))

/* ?page=&size=&org=&member= */
enum { TL_MEMBER = XF_QP_ORG + 1 };
static const xf_param talk_list_params[] = {
    XF_PARAMS_ORG_PAGE,
    {.name = "member", .type = XF_Q_ID},
};
const xf_query_table xf_talks_list_query = XF_QUERY_TABLE(talk_list_params);

XF_LIST_HANDLER(xf_h_talks_list, xf_talk, xf_talk_json,
                xf_talk_list(&c, q[XF_QP_ORG].i, q[TL_MEMBER].i, XF_LIST_OUT))

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_meetings_bodies[] = {
    XF_BODY("POST /api/meetings", "first_topic", ft_fields),
    XF_BODY("PATCH /api/meetings/{id}", "first_topic", ft_fields),
    XF_BODY("PUT /api/meetings/{id}/attendance", "items[]", attendee_fields),
    {0},
};
