/*
 * annual_report.c (service) - the year's report (年度党建工作报告) of a
 * subtree: calls the services that the boards of the API use, for the
 * caller's scope and the year, and writes their figures into a neutral
 * document (model/report_doc.h). No query of its own: every figure is
 * the one its board answers.
 */
#include "service/annual_report.h"

#include "base/buf.h"
#include "base/date.h"
#include "domain/codes.h"
#include "domain/members.h"
#include "domain/orgs.h"
#include "service/assessments.h"
#include "service/compliance.h"
#include "service/duties.h"
#include "service/honors.h"
#include "service/meetings.h"
#include "service/orgs.h"
#include "service/reviews.h"
#include "service/star_ratings.h"
#include "service/task_board.h"

#include <stdio.h>
#include <string.h>

static const char *const numerals[] = {"一", "二", "三", "四", "五",
                                       "六", "七", "八", "九", "十"};

const char *xf_annual_section_label(int i, char *out, size_t outsz)
{
	if (i >= 0 && i < 10)
		snprintf(out, outsz, "%s、", numerals[i]);
	else
		snprintf(out, outsz, "%d. ", i + 1);
	return out;
}

/* Adds the heading "N、title" and moves the section number on. */
static int heading(xf_report_doc *d, int *section, const char *title)
{
	char label[16], text[256];
	xf_annual_section_label((*section)++, label, sizeof label);
	snprintf(text, sizeof text, "%s%s", label, title);
	return xf_rdoc_heading(d, text);
}

static int64_t count_of(const xf_count *t, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (t[i].key && strcmp(t[i].key, key) == 0)
			return t[i].n;
	return 0;
}

/* 一、组织和党员 */
static int orgs_section(xf_ctx *c, const xf_org *root, const char *today,
                        xf_report_doc *d, int *section)
{
	xf_org_stats s;
	int rc = xf_org_count(c, root->id, &s);
	if (rc != XF_OK)
		return rc;
	heading(d, section, "组织和党员基本情况");
	xf_rdoc_paragraph(
	    d,
	    "截至%s，%s共有党组织%lld个，党员%lld名，其中正式党员%lld名、"
	    "预备党员%lld名。",
	    today, root->name, (long long)s.orgs, (long long)s.members,
	    (long long)count_of(s.by_status, s.nstatus, "full"),
	    (long long)count_of(s.by_status, s.nstatus, "probationary"));
	static const char *const head[] = {"组织类型", "数量（个）"};
	xf_rtable *t = xf_rdoc_table(d, 2, head);
	for (int i = 0; t && xf_org_kinds[i].code; i++) {
		int64_t n = count_of(s.by_kind, s.nkind, xf_org_kinds[i].code);
		if (!n)
			continue;
		char num[24];
		snprintf(num, sizeof num, "%lld", (long long)n);
		const char *row[] = {xf_org_kinds[i].label, num};
		xf_rtable_row(d, t, row);
	}
	return XF_OK;
}

