/*
 * fuzz_input_body.c - libFuzzer harness for the validation of JSON request
 * bodies (api/input.c: xf_input_body, xf_input_object, xf_input_value)
 * against the API's own field tables, taken from the registry of
 * api/bodies.h (the routes' body tables and the nested objects), so that
 * a table added to a route or a handler is fuzzed without touching this
 * file.
 *
 * Every input is checked as a body against every table of the registry
 * (each table once, nested ones too); and for each nested entry ("roles[]",
 * "first_topic", "items[].milestones[]") the objects found at that place in
 * the input are checked against its table the way the handlers do, one
 * after another until the first refusal, with the handlers' field paths
 * ("items[2].milestones[0]"). Invariants:
 *   - on success, every present value obeys its field: strings are valid
 *     UTF-8 within their character limits and not blank when they may not
 *     be empty, dates parse, enums are listed, integers and ids are in
 *     range, arrays are short enough, objects are objects; required
 *     fields are present; every key of the object is a field of the
 *     table; nothing was written to r->out;
 *   - null is accepted only for a nullable field. The handlers turn an
 *     accepted null into "set this to NULL", so a null for a field that is
 *     not nullable (the "kind" of an org PATCH, say) reaches the service
 *     as a NULL it does not expect;
 *   - on failure, r->out holds {"error":{"code","message"[,"field"]}}
 *     that jansson parses, and the status is 400 or 422 (always 422 for a
 *     nested object, whose "field" then starts with the object's path).
 *
 * The registry lives in the route table and the handler files, so the
 * harness links all of src/ but main.c and the tools; it never calls a
 * handler or opens a database.
 *
 * sources: src/base/ src/model/ src/domain/ src/store/
 * sources: src/service/ src/http/ src/api/ src/render/
 * libs: libmicrohttpd jansson sqlite3 libpq libsodium xlsxwriter libqrencode
 * libs: libzip expat pangocairo liboath
 */
#include "api/bodies.h"
#include "api/input.h"
#include "base/date.h"
#include "base/utf8.h"
#include "fuzz_common.h"
#include "fuzz_req.h"
#include "http/static.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* http/static.c serves the UI's assets; linked here, it has none. */
const xf_asset xf_web_assets[] = {{0}};
const size_t xf_web_nassets = 0;

#define MAX_FIELDS 16 /* the widest table has 13 */
#define MAX_BODIES 128

/* What a run checks: one table, as a body (at NULL) or at a nested place. */
typedef struct run {
	const char *name; /* "POST /api/users roles[]", for messages */
	const xf_body *b;
} run;

static run runs[MAX_BODIES];
static size_t nruns;

/* ---- invariants ------------------------------------------------------- */

static void fail(const char *name, const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_input_body [%s]: %s%s%s\n", name, what,
	        detail ? ": " : "", detail ? detail : "");
	abort();
}

/* Checks that one accepted value obeys its field. */
static void check_value(const char *t, const xf_field *f, const xf_val *v)
{
	if (!v->present) {
		if (v->is_null || v->s || v->j)
			fail(t, "absent field carries a value", f->name);
		if (f->required)
			fail(t, "required field missing but accepted", f->name);
		return;
	}
	if (v->is_null) {
		if (!f->nullable)
			fail(t,
			     "null accepted for a field that is not nullable",
			     f->name);
		return;
	}
	switch (f->type) {
	case XF_F_STR:
	case XF_F_DATE:
	case XF_F_ENUM: {
		if (!v->s)
			fail(t, "accepted text value is NULL", f->name);
		size_t len = strlen(v->s);
		if (!xf_utf8_valid(v->s, len))
			fail(t, "accepted text is not valid UTF-8", f->name);
		if (f->type == XF_F_STR) {
			int64_t chars = (int64_t)xf_utf8_chars(v->s, len);
			if (chars < f->min || chars > f->max)
				fail(t, "accepted text outside its limits",
				     f->name);
			if (f->min >= 1 && v->s[strspn(v->s, " \t\r\n")] == 0)
				fail(t,
				     "accepted blank text for a field that "
				     "may not be empty",
				     f->name);
		} else if (f->type == XF_F_DATE) {
			xf_date d;
			if (xf_date_parse(v->s, &d) != 0)
				fail(t, "accepted date does not parse",
				     f->name);
		} else {
			int ok = 0;
			for (const xf_code *e = f->codes; e->code; e++)
				ok |= strcmp(e->code, v->s) == 0;
			if (!ok)
				fail(t, "accepted enum value not listed",
				     f->name);
		}
		break;
	}
	case XF_F_INT:
		if (v->i < f->min || v->i > f->max)
			fail(t, "accepted integer out of range", f->name);
		break;
	case XF_F_ID:
		if (v->i < 1)
			fail(t, "accepted id not positive", f->name);
		break;
	case XF_F_X10:
		if (v->i < f->min || v->i > f->max)
			fail(t, "accepted number out of range", f->name);
		break;
	case XF_F_BOOL:
		if (v->i != 0 && v->i != 1)
			fail(t, "accepted bool not 0 or 1", f->name);
		break;
	case XF_F_ARRAY:
		if (!json_is_array(v->j) ||
		    (int64_t)json_array_size(v->j) > f->max)
			fail(t, "accepted array bad", f->name);
		break;
	case XF_F_OBJECT:
		if (!json_is_object(v->j))
			fail(t, "accepted object bad", f->name);
		break;
	}
}

