/*
 * points_verify.c - `points verify`: every kept point total recomputed
 * from the ledger. The member ids are split into ranges, which worker
 * threads take in turn, each on its own connection, all in one shared
 * snapshot; each worker tallies the org side of what it reads, and the
 * last one to finish adds the tallies up and compares them with the kept
 * org totals. The differences are reported afterwards in range order.
 */
#include "tools/tools.h"

#include "service/ctx.h"
#include "store/points_recount.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Lines reported per range at the most (the rest are counted only). */
#define VERIFY_LINES      1000
#define MAX_THREADS       8
#define RANGES_PER_THREAD 8

enum { PART_MEMBERS, PART_ORG_ENTRIES, PART_ORGS };

typedef struct part {
	int kind;
	int64_t lo, hi; /* members: [lo, hi) */
	int rc;         /* XF_DB_* */
	int64_t checked, diffs;
	char **lines; /* owned, at most VERIFY_LINES */
	int nlines, cap;
} part;

typedef struct job {
	part *parts; /* PART_MEMBERS and PART_ORG_ENTRIES, taken in turn */
	int n, next;
	part orgs; /* PART_ORGS: after all the others */
	char token[XF_DB_SNAPSHOT_TOKEN];
	xf_org_tally *tallies[MAX_THREADS]; /* one per worker, owned */
	int started, joined, finished, go;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} job;

typedef struct worker_arg {
	job *j;
	int w; /* its tally */
} worker_arg;

static void collect(void *arg, const char *line)
{
	part *p = arg;
	if (p->nlines >= VERIFY_LINES)
		return;
	if (p->nlines == p->cap) {
		int cap = p->cap ? 2 * p->cap : 16;
		char **l = realloc(p->lines, (size_t)cap * sizeof *l);
		if (!l)
			return;
		p->lines = l;
		p->cap = cap;
	}
	char *s = strdup(line);
	if (s)
		p->lines[p->nlines++] = s;
}

/* Takes parts until none is left, then, if it is the last worker to
 * finish, compares the org totals. db is in the shared snapshot, or NULL
 * when joining it failed. */
static void work(job *j, xf_db *db, int w)
{
	xf_org_tally *t = j->tallies[w];
	for (;;) {
		pthread_mutex_lock(&j->mu);
		int i = j->next++;
		pthread_mutex_unlock(&j->mu);
		if (i >= j->n)
			break;
		part *p = &j->parts[i];
		if (!db || !t)
			p->rc = XF_DB_ERROR;
		else if (p->kind == PART_ORG_ENTRIES)
			p->rc = xf_store_point_verify_org_entries(db, t);
		else
			p->rc = xf_store_point_verify_members(
			    db, p->lo, p->hi, t, collect, p, &p->checked,
			    &p->diffs);
	}
	pthread_mutex_lock(&j->mu);
	int last = ++j->finished == j->started;
	pthread_mutex_unlock(&j->mu);
	if (!last)
		return;
	/* every other worker is done with its tally */
	int rc = db && t ? XF_DB_OK : XF_DB_ERROR;
	for (int k = 0; k < j->started && rc == XF_DB_OK; k++)
		if (k != w)
			rc = j->tallies[k]
			         ? xf_org_tally_merge(t, j->tallies[k])
			         : XF_DB_ERROR;
	if (rc == XF_DB_OK)
		rc = xf_store_point_verify_orgs(
		    db, t, collect, &j->orgs, &j->orgs.checked, &j->orgs.diffs);
	j->orgs.rc = rc;
}

static void *worker(void *arg)
{
	worker_arg *wa = arg;
	job *j = wa->j;
	xf_db *db = xf_svc_db();
	if (db && xf_db_snapshot_join(db, j->token) != XF_DB_OK)
		db = NULL;
	pthread_mutex_lock(&j->mu);
	j->joined++;
	pthread_cond_broadcast(&j->cv);
	while (!j->go)
		pthread_cond_wait(&j->cv, &j->mu);
	pthread_mutex_unlock(&j->mu);
	work(j, db, wa->w);
	if (db)
		xf_db_rollback(db);
	return NULL; /* the thread's connection closes when it exits */
}

/* Splits [lo, hi] into k ranges, the outer ones open-ended so that kept
 * totals of ids outside the ledger's are checked too. */
static void split(part *out, int k, int64_t lo, int64_t hi)
{
	__int128 span = (__int128)hi - lo + 1;
	for (int i = 0; i < k; i++) {
		out[i].kind = PART_MEMBERS;
		out[i].lo = i == 0 ? INT64_MIN : out[i - 1].hi;
		out[i].hi =
		    i == k - 1 ? INT64_MAX : (int64_t)(lo + span * (i + 1) / k);
	}
}

