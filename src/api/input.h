/*
 * input.h - validation of outside input at the edge: JSON bodies against a
 * field table (kore's validators), query parameters, path ids; and the
 * glue that turns a service error into an HTTP error answer.
 *
 * Strings produced here are copied into the request arena.
 */
#ifndef XF_API_INPUT_H
#define XF_API_INPUT_H

#include "domain/codes.h"
#include "http/server.h"
#include "service/ctx.h"

#include <jansson.h>

typedef enum {
	XF_F_STR = 1, /* string, max = most characters */
	XF_F_INT,     /* integer in [min, max] */
	XF_F_ID,      /* positive integer id */
	XF_F_BOOL,
	XF_F_DATE,  /* "YYYY-MM-DD" */
	XF_F_ENUM,  /* one of the codes of codes[] */
	XF_F_ARRAY, /* array, at most max items; kept as json_t */
} xf_field_type;

typedef struct xf_field {
	const char *name;
	xf_field_type type;
	int required;
	int nullable;
	int64_t min, max;
	const xf_code *codes; /* a catalogue (codes.h), for XF_F_ENUM */
	const char *label;    /* Chinese name for messages */
} xf_field;

typedef struct xf_val {
	int present, is_null;
	const char *s; /* STR, DATE, ENUM */
	int64_t i;     /* INT, ID, BOOL */
	json_t *j;     /* ARRAY (borrowed from the parsed body) */
} xf_val;

/*
 * Parses r->body as a JSON object and checks it against fields[0..n).
 * Unknown fields are rejected. On failure writes the error answer and
 * returns -1. The parsed document lives until the request ends.
 */
int xf_input_body(xf_req *r, const xf_field *fields, size_t n, xf_val *vals);

/* Checks one JSON value against a field (used for nested objects). */
int xf_input_value(xf_req *r, const xf_field *f, json_t *v, xf_val *out,
                   const char *path);
/* Checks a nested object against a field table (unknown keys rejected). */
int xf_input_object(xf_req *r, json_t *obj, const xf_field *fields, size_t n,
                    xf_val *vals, const char *path);

/* Parses a positive decimal in [1, max] (digits only, at most 18): the
 * form of every id in a path or query. Returns 0, or -1 on anything else. */
int xf_parse_id(const char *s, int64_t max, int64_t *out);
/* Reads ?page=&size= (defaults 1 and 20, size <= 200). -1 on bad input. */
int xf_input_page(xf_req *r, int *offset, int *limit);
/* Reads a positive id query parameter; 0 when absent. -1 on bad input. */
int xf_input_query_id(xf_req *r, const char *key, int64_t *out);
/* Reads a bounded string query parameter (valid UTF-8), NULL when absent. */
int xf_input_query_str(xf_req *r, const char *key, size_t max,
                       const char **out);
/* Reads an optional query parameter that must be a code of codes; NULL
 * when absent. -1 after a 422 answer that names label. */
int xf_input_query_code(xf_req *r, const char *key, const xf_code *codes,
                        const char *label, const char **out);
/* Parses path parameter i as a positive id; 404 answer on failure. */
int xf_input_path_id(xf_req *r, int i, int64_t *out);

/* The context for a request: this thread's connection, caller, arena.
 * Returns -1 (with a 503 answer) if the database is unreachable. */
int xf_api_ctx(xf_req *r, xf_ctx *c);
/* The HTTP status that answers an error kind of the service (XF_E_*);
 * 500 for any other value. */
int xf_api_status(int kind);
/* Writes the error answer for a failed service call. */
void xf_api_fail(xf_req *r, const xf_ctx *c);

#endif