/* Checks the values accepted for obj (a parsed copy of what was given). */
static void check_accepted(const char *t, const xf_body *b, const xf_val *vals,
                           json_t *obj)
{
	if (!json_is_object(obj))
		fail(t, "accepted a value that is not an object", NULL);
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		size_t i = 0;
		while (i < b->n && strcmp(b->fields[i].name, key) != 0)
			i++;
		if (i == b->n)
			fail(t, "accepted an unknown key", key);
		if (!vals[i].present)
			fail(t, "given key not marked present", key);
		if (json_is_null(v) != vals[i].is_null)
			fail(t, "is_null disagrees with the body", key);
	}
	for (size_t i = 0; i < b->n; i++)
		check_value(t, &b->fields[i], &vals[i]);
}

/* Checks an error answer: {"error":{"code":s,"message":s[,"field":s]}};
 * for a nested object (path not NULL) a 422 whose field is under path. */
static void check_error(const char *t, const xf_req *r, const char *path)
{
	if (r->status != 400 && r->status != 422)
		fail(t, "unexpected error status", NULL);
	if (path && r->status != 422)
		fail(t, "nested object refused without 422", path);
	if (r->out.failed)
		fail(t, "error answer overflowed its buffer", NULL);
	json_error_t err;
	json_t *doc = json_loadb(r->out.data, r->out.len, 0, &err);
	if (!doc)
		fail(t, "error answer is not JSON", err.text);
	json_t *e = json_object_get(doc, "error");
	if (!json_is_object(doc) || json_object_size(doc) != 1 ||
	    !json_is_object(e))
		fail(t, "error answer lacks {\"error\":{...}}", r->out.data);
	json_t *code = json_object_get(e, "code");
	json_t *msg = json_object_get(e, "message");
	json_t *field = json_object_get(e, "field");
	size_t want = 2 + (field != NULL);
	if (!json_is_string(code) || !json_is_string(msg) ||
	    json_string_length(code) == 0 || json_string_length(msg) == 0 ||
	    (field && !json_is_string(field)) || json_object_size(e) != want)
		fail(t, "error answer malformed", r->out.data);
	if (strcmp(json_string_value(code), "bad_json") == 0 &&
	    r->status != 400)
		fail(t, "bad_json answered without 400", NULL);
	if (path) {
		const char *fs = json_string_value(field);
		size_t pl = strlen(path);
		if (!fs || (strcmp(fs, "?") != 0 &&
		            (strncmp(fs, path, pl) != 0 ||
		             (fs[pl] != '\0' && fs[pl] != '.'))))
			fail(t, "nested error names a field outside its object",
			     fs ? fs : "(none)");
	}
	json_decref(doc);
}

/* ---- runs ------------------------------------------------------------- */

/* The input as a body of b's table. */
static void run_body(const run *u, const uint8_t *data, size_t size,
                     json_t *doc)
{
	xf_val vals[MAX_FIELDS];
	xf_req *r = fuzz_req_new(data, size);
	int rc = xf_input_body(r, u->b->fields, u->b->n, vals);
	if (rc == 0) {
		if (!doc)
			fail(u->name, "accepted a body jansson rejects", NULL);
		if (r->out.len != 0 || r->status != 0)
			fail(u->name, "accepted body wrote an answer", NULL);
		if (!r->cleanup)
			fail(u->name, "parsed body has no cleanup hook", NULL);
		check_accepted(u->name, u->b, vals, doc);
	} else if (rc == -1) {
		check_error(u->name, r, NULL);
	} else {
		fail(u->name, "unexpected return code", NULL);
	}
	fuzz_req_free(r);
}

/*
 * Checks each object at place at (the rest of b->at) under v, whose path
 * is path (NULL at the top), as the handlers do: "k[]" is each item of the
 * array under key k, "k" the non-null value under k, and a '.' goes one
 * level down. Returns -1 after the first refusal (checked), else 0.
 */
