/*
 * generate.c - the city and province generator. The organization tree:
 * a work committee (工委) at the top; city departments, each a party group
 * (党组) with an organ committee (机关党委) and branches; ten districts and
 * counties, each a work committee with its own departments; nine clusters
 * (片区). Members get plausible names, valid ID numbers (unique by
 * construction) and phone numbers. Same seed, same data.
 */
#include "tools/generate.h"

#include "base/arena.h"
#include "base/date.h"
#include "domain/idnum.h"
#include "domain/tasks.h"
#include "service/auth.h"
#include "service/orgs.h"
#include "store/bulk.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct gen {
	xf_ctx c;
	uint64_t rng;
	int64_t now;
	int64_t nmembers, norgs, member_seq, nmeetings, ntasks, nmilestones;
	int64_t next_task; /* the id of the next task */
	xf_loader *orgs;   /* the load of the organizations */
	int64_t next_org;  /* the id of the next organization */
	int members_per_branch;
	/* branches made in the first phase, filled with members in the
	 * second (PostgreSQL's COPY admits no other statement meanwhile) */
	struct gen_branch {
		int64_t id;
		char path[XF_PATH_MAX];
		const char *region;
		int n;
	} * branches;
	int nbranches, branch_cap;
	char *err;
	size_t errlen;
} gen;

static int pick(gen *g, int n)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return (int)(g->rng % (uint64_t)n);
}

static const char *const districts[] = {"海曙区", "江北区", "镇海区", "北仑区",
                                        "鄞州区", "奉化区", "余姚市", "慈溪市",
                                        "宁海县", "象山县"};
static const char *const regions[] = {"330203", "330205", "330211", "330206",
                                      "330212", "330213", "330281", "330282",
                                      "330226", "330225"};
static const char *const depts[] = {"教育局",
                                    "财政局",
                                    "民政局",
                                    "人力社保局",
                                    "自然资源局",
                                    "生态环境局",
                                    "住房城乡建设局",
                                    "交通运输局",
                                    "水利局",
                                    "农业农村局",
                                    "商务局",
                                    "文化广电旅游局",
                                    "卫生健康局",
                                    "退役军人事务局",
                                    "应急管理局",
                                    "审计局",
                                    "市场监督管理局",
                                    "统计局",
                                    "医疗保障局",
                                    "综合行政执法局",
                                    "发展和改革局",
                                    "经济和信息化局",
                                    "科学技术局",
                                    "司法局",
                                    "信访局",
                                    "档案馆",
                                    "机关事务管理局",
                                    "总工会",
                                    "团委",
                                    "妇联",
                                    "科协",
                                    "工商联",
                                    "残联",
                                    "红十字会",
                                    "人民法院",
                                    "人民检察院",
                                    "人大常委会办公室",
                                    "政协办公室",
                                    "气象局",
                                    "税务局"};
#define NDEPTS ((int)(sizeof depts / sizeof depts[0]))

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
    "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢",
    "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅",
    "沈", "曾", "彭", "吕", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎",
    "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方"};
static const char *const given_m[] = {
    "伟",   "强",   "磊",   "军",   "洋",   "勇",   "杰",
    "涛",   "斌",   "浩",   "建国", "志强", "海波", "国华",
    "晓东", "文斌", "建平", "立新", "明辉", "振华", "宇航",
    "子轩", "俊杰", "鹏飞", "嘉豪", "永刚", "德明", "国平"};
static const char *const given_f[] = {
    "芳",   "娜",   "敏",   "静",   "丽",   "艳",   "婷",
    "霞",   "燕",   "玲",   "丽华", "晓燕", "秀英", "海燕",
    "雅琴", "佳怡", "慧敏", "文静", "春梅", "丹丹", "欣怡",
    "梓涵", "雨桐", "思琪", "晓红", "美玲", "素芬", "亚萍"};
static const char *const educations[] = {"大学本科", "硕士研究生", "大学专科",
                                         "博士研究生"};
static const char *const positions[] = {
    "科员",   "副主任科员", "主任科员",     "科长",
    "副处长", "四级调研员", "一级主任科员", "处长"};
static const char *const branch_names[] = {
    "第一党支部", "第二党支部", "第三党支部", "第四党支部",
    "第五党支部", "第六党支部", "第七党支部", "第八党支部"};

