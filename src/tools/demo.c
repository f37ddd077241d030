/*
 * demo.c - `xianfeng demo`: the small demo city that `make run` loads, and
 * the command that loads it or, with --scale city|province, the generated
 * city of generate.c and generate_points.c. The small city goes through
 * the same use cases as the API (validation, audit), with the command
 * line's full rights.
 */
#include "tools/demo.h"

#include "base/date.h"
#include "domain/idnum.h"
#include "service/auth.h"
#include "service/members.h"
#include "service/orgs.h"
#include "tools/demo_duties.h"
#include "tools/demo_joint_projects.h"
#include "tools/demo_life.h"
#include "tools/demo_meetings.h"
#include "tools/demo_points.h"
#include "tools/demo_tasks.h"
#include "tools/generate.h"
#include "tools/generate_points.h"
#include "tools/tools.h"

#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct demo {
	xf_ctx c;
	uint64_t rng;
	char *err;
	size_t errlen;
	int nmembers;
	int64_t branches[256], committees[256];
	int nbranches, ncommittees;
} demo;

int xf_demo_pick(const xf_demo_city *city, int n)
{
	uint64_t *x = city->rng;
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return (int)(*x % (uint64_t)n);
}

static uint64_t next(demo *d)
{
	d->rng ^= d->rng << 13;
	d->rng ^= d->rng >> 7;
	d->rng ^= d->rng << 17;
	return d->rng;
}

static int pick(demo *d, int n)
{
	return (int)(next(d) % (uint64_t)n);
}

static int fail(demo *d, const char *what)
{
	snprintf(d->err, d->errlen, "%s: %s", what,
	         d->c.err.message ? d->c.err.message : "failed");
	return -1;
}

static int64_t org(demo *d, int64_t parent, const char *name, const char *kind,
                   const char *level, const char *est)
{
	xf_org_input in = {.name = name,
	                   .kind = kind,
	                   .level = level,
	                   .parent_id = parent,
	                   .established_on = est,
	                   .has_established_on = 1};
	xf_org o;
	if (xf_org_create(&d->c, &in, &o) != XF_OK)
		return fail(d, name), 0;
	if (strcmp(kind, "branch") == 0 && d->nbranches < 256)
		d->branches[d->nbranches++] = o.id;
	else if (strcmp(kind, "group") != 0 && d->ncommittees < 256)
		d->committees[d->ncommittees++] = o.id;
	return o.id;
}

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
    "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢",
    "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅",
    "沈", "曾", "彭", "吕", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎"};
static const char *const given_m[] = {"伟",   "强",   "磊",   "军",   "洋",
                                      "勇",   "杰",   "涛",   "斌",   "浩",
                                      "建国", "志强", "海波", "国华", "晓东",
                                      "文斌", "建平", "立新", "明辉", "振华"};
static const char *const given_f[] = {"芳",   "娜",   "敏",   "静",   "丽",
                                      "艳",   "婷",   "霞",   "燕",   "玲",
                                      "丽华", "晓燕", "秀英", "海燕", "雅琴",
                                      "佳怡", "慧敏", "文静", "春梅", "丹丹"};
static const char *const educations[] = {"大学本科", "硕士研究生", "大学专科",
                                         "博士研究生"};
static const char *const positions[] = {
    "科员",   "副主任科员", "主任科员",    "科长",
    "副处长", "四级调研员", "一级主任科员"};

