/*
 * points.c - caps, floors, vetoes, rule versions and ranks (see points.h).
 */
#include "domain/points.h"

#include "domain/compliance.h"
#include "domain/scope.h"

#include <string.h>

/* A category's code is its Chinese name: rules have always stored it. */
const xf_code xf_point_categories[] = {
    {"政治学习", "政治学习"},
    {"组织生活", "组织生活"},
    {"履职尽责", "履职尽责"},
    {"志愿服务", "志愿服务"},
    {"创先争优", "创先争优"},
    {XF_POINTS_NEGATIVE_CATEGORY, "负面清单"},
    {NULL, NULL},
};

const xf_code xf_point_subjects[] = {
    {"member", "党员"},
    {"org", "党组织"},
    {NULL, NULL},
};

const xf_code xf_point_cap_periods[] = {
    {"month", "每月"},
    {"quarter", "每季度"},
    {"year", "每年"},
    {NULL, NULL},
};

const xf_code xf_claim_statuses[] = {
    {"pending", "待审核"},
    {"approved", "已通过"},
    {"rejected", "未通过"},
    {NULL, NULL},
};

const xf_code xf_ledger_sources[] = {
    {"claim", "申报"},    {"award", "认定"}, {"record", "记实"},
    {"reversal", "冲正"}, {NULL, NULL},
};

const xf_code xf_point_notice_kinds[] = {
    {"members", "党员榜"},
    {"orgs", "组织榜"},
    {NULL, NULL},
};

const xf_code xf_point_notice_states[] = {
    {"upcoming", "未开始"},
    {"open", "公示中"},
    {"closed", "已结束"},
    {NULL, NULL},
};

const xf_code xf_point_objection_statuses[] = {
    {"open", "待答复"},
    {"upheld", "异议成立"},
    {"dismissed", "异议不成立"},
    {NULL, NULL},
};

int xf_points_category_valid(const char *s)
{
	return xf_code_valid(xf_point_categories, s);
}

int xf_points_approver_valid(const char *role)
{
	int r = xf_role_parse(role);
	return r == XF_ROLE_SECRETARY || r == XF_ROLE_COMMITTEE;
}

/* Words of engagement metrics (likes, votes, shares, clicks, sign-ins,
 * study or online time). "分享" alone is a share; "分享会" is a meeting. */
static const char *const forbidden[] = {
    "点赞",   "投票",     "票数",     "得票",     "转发",     "转载",
    "点击",   "浏览",     "阅读量",   "访问量",   "签到",     "打卡",
    "登录",   "学习时长", "在线时长", "观看时长", "学习强国", "刷题",
    "评论数", "收藏",     "粉丝",     "关注数",   NULL};

int xf_points_item_forbidden(const char *s)
{
	if (!s)
		return 0;
	for (const char *const *w = forbidden; *w; w++)
		if (strstr(s, *w))
			return 1;
	for (const char *p = strstr(s, "分享"); p; p = strstr(p + 1, "分享"))
		if (strncmp(p + strlen("分享"), "会", strlen("会")) != 0)
			return 1;
	return 0;
}

static int64_t abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

xf_point_outcome xf_points_grant(const xf_point_terms *t,
                                 const xf_point_state *s, xf_point_grant *g)
{
	memset(g, 0, sizeof *g);
	if (s->vetoed > 0)
		return XF_POINTS_VETOED;
	if (t->veto) {
		g->veto = 1;
		g->points = -s->year_total;
		return XF_POINTS_GRANTED;
	}
	int64_t p = t->points;
	if (t->cap > 0) {
		/* Room left in the direction of the entry; net use against
		 * the entry's direction does not widen the cap. */
		int64_t used = p >= 0 ? s->used : -s->used;
		int64_t room = t->cap - (used > 0 ? used : 0);
		if (room < 0)
			room = 0;
		if (abs64(p) > room) {
			p = p >= 0 ? room : -room;
			g->capped = 1;
		}
	}
	if (p < 0) {
		int64_t room = s->year_total - s->floor; /* most to deduct */
		if (room < 0)
			room = 0;
		if (-p > room) {
			p = -room;
			g->floored = 1;
		}
	}
	g->points = p;
	return XF_POINTS_GRANTED;
}

int xf_points_reversal_allowed(int entry_is_veto, int vetoed)
{
	return entry_is_veto || vetoed <= 0;
}

int xf_points_version_on(const xf_point_span *v, int n, const char *date)
{
	if (!date)
		return -1;
	for (int i = 0; i < n; i++) {
		if (!v[i].valid_from || strcmp(v[i].valid_from, date) > 0)
			continue;
		if (v[i].valid_to && strcmp(date, v[i].valid_to) >= 0)
			continue;
		return i;
	}
	return -1;
}

int xf_points_version_from_ok(const char *latest_from, const char *new_from)
{
	return latest_from && new_from && strcmp(new_from, latest_from) > 0;
}

