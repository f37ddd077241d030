/*
 * input.h - validation of outside input at the edge: JSON bodies and query
 * strings against the field tables a route declares (kore's validators),
 * path ids; and the glue that turns a service error into an HTTP error
 * answer.
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
	XF_F_DATE,   /* "YYYY-MM-DD" */
	XF_F_ENUM,   /* one of the codes of codes[] */
	XF_F_ARRAY,  /* array, at most max items; kept as json_t */
	XF_F_OBJECT, /* object; kept as json_t for the handler's own table */
	XF_F_X10,    /* number with at most one decimal, in [min, max]
	                tenths; i = the value in tenths (87.5 -> 875) */
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
	json_t *j;     /* ARRAY, OBJECT (borrowed from the parsed body) */
} xf_val;

/* The body table of a route (xf_route.body). */
typedef struct xf_body_table {
	const xf_field *fields;
	size_t n;
	int optional; /* an empty body counts as {} */
} xf_body_table;

#define XF_BODY_TABLE(t)                                                       \
	{                                                                      \
		t, sizeof(t) / sizeof((t)[0]), 0                               \
	}
/* A body that may be left out (an empty body is {}). */
#define XF_OPTIONAL_BODY_TABLE(t)                                              \
	{                                                                      \
		t, sizeof(t) / sizeof((t)[0]), 1                               \
	}

/*
 * Parses r->body as a JSON object and checks it against fields[0..n).
 * Unknown fields are rejected. On failure writes the error answer and
 * returns -1. The parsed document lives until the request ends.
 */
int xf_input_body(xf_req *r, const xf_field *fields, size_t n, xf_val *vals);

/* The text of a checked string value: NULL when absent or sent as null. */
static inline const char *xf_val_str(const xf_val *v)
{
	return v->present && !v->is_null ? v->s : NULL;
}

/*
 * The checked value v of a body field into field f of an input struct of
 * the service and its flag has_f (whether the field was sent), the form
 * of every PATCH: XF_TAKE_STR(in, name, v[F_NAME]) sets in->name (NULL
 * when absent or sent as null) and in->has_name; XF_TAKE_INT the same
 * for a number (0 when absent or null).
 */
