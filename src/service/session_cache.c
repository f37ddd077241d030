/*
 * session_cache.c - a direct-mapped table of recently resolved sessions,
 * locked in stripes; see session_cache.h for when an entry may be used.
 */
#include "service/session_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SLOTS   4096 /* power of two */
#define STRIPES 64
#define KEY_LEN 64 /* hex SHA-256 */

typedef struct entry {
	char key[KEY_LEN + 1]; /* "" when empty */
	uint64_t epoch;
	int64_t expires_at, born_ms;
	xf_user user; /* strings malloc'd; password_hash NULL */
	char *csrf;
} entry;

static entry slots[SLOTS];
static pthread_mutex_t stripes[STRIPES] = {[0 ... STRIPES - 1] =
                                               PTHREAD_MUTEX_INITIALIZER};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int slot_of(const char *key)
{
	unsigned h = 0;
	for (int i = 0; i < 8 && key[i]; i++)
		h = h * 31 + (unsigned char)key[i];
	return (int)(h & (SLOTS - 1));
}

static void drop(entry *e)
{
	for (int i = 0; i < e->user.nroles; i++) {
		free((char *)e->user.roles[i].role);
		free((char *)e->user.roles[i].org_name);
		free((char *)e->user.roles[i].org_path);
	}
	free(e->user.roles);
	free((char *)e->user.username);
	free((char *)e->user.display_name);
	free(e->csrf);
	memset(e, 0, sizeof *e);
}

static char *dup_or_null(const char *s, int *failed)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		*failed = 1;
	return d;
}

static const char *arena_dup(xf_arena *a, const char *s, int *failed)
{
	if (!s)
		return NULL;
	char *d = xf_arena_strdup(a, s);
	if (!d)
		*failed = 1;
	return d;
}

int xf_session_cache_get(const char *token_hash, uint64_t epoch, int64_t now,
                         xf_arena *a, xf_user *user, const char **csrf)
{
	if (!token_hash || strlen(token_hash) != KEY_LEN)
		return 0;
	int s = slot_of(token_hash);
	pthread_mutex_t *mu = &stripes[s % STRIPES];
	pthread_mutex_lock(mu);
	entry *e = &slots[s];
	int hit = strcmp(e->key, token_hash) == 0 && e->epoch == epoch &&
	          now < e->expires_at &&
	          now_ms() - e->born_ms <= XF_SESSION_CACHE_MS;
	int failed = 0;
	if (hit) {
		*user = e->user;
		user->password_hash = NULL;
		user->username = arena_dup(a, e->user.username, &failed);
		user->display_name =
		    arena_dup(a, e->user.display_name, &failed);
		user->roles = xf_arena_calloc(
		    a, (size_t)(e->user.nroles ? e->user.nroles : 1),
		    sizeof *user->roles);
		failed |= !user->roles;
		for (int i = 0; !failed && i < e->user.nroles; i++) {
			const xf_user_role *r = &e->user.roles[i];
			user->roles[i] = (xf_user_role){
			    .role = arena_dup(a, r->role, &failed),
			    .org_id = r->org_id,
			    .org_name = arena_dup(a, r->org_name, &failed),
			    .org_path = arena_dup(a, r->org_path, &failed)};
		}
		*csrf = arena_dup(a, e->csrf, &failed);
	}
	pthread_mutex_unlock(mu);
	return hit && !failed;
}

void xf_session_cache_put(const char *token_hash, uint64_t epoch,
                          int64_t expires_at, const xf_user *user,
                          const char *csrf)
{
	if (!token_hash || strlen(token_hash) != KEY_LEN)
		return;
	entry n = {.epoch = epoch,
	           .expires_at = expires_at,
	           .born_ms = now_ms(),
	           .user = *user};
	int failed = 0;
	memcpy(n.key, token_hash, KEY_LEN + 1);
	n.user.password_hash = NULL;
	n.user.roles = NULL;
	n.user.nroles = 0;
	n.user.username = dup_or_null(user->username, &failed);
	n.user.display_name = dup_or_null(user->display_name, &failed);
	n.csrf = dup_or_null(csrf, &failed);
	if (!failed && user->nroles > 0) {
		n.user.roles =
		    calloc((size_t)user->nroles, sizeof *n.user.roles);
		failed = !n.user.roles;
		for (int i = 0; !failed && i < user->nroles; i++) {
			const xf_user_role *r = &user->roles[i];
			n.user.roles[i] = (xf_user_role){
			    .role = dup_or_null(r->role, &failed),
			    .org_id = r->org_id,
			    .org_name = dup_or_null(r->org_name, &failed),
			    .org_path = dup_or_null(r->org_path, &failed)};
			n.user.nroles = i + 1;
		}
	}
	if (failed) {
		drop(&n);
		return;
	}
	int s = slot_of(token_hash);
	pthread_mutex_t *mu = &stripes[s % STRIPES];
	pthread_mutex_lock(mu);
	entry old = slots[s];
	slots[s] = n;
	pthread_mutex_unlock(mu);
	drop(&old);
}

void xf_session_cache_clear(void)
{
	for (int s = 0; s < SLOTS; s++) {
		pthread_mutex_t *mu = &stripes[s % STRIPES];
		pthread_mutex_lock(mu);
		entry old = slots[s];
		memset(&slots[s], 0, sizeof slots[s]);
		pthread_mutex_unlock(mu);
		drop(&old);
	}
}
