/*
 * buf.h - a growable byte buffer with a hard cap (curl's dynbuf): appending
 * past the cap fails with an error instead of growing forever.
 *
 * Ownership: the buffer owns its bytes (malloc); xf_buf_free() releases them.
 * xf_buf_detach() hands them to the caller, who frees them with free().
 * The bytes are always NUL-terminated (the NUL is not counted in len).
 */
#ifndef XF_BUF_H
#define XF_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct xf_buf {
	char *data;
	size_t len;
	size_t alloc;
	size_t cap; /* most bytes the buffer may hold */
	int failed; /* set once an append failed; later appends are no-ops */
} xf_buf;

void xf_buf_init(xf_buf *b, size_t cap);
void xf_buf_free(xf_buf *b);
void xf_buf_clear(xf_buf *b);
/* The slow path of xf_buf_add: grows the buffer first. */
int xf_buf_add_grow(xf_buf *b, const void *p, size_t n);
/* Appends; returns 0 or -1 (over cap or out of memory; b->failed is set).
 * Inline: an append that fits the allocation (the common case of JSON
 * answers and log lines) is a copy and two stores. */
static inline int xf_buf_add(xf_buf *b, const void *p, size_t n)
{
	/* (the bound on n tells the compiler no copy exceeds an object) */
	if (b->failed || b->alloc - b->len <= n || n > PTRDIFF_MAX)
		return xf_buf_add_grow(b, p, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}
int xf_buf_adds(xf_buf *b, const char *s);
static inline int xf_buf_addc(xf_buf *b, char c)
{
	if (b->failed || b->alloc - b->len <= 1)
		return xf_buf_add_grow(b, &c, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return 0;
}
int xf_buf_printf(xf_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends a signed decimal integer without printf. */
int xf_buf_addi(xf_buf *b, int64_t v);
char *xf_buf_detach(xf_buf *b);

#endif
