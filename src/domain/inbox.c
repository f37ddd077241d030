/*
 * inbox.c - the kinds and the order of inbox items (domain/inbox.h).
 */
#include "domain/inbox.h"

#include <string.h>

const xf_code xf_inbox_kinds[] = {
    {"meeting_missed", "逾期未开会议"},
    {"meeting_owed", "应开会议"},
    {"orgs_owing", "会议未达标组织"},
    {"milestone_due", "任务节点到期"},
    {"task_due", "任务到期"},
    {"tasks_summary", "下级任务预警"},
    {"objection", "待答复异议"},
    {"notice_open", "公示中"},
    {"claim", "待审核申报"},
    {"claim_decided", "申报结果"},
    {"terms_due", "换届提醒"},
    {"transfers_overdue", "转接超期"},
    {NULL, NULL},
};

/* 0: overdue without a day; 1: dated; 2: undated. */
static int group(const xf_inbox_item *it)
{
	if (it->due_on)
		return 1;
	return it->kind && strcmp(it->kind, "meeting_missed") == 0 ? 0 : 2;
}

static int nstrcmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

int xf_inbox_cmp(const void *pa, const void *pb)
{
	const xf_inbox_item *a = pa, *b = pb;
	int ga = group(a), gb = group(b);
	if (ga != gb)
		return ga < gb ? -1 : 1;
	int d = nstrcmp(a->due_on, b->due_on);
	if (d == 0) {
		int ka = xf_code_index(xf_inbox_kinds, a->kind);
		int kb = xf_code_index(xf_inbox_kinds, b->kind);
		d = ka - kb;
	}
	return d ? d : nstrcmp(a->ref, b->ref);
}

xf_date xf_inbox_slot_end(int freq, xf_date today)
{
	return xf_period_last(xf_period_of(today, (xf_period_kind)freq));
}

void xf_inbox_set_due(xf_inbox_item *it, const char *due_on, xf_date due,
                      xf_date today)
{
	it->due_on = due_on;
	it->has_days_left = xf_date_valid(due);
	if (it->has_days_left)
		it->days_left = (int)(xf_date_days(due) - xf_date_days(today));
}
