/*
 * compliance.c (service) - compliance reports and the supervision board.
 *
 * One read transaction: the subtree's organizations (path order), the
 * kept tallies of their meetings over the slots the period evaluates
 * (store/meeting_tallies.h: by month from the period's quarter, by year
 * when the year's slot ends in the period), then the domain rules per
 * organization. Memory: the tallies are gathered in malloc'ed arrays
 * freed before returning; everything returned lives in c->a.
 */
#include "service/compliance.h"

#include "service/meetings.h"
#include "store/meeting_tallies.h"
#include "store/meetings.h"

#include <stdlib.h>
#include <string.h>

#define SUBTREE_MAX 50000

/* ---- rules --------------------------------------------------------------- */

/* Defaults with the configured overrides; in the current transaction. */
static int load_rules(xf_ctx *c, xf_compliance_rules *r)
{
	xf_compliance_rules_default(r);
	xf_meeting_rule *rows;
	int n;
	int drc = xf_store_rules_list(c->db, c->a, &rows, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < n; i++) {
		int ok = xf_org_kind_parse(rows[i].org_kind);
		int mk = xf_meeting_kind_parse(rows[i].meeting_kind);
		int f = xf_freq_parse(rows[i].frequency);
		if (ok >= 0 && mk >= 0 && f >= 0)
			r->freq[ok][mk] = (unsigned char)f;
	}
	return XF_OK;
}

int xf_compliance_rules_get(xf_ctx *c, xf_compliance_rules *out)
{
	XF_RETURN_READ_TX(c, load_rules(c, out));
}

static int rules_set_tx(xf_ctx *c, const xf_rule_input *in, int n,
                        xf_compliance_rules *out)
{
	xf_compliance_rules before;
	int rc = load_rules(c, &before);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_rules_clear(c->db);
	for (int i = 0; i < n && drc == XF_DB_OK; i++) {
		xf_meeting_rule r = {in[i].org_kind, in[i].meeting_kind,
		                     in[i].frequency};
		drc = xf_store_rule_put(c->db, &r);
	}
	if (drc == XF_DB_UNIQUE)
		return xf_invalid(c, "同一组织类型的同一会议类型重复设置",
		                  "items");
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = load_rules(c, out);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "update", "meeting_rules", 0, NULL, NULL, NULL);
}

int xf_compliance_rules_set(xf_ctx *c, const xf_rule_input *in, int n,
                            xf_compliance_rules *out)
{
	if (!xf_is_admin(c))
		return xf_forbidden(c, "只有系统管理员可以修改会议规则");
	for (int i = 0; i < n; i++) {
		const char *f = xf_arena_printf(c->a, "items[%d]", i);
		if (xf_org_kind_parse(in[i].org_kind) < 0)
			return xf_invalid(c, "组织类型不正确", f);
		if (xf_meeting_kind_parse(in[i].meeting_kind) < 0)
			return xf_invalid(c, "会议类型不正确", f);
		if (xf_freq_parse(in[i].frequency) < 0)
			return xf_invalid(c,
			                  "频次应为 monthly、quarterly、"
			                  "yearly 或 none",
			                  f);
	}
	XF_RETURN_WRITE_TX(c, rules_set_tx(c, in, n, out));
}

/* ---- evaluation -------------------------------------------------------- */

typedef struct org_key {
	int64_t id;
	int idx;
} org_key;

typedef struct tally_row {
	int idx; /* org index in the subtree */
	xf_meeting_tally t;
} tally_row;

typedef struct gather {
	const org_key *keys;
	int nkeys;
	tally_row *rows;
	int n, cap, failed;
	int64_t last_org; /* of rows[n - 1] */
} gather;

static int cmp_key(const void *a, const void *b)
{
	int64_t x = ((const org_key *)a)->id, y = ((const org_key *)b)->id;
	return (x > y) - (x < y);
}

static int cmp_row(const void *a, const void *b)
{
	return ((const tally_row *)a)->idx - ((const tally_row *)b)->idx;
}

static int find_org(const org_key *keys, int n, int64_t id)
{
	org_key k = {id, 0};
	const org_key *f = bsearch(&k, keys, (size_t)n, sizeof k, cmp_key);
	return f ? f->idx : -1;
}

/* Reads "YYYY-MM" into a month index; -1 on anything else. */
static int month_of(const char *s)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return -1;
	int y = 0, m = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (s[5] < '0' || s[5] > '9' || s[6] < '0' || s[6] > '9')
		return -1;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	return m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
}

