/*
 * jw.c - streaming JSON writer.
 */
#include "base/jw.h"

#include "base/date.h"

#include <string.h>

void xf_jw_init(xf_jw *w, xf_buf *b)
{
	w->b = b;
	w->depth = 0;
	w->first[0] = 1;
	w->after_key = 0;
}

/* Writes the comma that separates values, if one is due. */
static void sep(xf_jw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (!w->first[w->depth])
		xf_buf_addc(w->b, ',');
	w->first[w->depth] = 0;
}

static void open(xf_jw *w, char c)
{
	sep(w);
	xf_buf_addc(w->b, c);
	if (w->depth + 1 >= XF_JW_DEPTH) {
		w->b->failed = 1;
		return;
	}
	w->first[++w->depth] = 1;
}

static void close_(xf_jw *w, char c)
{
	if (w->depth > 0)
		w->depth--;
	xf_buf_addc(w->b, c);
}

void xf_jw_obj(xf_jw *w)
{
	open(w, '{');
}
void xf_jw_obj_end(xf_jw *w)
{
	close_(w, '}');
}
void xf_jw_arr(xf_jw *w)
{
	open(w, '[');
}
void xf_jw_arr_end(xf_jw *w)
{
	close_(w, ']');
}

void xf_json_escape(xf_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	xf_buf_addc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		xf_buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"':
			xf_buf_add(b, "\\\"", 2);
			break;
		case '\\':
			xf_buf_add(b, "\\\\", 2);
			break;
		case '\n':
			xf_buf_add(b, "\\n", 2);
			break;
		case '\r':
			xf_buf_add(b, "\\r", 2);
			break;
		case '\t':
			xf_buf_add(b, "\\t", 2);
			break;
		default: {
			char u[6] = {'\\', 'u',         '0',
			             '0',  hex[c >> 4], hex[c & 15]};
			xf_buf_add(b, u, 6);
		}
		}
	}
	xf_buf_add(b, s + run, n - run);
	xf_buf_addc(b, '"');
}

void xf_jw_key(xf_jw *w, const char *k)
{
	sep(w);
	xf_json_escape(w->b, k, strlen(k));
	xf_buf_addc(w->b, ':');
	w->after_key = 1;
}

void xf_jw_strn(xf_jw *w, const char *s, size_t n)
{
	sep(w);
	xf_json_escape(w->b, s, n);
}

void xf_jw_str(xf_jw *w, const char *s)
{
	if (!s) {
		xf_jw_null(w);
		return;
	}
	xf_jw_strn(w, s, strlen(s));
}

void xf_jw_int(xf_jw *w, int64_t v)
{
	sep(w);
	xf_buf_addi(w->b, v);
}

void xf_jw_bool(xf_jw *w, int v)
{
	sep(w);
	xf_buf_adds(w->b, v ? "true" : "false");
}

void xf_jw_null(xf_jw *w)
{
	sep(w);
	xf_buf_add(w->b, "null", 4);
}

void xf_jw_x100(xf_jw *w, int64_t v)
{
	uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char frac[3] = {'.', (char)('0' + a % 100 / 10), (char)('0' + a % 10)};
	sep(w);
	if (v < 0)
		xf_buf_addc(w->b, '-');
	xf_buf_addi(w->b, (int64_t)(a / 100));
	xf_buf_add(w->b, frac, sizeof frac);
}

void xf_jw_x10(xf_jw *w, int64_t v)
{
	uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char frac[2] = {'.', (char)('0' + a % 10)};
	sep(w);
	if (v < 0)
		xf_buf_addc(w->b, '-');
	xf_buf_addi(w->b, (int64_t)(a / 10));
	xf_buf_add(w->b, frac, sizeof frac);
}

void xf_jw_kx10(xf_jw *w, const char *k, int64_t v)
{
	xf_jw_key(w, k);
	xf_jw_x10(w, v);
}

void xf_jw_raw(xf_jw *w, const char *json)
{
	if (!json || !*json) {
		xf_jw_null(w);
		return;
	}
	sep(w);
	xf_buf_adds(w->b, json);
}

void xf_jw_kstr(xf_jw *w, const char *k, const char *v)
{
	xf_jw_key(w, k);
	xf_jw_str(w, v);
}

void xf_jw_kint(xf_jw *w, const char *k, int64_t v)
{
	xf_jw_key(w, k);
	xf_jw_int(w, v);
}

void xf_jw_kid(xf_jw *w, const char *k, int64_t v)
{
	xf_jw_key(w, k);
	if (v)
		xf_jw_int(w, v);
	else
		xf_jw_null(w);
}

void xf_jw_ktime(xf_jw *w, const char *k, int64_t unix_seconds)
{
	char at[32];
	if (!unix_seconds) {
		xf_jw_kstr(w, k, NULL);
		return;
	}
	xf_time_iso(unix_seconds, at);
	xf_jw_kstr(w, k, at);
}

void xf_jw_kbool(xf_jw *w, const char *k, int v)
{
	xf_jw_key(w, k);
	xf_jw_bool(w, v);
}