/* 二、组织生活: the year's compliance board of the subtree. */
static int compliance_section(xf_ctx *c, const xf_org *root, int year,
                              xf_report_doc *d, int *section)
{
	char period[12];
	snprintf(period, sizeof period, "%d", year);
	xf_supervision b;
	int rc = xf_compliance_board(c, root->id, period, &b);
	if (rc != XF_OK)
		return rc;
	const xf_compliance_sum *s = &b.total;
	if (s->orgs == 0 || (s->required == 0 && s->ft_meetings == 0))
		return XF_OK;
	char r1[16], r2[16], r3[16];
	heading(d, section, "组织生活（三会一课、第一议题）");
	xf_rdoc_paragraph(
	    d,
	    "%d年度，纳入组织生活统计的党组织%d个，应开会议%d次，已开%d次，"
	    "完成率%s；三会一课应开%d次，已开%d次，完成率%s；应落实"
	    "第一议题的会议%d次，已落实%d次，第一议题落实率%s。",
	    year, s->orgs, s->required, s->held,
	    xf_rate_text(s->held, s->required, r1, sizeof r1),
	    s->sanhui_required, s->sanhui_held,
	    xf_rate_text(s->sanhui_held, s->sanhui_required, r2, sizeof r2),
	    s->ft_meetings, s->ft_recorded,
	    xf_rate_text(s->ft_recorded, s->ft_meetings, r3, sizeof r3));
	xf_rdoc_paragraph(d,
	                  "全年组织生活达标（绿色）的党组织%d个，补开（黄色）"
	                  "%d个，待开%d个，滞后（红色）%d个。",
	                  s->green, s->yellow, s->due, s->red);
	static const char *const head[] = {"组织", "应开", "已开",
	                                   "三会一课完成率", "第一议题落实率"};
	xf_rtable *t = xf_rdoc_table(d, 5, head);
	xf_rchart *ch = xf_rdoc_chart(d, "三会一课完成率（按组织）", "%", 100);
	for (int i = 0; t && ch && i < b.nrows; i++) {
		const xf_supervision_row *row = &b.rows[i];
		const xf_compliance_sum *x = &row->sum;
		if (x->orgs == 0)
			continue;
		char req[16], held[16], a[16], f[16];
		snprintf(req, sizeof req, "%d", x->required);
		snprintf(held, sizeof held, "%d", x->held);
		const char *name =
		    row->self
		        ? xf_arena_printf(c->a, "%s（本级）", row->org->name)
		        : row->org->name;
		const char *cells[] = {
		    name, req, held,
		    xf_rate_text(x->sanhui_held, x->sanhui_required, a,
		                 sizeof a),
		    xf_rate_text(x->ft_recorded, x->ft_meetings, f, sizeof f)};
		xf_rtable_row(d, t, cells);
		if (x->sanhui_required > 0)
			xf_rchart_bar(
			    d, ch, name,
			    xf_rate_value(x->sanhui_held, x->sanhui_required));
	}
	if (b.nlagging) {
		xf_buf names;
		xf_buf_init(&names, 4096);
		for (int i = 0; i < b.nlagging && i < 20; i++) {
			if (i)
				xf_buf_adds(&names, "、");
			xf_buf_adds(&names, b.lagging[i]->org->name);
		}
		xf_rdoc_paragraph(d, "组织生活滞后、需督导的党组织：%s%s。",
		                  names.data ? names.data : "",
		                  b.nlagging > 20 ? "等" : "");
		xf_buf_free(&names);
	}
	return XF_OK;
}

/* Writes permille as "87.5%", or "—" when negative (nothing due). */
static const char *permille_text(int permille, char *out, size_t outsz)
{
	if (permille < 0)
		snprintf(out, outsz, "—");
	else
		snprintf(out, outsz, "%d.%d%%", permille / 10, permille % 10);
	return out;
}

/* The name of row i of the task board: with its parent's name when
 * another row has the same name (many branches are 第一党支部). */
static const char *task_org_name(xf_ctx *c, const xf_task_rank *k, int n, int i)
{
	const xf_task_tally *t = &k[i].t;
	for (int j = 0; j < n; j++)
		if (j != i && t->org_parent_name &&
		    strcmp(k[j].t.org_name, t->org_name) == 0)
			return xf_arena_printf(c->a, "%s（%s）", t->org_name,
			                       t->org_parent_name);
	return t->org_name;
}

/* 三、挂图作战: the 晒绩 board with its acceptance figures; the table
 * lists the first TASK_ROWS organizations of the board. */