static int threads_wanted(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

/* All parts on c->db alone, in one read transaction. */
static int run_alone(xf_db *db, job *j)
{
	int rc = xf_db_begin_read(db);
	if (rc != XF_DB_OK)
		return rc;
	j->started = 1;
	work(j, db, 0);
	xf_db_rollback(db);
	return XF_DB_OK;
}

/* The parts on worker threads in the snapshot c->db holds. */
static int run_shared(xf_db *db, job *j, int nt)
{
	int rc = xf_db_snapshot_hold(db, j->token);
	if (rc != XF_DB_OK)
		return rc;
	pthread_t th[MAX_THREADS];
	worker_arg wa[MAX_THREADS];
	pthread_mutex_lock(&j->mu);
	for (; j->started < nt; j->started++) {
		wa[j->started] = (worker_arg){.j = j, .w = j->started};
		if (pthread_create(&th[j->started], NULL, worker,
		                   &wa[j->started]) != 0)
			break;
	}
	while (j->joined < j->started)
		pthread_cond_wait(&j->cv, &j->mu);
	pthread_mutex_unlock(&j->mu);
	/* every worker reads the snapshot now: writers may go on */
	xf_db_rollback(db);
	if (j->started == 0)
		return run_alone(db, j);
	pthread_mutex_lock(&j->mu);
	j->go = 1;
	pthread_cond_broadcast(&j->cv);
	pthread_mutex_unlock(&j->mu);
	for (int i = 0; i < j->started; i++)
		pthread_join(th[i], NULL);
	return XF_DB_OK;
}

/* Hands each part's lines to report in order and adds up its counts. */
static int report_part(part *p, void (*report)(void *, const char *), void *arg,
                       int64_t *checked, int64_t *diffs, int rc)
{
	for (int l = 0; l < p->nlines; l++) {
		report(arg, p->lines[l]);
		free(p->lines[l]);
	}
	free(p->lines);
	*checked += p->checked;
	*diffs += p->diffs;
	return rc == XF_DB_OK ? p->rc : rc;
}

/*
 * Recomputes the totals from the ledger (the command line): ranges of
 * member ids are checked at once, one connection per core (from
 * xf_svc_db(); on c->db alone when that is the only one), all in one
 * snapshot that c->db holds while they join (on SQLite, writers wait
 * for those milliseconds); the org totals are compared with what the
 * member pass tallied. report gets the differences in id order, at most
 * VERIFY_LINES per range (the rest are counted in *diffs only).
 */
static int points_verify(xf_ctx *c, void (*report)(void *arg, const char *line),
                         void *arg, int64_t *checked, int64_t *diffs)
{
	*checked = *diffs = 0;
	int64_t lo = 0, hi = 0;
	int rc;
	XF_READ_TX(c, rc,
	           xf_from_db(c, xf_store_point_verify_keys(c->db, &lo, &hi)));
	if (rc != XF_OK)
		return rc;

	int nt = threads_wanted();
	int nm = nt > 1 ? RANGES_PER_THREAD * nt : 1;
	part parts[1 + RANGES_PER_THREAD * MAX_THREADS];
	memset(parts, 0, sizeof parts);
	parts[0].kind = PART_ORG_ENTRIES;
	split(parts + 1, nm, lo, hi);
	job j = {.parts = parts, .n = 1 + nm, .orgs = {.kind = PART_ORGS}};
	j.orgs.rc = XF_DB_ERROR; /* until it runs */
	for (int i = 0; i < nt; i++)
		j.tallies[i] = xf_org_tally_new();
	pthread_mutex_init(&j.mu, NULL);
	pthread_cond_init(&j.cv, NULL);
	int drc = nt > 1 ? run_shared(c->db, &j, nt) : run_alone(c->db, &j);
	pthread_cond_destroy(&j.cv);
	pthread_mutex_destroy(&j.mu);
	for (int i = 0; i < nt; i++)
		xf_org_tally_free(j.tallies[i]);

	for (int i = 0; i < j.n; i++)
		drc = report_part(&parts[i], report, arg, checked, diffs, drc);
	drc = report_part(&j.orgs, report, arg, checked, diffs, drc);
	return xf_from_db(c, drc);
}

/* ---- the command --------------------------------------------------------- */

static void print_line(void *arg, const char *line)
{
	(void)arg;
	printf("%s\n", line);
}

/* `points verify`: the command around points_verify(). */
int xf_cmd_points(int argc, char **argv)
{
	static const char *const subs[] = {"verify", NULL};
	const char *db_url;
	int which;
	int st = xf_cli_sub_db(argc, argv, "points", subs,
	                       "usage: xianfeng points verify [--db DB]\n"
	                       "Recomputes all point totals from the ledger "
	                       "and reports every difference (exit 1 if "
	                       "any).\n",
	                       &which, &db_url);
	if (st >= 0)
		return st;
	xf_db *db = xf_cli_open_db(db_url, 1);
	if (!db)
		return 1;
	if (xf_svc_init(db_url) != 0) { /* the checking threads' connections */
		xf_db_close(db);
		return 1;
	}
	xf_arena a;
	xf_arena_init(&a, 0);
	xf_ctx c;
	xf_ctx_init(&c, db, &a, NULL, "cli");
	int64_t checked = 0, diffs = 0;
	int rc = points_verify(&c, print_line, NULL, &checked, &diffs);
	if (rc != XF_OK)
		fprintf(stderr, "xianfeng points verify: %s\n",
		        c.err.message ? c.err.message : "failed");
	else
		printf("points verify: %lld totals checked, %lld "
		       "differences\n",
		       (long long)checked, (long long)diffs);
	xf_arena_reset(&a);
	xf_db_close(db);
	return rc != XF_OK ? 2 : diffs ? 1 : 0;
}
