/*
 * points_recount.c - the kept point totals recounted from the ledger, for
 * `points verify`, which compares them with the kept ones, and for the
 * rebuild of the bulk path, which writes them (see points_recount.h).
 *
 * The ledger is streamed once, in its member index order (member, year,
 * id); each member-year is folded in C into its 17 periods: the year, its
 * months and its quarters, which is also their byte order ("2024" <
 * "2024-01" < ... < "2024Q4" < "2025"). The same rows are tallied by
 * (org, year) in a hash table for the org side. No sort and no temporary
 * table in SQL, so it scales with the ledger. The rebuild reads the same
 * way and writes the rows through the bulk loader (bulk_load.c).
 */
#include "store/points_recount.h"

#include "store/bulk.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char sql_ledger_members[] =
    "SELECT member_id, month, points, veto, org_id FROM "
    "point_ledger WHERE member_id >= $1 AND member_id < $2 "
    "ORDER BY member_id, year, id";
/* The same with the id, which the rebuild keeps (last_entry_id) and the
 * comparison does not read. */
static const char sql_ledger_members_ids[] =
    "SELECT member_id, month, points, veto, org_id, id FROM "
    "point_ledger WHERE member_id >= $1 AND member_id < $2 "
    "ORDER BY member_id, year, id";
static const char sql_kept_members[] =
    "SELECT member_id, period, points, entries, vetoed, org_id FROM "
    "point_member_totals WHERE member_id >= $1 AND member_id < $2 "
    "ORDER BY member_id, period";
static const char sql_org_entries[] =
    "SELECT org_id, month, points FROM point_ledger WHERE member_id IS NULL";
static const char sql_kept_orgs[] =
    "SELECT org_id, period, points, entries, members, org_points, "
    "org_entries FROM point_org_totals ORDER BY org_id, period";
static const char sql_member_keys[] =
    "SELECT COALESCE(MIN(member_id), 0), COALESCE(MAX(member_id), 0) "
    "FROM point_ledger WHERE member_id IS NOT NULL";

#define SLOTS 17 /* 0: year, 1..12: months, 13..16: quarters */

/* The month of "YYYY-MM" (1 if malformed), without strtol (hot loop). */
static int month_of(const char *month)
{
	if (strlen(month) < 7 || month[5] < '0' || month[5] > '1' ||
	    month[6] < '0' || month[6] > '9')
		return 1;
	int m = (month[5] - '0') * 10 + (month[6] - '0');
	return m >= 1 && m <= 12 ? m : 1;
}

/* The year of a month: its first four bytes. */
static void year_of(const char *month, char year[8])
{
	size_t n = strnlen(month, 4);
	memcpy(year, month, n);
	year[n] = '\0';
}

/* "2024", "2024-07" or "2024Q3", without printf (hot loop). */
static void period_of(const char *year, int slot, char out[16])
{
	size_t n = strlen(year);
	memcpy(out, year, n);
	if (slot >= 1 && slot <= 12) {
		out[n++] = '-';
		out[n++] = (char)('0' + slot / 10);
		out[n++] = (char)('0' + slot % 10);
	} else if (slot > 12) {
		out[n++] = 'Q';
		out[n++] = (char)('0' + slot - 12);
	}
	out[n] = '\0';
}

/* ---- the org tally ------------------------------------------------------*/

/* One org-year: its 17 periods. */
typedef struct oblock {
	int64_t org;
	char year[8];
	uint32_t used; /* a bit per slot with entries */
	/* points, entries, members, org_points, org_entries */
	int64_t v[SLOTS][5];
	int64_t last[SLOTS]; /* the member counted last in each slot */
} oblock;

struct xf_org_tally {
	oblock *blocks; /* owned */
	size_t n, cap;
	uint32_t *index; /* owned; open addressing, block + 1, 0 = empty */
	size_t mask;
	size_t hot; /* the block found last */
};

xf_org_tally *xf_org_tally_new(void)
{
	xf_org_tally *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->mask = 1023;
	t->index = calloc(t->mask + 1, sizeof *t->index);
	if (!t->index) {
		free(t);
		return NULL;
	}
	t->hot = SIZE_MAX;
	return t;
}