#define TASK_ROWS 30
static int tasks_section(xf_ctx *c, const xf_org *root, int year,
                         xf_report_doc *d, int *section)
{
	xf_task_rank *k;
	int n;
	int rc = xf_task_board(c, root->id, year, &k, &n);
	if (rc != XF_OK)
		return rc;
	int64_t tasks = 0, done = 0, on_time = 0, due = 0, overdue = 0,
	        accepted = 0, score_sum = 0;
	for (int i = 0; i < n; i++) {
		tasks += k[i].t.tasks;
		done += k[i].t.done;
		on_time += k[i].t.on_time;
		due += k[i].t.due;
		overdue += k[i].t.overdue;
		accepted += k[i].t.accepted;
		score_sum += k[i].t.score_sum;
	}
	if (tasks == 0)
		return XF_OK;
	char r1[16];
	heading(d, section, "重点任务（挂图作战、晒绩评定）");
	xf_rdoc_paragraph(
	    d,
	    "%d年度，共部署重点任务%lld项，已完成%lld项，其中按时完成%lld项；"
	    "已到期任务%lld项，按时完成率%s；逾期未完成%lld项。年终考核验收"
	    "%lld项%s。",
	    year, (long long)tasks, (long long)done, (long long)on_time,
	    (long long)due, xf_rate_text(on_time, due, r1, sizeof r1),
	    (long long)overdue, (long long)accepted,
	    accepted ? xf_arena_printf(c->a, "，平均得分%.1f分",
	                               (double)score_sum / (double)accepted)
	             : "");
	if (n > TASK_ROWS)
		xf_rdoc_paragraph(d, "晒绩排名共%d个党组织，下表列出前%d名。",
		                  n, TASK_ROWS);
	static const char *const head[] = {"名次",       "组织",      "任务",
	                                   "完成",       "按时完成",  "逾期",
	                                   "按时完成率", "验收平均分"};
	xf_rtable *t = xf_rdoc_table(d, 8, head);
	xf_rchart *ch = xf_rdoc_chart(d, "按时完成任务数（按组织）", "", 0);
	for (int i = 0; t && ch && i < n && i < TASK_ROWS; i++) {
		const xf_task_rank *x = &k[i];
		char rank[16], nt[24], nd[24], no[24], nl[24], rate[16],
		    score[16];
		snprintf(rank, sizeof rank, "%d", x->rank);
		snprintf(nt, sizeof nt, "%lld", (long long)x->t.tasks);
		snprintf(nd, sizeof nd, "%lld", (long long)x->t.done);
		snprintf(no, sizeof no, "%lld", (long long)x->t.on_time);
		snprintf(nl, sizeof nl, "%lld", (long long)x->t.overdue);
		if (x->avg_score_x10 < 0)
			snprintf(score, sizeof score, "—");
		else
			snprintf(score, sizeof score, "%d.%d",
			         x->avg_score_x10 / 10, x->avg_score_x10 % 10);
		const char *name = task_org_name(c, k, n, i);
		const char *cells[] = {
		    rank,
		    name,
		    nt,
		    nd,
		    no,
		    nl,
		    permille_text(x->on_time_permille, rate, sizeof rate),
		    score};
		xf_rtable_row(d, t, cells);
		if (i < 15)
			xf_rchart_bar(d, ch, name, (double)x->t.on_time);
	}
	return XF_OK;
}

/* 三级五岗: the root's own duty list of the year and the posts held in
 * the subtree. */
static int duties_section(xf_ctx *c, const xf_org *root, int year,
                          xf_report_doc *d, int *section)
{
	xf_duty_query q = {.org_id = root->id, .year = year, .limit = 1};
	xf_duty *items;
	int n;
	int64_t nduties = 0, nposts = 0;
	int rc = xf_duty_list(c, &q, &items, &n, &nduties);
	if (rc != XF_OK)
		return rc;
	xf_duty_assignment *as;
	rc = xf_duty_assignment_list(c, root->id, 1, year, 0, 0, 1, &as, &n,
	                             &nposts);
	if (rc != XF_OK)
		return rc;
	if (nduties == 0 && nposts == 0)
		return XF_OK;
	heading(d, section, "三级五岗责任清单");
	xf_rdoc_paragraph(d,
	                  "%d年度，%s本级制定责任清单%lld项；本组织及所属组织"
	                  "明确岗位责任人%lld人次，履职情况按清单记录，年终"
	                  "据此述职。",
	                  year, root->name, (long long)nduties,
	                  (long long)nposts);
	return XF_OK;
}

/* 述职评议: the closed review sessions of the subtree held in the year,
 * each presenter's result as the session's results answer it. */
#define MAX_SESSIONS 200
static int reviews_section(xf_ctx *c, const xf_org *root, int year,
                           xf_report_doc *d, int *section)
{
	xf_review *rv;
	int n;
	int64_t total;
	int rc = xf_review_list(c, 0, MAX_SESSIONS, &rv, &n, &total);
	if (rc != XF_OK)
		return rc;
	char y[8];
	snprintf(y, sizeof y, "%d-", year);
	size_t plen = strlen(root->path);
	xf_rtable *t = NULL;
	int sessions = 0, presenters = 0;
	for (int i = n - 1; i >= 0; i--) { /* oldest first */
		const xf_review *r = &rv[i];
		if (strcmp(r->state, "closed") != 0 || !r->org_path ||
		    strncmp(r->org_path, root->path, plen) != 0 ||
		    !r->held_on || strncmp(r->held_on, y, strlen(y)) != 0)
			continue;
		xf_review_full full;
		xf_review_row *rows;
		int nrows;
		rc = xf_review_results(c, r->id, &full, &rows, &nrows);
		if (rc != XF_OK)
			return rc;
		if (!t) {
			heading(d, section, "述职评议");
			static const char *const head[] = {
			    "评议", "日期", "述职人", "得分", "等次", "名次"};
			t = xf_rdoc_table(d, 6, head);
			if (!t)
				return xf_oom(c);
		}
		sessions++;
		for (int k = 0; k < nrows; k++) {
			const xf_review_row *row = &rows[k];
			char score[24], rank[24];
			snprintf(score, sizeof score, "%d.%d",
			         row->total_x10 / 10, row->total_x10 % 10);
			snprintf(rank, sizeof rank, "%d/%d", row->rank, nrows);
			const char *cells[] = {r->title,         r->held_on,
			                       row->p->name,     score,
			                       row->grade_title, rank};
			xf_rtable_row(d, t, cells);
			presenters++;
		}
	}
	if (t)
		xf_rdoc_paragraph(d,
		                  "%d年度共召开述职评议%d场，%d人上台述职，"
		                  "现场评分、晒出排名。",
		                  year, sessions, presenters);
	return XF_OK;
}

