/*
 * fuzz_common.h - what the harnesses share: memory that is there or the
 * run aborts (a harness has no use for a failed allocation), and the input
 * bytes as a C string.
 */
#ifndef XF_FUZZ_COMMON_H
#define XF_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* malloc(n), aborting if there is none. */
static inline void *fuzz_alloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		abort();
	return p;
}

/* A malloc'd copy of the n bytes at data with a NUL after them. */
static inline char *fuzz_cstr(const uint8_t *data, size_t n)
{
	char *s = fuzz_alloc(n + 1);
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

#endif
