/*
 * register.c (api) - the yearly attendance register of an organization
 * (出席登记簿): GET /api/attendance/register as JSON, and
 * GET /api/attendance/register.xlsx as the familiar paper grid in Excel
 * (libxlsxwriter): members x meetings grouped by kind, the marks
 * √ # ○ ★ △ ×, counts per member, a legend, 宋体, A4 landscape.
 */
#include "api/meetings.h"

#include "api/api.h"
#include "api/input.h"
#include "api/register.h"
#include "api/xlsx.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/compliance.h"
#include "domain/files.h"
#include "model/fields.h"
#include "service/register.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

/* ?org=&year= of both forms: this year in Shanghai by default. */
const xf_query_table xf_attendance_register_query =
    XF_QUERY_TABLE(xf_org_year_now_params);

/* Builds the register of the checked query; 0, or -1 with the answer
 * written. */
static int load(xf_req *r, xf_register *reg)
{
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return -1;
	if (xf_api_failed(r, &c,
	                  xf_register_year(&c, r->query_vals[XF_QN_ORG].i,
	                                   (int)r->query_vals[XF_QN_YEAR].i,
	                                   reg)))
		return -1;
	return 0;
}

static void counts_obj(xf_jw *w, const int *counts)
{
	xf_jw_obj(w);
	for (int k = 0; k < XF_ATTENDANCE_STATUSES; k++)
		xf_jw_kint(w, xf_attendance_status_name(k), counts[k]);
	xf_jw_obj_end(w);
}

static const xf_jfield reg_meeting_fields[] = {
    XF_JF(I64, xf_reg_meeting, "id", id),
    XF_JF(STR, xf_reg_meeting, "kind", kind),
    XF_JF(STR, xf_reg_meeting, "held_on", held_on),
    XF_JF(STR, xf_reg_meeting, "topic", topic),
    XF_JF(I64, xf_reg_meeting, "org_id", org_id),
    XF_JF(STR, xf_reg_meeting, "org_name", org_name),
};

static const xf_jfield reg_member_fields[] = {
    XF_JF(I64, xf_reg_member, "member_id", id),
    XF_JF(STR, xf_reg_member, "name", name),
    XF_JF(I64, xf_reg_member, "org_id", org_id),
    XF_JF(STR, xf_reg_member, "org_name", org_name),
};