void xf_org_tally_free(xf_org_tally *t)
{
	if (!t)
		return;
	free(t->blocks);
	free(t->index);
	free(t);
}

static size_t slot_hash(int64_t org, const char *year)
{
	uint32_t y = 0;
	memcpy(&y, year, strnlen(year, 4));
	uint64_t h = (uint64_t)org * 0x9E3779B97F4A7C15ull ^
	             (uint64_t)y * 0xC2B2AE3D27D4EB4Full;
	return (size_t)(h ^ h >> 29);
}

static int grow_index(xf_org_tally *t)
{
	size_t mask = 2 * t->mask + 1;
	uint32_t *index = calloc(mask + 1, sizeof *index);
	if (!index)
		return -1;
	for (size_t k = 0; k < t->n; k++) {
		size_t i =
		    slot_hash(t->blocks[k].org, t->blocks[k].year) & mask;
		while (index[i])
			i = (i + 1) & mask;
		index[i] = (uint32_t)(k + 1);
	}
	free(t->index);
	t->index = index;
	t->mask = mask;
	return 0;
}

/* The block of (org, year), added if new; NULL when out of memory. Valid
 * until the next call. */
static oblock *tally_block(xf_org_tally *t, int64_t org, const char *year)
{
	if (t->hot < t->n) {
		oblock *b = &t->blocks[t->hot];
		if (b->org == org && strcmp(b->year, year) == 0)
			return b;
	}
	if ((t->n + 1) * 2 > t->mask + 1 && grow_index(t) != 0)
		return NULL;
	size_t i = slot_hash(org, year) & t->mask;
	for (; t->index[i]; i = (i + 1) & t->mask) {
		oblock *b = &t->blocks[t->index[i] - 1];
		if (b->org == org && strcmp(b->year, year) == 0) {
			t->hot = t->index[i] - 1;
			return b;
		}
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 256;
		oblock *nb = realloc(t->blocks, cap * sizeof *nb);
		if (!nb)
			return NULL;
		t->blocks = nb;
		t->cap = cap;
	}
	oblock *b = &t->blocks[t->n];
	memset(b, 0, sizeof *b);
	b->org = org;
	snprintf(b->year, sizeof b->year, "%s", year);
	for (int s = 0; s < SLOTS; s++)
		b->last[s] = INT64_MIN;
	t->index[i] = (uint32_t)++t->n;
	t->hot = t->n - 1;
	return b;
}

int xf_org_tally_merge(xf_org_tally *into, const xf_org_tally *from)
{
	for (size_t k = 0; k < from->n; k++) {
		const oblock *src = &from->blocks[k];
		oblock *b = tally_block(into, src->org, src->year);
		if (!b)
			return XF_DB_ERROR;
		b->used |= src->used;
		for (int s = 0; s < SLOTS; s++)
			for (int i = 0; i < 5; i++)
				b->v[s][i] += src->v[s][i];
	}
	return XF_DB_OK;
}

/* ---- the comparison -----------------------------------------------------*/

/* One row of either side of the comparison. */
typedef struct vrow {
	int64_t key;
	char period[16];
	int64_t v[5];
} vrow;

/* The next recounted row in (key, period) order: XF_DB_ROW, XF_DB_DONE
 * or an error. */
typedef int (*next_fn)(void *src, vrow *r);

static int vstep(xf_stmt *st, int nv, vrow *r)
{
	int rc = xf_db_step(st);
	if (rc != XF_DB_ROW)
		return rc;
	r->key = xf_db_int(st, 0);
	const char *p = xf_db_text(st, 1);
	size_t n = strlen(p);
	if (n >= sizeof r->period)
		n = sizeof r->period - 1;
	memcpy(r->period, p, n);
	r->period[n] = '\0';
	for (int i = 0; i < nv; i++)
		r->v[i] = xf_db_int(st, 2 + i);
	return rc;
}

static int vcmp(const vrow *a, const vrow *b)
{
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return strcmp(a->period, b->period);
}

/* Merges the recounted rows (want) and the kept rows of have, both in
 * (key, period) order, reporting every difference. */