/* 年度考核: the 硬核指数 board of the year, its top rows. */
#define INDEX_TOP 20
static int index_section(xf_ctx *c, const xf_org *root, int year,
                         xf_report_doc *d, int *section)
{
	xf_assessment_board b;
	int rc = xf_assessment_board_get(c, root->id, year, NULL, &b);
	if (rc != XF_OK)
		return rc;
	if (b.n == 0)
		return XF_OK;
	int vetoed = 0;
	for (int i = 0; i < b.n; i++)
		vetoed += b.items[i].vetoed != 0;
	int top = b.n < INDEX_TOP ? b.n : INDEX_TOP;
	heading(d, section, "年度考核（硬核指数）");
	xf_rdoc_paragraph(d,
	                  "%d年度，纳入考核的党组织%d个，其中一票否决%d个。"
	                  "硬核指数前%d名如下。",
	                  year, b.n, vetoed, top);
	static const char *const head[] = {"名次", "组织", "硬核指数",
	                                   "一票否决"};
	xf_rtable *t = xf_rdoc_table(d, 4, head);
	xf_rchart *ch = xf_rdoc_chart(d, "硬核指数前十名", "", 100);
	for (int i = 0; t && ch && i < top; i++) {
		const xf_assessment *x = &b.items[i];
		char rank[16], score[24];
		snprintf(rank, sizeof rank, "%d", x->rank);
		snprintf(score, sizeof score, "%d.%d", x->score_x10 / 10,
		         x->score_x10 % 10);
		const char *name = x->org_name;
		for (int j = 0; j < b.n && x->org_parent_name; j++)
			if (j != i && strcmp(b.items[j].org_name, name) == 0) {
				name = xf_arena_printf(c->a, "%s（%s）", name,
				                       x->org_parent_name);
				break;
			}
		const char *cells[] = {rank, name, score,
		                       x->vetoed ? "是" : ""};
		xf_rtable_row(d, t, cells);
		if (i < 10)
			xf_rchart_bar(d, ch, name, x->score_x10 / 10.0);
	}
	return XF_OK;
}

/* 星级党组织: the decided stars of the year. */
static int stars_section(xf_ctx *c, const xf_org *root, int year,
                         xf_report_doc *d, int *section)
{
	xf_star_summary s;
	int rc = xf_star_summary_get(c, root->id, year, &s);
	if (rc != XF_OK)
		return rc;
	if (s.orgs == 0)
		return XF_OK;
	heading(d, section, "星级党组织评定");
	xf_rdoc_paragraph(d,
	                  "%d年度，评定星级党组织%d个，其中四星级及以上%d个，"
	                  "占%d.%d%%。",
	                  year, s.orgs, s.four_plus, s.four_plus_share_x10 / 10,
	                  s.four_plus_share_x10 % 10);
	static const char *const head[] = {"星级", "组织数（个）"};
	xf_rtable *t = xf_rdoc_table(d, 2, head);
	xf_rchart *ch = xf_rdoc_chart(d, "星级分布", "", 0);
	static const char *const stars[] = {"",       "一星级", "二星级",
	                                    "三星级", "四星级", "五星级"};
	for (int i = 5; t && ch && i >= 1; i--) {
		char num[16];
		snprintf(num, sizeof num, "%d", s.by_stars[i]);
		const char *cells[] = {stars[i], num};
		xf_rtable_row(d, t, cells);
		xf_rchart_bar(d, ch, stars[i], s.by_stars[i]);
	}
	return XF_OK;
}

/* 荣誉与成果: the year's honors counted as the speech counts them
 * ("一等奖1个、二等奖5个…"), by category and level, with the national and
 * provincial ones listed. */
