/*
 * assessments.c (service) - the index of organizations (assessments.h).
 *
 * One read transaction: the schemes that apply, then over the region (the
 * subtree of the widest such scheme) the compliance of the year, the task
 * tallies, the point sums and the committee's scores, each read once for
 * the whole region; then the domain rules per organization. Scratch
 * arrays are malloc'ed and freed before returning; results live in c->a.
 */
#include "service/assessments.h"

#include "base/date.h"
#include "domain/compliance.h"
#include "domain/orgs.h"
#include "domain/points.h"
#include "service/compliance.h"
#include "service/point_sums.h"
#include "service/reviews.h"
#include "service/schemes.h"
#include "service/snapshot.h"
#include "store/assessments.h"
#include "store/honors.h"
#include "store/reviews.h"
#include "store/schemes.h"
#include "store/tasks.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REGION_MAX 50000

typedef struct key_ix {
	int64_t id;
	int ix;
} key_ix;

static int cmp_key(const void *a, const void *b)
{
	int64_t x = ((const key_ix *)a)->id, y = ((const key_ix *)b)->id;
	return (x > y) - (x < y);
}

/* The computation over one region for one year. */
typedef struct engine {
	xf_ctx *c;
	int year;
	xf_org_page orgs; /* path order */
	key_ix *keys;     /* org id -> index, sorted by id */
	xf_org_figures *fig;
	xf_scheme *sch; /* deepest first */
	int nsch;
	int *scheme_of; /* per org: index in sch, or -1 */
	const xf_assessment_score *sc;
	int nsc;
	xf_assessment *x; /* per org (x[i].scheme_id 0: not assessed) */
	int stride;       /* results per org: the most indicators of a scheme */
} engine;

static int org_ix(const engine *e, int64_t id)
{
	key_ix k = {id, 0};
	const key_ix *f =
	    bsearch(&k, e->keys, (size_t)e->orgs.n, sizeof k, cmp_key);
	return f ? f->ix : -1;
}

static int kind_in(const char *kinds, const char *kind)
{
	size_t n = strlen(kind);
	for (const char *p = kinds; p && *p;) {
		const char *e = strchr(p, ',');
		size_t m = e ? (size_t)(e - p) : strlen(p);
		if (m == n && strncmp(p, kind, n) == 0)
			return 1;
		p = e ? e + 1 : p + m;
	}
	return 0;
}

/* 1 if the org existed on some day of year. */
static int lived_in(const xf_org *o, int year)
{
	char lo[11], hi[11];
	xf_date_format((xf_date){year, 1, 1}, lo);
	xf_date_format((xf_date){year, 12, 31}, hi);
	if (o->established_on && strcmp(o->established_on, hi) > 0)
		return 0;
	return !(o->closed_on && strcmp(o->closed_on, lo) < 0);
}

/* The results of the year's closed review sessions of the region's
 * organizations, when a scheme reads them (source review_score). */
static int review_figures(engine *e, const xf_ranges *r)
{
	int wanted = 0;
	for (int s = 0; s < e->nsch; s++)
		for (int k = 0; k < e->sch[s].nind; k++)
			wanted |= e->sch[s].ind[k].src == XF_SRC_REVIEW_SCORE;
	if (!wanted)
		return XF_OK;
	xf_ctx *c = e->c;
	int64_t *ids;
	int n;
	int drc = xf_store_reviews_closed_within(c->db, c->a, r, e->year, 10000,
	                                         &ids, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < n; i++) {
		xf_review_full f;
		xf_review_row *rows;
		int nrows;
		int rc = xf_review_results_in_tx(c, ids[i], &f, &rows, &nrows);
		if (rc != XF_OK)
			return rc;
		int max = 0;
		for (int k = 0; k < f.r.ncrit; k++)
			max += f.r.crit[k].max_x10;
		for (int j = 0; j < nrows && max > 0; j++) {
			int ix = rows[j].p->org_id
			             ? org_ix(e, rows[j].p->org_id)
			             : -1;
			if (ix < 0)
				continue;
			e->fig[ix].reviews++;
			e->fig[ix].review_pct_x10_sum +=
			    ((int64_t)rows[j].total_x10 * 2000 + max) /
			    (2 * max);
		}
	}
	return XF_OK;
}