static int compare(next_fn want, void *src, xf_stmt *have, int nv,
                   const char *what, const char *const *names,
                   xf_verify_report report, void *arg, int64_t *checked,
                   int64_t *diffs)
{
	vrow a, b;
	int ra = want(src, &a), rb = vstep(have, nv, &b);
	char line[256];
	while ((ra == XF_DB_ROW || rb == XF_DB_ROW) && ra >= 0 && rb >= 0) {
		int c = ra != XF_DB_ROW   ? 1
		        : rb != XF_DB_ROW ? -1
		                          : vcmp(&a, &b);
		(*checked)++;
		if (c != 0) { /* a row on one side only */
			const vrow *r = c < 0 ? &a : &b;
			snprintf(line, sizeof line,
			         "%s %lld period %s: %s (%s%s=%lld)", what,
			         (long long)r->key, r->period,
			         c < 0 ? "missing from totals"
			               : "in totals but not in the ledger",
			         c < 0 ? "ledger " : "", names[0],
			         (long long)r->v[0]);
			report(arg, line);
			(*diffs)++;
			if (c < 0)
				ra = want(src, &a);
			else
				rb = vstep(have, nv, &b);
			continue;
		}
		for (int i = 0; i < nv; i++) {
			if (a.v[i] == b.v[i])
				continue;
			snprintf(line, sizeof line,
			         "%s %lld period %s: %s kept %lld, ledger "
			         "gives %lld",
			         what, (long long)a.key, a.period, names[i],
			         (long long)b.v[i], (long long)a.v[i]);
			report(arg, line);
			(*diffs)++;
		}
		ra = want(src, &a);
		rb = vstep(have, nv, &b);
	}
	return ra < 0 ? ra : rb < 0 ? rb : XF_DB_OK;
}

/* ---- members ------------------------------------------------------------*/

/* The recount of one member-year at a time. */
typedef struct fold {
	xf_stmt *st;
	xf_org_tally *orgs;
	int rc;  /* of the last step: a row is pending when XF_DB_ROW */
	int ids; /* st is sql_ledger_members_ids: v[][4] is kept */
	int64_t key;
	char year[8];
	/* points, entries, vetoed, org_id, last id (0 without ids) */
	int64_t v[SLOTS][5];
	int used[SLOTS];
	int next; /* next slot to emit */
} fold;

/* Folds the rows of the next member-year into f and the org tally:
 * XF_DB_ROW when one was folded, XF_DB_DONE at the end, or an error. */
static int fold_group(fold *f)
{
	if (f->rc != XF_DB_ROW)
		return f->rc;
	memset(f->v, 0, sizeof f->v);
	memset(f->used, 0, sizeof f->used);
	f->next = 0;
	f->key = xf_db_int(f->st, 0);
	/* the year is the month's: "2024-07" (the ledger's year column
	 * orders the rows but is not read) */
	const char *mon = xf_db_text(f->st, 1);
	year_of(mon, f->year);
	do {
		int m = month_of(mon);
		int slot[3] = {0, m, 13 + (m - 1) / 3};
		/* each column once: reading one costs more than adding (the
		 * id orders the rows but is read only for the rebuild) */
		int64_t points = xf_db_int(f->st, 2);
		int64_t veto = xf_db_int(f->st, 3);
		int64_t org = xf_db_int(f->st, 4);
		int64_t id = f->ids ? xf_db_int(f->st, 5) : 0;
		oblock *ob = tally_block(f->orgs, org, f->year);
		if (!ob)
			return f->rc = XF_DB_ERROR;
		for (int k = 0; k < 3; k++) {
			int s = slot[k];
			int64_t *v = f->v[s], *w = ob->v[s];
			f->used[s] = 1;
			v[0] += points;
			v[1]++;
			v[2] += veto;
			v[3] = org; /* the latest entry's */
			v[4] = id;
			w[0] += points;
			w[1]++;
			if (ob->last[s] != f->key) {
				ob->last[s] = f->key;
				w[2]++;
			}
			ob->used |= 1u << s;
		}
		f->rc = xf_db_step(f->st);
		if (f->rc != XF_DB_ROW)
			break;
		mon = xf_db_text(f->st, 1);
	} while (xf_db_int(f->st, 0) == f->key &&
	         strncmp(mon, f->year, 4) == 0);
	if (f->rc != XF_DB_ROW && f->rc != XF_DB_DONE)
		return f->rc;
	return XF_DB_ROW;
}

