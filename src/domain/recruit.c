/*
 * recruit.c - the 25 steps of 发展党员 as a table, and the checks of a
 * step against a person's recorded steps (recruit.h).
 *
 * Choices where the 细则 leaves room (documented in docs/user-guide.md):
 * - deadlines that only flag (overdue in the due lists, never refused):
 *   the talk within one month of the application, the branch meeting
 *   within one month of the 预审, the approval within 3 months of the
 *   vote, the conversion's approval within 3 months of its vote;
 * - deadlines that refuse: approval more than 3 months after the vote
 *   (a new vote is needed), more than 6 months (预审 and vote again);
 *   a 预审 or vote more than one year after the 政审 (政审 again);
 * - steps 10, 12-16 may be recorded again until the approval (a new
 *   政审, a new 预审, a re-vote), steps 22-24 until the conversion (after
 *   an extension of the 预备期); the latest record of a step counts, and
 *   a record older than its prerequisites' latest ones no longer stands.
 */
#include "domain/recruit.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const xf_code xf_recruit_stages[] = {
    {"applicant", "入党申请人"}, {"activist", "入党积极分子"},
    {"candidate", "发展对象"},   {"probationary", "预备党员"},
    {"full", "正式党员"},        {NULL, NULL},
};

const xf_code xf_recruit_phases[] = {
    {"1", "申请入党"},
    {"2", "入党积极分子的确定和培养教育"},
    {"3", "发展对象的确定和考察"},
    {"4", "预备党员的接收"},
    {"5", "预备党员的教育考察和转正"},
    {NULL, NULL},
};

/* The codes and labels of the steps, in the order of the table. */
const xf_code xf_recruit_steps[] = {
    {"apply", "递交入党申请书"},
    {"talk", "党组织派人谈话"},
    {"activist", "推荐和确定入党积极分子"},
    {"activist_filed", "入党积极分子报上级党委备案"},
    {"mentors", "指定培养联系人"},
    {"culture", "培养教育考察"},
    {"candidate", "确定发展对象"},
    {"candidate_filed", "发展对象报上级党委备案"},
    {"sponsors", "确定入党介绍人"},
    {"vetting", "进行政治审查"},
    {"training", "开展集中培训"},
    {"committee_review", "支部委员会审查"},
    {"pre_review", "上级党委预审"},
    {"volunteer_form", "填写入党志愿书"},
    {"branch_vote", "支部大会讨论"},
    {"higher_talk", "上级党委派人谈话"},
    {"approval", "上级党委审批"},
    {"approval_filed", "再上级党委组织部门备案"},
    {"placement", "编入党支部和党小组"},
    {"oath", "入党宣誓"},
    {"probation", "继续教育考察"},
    {"conversion_apply", "提出转正申请"},
    {"conversion_vote", "支部大会讨论转正"},
    {"conversion_approval", "上级党委审批转正"},
    {"archive", "材料归档"},
    {NULL, NULL},
};

#define P(...)                                                                 \
	{                                                                      \
		__VA_ARGS__, -1                                                \
	}
#define ROUND_A 1 /* repeatable until the approval */
#define ROUND_B 2 /* repeatable until the conversion */

const xf_recruit_step xf_recruit_table[XF_RS_COUNT] = {
    {1, P(-1), 0, 0, "年满十八周岁"},
    {1, P(XF_RS_APPLY), 0, 0, "收到入党申请书后一个月内"},
    {2, P(XF_RS_TALK), 0, 0, "支部委员会研究确定"},
    {2, P(XF_RS_ACTIVIST), 0, 0, ""},
    {2, P(XF_RS_ACTIVIST), 0, 0, "一至两名正式党员"},
    {2, P(XF_RS_MENTORS, XF_RS_ACTIVIST_FILED), 0, 0,
     "满一年，每半年考察一次，每季度递交思想汇报"},
    {3, P(XF_RS_CULTURE), 0, 0, "支部委员会讨论同意"},
    {3, P(XF_RS_CANDIDATE), 0, 0, ""},
    {3, P(XF_RS_CANDIDATE), 0, 0, "两名正式党员"},
    {3, P(XF_RS_CANDIDATE), ROUND_A, 0, "结论有效期一年"},
    {3, P(XF_RS_CANDIDATE), 0, 0, "不少于3天或24学时"},
    {4, P(XF_RS_CANDIDATE_FILED, XF_RS_SPONSORS, XF_RS_VETTING, XF_RS_TRAINING),
     ROUND_A, 0, ""},
    {4, P(XF_RS_COMMITTEE), ROUND_A, 0, "政审须在一年内"},
    {4, P(XF_RS_PRE_REVIEW), ROUND_A, 0, ""},
    {4, P(XF_RS_FORM), ROUND_A, 1, "预审后一个月内；应到会过半数、赞成过半数"},
    {4, P(XF_RS_VOTE), ROUND_A, 0, ""},
    {4, P(XF_RS_HIGHER_TALK), 0, 0, "支部大会后三个月内"},
    {4, P(XF_RS_APPROVAL), 0, 0, ""},
    {5, P(XF_RS_APPROVAL), 0, 0, ""},
    {5, P(XF_RS_APPROVAL), 0, 0, ""},
    {5, P(XF_RS_PLACEMENT, XF_RS_OATH), 0, 0, "预备期一年"},
    {5, P(XF_RS_PROBATION), ROUND_B, 0, "预备期满"},
    {5, P(XF_RS_CONV_APPLY), ROUND_B, 1, "应到会过半数、赞成过半数"},
    {5, P(XF_RS_CONV_VOTE), ROUND_B, 0, "转正或延长预备期6至12个月"},
    {5, P(XF_RS_CONV_APPROVAL), 0, 0, ""},
};