#define XF_TAKE_STR(in, f, v)                                                  \
	((in)->f = (v).is_null ? NULL : (v).s, (in)->has_##f = (v).present)
#define XF_TAKE_INT(in, f, v)                                                  \
	((in)->f = (v).is_null ? 0 : (v).i, (in)->has_##f = (v).present)

/* Checks one JSON value v against field f into *out (strings copied
 * into a): NULL when it passes, else what is wrong, the end of the
 * message after the field's label ("不能为空", "取值不在允许范围内"),
 * the words every input check answers with (xf_input_value; the
 * imports use them for the cells of a file). */
const char *xf_field_check(xf_arena *a, const xf_field *f, json_t *v,
                           xf_val *out);
/* Checks one JSON value against a field (used for nested objects). */
int xf_input_value(xf_req *r, const xf_field *f, json_t *v, xf_val *out,
                   const char *path);
/* Checks a nested object against a field table (unknown keys rejected). */
int xf_input_object(xf_req *r, json_t *obj, const xf_field *fields, size_t n,
                    xf_val *vals, const char *path);

/*
 * The array arr of a body (NULL or a JSON null: empty), each element an
 * object checked against fields[0..nf) (xf_input_object) and named
 * "<name>[i]" in errors. Returns the checked values, nf per element
 * (element i's from [i * nf]), in r's arena, with their count in *n;
 * NULL with the error answer written. out: NULL, or the address of the
 * caller's pointer to its records, set to room for *n of them (size
 * bytes each, zeroed, in r's arena) for it to fill from the values.
 */
const xf_val *xf_input_items(xf_req *r, json_t *arr, const char *name,
                             const xf_field *fields, size_t nf, int *n,
                             void *out, size_t size);
/*
 * The ids in array arr (NULL: none), each checked as a required id named
 * label, at "name[i]" in a refusal, into ids[0..n): the caller made room
 * for the array's length (its body table caps it). Returns n, or -1 with
 * the 422 answer written.
 */
int xf_input_ids(xf_req *r, json_t *arr, const char *name, const char *label,
                 int64_t *ids);
/*
 * A judge's scores, {"<criterion>": 0.0–1000.0 with one decimal, ...}:
 * 1 to max (≤ 10) criteria named by valid UTF-8 of at most 120 bytes.
 * Fills names[] (borrowed from obj) and vals_x10[] and returns their
 * count; -1 with the 422 answer written. field names the body member.
 */
int xf_input_scores(xf_req *r, json_t *obj, const char *field, int max,
                    const char **names, int *vals_x10);
/* n zeroed elements of size bytes, and a zeroed one after them, in r's
 * arena; NULL with a 500 answer when memory runs out. */
void *xf_input_calloc(xf_req *r, size_t n, size_t size);

/* Parses a positive decimal in [1, max] (digits only, at most 18): the
 * form of every id in a path or query. Returns 0, or -1 on anything else. */
int xf_parse_id(const char *s, int64_t max, int64_t *out);
/* Parses path parameter i as a positive id; 404 answer on failure. */
int xf_input_path_id(xf_req *r, int i, int64_t *out);

/* ---- query strings ------------------------------------------------------ */

/*
 * The types of query parameters. A parameter sent empty counts as absent;
 * parameters a table does not name are ignored.
 */
typedef enum {
	XF_Q_ID = 1, /* positive id: 1 to 18 digits */
	XF_Q_INT,    /* digits, value in [min, max] */
	XF_Q_BOOL,   /* 1, 0, true or false: the one rule of every flag */
	XF_Q_STR,    /* valid UTF-8, at most max characters */
	XF_Q_ENUM,   /* one of enums[] (i is its index) or of codes[] */
	XF_Q_DATE,   /* "YYYY-MM-DD" */
	XF_Q_PERIOD, /* "2024", "2024Q3" or "2024-07" */
	XF_Q_YEAR,   /* four digits, 1900 to 2200 */
} xf_param_type;

/* What an absent period or year stands for: nothing, or the current
 * year or quarter in Asia/Shanghai at the request's time. */
typedef enum {
	XF_NOW_NONE = 0,
	XF_NOW_YEAR,
	XF_NOW_QUARTER,
} xf_now;

/* One parameter of a query table; written with designated initializers,
 * {.name = "org", .type = XF_Q_ID}. */
typedef struct xf_param {
	const char *name;
	xf_param_type type;
	int required;
	int64_t min, max;         /* INT bounds; STR most characters */
	const char *const *enums; /* NULL-terminated, for XF_Q_ENUM */
	const xf_code *codes;     /* or a catalogue (codes.h): i is unset */
	const char *label;        /* Chinese name; NULL: "参数 <name> " */
	const char *dflt;         /* the value when absent, as if sent */
	xf_now now;               /* PERIOD, YEAR: absent is the current one */
} xf_param;

/* The query table of a route (xf_route.query). */
typedef struct xf_query_table {
	const xf_param *params;
	size_t n;
} xf_query_table;

#define XF_QUERY_TABLE(t)                                                      \
	{                                                                      \
		t, sizeof(t) / sizeof((t)[0])                                  \
	}

/* ?page=&size= of a list (read with xf_query_page). */
#define XF_PARAM_PAGE                                                          \
	{                                                                      \
		.name = "page", .type = XF_Q_INT, .min = 1, .max = 1000000,    \
		.label = "页码", .dflt = "1"                                   \
	}
#define XF_PARAM_SIZE                                                          \
	{                                                                      \
		.name = "size", .type = XF_Q_INT, .min = 1, .max = 200,        \
		.label = "每页条数", .dflt = "20"                              \
	}

/* The common filters of lists and reports: ?org= (an org id), ?subtree=
 * (its whole subtree), ?year= and ?period= (with no default). */
#define XF_PARAM_ORG                                                           \
	{                                                                      \
		.name = "org", .type = XF_Q_ID                                 \
	}
#define XF_PARAM_SUBTREE                                                       \
	{                                                                      \
		.name = "subtree", .type = XF_Q_BOOL                           \
	}
#define XF_PARAM_YEAR                                                          \
	{                                                                      \
		.name = "year", .type = XF_Q_YEAR, .label = "年度"           \
	}
/* ?name= one of the codes of the code list codes (an xf_code table),
 * named label in a refusal; no default. */
#define XF_PARAM_CODE(n, list, l)                                              \
	{                                                                      \
		.name = n, .type = XF_Q_ENUM, .codes = list, .label = l        \
	}
/* ?format= one of the names list (NULL-terminated; i is its index),
 * dflt when absent. */
#define XF_PARAM_FORMAT(list, d)                                               \
	{                                                                      \
		.name = "format", .type = XF_Q_ENUM, .enums = list,            \
		.label = "格式", .dflt = d                                     \
	}
/* ?year= that is this year when absent. */
#define XF_PARAM_YEAR_NOW                                                      \
	{                                                                      \
		.name = "year", .type = XF_Q_YEAR, .label = "年度",            \
		.now = XF_NOW_YEAR                                             \
	}
#define XF_PARAM_PERIOD                                                        \
	{                                                                      \
		.name = "period", .type = XF_Q_PERIOD, .label = "期间"       \
	}

/*
 * The query parameters that many routes share, each list defined once
 * (input.c). A route's table names one, and its handler reads the
 * values by the list's indices:
 *
 *   const xf_query_table xf_brands_list_query =
 *       XF_QUERY_TABLE(xf_org_page_params);
 *   ... q[XF_QP_ORG].i ...
 *
 * xf_page_params ?page=&size=, xf_org_page_params ?page=&size=&org=,
 * xf_org_year_page_params ?page=&size=&org=&year= (XF_QP_…);
 * xf_org_year_now_params ?org=&year= (this year when absent) and
 * xf_org_needed_year_now_params, the same with org required (XF_QN_…).
 */
enum { XF_QP_PAGE, XF_QP_SIZE, XF_QP_ORG, XF_QP_YEAR };
/* The same lists as the first parameters of a route's own table, whose
 * own parameters follow, numbered from the list's last index + 1
 * (XF_PARAMS_ORG_YEAR_NOW: XF_QN_YEAR + 1):
 *
 *   enum { L_STATE = XF_QP_ORG + 1 };
 *   static const xf_param list_params[] = {
 *       XF_PARAMS_ORG_PAGE,
 *       XF_PARAM_CODE("state", xf_transfer_states, "状态"),
 *   };
 */
#define XF_PARAMS_PAGE          XF_PARAM_PAGE, XF_PARAM_SIZE
#define XF_PARAMS_ORG_PAGE      XF_PARAMS_PAGE, XF_PARAM_ORG
#define XF_PARAMS_ORG_YEAR_PAGE XF_PARAMS_ORG_PAGE, XF_PARAM_YEAR
#define XF_PARAMS_ORG_YEAR_NOW  XF_PARAM_ORG, XF_PARAM_YEAR_NOW
extern const xf_param xf_page_params[2];
extern const xf_param xf_org_page_params[3];
extern const xf_param xf_org_year_page_params[4];
enum { XF_QN_ORG, XF_QN_YEAR };
extern const xf_param xf_org_year_now_params[2];
extern const xf_param xf_org_needed_year_now_params[2];

/*
 * Checks one value s (NULL or "" when absent) against p: on success *out
 * has present (a value was sent, defaulted or is the current period), s
 * (the text: s itself, the default, or the current period in r's arena)
 * and i (ID, INT, BOOL, YEAR: the number; PERIOD: its year; ENUM: the
 * index). Returns 0, or -1 with a 422 invalid_field answer naming the
 * parameter (500 when memory runs out).
 */
int xf_input_param(xf_req *r, const xf_param *p, const char *s, xf_val *out);
/* Checks the request's query string against params[0..n), in order,
 * into vals[0..n). Returns 0, or -1 after the first refusal. */
int xf_input_query(xf_req *r, const xf_param *params, size_t n, xf_val *vals);
/* The offset and limit of a list from the checked ?page=&size= of the
 * route's query table (XF_PARAM_PAGE, XF_PARAM_SIZE). */
void xf_query_page(const xf_req *r, int *offset, int *limit);

/* The context for a request: this thread's connection, caller, arena.
 * Returns -1 (with a 503 answer) if the database is unreachable. */
int xf_api_ctx(xf_req *r, xf_ctx *c);
/* The same for a route on one resource, /api/x/{id}: first its path id
 * (404 when it is not one), in *id. Returns 0, or -1 with the answer
 * written. */
int xf_api_ctx_id(xf_req *r, xf_ctx *c, int64_t *id);
/* The same for /api/x/{id}/.../{id2}: both path ids (404 when either
 * is not one), in *id and *id2. */
int xf_api_ctx_id2(xf_req *r, xf_ctx *c, int64_t *id, int64_t *id2);
/* The same for /api/x/{id}/.../{year}: then the year of the second path
 * parameter (404 "年度不正确" when it is not one), in *year. */
int xf_api_ctx_id_year(xf_req *r, xf_ctx *c, int64_t *id, int *year);
/* The HTTP status that answers an error kind of the service (XF_E_*);
 * 500 for any other value. */
int xf_api_status(int kind);
/* Writes the error answer for a failed service call. */
void xf_api_fail(xf_req *r, const xf_ctx *c);
/*
 * The check after a service call, rc its result: when rc is not XF_OK,
 * writes the error answer (xf_api_fail) and returns 1; else returns 0
 * and the handler writes its answer:
 *     if (!xf_api_failed(r, &c, xf_org_read(&c, id, &o)))
 *             answer_org(r, 200, &o);
 */
int xf_api_failed(xf_req *r, const xf_ctx *c, int rc);

#endif
