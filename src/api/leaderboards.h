/*
 * leaderboards.h (api) - handlers of the 先锋榜 boards of members and
 * organizations, and a member's own points page, with the field tables of their
 * routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_LEADERBOARDS_H
#define XF_API_LEADERBOARDS_H

#include "http/server.h"

void xf_h_points_me(xf_req *r);
extern const struct xf_query_table xf_points_me_query;
void xf_h_leaderboard_members(xf_req *r);
extern const struct xf_query_table xf_leaderboard_members_query;
void xf_h_leaderboard_orgs(xf_req *r);
extern const struct xf_query_table xf_leaderboard_orgs_query;

#endif