/* The year's honors of the region's organizations, when a scheme reads
 * them (source honors). */
static int honor_figures(engine *e, const xf_ranges *r)
{
	int wanted = 0;
	for (int s = 0; s < e->nsch; s++)
		for (int k = 0; k < e->sch[s].nind; k++)
			wanted |= e->sch[s].ind[k].src == XF_SRC_HONORS;
	if (!wanted)
		return XF_OK;
	int64_t *ids, *counts;
	int n;
	int drc = xf_store_honor_counts_by_org(
	    e->c->db, e->c->a, r, e->year, e->orgs.n + 1, &ids, &counts, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(e->c, drc);
	for (int i = 0; i < n; i++) {
		int ix = org_ix(e, ids[i]);
		if (ix >= 0)
			e->fig[ix].honors = counts[i];
	}
	return XF_OK;
}

/* Gathers the figures of every org of the region. */
static int gather(engine *e, const xf_org *region)
{
	xf_ctx *c = e->c;
	xf_period p = {.kind = XF_PERIOD_YEAR, .year = e->year};
	xf_compliance_report rep;
	int rc = xf_compliance_in_tx(c, region->id, p, &rep, &e->orgs);
	if (rc != XF_OK)
		return rc;
	int n = e->orgs.n;
	e->keys = xf_arena_calloc(c->a, (size_t)n + 1, sizeof *e->keys);
	e->fig = xf_arena_calloc(c->a, (size_t)n + 1, sizeof *e->fig);
	e->scheme_of = xf_arena_calloc(c->a, (size_t)n + 1, sizeof(int));
	e->x = xf_arena_calloc(c->a, (size_t)n + 1, sizeof *e->x);
	if (!e->keys || !e->fig || !e->scheme_of || !e->x)
		return xf_oom(c);
	for (int i = 0; i < n; i++)
		e->keys[i] = (key_ix){e->orgs.items[i].id, i};
	qsort(e->keys, (size_t)n, sizeof *e->keys, cmp_key);
	for (int i = 0; i < rep.n; i++) {
		int ix = org_ix(e, rep.items[i].org->id);
		if (ix < 0)
			continue;
		const xf_compliance *cc = &rep.items[i].c;
		xf_org_figures *f = &e->fig[ix];
		f->ft_meetings = cc->ft_meetings;
		f->ft_recorded = cc->ft_recorded;
		f->slots_due = cc->required - cc->slots_pending;
		f->slots_on_time = cc->held - cc->held_late;
		f->sanhui_due = cc->sanhui_required - cc->sanhui_pending;
		f->sanhui_held = cc->sanhui_held;
	}
	const char *lo, *hi;
	rc = xf_subtree_range(c, region->path, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	xf_ranges r = {1, {lo}, {hi}};
	xf_task_tally *t;
	int nt;
	int drc = xf_store_task_tally(c->db, c->a, &r, e->year, xf_today(c),
	                              REGION_MAX, &t, &nt);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < nt; i++) {
		int ix = org_ix(e, t[i].org_id);
		if (ix < 0)
			continue;
		e->fig[ix].tasks_due = t[i].due;
		e->fig[ix].tasks_on_time = t[i].on_time;
		e->fig[ix].accepted = t[i].accepted;
		e->fig[ix].score_sum = t[i].score_sum;
	}
	char year[8];
	snprintf(year, sizeof year, "%04d", e->year);
	xf_org_point_sums ps;
	rc = xf_org_points_sums(c, lo, hi, year, &ps);
	if (rc != XF_OK)
		return rc;
	for (int i = 0; i < ps.n; i++) {
		int ix = org_ix(e, ps.rows[i].id);
		if (ix < 0)
			continue;
		e->fig[ix].members = ps.heads[i];
		e->fig[ix].member_points = ps.sum[i];
		e->fig[ix].org_points = ps.rows[i].org_points;
	}
	rc = review_figures(e, &r);
	if (rc == XF_OK)
		rc = honor_figures(e, &r);
	if (rc != XF_OK)
		return rc;
	xf_assessment_score *sc;
	drc = xf_store_scores_within(c->db, c->a, &r, e->year, &sc, &e->nsc);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	e->sc = sc;
	return XF_OK;
}

/* The committee's score of (org, code), or NULL. Scores are sorted by
 * org id, then code. */
static const xf_assessment_score *score_of(const engine *e, int64_t org_id,
                                           const char *code)
{
	int lo = 0, hi = e->nsc;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		const xf_assessment_score *s = &e->sc[mid];
		int cmp = s->org_id != org_id ? (s->org_id < org_id ? -1 : 1)
		                              : strcmp(s->code, code);
		if (cmp == 0)
			return s;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The leaf results of org ix under scheme s, before ranks and roll-up. */
static void leaves(const engine *e, int ix, const xf_scheme *s,
                   xf_ind_result *res)
{
	const xf_org *o = &e->orgs.items[ix];
	for (int k = 0; k < s->nind; k++) {
		const xf_indicator *d = &s->ind[k];
		xf_ind_result *r = &res[k];
		memset(r, 0, sizeof *r);
		if (!d->leaf)
			continue;
		if (d->src >= 0) {
			r->has_raw =
			    xf_source_value(d->src, &e->fig[ix], &r->raw);
			r->no_data = !r->has_raw;
			if (r->no_data)
				r->points_x10 =
				    d->no_data_zero ? 0 : d->max_x10;
			else if (d->map.kind != XF_MAP_RANK)
				r->points_x10 = xf_mapping_points(
				    &d->map, r->raw, d->max_x10, 0, 0);
			continue;
		}
		const xf_assessment_score *sc = score_of(e, o->id, d->code);
		r->score = sc;
		r->scored = sc != NULL;
		if (d->k == XF_IND_VETO)
			r->set = sc && sc->points_x10 > 0;
		else if (sc)
			r->points_x10 = sc->points_x10 < 0 ? 0
			                : sc->points_x10 > d->max_x10
			                    ? d->max_x10
			                    : sc->points_x10;
	}
}

typedef struct rank_item {
	int64_t v; /* raw value in thousandths, best first */
	int ix;
} rank_item;

static int cmp_rank(const void *a, const void *b)
{
	const rank_item *x = a, *y = b;
	if (x->v != y->v)
		return x->v > y->v ? -1 : 1;
	return x->ix - y->ix;
}

/* Rank mappings: peers are the orgs of the same kind under the same
 * scheme that have data. */
static int ranks(engine *e, int si, xf_ind_result *all)
{
	const xf_scheme *s = &e->sch[si];
	int n = e->orgs.n;
	rank_item *it = malloc(((size_t)n + 1) * sizeof *it);
	int64_t *v = malloc(((size_t)n + 1) * sizeof *v);
	int *rk = malloc(((size_t)n + 1) * sizeof *rk);
	if (!it || !v || !rk) {
		free(it);
		free(v);
		free(rk);
		return xf_oom(e->c);
	}
	for (int k = 0; k < s->nind; k++) {
		const xf_indicator *d = &s->ind[k];
		if (!d->leaf || d->src < 0 || d->map.kind != XF_MAP_RANK)
			continue;
		for (int kind = 0; kind < XF_ORGK_COUNT; kind++) {
			int m = 0;
			for (int i = 0; i < n; i++) {
				xf_ind_result *r =
				    &all[(size_t)i * e->stride + k];
				if (e->scheme_of[i] != si || !r->has_raw ||
				    xf_org_kind_parse(e->orgs.items[i].kind) !=
				        kind)
					continue;
				double raw = d->map.asc ? -r->raw : r->raw;
				it[m++] = (rank_item){llround(raw * 1000.0), i};
			}
			if (!m)
				continue;
			qsort(it, (size_t)m, sizeof *it, cmp_rank);
			for (int j = 0; j < m; j++)
				v[j] = it[j].v;
			xf_points_ranks(v, m, rk);
			for (int j = 0; j < m; j++) {
				xf_ind_result *r =
				    &all[(size_t)it[j].ix * e->stride + k];
				r->rank = rk[j];
				r->peers = m;
				r->points_x10 = xf_mapping_points(
				    &d->map, r->raw, d->max_x10, rk[j], m);
			}
		}
	}
	free(it);
	free(v);
	free(rk);
	return XF_OK;
}

typedef struct score_item {
	int64_t score;
	int ix;
} score_item;

static int cmp_score(const void *a, const void *b)
{
	const score_item *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->ix - y->ix;
}

/* Stars with the quotas of each scheme, per kind of peers. */
static int quotas(engine *e)
{
	int n = e->orgs.n;
	score_item *it = malloc(((size_t)n + 1) * sizeof *it);
	int64_t *v = malloc(((size_t)n + 1) * sizeof *v);
	int *st = malloc(((size_t)n + 1) * sizeof *st);
	int *cap = malloc(((size_t)n + 1) * sizeof *cap);
	if (!it || !v || !st || !cap) {
		free(it);
		free(v);
		free(st);
		free(cap);
		return xf_oom(e->c);
	}
	for (int si = 0; si < e->nsch; si++)
		for (int kind = 0; kind < XF_ORGK_COUNT; kind++) {
			int m = 0;
			for (int i = 0; i < n; i++)
				if (e->scheme_of[i] == si &&
				    xf_org_kind_parse(e->orgs.items[i].kind) ==
				        kind)
					it[m++] = (score_item){
					    e->x[i].vetoed ? -1
					                   : e->x[i].score_x10,
					    i};
			if (!m)
				continue;
			qsort(it, (size_t)m, sizeof *it, cmp_score);
			for (int j = 0; j < m; j++) {
				v[j] = it[j].score;
				st[j] = e->x[it[j].ix].stars;
			}
			xf_stars_quota(&e->sch[si].stars, v, m, st, cap);
			for (int j = 0; j < m; j++) {
				e->x[it[j].ix].stars = st[j];
				e->x[it[j].ix].capped = cap[j];
			}
		}
	free(it);
	free(v);
	free(st);
	free(cap);
	return XF_OK;
}

/* The schemes of the region around o and the region itself: the org of
 * the widest published scheme over o (o itself when none). */
static int schemes_for(engine *e, const xf_org *o, xf_org *region)
{
	xf_ctx *c = e->c;
	xf_scheme *over;
	int nover;
	int drc =
	    xf_store_schemes_over(c->db, c->a, o->path, e->year, &over, &nover);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*region = *o;
	if (nover > 0 && strcmp(over[nover - 1].org_path, o->path) != 0) {
		drc = xf_store_org_get(c->db, c->a, over[nover - 1].org_id,
		                       region);
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR
			                                       : drc);
	}
	const char *lo, *hi;
	int rc = xf_subtree_range(c, region->path, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	xf_ranges r = {1, {lo}, {hi}};
	drc = xf_store_schemes_within(c->db, c->a, &r, e->year, &e->sch,
	                              &e->nsch);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < e->nsch; i++) {
		rc = xf_scheme_check(c, &e->sch[i]);
		if (rc != XF_OK)
			return rc;
	}
	return XF_OK;
}

/* Computes the index of every org of the region around o for year. The
 * caller has checked that it reads o; the region is read with full
 * rights (the answer shows only what the caller reads). keep_res: the
 * index of the org whose indicator results are kept in x[].res, or -1. */
static int run(engine *e, xf_ctx *c, const xf_org *o, int year,
               int64_t keep_org)
{
	memset(e, 0, sizeof *e);
	e->c = c;
	e->year = year;
	const xf_scope *saved = c->scope;
	c->scope = NULL;
	xf_org region;
	int rc = schemes_for(e, o, &region);
	if (rc == XF_OK && e->nsch > 0)
		rc = gather(e, &region);
	c->scope = saved;
	if (rc != XF_OK || e->nsch == 0)
		return rc;
	int n = e->orgs.n;
	for (int s = 0; s < e->nsch; s++)
		if (e->sch[s].nind > e->stride)
			e->stride = e->sch[s].nind;
	xf_ind_result *all =
	    calloc((size_t)n * (size_t)e->stride + 1, sizeof(xf_ind_result));
	if (!all)
		return xf_oom(c);
	for (int i = 0; i < n; i++) {
		const xf_org *oi = &e->orgs.items[i];
		e->scheme_of[i] = -1;
		if (!lived_in(oi, year))
			continue;
		for (int s = 0; s < e->nsch; s++)
			if (xf_path_within(oi->path, e->sch[s].org_path) &&
			    kind_in(e->sch[s].org_kinds, oi->kind)) {
				e->scheme_of[i] = s;
				break;
			}
		if (e->scheme_of[i] >= 0)
			leaves(e, i, &e->sch[e->scheme_of[i]],
			       &all[(size_t)i * e->stride]);
	}
	for (int s = 0; s < e->nsch && rc == XF_OK; s++)
		rc = ranks(e, s, all);
	for (int i = 0; i < n && rc == XF_OK; i++) {
		int si = e->scheme_of[i];
		if (si < 0)
			continue;
		const xf_scheme *s = &e->sch[si];
		xf_ind_result *res = &all[(size_t)i * e->stride];
		xf_index ix;
		xf_index_roll_up(s->ind, s->nind, res, &ix);
		int five_ok = 1;
		for (int k = 0; k < s->nind && s->stars.five_requires; k++)
			if (strcmp(s->ind[k].code, s->stars.five_requires) == 0)
				five_ok = res[k].points_x10 > 0;
		const xf_org *oi = &e->orgs.items[i];
		xf_assessment *x = &e->x[i];
		*x = (xf_assessment){.org_id = oi->id,
		                     .org_parent_id = oi->parent_id,
		                     .org_name = oi->name,
		                     .org_path = oi->path,
		                     .org_kind = oi->kind,
		                     .scheme_id = s->id,
		                     .score_x10 = ix.score_x10,
		                     .scored_x10 = ix.scored_x10,
		                     .bonus_x10 = ix.bonus_x10,
		                     .deduction_x10 = ix.deduction_x10,
		                     .vetoed = ix.vetoed};
		x->stars =
		    xf_stars_of(&s->stars, ix.score_x10, ix.vetoed, five_ok);
		if (oi->id == keep_org) {
			x->res = xf_arena_calloc(c->a, (size_t)s->nind + 1,
			                         sizeof *x->res);
			if (!x->res)
				rc = xf_oom(c);
			else
				memcpy(x->res, res,
				       (size_t)s->nind * sizeof *res);
		}
	}
	free(all);
	return rc == XF_OK ? quotas(e) : rc;
}

/* ---- the board ---------------------------------------------------------- */

static int cmp_board(const void *a, const void *b)
{
	const xf_assessment *x = a, *y = b;
	if (x->score_x10 != y->score_x10)
		return x->score_x10 > y->score_x10 ? -1 : 1;
	return (x->org_id > y->org_id) - (x->org_id < y->org_id);
}

static int board_tx(xf_ctx *c, int64_t org_id, int year, const char *kind,
                    xf_assessment_board *out)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK)
		return rc;
	memset(out, 0, sizeof *out);
	out->year = year;
	out->kind = kind;
	if (r.n == 0)
		return XF_OK;
	/* the root: org_id, or the org of the caller's widest grant */
	int64_t root_id = org_id;
	if (!root_id) {
		const xf_grant *g = c->scope ? xf_scope_widest(c->scope) : NULL;
		root_id = g ? g->org_id : 0;
	}
	int drc;
	if (root_id) {
		drc = xf_store_org_get(c->db, c->a, root_id, &out->root);
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR
			                                       : drc);
	} else {
		/* admin without org: every root */
		xf_org_page roots;
		drc = xf_store_org_children(c->db, c->a, 0, &roots);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		if (roots.n == 0)
			return XF_OK;
		out->root = roots.items[0];
	}
	engine e, prev;
	rc = run(&e, c, &out->root, year, 0);
	if (rc != XF_OK)
		return rc;
	rc = run(&prev, c, &out->root, year - 1, 0);
	if (rc != XF_OK)
		return rc;
	out->items =
	    xf_arena_calloc(c->a, (size_t)e.orgs.n + 1, sizeof *out->items);
	if (!out->items)
		return xf_oom(c);
	for (int i = 0; i < e.orgs.n; i++) {
		const xf_assessment *x = &e.x[i];
		if (!x->scheme_id || !xf_can_read(c, x->org_path) ||
		    !xf_path_within(x->org_path, out->root.path) ||
		    (kind && strcmp(x->org_kind, kind) != 0))
			continue;
		xf_assessment *y = &out->items[out->n++];
		*y = *x;
		int p = prev.nsch ? org_ix(&prev, x->org_id) : -1;
		if (p >= 0 && prev.x[p].scheme_id) {
			y->has_prev = 1;
			y->prev_score_x10 = prev.x[p].score_x10;
		}
	}
	qsort(out->items, (size_t)out->n, sizeof *out->items, cmp_board);
	for (int i = 0; i < out->n; i++)
		out->items[i].rank = i > 0 && out->items[i].score_x10 ==
		                                  out->items[i - 1].score_x10
		                         ? out->items[i - 1].rank
		                         : i + 1;
	/* parent names for "某支部（某党委）" */
	for (int i = 0; i < out->n; i++) {
		int pi = org_ix(&e, out->items[i].org_parent_id);
		out->items[i].org_parent_name =
		    pi >= 0 ? e.orgs.items[pi].name : NULL;
	}
	return XF_OK;
}

