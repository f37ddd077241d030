/*
 * leaderboards.c (service) - the 先锋榜 from the kept totals (see
 * leaderboards.h). Member boards read the best rows of the period in the
 * subtree through the (period, points) index; organization boards roll
 * the kept totals of a subtree up the tree in one pass in path order.
 */
#include "service/leaderboards.h"

#include "base/date.h"
#include "domain/points.h"
#include "service/notices.h"
#include "store/members.h"
#include "store/org_counts.h"
#include "store/point_rules.h"
#include "store/points.h"

#include <stdlib.h>
#include <string.h>

static int org_not_found(xf_ctx *c)
{
	return xf_fail(c, XF_E_NOT_FOUND, "not_found", "组织不存在", "org");
}

/*
 * The org a board is about: org_id, or by default the caller's widest org
 * (a member: its own org). Readable by whoever reads the org, and by
 * members of its subtree (the public boards of their organization).
 */
static int board_org(xf_ctx *c, int64_t org_id, xf_org *o)
{
	xf_member m = {0};
	int have_member = 0;
	if (c->scope && c->scope->member_id) {
		int drc =
		    xf_store_member_get(c->db, c->a, c->scope->member_id, &m);
		if (drc != XF_DB_ROW && drc != XF_DB_DONE)
			return xf_fail_db(c, drc);
		have_member = drc == XF_DB_ROW;
	}
	if (!org_id) {
		const xf_grant *g = c->scope ? xf_scope_widest(c->scope) : NULL;
		if (g && g->org_id)
			org_id = g->org_id;
		else if (have_member)
			org_id = m.org_id;
		else
			return xf_invalid(c, "请指定组织", "org");
	}
	int drc = xf_store_org_get(c->db, c->a, org_id, o);
	if (drc == XF_DB_DONE)
		return org_not_found(c);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	if (xf_can_read(c, o->path) ||
	    (have_member && xf_path_within(m.org_path, o->path)))
		return XF_OK;
	return org_not_found(c);
}

/* The board's period: s, or the current year (Asia/Shanghai) without it. */
static int parse_period(xf_ctx *c, const char *s, xf_board *b, xf_period *p)
{
	if (!s)
		*p = xf_period_of(xf_date_today(c->now), XF_PERIOD_YEAR);
	else if (xf_period_parse(s, p) != 0)
		return xf_invalid(c, "期间应为 2024、2024Q2 或 2024-07 的形式",
		                  "period");
	xf_period_format(*p, b->period);
	xf_period_format(xf_period_prev(*p), b->prev_period);
	return XF_OK;
}

static int cmp_desc(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return (a < b) - (a > b);
}

/* Index of the first of th[0..n) (highest first) below p: the number of
 * thresholds p is not above. */
