/*
 * arena.c - the request arena: a list of malloc'd blocks bumped forward.
 */
#include "base/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 8192
#define ARENA_ALIGN 16

struct xf_arena_block {
	xf_arena_block *next;
	size_t size;
	size_t off;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void xf_arena_init(xf_arena *a, size_t cap)
{
	a->head = NULL;
	a->used = 0;
	a->cap = cap;
}

void xf_arena_reset(xf_arena *a)
{
	xf_arena_block *b = a->head;
	while (b) {
		xf_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}

void *xf_arena_alloc(xf_arena *a, size_t n)
{
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2)
		return NULL;
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (a->cap && a->used + need > a->cap)
		return NULL;
	xf_arena_block *b = a->head;
	if (!b || b->size - b->off < need) {
		size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
		b = malloc(sizeof *b + size);
		if (!b)
			return NULL;
		b->size = size;
		b->off = 0;
		/* A big one-off block goes behind the head so the head's free
		 * space is not wasted. */
		if (a->head && need > ARENA_BLOCK) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->off;
	b->off += need;
	a->used += need;
	return p;
}

void *xf_arena_calloc(xf_arena *a, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		return NULL;
	void *p = xf_arena_alloc(a, n * sz);
	if (p)
		memset(p, 0, n * sz);
	return p;
}

char *xf_arena_strndup(xf_arena *a, const char *s, size_t len)
{
	char *p = xf_arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xf_arena_strdup(xf_arena *a, const char *s)
{
	return xf_arena_strndup(a, s, strlen(s));
}

char *xf_arena_printf(xf_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = xf_arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
