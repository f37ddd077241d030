/*
 * notify.c (service) - the queue of outside messages and its worker
 * thread (notify.h), and the messages use cases send after a commit.
 */
#include "service/notify.h"

#include "service/points_int.h"
#include "store/users.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A queued message for one sender: one malloc'd block with its strings. */
typedef struct entry {
	xf_message m;
	int sender;
	int tries;
	int64_t next_ms; /* monotonic: not before */
} entry;

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t worker;
	int running, stopping;
	xf_sender *senders[XF_NOTIFY_SENDERS];
	int nsenders;
	entry *q[XF_NOTIFY_QUEUE];
	int nq;
	char kinds[256];
	int retry_ms;
} N = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int xf_notify_register(xf_sender *s)
{
	if (!s)
		return -1;
	pthread_mutex_lock(&N.mu);
	int ok = !N.running && N.nsenders < XF_NOTIFY_SENDERS;
	if (ok)
		N.senders[N.nsenders++] = s;
	pthread_mutex_unlock(&N.mu);
	if (!ok && s->destroy)
		s->destroy(s->self);
	return ok ? 0 : -1;
}

int xf_notify_wants(const char *kind)
{
	if (!kind || !*kind)
		return 0;
	size_t kl = strlen(kind);
	int yes = 0;
	pthread_mutex_lock(&N.mu);
	for (const char *p = N.kinds; N.running && !yes && *p;) {
		size_t l = strcspn(p, ",");
		yes = l == kl && memcmp(p, kind, kl) == 0;
		p += l;
		if (*p == ',')
			p++;
	}
	pthread_mutex_unlock(&N.mu);
	return yes;
}

/* The index of the queued entry due first, or -1; *wait_ms until it. */
static int next_due(int64_t now, int64_t *wait_ms)
{
	int best = -1;
	for (int i = 0; i < N.nq; i++)
		if (best < 0 || N.q[i]->next_ms < N.q[best]->next_ms)
			best = i;
	*wait_ms = best < 0 ? 60000 : N.q[best]->next_ms - now;
	return best;
}

static void take(int i)
{
	memmove(&N.q[i], &N.q[i + 1], (size_t)(N.nq - i - 1) * sizeof *N.q);
	N.nq--;
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&N.mu);
	while (!N.stopping) {
		int64_t wait;
		int i = next_due(mono_ms(), &wait);
		if (i < 0 || wait > 0) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			int64_t ns = until.tv_nsec + (wait % 1000) * 1000000;
			until.tv_sec += (time_t)(wait / 1000 + ns / 1000000000);
			until.tv_nsec = (long)(ns % 1000000000);
			pthread_cond_timedwait(&N.cv, &N.mu, &until);
			continue;
		}
		entry *e = N.q[i];
		take(i);
		xf_sender *s = N.senders[e->sender];
		pthread_mutex_unlock(&N.mu);
		int rc = s->send(s->self, &e->m);
		e->tries++;
		pthread_mutex_lock(&N.mu);
		if (rc == XF_SEND_RETRY && e->tries < XF_NOTIFY_TRIES &&
		    N.nq < XF_NOTIFY_QUEUE && !N.stopping) {
			e->next_ms =
			    mono_ms() + ((int64_t)N.retry_ms << (e->tries - 1));
			N.q[N.nq++] = e;
			continue;
		}
		if (rc != XF_SEND_OK)
			fprintf(stderr,
			        "xianfeng: %s: message %s (%s) not delivered "
			        "after %d tries\n",
			        s->name, e->m.id, e->m.kind, e->tries);
		free(e);
	}
	pthread_mutex_unlock(&N.mu);
	return NULL;
}

int xf_notify_start(const char *kinds, int retry_ms)
{
	if (!kinds)
		kinds = "claim,objection";
	if (strlen(kinds) >= sizeof N.kinds || retry_ms < 0)
		return -1;
	pthread_mutex_lock(&N.mu);
	int rc = 0;
	if (N.nsenders > 0 && !N.running) {
		memcpy(N.kinds, kinds, strlen(kinds) + 1);
		N.retry_ms = retry_ms ? retry_ms : 1000;
		N.stopping = 0;
		rc =
		    pthread_create(&N.worker, NULL, worker, NULL) == 0 ? 0 : -1;
		N.running = rc == 0;
	}
	pthread_mutex_unlock(&N.mu);
	return rc;
}

void xf_notify_stop(void)
{
	pthread_mutex_lock(&N.mu);
	int was = N.running;
	N.stopping = 1;
	pthread_cond_signal(&N.cv);
	pthread_mutex_unlock(&N.mu);
	if (was)
		pthread_join(N.worker, NULL);
	pthread_mutex_lock(&N.mu);
	N.running = 0;
	if (N.nq)
		fprintf(stderr,
		        "xianfeng: %d outside messages dropped at stop\n",
		        N.nq);
	for (int i = 0; i < N.nq; i++)
		free(N.q[i]);
	N.nq = 0;
	for (int i = 0; i < N.nsenders; i++)
		if (N.senders[i]->destroy)
			N.senders[i]->destroy(N.senders[i]->self);
	N.nsenders = 0;
	pthread_mutex_unlock(&N.mu);
}

/* Copies s to the end of the block at *p; returns the copy (NULL for
 * NULL). */
static const char *put(char **p, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = *p;
	memcpy(d, s, n);
	*p += n;
	return d;
}