int xf_recruit_step_of(const char *code)
{
	for (int i = 0; code && i < XF_RS_COUNT; i++)
		if (strcmp(xf_recruit_steps[i].code, code) == 0)
			return i;
	return -1;
}

/* The last record of step, whether it stands or not; NULL when none. */
static const xf_recruit_rec *last_of(const xf_recruit_file *f, int step)
{
	for (int i = f->n - 1; i >= 0; i--)
		if (f->recs[i].step == step)
			return &f->recs[i];
	return NULL;
}

const xf_recruit_rec *xf_recruit_current(const xf_recruit_file *f, int step)
{
	const xf_recruit_rec *r = last_of(f, step);
	if (!r)
		return NULL;
	const int *p = xf_recruit_table[step].prereq;
	for (int i = 0; p[i] >= 0; i++) {
		const xf_recruit_rec *q = xf_recruit_current(f, p[i]);
		if (!q || xf_date_cmp(q->on, r->on) > 0)
			return NULL;
	}
	if (step == XF_RS_CONV_APPLY &&
	    xf_date_cmp(r->on, xf_recruit_probation_end(f)) < 0)
		return NULL; /* made before an extension of the 预备期 */
	return r;
}

xf_date xf_recruit_probation_end(const xf_recruit_file *f)
{
	const xf_recruit_rec *a = xf_recruit_current(f, XF_RS_APPROVAL);
	if (!a)
		return (xf_date){0, 0, 0};
	int months = 12;
	for (int i = 0; i < f->n; i++)
		if (f->recs[i].step == XF_RS_CONV_APPROVAL &&
		    xf_date_cmp(f->recs[i].on, a->on) >= 0)
			months += f->recs[i].extend_months;
	return xf_date_add_months(a->on, months);
}

int xf_recruit_stage(const xf_recruit_file *f)
{
	const xf_recruit_rec *c = xf_recruit_current(f, XF_RS_CONV_APPROVAL);
	if (c && c->extend_months == 0)
		return 4;
	if (xf_recruit_current(f, XF_RS_APPROVAL))
		return 3;
	if (xf_recruit_current(f, XF_RS_CANDIDATE))
		return 2;
	if (xf_recruit_current(f, XF_RS_ACTIVIST))
		return 1;
	return xf_recruit_current(f, XF_RS_APPLY) ? 0 : -1;
}

/* 1 if step may be recorded again now. */
static int repeatable_now(const xf_recruit_file *f, int step)
{
	int r = xf_recruit_table[step].repeatable;
	if (r == ROUND_A)
		return !xf_recruit_current(f, XF_RS_APPROVAL);
	if (r == ROUND_B)
		return xf_recruit_stage(f) != 4;
	return 0;
}

/* Whole months from a to b: the most m with a + m months <= b. */
static int months_between(xf_date a, xf_date b)
{
	int m = (b.y - a.y) * 12 + (b.m - a.m);
	while (m > 0 && xf_date_cmp(xf_date_add_months(a, m), b) > 0)
		m--;
	return m < 0 ? 0 : m;
}

static int fail(xf_recruit_verdict *v, const char *rule, const char *field,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int fail(xf_recruit_verdict *v, const char *rule, const char *field,
                const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v->message, sizeof v->message, fmt, ap);
	va_end(ap);
	v->rule = rule;
	v->field = field;
	return -1;
}

