/*
 * arena.h - region allocator: one arena per request, freed at once when the
 * response is sent (nginx pools, h2o mem pools).
 *
 * Allocation failure policy: xf_arena_alloc() returns NULL when malloc fails
 * or the arena's byte cap is reached; callers turn NULL into an error answer.
 * Memory from an arena is owned by the arena and never freed one by one.
 */
#ifndef XF_ARENA_H
#define XF_ARENA_H

#include <stddef.h>

typedef struct xf_arena_block xf_arena_block;

typedef struct xf_arena {
	xf_arena_block *head;
	size_t used; /* bytes handed out, all blocks */
	size_t cap;  /* most bytes the arena may hand out; 0 = no cap */
} xf_arena;

/* Initialises an empty arena with a byte cap (0 = unlimited). */
void xf_arena_init(xf_arena *a, size_t cap);
/* Frees every block; the arena can be used again afterwards. */
void xf_arena_reset(xf_arena *a);
/* Returns n bytes aligned for any type, or NULL. */
void *xf_arena_alloc(xf_arena *a, size_t n);
/* Returns zeroed memory for n objects of size sz (overflow-checked). */
void *xf_arena_calloc(xf_arena *a, size_t n, size_t sz);
/* Copies len bytes of s and a NUL into the arena. */
char *xf_arena_strndup(xf_arena *a, const char *s, size_t len);
char *xf_arena_strdup(xf_arena *a, const char *s);
/* printf into the arena; returns NULL on error. */
char *xf_arena_printf(xf_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