static int walk(const run *u, xf_req *r, json_t *v, const char *path,
                const char *at)
{
	if (!json_is_object(v))
		return 0; /* the handler's parent table refuses it */
	size_t kl = strcspn(at, "[.");
	int each = at[kl] == '[';
	const char *rest = at + kl + (each ? 2 : 0);
	if (*rest == '.')
		rest++;
	char key[64];
	if (kl >= sizeof key)
		fail(u->name, "registry: key too long", at);
	memcpy(key, at, kl);
	key[kl] = '\0';
	json_t *x = json_object_get(v, key);
	if (!x || json_is_null(x) || (each && !json_is_array(x)))
		return 0;
	for (size_t i = 0; i < (each ? json_array_size(x) : 1); i++) {
		json_t *o = each ? json_array_get(x, i) : x;
		char *p = each ? xf_arena_printf(&r->arena, "%s%s%s[%zu]",
		                                 path ? path : "",
		                                 path ? "." : "", key, i)
		               : xf_arena_printf(&r->arena, "%s%s%s",
		                                 path ? path : "",
		                                 path ? "." : "", key);
		if (!p)
			abort();
		if (*rest) {
			if (walk(u, r, o, p, rest) != 0)
				return -1;
			continue;
		}
		xf_val vals[MAX_FIELDS];
		if (xf_input_object(r, o, u->b->fields, u->b->n, vals, p) !=
		    0) {
			check_error(u->name, r, p);
			return -1;
		}
		if (r->out.len != 0 || r->status != 0)
			fail(u->name, "accepted object wrote an answer", p);
		check_accepted(u->name, u->b, vals, o);
	}
	return 0;
}

/* ---- the registry ----------------------------------------------------- */

/* Checks a table of the registry once: the harness's limits, and the
 * things xf_input_value takes for granted. */
static void check_table(const char *name, const xf_body *b)
{
	if (!b->route || !b->fields || b->n == 0 || b->n > MAX_FIELDS)
		fail(name, "registry: bad entry", NULL);
	for (size_t i = 0; i < b->n; i++) {
		const xf_field *f = &b->fields[i];
		if (!f->name || !f->label || f->type < XF_F_STR ||
		    f->type > XF_F_X10)
			fail(name, "registry: bad field", f->name);
		if ((f->type == XF_F_ENUM) != (f->codes != NULL))
			fail(name, "registry: codes wrong for the type",
			     f->name);
		if ((f->type == XF_F_STR || f->type == XF_F_INT) &&
		    f->min > f->max)
			fail(name, "registry: min above max", f->name);
		for (size_t k = 0; k < i; k++)
			if (strcmp(b->fields[k].name, f->name) == 0)
				fail(name, "registry: field twice", f->name);
	}
}

/* Fills runs[]: each table once as a body, each nested place once. */
static void load(void)
{
	const xf_body *b;
	for (size_t i = 0; (b = xf_api_body(i)) != NULL; i++) {
		if (!b->route)
			fail("registry", "entry without a route", NULL);
		size_t len = strlen(b->route) + 2 + (b->at ? strlen(b->at) : 0);
		char *name = fuzz_alloc(len);
		snprintf(name, len, "%s%s%s", b->route, b->at ? " " : "",
		         b->at ? b->at : "");
		check_table(name, b);
		int seen_body = 0, seen_at = !b->at;
		for (size_t k = 0; k < nruns; k++) {
			const xf_body *o = runs[k].b;
			if (o->fields != b->fields)
				continue;
			seen_body = 1;
			if (b->at && o->at && strcmp(o->at, b->at) == 0)
				seen_at = 1;
		}
		if (nruns + 2 > MAX_BODIES)
			fail(name, "registry: more than MAX_BODIES", NULL);
		if (!seen_body || !seen_at)
			runs[nruns++] = (run){name, b};
		else
			free(name);
	}
	if (nruns == 0)
		fail("registry", "empty", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!nruns)
		load();
	json_error_t err;
	/* The reference parse: the same flags as input.c. */
	json_t *doc =
	    json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &err);
	for (size_t i = 0; i < nruns; i++) {
		const run *u = &runs[i];
		int first = 1; /* the first run of this table */
		for (size_t k = 0; k < i && first; k++)
			first = runs[k].b->fields != u->b->fields;
		if (first)
			run_body(u, data, size, doc);
		if (u->b->at && doc) {
			xf_req *r = fuzz_req_new(NULL, 0);
			walk(u, r, doc, NULL, u->b->at);
			fuzz_req_free(r);
		}
	}
	json_decref(doc);
	return 0;
}
