/*
 * bodies.h - the registry of the JSON bodies the API validates: the body
 * table of every route (routes.c), and every field table that a handler
 * of src/api hands to xf_input_object for an object nested in a body,
 * with the route it serves. The nested tables stay static in their
 * handler files, next to the enums that index them; each such file lists
 * them in one array declared below, and bodies.c joins the routes and
 * those arrays. The libFuzzer harness tests/fuzz/fuzz_input_body.c checks
 * every table listed here, and tests/api/bodies.test.mjs fails when a
 * table of src/api is in neither place.
 */
#ifndef XF_API_BODIES_H
#define XF_API_BODIES_H

#include "api/input.h"

#include <stddef.h>

/*
 * One JSON object checked against a field table: a request body (at is
 * NULL) or an object nested in one. at says where, in the terms of the
 * error's "field": "roles[]" is each item of the array "roles",
 * "first_topic" the object under that key, "items[].milestones[]" each
 * milestone of each item.
 */
typedef struct xf_body {
	const char *route; /* "POST /api/users", as in routes.c */
	const char *at;
	const xf_field *fields;
	size_t n;
} xf_body;

/* Body i of the registry (the routes' bodies first, then the nested
 * objects), or NULL past the last one. */
const xf_body *xf_api_body(size_t i);

/* The nested objects of the handler files, each list ended by {0}. */
extern const xf_body xf_compliance_bodies[];
extern const xf_body xf_meetings_bodies[];
extern const xf_body xf_plans_bodies[];
extern const xf_body xf_programs_bodies[];
extern const xf_body xf_schemes_bodies[];
extern const xf_body xf_reviews_bodies[];
extern const xf_body xf_cases_bodies[];
extern const xf_body xf_tasks_bodies[];
extern const xf_body xf_users_bodies[];
extern const xf_body xf_terms_bodies[];
extern const xf_body xf_campaigns_bodies[];

/* An entry of a list: route, where, and a static table of the file. */
#define XF_BODY(route, at, t)                                                  \
	{                                                                      \
		route, at, t, sizeof(t) / sizeof((t)[0])                       \
	}

#endif
