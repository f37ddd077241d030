/*
 * demo_meetings.c - the demo city's meeting history: everything goes
 * through the use cases of service/meetings.c (validation, audit), with the
 * command line's full rights. Each meeting works in its own arena, so the
 * history does not pile up in the demo's.
 */
#include "tools/demo_meetings.h"

#include "base/date.h"
#include "domain/compliance.h"
#include "service/attendance.h"
#include "service/measures.h"
#include "service/meetings.h"
#include "service/talks.h"

#include <stdio.h>
#include <string.h>

static const char *const ft_titles[] = {
    "学习习近平总书记关于党的建设的重要思想",
    "学习习近平总书记关于机关党建工作的重要论述",
    "学习习近平总书记在中央政治局集体学习时的重要讲话精神",
    "学习习近平总书记关于调查研究的重要论述",
    "学习习近平总书记关于全面从严治党的重要论述",
    "学习习近平总书记在中央和国家机关党的建设工作会议上的重要讲话精神",
};
static const char *const ft_sources[] = {"《求是》", "人民日报", "新华社",
                                         "学习强国"};
static const char *const measures[] = {
    "结合本单位实际制定学习贯彻工作方案",
    "开展专题调研并形成调研报告",
    "建立学习贯彻落实工作台账",
    "召开专题研讨会交流学习体会",
};
static const char *const owners[] = {"张建国", "李晓燕", "王志强", "陈丽华",
                                     "刘海波"};
static const char *const places[] = {"机关三楼会议室", "党员活动室",
                                     "党建活动中心", "五楼小会议室"};

/* A topic for a meeting kind. */
static const char *topic_of(int kind, int pick)
{
	static const char *const themes[] = {"重温入党誓词 践行初心使命",
	                                     "走进红色教育基地",
	                                     "志愿服务进社区",
	                                     "学习身边榜样",
	                                     "廉政警示教育",
	                                     "“我为群众办实事”实践活动"};
	switch (kind) {
	case XF_MK_BRANCH_CONGRESS:
		return "党员大会：通报支部工作，讨论发展党员";
	case XF_MK_BRANCH_COMMITTEE:
		return "支委会：研究本月支部工作";
	case XF_MK_PARTY_LECTURE:
		return "书记讲党课：坚定理想信念 勇于担当作为";
	case XF_MK_THEME_DAY:
		return themes[pick % 6];
	case XF_MK_LIFE_MEETING:
		return "年度组织生活会";
	case XF_MK_DEMOCRATIC_REVIEW:
		return "民主评议党员";
	case XF_MK_COMMITTEE_MEETING:
		return "党委（党组）会议：研究部署近期工作";
	}
	return "会议";
}

typedef struct gen {
	const xf_demo_city *city;
	xf_ctx c; /* a copy of the demo's context over our own arena */
	xf_arena a;
	xf_date today;
	int lagging;    /* this org lags */
	int64_t truant; /* a member of this branch who misses meetings */
} gen;

static int pick(gen *g, int n)
{
	return xf_demo_pick(g->city, n);
}

/* Records the register of meeting id: mostly present, a few late or on
 * leave, the branch's truant often absent. */
static int attendance(gen *g, int64_t id)
{
	xf_meeting m;
	xf_attendee *e;
	int n;
	if (xf_attendance_read(&g->c, id, &m, &e, &n) != XF_OK)
		return -1;
	if (n == 0)
		return 0;
	if (!g->truant && pick(g, 6) == 0)
		g->truant = e[pick(g, n)].member_id;
	xf_attendance_item *it = xf_arena_calloc(&g->a, (size_t)n, sizeof *it);
	if (!it)
		return -1;
	for (int i = 0; i < n; i++) {
		int r = pick(g, 100);
		const char *s = r < 86   ? "present"
		                : r < 90 ? "late"
		                : r < 93 ? "sick_leave"
		                : r < 97 ? "official_leave"
		                : r < 99 ? "personal_leave"
		                         : "absent";
		if (e[i].member_id == g->truant && pick(g, 10) < 8)
			s = "absent";
		it[i] = (xf_attendance_item){e[i].member_id, s};
	}
	return xf_attendance_write(&g->c, id, it, n) == XF_OK ? 0 : -1;
}