int xf_assessment_board_get(xf_ctx *c, int64_t org_id, int year,
                            const char *kind, xf_assessment_board *out)
{
	XF_RETURN_READ_TX(c, board_tx(c, org_id, year, kind, out));
}

/* ---- one organization, explained ------------------------------------- */

static int add_ev(xf_ctx *c, xf_evidence_item **ev, int *n, int *cap,
                  xf_evidence_item item)
{
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 16;
		xf_evidence_item *p =
		    xf_arena_calloc(c->a, (size_t)nc, sizeof *p);
		if (!p)
			return xf_oom(c);
		if (*n)
			memcpy(p, *ev, (size_t)*n * sizeof *p);
		*ev = p;
		*cap = nc;
	}
	(*ev)[(*n)++] = item;
	return XF_OK;
}

/* The meetings missing or held late, month by month, and the meetings
 * without a first topic, of org o in year (up to today). */
static int meeting_records(xf_ctx *c, const xf_org *o, int year, int src,
                           xf_evidence_item **ev, int *n)
{
	int cap = 0;
	xf_date today = xf_date_today(c->now);
	for (int m = 1; m <= 12; m++) {
		if (year > today.y || (year == today.y && m > today.m))
			break;
		xf_period p = {.kind = XF_PERIOD_MONTH, .year = year, .n = m};
		xf_compliance_report rep;
		xf_org_page orgs;
		int rc = xf_compliance_in_tx(c, o->id, p, &rep, &orgs);
		if (rc != XF_OK)
			return rc;
		for (int i = 0; i < rep.n; i++) {
			if (rep.items[i].org->id != o->id)
				continue;
			const xf_compliance *cc = &rep.items[i].c;
			char per[12];
			xf_period_format(p, per);
			for (int k = 0; k < XF_MK_COUNT; k++) {
				unsigned bit = 1u << k;
				int sanhui = xf_meeting_kind_is_sanhui(k);
				if (src == XF_SRC_SANHUI_RATE && !sanhui)
					continue;
				const char *title = xf_meeting_kind_title(k);
				if (cc->missing & bit)
					rc = add_ev(
					    c, ev, n, &cap,
					    (xf_evidence_item){
					        "missing_meeting",
					        xf_arena_printf(c->a,
					                        "%s 未开展%s",
					                        per, title),
					        xf_arena_strdup(c->a, per), 0});
				else if ((cc->late & bit) &&
				         src == XF_SRC_ON_TIME_RATE)
					rc = add_ev(
					    c, ev, n, &cap,
					    (xf_evidence_item){
					        "late_meeting",
					        xf_arena_printf(c->a,
					                        "%s %s为补开",
					                        per, title),
					        xf_arena_strdup(c->a, per), 0});
				if (rc != XF_OK)
					return rc;
			}
			if (src == XF_SRC_FIRST_TOPIC_RATE &&
			    cc->ft_recorded < cc->ft_meetings) {
				rc = add_ev(
				    c, ev, n, &cap,
				    (xf_evidence_item){
				        "missing_first_topic",
				        xf_arena_printf(
				            c->a,
				            "%s 有 %d 次会议未记录第一议题",
				            per,
				            cc->ft_meetings - cc->ft_recorded),
				        xf_arena_strdup(c->a, per), 0});
				if (rc != XF_OK)
					return rc;
			}
		}
	}
	return XF_OK;
}