/* Adds n members with valid, deterministic roster data to an org. */
static int members(demo *d, int64_t org_id, const char *region, int n)
{
	xf_date today = xf_date_today(d->c.now);
	for (int i = 0; i < n; i++) {
		int male = pick(d, 100) < 58;
		xf_date birth = {1962 + pick(d, 38), 1 + pick(d, 12),
		                 1 + pick(d, 28)};
		/* odd sequence digit = male */
		int seq = pick(d, 500) * 2 + (male ? 1 : 0);
		char idn[19], phone[12], name[32], bdate[11], joined[11],
		    full[11];
		xf_idnum_make(region, birth, seq % 1000, idn);
		snprintf(phone, sizeof phone, "1%d%09d", 3 + pick(d, 7),
		         pick(d, 1000000000));
		const char *given =
		    male ? given_m[pick(d, 20)] : given_f[pick(d, 20)];
		snprintf(name, sizeof name, "%s%s", surnames[pick(d, 48)],
		         given);
		xf_date_format(birth, bdate);
		int age_join = 20 + pick(d, 15);
		xf_date j = {birth.y + age_join, 1 + pick(d, 12),
		             1 + pick(d, 28)};
		int probationary = pick(d, 100) < 6;
		if (probationary)
			j = xf_date_from_days(xf_date_days(today) - 30 -
			                      pick(d, 300));
		if (xf_date_cmp(j, today) > 0)
			j = xf_date_from_days(xf_date_days(today) - 400);
		xf_date_format(j, joined);
		xf_date f = {j.y + 1, j.m, j.d};
		xf_date_format(f, full);
		xf_member_input in = {
		    .name = name,
		    .gender = male ? "male" : "female",
		    .id_number = idn,
		    .phone = phone,
		    .org_id = org_id,
		    .status = probationary ? "probationary" : "full",
		    .joined_on = joined,
		    .full_on = probationary ? NULL : full,
		    .ethnicity = pick(d, 100) < 95 ? "汉族" : "回族",
		    .education = educations[pick(d, 4)],
		    .position = positions[pick(d, 7)],
		};
		xf_member m;
		int rc = xf_member_create(&d->c, &in, &m);
		if (rc == XF_E_CONFLICT)
			continue; /* an ID number drawn twice: skip */
		if (rc != XF_OK)
			return fail(d, name);
		d->nmembers++;
	}
	return 0;
}

static int user(demo *d, const char *username, const char *display,
                const char *role, int64_t org_id, const char *password)
{
	xf_user_role r = {.role = role, .org_id = org_id};
	xf_user_input in = {.username = username,
	                    .display_name = display,
	                    .password = password,
	                    .roles = &r,
	                    .nroles = 1};
	xf_user u;
	if (xf_user_create(&d->c, &in, &u) != XF_OK)
		return fail(d, username);
	return 0;
}

typedef struct dept {
	const char *name; /* unit */
	int branches;
} dept;

/* A unit: party group (党组) → organ committee (机关党委) → branches. */
static int64_t unit(demo *d, int64_t parent, const char *name,
                    const char *level, int branches, const char *region,
                    int64_t *organ_out)
{
	static const char *const bnames[] = {"第一党支部", "第二党支部",
	                                     "第三党支部", "第四党支部"};
	char buf[128];
	snprintf(buf, sizeof buf, "中共%s党组", name);
	int64_t pg =
	    org(d, parent, buf, "party_committee", level, "2001-07-01");
	if (!pg)
		return 0;
	snprintf(buf, sizeof buf, "中共%s机关委员会", name);
	int64_t oc = org(d, pg, buf, "organ_committee", level, "2001-07-01");
	if (!oc)
		return 0;
	if (organ_out)
		*organ_out = oc;
	for (int b = 0; b < branches; b++) {
		int64_t br =
		    org(d, oc, bnames[b], "branch", level, "2005-03-01");
		if (!br || members(d, br, region, 10 + pick(d, 8)) != 0)
			return 0;
	}
	return pg;
}

/* Loads the small demo city through the service layer (deterministic
 * data). All demo accounts get `password`. Returns 0, or -1 with err
 * filled. */