/* Records one meeting of kind on day (and its register and measures). */
static int meeting(gen *g, int64_t org, int kind, xf_date day,
                   const char *makeup_for)
{
	char at[64], day_s[11], due[11], sdate[11];
	xf_date_format(day, day_s);
	snprintf(at, sizeof at, "%sT%02d:30:00+08:00", day_s, 9 + pick(g, 8));
	xf_compliance_rules r;
	xf_compliance_rules_default(&r);
	xf_meeting_input in = {
	    .org_id = org,
	    .kind = xf_meeting_kind_name(kind),
	    .held_at = at,
	    .makeup_for = makeup_for,
	    .place = places[pick(g, 4)],
	    .topic = topic_of(kind, pick(g, 6)),
	    .host = owners[pick(g, 5)],
	    .recorder = owners[pick(g, 5)],
	    .lecturer = kind == XF_MK_PARTY_LECTURE ? owners[pick(g, 5)] : NULL,
	    .agenda = "一、学习第一议题；二、研究讨论有关事项；三、其他",
	    .has_org_id = 1,
	    .has_kind = 1,
	    .has_held_at = 1,
	    .has_makeup_for = 1,
	    .has_place = 1,
	    .has_topic = 1,
	    .has_host = 1,
	    .has_recorder = 1,
	    .has_lecturer = 1,
	    .has_agenda = 1,
	};
	int with_ft =
	    r.needs_first_topic[kind] && !(g->lagging && pick(g, 100) < 15);
	if (with_ft) {
		in.has_first_topic = 1;
		in.ft_title = ft_titles[pick(g, 6)];
		in.ft_source = ft_sources[pick(g, 4)];
		xf_date sd =
		    xf_date_from_days(xf_date_days(day) - 3 - pick(g, 20));
		xf_date_format(sd, sdate);
		in.ft_speech_date = sdate;
	}
	xf_meeting m;
	if (xf_meeting_create(&g->c, &in, &m) != XF_OK)
		return -1;
	if (with_ft && kind == XF_MK_COMMITTEE_MEETING && pick(g, 3) == 0) {
		xf_date d = xf_date_from_days(xf_date_days(day) + 30);
		xf_date_format(d, due);
		xf_measure_input mi = {.title = measures[pick(g, 4)],
		                       .owner = owners[pick(g, 5)],
		                       .due_on = due};
		/* older measures are done, a few recent ones still open */
		char done[11];
		xf_date dd =
		    xf_date_from_days(xf_date_days(day) + 10 + pick(g, 30));
		if (xf_date_cmp(dd, g->today) < 0) {
			xf_date_format(dd, done);
			mi.done_on = done;
		}
		xf_measure ms;
		if (xf_measure_create(&g->c, m.id, &mi, &ms) != XF_OK)
			return -1;
	}
	if (kind == XF_MK_BRANCH_CONGRESS || kind == XF_MK_THEME_DAY ||
	    kind == XF_MK_PARTY_LECTURE || kind == XF_MK_LIFE_MEETING)
		return attendance(g, m.id);
	return 0;
}

/* A day in slot s that lies before today and on or after from, or
 * {0,0,0} if none. */
static xf_date day_in(gen *g, xf_period s, xf_date from)
{
	xf_date first = xf_period_first(s), last = xf_period_last(s);
	if (xf_date_cmp(first, from) < 0)
		first = from;
	xf_date yesterday = xf_date_from_days(xf_date_days(g->today) - 1);
	if (xf_date_cmp(last, yesterday) > 0)
		last = yesterday;
	int64_t a = xf_date_days(first), b = xf_date_days(last);
	if (b < a)
		return (xf_date){0, 0, 0};
	return xf_date_from_days(a + pick(g, (int)(b - a + 1)));
}