static int fold_next(void *src, vrow *r)
{
	fold *f = src;
	for (;;) {
		while (f->next < SLOTS && !f->used[f->next])
			f->next++;
		if (f->next < SLOTS)
			break;
		int rc = fold_group(f);
		if (rc != XF_DB_ROW)
			return rc;
	}
	int s = f->next++;
	r->key = f->key;
	period_of(f->year, s, r->period);
	memcpy(r->v, f->v[s], sizeof f->v[s]);
	return XF_DB_ROW;
}

int xf_store_point_verify_members(xf_db *db, int64_t lo, int64_t hi,
                                  xf_org_tally *orgs, xf_verify_report report,
                                  void *arg, int64_t *checked, int64_t *diffs)
{
	static const char *const names[] = {"points", "entries", "vetoed",
	                                    "org_id"};
	*checked = *diffs = 0;
	fold f = {.orgs = orgs, .next = SLOTS};
	f.st = xf_db_stmt(db, sql_ledger_members);
	xf_stmt *have = xf_db_stmt(db, sql_kept_members);
	if (!f.st || !have)
		return XF_DB_ERROR;
	xf_db_bind_int(f.st, 1, lo);
	xf_db_bind_int(f.st, 2, hi);
	xf_db_bind_int(have, 1, lo);
	xf_db_bind_int(have, 2, hi);
	f.rc = xf_db_step(f.st);
	int rc = compare(fold_next, &f, have, 4, "member", names, report, arg,
	                 checked, diffs);
	xf_db_reset(f.st);
	xf_db_reset(have);
	return rc;
}

/* ---- orgs ---------------------------------------------------------------*/

int xf_store_point_verify_org_entries(xf_db *db, xf_org_tally *orgs)
{
	xf_stmt *st = xf_db_stmt(db, sql_org_entries);
	if (!st)
		return XF_DB_ERROR;
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		const char *mon = xf_db_text(st, 1);
		char year[8];
		year_of(mon, year);
		oblock *ob = tally_block(orgs, xf_db_int(st, 0), year);
		if (!ob) {
			rc = XF_DB_ERROR;
			break;
		}
		int m = month_of(mon);
		int slot[3] = {0, m, 13 + (m - 1) / 3};
		int64_t points = xf_db_int(st, 2);
		for (int k = 0; k < 3; k++) {
			ob->v[slot[k]][3] += points;
			ob->v[slot[k]][4]++;
			ob->used |= 1u << slot[k];
		}
	}
	xf_db_reset(st);
	return xf_db_done(rc);
}

/* The tally's blocks in (org, year) order, slot by slot. */
typedef struct titer {
	const oblock **order; /* owned */
	size_t n, i;
	int slot;
} titer;

static int cmp_block(const void *pa, const void *pb)
{
	const oblock *a = *(const oblock *const *)pa;
	const oblock *b = *(const oblock *const *)pb;
	if (a->org != b->org)
		return a->org < b->org ? -1 : 1;
	return strcmp(a->year, b->year);
}

/* Sorts the blocks of orgs into a new it: XF_DB_OK, or XF_DB_ERROR when
 * out of memory. The caller frees it.order. */
static int titer_open(titer *it, const xf_org_tally *orgs)
{
	*it = (titer){.n = orgs->n};
	it->order = malloc((orgs->n ? orgs->n : 1) * sizeof *it->order);
	if (!it->order)
		return XF_DB_ERROR;
	for (size_t k = 0; k < orgs->n; k++)
		it->order[k] = &orgs->blocks[k];
	qsort(it->order, it->n, sizeof *it->order, cmp_block);
	return XF_DB_OK;
}

