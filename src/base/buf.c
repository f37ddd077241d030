/*
 * buf.c - growable, capped byte buffer.
 */
#include "base/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void xf_buf_init(xf_buf *b, size_t cap)
{
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->cap = cap;
	b->failed = 0;
}

void xf_buf_free(xf_buf *b)
{
	free(b->data);
	xf_buf_init(b, b->cap);
}

void xf_buf_clear(xf_buf *b)
{
	b->len = 0;
	b->failed = 0;
	if (b->data)
		b->data[0] = '\0';
}

static int grow(xf_buf *b, size_t extra)
{
	if (b->failed)
		return -1;
	if (extra > b->cap || b->len > b->cap - extra) {
		b->failed = 1;
		return -1;
	}
	size_t need = b->len + extra + 1;
	if (need <= b->alloc)
		return 0;
	size_t n = b->alloc ? b->alloc : 4096;
	while (n < need)
		n *= 2;
	if (n > b->cap + 1)
		n = b->cap + 1;
	char *p = realloc(b->data, n);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->alloc = n;
	return 0;
}

int xf_buf_add_grow(xf_buf *b, const void *p, size_t n)
{
	if (grow(b, n) != 0)
		return -1;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int xf_buf_adds(xf_buf *b, const char *s)
{
	return xf_buf_add(b, s, strlen(s));
}

int xf_buf_printf(xf_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(b, (size_t)n) != 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

int xf_buf_addi(xf_buf *b, int64_t v)
{
	char tmp[24];
	int i = (int)sizeof tmp;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	return xf_buf_add(b, tmp + i, sizeof tmp - (size_t)i);
}

char *xf_buf_detach(xf_buf *b)
{
	char *p = b->data;
	xf_buf_init(b, b->cap);
	return p;
}
