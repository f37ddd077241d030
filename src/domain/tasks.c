/*
 * tasks.c - status and roll-up rules of tasks and milestones (see
 * tasks.h for the rules in words).
 */
#include "domain/tasks.h"

#include <string.h>

/* Most urgent first, as the chart's legend and filters list them. */
const xf_code xf_task_statuses[] = {
    {"red", "逾期"},           {"yellow", "滞后已追赶"}, {"green", "正常推进"},
    {"not_started", "未开始"}, {"done", "已完成"},       {NULL, NULL},
};
/* The xf_task_status of each row above. */
static const int task_status_of_row[] = {XF_TASK_RED, XF_TASK_YELLOW,
                                         XF_TASK_GREEN, XF_TASK_NOT_STARTED,
                                         XF_TASK_DONE};

const xf_code xf_milestone_statuses[] = {
    [XF_MS_PENDING - 1] = {"pending", "待完成"},
    [XF_MS_DONE - 1] = {"done", "已完成"},
    [XF_MS_OVERDUE - 1] = {"overdue", "已逾期"},
    [XF_MS_OVERDUE] = {NULL, NULL},
};

const xf_code xf_task_evidence_kinds[] = {
    {"link", "链接"}, {"file", "文件"},   {"meeting", "会议"},
    {"task", "任务"}, {"record", "记录"}, {"text", "文字说明"},
    {NULL, NULL},
};

/* The row of xf_task_statuses of status s, or -1. */
static int task_status_row(int s)
{
	for (int i = 0; xf_task_statuses[i].code; i++)
		if (task_status_of_row[i] == s)
			return i;
	return -1;
}

const char *xf_task_status_name(int s)
{
	int i = task_status_row(s);
	return i >= 0 ? xf_task_statuses[i].code : "";
}

const char *xf_task_status_title(int s)
{
	int i = task_status_row(s);
	return i >= 0 ? xf_task_statuses[i].label : "";
}

int xf_task_status_parse(const char *s)
{
	int i = xf_code_index(xf_task_statuses, s);
	return i >= 0 ? task_status_of_row[i] : 0;
}

const char *xf_milestone_status_name(int s)
{
	return s >= XF_MS_PENDING && s <= XF_MS_OVERDUE
	           ? xf_milestone_statuses[s - 1].code
	           : "";
}

int xf_milestone_status_at(xf_date today, xf_date due, int done)
{
	if (done)
		return XF_MS_DONE;
	return xf_date_cmp(today, due) > 0 ? XF_MS_OVERDUE : XF_MS_PENDING;
}

int xf_milestone_late(xf_date today, xf_date due, int done, xf_date done_on)
{
	return xf_date_cmp(done ? done_on : today, due) > 0;
}

/* Keeps the earlier of two optional dates in (*has, *d). */
static void earliest(int *has, xf_date *d, xf_date cand)
{
	if (!*has || xf_date_cmp(cand, *d) < 0)
		*d = cand;
	*has = 1;
}

void xf_task_roll_up(xf_date today, const xf_task_own *t, const xf_ms_state *ms,
                     int nms, const xf_child_state *cs, int nc,
                     xf_task_roll *out)
{
	memset(out, 0, sizeof *out);
	long long wsum = 0, psum = 0;
	int started = t->reported;
	for (int i = 0; i < nms; i++) {
		int w = ms[i].weight > 0 ? ms[i].weight : 1;
		wsum += w;
		if (ms[i].done) {
			psum += 100LL * w;
			started = 1;
			if (xf_date_cmp(ms[i].done_on, ms[i].due_on) > 0)
				out->late = 1;
		} else {
			out->open_parts++;
			earliest(&out->has_own_next, &out->own_next,
			         ms[i].due_on);
		}
	}
	for (int i = 0; i < nc; i++) {
		int w = cs[i].weight > 0 ? cs[i].weight : 1;
		int p = cs[i].percent < 0     ? 0
		        : cs[i].percent > 100 ? 100
		                              : cs[i].percent;
		wsum += w;
		psum += (long long)p * w;
		started |= cs[i].started || p > 0;
		out->late |= cs[i].late;
		if (!cs[i].done)
			out->open_parts++;
		if (!cs[i].done && cs[i].has_next)
			earliest(&out->has_next, &out->next, cs[i].next);
	}
	int reported = t->reported_percent < 0     ? 0
	               : t->reported_percent > 100 ? 100
	                                           : t->reported_percent;
	if (wsum == 0) {
		out->percent = reported;
	} else if (out->open_parts == 0) {
		out->percent = 100;
	} else {
		int mean = (int)(psum / wsum); /* < 100: a part is open */
		int kept = reported > 99 ? 99 : reported;
		out->percent = mean > kept ? mean : kept;
	}
	out->done = out->percent == 100;
	out->started = started || out->percent > 0;
	if (out->done) {
		out->done_on = t->was_done ? t->done_on : today;
		if (xf_date_cmp(out->done_on, t->due_on) > 0)
			out->late = 1;
		out->has_next = out->has_own_next = 0;
		return;
	}
	earliest(&out->has_own_next, &out->own_next, t->due_on);
	earliest(&out->has_next, &out->next, out->own_next);
}

int xf_task_status_at(xf_date today, const xf_task_roll *r)
{
	if (r->done)
		return XF_TASK_DONE;
	if (r->has_next && xf_date_cmp(today, r->next) > 0)
		return XF_TASK_RED;
	if (r->late)
		return XF_TASK_YELLOW;
	if (!r->started)
		return XF_TASK_NOT_STARTED;
	return XF_TASK_GREEN;
}

int xf_task_on_time(const xf_task_roll *r, xf_date due_on)
{
	return r->done && xf_date_cmp(r->done_on, due_on) <= 0;
}

int xf_task_on_time_permille(int64_t on_time, int64_t due)
{
	if (due <= 0)
		return -1;
	if (on_time < 0)
		on_time = 0;
	if (on_time > due)
		on_time = due;
	return (int)((on_time * 1000 + due / 2) / due);
}

/* Mean completion in hundredths of a percent, for comparisons. */
static int64_t mean_percent(const xf_board_row *r)
{
	return r->tasks > 0 ? r->percent_sum * 100 / r->tasks : 0;
}

static int cmp64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

int xf_task_board_tie(const xf_board_row *a, const xf_board_row *b)
{
	return xf_task_on_time_permille(a->on_time, a->due) ==
	           xf_task_on_time_permille(b->on_time, b->due) &&
	       a->on_time == b->on_time && mean_percent(a) == mean_percent(b);
}

int xf_task_board_cmp(const xf_board_row *a, const xf_board_row *b)
{
	int c = cmp64(xf_task_on_time_permille(b->on_time, b->due),
	              xf_task_on_time_permille(a->on_time, a->due));
	if (!c)
		c = cmp64(b->on_time, a->on_time);
	if (!c)
		c = cmp64(mean_percent(b), mean_percent(a));
	if (!c)
		c = cmp64(a->key, b->key);
	return c;
}
