/*
 * leaderboards.h (api) - handlers of the 先锋榜 boards of members and
 * organizations, and a member's own points page, with the field tables of their
 * routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_LEADERBOARDS_H
#define XF_API_LEADERBOARDS_H

#include "api/handler.h"
#include "model/fields.h"

#include <stddef.h>

xf_api_handler xf_h_points_me;
extern const struct xf_query_table xf_points_me_query;
xf_api_handler xf_h_leaderboard_members;
extern const struct xf_query_table xf_leaderboard_members_query;
xf_api_handler xf_h_leaderboard_members_xlsx; /* the board in Excel */
xf_api_handler xf_h_leaderboard_orgs;
extern const struct xf_query_table xf_leaderboard_orgs_query;
xf_api_handler xf_h_leaderboard_orgs_xlsx; /* the board in Excel */
/* The fields of a row of the member board and of the org board
 * (xf_board_item), shared with the cockpit (api/cockpit.c). */
extern const xf_jfield xf_board_member_fields[];
extern const size_t xf_board_member_nfields;
extern const xf_jfield xf_board_org_fields[];
extern const size_t xf_board_org_nfields;

#endif