static int fail(gen *g, const char *what, int rc)
{
	snprintf(g->err, g->errlen, "%s failed (%d): %s", what, rc,
	         xf_db_errmsg(g->c.db));
	return -1;
}

static int64_t add_org(gen *g, int64_t parent, const char *parent_path,
                       int depth, const char *name, const char *kind,
                       const char *level, char *path_out)
{
	xf_org o = {.id = g->next_org++,
	            .parent_id = parent,
	            .name = name,
	            .kind = kind,
	            .level = level,
	            .path = path_out,
	            .depth = depth,
	            .established_on = "2001-07-01"};
	if (snprintf(path_out, XF_PATH_MAX, "%s%lld/",
	             parent_path ? parent_path : "/",
	             (long long)o.id) >= XF_PATH_MAX)
		return fail(g, "path", XF_DB_ERROR), 0;
	int rc = xf_bulk_org(g->orgs, &o, g->now);
	if (rc != XF_DB_OK)
		return fail(g, name, rc), 0;
	g->norgs++;
	return o.id;
}

/* Adds n members to a branch; ID numbers are unique by construction. */
static int add_members(gen *g, xf_loader *l, int64_t org_id,
                       const char *org_path, const char *region, int n)
{
	xf_date today = xf_date_today(g->now);
	int64_t base = xf_date_days((xf_date){1962, 1, 1});
	for (int i = 0; i < n; i++) {
		int64_t k = g->member_seq++;
		int male = pick(g, 100) < 58;
		/* birth day from k, sequence digits from k's higher part */
		xf_date birth = xf_date_from_days(base + k % 13870);
		int seq = (int)((k / 13870) % 500) * 2 + (male ? 1 : 0);
		char idn[19], phone[12], name[32], bdate[11], joined[11],
		    full[11];
		xf_idnum_make(region, birth, seq, idn);
		snprintf(phone, sizeof phone, "1%d%09d", 3 + pick(g, 7),
		         pick(g, 1000000000));
		snprintf(name, sizeof name, "%s%s", surnames[pick(g, 60)],
		         male ? given_m[pick(g, 28)] : given_f[pick(g, 28)]);
		xf_date_format(birth, bdate);
		xf_date j = {birth.y + 20 + pick(g, 15), 1 + pick(g, 12),
		             1 + pick(g, 28)};
		int probationary = pick(g, 100) < 5;
		if (probationary || xf_date_cmp(j, today) > 0)
			j = xf_date_from_days(xf_date_days(today) - 30 -
			                      pick(g, 300));
		xf_date_format(j, joined);
		xf_date f = {j.y + 1, j.m, j.d};
		xf_date_format(f, full);
		xf_member m = {.org_id = org_id,
		               .org_path = org_path,
		               .name = name,
		               .gender = male ? "male" : "female",
		               .id_number = idn,
		               .birth_date = bdate,
		               .phone = phone,
		               .ethnicity = pick(g, 100) < 95 ? "汉族" : "回族",
		               .education = educations[pick(g, 4)],
		               .position = positions[pick(g, 8)],
		               .status = probationary ? "probationary" : "full",
		               .joined_on = joined,
		               .full_on = probationary ? NULL : full};
		int rc = xf_bulk_member(l, &m, g->now);
		if (rc != XF_DB_OK)
			return fail(g, "member", rc);
		g->nmembers++;
	}
	return 0;
}

static int note_branch(gen *g, int64_t id, const char *path, const char *region,
                       int n)
{
	if (g->nbranches == g->branch_cap) {
		int cap = g->branch_cap ? g->branch_cap * 2 : 1024;
		struct gen_branch *b =
		    xf_arena_alloc(g->c.a, (size_t)cap * sizeof *b);
		if (!b)
			return -1;
		if (g->nbranches)
			memcpy(b, g->branches,
			       (size_t)g->nbranches * sizeof *b);
		g->branches = b;
		g->branch_cap = cap;
	}
	struct gen_branch *b = &g->branches[g->nbranches++];
	b->id = id;
	snprintf(b->path, sizeof b->path, "%s", path);
	b->region = region;
	b->n = n;
	return 0;
}

/* A unit: 党组 → 机关党委 → 3..7 branches with members. Returns the id of
 * the party group. */