int xf_recruit_vote_check(int members, int absent, int present, int yes,
                          xf_recruit_verdict *v)
{
	if (members < 1)
		return fail(v, "vote_count", "members",
		            "有表决权的正式党员人数应至少为1");
	if (absent < 0 || absent >= members)
		return fail(v, "vote_count", "absent",
		            "经批准请假人数应小于有表决权的正式党员人数");
	int entitled = members - absent;
	if (present < 0 || present > entitled)
		return fail(v, "vote_count", "present",
		            "到会正式党员不能多于应到会人数（%d人）", entitled);
	if (yes < 0 || yes > present)
		return fail(v, "vote_count", "yes",
		            "赞成票不能多于到会正式党员人数");
	if (present * 2 <= entitled)
		return fail(
		    v, "vote_quorum", "present",
		    "到会有表决权的正式党员须超过应到会人数（%d人）的半数",
		    entitled);
	if (yes * 2 <= entitled)
		return fail(
		    v, "vote_majority", "yes",
		    "赞成人数须超过应到会有表决权的正式党员（%d人）的半数",
		    entitled);
	return 0;
}

static void fmt(xf_date d, char out[11])
{
	xf_date_format(d, out);
}

/* The checks particular to a step, after prerequisites and repeats. */
static int step_rules(const xf_recruit_file *f, const xf_recruit_rec *rec,
                      xf_recruit_verdict *v)
{
	char a[11], b[11];
	const xf_recruit_rec *q;
	switch (rec->step) {
	case XF_RS_APPLY:
		if (f->birth.y &&
		    xf_date_cmp(rec->on, xf_date_add_months(f->birth, 216)) <
		        0) {
			fmt(xf_date_add_months(f->birth, 216), a);
			return fail(v, "under_age", "done_on",
			            "年满十八周岁方可申请入党，最早 %s", a);
		}
		break;
	case XF_RS_CULTURE: {
		q = xf_recruit_current(f, XF_RS_ACTIVIST);
		xf_date end = xf_date_add_months(q->on, 12);
		if (xf_date_cmp(rec->on, end) < 0) {
			fmt(q->on, a);
			fmt(end, b);
			return fail(v, "too_early", "done_on",
			            "培养教育考察须满一年（自 %s 确定为入党积极"
			            "分子起），最早 %s",
			            a, b);
		}
		int m = months_between(q->on, rec->on);
		if (rec->assessments < m / 6)
			return fail(v, "assessments", "assessments",
			            "培养期间每半年至少考察一次，%d个月应有%d次"
			            "考察",
			            m, m / 6);
		if (rec->reports < m / 3)
			return fail(
			    v, "reports", "reports",
			    "入党积极分子每季度至少递交一次思想汇报，%d个"
			    "月应有%d份",
			    m, m / 3);
		break;
	}
	case XF_RS_TRAINING:
		if (rec->training_days < 3 && rec->training_hours < 24)
			return fail(v, "training", "training_hours",
			            "集中培训时间不少于3天或24学时");
		break;
	case XF_RS_PRE_REVIEW:
	case XF_RS_VOTE:
		q = xf_recruit_current(f, XF_RS_VETTING);
		if (q &&
		    xf_date_cmp(rec->on, xf_date_add_months(q->on, 12)) > 0) {
			fmt(q->on, a);
			return fail(
			    v, "vetting_expired", "done_on",
			    "政治审查（%s）已超过一年，须重新进行政治审查", a);
		}
		if (rec->step == XF_RS_VOTE)
			return xf_recruit_vote_check(rec->members, rec->absent,
			                             rec->present, rec->yes, v);
		break;
	case XF_RS_CONV_VOTE:
		return xf_recruit_vote_check(rec->members, rec->absent,
		                             rec->present, rec->yes, v);
	case XF_RS_APPROVAL:
		q = xf_recruit_current(f, XF_RS_VOTE);
		fmt(q->on, a);
		if (xf_date_cmp(rec->on, xf_date_add_months(q->on, 6)) > 0)
			return fail(
			    v, "restart_needed", "done_on",
			    "支部大会（%s）通过后超过六个月未审批，须重新"
			    "履行预审和支部大会程序",
			    a);
		if (xf_date_cmp(rec->on, xf_date_add_months(q->on, 3)) > 0)
			return fail(
			    v, "revote_needed", "done_on",
			    "支部大会（%s）通过后超过三个月未审批，须重新"
			    "召开支部大会讨论",
			    a);
		break;
	case XF_RS_CONV_APPLY: {
		xf_date end = xf_recruit_probation_end(f);
		if (xf_date_cmp(rec->on, end) < 0) {
			fmt(end, a);
			return fail(v, "too_early", "done_on",
			            "预备期未满，%s 期满后方可提出转正申请", a);
		}
		break;
	}
	case XF_RS_CONV_APPROVAL:
		if (rec->extend_months != 0 &&
		    (rec->extend_months < 6 || rec->extend_months > 12))
			return fail(v, "extension_months", "extend_months",
			            "延长预备期应为6至12个月");
		for (int i = 0; rec->extend_months && i < f->n; i++)
			if (f->recs[i].step == XF_RS_CONV_APPROVAL &&
			    f->recs[i].extend_months > 0)
				return fail(v, "second_extension",
				            "extend_months",
				            "预备期只能延长一次");
		break;
	default:
		break;
	}
	return 0;
}