static int on_tally(void *arg, int64_t org_id, const char *kind,
                    const char *month, int on_time, int late, int no_ft)
{
	gather *g = arg;
	int idx = g->n && g->last_org == org_id
	              ? g->rows[g->n - 1].idx
	              : find_org(g->keys, g->nkeys, org_id);
	int k = xf_meeting_kind_parse(kind), mi = month_of(month);
	if (idx < 0 || k < 0 || mi < 0)
		return 0;
	g->last_org = org_id;
	/* the rows of an org come together, month by month: sum into the
	 * row of this kind in the org's current month, if there is one */
	for (int j = g->n - 1;
	     j >= 0 && g->rows[j].idx == idx && g->rows[j].t.month == mi; j--) {
		xf_meeting_tally *t = &g->rows[j].t;
		if (t->kind == k) {
			t->on_time += on_time;
			t->late += late;
			t->no_first_topic += no_ft;
			return 0;
		}
	}
	if (g->n == g->cap) {
		int cap = g->cap ? g->cap * 2 : 1024;
		tally_row *p = realloc(g->rows, (size_t)cap * sizeof *p);
		if (!p) {
			g->failed = 1;
			return 1;
		}
		g->rows = p;
		g->cap = cap;
	}
	g->rows[g->n++] = (tally_row){idx, {k, mi, on_time, late, no_ft}};
	return 0;
}

static int resolve_period(xf_ctx *c, const char *period, xf_period *p)
{
	if (!period) {
		*p = xf_period_of(xf_date_today(c->now), XF_PERIOD_QUARTER);
		return XF_OK;
	}
	if (xf_period_parse(period, p) != 0)
		return xf_invalid(c, "期间应为 2024、2024Q3 或 2024-07 的形式",
		                  "period");
	return XF_OK;
}

/* The year's rows given to on_tally as rows of one month. */
typedef struct year_gather {
	gather g;
	char month[8]; /* "YYYY-MM" the year's rows stand at */
} year_gather;

static int on_year_tally(void *arg, int64_t org_id, const char *kind,
                         const char *year, int on_time, int late, int no_ft)
{
	(void)year;
	year_gather *y = arg;
	return on_tally(&y->g, org_id, kind, y->month, on_time, late, no_ft);
}

/* Sorts the gathered rows by org index unless they came in that order
 * (the subtree and the tallies are both read in path order). */
static void sort_rows(gather *g)
{
	for (int i = 1; i < g->n; i++)
		if (g->rows[i].idx < g->rows[i - 1].idx) {
			qsort(g->rows, (size_t)g->n, sizeof *g->rows, cmp_row);
			return;
		}
}

/* The kept tallies of a subtree for a period: the months from
 * xf_compliance_months_first through the period's end, and, when the
 * year's slot begins before them, the year's totals; handed out org by
 * org (tallies_of) as the months the domain rules read, the months
 * before the first read summed into one row at the year's first month.
 * Memory: malloc'ed, freed by tallies_free. */
typedef struct tallies {
	gather m, y;
	int rm, ry;          /* next row of m and of y */
	xf_meeting_tally *t; /* the current org's rows */
} tallies;

static void tallies_free(tallies *tl)
{
	free(tl->m.rows);
	free(tl->y.rows);
	free(tl->t);
}

static int read_tallies(xf_ctx *c, xf_period p, const char *lo, const char *hi,
                        const org_key *keys, int nkeys, tallies *tl)
{
	memset(tl, 0, sizeof *tl);
	xf_date first = xf_compliance_range_first(p),
	        mfirst = xf_compliance_months_first(p);
	char from[11], to[11];
	xf_date_format(mfirst, from);
	xf_date_format(xf_period_last(p), to);
	tl->m = (gather){.keys = keys, .nkeys = nkeys};
	int drc =
	    xf_store_meeting_tally(c->db, lo, hi, from, to, on_tally, &tl->m);
	if (drc == XF_DB_OK && xf_date_cmp(first, mfirst) < 0) {
		year_gather yg = {.g = {.keys = keys, .nkeys = nkeys}};
		xf_date_format(first, from);
		memcpy(yg.month, from, 7);
		drc = xf_store_meeting_year_tally(c->db, lo, hi, first.y,
		                                  on_year_tally, &yg);
		tl->y = yg.g;
	}
	if (drc == XF_DB_OK && (tl->m.failed || tl->y.failed))
		drc = XF_DB_ERROR;
	if (drc == XF_DB_OK) {
		tl->t = malloc((size_t)(tl->m.n + tl->y.n + 1) * sizeof *tl->t);
		if (!tl->t) {
			tallies_free(tl);
			return xf_oom(c);
		}
	}
	if (drc != XF_DB_OK) {
		tallies_free(tl);
		return xf_fail_db(c, drc);
	}
	sort_rows(&tl->m);
	sort_rows(&tl->y);
	return XF_OK;
}