static int tally_next(void *src, vrow *r)
{
	titer *it = src;
	for (; it->i < it->n; it->i++, it->slot = 0) {
		const oblock *b = it->order[it->i];
		while (it->slot < SLOTS && !(b->used & 1u << it->slot))
			it->slot++;
		if (it->slot == SLOTS)
			continue;
		int s = it->slot++;
		r->key = b->org;
		period_of(b->year, s, r->period);
		memcpy(r->v, b->v[s], sizeof r->v);
		return XF_DB_ROW;
	}
	return XF_DB_DONE;
}

int xf_store_point_verify_orgs(xf_db *db, const xf_org_tally *orgs,
                               xf_verify_report report, void *arg,
                               int64_t *checked, int64_t *diffs)
{
	static const char *const names[] = {"points", "entries", "members",
	                                    "org_points", "org_entries"};
	*checked = *diffs = 0;
	titer it;
	xf_stmt *have = xf_db_stmt(db, sql_kept_orgs);
	if (!have || titer_open(&it, orgs) != XF_DB_OK)
		return XF_DB_ERROR;
	int rc = compare(tally_next, &it, have, 5, "org", names, report, arg,
	                 checked, diffs);
	xf_db_reset(have);
	free(it.order);
	return rc;
}

int xf_store_point_verify_keys(xf_db *db, int64_t *lo, int64_t *hi)
{
	xf_stmt *st = xf_db_stmt(db, sql_member_keys);
	if (!st)
		return XF_DB_ERROR;
	int64_t v[2];
	int rc = xf_db_ints(st, v, 2);
	*lo = v[0];
	*hi = v[1];
	return rc;
}

/* ---- the rebuild --------------------------------------------------------*/

static const char sql_org_paths[] = "SELECT id, path FROM orgs ORDER BY id";
static const char sql_next_member[] =
    "SELECT MIN(member_id) FROM point_ledger WHERE member_id >= $1";
static const char sql_clear_members[] = "DELETE FROM point_member_totals";
static const char sql_clear_orgs[] = "DELETE FROM point_org_totals";
static const char member_cols[] =
    "member_id, period, org_id, org_path, points, entries, vetoed, "
    "last_entry_id";
static const char org_cols[] =
    "org_id, period, points, entries, members, org_points, org_entries";

/* Member ids per range read at once: the PostgreSQL driver holds a whole
 * result in memory (20 entries a member: ~160,000 rows, a few dozen MB),
 * and so does the range's buffer of folded rows. */
#define RANGE_MEMBERS 8192

/* The path of every org, by id: the ledger's org_path is always its org's
 * path (an org move rewrites both), so the rebuild looks paths up here
 * instead of reading them from every ledger row. */
typedef struct org_path {
	int64_t id;
	const char *path; /* in the arena */
} org_path;

typedef struct org_paths {
	org_path *by_id; /* owned, in id order */
	size_t n, hot;
	xf_arena a; /* owns the paths */
} org_paths;

/* Reads the path of every org into p, in id order: XF_DB_OK or an error. */
static int paths_load(xf_db *db, org_paths *p)
{
	xf_stmt *st = xf_db_stmt(db, sql_org_paths);
	if (!st)
		return XF_DB_ERROR;
	size_t cap = 0;
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		if (p->n == cap) {
			cap = cap ? 2 * cap : 1024;
			org_path *nb = realloc(p->by_id, cap * sizeof *nb);
			if (!nb) {
				rc = XF_DB_ERROR;
				break;
			}
			p->by_id = nb;
		}
		org_path *o = &p->by_id[p->n++];
		o->id = xf_db_int(st, 0);
		o->path = xf_arena_strdup(&p->a, xf_db_text(st, 1));
		if (!o->path) {
			rc = XF_DB_ERROR;
			break;
		}
	}
	xf_db_reset(st);
	return xf_db_done(rc);
}

/* The path of org id, or NULL if there is no such org. */
static const char *path_of(org_paths *p, int64_t id)
{
	if (p->hot < p->n && p->by_id[p->hot].id == id)
		return p->by_id[p->hot].path;
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->by_id[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == p->n || p->by_id[lo].id != id)
		return NULL;
	p->hot = lo;
	return p->by_id[lo].path;
}

