/*
 * generate_points.c - the points history of the generated city; see
 * generate_points.h. Entries carry everything the API's entries carry
 * (org at that time, rule version, month, quarter, year); only the kept
 * totals are left to the rebuild at the end.
 */
#include "tools/generate_points.h"

#include "base/arena.h"
#include "base/date.h"
#include "store/bulk.h"
#include "store/point_rules.h"
#include "store/points.h"
#include "store/points_recount.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const struct {
	const char *category, *item;
	int points;
} gen_rules[] = {
    {"政治学习", "参加集中学习并完成心得", 2},
    {"组织生活", "按时参加三会一课", 1},
    {"履职尽责", "完成重点工作任务", 5},
    {"志愿服务", "参加志愿服务活动", 3},
    {"创先争优", "获得表彰奖励", 10},
    {"组织生活", "承担主题党日任务", 2},
};
#define NRULES ((int)(sizeof gen_rules / sizeof gen_rules[0]))

static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static double since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The rulebook of the generated entries, valid from first. */
static int add_rules(xf_db *db, const char *first, int64_t now,
                     int64_t rule[NRULES], int64_t version[NRULES])
{
	for (int i = 0; i < NRULES; i++) {
		xf_point_rule r = {.kind = "member"};
		int rc = xf_store_point_rule_insert(db, &r, now);
		if (rc != XF_DB_OK)
			return rc;
		xf_point_version v = {.rule_id = r.id,
		                      .version = 1,
		                      .valid_from = first,
		                      .category = gen_rules[i].category,
		                      .item = gen_rules[i].item,
		                      .points = gen_rules[i].points,
		                      .cap_period = "year",
		                      .approver_role = "secretary"};
		rc = xf_store_point_version_insert(db, &v, now);
		if (rc != XF_DB_OK)
			return rc;
		rule[i] = r.id;
		version[i] = v.id;
	}
	return XF_DB_OK;
}

int xf_generate_points(xf_db *db, int per_member, uint64_t seed, int64_t now,
                       xf_gen_points_stats *stats, char *err, size_t errlen)
{
	memset(stats, 0, sizeof *stats);
	xf_arena a;
	xf_arena_init(&a, 0);
	uint64_t rng = seed * 0x9E3779B97F4A7C15ull + 7;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const char *what = "begin";
	xf_db_load_mode(db, 1);
	int rc = xf_db_begin(db);
	if (rc != XF_DB_OK)
		goto fail;
	xf_date today = xf_date_today(now);
	xf_date first = {today.y - 1, 1, 1};
	char first_s[11];
	xf_date_format(first, first_s);
	int64_t d0 = xf_date_days(first), span = xf_date_days(today) - d0 + 1;
	int64_t rule[NRULES], version[NRULES];
	what = "rules";
	rc = add_rules(db, first_s, now, rule, version);
	if (rc != XF_DB_OK)
		goto rollback;
	stats->rules = NRULES;
	xf_point_bulk_member *ms;
	what = "members";
	rc = xf_store_point_bulk_members(db, &a, &ms, &stats->members);
	if (rc != XF_DB_OK)
		goto rollback;
	what = "ledger";
	xf_loader *l;
	rc = xf_store_point_bulk_begin(db, &l);
	for (int64_t i = 0; rc == XF_DB_OK && i < stats->members; i++) {
		for (int k = 0; k < per_member; k++) {
			int ri = (int)(next(&rng) % NRULES);
			xf_date d = xf_date_from_days(
			    d0 + (int64_t)(next(&rng) % (uint64_t)span));
			char on[11], month[12], quarter[12], year[12];
			xf_date_format(d, on);
			xf_period_format(xf_period_of(d, XF_PERIOD_MONTH),
			                 month);
			xf_period_format(xf_period_of(d, XF_PERIOD_QUARTER),
			                 quarter);
			xf_period_format(xf_period_of(d, XF_PERIOD_YEAR), year);
			xf_point_entry e = {.member_id = ms[i].id,
			                    .org_id = ms[i].org_id,
			                    .org_path = ms[i].org_path,
			                    .rule_id = rule[ri],
			                    .rule_version_id = version[ri],
			                    .points = gen_rules[ri].points,
			                    .asked = gen_rules[ri].points,
			                    .occurred_on = on,
			                    .month = month,
			                    .quarter = quarter,
			                    .year = year,
			                    .source = "award",
			                    .reason = gen_rules[ri].item,
			                    .actor_name = "generate"};
			rc = xf_store_point_bulk_entry(l, &e, now);
			if (rc != XF_DB_OK)
				break;
		}
	}
	int erc = xf_load_end(l, &stats->entries);
	if (rc == XF_DB_OK)
		rc = erc;
	if (rc != XF_DB_OK)
		goto rollback;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	what = "totals";
	rc = xf_store_point_totals_rebuild(db);
	if (rc != XF_DB_OK)
		goto rollback;
	stats->totals_seconds = since(&t1);
	what = "commit";
	rc = xf_db_commit(db);
	if (rc != XF_DB_OK)
		goto rollback;
	xf_db_load_mode(db, 0);
	stats->seconds = since(&t0);
	stats->entries_per_s = (double)stats->entries / (stats->seconds + 1e-9);
	xf_arena_reset(&a);
	return 0;
rollback:
	snprintf(err, errlen, "generate points: %s: %s", what,
	         xf_db_errmsg(db));
	xf_db_rollback(db);
	xf_db_load_mode(db, 0);
	xf_arena_reset(&a);
	return -1;
fail:
	snprintf(err, errlen, "generate points: %s: %s", what,
	         xf_db_errmsg(db));
	xf_db_load_mode(db, 0);
	xf_arena_reset(&a);
	return -1;
}
