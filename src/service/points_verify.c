/*
 * points_verify.c - `points verify`: every kept point total recomputed
 * from the ledger. The ids are split into ranges (three member ranges
 * per org range, as the member side reads about three times as much),
 * which worker threads take in turn, each on its own connection; the
 * differences are reported afterwards in range order.
 */
#include "service/points.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_THREADS 8

typedef struct part {
	int orgs;
	int64_t lo, hi; /* [lo, hi) */
	int rc;         /* XF_DB_* */
	int64_t checked, diffs;
	char **lines; /* owned, at most XF_VERIFY_LINES */
	int nlines, cap;
} part;

typedef struct job {
	part *parts;
	int n, next;
	pthread_mutex_t mu;
} job;

static void collect(void *arg, const char *line)
{
	part *p = arg;
	if (p->nlines >= XF_VERIFY_LINES)
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

static int run_part(xf_db *db, part *p)
{
	int rc = xf_db_begin_read(db);
	if (rc != XF_DB_OK)
		return rc;
	rc = xf_store_point_verify_range(db, p->orgs, p->lo, p->hi, collect, p,
	                                 &p->checked, &p->diffs);
	xf_db_rollback(db);
	return rc;
}

static void run_parts(job *j, xf_db *db)
{
	for (;;) {
		pthread_mutex_lock(&j->mu);
		int i = j->next++;
		pthread_mutex_unlock(&j->mu);
		if (i >= j->n)
			return;
		j->parts[i].rc = db ? run_part(db, &j->parts[i]) : XF_DB_ERROR;
	}
}

static void *worker(void *arg)
{
	run_parts(arg, xf_svc_db());
	return NULL; /* the thread's connection closes when it exits */
}

/* Splits [lo, hi] into k ranges, the outer ones open-ended so that kept
 * totals of ids outside the ledger's are checked too. */
static void split(part *out, int k, int orgs, int64_t lo, int64_t hi)
{
	__int128 span = (__int128)hi - lo + 1;
	for (int i = 0; i < k; i++) {
		out[i].orgs = orgs;
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

int xf_points_verify(xf_ctx *c, void (*report)(void *arg, const char *line),
                     void *arg, int64_t *checked, int64_t *diffs)
{
	*checked = *diffs = 0;
	int64_t mlo = 0, mhi = 0, olo = 0, ohi = 0;
	int rc = xf_tx_read(c);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_point_verify_keys(c->db, 0, &mlo, &mhi);
	if (drc == XF_DB_OK)
		drc = xf_store_point_verify_keys(c->db, 1, &olo, &ohi);
	xf_db_rollback(c->db);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);

	int nt = threads_wanted(), nm = nt > 1 ? 6 * nt : 1,
	    no = nt > 1 ? 2 * nt : 1;
	part parts[8 * MAX_THREADS];
	memset(parts, 0, sizeof parts);
	split(parts, nm, 0, mlo, mhi);
	split(parts + nm, no, 1, olo, ohi);
	job j = {.parts = parts, .n = nm + no};
	pthread_mutex_init(&j.mu, NULL);
	pthread_t th[MAX_THREADS];
	int started = 0;
	for (; nt > 1 && started < nt; started++)
		if (pthread_create(&th[started], NULL, worker, &j) != 0)
			break;
	if (started == 0)
		run_parts(&j, c->db); /* no threads: all on this connection */
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	pthread_mutex_destroy(&j.mu);

	drc = XF_DB_OK;
	for (int i = 0; i < j.n; i++) {
		part *p = &parts[i];
		for (int l = 0; l < p->nlines; l++) {
			report(arg, p->lines[l]);
			free(p->lines[l]);
		}
		free(p->lines);
		*checked += p->checked;
		*diffs += p->diffs;
		if (p->rc != XF_DB_OK && drc == XF_DB_OK)
			drc = p->rc;
	}
	return drc == XF_DB_OK ? XF_OK : xf_fail_db(c, drc);
}