/* The first member id at or after from in the ledger: *more = 0 when
 * there is none. */
static int next_member(xf_db *db, int64_t from, int64_t *id, int *more)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_next_member, XF_INT(from));
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	*more = rc == XF_DB_ROW && !xf_db_is_null(st, 0);
	if (*more)
		*id = xf_db_int(st, 0);
	xf_db_reset(st);
	return xf_db_done(rc);
}

/* A folded row with its org's path, as it goes in. */
typedef struct lrow {
	const vrow *r;
	const char *path; /* owned by the org paths */
} lrow;

/* The folded rows of one range of members. */
typedef struct vrows {
	vrow *rows; /* owned */
	size_t n, cap;
	lrow *order; /* owned, cap of them */
} vrows;

/* (period, org path, points, member): see members_load. */
static int cmp_lrow(const void *pa, const void *pb)
{
	const lrow *a = pa, *b = pb;
	int c = strcmp(a->r->period, b->r->period);
	if (c == 0 && a->path != b->path)
		c = strcmp(a->path, b->path);
	if (c == 0 && a->r->v[0] != b->r->v[0])
		c = a->r->v[0] < b->r->v[0] ? -1 : 1;
	if (c == 0 && a->r->key != b->r->key)
		c = a->r->key < b->r->key ? -1 : 1;
	return c;
}

/* Folds the ledger entries of member ids in [lo, hi) into out (emptied
 * first) and their org side into orgs. The statement is done with
 * before anything is loaded: no other statement may run during a load. */