static int64_t add_unit(gen *g, int64_t parent, const char *parent_path,
                        int depth, const char *unit, const char *level,
                        const char *region)
{
	char name[160], pg_path[XF_PATH_MAX], oc_path[XF_PATH_MAX],
	    br_path[XF_PATH_MAX];
	snprintf(name, sizeof name, "中共%s党组", unit);
	int64_t pg = add_org(g, parent, parent_path, depth, name,
	                     "party_committee", level, pg_path);
	if (!pg)
		return 0;
	snprintf(name, sizeof name, "中共%s机关委员会", unit);
	int64_t oc = add_org(g, pg, pg_path, depth + 1, name, "organ_committee",
	                     level, oc_path);
	if (!oc)
		return 0;
	int nb = 3 + pick(g, 5);
	for (int b = 0; b < nb; b++) {
		int64_t br = add_org(g, oc, oc_path, depth + 2, branch_names[b],
		                     "branch", level, br_path);
		int n = g->members_per_branch / 2 +
		        pick(g, g->members_per_branch + 1);
		if (!br || note_branch(g, br, br_path, region, n) != 0)
			return 0;
	}
	return pg;
}

/* One city: the work committee, its departments and its districts. */
static int add_city(gen *g, int64_t parent, const char *parent_path, int depth,
                    const char *city, int64_t *root_out, int64_t *district_out)
{
	char name[160], root_path[XF_PATH_MAX], d_path[XF_PATH_MAX];
	snprintf(name, sizeof name, "中共%s直属机关工作委员会", city);
	int64_t root = add_org(g, parent, parent_path, depth, name,
	                       "work_committee", "city", root_path);
	if (!root)
		return -1;
	*root_out = root;
	for (int i = 0; i < NDEPTS; i++) {
		char unit[96];
		snprintf(unit, sizeof unit, "%s%s", city, depts[i]);
		if (!add_unit(g, root, root_path, depth + 1, unit, "city",
		              "330201"))
			return -1;
	}
	for (int d = 0; d < 10; d++) {
		snprintf(name, sizeof name, "中共%s直属机关工作委员会",
		         districts[d]);
		int64_t dist = add_org(g, root, root_path, depth + 1, name,
		                       "work_committee", "county", d_path);
		if (!dist)
			return -1;
		if (d == 0)
			*district_out = dist;
		for (int u = 0; u < 38; u++) {
			char unit[96];
			snprintf(unit, sizeof unit, "%s%s", districts[d],
			         depts[u % NDEPTS]);
			if (!add_unit(g, dist, d_path, depth + 2, unit,
			              "county", regions[d]))
				return -1;
		}
	}
	return 0;
}

/* Two years of organizational life for every branch: monthly branch
 * committee, group meeting and theme day, quarterly congress and lecture;
 * about one branch in ten lags (misses some). The rows the meeting use
 * case writes, through the bulk path. */
static int add_meetings(gen *g, xf_loader *l, struct gen_branch *b,
                        xf_date today)
{
	static const char *const monthly[] = {"branch_committee",
	                                      "group_meeting", "theme_day"};
	static const char *const quarterly[] = {"branch_congress",
	                                        "party_lecture"};
	int lagging = pick(g, 10) == 0;
	for (int back = 23; back >= 0; back--) {
		int y = today.y, mth = today.m - back;
		while (mth < 1) {
			mth += 12;
			y--;
		}
		int last = back == 0 ? today.d - 1 : 28;
		if (last < 1)
			continue;
		for (int k = 0; k < 5; k++) {
			if (k >= 3 && (mth - 1) % 3 != 1)
				continue; /* quarterly: the middle month */
			if (lagging && pick(g, 3) == 0)
				continue;
			xf_date d = {y, mth, 1 + pick(g, last)};
			char on[11];
			xf_date_format(d, on);
			xf_meeting m = {
			    .org_id = b->id,
			    .org_path = b->path,
			    .kind = k < 3 ? monthly[k] : quarterly[k - 3],
			    .held_at =
			        xf_date_days(d) * 86400 + 6 * 3600 + 1800,
			    .held_on = on,
			    .counts_on = on,
			    .topic = k < 3 ? "学习贯彻党的二十届三中全会精神"
			                   : "学习贯彻习近平新时代中国特色社会"
			                     "主义思想",
			    .place = "机关党员活动室",
			};
			if (xf_bulk_meeting(l, &m, g->now) != XF_DB_OK)
				return -1;
			g->nmeetings++;
		}
	}
	return 0;
}