/* The history of one org: every slot its kind owes, from `from` until
 * yesterday; lagging orgs skip some and make up a few late. */
static int history(gen *g, const xf_org *o, xf_date from)
{
	xf_compliance_rules r;
	xf_compliance_rules_default(&r);
	int ok = xf_org_kind_parse(o->kind);
	xf_org_life life;
	if (ok < 0 || xf_org_life_of(o->kind, o->established_on, o->starts_on,
	                             o->ends_on, o->closed_on, &life) != 0)
		return 0;
	if (xf_date_cmp(life.from, from) > 0)
		from = life.from;
	g->lagging = pick(g, 100) < 20;
	g->truant = 0;
	for (int k = 0; k < XF_MK_COUNT; k++) {
		int f = r.freq[ok][k];
		if (!f)
			continue;
		xf_period s = xf_period_of(from, (xf_period_kind)f);
		for (; xf_date_cmp(xf_period_first(s), g->today) <= 0;
		     s = xf_period_next(s)) {
			xf_date day = day_in(g, s, from);
			if (!day.y || xf_date_cmp(day, life.to) > 0)
				continue;
			xf_arena_reset(&g->a);
			int skip =
			    g->lagging ? pick(g, 100) < 35 : pick(g, 100) < 2;
			if (!skip) {
				if (meeting(g, o->id, k, day, NULL) != 0)
					return -1;
				continue;
			}
			/* a skipped quarter is sometimes made up next month */
			if (f != XF_PERIOD_QUARTER || pick(g, 2))
				continue;
			xf_date late = day_in(
			    g,
			    xf_period_of(xf_period_first(xf_period_next(s)),
			                 XF_PERIOD_MONTH),
			    from);
			char p[12];
			xf_period_format(s, p);
			if (late.y && xf_date_cmp(late, life.to) <= 0 &&
			    meeting(g, o->id, k, late, p) != 0)
				return -1;
		}
	}
	return 0;
}

int xf_demo_meetings(const xf_demo_city *city)
{
	gen g = {.city = city, .c = *city->c};
	xf_arena_init(&g.a, 0);
	g.c.a = &g.a;
	g.today = xf_date_today(g.c.now);
	/* from 1 January of last year */
	xf_date from = {g.today.y - 1, 1, 1};
	int rc = 0;
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		const int64_t *ids = pass ? city->committees : city->branches;
		int n = pass ? city->ncommittees : city->nbranches;
		for (int i = 0; i < n && rc == 0; i++) {
			xf_arena_reset(&g.a);
			xf_org o;
			if (xf_store_org_get(g.c.db, &g.a, ids[i], &o) !=
			    XF_DB_ROW) {
				rc = xf_fail(city->c, XF_E_INTERNAL, "internal",
				             "组织不存在", NULL);
				break;
			}
			/* o lives in g.a, which history() resets: copy */
			xf_org copy = o;
			char kind[32], est[11], st[11] = "", en[11] = "",
			                        cl[11] = "";
			snprintf(kind, sizeof kind, "%s", o.kind);
			snprintf(est, sizeof est, "%s", o.established_on);
			if (o.starts_on)
				snprintf(st, sizeof st, "%s", o.starts_on);
			if (o.ends_on)
				snprintf(en, sizeof en, "%s", o.ends_on);
			if (o.closed_on)
				snprintf(cl, sizeof cl, "%s", o.closed_on);
			copy.kind = kind;
			copy.established_on = est;
			copy.starts_on = o.starts_on ? st : NULL;
			copy.ends_on = o.ends_on ? en : NULL;
			copy.closed_on = o.closed_on ? cl : NULL;
			if (history(&g, &copy, from) != 0) {
				city->c->err = g.c.err;
				city->c->err.field = NULL; /* in g.a */
				rc = -1;
			}
		}
	}
	xf_arena_reset(&g.a);
	return rc;
}