static int members_fold(xf_db *db, int64_t lo, int64_t hi, xf_org_tally *orgs,
                        vrows *out)
{
	fold f = {.orgs = orgs, .next = SLOTS, .ids = 1};
	f.st = xf_db_stmt(db, sql_ledger_members_ids);
	if (!f.st)
		return XF_DB_ERROR;
	xf_db_bind_int(f.st, 1, lo);
	xf_db_bind_int(f.st, 2, hi);
	f.rc = xf_db_step(f.st);
	out->n = 0;
	int rc;
	for (;;) {
		if (out->n == out->cap) {
			size_t cap = out->cap ? 2 * out->cap : 4096;
			vrow *nr = realloc(out->rows, cap * sizeof *nr);
			if (nr)
				out->rows = nr;
			lrow *no = realloc(out->order, cap * sizeof *no);
			if (no)
				out->order = no;
			if (!nr || !no) {
				rc = XF_DB_ERROR;
				break;
			}
			out->cap = cap;
		}
		rc = fold_next(&f, &out->rows[out->n]);
		if (rc != XF_DB_ROW)
			break;
		out->n++;
	}
	xf_db_reset(f.st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

/*
 * Loads the folded rows of a range in (period, org path, points, member)
 * order: the subtree index's, and the board index's but for the path.
 * The indexes are built again at the end from the table's rows in the
 * order they went in, and SQLite's sorter is much faster on runs already
 * in order than on rows in member order, where the periods alternate.
 * City, SQLite (2.2 M rows, three rounds each): the three member indexes
 * took 18-21 s to build from member order and 10-12 s from this one, for
 * ~1 s of sorting here and ~3 s more of inserting (the primary key no
 * longer grows at its end only): 20-22 s in all instead of 23-27 s.
 * PostgreSQL builds its indexes as fast either way (~40 s in all).
 */
static int members_load(xf_db *db, vrows *in, org_paths *paths)
{
	if (in->n == 0)
		return XF_DB_OK;
	for (size_t i = 0; i < in->n; i++) {
		in->order[i].r = &in->rows[i];
		in->order[i].path = path_of(paths, in->rows[i].v[3]);
		if (!in->order[i].path)
			return XF_DB_ERROR; /* the ledger's org is gone */
	}
	qsort(in->order, in->n, sizeof *in->order, cmp_lrow);
	xf_loader *l;
	int rc =
	    xf_load_begin(db, "point_member_totals", member_cols, 8, 0, &l);
	for (size_t i = 0; rc == XF_DB_OK && i < in->n; i++) {
		const vrow *r = in->order[i].r;
		xf_load_int(l, r->key);
		xf_load_str(l, r->period);
		xf_load_int(l, r->v[3]);
		xf_load_str(l, in->order[i].path);
		xf_load_int(l, r->v[0]);
		xf_load_int(l, r->v[1]);
		xf_load_int(l, r->v[2]);
		xf_load_int(l, r->v[4]);
		rc = xf_load_row(l);
	}
	int erc = xf_load_end(l, NULL);
	return rc == XF_DB_OK ? erc : rc;
}

/* Loads every org total of the tally, in (org, period) order. */
static int orgs_load(xf_db *db, const xf_org_tally *orgs)
{
	titer it;
	if (titer_open(&it, orgs) != XF_DB_OK)
		return XF_DB_ERROR;
	xf_loader *l;
	int rc = xf_load_begin(db, "point_org_totals", org_cols, 7, 0, &l);
	vrow r;
	while (rc == XF_DB_OK && tally_next(&it, &r) == XF_DB_ROW) {
		xf_load_int(l, r.key);
		xf_load_str(l, r.period);
		for (int i = 0; i < 5; i++)
			xf_load_int(l, r.v[i]);
		rc = xf_load_row(l);
	}
	int erc = xf_load_end(l, NULL);
	free(it.order);
	return rc == XF_DB_OK ? erc : rc;
}

static int run(xf_db *db, const char *sql)
{
	xf_stmt *st = xf_db_stmt(db, sql);
	return st ? xf_db_run(st) : XF_DB_ERROR;
}

/* The kept totals' secondary indexes are dropped while they are written
 * and built again at the end (one sort each). The member ranges are read
 * one after the other, each folded before its load, since no statement
 * may run while a load is open (on PostgreSQL, a COPY); the org side of
 * every range goes into one tally, whose rows are loaded last. */
int xf_store_point_totals_rebuild(xf_db *db)
{
	xf_indexes *mix = NULL, *oix = NULL;
	org_paths paths = {0};
	xf_arena_init(&paths.a, 0);
	vrows buf = {0};
	xf_org_tally *orgs = xf_org_tally_new();
	int rc = orgs ? XF_DB_OK : XF_DB_ERROR;
	if (rc == XF_DB_OK)
		rc = xf_bulk_indexes_drop(db, "point_member_totals", &mix);
	if (rc == XF_DB_OK)
		rc = xf_bulk_indexes_drop(db, "point_org_totals", &oix);
	if (rc == XF_DB_OK)
		rc = run(db, sql_clear_members);
	if (rc == XF_DB_OK)
		rc = run(db, sql_clear_orgs);
	if (rc == XF_DB_OK)
		rc = paths_load(db, &paths);
	/* [from, from + RANGE_MEMBERS), each from the first member id in
	 * the ledger at or after the end of the one before: no empty ranges
	 * where ids are sparse */
	int64_t from = 0;
	int more = 0;
	if (rc == XF_DB_OK)
		rc = next_member(db, INT64_MIN, &from, &more);
	while (rc == XF_DB_OK && more) {
		int64_t to = from <= INT64_MAX - RANGE_MEMBERS
		                 ? from + RANGE_MEMBERS
		                 : INT64_MAX; /* the last range, as verify's */
		rc = members_fold(db, from, to, orgs, &buf);
		if (rc == XF_DB_OK)
			rc = members_load(db, &buf, &paths);
		more = 0;
		if (rc == XF_DB_OK && to < INT64_MAX)
			rc = next_member(db, to, &from, &more);
	}
	if (rc == XF_DB_OK)
		rc = xf_store_point_verify_org_entries(db, orgs);
	if (rc == XF_DB_OK)
		rc = orgs_load(db, orgs);
	rc = mix ? xf_bulk_indexes_build(db, mix, rc) : rc;
	rc = oix ? xf_bulk_indexes_build(db, oix, rc) : rc;
	free(buf.rows);
	free(buf.order);
	free(paths.by_id);
	xf_arena_reset(&paths.a);
	xf_org_tally_free(orgs);
	return rc;
}