static int first_below(const int64_t *th, int n, int64_t p)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (th[mid] >= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The board's distinct previous scores (highest first) and, per score,
 * the rows of the previous period above it (counted at the first
 * threshold a row is above, summed up after the scan). */
typedef struct prev_count {
	const int64_t *th;
	int nt;
	int64_t *above;
} prev_count;

static void count_row(void *arg, int64_t points)
{
	prev_count *pc = arg;
	int j = first_below(pc->th, pc->nt, points);
	if (j < pc->nt)
		pc->above[j]++;
}

/*
 * Sets prev_rank of every board item with a total in the previous period
 * within the subtree: 1 + the subtree's members with more points then.
 * The items' previous scores come by key; then one pass over the points
 * of the period's rows with at least the least of those scores counts
 * each row against the distinct scores (a binary search among at most
 * the board's length), so the cost grows with those rows, not with the
 * board.
 */
static int prev_ranks(xf_ctx *c, xf_board *b, const char *lo, const char *hi,
                      int64_t members)
{
	size_t k = (size_t)b->n;
	int64_t *ids = xf_arena_calloc(c->a, k, sizeof *ids);
	int64_t *prev = xf_arena_calloc(c->a, k, sizeof *prev);
	int64_t *th = xf_arena_calloc(c->a, k, sizeof *th);
	int64_t *above = xf_arena_calloc(c->a, k + 1, sizeof *above);
	char *found = xf_arena_calloc(c->a, k, 1);
	if (!ids || !prev || !th || !above || !found)
		return xf_oom(c);
	for (size_t i = 0; i < k; i++)
		ids[i] = b->items[i].id;
	/* an id looked up costs about as much as walking 10-20 rows of the
	 * subtree's range */
	int probe = members >= 10 * (int64_t)b->n;
	int drc = xf_store_point_board_prev(c->db, b->prev_period, lo, hi,
	                                    probe, ids, b->n, prev, found);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int nt = 0;
	for (size_t i = 0; i < k; i++)
		if (found[i])
			th[nt++] = prev[i];
	if (!nt)
		return XF_OK;
	qsort(th, (size_t)nt, sizeof *th, cmp_desc);
	int d = 1; /* distinct, highest first */
	for (int i = 1; i < nt; i++)
		if (th[i] != th[d - 1])
			th[d++] = th[i];
	nt = d;
	/* a subtree holding all of the period's rows (the city's board)
	 * counts each band between two scores in the ranking index; else
	 * only rows with at least the least score can be above one: scan
	 * them in the subtree's range */
	int all = 0;
	drc = xf_store_point_board_all_within(c->db, b->prev_period, lo, hi,
	                                      &all);
	prev_count pc = {th, nt, above};
	if (drc == XF_DB_OK && all)
		drc = xf_store_point_board_bands(c->db, b->prev_period, th, nt,
		                                 above);
	else if (drc == XF_DB_OK)
		drc = xf_store_point_board_scan(c->db, b->prev_period, lo, hi,
		                                th[nt - 1], count_row, &pc);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int j = 1; j < nt; j++)
		above[j] += above[j - 1];
	for (size_t i = 0; i < k; i++) {
		if (!found[i])
			continue;
		int j = first_below(th, nt, prev[i]) - 1; /* th[j] == prev */
		b->items[i].prev_rank = (int)above[j] + 1;
	}
	return XF_OK;
}

/* The org of a board (b->org), its period and its subtree range [lo, hi). */
static int board_open(xf_ctx *c, int64_t org_id, const char *period,
                      xf_board *b, xf_period *p, const char **lo,
                      const char **hi)
{
	int rc = board_org(c, org_id, &b->org);
	if (rc == XF_OK)
		rc = parse_period(c, period, b, p);
	if (rc != XF_OK)
		return rc;
	return xf_subtree_range(c, b->org.path, lo, hi) != 0 ? xf_oom(c)
	                                                     : XF_OK;
}

