/*
 * programs.c - the rules of creation programs (programs.h).
 */
#include "domain/programs.h"

#include <stdio.h>
#include <string.h>

const xf_code xf_program_kinds[] = {
    {"model", "模范机关"}, {"clean", "清廉机关"}, {"civil", "文明机关"},
    {"other", "其他"},     {NULL, NULL},
};

const xf_code xf_program_app_states[] = {
    {"draft", "填报中"},       {"submitted", "已提交"}, {"reviewed", "已审核"},
    {"candidate", "候选公示"}, {"rejected", "未通过"},  {"awarded", "已命名"},
    {"not_awarded", "未命名"}, {"withdrawn", "已撤回"}, {NULL, NULL},
};

const xf_code xf_program_verdicts[] = {
    {"met", "达标"},
    {"partly", "部分达标"},
    {"not_met", "未达标"},
    {NULL, NULL},
};

const xf_code xf_program_conclusions[] = {
    {"candidate", "列为候选"},
    {"rejected", "不予推荐"},
    {NULL, NULL},
};

const xf_code xf_program_evidence_kinds[] = {
    {"meeting", "会议记录"}, {"task", "任务"},     {"duty", "责任清单事项"},
    {"link", "链接"},        {"text", "文字说明"}, {NULL, NULL},
};

static int is(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

int xf_program_transition(const char *state, xf_program_action action, int who,
                          const char *conclusion, const char **next)
{
	int applicant = action == XF_PA_EDIT || action == XF_PA_SUBMIT ||
	                action == XF_PA_WITHDRAW;
	if (who != (applicant ? XF_PROGRAM_APPLICANT : XF_PROGRAM_COMMITTEE))
		return XF_PT_ROLE;
	const char *to = NULL;
	switch (action) {
	case XF_PA_EDIT:
		to = is(state, "draft") ? "draft" : NULL;
		break;
	case XF_PA_SUBMIT:
		to = is(state, "draft") ? "submitted" : NULL;
		break;
	case XF_PA_WITHDRAW:
		to = is(state, "draft") || is(state, "submitted") ? "withdrawn"
		                                                  : NULL;
		break;
	case XF_PA_REVIEW:
		to = is(state, "submitted") || is(state, "reviewed")
		         ? "reviewed"
		         : NULL;
		break;
	case XF_PA_PUBLISH:
		if (is(state, "reviewed") && is(conclusion, "candidate"))
			to = "candidate";
		else if (is(state, "reviewed") && is(conclusion, "rejected"))
			to = "rejected";
		break;
	case XF_PA_AWARD:
		to = is(state, "candidate") ? "awarded" : NULL;
		break;
	case XF_PA_PASS:
		to = is(state, "candidate") ? "not_awarded" : NULL;
		break;
	case XF_PA_UNDECIDE:
		to = is(state, "awarded") || is(state, "not_awarded")
		         ? "candidate"
		         : NULL;
		break;
	}
	if (!to)
		return XF_PT_STATE;
	if (next)
		*next = to;
	return XF_PT_OK;
}

int xf_program_dates_check(const xf_program_dates *d)
{
	if (strcmp(d->applications_close, d->applications_open) < 0)
		return 2;
	if (strcmp(d->review_by, d->applications_close) < 0)
		return 3;
	return 0;
}

int xf_program_window(const xf_program_dates *d, const char *today)
{
	if (strcmp(today, d->applications_open) < 0)
		return XF_WINDOW_BEFORE;
	if (strcmp(today, d->applications_close) > 0)
		return XF_WINDOW_AFTER;
	return XF_WINDOW_OPEN;
}

const char *xf_program_conclusion(const xf_program_verdict *v, int n)
{
	int ok = 1;
	for (int i = 0; i < n; i++) {
		if (!v[i].verdict)
			return NULL;
		if (v[i].required && !is(v[i].verdict, "met"))
			ok = 0;
	}
	return ok ? "candidate" : "rejected";
}

int xf_program_may_decide(const char *today, const char *closes_on,
                          long open_objections)
{
	if (strcmp(today, closes_on) <= 0)
		return 1;
	return open_objections > 0 ? 2 : 0;
}

const char *xf_program_honor_level(const char *org_level)
{
	return is(org_level, "city") ? "市级" : "县级";
}

void xf_program_honor_title(int year, const char *kind, const char *title,
                            char *out, size_t cap)
{
	const char *label = xf_code_label(xf_program_kinds, kind);
	if (!*label || is(kind, "other"))
		snprintf(out, cap, "%s", title);
	else
		snprintf(out, cap, "%d年度%s", year, label);
}
