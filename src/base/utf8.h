/*
 * utf8.h - UTF-8 validation and counting for text that comes from outside
 * (form fields, CSV, xlsx) before it is stored or measured against limits.
 *
 * Both functions read exactly len bytes of s and keep no pointers; s need
 * not be NUL-terminated.
 */
#ifndef XF_UTF8_H
#define XF_UTF8_H

#include <stddef.h>

/* Returns 1 if s[0..len) is well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF) and contains no NUL byte; else 0.
 * A NULL s is valid only when len is 0. */
int xf_utf8_valid(const char *s, size_t len);

/* Returns the number of code points in s[0..len), which must be valid UTF-8
 * (continuation bytes are simply not counted). */
size_t xf_utf8_chars(const char *s, size_t len);

#endif
