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
/* Appends; returns 0 or -1 (over cap or out of memory; b->failed is set). */
int xf_buf_add(xf_buf *b, const void *p, size_t n);
int xf_buf_adds(xf_buf *b, const char *s);
int xf_buf_addc(xf_buf *b, char c);
int xf_buf_printf(xf_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends a signed decimal integer without printf. */
int xf_buf_addi(xf_buf *b, int64_t v);
char *xf_buf_detach(xf_buf *b);

#endif
