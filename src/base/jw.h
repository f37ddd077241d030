/*
 * jw.h - a small streaming JSON writer onto an xf_buf: answers are written
 * as they are produced, without building a tree (DESIGN.md §7).
 *
 * The writer tracks commas; keys and strings are escaped. Strings must be
 * valid UTF-8 (all strings come from validated input or the database).
 * Errors (buffer over its cap, nesting deeper than XF_JW_DEPTH) set the
 * buffer's failed flag; check it once at the end.
 */
#ifndef XF_JW_H
#define XF_JW_H

#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

#define XF_JW_DEPTH 64

typedef struct xf_jw {
	xf_buf *b;
	int depth;
	unsigned char first[XF_JW_DEPTH]; /* 1 until the level has a value */
	int after_key;
} xf_jw;

void xf_jw_init(xf_jw *w, xf_buf *b);
void xf_jw_obj(xf_jw *w);     /* { */
void xf_jw_obj_end(xf_jw *w); /* } */
void xf_jw_arr(xf_jw *w);     /* [ */
void xf_jw_arr_end(xf_jw *w); /* ] */
void xf_jw_key(xf_jw *w, const char *k);
void xf_jw_str(xf_jw *w, const char *s); /* NULL writes null */
void xf_jw_strn(xf_jw *w, const char *s, size_t n);
void xf_jw_int(xf_jw *w, int64_t v);
void xf_jw_bool(xf_jw *w, int v);
void xf_jw_null(xf_jw *w);
/* A number given in hundredths, with two decimals: 1235 as 12.35, -50 as
 * -0.50 (averages of points). */
void xf_jw_x100(xf_jw *w, int64_t v);
/* A number given in tenths, with one decimal: 875 as 87.5 (scores). */
void xf_jw_x10(xf_jw *w, int64_t v);
void xf_jw_kx10(xf_jw *w, const char *k, int64_t v);
/* Writes already-serialized JSON as a value (e.g. a stored snapshot). */
void xf_jw_raw(xf_jw *w, const char *json);

/* key + value shorthands */
void xf_jw_kstr(xf_jw *w, const char *k, const char *v);
void xf_jw_kint(xf_jw *w, const char *k, int64_t v);
/* writes null when v is 0: for optional references */
void xf_jw_kid(xf_jw *w, const char *k, int64_t v);
/* An instant (unix seconds) as ISO 8601 in Asia/Shanghai, null for 0. */
void xf_jw_ktime(xf_jw *w, const char *k, int64_t unix_seconds);
void xf_jw_kbool(xf_jw *w, const char *k, int v);

/* Appends s to b as a JSON string literal with quotes. */
void xf_json_escape(xf_buf *b, const char *s, size_t n);

#endif
