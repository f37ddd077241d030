/*
 * fuzz_jw.c - libFuzzer harness for the streaming JSON writer (base/jw.c),
 * which escapes strings that come from outside.
 *
 * Two checks per input:
 *   1. Round trip: if the input is valid UTF-8 (xf_utf8_valid), writing it
 *      as a key and as a value with xf_jw_key/xf_jw_str/xf_jw_strn gives
 *      JSON that jansson parses back to the same bytes. Any input at all
 *      goes through xf_json_escape without a memory error.
 *   2. Structure: the input drives a sequence of writer calls (objects,
 *      arrays, keys, strings, integers, booleans, nulls); the same values
 *      are built as a jansson tree alongside, and the writer's output must
 *      parse to a tree equal to it (commas and nesting right).
 *
 * sources: src/base/jw.c src/base/buf.c src/base/utf8.c src/base/date.c
 * libs: jansson
 */
#include "base/buf.h"
#include "base/jw.h"
#include "base/utf8.h"
#include "fuzz_common.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const xf_buf *b)
{
	fprintf(stderr, "fuzz_jw: %s\n", what);
	if (b && b->data)
		fprintf(stderr, "output: %.*s\n",
		        (int)(b->len > 2000 ? 2000 : b->len), b->data);
	abort();
}

/* Checks that v is a string holding exactly s[0..n). */
static void same_string(json_t *v, const char *s, size_t n, const xf_buf *b)
{
	if (!json_is_string(v) || json_string_length(v) != n ||
	    memcmp(json_string_value(v), s, n) != 0)
		fail("string did not survive the round trip", b);
}

static void round_trip(const uint8_t *data, size_t size)
{
	xf_buf b;
	xf_buf_init(&b, 1u << 24);

	/* Any bytes: no memory error, output quoted and NUL-terminated. */
	xf_json_escape(&b, (const char *)data, size);
	if (b.failed || b.len < 2 || b.data[0] != '"' ||
	    b.data[b.len - 1] != '"' || b.data[b.len] != '\0')
		fail("escape output malformed", &b);
	for (size_t i = 0; i < b.len; i++)
		if ((unsigned char)b.data[i] < 0x20)
			fail("control byte left unescaped", &b);
	xf_buf_clear(&b);

	if (!xf_utf8_valid((const char *)data, size)) {
		xf_buf_free(&b);
		return;
	}
	/* Valid UTF-8 holds no NUL, so it is a C string once terminated. */
	char *s = fuzz_cstr(data, size);

	xf_jw w;
	xf_jw_init(&w, &b);
	xf_jw_obj(&w);
	xf_jw_kstr(&w, s, s);
	xf_jw_key(&w, "n");
	xf_jw_strn(&w, s, size);
	xf_jw_key(&w, "a");
	xf_jw_arr(&w);
	xf_jw_str(&w, s);
	xf_jw_str(&w, NULL);
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	if (b.failed)
		fail("writer failed", &b);

	json_error_t err;
	json_t *doc = json_loadb(b.data, b.len, 0, &err);
	if (!doc || !json_is_object(doc))
		fail("writer output does not parse", &b);
	/* With s == "n" or "a" the later key wins; jansson keeps the last. */
	if (strcmp(s, "n") != 0 && strcmp(s, "a") != 0)
		same_string(json_object_get(doc, s), s, size, &b);
	same_string(json_object_get(doc, "n"), s, size, &b);
	json_t *a = json_object_get(doc, "a");
	if (strcmp(s, "a") != 0) {
		if (!json_is_array(a) || json_array_size(a) != 2 ||
		    !json_is_null(json_array_get(a, 1)))
			fail("array malformed", &b);
		same_string(json_array_get(a, 0), s, size, &b);
	}
	json_decref(doc);
	free(s);
	xf_buf_free(&b);
}

/* ---- structure -------------------------------------------------------- */

typedef struct {
	const uint8_t *p;
	size_t n;
} cursor;

static int next(cursor *c)
{
	if (!c->n)
		return -1;
	c->n--;
	return *c->p++;
}

/* Takes a short string from the input: a length byte and that many bytes,
 * replaced by a fixed word when they are not valid UTF-8. */
static const char *take_str(cursor *c, char *tmp, size_t cap, size_t *len)
{
	int l = next(c);
	size_t n = l < 0 ? 0 : (size_t)l % 24;
	if (n > c->n)
		n = c->n;
	if (n >= cap)
		n = cap - 1;
	memcpy(tmp, c->p, n);
	tmp[n] = '\0';
	c->p += n;
	c->n -= n;
	if (!xf_utf8_valid(tmp, n)) {
		strcpy(tmp, "党支部");
		n = strlen(tmp);
	}
	*len = n;
	return tmp;
}

enum { MAX_DEPTH = 40 };

/* Writes one value chosen by the input to w and returns its twin. */
static json_t *value(cursor *c, xf_jw *w, int depth);

static json_t *container(cursor *c, xf_jw *w, int depth, int is_obj)
{
	json_t *t = is_obj ? json_object() : json_array();
	if (is_obj)
		xf_jw_obj(w);
	else
		xf_jw_arr(w);
	for (;;) {
		int op = next(c);
		if (op < 0 || op % 4 == 0)
			break; /* close */
		if (is_obj) {
			char k[32];
			size_t kl;
			take_str(c, k, sizeof k, &kl);
			xf_jw_key(w, k);
			json_object_set_new(t, k, value(c, w, depth + 1));
		} else {
			json_array_append_new(t, value(c, w, depth + 1));
		}
	}
	if (is_obj)
		xf_jw_obj_end(w);
	else
		xf_jw_arr_end(w);
	return t;
}

static json_t *value(cursor *c, xf_jw *w, int depth)
{
	int op = next(c);
	if (op < 0)
		op = 6;
	switch (op % 7) {
	case 0:
		if (depth < MAX_DEPTH)
			return container(c, w, depth, 1);
		break;
	case 1:
		if (depth < MAX_DEPTH)
			return container(c, w, depth, 0);
		break;
	case 2: {
		char s[32];
		size_t n;
		take_str(c, s, sizeof s, &n);
		xf_jw_strn(w, s, n);
		return json_stringn(s, n);
	}
	case 3: {
		uint64_t u = 0;
		for (int i = 0; i < 8; i++) {
			int b = next(c);
			u = u << 8 | (uint64_t)(b < 0 ? 0 : b);
		}
		int64_t v = (int64_t)u;
		xf_jw_int(w, v);
		return json_integer(v);
	}
	case 4:
		xf_jw_bool(w, 1);
		return json_true();
	case 5:
		xf_jw_bool(w, 0);
		return json_false();
	}
	xf_jw_null(w);
	return json_null();
}

static void structure(const uint8_t *data, size_t size)
{
	cursor c = {data, size};
	xf_buf b;
	xf_buf_init(&b, 1u << 24);
	xf_jw w;
	xf_jw_init(&w, &b);
	json_t *want = json_array();
	/* A top-level array of values, so that every byte is used. */
	xf_jw_arr(&w);
	while (c.n)
		json_array_append_new(want, value(&c, &w, 1));
	xf_jw_arr_end(&w);
	if (b.failed)
		fail("writer failed", &b);
	if (w.depth != 0)
		fail("writer depth not back to 0", &b);
	json_error_t err;
	json_t *got = json_loadb(b.data, b.len, 0, &err);
	if (!got)
		fail("writer output does not parse", &b);
	if (!json_equal(got, want))
		fail("writer output differs from what was written", &b);
	json_decref(got);
	json_decref(want);
	xf_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	round_trip(data, size);
	structure(data, size);
	return 0;
}