static int members_read(xf_ctx *c, int64_t org_id, const char *period,
                        int limit, xf_board *b)
{
	xf_period p;
	const char *lo, *hi;
	int rc = board_open(c, org_id, period, b, &p, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	int64_t floor;
	int drc = XF_DB_OK;
	if (p.kind == XF_PERIOD_YEAR)
		drc = xf_store_point_settings_get(c->db, "member", p.year,
		                                  &b->base, &floor);
	int64_t members = 0, all = 0, root = xf_path_root_id(b->org.path);
	if (drc == XF_DB_OK)
		drc = xf_store_org_subtree_members(c->db, b->org.id, &members);
	if (drc == XF_DB_OK)
		drc = xf_store_org_subtree_members(c->db, root, &all);
	int wide = members * XF_BOARD_WIDE_SHARE >= all;
	xf_point_board_row *rows;
	int n = 0;
	if (drc == XF_DB_OK)
		drc = xf_store_point_board_members(c->db, c->a, b->period, lo,
		                                   hi, wide, limit, &rows, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	b->items =
	    xf_arena_calloc(c->a, (size_t)(n ? n : 1), sizeof(xf_board_item));
	int64_t *scores =
	    xf_arena_calloc(c->a, (size_t)(n ? n : 1), sizeof(int64_t));
	int *ranks = xf_arena_calloc(c->a, (size_t)(n ? n : 1), sizeof(int));
	if (!b->items || !scores || !ranks)
		return xf_oom(c);
	for (int i = 0; i < n; i++)
		scores[i] = rows[i].points;
	xf_points_ranks(scores, n, ranks);
	b->n = n;
	for (int i = 0; i < n; i++) {
		xf_board_item *it = &b->items[i];
		it->rank = ranks[i];
		it->id = rows[i].member_id;
		it->name = rows[i].name;
		it->org_id = rows[i].org_id;
		it->org_name = rows[i].org_name;
		it->vetoed = rows[i].vetoed > 0;
		it->points = it->vetoed ? 0 : rows[i].points + b->base;
	}
	return n > 0 ? prev_ranks(c, b, lo, hi, members) : XF_OK;
}

/* Sets the parent organization of every row's org (the member's org on
 * member boards, the org itself on org boards) in one query for a board
 * of up to 50 rows. */
static int parent_names(xf_ctx *c, xf_board *b, int org_rows)
{
	if (!b->n)
		return XF_OK;
	int64_t *ids = xf_arena_calloc(c->a, (size_t)b->n, sizeof(int64_t));
	xf_org_parent *ps =
	    xf_arena_calloc(c->a, (size_t)b->n, sizeof(xf_org_parent));
	if (!ids || !ps)
		return xf_oom(c);
	for (int i = 0; i < b->n; i++)
		ids[i] = org_rows ? b->items[i].id : b->items[i].org_id;
	int drc = xf_store_org_parents(c->db, c->a, ids, b->n, ps);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < b->n; i++) {
		b->items[i].org_parent_id = ps[i].parent_id;
		b->items[i].org_parent_name = ps[i].name;
	}
	return XF_OK;
}

static int members_tx(xf_ctx *c, int64_t org_id, const char *period, int limit,
                      xf_board *out)
{
	int rc = members_read(c, org_id, period, limit, out);
	return rc == XF_OK ? parent_names(c, out, 0) : rc;
}

int xf_board_members(xf_ctx *c, int64_t org_id, const char *period, int limit,
                     xf_board *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, members_tx(c, org_id, period, limit, out));
}

/* ---- organizations ------------------------------------------------------*/

/* Best first by the ranking key, then by id (qsort comparators). */
static int cmp_key(int64_t ka, int64_t kb, int64_t ia, int64_t ib)
{
	if (ka != kb)
		return ka > kb ? -1 : 1;
	return ia < ib ? -1 : ia > ib;
}

static int cmp_average(const void *pa, const void *pb)
{
	const xf_board_item *a = pa, *b = pb;
	return cmp_key(a->average_x100, b->average_x100, a->id, b->id);
}

static int cmp_org_points(const void *pa, const void *pb)
{
	const xf_board_item *a = pa, *b = pb;
	return cmp_key(a->org_points, b->org_points, a->id, b->id);
}

#define MAX_ORGS 20000

