/*
 * compliance.c - the rules of organizational life; see compliance.h for
 * the rules themselves. Pure: no allocation, no I/O.
 */
#include "domain/compliance.h"

#include <string.h>

const xf_code xf_meeting_kinds[] = {
    [XF_MK_BRANCH_CONGRESS] = {"branch_congress", "党员大会"},
    [XF_MK_BRANCH_COMMITTEE] = {"branch_committee", "支委会"},
    [XF_MK_GROUP_MEETING] = {"group_meeting", "党小组会"},
    [XF_MK_PARTY_LECTURE] = {"party_lecture", "党课"},
    [XF_MK_THEME_DAY] = {"theme_day", "主题党日"},
    [XF_MK_LIFE_MEETING] = {"life_meeting", "组织生活会"},
    [XF_MK_DEMOCRATIC_REVIEW] = {"democratic_review", "民主评议党员"},
    [XF_MK_COMMITTEE_MEETING] = {"committee_meeting", "党委（党组）会议"},
    [XF_MK_FIRST_TOPIC] = {"first_topic", "第一议题学习"},
    [XF_MK_COUNT] = {NULL, NULL},
};

/* In the order of the rules editor: xf_freq_parse() reads these codes. */
const xf_code xf_meeting_frequencies[] = {
    {"monthly", "每月"}, {"quarterly", "每季度"},
    {"yearly", "每年"},  {"none", "不作要求"},
    {NULL, NULL},
};

/* Most urgent first, as the supervision board lists them. */
const xf_code xf_compliance_statuses[] = {
    {"red", "缺项"},   {"yellow", "补开"}, {"due", "待开"},
    {"green", "达标"}, {NULL, NULL},
};

int xf_meeting_kind_parse(const char *s)
{
	return xf_code_index(xf_meeting_kinds, s);
}

const char *xf_meeting_kind_name(int kind)
{
	return kind >= 0 && kind < XF_MK_COUNT ? xf_meeting_kinds[kind].code
	                                       : "";
}

const char *xf_meeting_kind_title(int kind)
{
	return kind >= 0 && kind < XF_MK_COUNT ? xf_meeting_kinds[kind].label
	                                       : "";
}

int xf_meeting_kind_is_sanhui(int kind)
{
	return kind == XF_MK_BRANCH_CONGRESS ||
	       kind == XF_MK_BRANCH_COMMITTEE || kind == XF_MK_GROUP_MEETING ||
	       kind == XF_MK_PARTY_LECTURE;
}

/* The frequency of each row of xf_meeting_frequencies. */
static const int freq_of_row[] = {XF_PERIOD_MONTH, XF_PERIOD_QUARTER,
                                  XF_PERIOD_YEAR, XF_FREQ_NONE};

int xf_freq_parse(const char *s)
{
	int i = xf_code_index(xf_meeting_frequencies, s);
	return i >= 0 ? freq_of_row[i] : -1;
}

const char *xf_freq_name(int freq)
{
	for (size_t i = 0; i < sizeof freq_of_row / sizeof freq_of_row[0]; i++)
		if (freq_of_row[i] == freq)
			return xf_meeting_frequencies[i].code;
	return "none";
}

void xf_compliance_rules_default(xf_compliance_rules *r)
{
	memset(r, 0, sizeof *r);
	static const int branchlike[] = {XF_ORGK_BRANCH, XF_ORGK_TEMP_BRANCH,
	                                 XF_ORGK_GENERAL_BRANCH};
	for (size_t i = 0; i < sizeof branchlike / sizeof branchlike[0]; i++) {
		unsigned char *f = r->freq[branchlike[i]];
		f[XF_MK_BRANCH_CONGRESS] = XF_PERIOD_QUARTER;
		f[XF_MK_BRANCH_COMMITTEE] = XF_PERIOD_MONTH;
		f[XF_MK_PARTY_LECTURE] = XF_PERIOD_QUARTER;
		f[XF_MK_THEME_DAY] = XF_PERIOD_MONTH;
		f[XF_MK_LIFE_MEETING] = XF_PERIOD_YEAR;
		f[XF_MK_DEMOCRATIC_REVIEW] = XF_PERIOD_YEAR;
	}
	r->freq[XF_ORGK_GROUP][XF_MK_GROUP_MEETING] = XF_PERIOD_MONTH;
	static const int committees[] = {XF_ORGK_WORK_COMMITTEE,
	                                 XF_ORGK_PARTY_COMMITTEE,
	                                 XF_ORGK_ORGAN_COMMITTEE};
	for (size_t i = 0; i < sizeof committees / sizeof committees[0]; i++) {
		unsigned char *f = r->freq[committees[i]];
		f[XF_MK_COMMITTEE_MEETING] = XF_PERIOD_MONTH;
		f[XF_MK_LIFE_MEETING] = XF_PERIOD_YEAR;
	}
	r->needs_first_topic[XF_MK_COMMITTEE_MEETING] = 1;
	r->needs_first_topic[XF_MK_BRANCH_COMMITTEE] = 1;
	r->needs_first_topic[XF_MK_BRANCH_CONGRESS] = 1;
	r->needs_first_topic[XF_MK_FIRST_TOPIC] = 1;
}