/* Fills tl->t with the rows of org index i (called with i ascending);
 * returns their count. A year's row becomes the year's total less the
 * months read of its kind, if anything is left. */
static int tallies_of(tallies *tl, int i)
{
	int nt = 0;
	while (tl->rm < tl->m.n && tl->m.rows[tl->rm].idx == i)
		tl->t[nt++] = tl->m.rows[tl->rm++].t;
	int months = nt;
	for (; tl->ry < tl->y.n && tl->y.rows[tl->ry].idx == i; tl->ry++) {
		xf_meeting_tally r = tl->y.rows[tl->ry].t;
		for (int j = 0; j < months; j++)
			if (tl->t[j].kind == r.kind) {
				r.on_time -= tl->t[j].on_time;
				r.late -= tl->t[j].late;
				r.no_first_topic -= tl->t[j].no_first_topic;
			}
		if (r.on_time > 0 || r.late > 0)
			tl->t[nt++] = r;
	}
	return nt;
}

int xf_compliance_in_tx(xf_ctx *c, int64_t org_id, xf_period p,
                        xf_compliance_report *out, xf_org_page *orgs)
{
	xf_org *root = xf_arena_calloc(c->a, 1, sizeof *root);
	const char *lo, *hi;
	if (!root)
		return xf_oom(c);
	int rc = xf_meetings_scope_org(c, org_id, "org", root, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	xf_compliance_rules rules;
	rc = load_rules(c, &rules);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_org_subtree(c->db, c->a, lo, hi, SUBTREE_MAX, orgs);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	out->period = p;
	out->today = xf_date_today(c->now);
	out->root = root;
	org_key *keys = xf_arena_calloc(c->a, (size_t)(orgs->n ? orgs->n : 1),
	                                sizeof *keys);
	out->items = xf_arena_calloc(c->a, (size_t)(orgs->n ? orgs->n : 1),
	                             sizeof *out->items);
	if (!keys || !out->items)
		return xf_oom(c);
	for (int i = 0; i < orgs->n; i++)
		keys[i] = (org_key){orgs->items[i].id, i};
	qsort(keys, (size_t)orgs->n, sizeof *keys, cmp_key);

	tallies tl;
	rc = read_tallies(c, p, lo, hi, keys, orgs->n, &tl);
	if (rc != XF_OK)
		return rc;
	out->n = 0;
	for (int i = 0; i < orgs->n; i++) {
		int nt = tallies_of(&tl, i);
		const xf_org *o = &orgs->items[i];
		xf_org_life life;
		xf_compliance cc;
		if (xf_org_life_of(o->kind, o->established_on, o->starts_on,
		                   o->ends_on, o->closed_on, &life) != 0 ||
		    xf_compliance_eval(&rules, &life, p, out->today, tl.t, nt,
		                       &cc) != 0 ||
		    !cc.applies)
			continue;
		out->items[out->n++] = (xf_compliance_item){o, cc};
	}
	tallies_free(&tl);
	return XF_OK;
}

/* The report of org_id's subtree for period, in one read transaction;
 * orgs: the organizations it covers. */
static int report_read(xf_ctx *c, int64_t org_id, const char *period,
                       xf_compliance_report *out, xf_org_page *orgs)
{
	xf_period p;
	memset(out, 0, sizeof *out);
	int rc = resolve_period(c, period, &p);
	if (rc != XF_OK)
		return rc;
	XF_READ_TX(c, rc, xf_compliance_in_tx(c, org_id, p, out, orgs));
	return rc;
}

int xf_compliance_for(xf_ctx *c, int64_t org_id, const char *period,
                      xf_compliance_report *out)
{
	xf_org_page orgs;
	return report_read(c, org_id, period, out, &orgs);
}

/* ---- the board --------------------------------------------------------- */

static void add(xf_compliance_sum *s, const xf_compliance *cc)
{
	s->orgs++;
	switch (cc->status) {
	case XF_CS_GREEN:
		s->green++;
		break;
	case XF_CS_YELLOW:
		s->yellow++;
		break;
	case XF_CS_DUE:
		s->due++;
		break;
	default:
		s->red++;
		break;
	}
	s->required += cc->required;
	s->held += cc->held;
	s->held_late += cc->held_late;
	s->sanhui_required += cc->sanhui_required;
	s->sanhui_held += cc->sanhui_held;
	s->ft_meetings += cc->ft_meetings;
	s->ft_recorded += cc->ft_recorded;
}

/* Lagging first: lower completion, then more red orgs, then path. */
static int cmp_rows(const void *a, const void *b)
{
	const xf_supervision_row *x = a, *y = b;
	int xe = x->sum.required == 0, ye = y->sum.required == 0;
	if (xe != ye)
		return xe - ye;
	int64_t l = (int64_t)x->sum.held * y->sum.required;
	int64_t r = (int64_t)y->sum.held * x->sum.required;
	if (l != r)
		return l < r ? -1 : 1;
	int64_t xr = (int64_t)x->sum.red * y->sum.orgs;
	int64_t yr = (int64_t)y->sum.red * x->sum.orgs;
	if (xr != yr)
		return xr > yr ? -1 : 1;
	return strcmp(x->org->path, y->org->path);
}

static int popcount(unsigned v)
{
	int n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

static int cmp_lagging(const void *a, const void *b)
{
	const xf_compliance_item *x = *(const xf_compliance_item *const *)a;
	const xf_compliance_item *y = *(const xf_compliance_item *const *)b;
	int d = popcount(y->c.missing) - popcount(x->c.missing);
	return d ? d : strcmp(x->org->path, y->org->path);
}

/* The id of the child of root_path on the way to path; 0 for root. */
static int64_t child_id(const char *root_path, const char *path)
{
	size_t n = strlen(root_path);
	if (strncmp(path, root_path, n) != 0)
		return 0;
	int64_t id = 0;
	for (const char *p = path + n; *p >= '0' && *p <= '9'; p++)
		id = id * 10 + (*p - '0');
	return id;
}

#define LAGGING_MAX 100

int xf_compliance_board(xf_ctx *c, int64_t org_id, const char *period,
                        xf_supervision *out)
{
	memset(out, 0, sizeof *out);
	xf_org_page orgs;
	int rc = report_read(c, org_id, period, &out->report, &orgs);
	if (rc != XF_OK)
		return rc;
	const xf_compliance_report *rep = &out->report;
	/* rows: the root itself, then its children in path order */
	out->rows =
	    xf_arena_calloc(c->a, (size_t)orgs.n + 1, sizeof *out->rows);
	org_key *keys = xf_arena_calloc(c->a, (size_t)orgs.n + 1, sizeof *keys);
	out->lagging =
	    xf_arena_calloc(c->a, (size_t)rep->n + 1, sizeof *out->lagging);
	if (!out->rows || !keys || !out->lagging)
		return xf_oom(c);
	out->rows[0] = (xf_supervision_row){.org = rep->root, .self = 1};
	out->nrows = 1;
	for (int i = 0; i < orgs.n; i++) {
		if (orgs.items[i].parent_id != rep->root->id)
			continue;
		keys[out->nrows - 1] = (org_key){orgs.items[i].id, out->nrows};
		out->rows[out->nrows++] =
		    (xf_supervision_row){.org = &orgs.items[i]};
	}
	int nkeys = out->nrows - 1;
	qsort(keys, (size_t)nkeys, sizeof *keys, cmp_key);
	for (int i = 0; i < rep->n; i++) {
		const xf_compliance_item *it = &rep->items[i];
		int64_t cid = child_id(rep->root->path, it->org->path);
		int row = cid ? find_org(keys, nkeys, cid) : 0;
		if (row < 0)
			continue;
		add(&out->rows[row].sum, &it->c);
		add(&out->total, &it->c);
		if (it->c.status == XF_CS_RED)
			out->lagging[out->nlagging++] =
			    (xf_compliance_item *)it;
	}
	/* the root's own row only when the rules apply to it */
	int first = out->rows[0].sum.orgs ? 0 : 1;
	out->rows += first;
	out->nrows -= first;
	qsort(out->rows, (size_t)out->nrows, sizeof *out->rows, cmp_rows);
	qsort(out->lagging, (size_t)out->nlagging, sizeof *out->lagging,
	      cmp_lagging);
	if (out->nlagging > LAGGING_MAX)
		out->nlagging = LAGGING_MAX;
	return XF_OK;
}