/* The org's (and its members') honors of the year, the records the
 * honors source counts. */
static int honor_records(xf_ctx *c, const xf_org *o, int year,
                         xf_evidence_item **ev, int *n)
{
	const char *lo, *hi;
	int rc = xf_subtree_range(c, o->path, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	xf_ranges r = {1, {lo}, {hi}};
	xf_honor_filter f = {.ranges = &r, .year = year};
	xf_honor *hs;
	int nh;
	int64_t total;
	int drc =
	    xf_store_honor_list(c->db, c->a, &f, 0, 200, &hs, &nh, &total);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int cap = 0;
	for (int i = 0; i < nh && rc == XF_OK; i++) {
		if (hs[i].org_id != o->id)
			continue;
		rc = add_ev(
		    c, ev, n, &cap,
		    (xf_evidence_item){
		        "honor",
		        xf_arena_printf(c->a, "%s（%s%s%s）", hs[i].title,
		                        hs[i].level, hs[i].category,
		                        hs[i].grade ? hs[i].grade : ""),
		        NULL, hs[i].id});
	}
	return rc;
}

/* The org's own tasks of the year that are late (overdue, or done after
 * their due date). */
static int task_records(xf_ctx *c, const xf_org *o, int year,
                        xf_evidence_item **ev, int *n)
{
	xf_task_filter f = {
	    .org_id = o->id, .year = year, .today = xf_today(c), .limit = 500};
	const char *lo, *hi;
	int rc = xf_subtree_range(c, o->path, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	f.ranges = (xf_ranges){1, {lo}, {hi}};
	xf_task_page pg;
	int drc = xf_store_task_list(c->db, c->a, &f, &pg);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int cap = 0;
	const xf_task *t = pg.items;
	for (int i = 0; i < pg.n; i++) {
		int done = t[i].done_on != NULL;
		int late = done ? strcmp(t[i].done_on, t[i].due_on) > 0
		                : strcmp(t[i].due_on, f.today) < 0;
		if (!late)
			continue;
		rc = add_ev(
		    c, ev, n, &cap,
		    (xf_evidence_item){
		        "late_task",
		        xf_arena_printf(c->a, "%s（截止 %s%s）", t[i].title,
		                        t[i].due_on,
		                        done ? "，逾期完成" : "，逾期未完成"),
		        NULL, t[i].id});
		if (rc != XF_OK)
			return rc;
	}
	return XF_OK;
}

static int detail_tx(xf_ctx *c, int64_t org_id, int year,
                     xf_assessment_detail *out)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	int found = xf_store_org_get(c->db, c->a, org_id, &out->org);
	static const xf_record org_record = {"组织不存在", NULL, NULL};
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? out->org.path : NULL,
	                   XF_FOR_READ, &org_record);
	if (rc != XF_OK)
		return rc;
	engine e;
	rc = run(&e, c, &out->org, year, org_id);
	if (rc != XF_OK)
		return rc;
	int ix = e.nsch ? org_ix(&e, org_id) : -1;
	if (ix < 0 || e.scheme_of[ix] < 0)
		return XF_OK;
	const xf_scheme *schemes = e.sch; /* in c->a */
	out->scheme = schemes + e.scheme_of[ix];
	out->x = e.x[ix];
	out->fig = e.fig[ix];
	int pi = org_ix(&e, out->org.parent_id);
	out->x.org_parent_name = pi >= 0 ? e.orgs.items[pi].name : NULL;
	const xf_scheme *s = out->scheme;
	out->ev = xf_arena_calloc(c->a, (size_t)s->nind + 1, sizeof *out->ev);
	out->nev = xf_arena_calloc(c->a, (size_t)s->nind + 1, sizeof(int));
	if (!out->ev || !out->nev)
		return xf_oom(c);
	for (int k = 0; k < s->nind; k++) {
		int src = s->ind[k].src;
		if (src == XF_SRC_FIRST_TOPIC_RATE ||
		    src == XF_SRC_SANHUI_RATE || src == XF_SRC_ON_TIME_RATE)
			rc = meeting_records(c, &out->org, year, src,
			                     &out->ev[k], &out->nev[k]);
		else if (src == XF_SRC_TASK_ON_TIME_RATE)
			rc = task_records(c, &out->org, year, &out->ev[k],
			                  &out->nev[k]);
		else if (src == XF_SRC_HONORS)
			rc = honor_records(c, &out->org, year, &out->ev[k],
			                   &out->nev[k]);
		if (rc != XF_OK)
			return rc;
	}
	return XF_OK;
}

