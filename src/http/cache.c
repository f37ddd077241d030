/*
 * cache.c - a bounded hash table of rendered answers, each dropped by the
 * changes that concern it (cache.h).
 */
#include "http/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BUCKETS 4096
/* The changes remembered for the check of xf_cache_put, and the longest
 * path remembered (a longer one counts as a change of everything). */
#define RECENT    1024
#define PATH_MAX_ 256

typedef struct entry {
	struct entry *next;
	char *key, *body, *user, *anchor; /* anchor: NULL for none */
	unsigned kinds; /* of the records it reads (with an anchor) */
	size_t len;
	int64_t born_ms;
	_Atomic int refs; /* the table's, plus one per answer being sent */
} entry;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static entry *table[BUCKETS];
static size_t bytes, max_bytes;
static int64_t max_age = 2000, anchored_age = 2000;
/* Every change takes the next generation. everything_gen: the last change
 * of everything; recent: the last RECENT paths changed, each with its
 * generation; forgotten_gen: the newest generation pushed out of it. */
static _Atomic uint64_t generation;
static uint64_t everything_gen, forgotten_gen;
static struct {
	uint64_t gen;
	unsigned kinds;
	char path[PATH_MAX_];
} recent[RECENT];
static unsigned recent_next;

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static unsigned hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % BUCKETS;
}

static void free_entry(entry *e);

void xf_cache_release(void *ref)
{
	entry *e = ref;
	if (e && --e->refs == 0)
		free_entry(e);
}

static void free_entry(entry *e)
{
	free(e->key);
	free(e->body);
	free(e->user);
	free(e->anchor);
	free(e);
}

static size_t entry_size(const entry *e)
{
	return e->len + strlen(e->key) + sizeof *e;
}

/* Caller holds mu. */
static void clear(void)
{
	for (int i = 0; i < BUCKETS; i++) {
		while (table[i]) {
			entry *e = table[i];
			table[i] = e->next;
			xf_cache_release(e);
		}
	}
	bytes = 0;
}

/* Whether a change at path concerns answers anchored at anchor: one of
 * the two lies on the other's path ("/1/5/" and "/1/5/23/"). */
static int related(const char *anchor, const char *path)
{
	size_t a = strlen(anchor), p = strlen(path);
	return strncmp(anchor, path, a < p ? a : p) == 0;
}

void xf_cache_configure(size_t max, int64_t max_age_ms, int64_t anchored_age_ms)
{
	pthread_mutex_lock(&mu);
	clear();
	max_bytes = max;
	max_age = max_age_ms;
	anchored_age = anchored_age_ms;
	pthread_mutex_unlock(&mu);
}

uint64_t xf_cache_generation(void)
{
	return generation;
}

void *xf_cache_get(const char *key, const char **body, size_t *len, char *user,
                   size_t n)
{
	if (!max_bytes)
		return NULL;
	entry *hit = NULL;
	int64_t now = now_ms();
	pthread_mutex_lock(&mu);
	for (entry *e = table[hash(key)]; e; e = e->next) {
		if (strcmp(e->key, key) != 0)
			continue;
		if (now - e->born_ms <= (e->anchor ? anchored_age : max_age)) {
			size_t ul = strlen(e->user);
			if (ul >= n)
				ul = n - 1;
			memcpy(user, e->user, ul);
			user[ul] = '\0';
			*body = e->body;
			*len = e->len;
			e->refs++;
			hit = e;
		}
		break;
	}
	pthread_mutex_unlock(&mu);
	return hit;
}

/* Caller holds mu. Whether a change heard after gen concerns an answer
 * anchored at anchor that reads kinds. */
static int changed_since(uint64_t gen, const char *anchor, unsigned kinds)
{
	if (gen == generation)
		return 0;
	if (!anchor || gen < everything_gen || gen < forgotten_gen)
		return 1;
	for (unsigned i = 0; i < RECENT; i++)
		if (recent[i].gen > gen && (recent[i].kinds & kinds) &&
		    related(anchor, recent[i].path))
			return 1;
	return 0;
}

void xf_cache_put(const char *key, const char *anchor, unsigned kinds,
                  uint64_t gen, const char *body, size_t len, const char *user)
{
	if (!max_bytes || len > max_bytes / 8)
		return;
	entry *e = calloc(1, sizeof *e);
	if (!e)
		return;
	e->key = strdup(key);
	e->user = strdup(user ? user : "");
	e->anchor = anchor ? strdup(anchor) : NULL;
	e->body = malloc(len ? len : 1);
	if (!e->key || !e->user || !e->body || (anchor && !e->anchor)) {
		free_entry(e);
		return;
	}
	memcpy(e->body, body, len);
	e->len = len;
	e->kinds = kinds;
	e->born_ms = now_ms();
	e->refs = 1;
	size_t size = entry_size(e);
	unsigned h = hash(key);
	pthread_mutex_lock(&mu);
	if (changed_since(gen, anchor, kinds)) {
		pthread_mutex_unlock(&mu);
		free_entry(e);
		return;
	}
	if (bytes + size > max_bytes)
		clear();
	/* replace an older entry of the same key */
	for (entry **p = &table[h]; *p; p = &(*p)->next) {
		if (strcmp((*p)->key, key) == 0) {
			entry *old = *p;
			*p = old->next;
			bytes -= entry_size(old);
			xf_cache_release(old);
			break;
		}
	}
	e->next = table[h];
	table[h] = e;
	bytes += size;
	pthread_mutex_unlock(&mu);
}

/* Caller holds mu. Whether a change of paths[0..n) with kinds[0..n)
 * drops e. */
static int stale(const entry *e, const char *const *paths,
                 const unsigned *kinds, int n)
{
	if (!e->anchor)
		return 1;
	for (int i = 0; i < n; i++)
		if ((kinds[i] & e->kinds) && related(e->anchor, paths[i]))
			return 1;
	return 0;
}

void xf_cache_invalidate(const char *const *paths, const unsigned *kinds, int n)
{
	for (int i = 0; i < n; i++)
		if (!paths[i] || strlen(paths[i]) >= PATH_MAX_)
			n = -1;
	pthread_mutex_lock(&mu);
	uint64_t gen = ++generation;
	if (n < 0) {
		everything_gen = gen;
		clear();
		pthread_mutex_unlock(&mu);
		return;
	}
	for (int i = 0; i < n; i++) {
		unsigned slot = recent_next++ % RECENT;
		if (recent[slot].gen > forgotten_gen)
			forgotten_gen = recent[slot].gen;
		recent[slot].gen = gen;
		recent[slot].kinds = kinds[i];
		memcpy(recent[slot].path, paths[i], strlen(paths[i]) + 1);
	}
	for (int b = 0; b < BUCKETS; b++) {
		for (entry **p = &table[b]; *p;) {
			entry *e = *p;
			if (stale(e, paths, kinds, n)) {
				*p = e->next;
				bytes -= entry_size(e);
				xf_cache_release(e);
			} else
				p = &e->next;
		}
	}
	pthread_mutex_unlock(&mu);
}
