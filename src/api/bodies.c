/*
 * bodies.c - the registry of request bodies (bodies.h): the body tables of
 * the routes, then the nested objects the handler files list, in one walk.
 */
#include "api/bodies.h"

#include "api/api.h"

#include <pthread.h>
#include <stdio.h>

static const xf_body *const lists[] = {
    xf_users_bodies,   xf_meetings_bodies,  xf_compliance_bodies,
    xf_tasks_bodies,   xf_plans_bodies,     xf_schemes_bodies,
    xf_reviews_bodies, xf_cases_bodies,     xf_programs_bodies,
    xf_terms_bodies,   xf_campaigns_bodies,
};

/* The routes with a body, as registry entries: made once. */
#define MAX_ROUTE_BODIES 256
static xf_body route_bodies[MAX_ROUTE_BODIES];
static char route_names[MAX_ROUTE_BODIES][96];
static size_t nroute_bodies;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load_routes(void)
{
	size_t n;
	const xf_route *routes = xf_api_routes(&n);
	for (size_t i = 0; i < n && nroute_bodies < MAX_ROUTE_BODIES; i++) {
		const xf_body_table *b = routes[i].body;
		if (!b)
			continue;
		char *name = route_names[nroute_bodies];
		snprintf(name, sizeof route_names[0], "%s %s", routes[i].method,
		         routes[i].pattern);
		route_bodies[nroute_bodies++] =
		    (xf_body){name, NULL, b->fields, b->n};
	}
}

const xf_body *xf_api_body(size_t i)
{
	pthread_once(&once, load_routes);
	if (i < nroute_bodies)
		return &route_bodies[i];
	i -= nroute_bodies;
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		size_t n = 0;
		while (lists[l][n].fields)
			n++;
		if (i < n)
			return &lists[l][i];
		i -= n;
	}
	return NULL;
}