int xf_assessment_detail_get(xf_ctx *c, int64_t org_id, int year,
                             xf_assessment_detail *out)
{
	XF_RETURN_READ_TX(c, detail_tx(c, org_id, year, out));
}

int xf_assessment_of_in_tx(xf_ctx *c, const xf_org *o, int year,
                           xf_assessment *out, int *found)
{
	engine e;
	*found = 0;
	int rc = run(&e, c, o, year, 0);
	if (rc != XF_OK)
		return rc;
	int ix = e.nsch ? org_ix(&e, o->id) : -1;
	if (ix >= 0 && e.scheme_of[ix] >= 0) {
		*out = e.x[ix];
		*found = 1;
	}
	return XF_OK;
}

/* ---- scores ----------------------------------------------------------- */

static int score_tx(xf_ctx *c, int64_t org_id, int year, const char *code,
                    int points_x10, const char *reason,
                    xf_assessment_score *out)
{
	xf_org o;
	int found = xf_store_org_get(c->db, c->a, org_id, &o);
	static const xf_record org_record = {"组织不存在", NULL, NULL};
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? o.path : NULL,
	                   XF_FOR_READ, &org_record);
	if (rc != XF_OK)
		return rc;
	if (!xf_committee_over(c, o.path, 1))
		return xf_forbidden(c, "只有上级党委（工委）可以评分");
	xf_scheme *over;
	int nover;
	int drc =
	    xf_store_schemes_over(c->db, c->a, o.path, year, &over, &nover);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	const xf_scheme *s = NULL;
	for (int i = 0; i < nover && !s; i++)
		if (kind_in(over[i].org_kinds, o.kind))
			s = &over[i];
	if (!s)
		return xf_fail(c, XF_E_CONFLICT, "no_scheme",
		               "该组织本年度没有适用的已发布考核办法", NULL);
	rc = xf_scheme_check(c, (xf_scheme *)s);
	if (rc != XF_OK)
		return rc;
	const xf_indicator *d = NULL;
	for (int i = 0; i < s->nind; i++)
		if (strcmp(s->ind[i].code, code) == 0)
			d = &s->ind[i];
	if (!d)
		return xf_invalid(c, "考核办法中没有这个指标", "code");
	if (!d->leaf || d->src >= 0)
		return xf_invalid(
		    c, "该指标由下级指标或平台数据计分，不能直接评分", "code");
	int max = d->k == XF_IND_VETO ? 10 : d->max_x10;
	if (points_x10 < 0 || points_x10 > max ||
	    (d->k == XF_IND_VETO && points_x10 % 10))
		return xf_invalid(
		    c,
		    d->k == XF_IND_VETO
		        ? "一票否决项的分值为 1（否决）或 0（不否决）"
		        : xf_arena_printf(c->a, "分值须在 0 到 %.1f 之间",
		                          d->max_x10 / 10.0),
		    "points");
	*out = (xf_assessment_score){.org_id = org_id,
	                             .year = year,
	                             .code = d->code,
	                             .org_path = o.path,
	                             .points_x10 = points_x10,
	                             .reason = reason,
	                             .scored_by = c->user_id,
	                             .scored_at = c->now,
	                             .scored_by_name = c->username};
	drc = xf_store_score_put(c->db, out);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "score", "assessment_score", org_id, o.path, NULL,
	                xf_snap_assessment_score(c->a, out));
}

int xf_assessment_score_set(xf_ctx *c, int64_t org_id, int year,
                            const char *code, int points_x10,
                            const char *reason, xf_assessment_score *out)
{
	XF_RETURN_WRITE_TX(
	    c, score_tx(c, org_id, year, code, points_x10, reason, out));
}
