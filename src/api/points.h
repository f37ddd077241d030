/*
 * points.h (api) - handlers of points (issue 5): /api/point-rules,
 * /api/point-settings, /api/claims, /api/ledger, /api/points/me and
 * /api/leaderboards, /api/point-notices and /api/point-objections.
 * Declared here and listed in routes.c.
 */
#ifndef XF_API_POINTS_H
#define XF_API_POINTS_H

#include "http/server.h"

void xf_h_point_rules_list(xf_req *r);
void xf_h_point_rules_create(xf_req *r);
void xf_h_point_rules_get(xf_req *r);
void xf_h_point_rules_patch(xf_req *r);
void xf_h_point_settings_get(xf_req *r);
void xf_h_point_settings_put(xf_req *r);

void xf_h_claims_list(xf_req *r);
void xf_h_claims_create(xf_req *r);
void xf_h_claims_get(xf_req *r);
void xf_h_claims_approve(xf_req *r);
void xf_h_claims_reject(xf_req *r);

void xf_h_ledger_list(xf_req *r);
void xf_h_ledger_create(xf_req *r);
void xf_h_ledger_get(xf_req *r);
void xf_h_ledger_reverse(xf_req *r);

void xf_h_points_me(xf_req *r);
void xf_h_leaderboard_members(xf_req *r);
void xf_h_leaderboard_orgs(xf_req *r);

/* publication (公示) and objections (异议): notices.c */
void xf_h_point_notices_list(xf_req *r);
void xf_h_point_notices_create(xf_req *r);
void xf_h_point_notices_get(xf_req *r);
void xf_h_point_objections_list(xf_req *r);
void xf_h_point_objections_create(xf_req *r);
void xf_h_point_objections_answer(xf_req *r);

#endif