int xf_org_life_of(const char *kind, const char *established_on,
                   const char *starts_on, const char *ends_on,
                   const char *closed_on, xf_org_life *out)
{
	xf_date d;
	if (xf_date_parse(established_on, &d) != 0)
		return -1;
	out->kind = xf_org_kind_parse(kind);
	out->from = d;
	out->to = (xf_date){9999, 12, 31};
	if (starts_on && xf_date_parse(starts_on, &d) == 0 &&
	    xf_date_cmp(d, out->from) > 0)
		out->from = d;
	if (ends_on && xf_date_parse(ends_on, &d) == 0 &&
	    xf_date_cmp(d, out->to) < 0)
		out->to = d;
	if (closed_on && xf_date_parse(closed_on, &d) == 0 &&
	    xf_date_cmp(d, out->to) < 0)
		out->to = d;
	return 0;
}

int xf_month_index(xf_date d)
{
	return d.y * 12 + d.m - 1;
}

xf_date xf_compliance_range_first(xf_period p)
{
	xf_date last = xf_period_last(p);
	/* The longest slot ending inside p starts earliest. */
	static const xf_period_kind kinds[] = {
	    XF_PERIOD_YEAR, XF_PERIOD_QUARTER, XF_PERIOD_MONTH};
	for (int i = 0; i < 3; i++) {
		xf_period s = xf_period_of(last, kinds[i]);
		if (xf_date_cmp(xf_period_last(s), last) == 0 &&
		    xf_date_cmp(xf_period_first(s), xf_period_first(p)) <= 0)
			return xf_period_first(s);
	}
	return xf_period_first(p);
}

xf_date xf_compliance_months_first(xf_period p)
{
	xf_date rf = xf_compliance_range_first(p);
	xf_date qf = xf_period_first(
	    xf_period_of(xf_period_first(p), XF_PERIOD_QUARTER));
	return xf_date_cmp(qf, rf) > 0 ? qf : rf;
}

const char *xf_compliance_status_name(int status)
{
	/* The row of each status in xf_compliance_statuses. */
	static const int row[] = {[XF_CS_GREEN] = 3,
	                          [XF_CS_YELLOW] = 1,
	                          [XF_CS_DUE] = 2,
	                          [XF_CS_RED] = 0};
	return status >= XF_CS_GREEN && status <= XF_CS_RED
	           ? xf_compliance_statuses[row[status]].code
	           : "";
}

static int period_valid(xf_period p)
{
	char s[12];
	xf_period q;
	xf_period_format(p, s);
	return xf_period_parse(s, &q) == 0 && q.kind == p.kind && q.n == p.n;
}

/* Days of [a1, a2] ∩ [b1, b2], both ends included. */
static int64_t overlap_days(xf_date a1, xf_date a2, xf_date b1, xf_date b2)
{
	int64_t lo = xf_date_days(a1), hi = xf_date_days(a2);
	int64_t l2 = xf_date_days(b1), h2 = xf_date_days(b2);
	if (l2 > lo)
		lo = l2;
	if (h2 < hi)
		hi = h2;
	return hi >= lo ? hi - lo + 1 : 0;
}

/* Evaluates one slot s of meeting kind k. */
static void eval_slot(const xf_org_life *org, xf_period s, int k, xf_date today,
                      const xf_meeting_tally *t, int nt, xf_compliance *out)
{
	xf_date first = xf_period_first(s), last = xf_period_last(s);
	int64_t slot_days = xf_date_days(last) - xf_date_days(first) + 1;
	int64_t lived = overlap_days(first, last, org->from, org->to);
	if (lived * 2 < slot_days)
		return;
	int m0 = xf_month_index(first), m1 = xf_month_index(last);
	int on_time = 0, late = 0;
	for (int i = 0; i < nt; i++) {
		if (t[i].kind != k || t[i].month < m0 || t[i].month > m1)
			continue;
		on_time += t[i].on_time;
		late += t[i].late;
	}
	unsigned bit = 1u << k;
	int sanhui = xf_meeting_kind_is_sanhui(k);
	out->required++;
	out->sanhui_required += sanhui;
	if (on_time > 0 || late > 0) {
		out->held++;
		out->sanhui_held += sanhui;
		if (on_time == 0) {
			out->held_late++;
			out->late |= bit;
		}
		return;
	}
	if (xf_date_cmp(last, today) < 0) {
		out->missing |= bit;
		return;
	}
	out->pending |= bit;
	out->slots_pending++;
	out->sanhui_pending += sanhui;
	int left = (int)(xf_date_days(last) - xf_date_days(today) + 1);
	if (out->days_left == 0 || left < out->days_left)
		out->days_left = left;
}

