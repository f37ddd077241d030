/*
 * cache.c - a bounded hash table of rendered answers.
 */
#include "http/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BUCKETS 4096

typedef struct entry {
	struct entry *next;
	char *key, *body, *user;
	size_t len;
	uint64_t version;
	int64_t born_ms;
	_Atomic int refs; /* the table's, plus one per answer being sent */
} entry;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static entry *table[BUCKETS];
static size_t bytes, max_bytes;
static int64_t max_age = 2000;

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
	free(e);
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

void xf_cache_configure(size_t max, int64_t max_age_ms)
{
	pthread_mutex_lock(&mu);
	clear();
	max_bytes = max;
	max_age = max_age_ms;
	pthread_mutex_unlock(&mu);
}

void *xf_cache_get(const char *key, uint64_t version, const char **body,
                   size_t *len, char *user, size_t n)
{
	if (!max_bytes)
		return NULL;
	entry *hit = NULL;
	int64_t now = now_ms();
	pthread_mutex_lock(&mu);
	for (entry *e = table[hash(key)]; e; e = e->next) {
		if (strcmp(e->key, key) != 0)
			continue;
		if (e->version == version && now - e->born_ms <= max_age) {
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

void xf_cache_put(const char *key, uint64_t version, const char *body,
                  size_t len, const char *user)
{
	if (!max_bytes || len > max_bytes / 8)
		return;
	entry *e = calloc(1, sizeof *e);
	if (!e)
		return;
	e->key = strdup(key);
	e->user = strdup(user ? user : "");
	e->body = malloc(len ? len : 1);
	if (!e->key || !e->user || !e->body) {
		free_entry(e);
		return;
	}
	memcpy(e->body, body, len);
	e->len = len;
	e->version = version;
	e->born_ms = now_ms();
	e->refs = 1;
	size_t size = len + strlen(key) + sizeof *e;
	unsigned h = hash(key);
	pthread_mutex_lock(&mu);
	if (bytes + size > max_bytes)
		clear();
	/* replace an older entry of the same key */
	for (entry **p = &table[h]; *p; p = &(*p)->next) {
		if (strcmp((*p)->key, key) == 0) {
			entry *old = *p;
			*p = old->next;
			bytes -= old->len + strlen(old->key) + sizeof *old;
			xf_cache_release(old);
			break;
		}
	}
	e->next = table[h];
	table[h] = e;
	bytes += size;
	pthread_mutex_unlock(&mu);
}