int xf_org_points_sums(xf_ctx *c, const char *lo, const char *hi,
                       const char *period, xf_org_point_sums *out)
{
	xf_point_org_row *rows;
	int n;
	int drc = xf_store_point_org_subtree(c->db, c->a, lo, hi, period,
	                                     MAX_ORGS, &rows, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int64_t *sum = xf_arena_calloc(c->a, (size_t)n + 1, sizeof(int64_t));
	int64_t *heads = xf_arena_calloc(c->a, (size_t)n + 1, sizeof(int64_t));
	int *stack = xf_arena_calloc(c->a, (size_t)n + 1, sizeof(int));
	if (!sum || !heads || !stack)
		return xf_oom(c);
	int top = 0;
	for (int i = 0; i < n; i++) {
		while (top > 0 &&
		       !xf_path_within(rows[i].path, rows[stack[top - 1]].path))
			top--;
		stack[top++] = i;
		for (int k = 0; k < top; k++) {
			sum[stack[k]] += rows[i].points;
			heads[stack[k]] += rows[i].headcount;
		}
	}
	*out = (xf_org_point_sums){rows, sum, heads, n};
	return XF_OK;
}

/* Ranks the orgs of kind within [lo, hi) for period by their subtree's
 * average member points or by their own points. */
static int org_ranking(xf_ctx *c, const char *lo, const char *hi,
                       const char *period, const char *kind, int org_points,
                       xf_board_item **out, int *nout)
{
	xf_org_point_sums ps;
	int rc = xf_org_points_sums(c, lo, hi, period, &ps);
	if (rc != XF_OK)
		return rc;
	const xf_point_org_row *rows = ps.rows;
	const int64_t *sum = ps.sum, *heads = ps.heads;
	int n = ps.n;
	xf_board_item *items =
	    xf_arena_calloc(c->a, (size_t)n + 1, sizeof(xf_board_item));
	if (!items)
		return xf_oom(c);
	int m = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(rows[i].kind, kind) != 0)
			continue;
		xf_board_item *it = &items[m++];
		it->id = rows[i].id;
		it->name = rows[i].name;
		it->points = sum[i];
		it->headcount = heads[i];
		it->members = rows[i].members;
		it->org_points = rows[i].org_points;
		it->average_x100 = xf_points_average_x100(sum[i], heads[i]);
	}
	qsort(items, (size_t)m, sizeof *items,
	      org_points ? cmp_org_points : cmp_average);
	int64_t *scores = xf_arena_calloc(c->a, (size_t)m + 1, sizeof(int64_t));
	int *ranks = xf_arena_calloc(c->a, (size_t)m + 1, sizeof(int));
	if (!scores || !ranks)
		return xf_oom(c);
	for (int i = 0; i < m; i++)
		scores[i] =
		    org_points ? items[i].org_points : items[i].average_x100;
	xf_points_ranks(scores, m, ranks);
	for (int i = 0; i < m; i++)
		items[i].rank = ranks[i];
	*out = items;
	*nout = m;
	return XF_OK;
}

static int orgs_read(xf_ctx *c, int64_t org_id, const char *kind,
                     const char *period, const char *by, int limit, xf_board *b)
{
	xf_period p;
	const char *lo, *hi;
	int rc = board_open(c, org_id, period, b, &p, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	int op = by && strcmp(by, "org_points") == 0;
	xf_board_item *now, *prev;
	int n, np;
	rc = org_ranking(c, lo, hi, b->period, kind, op, &now, &n);
	if (rc == XF_OK)
		rc = org_ranking(c, lo, hi, b->prev_period, kind, op, &prev,
		                 &np);
	if (rc != XF_OK)
		return rc;
	b->items = now;
	b->n = n < limit ? n : limit;
	for (int i = 0; i < b->n; i++)
		for (int k = 0; k < np; k++)
			if (prev[k].id == now[i].id) {
				/* an org without points before is unranked */
				if (prev[k].points || prev[k].org_points)
					now[i].prev_rank = prev[k].rank;
				break;
			}
	return XF_OK;
}

static int orgs_tx(xf_ctx *c, int64_t org_id, const char *kind,
                   const char *period, const char *by, int limit, xf_board *out)
{
	int rc = orgs_read(c, org_id, kind, period, by, limit, out);
	return rc == XF_OK ? parent_names(c, out, 1) : rc;
}

int xf_board_orgs(xf_ctx *c, int64_t org_id, const char *kind,
                  const char *period, const char *by, int limit, xf_board *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, orgs_tx(c, org_id, kind, period, by, limit, out));
}

int xf_board_members_in_tx(xf_ctx *c, int64_t org_id, const char *period,
                           int limit, xf_board *out)
{
	memset(out, 0, sizeof *out);
	return members_read(c, org_id, period, limit, out);
}

int xf_board_orgs_in_tx(xf_ctx *c, int64_t org_id, const char *kind,
                        const char *period, const char *by, int limit,
                        xf_board *out)
{
	memset(out, 0, sizeof *out);
	return orgs_read(c, org_id, kind, period, by, limit, out);
}

/* ---- my points ----------------------------------------------------------*/

/* Rank of points within the subtree of path in period (1 + those above). */
static int rank_in(xf_ctx *c, const char *period, const char *path,
                   int64_t points, int64_t *rank)
{
	const char *lo, *hi;
	if (xf_subtree_range(c, path, &lo, &hi) != 0)
		return xf_oom(c);
	int64_t above;
	int drc =
	    xf_store_point_count_above(c->db, period, lo, hi, points, &above);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*rank = above + 1;
	return XF_OK;
}

