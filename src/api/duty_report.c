/*
 * duty_report.c (api) - GET /api/duty-reports?member_id=&year=&format=:
 * the duty report (述职材料) of a person for a year, generated from the
 * evidence linked to each duty item of each post the person holds, as
 * JSON, as a printable A4 page (format=html) or as a Word-compatible
 * document (format=doc: HTML in the MS Word namespace, sent as an
 * attachment). Everything written into HTML is escaped (base/html.h).
 */
#include "api/duties.h"

#include "api/input.h"
#include "base/date.h"
#include "base/html.h"
#include "base/jw.h"
#include "domain/duties.h"
#include "model/duty.h"
#include "model/scheme.h"

#include <string.h>

static void answer_json(xf_req *r, const xf_duty_report *rep, const char *today)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_key(&w, "member");
	xf_jw_obj(&w);
	xf_jw_kint(&w, "id", rep->member.id);
	xf_jw_kstr(&w, "name", rep->member.name);
	xf_jw_kint(&w, "org_id", rep->member.org_id);
	xf_jw_kstr(&w, "org_name", rep->member.org_name);
	xf_jw_obj_end(&w);
	xf_jw_kint(&w, "year", rep->year);
	xf_jw_kstr(&w, "generated_on", today);
	xf_jw_key(&w, "posts");
	xf_jw_arr(&w);
	for (int i = 0; i < rep->nposts; i++) {
		const xf_duty_report_post *p = &rep->posts[i];
		xf_duty_assignment_json_open(
		    &w, p->as, xf_duty_level_title(p->as->org_kind),
		    xf_duty_post_title(p->as->post));
		xf_jw_kint(&w, "items_total", p->nitems);
		xf_jw_kint(&w, "items_with_evidence", p->items_with_evidence);
		xf_jw_key(&w, "items");
		xf_jw_arr(&w);
		for (int k = 0; k < p->nitems; k++) {
			const xf_duty_report_item *it = &p->items[k];
			xf_duty_json_open(&w, it->duty,
			                  xf_duty_level_title(it->duty->level),
			                  xf_duty_post_title(it->duty->post));
			xf_jw_kbool(&w, "done", it->nevidence > 0);
			xf_jw_key(&w, "evidence");
			xf_jw_arr(&w);
			for (int e = 0; e < it->nevidence; e++) {
				const xf_duty_evidence *ev = &it->evidence[e];
				xf_duty_evidence_json(
				    &w, ev, xf_duty_evidence_title(ev->kind));
			}
			xf_jw_arr_end(&w);
			xf_jw_obj_end(&w);
		}
		xf_jw_arr_end(&w);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "reviews");
	xf_jw_arr(&w);
	for (int i = 0; i < rep->nreviews; i++) {
		const xf_duty_report_review *v = &rep->reviews[i];
		xf_jw_obj(&w);
		xf_jw_kstr(&w, "title", v->title);
		xf_jw_kstr(&w, "held_on", v->held_on);
		xf_jw_kx10(&w, "total", v->total_x10);
		xf_jw_kx10(&w, "max", v->max_x10);
		xf_jw_kint(&w, "rank", v->rank);
		xf_jw_kint(&w, "presenters", v->ranked);
		xf_jw_kstr(&w, "grade_title", v->grade_title);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

static const char *const numerals[] = {"一", "二", "三", "四", "五",
                                       "六", "七", "八", "九", "十"};

/* Appends "一、" .. "十、", then "11." and on. */
static void add_ordinal(xf_buf *b, int i)
{
	if (i < 10) {
		xf_buf_adds(b, numerals[i]);
		xf_buf_adds(b, "、");
	} else {
		xf_buf_addi(b, i + 1);
		xf_buf_adds(b, ". ");
	}
}

static void add_esc(xf_buf *b, const char *tag, const char *s)
{
	xf_buf_printf(b, "<%s>", tag);
	xf_html_escape(b, s);
	xf_buf_printf(b, "</%s>", tag);
}

static const char style[] =
    "<style>\n"
    "@page { size: A4; margin: 2.54cm 2.8cm; }\n"
    "@page Section1 { size: 595.3pt 841.9pt; margin: 72pt 79.4pt; }\n"
    "div.Section1 { page: Section1; }\n"
    "body { font-family: \"仿宋\", \"仿宋_GB2312\", FangSong, STFangsong, "
    "serif; font-size: 16pt; line-height: 1.6; color: #000; }\n"
    "h1 { font-family: \"宋体\", SimSun, \"方正小标宋简体\", serif; "
    "font-size: 22pt; text-align: center; margin: 0 0 4pt; }\n"
    "p.sub { text-align: center; margin: 0 0 16pt; }\n"
    "h2 { font-family: \"黑体\", SimHei, sans-serif; font-size: 16pt; "
    "margin: 16pt 0 6pt; }\n"
    "h3 { font-family: \"楷体\", KaiTi, serif; font-size: 16pt; "
    "margin: 10pt 0 4pt; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }\n"
    "th, td { border: 1px solid #000; padding: 3pt 5pt; font-size: 12pt; "
    "font-family: \"宋体\", SimSun, serif; vertical-align: top; }\n"
    "th { font-weight: bold; text-align: center; }\n"
    "table.head td.k { width: 15%; text-align: center; font-weight: bold; "
    "}\n"
    "td.c { text-align: center; white-space: nowrap; }\n"
    "p.sign { margin-top: 36pt; text-align: right; }\n"
    "@media print { h2 { page-break-after: avoid; } "
    "tr { page-break-inside: avoid; } }\n"
    "</style>\n";

/* Writes the whole document; word adds the Office namespaces. */
static void render(xf_buf *b, const xf_duty_report *rep, const char *today,
                   int word)
{
	if (word)
		xf_buf_adds(
		    b,
		    "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
		    "xmlns:w=\"urn:schemas-microsoft-com:office:word\" "
		    "xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
		    "<meta http-equiv=\"Content-Type\" "
		    "content=\"text/html; charset=utf-8\">\n"
		    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print"
		    "</w:View><w:Zoom>100</w:Zoom></w:WordDocument></xml>"
		    "<![endif]-->\n");
	else
		xf_buf_adds(b,
		            "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
		            "<meta charset=\"utf-8\">\n");
	xf_buf_adds(b, "<title>");
	xf_html_escape(b, rep->member.name);
	xf_buf_printf(b, "同志%d年度述职材料</title>\n", rep->year);
	xf_buf_adds(b, style);
	xf_buf_adds(b, "</head>\n<body>\n<div class=\"Section1\">\n<h1>");
	xf_html_escape(b, rep->member.name);
	xf_buf_printf(b, "同志%d年度履职情况报告</h1>\n", rep->year);
	xf_buf_adds(b, "<p class=\"sub\">（述职材料）</p>\n");

	/* header: name, posts, organization, year */
	xf_buf_adds(b, "<table class=\"head\">\n<tr><td class=\"k\">姓名</td>");
	add_esc(b, "td", rep->member.name);
	xf_buf_printf(b, "<td class=\"k\">年度</td><td>%d年</td></tr>\n",
	              rep->year);
	xf_buf_adds(b, "<tr><td class=\"k\">所在组织</td><td colspan=\"3\">");
	xf_html_escape(b, rep->member.org_name);
	xf_buf_adds(b, "</td></tr>\n<tr><td class=\"k\">岗位</td>"
	               "<td colspan=\"3\">");
	if (rep->nposts == 0)
		xf_buf_adds(b, "（本年度未担任三级五岗岗位）");
	for (int i = 0; i < rep->nposts; i++) {
		const xf_duty_assignment *as = rep->posts[i].as;
		if (i)
			xf_buf_adds(b, "；");
		xf_html_escape(b, as->org_name);
		xf_html_escape(b, xf_duty_post_title(as->post));
	}
	xf_buf_adds(b, "</td></tr>\n</table>\n");

	for (int i = 0; i < rep->nposts; i++) {
		const xf_duty_report_post *p = &rep->posts[i];
		xf_buf_adds(b, "<h2>");
		add_ordinal(b, i);
		xf_html_escape(b, p->as->org_name);
		xf_html_escape(b, xf_duty_post_title(p->as->post));
		xf_buf_adds(b, "岗位履职情况</h2>\n");
		xf_buf_printf(b,
		              "<p>本岗位%d年度共有职责%d项，已有履职记录的%d"
		              "项。</p>\n",
		              rep->year, p->nitems, p->items_with_evidence);
		for (int k = 0; k < p->nitems; k++) {
			const xf_duty_report_item *it = &p->items[k];
			xf_buf_printf(b, "<h3>（%d）", k + 1);
			xf_html_escape(b, it->duty->title);
			xf_buf_adds(b, "</h3>\n");
			if (it->duty->content && *it->duty->content)
				add_esc(b, "p", it->duty->content);
			xf_buf_adds(b, "<table>\n<tr><th>序号</th><th>日期</th>"
			               "<th>类别</th><th>履职事项</th>"
			               "<th>说明</th></tr>\n");
			if (it->nevidence == 0)
				xf_buf_adds(b, "<tr><td colspan=\"5\" "
				               "class=\"c\">暂无履职记录</td>"
				               "</tr>\n");
			for (int e = 0; e < it->nevidence; e++) {
				const xf_duty_evidence *ev = &it->evidence[e];
				xf_buf_printf(b, "<tr><td class=\"c\">%d</td>",
				              e + 1);
				xf_buf_adds(b, "<td class=\"c\">");
				xf_html_escape(b, ev->done_on);
				xf_buf_adds(b, "</td><td class=\"c\">");
				xf_html_escape(
				    b, xf_duty_evidence_title(ev->kind));
				xf_buf_adds(b, "</td>");
				add_esc(b, "td", ev->title);
				add_esc(b, "td", ev->note ? ev->note : "");
				xf_buf_adds(b, "</tr>\n");
			}
			xf_buf_adds(b, "</table>\n");
		}
	}
	if (rep->nreviews) {
		xf_buf_adds(b, "<h2>述职评议结果</h2>\n<table>\n<tr><th>评议"
		               "</th><th>日期</th><th>得分</th><th>名次</th>"
		               "<th>等次</th></tr>\n");
		for (int i = 0; i < rep->nreviews; i++) {
			const xf_duty_report_review *v = &rep->reviews[i];
			xf_buf_adds(b, "<tr>");
			add_esc(b, "td", v->title);
			xf_buf_adds(b, "<td class=\"c\">");
			xf_html_escape(b, v->held_on);
			xf_buf_printf(b,
			              "</td><td class=\"c\">%d.%d / %d.%d</td>"
			              "<td class=\"c\">%d / %d</td>",
			              v->total_x10 / 10, v->total_x10 % 10,
			              v->max_x10 / 10, v->max_x10 % 10, v->rank,
			              v->ranked);
			add_esc(b, "td", v->grade_title);
			xf_buf_adds(b, "</tr>\n");
		}
		xf_buf_adds(b, "</table>\n");
	}
	xf_buf_adds(b, "<p class=\"sign\">述职人（签名）：________________"
	               "<br>日期：______年____月____日</p>\n");
	xf_buf_adds(b, "<p style=\"font-size:10pt\">本材料由先锋平台根据三级五"
	               "岗履职记录生成，生成日期：");
	xf_html_escape(b, today);
	xf_buf_adds(b, "。</p>\n</div>\n</body>\n</html>\n");
}

/* The attachment header of the Word document: an ASCII fallback name and
 * the Chinese name percent-encoded (RFC 6266 / 5987). */
static void attachment_header(xf_req *r, const xf_duty_report *rep)
{
	xf_buf name, h;
	xf_buf_init(&name, 4096);
	xf_buf_init(&h, 8192);
	xf_buf_printf(&name, "%s%d年度述职材料.doc", rep->member.name,
	              rep->year);
	xf_buf_printf(&h,
	              "attachment; filename=\"duty-report-%lld-%d.doc\"; "
	              "filename*=UTF-8''",
	              (long long)rep->member.id, rep->year);
	xf_percent_encode(&h, name.data);
	if (!h.failed && h.data)
		xf_reply_header(r, "Content-Disposition", h.data);
	xf_buf_free(&name);
	xf_buf_free(&h);
}

/* GET /api/duty-reports?member_id=&year=&format=json|html|doc */
static const char *const formats[] = {"json", "html", "doc", NULL};
enum { Q_MEMBER, Q_YEAR, Q_FORMAT };
static const xf_param report_params[] = {
    {.name = "member_id", .type = XF_Q_ID, .required = 1, .label = "党员"},
    {.name = "year", .type = XF_Q_YEAR, .required = 1, .label = "年度"},
    XF_PARAM_FORMAT(formats, "json"),
};
const xf_query_table xf_duty_report_query = XF_QUERY_TABLE(report_params);

void xf_h_duty_report(xf_req *r)
{
	const xf_val *q = r->query_vals;
	int html = q[Q_FORMAT].i == 1, word = q[Q_FORMAT].i == 2;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_duty_report rep;
	if (xf_api_failed(
	        r, &c,
	        xf_duty_report_read(&c, q[Q_MEMBER].i, (int)q[Q_YEAR].i, &rep)))
		return;
	char today[11];
	xf_date_format(xf_date_today(c.now), today);
	if (!html && !word) {
		answer_json(r, &rep, today);
		return;
	}
	xf_buf doc;
	xf_buf_init(&doc, 64u << 20);
	render(&doc, &rep, today, word);
	if (doc.failed) {
		xf_buf_free(&doc);
		xf_reply_error(r, 500, "internal", "服务器内部错误", NULL);
		return;
	}
	if (word)
		attachment_header(r, &rep);
	else
		xf_reply_header(
		    r, "Content-Security-Policy",
		    "default-src 'none'; style-src 'unsafe-inline'");
	xf_reply_bytes(r, 200,
	               word ? "application/msword" : "text/html; charset=utf-8",
	               doc.data, doc.len);
	xf_buf_free(&doc);
}