static int demo_load(xf_db *db, const char *password, char *err, size_t errlen)
{
	xf_arena a;
	xf_arena_init(&a, 0);
	demo d = {.rng = 0x9E3779B97F4A7C15ull, .err = err, .errlen = errlen};
	xf_ctx_init(&d.c, db, &a, NULL, "demo");
	int rc = -1;
	xf_org_page existing;
	xf_org_filter any = {.limit = 1};
	if (xf_org_list(&d.c, &any, &existing) != XF_OK) {
		fail(&d, "reading organizations");
		goto out;
	}
	if (existing.total > 0) {
		snprintf(err, errlen,
		         "the database already holds "
		         "organizations; demo data not loaded");
		goto out;
	}
	int64_t city = org(&d, 0, "中共市直属机关工作委员会", "work_committee",
	                   "city", "1998-06-01");
	if (!city)
		goto out;
	static const dept city_units[] = {
	    {"市气象局", 2}, {"市审计局", 2}, {"市公安局", 4},
	    {"市妇联", 1},   {"市水利局", 2}, {"市人大常委会办公厅", 2},
	    {"市委编办", 1}};
	int64_t water_organ = 0, unit_ids[16];
	int nunits = 0;
	for (size_t i = 0; i < sizeof city_units / sizeof city_units[0]; i++) {
		int64_t oc = 0;
		int64_t id = unit(&d, city, city_units[i].name, "city",
		                  city_units[i].branches, "330201", &oc);
		if (!id)
			goto out;
		unit_ids[nunits++] = id;
		if (strcmp(city_units[i].name, "市水利局") == 0)
			water_organ = oc;
	}
	/* a temporary project branch (临时党支部) */
	xf_org_input tb = {.name = "城市防洪排涝工程项目临时党支部",
	                   .kind = "temp_branch",
	                   .level = "city",
	                   .parent_id = water_organ,
	                   .established_on = "2026-03-01",
	                   .has_established_on = 1,
	                   .project = "城市防洪排涝工程",
	                   .starts_on = "2026-03-01",
	                   .ends_on = "2027-06-30"};
	xf_org tbo;
	if (xf_org_create(&d.c, &tb, &tbo) != XF_OK) {
		fail(&d, "temp branch");
		goto out;
	}
	d.branches[d.nbranches++] = tbo.id;
	static const struct {
		const char *name, *region;
		const char *units[2];
	} districts[] = {
	    {"海曙区", "330203", {"海曙区教育局", "海曙区卫生健康局"}},
	    {"江北区", "330205", {"江北区财政局", "江北区民政局"}},
	    {"鄞州区", "330212", {"鄞州区交通运输局", "鄞州区市场监管局"}},
	};
	int64_t district_ids[3];
	for (int i = 0; i < 3; i++) {
		char buf[128];
		snprintf(buf, sizeof buf, "中共%s直属机关工作委员会",
		         districts[i].name);
		int64_t dist = org(&d, city, buf, "work_committee", "county",
		                   "2000-05-01");
		if (!dist)
			goto out;
		district_ids[i] = dist;
		for (int u = 0; u < 2; u++) {
			int64_t id =
			    unit(&d, dist, districts[i].units[u], "county", 2,
			         districts[i].region, NULL);
			if (!id)
				goto out;
			unit_ids[nunits++] = id;
		}
	}
	static const char *const cluster_names[] = {
	    "第一片区", "第二片区", "第三片区", "第四片区", "第五片区",
	    "第六片区", "第七片区", "第八片区", "第九片区"};
	for (int i = 0; i < 9; i++) {
		xf_cluster cl;
		char desc[64];
		snprintf(desc, sizeof desc, "%s党建联建共同体",
		         cluster_names[i]);
		if (xf_cluster_create(&d.c, cluster_names[i], desc, &cl) !=
		    XF_OK) {
			fail(&d, "cluster");
			goto out;
		}
		for (int u = i; u < nunits; u += 9)
			if (xf_cluster_add(&d.c, cl.id, unit_ids[u], &cl) !=
			    XF_OK) {
				fail(&d, "cluster member");
				goto out;
			}
	}
	if (user(&d, "admin", "系统管理员", "admin", 0, password) != 0 ||
	    user(&d, "jggw", "市直机关工委", "committee", city, password) !=
	        0 ||
	    user(&d, "haishu", "海曙区直机关工委", "committee", district_ids[0],
	         password) != 0 ||
	    user(&d, "qxj", "市气象局机关党委", "secretary", unit_ids[0],
	         password) != 0)
		goto out;
	/* Each module adds its history of the demo city here. */
	xf_demo_city dc = {.c = &d.c,
	                   .rng = &d.rng,
	                   .branches = d.branches,
	                   .nbranches = d.nbranches,
	                   .committees = d.committees,
	                   .ncommittees = d.ncommittees};
	static const struct {
		const char *name;
		int (*add)(const xf_demo_city *city);
	} modules[] = {
	    {"meetings", xf_demo_meetings},
	    {"points", xf_demo_points},
	    {"tasks", xf_demo_tasks},
	    {"duties", xf_demo_duties},
	    {"joint_projects", xf_demo_joint_projects},
	    {"life", xf_demo_life},
	};
	for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++)
		if (modules[i].add(&dc) != 0) {
			fail(&d, modules[i].name);
			goto out;
		}
	rc = 0;
out:
	xf_arena_reset(&a);
	return rc;
}

/* Writes a random password of letters and digits. */
static void random_password(char *out, size_t n)
{
	static const char abc[] =
	    "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	size_t len = n > 17 ? 16 : n - 1;
	for (size_t i = 0; i < len; i++)
		out[i] = abc[randombytes_uniform(sizeof abc - 1)];
	/* the password rule asks for three classes: one of each */
	if (len >= 3) {
		out[0] = abc[randombytes_uniform(23)];      /* lower case */
		out[1] = abc[23 + randombytes_uniform(24)]; /* upper case */
		out[2] = abc[47 + randombytes_uniform(8)];  /* digit */
	}
	out[len] = '\0';
}

