/*
 * annual_report_points.c (service) - the 先锋榜 section of the year's
 * report: the top rows of the year's member board and branch board of
 * the subtree, read through service/leaderboards.h; one section of the
 * report per file beside annual_report.c.
 */
#include "service/annual_report.h"
#include "service/leaderboards.h"

#include <stdio.h>

#define TOP_ROWS 10

int xf_annual_report_points(xf_ctx *c, const xf_org *root, int year,
                            xf_report_doc *d, int *section)
{
	char period[12];
	snprintf(period, sizeof period, "%d", year);
	xf_board m, o;
	int rc = xf_board_members(c, root->id, period, TOP_ROWS, &m);
	if (rc != XF_OK)
		return rc;
	rc = xf_board_orgs(c, root->id, "branch", period, "average", TOP_ROWS,
	                   &o);
	if (rc != XF_OK)
		return rc;
	int any = 0;
	for (int i = 0; i < m.n; i++)
		any |= m.items[i].points != 0;
	if (!any)
		return XF_OK;
	char label[16], text[128];
	xf_annual_section_label((*section)++, label, sizeof label);
	snprintf(text, sizeof text, "%s党员积分和先锋榜", label);
	xf_rdoc_heading(d, text);
	xf_rdoc_paragraph(d,
	                  "%d年度积分先锋榜前%d名党员如下，第一名为%s（%s），"
	                  "积分%lld分。",
	                  year, m.n, m.items[0].name,
	                  m.items[0].org_name ? m.items[0].org_name : "",
	                  (long long)m.items[0].points);
	static const char *const head[] = {"名次", "姓名", "所在组织", "积分"};
	xf_rtable *t = xf_rdoc_table(d, 4, head);
	xf_rchart *ch = xf_rdoc_chart(d, "党员积分前十名", "", 0);
	for (int i = 0; t && ch && i < m.n; i++) {
		const xf_board_item *it = &m.items[i];
		char rank[16], pts[24];
		snprintf(rank, sizeof rank, "%d", it->rank);
		snprintf(pts, sizeof pts, "%lld", (long long)it->points);
		const char *cells[] = {rank, it->name, it->org_name, pts};
		xf_rtable_row(d, t, cells);
		xf_rchart_bar(d, ch, it->name, (double)it->points);
	}
	if (o.n) {
		xf_rdoc_paragraph(d, "党支部按人均积分排名前%d名如下。", o.n);
		static const char *const oh[] = {"名次", "党支部", "党员数",
		                                 "人均积分"};
		xf_rtable *ot = xf_rdoc_table(d, 4, oh);
		for (int i = 0; ot && i < o.n; i++) {
			const xf_board_item *it = &o.items[i];
			char rank[16], mem[24], avg[32];
			snprintf(rank, sizeof rank, "%d", it->rank);
			snprintf(mem, sizeof mem, "%lld",
			         (long long)it->members);
			snprintf(avg, sizeof avg, "%lld.%02lld",
			         (long long)(it->average_x100 / 100),
			         (long long)(it->average_x100 % 100));
			const char *cells[] = {rank, it->name, mem, avg};
			xf_rtable_row(d, ot, cells);
		}
	}
	return XF_OK;
}