void xf_points_periods(xf_date d, char month[12], char quarter[12],
                       char year[12])
{
	xf_period_format(xf_period_of(d, XF_PERIOD_MONTH), month);
	xf_period_format(xf_period_of(d, XF_PERIOD_QUARTER), quarter);
	xf_period_format(xf_period_of(d, XF_PERIOD_YEAR), year);
}

void xf_points_ranks(const int64_t *scores, int n, int *ranks)
{
	for (int i = 0; i < n; i++)
		ranks[i] =
		    i > 0 && scores[i] == scores[i - 1] ? ranks[i - 1] : i + 1;
}

int64_t xf_points_average_x100(int64_t sum, int64_t count)
{
	if (count <= 0)
		return 0;
	int64_t n = sum * 100;
	int64_t q = n / count, r = n % count;
	if (abs64(r) * 2 >= count)
		q += n < 0 ? -1 : 1;
	return q;
}

/* ---- points written from records -------------------------------------- */

const xf_code xf_point_record_kinds[] = {
    {"meeting_attendance", "出席会议"},
    {"meeting_held", "召开会议"},
    {"first_topic", "学习第一议题"},
    {"milestone_on_time", "按期完成时间节点"},
    {"duty_evidence_accepted", "履职记实"},
    {NULL, NULL},
};

static int empty(const char *s)
{
	return !s || !*s;
}

/* Which subjects each record kind scores: 1 member, 2 org, 3 both; and
 * whether it takes a meeting kind as qualifier. */
static const struct {
	const char *kind;
	int subjects, meeting_qualifier;
} record_kind_terms[] = {
    {"meeting_attendance", 1, 1},
    {"meeting_held", 2, 1},
    {"first_topic", 3, 1},
    {"milestone_on_time", 2, 0},
    {"duty_evidence_accepted", 1, 0},
};

xf_record_rule_check xf_points_record_rule_check(const char *subject,
                                                 const char *kind,
                                                 const char *qualifier,
                                                 int veto)
{
	if (empty(kind))
		return empty(qualifier) ? XF_RECORD_RULE_OK
		                        : XF_RECORD_RULE_QUALIFIER;
	size_t n = sizeof record_kind_terms / sizeof record_kind_terms[0];
	for (size_t i = 0; i < n; i++) {
		if (strcmp(kind, record_kind_terms[i].kind) != 0)
			continue;
		int want = subject && strcmp(subject, "org") == 0 ? 2 : 1;
		if (!(record_kind_terms[i].subjects & want))
			return XF_RECORD_RULE_SUBJECT;
		if (!empty(qualifier) &&
		    (!record_kind_terms[i].meeting_qualifier ||
		     xf_meeting_kind_parse(qualifier) < 0))
			return XF_RECORD_RULE_QUALIFIER;
		return veto ? XF_RECORD_RULE_VETO : XF_RECORD_RULE_OK;
	}
	return XF_RECORD_RULE_UNKNOWN;
}

int xf_points_record_matches(const char *rule_kind, const char *rule_qualifier,
                             const char *kind, const char *qualifier)
{
	if (empty(rule_kind) || empty(kind) || strcmp(rule_kind, kind) != 0)
		return 0;
	return empty(rule_qualifier) ||
	       (!empty(qualifier) && strcmp(rule_qualifier, qualifier) == 0);
}

int xf_points_attended(const char *status)
{
	return status &&
	       (strcmp(status, "present") == 0 || strcmp(status, "late") == 0);
}

int xf_points_milestone_on_time(const char *due_on, const char *done_on)
{
	return due_on && done_on && strcmp(done_on, due_on) <= 0;
}

int xf_points_duty_evidence_counts(const char *kind)
{
	return kind && strcmp(kind, "ledger") != 0;
}

static int same_key(const xf_point_record_key *a, const xf_point_record_key *b)
{
	return a->rule_id == b->rule_id && a->ref && b->ref &&
	       strcmp(a->ref, b->ref) == 0 && a->occurred_on &&
	       b->occurred_on && strcmp(a->occurred_on, b->occurred_on) == 0;
}

void xf_points_records_diff(xf_point_record_key *have, int nhave,
                            xf_point_record_key *want, int nwant)
{
	for (int i = 0; i < nhave; i++)
		have[i].keep = 0;
	for (int j = 0; j < nwant; j++)
		want[j].keep = 0;
	for (int j = 0; j < nwant; j++)
		for (int k = 0; k < j && !want[j].keep; k++)
			want[j].keep = same_key(&want[k], &want[j]);
	for (int j = 0; j < nwant; j++)
		for (int i = 0; i < nhave && !want[j].keep; i++)
			if (!have[i].keep && same_key(&have[i], &want[j]))
				have[i].keep = want[j].keep = 1;
}