/* ---- the command --------------------------------------------------------- */

int xf_cmd_demo(int argc, char **argv)
{
	const char *db_url = XF_DEFAULT_DB;
	int scale = 0, history = 1;
	unsigned long long seed = 1;
	static const struct option opts[] = {
	    {"db", 1, NULL, 'd'},   {"scale", 1, NULL, 's'},
	    {"seed", 1, NULL, 'S'}, {"no-history", 0, NULL, 'n'},
	    {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int ch;
	char *end;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else if (ch == 's') {
			if (strcmp(optarg, "small") == 0)
				scale = 0;
			else if (strcmp(optarg, "city") == 0)
				scale = 1;
			else if (strcmp(optarg, "province") == 0)
				scale = 2;
			else
				return xf_cli_usage_error(
				    "demo",
				    "--scale takes small, city or province");
		} else if (ch == 'n') {
			history = 0;
		} else if (ch == 'S') {
			seed = strtoull(optarg, &end, 10);
			if (*end || !*optarg)
				return xf_cli_usage_error(
				    "demo", "--seed takes a number");
		} else if (ch == 'h') {
			printf("usage: xianfeng demo [--db DB] [--scale "
			       "small|city|province] [--seed N]\n"
			       "Loads a demo city into an empty database and "
			       "creates user 'admin' (password from "
			       "$XF_ADMIN_PASSWORD, else a random one printed "
			       "once).\n"
			       "small: a few hundred members with histories; "
			       "--no-history: only organizations, members "
			       "and accounts (city/province); "
			       "city: ~3,000 organizations and ~100,000 "
			       "members; province: ten times a city.\n");
			return 0;
		} else
			return xf_cli_bad_option("demo", argv);
	}
	if (optind < argc)
		return xf_cli_usage_error("demo", "unexpected argument");
	if (xf_auth_init() != 0)
		return 1;
	xf_db *db = xf_cli_open_db(db_url, 1);
	if (!db)
		return 1;
	const char *pw = getenv("XF_ADMIN_PASSWORD");
	char buf[32];
	int generated = 0;
	if (!pw || !*pw) {
		random_password(buf, sizeof buf);
		pw = buf;
		generated = 1;
	}
	char err[256] = "";
	int rc;
	if (scale == 0) {
		rc = demo_load(db, pw, err, sizeof err);
	} else {
		xf_gen_stats st = {0};
		rc = xf_generate(db, scale, seed, pw, history, &st, err,
		                 sizeof err);
		/* rows/s: rows written per second of wall time from BEGIN
		 * to COMMIT, index builds and kept counts included */
		if (rc == 0)
			printf("generated %lld organizations and %lld members "
			       "in %.2f s (%.0f rows/s)\n",
			       (long long)st.orgs, (long long)st.members,
			       st.seconds, st.rows_per_s);
		if (rc == 0 && history) {
			int64_t n = st.meetings + st.tasks + st.milestones;
			printf("generated %lld meetings, %lld tasks and %lld "
			       "milestones in %.2f s (%.0f rows/s)\n",
			       (long long)st.meetings, (long long)st.tasks,
			       (long long)st.milestones, st.history_seconds,
			       (double)n / (st.history_seconds + 1e-9));
		}
		if (rc == 0 && history) {
			/* 20 ledger entries a member: ~2,000,000 for a city */
			xf_gen_points_stats ps = {0};
			rc = xf_generate_points(db, 20, seed,
			                        (int64_t)time(NULL), &ps, err,
			                        sizeof err);
			if (rc == 0)
				printf(
				    "generated %lld ledger entries in %.2f s "
				    "(%.0f rows/s; of which kept totals "
				    "rebuilt in %.2f s)\n",
				    (long long)ps.entries, ps.seconds,
				    ps.entries_per_s, ps.totals_seconds);
		}
		if (rc == 0 && xf_db_after_load(db) != XF_DB_OK) {
			snprintf(err, sizeof err,
			         "statistics after the load: %s",
			         xf_db_errmsg(db));
			rc = 1;
		}
	}
	xf_db_close(db);
	if (rc != 0) {
		fprintf(stderr, "xianfeng demo: %s\n", err);
		return 1;
	}
	if (generated)
		printf("demo city loaded; user 'admin' password: %s\n", pw);
	else
		printf("demo city loaded; user 'admin' password from "
		       "$XF_ADMIN_PASSWORD\n");
	return 0;
}