/* The rows of the task use case (xf_task_create_tx()) for a task with its
 * milestones, with the roll-up computed by the same domain rule; the
 * generated dates pass its checks by construction (asserted). */
static void roll_task(xf_task *t, xf_milestone ms[2], xf_date today,
                      char done_on[11], char next[11], char own_next[11])
{
	xf_ms_state mst[2];
	for (int i = 0; i < 2; i++) {
		xf_date due = {0}, done = {0};
		xf_date_parse(ms[i].due_on, &due);
		mst[i] = (xf_ms_state){.due_on = due,
		                       .done = ms[i].done_on != NULL,
		                       .weight = ms[i].weight};
		if (ms[i].done_on) {
			xf_date_parse(ms[i].done_on, &done);
			mst[i].done_on = done;
		}
		assert(strcmp(ms[i].due_on, t->start_on) >= 0 &&
		       strcmp(ms[i].due_on, t->due_on) <= 0);
		assert(!ms[i].done_on || xf_date_cmp(done, today) <= 0);
	}
	assert(strcmp(t->start_on, t->due_on) <= 0);
	xf_task_own own = {0};
	xf_date_parse(t->due_on, &own.due_on);
	xf_child_state none[1];
	xf_task_roll r;
	xf_task_roll_up(today, &own, mst, 2, none, 0, &r);
	t->percent = r.percent;
	t->started = r.started;
	t->late = r.late;
	t->done_on = NULL;
	t->due_next = t->own_next = NULL;
	if (r.done) {
		xf_date_format(r.done_on, done_on);
		t->done_on = done_on;
	}
	if (r.has_next) {
		xf_date_format(r.next, next);
		t->due_next = next;
	}
	if (r.has_own_next) {
		xf_date_format(r.own_next, own_next);
		t->own_next = own_next;
	}
}

/* What add_tasks() does with the tasks it makes. */
enum { TASKS_SKIP, TASKS_WRITE, TASKS_MILESTONES };

/* The year's tasks of a branch: each with two milestones, some done.
 * The same random draws whatever `what` is: TASKS_SKIP only moves the
 * generator past them; TASKS_WRITE writes the tasks (ids from
 * g->next_task), TASKS_MILESTONES their milestones (the same ids). */
static int add_tasks(gen *g, xf_loader *l, struct gen_branch *b, xf_date today,
                     int n, int what)
{
	static const char *const titles[] = {
	    "落实“第一议题”制度", "规范“三会一课”", "开展主题党日活动",
	    "党员积分管理",       "创建党建品牌",   "联建共建项目",
	    "党风廉政建设",       "模范机关创建"};
	for (int i = 0; i < n; i++) {
		char start[11], mid[11], due[11], title[96];
		xf_date s = {today.y, 1 + pick(g, 6), 1 + pick(g, 28)};
		xf_date m =
		    xf_date_from_days(xf_date_days(s) + 60 + pick(g, 60));
		xf_date e =
		    xf_date_from_days(xf_date_days(m) + 60 + pick(g, 90));
		int done = xf_date_cmp(m, today) < 0 && pick(g, 4) != 0;
		if (what == TASKS_SKIP)
			continue;
		xf_date_format(s, start);
		xf_date_format(m, mid);
		xf_date_format(e, due);
		snprintf(title, sizeof title, "%s（%d）", titles[i % 8], i + 1);
		xf_task t = {.id = g->next_task++,
		             .org_id = b->id,
		             .org_path = b->path,
		             .year = e.y,
		             .title = title,
		             .start_on = start,
		             .due_on = due,
		             .weight = 1};
		xf_milestone ms[2] = {{.task_id = t.id,
		                       .org_path = b->path,
		                       .seq = 1,
		                       .title = "阶段推进",
		                       .due_on = mid,
		                       .done_on = done ? mid : NULL,
		                       .weight = 1},
		                      {.task_id = t.id,
		                       .org_path = b->path,
		                       .seq = 2,
		                       .title = "完成验收",
		                       .due_on = due,
		                       .weight = 1}};
		int rc = XF_DB_OK;
		if (what == TASKS_WRITE) {
			char done_on[11], next[11], own_next[11];
			roll_task(&t, ms, today, done_on, next, own_next);
			rc = xf_bulk_task(l, &t, g->now);
			g->ntasks++;
		} else {
			for (int k = 0; k < 2 && rc == XF_DB_OK; k++)
				rc = xf_bulk_milestone(l, &ms[k], g->now);
			g->nmilestones += 2;
		}
		if (rc != XF_DB_OK)
			return -1;
	}
	return 0;
}

