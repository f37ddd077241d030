/*
 * bodies.c - the registry of request bodies (bodies.h): the lists of the
 * handler files, joined in one walk.
 */
#include "api/bodies.h"

static const xf_body *const lists[] = {
    xf_system_bodies, xf_orgs_bodies,     xf_members_bodies,
    xf_users_bodies,  xf_meetings_bodies, xf_compliance_bodies,
    xf_points_bodies, xf_notices_bodies,  xf_tasks_bodies,
    xf_plans_bodies,  xf_duties_bodies,
};

const xf_body *xf_api_body(size_t i)
{
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