static int me_read(xf_ctx *c, const char *year, const char *period,
                   xf_points_me *me)
{
	if (!c->scope || !c->scope->member_id)
		return xf_fail(c, XF_E_NOT_FOUND, "not_a_member",
		               "当前账号未关联党员信息", NULL);
	xf_member m;
	int drc = xf_store_member_get(c->db, c->a, c->scope->member_id, &m);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_a_member",
		               "当前账号未关联党员信息", NULL);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	me->member_id = m.id;
	me->name = m.name;
	me->org_id = m.org_id;
	me->org_name = m.org_name;
	xf_period p, rp;
	if (period) {
		if (xf_period_parse(period, &rp) != 0)
			return xf_fail(
			    c, XF_E_INVALID, "invalid_field",
			    "期间应为 2024、2024Q2 或 2024-07 的形式",
			    "period");
		p = (xf_period){.kind = XF_PERIOD_YEAR, .year = rp.year};
		if (year && strtol(year, NULL, 10) != rp.year)
			return xf_invalid(c, "期间与年度不一致", "period");
	} else if (year) {
		if (xf_period_parse(year, &p) != 0 || p.kind != XF_PERIOD_YEAR)
			return xf_invalid(c, "年度应为四位数字", "year");
	} else {
		p = xf_period_of(xf_date_today(c->now), XF_PERIOD_YEAR);
	}
	if (!period)
		rp = p;
	xf_period_format(p, me->year);
	xf_period_format(rp, me->period);
	int64_t floor;
	drc = xf_store_point_settings_get(c->db, "member", p.year, &me->base,
	                                  &floor);
	if (drc == XF_DB_OK)
		drc = xf_store_point_member_year(c->db, c->a, m.id, me->year,
		                                 &me->periods, &me->nperiods);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int ranked = 0;
	for (int i = 0; i < me->nperiods; i++) {
		if (strcmp(me->periods[i].period, me->year) == 0) {
			me->points = me->periods[i].points;
			me->vetoed = me->periods[i].vetoed > 0;
		}
		if (strcmp(me->periods[i].period, me->period) == 0) {
			me->period_points = me->periods[i].points;
			ranked = 1;
		}
	}
	me->total = me->vetoed ? 0 : me->base + me->points;
	/* the unit: the nearest party or organ committee above the branch */
	for (int64_t id = xf_path_parent_id(m.org_path); id > 0;) {
		xf_org o;
		drc = xf_store_org_get(c->db, c->a, id, &o);
		if (drc != XF_DB_ROW)
			break;
		if (strcmp(o.kind, "organ_committee") == 0 ||
		    strcmp(o.kind, "party_committee") == 0) {
			me->unit = o;
			break;
		}
		id = o.parent_id;
	}
	int rc = XF_OK;
	if (ranked) {
		xf_org br;
		drc = xf_store_org_get(c->db, c->a, m.org_id, &br);
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR
			                                       : drc);
		rc = rank_in(c, me->period, br.path, me->period_points,
		             &me->rank_branch);
		if (rc == XF_OK && me->unit.id)
			rc = rank_in(c, me->period, me->unit.path,
			             me->period_points, &me->rank_unit);
	}
	if (rc == XF_OK)
		rc = xf_point_notices_concerning(c, m.org_path, m.id,
		                                 &me->notices, &me->nnotices);
	if (rc != XF_OK)
		return rc;
	xf_point_entry_filter f = {.ranges = {.n = 1, .lo = {"/"}, .hi = {"0"}},
	                           .member_id = m.id,
	                           .period = me->year,
	                           .limit = 200};
	drc = xf_store_point_entry_list(c->db, c->a, &f, &me->entries,
	                                &me->nentries, &me->total_entries);
	return xf_from_db(c, drc);
}

int xf_points_me_read(xf_ctx *c, const char *year, const char *period,
                      xf_points_me *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, me_read(c, year, period, out));
}