/*
 * The history of every branch, in one transaction: meetings, tasks, then
 * milestones, each one load (PostgreSQL's COPY admits no other statement
 * meanwhile). The random draws keep the order of one branch after the
 * other, meetings then tasks: the first pass writes the meetings and
 * skips over the tasks, remembering where each branch's tasks start.
 */
static int add_history(gen *g, xf_date today, int tasks_per_branch)
{
	xf_db *db = g->c.db;
	uint64_t *at =
	    xf_arena_alloc(g->c.a, (size_t)(g->nbranches + 1) * sizeof *at);
	if (!at)
		return fail(g, "history", XF_DB_ERROR);
	xf_loader *l;
	int rc = xf_bulk_meetings_begin(db, &l);
	for (int i = 0; rc == XF_DB_OK && i < g->nbranches; i++) {
		if (add_meetings(g, l, &g->branches[i], today) != 0)
			rc = XF_DB_ERROR;
		at[i] = g->rng;
		add_tasks(g, NULL, &g->branches[i], today, tasks_per_branch,
		          TASKS_SKIP);
	}
	int erc = xf_load_end(l, NULL);
	if (rc != XF_DB_OK || erc != XF_DB_OK)
		return fail(g, "meetings", rc != XF_DB_OK ? rc : erc);
	uint64_t after = g->rng;
	int64_t first_task = 0;
	for (int pass = TASKS_WRITE; pass <= TASKS_MILESTONES; pass++) {
		if (pass == TASKS_WRITE)
			rc = xf_bulk_tasks_begin(db, &l, &first_task);
		else
			rc = xf_bulk_milestones_begin(db, &l);
		g->next_task = first_task;
		for (int i = 0; rc == XF_DB_OK && i < g->nbranches; i++) {
			g->rng = at[i];
			if (add_tasks(g, l, &g->branches[i], today,
			              tasks_per_branch, pass) != 0)
				rc = XF_DB_ERROR;
		}
		if (pass == TASKS_WRITE)
			erc = xf_bulk_tasks_end(db, l, g->next_task - 1);
		else
			erc = xf_load_end(l, NULL);
		if (rc != XF_DB_OK || erc != XF_DB_OK)
			return fail(
			    g, pass == TASKS_WRITE ? "tasks" : "milestones",
			    rc != XF_DB_OK ? rc : erc);
	}
	g->rng = after;
	return 0;
}