int xf_compliance_eval(const xf_compliance_rules *r, const xf_org_life *org,
                       xf_period p, xf_date today, const xf_meeting_tally *t,
                       int nt, xf_compliance *out)
{
	memset(out, 0, sizeof *out);
	if (!period_valid(p) || !xf_date_valid(org->from) ||
	    !xf_date_valid(org->to))
		return -1;
	xf_date pfirst = xf_period_first(p), plast = xf_period_last(p);
	if (org->kind >= 0 && org->kind < XF_ORGK_COUNT) {
		for (int k = 0; k < XF_MK_COUNT; k++) {
			int f = r->freq[org->kind][k];
			if (f != XF_PERIOD_MONTH && f != XF_PERIOD_QUARTER &&
			    f != XF_PERIOD_YEAR)
				continue;
			/* every slot of kind f that ends inside p */
			xf_period s = xf_period_of(pfirst, (xf_period_kind)f);
			for (; xf_date_cmp(xf_period_first(s), plast) <= 0;
			     s = xf_period_next(s))
				if (xf_period_contains(p, xf_period_last(s)))
					eval_slot(org, s, k, today, t, nt, out);
		}
	}
	int m0 = xf_month_index(pfirst), m1 = xf_month_index(plast);
	for (int i = 0; i < nt; i++) {
		if (t[i].kind < 0 || t[i].kind >= XF_MK_COUNT ||
		    !r->needs_first_topic[t[i].kind] || t[i].month < m0 ||
		    t[i].month > m1)
			continue;
		int n = t[i].on_time + t[i].late;
		out->ft_meetings += n;
		out->ft_recorded += n - t[i].no_first_topic;
	}
	if (out->ft_recorded < out->ft_meetings)
		out->missing |= XF_MISSING_FIRST_TOPIC;
	out->applies = out->required > 0 || out->ft_meetings > 0;
	if (out->missing)
		out->status = XF_CS_RED;
	else if (out->pending)
		out->status = XF_CS_DUE;
	else if (out->late)
		out->status = XF_CS_YELLOW;
	else
		out->status = XF_CS_GREEN;
	if (out->status != XF_CS_DUE)
		out->days_left = 0;
	return 0;
}

/* ---- meeting times ----------------------------------------------------- */

/* Reads exactly n digits. */
static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int xf_time_parse_iso(const char *s, int64_t *out)
{
	if (!s || strlen(s) < 17 || strlen(s) > 40)
		return -1;
	char day[11];
	memcpy(day, s, 10);
	day[10] = '\0';
	xf_date d;
	int hh, mm, ss = 0;
	if (xf_date_parse(day, &d) != 0 || s[10] != 'T' ||
	    digits(s + 11, 2, &hh) != 0 || s[13] != ':' ||
	    digits(s + 14, 2, &mm) != 0 || hh > 23 || mm > 59)
		return -1;
	const char *p = s + 16;
	if (*p == ':') {
		if (digits(p + 1, 2, &ss) != 0 || ss > 59)
			return -1;
		p += 3;
		if (*p == '.') {
			p++;
			size_t nf = strspn(p, "0123456789");
			if (nf == 0 || nf > 9)
				return -1;
			p += nf;
		}
	}
	int offset;
	if (*p == 'Z') {
		offset = 0;
		p++;
	} else if (*p == '+' || *p == '-') {
		int oh, om;
		if (digits(p + 1, 2, &oh) != 0 || p[3] != ':' ||
		    digits(p + 4, 2, &om) != 0 || om > 59 ||
		    oh * 60 + om > 14 * 60)
			return -1;
		offset = (oh * 3600 + om * 60) * (*p == '-' ? -1 : 1);
		p += 6;
	} else {
		return -1;
	}
	if (*p != '\0')
		return -1;
	*out = xf_date_days(d) * 86400 + hh * 3600 + mm * 60 + ss - offset;
	return 0;
}

/* ---- attendance and talks ---------------------------------------------- */

const xf_code xf_attendance_statuses[] = {
    {"present", "出席"},
    {"late", "迟到"},
    {"sick_leave", "病假"},
    {"official_leave", "公假"},
    {"personal_leave", "事假"},
    {"absent", "缺席"},
    {NULL, NULL},
};
/* The paper register's mark of each status, in the order above. */
static const char *const att_mark[XF_ATTENDANCE_STATUSES] = {"√", "#", "○",
                                                             "★", "△", "×"};

int xf_attendance_status_valid(const char *s)
{
	return xf_code_valid(xf_attendance_statuses, s);
}

const char *xf_attendance_mark(const char *s)
{
	return xf_attendance_status_mark(xf_attendance_status_index(s));
}

int xf_attendance_status_index(const char *s)
{
	return xf_code_index(xf_attendance_statuses, s);
}

const char *xf_attendance_status_name(int i)
{
	return i >= 0 && i < XF_ATTENDANCE_STATUSES
	           ? xf_attendance_statuses[i].code
	           : "";
}

const char *xf_attendance_status_mark(int i)
{
	return i >= 0 && i < XF_ATTENDANCE_STATUSES ? att_mark[i] : "";
}

const char *xf_attendance_status_title(int i)
{
	return i >= 0 && i < XF_ATTENDANCE_STATUSES
	           ? xf_attendance_statuses[i].label
	           : "";
}

int xf_absence_streak(const char *const *st, int n)
{
	int k = 0;
	while (k < n && st[k] && strcmp(st[k], "absent") == 0)
		k++;
	return k;
}