static size_t len0(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* One entry holding a copy of m and its strings, or NULL. */
static entry *entry_of(const xf_message *m, int sender)
{
	size_t n = len0(m->name) + len0(m->phone) + len0(m->kind) +
	           len0(m->title) + len0(m->body) + len0(m->link) +
	           len0(m->ref);
	entry *e = malloc(sizeof *e + n);
	if (!e)
		return NULL;
	char *p = (char *)(e + 1);
	e->m = *m;
	e->m.name = put(&p, m->name);
	e->m.phone = put(&p, m->phone);
	e->m.kind = put(&p, m->kind);
	e->m.title = put(&p, m->title);
	e->m.body = put(&p, m->body);
	e->m.link = put(&p, m->link);
	e->m.ref = put(&p, m->ref);
	e->sender = sender;
	e->tries = 0;
	e->next_ms = 0;
	return e;
}

int xf_notify_post(const xf_message *in)
{
	xf_message m = *in;
	if (!m.id[0]) {
		unsigned char raw[16];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(m.id, sizeof m.id, raw, sizeof raw);
	}
	if (!m.created_at)
		m.created_at = (int64_t)time(NULL);
	int rc = 0;
	pthread_mutex_lock(&N.mu);
	if (!N.running || N.stopping)
		rc = -1;
	for (int i = 0; rc == 0 && i < N.nsenders; i++) {
		entry *e = N.nq < XF_NOTIFY_QUEUE ? entry_of(&m, i) : NULL;
		if (!e) {
			fprintf(stderr,
			        "xianfeng: outside message queue full: %s "
			        "(%s) dropped\n",
			        m.kind, m.ref ? m.ref : "");
			rc = -1;
			break;
		}
		e->next_ms = mono_ms();
		N.q[N.nq++] = e;
	}
	pthread_cond_signal(&N.cv);
	pthread_mutex_unlock(&N.mu);
	return rc;
}

/* ---- what use cases send ------------------------------------------------ */

#define MAX_RECIPIENTS 50

/* Sends m to every staff row of who[0..n) that passes want (one message
 * per user), skipping user skip. */
static void send_to(const xf_message *m, const xf_staff_over *who, int n,
                    const char *role_needed, int64_t skip)
{
	int64_t last = 0;
	for (int i = 0; i < n; i++) {
		const xf_staff_over *s = &who[i];
		if (s->user_id == skip || s->user_id == last)
			continue;
		if (role_needed && strcmp(s->role, role_needed) != 0 &&
		    strcmp(s->role, "committee") != 0)
			continue;
		xf_message x = *m;
		x.user_id = s->user_id;
		x.name = s->display_name;
		x.phone = s->phone;
		xf_notify_post(&x);
		last = s->user_id;
	}
}

typedef struct claim_read {
	const xf_point_claim *cl;
	xf_point_rule rule;
	xf_staff_over *who;
	int n;
} claim_read;

static int claim_read_tx(xf_ctx *c, claim_read *r)
{
	int rc = xf_point_rule_load(c, r->cl->rule_id, &r->rule);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(
	    c, xf_store_user_staff_over(c->db, c->a, r->cl->org_path,
	                                MAX_RECIPIENTS, &r->who, &r->n));
}

void xf_notify_claim_pending(xf_ctx *c, const xf_point_claim *cl)
{
	if (!xf_notify_wants("claim") || strcmp(cl->status, "pending") != 0)
		return;
	claim_read r = {.cl = cl};
	int rc;
	XF_READ_TX(c, rc, claim_read_tx(c, &r));
	if (rc != XF_OK || r.rule.nversions < 1)
		return;
	const char *role = r.rule.versions[r.rule.nversions - 1].approver_role;
	xf_message m = {
	    .kind = "claim",
	    .title = "积分申报待审核",
	    .body = xf_arena_printf(c->a, "%s 申报「%s」：%s",
	                            cl->member_name ? cl->member_name : "",
	                            cl->item ? cl->item : "",
	                            cl->description ? cl->description : ""),
	    .link = "/points/claims",
	    .ref = xf_arena_printf(c->a, "claim:%lld", (long long)cl->id),
	    .org_id = cl->org_id,
	    .created_at = c->now,
	};
	if (!m.body || !m.ref)
		return;
	send_to(&m, r.who, r.n,
	        role && strcmp(role, "committee") == 0 ? "committee"
	                                               : "secretary",
	        cl->created_by);
}

typedef struct objection_read {
	const xf_point_objection *o;
	xf_point_notice n;
	xf_staff_over *who;
	int nwho;
} objection_read;

static int objection_read_tx(xf_ctx *c, objection_read *r)
{
	int drc =
	    xf_store_point_notice_get(c->db, c->a, r->o->notice_id, &r->n);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	return xf_from_db(
	    c, xf_store_user_staff_over(c->db, c->a, r->n.org_path,
	                                MAX_RECIPIENTS, &r->who, &r->nwho));
}

void xf_notify_objection(xf_ctx *c, const xf_point_objection *o)
{
	if (!xf_notify_wants("objection"))
		return;
	objection_read r = {.o = o};
	int rc;
	XF_READ_TX(c, rc, objection_read_tx(c, &r));
	if (rc != XF_OK)
		return;
	xf_message m = {
	    .kind = "objection",
	    .title = "公示异议待答复",
	    .body = xf_arena_printf(c->a, "%s 对公示「%s」提出异议：%s",
	                            o->member_name ? o->member_name : "",
	                            r.n.title ? r.n.title : "",
	                            o->text ? o->text : ""),
	    .link = xf_arena_printf(c->a, "/points/notices?id=%lld",
	                            (long long)o->notice_id),
	    .ref = xf_arena_printf(c->a, "objection:%lld", (long long)o->id),
	    .org_id = r.n.org_id,
	    .created_at = c->now,
	};
	if (!m.body || !m.link || !m.ref)
		return;
	send_to(&m, r.who, r.nwho, "committee", o->user_id);
}