int xf_generate(xf_db *db, int scale, uint64_t seed, const char *password,
                int history, xf_gen_stats *stats, char *err, size_t errlen)
{
	xf_arena a;
	xf_arena_init(&a, 0);
	gen g = {.rng = seed * 0x9E3779B97F4A7C15ull + 1,
	         .err = err,
	         .errlen = errlen,
	         .members_per_branch = 46};
	xf_ctx_init(&g.c, db, &a, NULL, "generate");
	g.now = g.c.now;
	int rc = -1;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	xf_db_load_mode(db, 1);
	if (xf_db_begin(db) != XF_DB_OK) {
		fail(&g, "begin", 0);
		goto out;
	}
	int64_t top = 0, city_root = 0, district = 0;
	int orc = xf_bulk_orgs_begin(db, &g.orgs, &g.next_org);
	if (orc != XF_DB_OK) {
		xf_bulk_orgs_end(db, g.orgs, 0);
		fail(&g, "orgs", orc);
		goto rollback;
	}
	if (scale >= 2) {
		static const char *const cities[] = {
		    "宁波市", "杭州市", "温州市", "嘉兴市", "湖州市",
		    "绍兴市", "金华市", "衢州市", "舟山市", "台州市"};
		char top_path[XF_PATH_MAX];
		top = add_org(&g, 0, NULL, 0, "中共省直属机关工作委员会",
		              "work_committee", "city", top_path);
		for (int i = 0; top && i < 10; i++) {
			int64_t r, dd;
			if (add_city(&g, top, top_path, 1, cities[i], &r,
			             &dd) != 0) {
				top = 0;
				break;
			}
			if (i == 0) {
				city_root = r;
				district = dd;
			}
		}
	} else if (add_city(&g, 0, NULL, 0, "市", &city_root, &district) == 0) {
		top = city_root;
	}
	orc = xf_bulk_orgs_end(db, g.orgs, g.next_org - 1);
	if (!top || orc != XF_DB_OK) {
		if (top)
			fail(&g, "orgs", orc);
		goto rollback;
	}
	/* second phase: the members of every branch */
	xf_loader *load;
	int drc = xf_bulk_members_begin(db, &load);
	for (int i = 0; drc == XF_DB_OK && i < g.nbranches; i++) {
		struct gen_branch *b = &g.branches[i];
		if (add_members(&g, load, b->id, b->path, b->region, b->n) != 0)
			drc = XF_DB_ERROR;
	}
	int erc = xf_bulk_members_end(load, NULL);
	if (drc == XF_DB_OK)
		drc = erc;
	if (drc != XF_DB_OK) {
		fail(&g, "members", drc);
		goto rollback;
	}
	drc = xf_bulk_recount(db);
	if (drc != XF_DB_OK) {
		fail(&g, "recount", drc);
		goto rollback;
	}
	if (xf_db_commit(db) != XF_DB_OK) {
		fail(&g, "commit", 0);
		goto rollback;
	}
	xf_db_load_mode(db, 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	stats->orgs = g.norgs;
	stats->members = g.nmembers;
	stats->seconds = (double)(t1.tv_sec - t0.tv_sec) +
	                 (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	stats->rows_per_s =
	    (double)(g.norgs + g.nmembers) / (stats->seconds + 1e-9);
	/* Clusters and accounts through the use cases (few rows). */
	static const char *const cluster_names[] = {
	    "第一片区", "第二片区", "第三片区", "第四片区", "第五片区",
	    "第六片区", "第七片区", "第八片区", "第九片区"};
	xf_org_page kids;
	if (xf_org_children(&g.c, city_root, &kids) != XF_OK) {
		snprintf(err, errlen, "children: %s", g.c.err.message);
		goto out;
	}
	for (int i = 0; i < 9; i++) {
		xf_cluster cl;
		if (xf_cluster_create(&g.c, cluster_names[i], "党建联建共同体",
		                      &cl) != XF_OK) {
			snprintf(err, errlen, "cluster: %s", g.c.err.message);
			goto out;
		}
		for (int k = i; k < kids.n; k += 9)
			if (xf_cluster_add(&g.c, cl.id, kids.items[k].id,
			                   &cl) != XF_OK) {
				snprintf(err, errlen, "cluster: %s",
				         g.c.err.message);
				goto out;
			}
	}
	struct {
		const char *user, *display, *role;
		int64_t org;
	} users[] = {{"admin", "系统管理员", "admin", 0},
	             {"jggw", "直属机关工委", "committee", top},
	             {"haishu", "海曙区直机关工委", "committee", district}};
	for (size_t i = 0; i < sizeof users / sizeof users[0]; i++) {
		xf_user_role r = {.role = users[i].role,
		                  .org_id = users[i].org};
		xf_user_input in = {.username = users[i].user,
		                    .display_name = users[i].display,
		                    .password = password,
		                    .roles = &r,
		                    .nroles = 1};
		xf_user u;
		if (xf_user_create(&g.c, &in, &u) != XF_OK) {
			snprintf(err, errlen, "user %s: %s", users[i].user,
			         g.c.err.message);
			goto out;
		}
	}
	/* History: meetings and tasks, in one transaction. */
	if (!history) {
		rc = 0;
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	xf_db_load_mode(db, 1);
	if (xf_db_begin(db) != XF_DB_OK) {
		fail(&g, "begin", 0);
		goto out;
	}
	const int tasks_per_branch = 24; /* ~50,000 for a city */
	if (add_history(&g, xf_date_today(g.now), tasks_per_branch) != 0)
		goto rollback;
	if (xf_db_commit(db) != XF_DB_OK) {
		fail(&g, "commit history", 0);
		goto rollback;
	}
	xf_db_load_mode(db, 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	stats->meetings = g.nmeetings;
	stats->tasks = g.ntasks;
	stats->milestones = g.nmilestones;
	stats->history_seconds = (double)(t1.tv_sec - t0.tv_sec) +
	                         (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	rc = 0;
	goto out;
rollback:
	xf_db_rollback(db);
out:
	xf_db_load_mode(db, 0);
	xf_arena_reset(&a);
	return rc;
}