static int honors_section(xf_ctx *c, const xf_org *root, int year,
                          xf_report_doc *d, int *section)
{
	xf_honor_summary s;
	int rc = xf_honor_summary_read(c, root->id, year, &s);
	if (rc != XF_OK)
		return rc;
	if (s.total == 0)
		return XF_OK;
	heading(d, section, "荣誉与成果");
	char cats[512], grades[512], levels[512];
	xf_code_counts_phrase(&s.by_category, cats, sizeof cats);
	xf_code_counts_phrase(&s.by_grade, grades, sizeof grades);
	xf_code_counts_phrase(&s.by_level, levels, sizeof levels);
	xf_rdoc_paragraph(d, "%d年度，共取得荣誉与成果%lld项：%s。", year,
	                  (long long)s.total, cats);
	if (grades[0])
		xf_rdoc_paragraph(d, "按等次：%s。", grades);
	xf_rdoc_paragraph(d, "按级别：%s。", levels);
	static const char *const head[] = {"类别", "数量（项）"};
	xf_rtable *t = xf_rdoc_table(d, 2, head);
	xf_rchart *ch = xf_rdoc_chart(d, "荣誉与成果（按类别）", "项", 0);
	for (int i = 0; t && ch && s.by_category.table[i].code; i++) {
		int n = s.by_category.counts[i];
		if (!n)
			continue;
		char num[16];
		snprintf(num, sizeof num, "%d", n);
		const char *cells[] = {s.by_category.table[i].label, num};
		xf_rtable_row(d, t, cells);
		xf_rchart_bar(d, ch, s.by_category.table[i].label, n);
	}
	/* the national and provincial ones by name */
	static const char *const list_head[] = {"荣誉名称", "级别", "等次",
	                                        "获奖组织/党员"};
	xf_rtable *top = NULL;
	for (int i = 0; i < s.nitems; i++) {
		const xf_honor *h = &s.items[i];
		if (strcmp(h->level, "国家级") != 0 &&
		    strcmp(h->level, "省级") != 0)
			continue;
		if (!top && !(top = xf_rdoc_table(d, 4, list_head)))
			break;
		const char *cells[] = {
		    h->title, h->level, h->grade ? h->grade : "—",
		    h->member_name
		        ? xf_arena_printf(c->a, "%s（%s）", h->member_name,
		                          h->org_name)
		        : h->org_name};
		xf_rtable_row(d, top, cells);
	}
	return XF_OK;
}

/* The organization of the report: org_id, or the caller's widest grant;
 * unknown or out of scope is 404 on "org", as on every board. */
static int root_org(xf_ctx *c, int64_t org_id, xf_org *root)
{
	const char *lo, *hi;
	XF_RETURN_READ_TX(
	    c, xf_meetings_scope_org(c, org_id, "org", root, &lo, &hi));
}

int xf_annual_report(xf_ctx *c, int64_t org_id, int year, xf_report_doc *doc,
                     xf_org *root)
{
	xf_date today = xf_date_today(c->now);
	if (year > today.y)
		return xf_invalid(c, "年度不能晚于今年", "year");
	int rc = root_org(c, org_id, root);
	if (rc != XF_OK)
		return rc;
	char day[11];
	xf_date_format(today, day);
	char *title = xf_arena_printf(c->a, "%s", root->name);
	char *sub = xf_arena_printf(c->a, "%d年度党建工作报告", year);
	if (!title || !sub)
		return xf_oom(c);
	xf_rdoc_init(doc, c->a, title, sub);
	doc->footer = xf_arena_printf(
	    c->a, "本报告由先锋平台根据%d年度工作记录生成，生成日期：%s。",
	    year, day);
	int section = 0;
	rc = orgs_section(c, root, day, doc, &section);
	if (rc == XF_OK)
		rc = compliance_section(c, root, year, doc, &section);
	if (rc == XF_OK)
		rc = tasks_section(c, root, year, doc, &section);
	if (rc == XF_OK)
		rc = xf_annual_report_points(c, root, year, doc, &section);
	if (rc == XF_OK)
		rc = duties_section(c, root, year, doc, &section);
	if (rc == XF_OK)
		rc = reviews_section(c, root, year, doc, &section);
	if (rc == XF_OK)
		rc = index_section(c, root, year, doc, &section);
	if (rc == XF_OK)
		rc = stars_section(c, root, year, doc, &section);
	if (rc == XF_OK)
		rc = honors_section(c, root, year, doc, &section);
	if (rc == XF_OK && (doc->failed || !doc->footer))
		rc = xf_oom(c);
	return rc;
}