/* GET /api/attendance/register?org=&year= */
void xf_h_attendance_register(xf_req *r)
{
	xf_register g;
	if (load(r, &g) != 0)
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kint(&w, "org_id", g.org.id);
	xf_jw_kstr(&w, "org_name", g.org.name);
	xf_jw_kint(&w, "year", g.year);
	xf_jw_key(&w, "legend");
	xf_jw_arr(&w);
	for (int k = 0; k < XF_ATTENDANCE_STATUSES; k++) {
		xf_jw_obj(&w);
		xf_jw_kstr(&w, "status", xf_attendance_status_name(k));
		xf_jw_kstr(&w, "mark", xf_attendance_status_mark(k));
		xf_jw_kstr(&w, "title", xf_attendance_status_title(k));
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "groups");
	xf_jw_arr(&w);
	for (int i = 0; i < g.ngroups; i++) {
		xf_jw_obj(&w);
		xf_jw_kstr(&w, "kind", xf_meeting_kind_name(g.groups[i].kind));
		xf_jw_kstr(&w, "kind_name",
		           xf_meeting_kind_title(g.groups[i].kind));
		xf_jw_kint(&w, "first", g.groups[i].first);
		xf_jw_kint(&w, "count", g.groups[i].count);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	XF_JW_RECORDS(&w, "meetings", g.meetings, g.nmeetings,
	              reg_meeting_fields);
	xf_jw_key(&w, "members");
	xf_jw_arr(&w);
	for (int i = 0; i < g.nmembers; i++) {
		const xf_reg_member *m = &g.members[i];
		const signed char *st =
		    g.status + (size_t)i * (size_t)g.nmeetings;
		xf_jw_obj(&w);
		XF_JW_FIELDS(&w, m, reg_member_fields);
		xf_jw_key(&w, "marks");
		xf_jw_arr(&w);
		for (int j = 0; j < g.nmeetings; j++)
			xf_jw_str(&w, st[j] < 0
			                  ? NULL
			                  : xf_attendance_status_mark(st[j]));
		xf_jw_arr_end(&w);
		xf_jw_key(&w, "counts");
		counts_obj(&w, g.counts[i]);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "totals");
	counts_obj(&w, g.totals);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

/* ---- Excel -------------------------------------------------------------- */

/* Fixed columns before the meetings: 序号, 姓名, 所在组织. */
#define FIXED 3

/* Writes the register as a worksheet; 0 or -1. */
static int write_sheet(lxw_workbook *wb, const xf_register *g,
                       const char *today, xf_arena *a)
{
	xf_xlsx_formats f;
	xf_xlsx_formats_make(wb, &f);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "出席登记簿");
	if (!ws)
		return -1;
	int nm = g->nmeetings;
	lxw_col_t stats = (lxw_col_t)(FIXED + nm);
	lxw_col_t last = (lxw_col_t)(stats + XF_ATTENDANCE_STATUSES - 1);
	/* A4 landscape, one page wide, headers repeated on every page */
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
	worksheet_center_horizontally(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 2, 3);
	worksheet_set_footer(ws, "&C&\"宋体\"&9第 &P 页，共 &N 页");
	worksheet_freeze_panes(ws, 4, FIXED);

	worksheet_set_column(ws, 0, 0, 5, NULL);
	worksheet_set_column(ws, 1, 1, 9, NULL);
	worksheet_set_column(ws, 2, 2, 14, NULL);
	if (nm > 0)
		worksheet_set_column(ws, FIXED, (lxw_col_t)(FIXED + nm - 1),
		                     5.5, NULL);
	worksheet_set_column(ws, stats, last, 4.5, NULL);

	char *title = xf_arena_printf(a, "%s %d 年度党员出席会议登记簿",
	                              g->org.name, g->year);
	char *sub = xf_arena_printf(a, "党组织：%s　　年度：%d　　制表日期：%s",
	                            g->org.name, g->year, today);
	if (!title || !sub)
		return -1;
	worksheet_set_row(ws, 0, 30, NULL);
	worksheet_merge_range(ws, 0, 0, 0, last, title, f.title);
	worksheet_merge_range(ws, 1, 0, 1, last, sub, f.subtitle);

	worksheet_set_row(ws, 2, 30, NULL);
	worksheet_set_row(ws, 3, 30, NULL);
	worksheet_merge_range(ws, 2, 0, 3, 0, "序号", f.head);
	worksheet_merge_range(ws, 2, 1, 3, 1, "姓名", f.head);
	worksheet_merge_range(ws, 2, 2, 3, 2, "所在组织", f.head);
	for (int i = 0; i < g->ngroups; i++) {
		const xf_register_group *gr = &g->groups[i];
		lxw_col_t c0 = (lxw_col_t)(FIXED + gr->first);
		lxw_col_t c1 = (lxw_col_t)(c0 + gr->count - 1);
		const char *kt = xf_meeting_kind_title(gr->kind);
		if (c1 > c0)
			worksheet_merge_range(ws, 2, c0, 2, c1, kt, f.head);
		else
			worksheet_write_string(ws, 2, c0, kt, f.head);
	}
	for (int j = 0; j < nm; j++) {
		const char *d = g->meetings[j].held_on; /* YYYY-MM-DD */
		char md[8];
		snprintf(md, sizeof md, "%.2s-%.2s", d + 5, d + 8);
		worksheet_write_string(ws, 3, (lxw_col_t)(FIXED + j), md,
		                       f.head);
	}
	worksheet_merge_range(ws, 2, stats, 2, last, "出勤统计（次）", f.head);
	for (int k = 0; k < XF_ATTENDANCE_STATUSES; k++) {
		char *h =
		    xf_arena_printf(a, "%s\n%s", xf_attendance_status_mark(k),
		                    xf_attendance_status_title(k));
		if (!h)
			return -1;
		worksheet_write_string(ws, 3, (lxw_col_t)(stats + k), h,
		                       f.head);
	}

	lxw_row_t row = 4;
	for (int i = 0; i < g->nmembers; i++, row++) {
		const signed char *st = g->status + (size_t)i * (size_t)nm;
		worksheet_write_number(ws, row, 0, i + 1, f.cell);
		xf_xlsx_text(ws, row, 1, g->members[i].name, f.name);
		xf_xlsx_text(ws, row, 2, g->members[i].org_name, f.name);
		for (int j = 0; j < nm; j++)
			worksheet_write_string(
			    ws, row, (lxw_col_t)(FIXED + j),
			    st[j] < 0 ? "" : xf_attendance_status_mark(st[j]),
			    f.cell);
		for (int k = 0; k < XF_ATTENDANCE_STATUSES; k++)
			worksheet_write_number(ws, row, (lxw_col_t)(stats + k),
			                       g->counts[i][k], f.cell);
	}
	if (g->nmembers == 0) {
		worksheet_merge_range(ws, row, 0, row, last, "（无党员）",
		                      f.cell);
		row++;
	}

	char legend[512];
	size_t n = (size_t)snprintf(legend, sizeof legend, "说明：");
	for (int k = 0; k < XF_ATTENDANCE_STATUSES && n < sizeof legend; k++)
		n += (size_t)snprintf(legend + n, sizeof legend - n, "%s %s　",
		                      xf_attendance_status_mark(k),
		                      xf_attendance_status_title(k));
	if (n < sizeof legend)
		snprintf(legend + n, sizeof legend - n,
		         "；空白为未记录。表头日期为会议召开日期（月-日）。");
	worksheet_set_row(ws, row + 1, 28, NULL);
	worksheet_merge_range(ws, row + 1, 0, row + 1, last, legend, f.legend);
	return 0;
}

typedef struct sheet_arg {
	const xf_register *g;
	const char *today;
	xf_arena *a;
} sheet_arg;

static int write_book(lxw_workbook *wb, void *arg)
{
	const sheet_arg *s = arg;
	return write_sheet(wb, s->g, s->today, s->a);
}

/* GET /api/attendance/register.xlsx?org=&year= */
void xf_h_attendance_register_xlsx(xf_req *r)
{
	xf_register g;
	if (load(r, &g) != 0)
		return;
	char today[11];
	xf_date_format(xf_date_today(time(NULL)), today);
	sheet_arg arg = {&g, today, &r->arena};
	char fallback[64];
	snprintf(fallback, sizeof fallback, "%d年度出席登记簿.xlsx", g.year);
	xf_xlsx_reply(r,
	              xf_arena_printf(&r->arena, "%s%d年度出席登记簿.xlsx",
	                              g.org.name, g.year),
	              fallback, "党员出席会议登记簿", write_book, &arg);
}