int xf_recruit_check(const xf_recruit_file *f, const xf_recruit_rec *rec,
                     xf_date today, xf_recruit_verdict *v)
{
	memset(v, 0, sizeof *v);
	char a[11];
	if (rec->step < 0 || rec->step >= XF_RS_COUNT)
		return fail(v, "unknown_step", "step", "步骤不在可选范围内");
	if (xf_date_cmp(rec->on, today) > 0)
		return fail(v, "future", "done_on", "日期不能晚于今天");
	const int *p = xf_recruit_table[rec->step].prereq;
	for (int i = 0; p[i] >= 0; i++) {
		const xf_recruit_rec *q = xf_recruit_current(f, p[i]);
		if (!q)
			return fail(v, "missing_prereq", "step",
			            "须先完成第%d步「%s」", p[i] + 1,
			            xf_recruit_steps[p[i]].label);
		if (xf_date_cmp(q->on, rec->on) > 0) {
			fmt(q->on, a);
			return fail(v, "too_early", "done_on",
			            "不能早于第%d步「%s」的日期 %s", p[i] + 1,
			            xf_recruit_steps[p[i]].label, a);
		}
	}
	const xf_recruit_rec *last = last_of(f, rec->step);
	if (last) {
		if (!repeatable_now(f, rec->step))
			return fail(v, "already_done", "step",
			            "第%d步「%s」已记录", rec->step + 1,
			            xf_recruit_steps[rec->step].label);
		if (xf_date_cmp(last->on, rec->on) > 0) {
			fmt(last->on, a);
			return fail(v, "too_early", "done_on",
			            "不能早于上次记录的日期 %s", a);
		}
	}
	return step_rules(f, rec, v);
}

/* The deadline of step when it is pending (y 0 when none). */
static xf_date deadline_of(const xf_recruit_file *f, int step)
{
	static const struct {
		int step, anchor, months;
	} d[] = {
	    {XF_RS_TALK, XF_RS_APPLY, 1},
	    {XF_RS_VOTE, XF_RS_PRE_REVIEW, 1},
	    {XF_RS_APPROVAL, XF_RS_VOTE, 3},
	    {XF_RS_CONV_APPROVAL, XF_RS_CONV_VOTE, 3},
	};
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		if (d[i].step != step)
			continue;
		const xf_recruit_rec *q = xf_recruit_current(f, d[i].anchor);
		if (q)
			return xf_date_add_months(q->on, d[i].months);
	}
	return (xf_date){0, 0, 0};
}

/* The earliest date of step beyond its prerequisites (y 0 when none). */
static xf_date earliest_of(const xf_recruit_file *f, int step)
{
	if (step == XF_RS_CULTURE) {
		const xf_recruit_rec *q = xf_recruit_current(f, XF_RS_ACTIVIST);
		if (q)
			return xf_date_add_months(q->on, 12);
	}
	if (step == XF_RS_CONV_APPLY)
		return xf_recruit_probation_end(f);
	return (xf_date){0, 0, 0};
}

void xf_recruit_next(const xf_recruit_file *f, xf_date today,
                     xf_recruit_due *out)
{
	memset(out, 0, sizeof *out);
	out->next = out->due_step = -1;
	for (int s = 0; s < XF_RS_COUNT; s++) {
		const int *p = xf_recruit_table[s].prereq;
		int ready = 1;
		for (int i = 0; ready && p[i] >= 0; i++)
			ready = xf_recruit_current(f, p[i]) != NULL;
		if (!ready)
			continue;
		int recorded = last_of(f, s) != NULL;
		if (recorded && !repeatable_now(f, s))
			continue;
		out->allowed[s] = 1;
		if (xf_recruit_current(f, s))
			continue;
		if (out->next < 0)
			out->next = s;
		xf_date dl = deadline_of(f, s);
		if (dl.y &&
		    (!out->deadline || xf_date_cmp(dl, out->due_on) < 0)) {
			out->deadline = 1;
			out->due_on = dl;
			out->due_step = s;
		}
	}
	if (!out->deadline && out->next >= 0) {
		out->due_step = out->next;
		out->due_on = earliest_of(f, out->next);
	}
	if (out->due_on.y) {
		out->days_left =
		    (int)(xf_date_days(out->due_on) - xf_date_days(today));
		out->overdue = out->deadline && out->days_left < 0;
	}
}
