/*
 * login_guard.c - the per-address budget of failed logins (a fixed window per
 * address in a small table; when the table is full the entry whose window
 * began first gives way) and the hashing pool (a counting semaphore with a
 * bounded queue). See login_guard.h.
 */
#include "service/login_guard.h"

#include <pthread.h>
#include <string.h>

#define SLOTS    1024 /* power of two */
#define PROBES   8
#define ADDR_MAX 48

typedef struct slot {
	char addr[ADDR_MAX]; /* "" when free */
	int64_t start;
	int count;
} slot;

static slot slots[SLOTS];
static pthread_mutex_t budget_mu = PTHREAD_MUTEX_INITIALIZER;
static int budget_max = 20, budget_window = 300;

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_cv = PTHREAD_COND_INITIALIZER;
static int pool_workers = 1, pool_waiters = 0, pool_active, pool_waiting;

void xf_login_guard_init(int budget, int window, int workers, int waiters)
{
	pthread_mutex_lock(&budget_mu);
	budget_max = budget > 0 ? budget : 20;
	budget_window = window > 0 ? window : 300;
	pthread_mutex_unlock(&budget_mu);
	pthread_mutex_lock(&pool_mu);
	pool_workers = workers > 0 ? workers : 1;
	pool_waiters = waiters >= 0 ? waiters : 0;
	pthread_mutex_unlock(&pool_mu);
}

static unsigned hash_addr(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of addr (taken over from the oldest window when new), its
 * window restarted when over; under budget_mu. */
static slot *slot_of(const char *addr, int64_t now)
{
	char key[ADDR_MAX];
	size_t n = strlen(addr ? addr : "");
	if (n >= sizeof key)
		n = sizeof key - 1;
	memcpy(key, addr ? addr : "", n);
	key[n] = 0;
	unsigned h = hash_addr(key);
	slot *use = NULL, *oldest = NULL;
	for (int i = 0; i < PROBES && !use; i++) {
		slot *s = &slots[(h + (unsigned)i) & (SLOTS - 1)];
		if (s->addr[0] && strcmp(s->addr, key) == 0)
			use = s;
		else if (!oldest || s->start < oldest->start)
			oldest = s;
	}
	if (!use) {
		use = oldest;
		memcpy(use->addr, key, n + 1);
		use->start = now;
		use->count = 0;
	}
	if (now - use->start >= budget_window) {
		use->start = now;
		use->count = 0;
	}
	return use;
}

int xf_login_budget_check(const char *addr, int64_t now, int *retry_after)
{
	pthread_mutex_lock(&budget_mu);
	slot *s = slot_of(addr, now);
	int ok = s->count < budget_max;
	if (!ok) {
		*retry_after = (int)(s->start + budget_window - now);
		if (*retry_after < 1)
			*retry_after = 1;
	}
	pthread_mutex_unlock(&budget_mu);
	return ok;
}

void xf_login_budget_charge(const char *addr, int64_t now)
{
	pthread_mutex_lock(&budget_mu);
	slot *s = slot_of(addr, now);
	s->count++;
	pthread_mutex_unlock(&budget_mu);
}

void xf_login_budget_clear(void)
{
	pthread_mutex_lock(&budget_mu);
	memset(slots, 0, sizeof slots);
	pthread_mutex_unlock(&budget_mu);
}

int xf_hash_pool_enter(void)
{
	pthread_mutex_lock(&pool_mu);
	if (pool_active >= pool_workers) {
		if (pool_waiting >= pool_waiters) {
			pthread_mutex_unlock(&pool_mu);
			return 0;
		}
		pool_waiting++;
		while (pool_active >= pool_workers)
			pthread_cond_wait(&pool_cv, &pool_mu);
		pool_waiting--;
	}
	pool_active++;
	pthread_mutex_unlock(&pool_mu);
	return 1;
}

void xf_hash_pool_leave(void)
{
	pthread_mutex_lock(&pool_mu);
	pool_active--;
	pthread_cond_signal(&pool_cv);
	pthread_mutex_unlock(&pool_mu);
}
