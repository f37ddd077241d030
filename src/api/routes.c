/*
 * routes.c - the route table (one line per route: method, pattern,
 * handler, who may call it) and the authenticator.
 */
#include "api/api.h"
#include "api/duties.h"
#include "api/input.h"
#include "api/meetings.h"
#include "api/points.h"
#include "api/tasks.h"
#include "domain/files.h"

#include "service/auth.h"

#include <string.h>

#define ANY XF_AUTH_USER
#define MANAGE                                                                 \
	(XF_ROLE_BIT(XF_ROLE_ADMIN) | XF_ROLE_BIT(XF_ROLE_COMMITTEE) |         \
	 XF_ROLE_BIT(XF_ROLE_SECRETARY))
#define OVERSEE (XF_ROLE_BIT(XF_ROLE_ADMIN) | XF_ROLE_BIT(XF_ROLE_COMMITTEE))

static const xf_route routes[] = {
    {"GET", "/api/health", xf_h_health, XF_AUTH_PUBLIC},
    {"POST", "/api/auth/login", xf_h_login, XF_AUTH_PUBLIC},
    {"POST", "/api/auth/logout", xf_h_logout, ANY},
    {"GET", "/api/me", xf_h_me, ANY},
    {"POST", "/api/me/password", xf_h_me_password, ANY},
    {"GET", "/api/catalog", xf_h_catalog, ANY},

    {"GET", "/api/orgs", xf_h_orgs_list, ANY},
    {"POST", "/api/orgs", xf_h_orgs_create, MANAGE},
    {"GET", "/api/orgs/{id}", xf_h_orgs_get, ANY},
    {"PATCH", "/api/orgs/{id}", xf_h_orgs_patch, MANAGE},
    {"DELETE", "/api/orgs/{id}", xf_h_orgs_delete, MANAGE},
    {"GET", "/api/orgs/{id}/children", xf_h_orgs_children, ANY},
    {"GET", "/api/orgs/{id}/tree", xf_h_orgs_tree, ANY},
    {"GET", "/api/orgs/{id}/stats", xf_h_orgs_stats, ANY},

    {"GET", "/api/clusters", xf_h_clusters_list, ANY},
    {"POST", "/api/clusters", xf_h_clusters_create, OVERSEE},
    {"GET", "/api/clusters/{id}", xf_h_clusters_get, ANY},
    {"POST", "/api/clusters/{id}/orgs", xf_h_clusters_add_org, OVERSEE},
    {"DELETE", "/api/clusters/{id}/orgs/{org}", xf_h_clusters_remove_org,
     OVERSEE},

    {"GET", "/api/members", xf_h_members_list, ANY},
    {"POST", "/api/members", xf_h_members_create, MANAGE},
    {"GET", "/api/members/{id}", xf_h_members_get, ANY},
    {"PATCH", "/api/members/{id}", xf_h_members_patch, MANAGE},
    {"DELETE", "/api/members/{id}", xf_h_members_delete, MANAGE},
    {"POST", "/api/members/{id}/transfer", xf_h_members_transfer, MANAGE},
    {"GET", "/api/members/{id}/transfers", xf_h_members_transfers, ANY},

    {"GET", "/api/users", xf_h_users_list, OVERSEE},
    {"POST", "/api/users", xf_h_users_create, OVERSEE},
    {"GET", "/api/users/{id}", xf_h_users_get, ANY},
    {"PATCH", "/api/users/{id}", xf_h_users_patch, OVERSEE},

    {"GET", "/api/audit", xf_h_audit_list, OVERSEE},

    /* organizational life (issue 4): meetings, attendance, compliance */
    {"GET", "/api/meetings", xf_h_meetings_list, ANY},
    {"POST", "/api/meetings", xf_h_meetings_create, MANAGE},
    {"GET", "/api/meetings/{id}", xf_h_meetings_get, ANY},
    {"PATCH", "/api/meetings/{id}", xf_h_meetings_patch, MANAGE},
    {"DELETE", "/api/meetings/{id}", xf_h_meetings_delete, MANAGE},
    {"GET", "/api/meetings/{id}/attendance", xf_h_meetings_attendance_get, ANY},
    {"PUT", "/api/meetings/{id}/attendance", xf_h_meetings_attendance_put,
     MANAGE},
    {"GET", "/api/meetings/{id}/attachments", xf_h_attachments_list, ANY},
    {"POST", "/api/meetings/{id}/attachments", xf_h_attachments_upload, MANAGE},
    {"GET", "/api/attachments/{id}", xf_h_attachments_get, ANY},
    {"DELETE", "/api/attachments/{id}", xf_h_attachments_delete, MANAGE},
    {"GET", "/api/attendance/register", xf_h_attendance_register, ANY},
    {"GET", "/api/attendance/register.xlsx", xf_h_attendance_register_xlsx,
     ANY},
    {"POST", "/api/meetings/{id}/measures", xf_h_measures_create, MANAGE},
    {"GET", "/api/measures", xf_h_measures_list, ANY},
    {"PATCH", "/api/measures/{id}", xf_h_measures_patch, MANAGE},
    {"DELETE", "/api/measures/{id}", xf_h_measures_delete, MANAGE},
    {"GET", "/api/talks/due", xf_h_talks_due, ANY},
    {"GET", "/api/talks", xf_h_talks_list, ANY},
    {"POST", "/api/talks", xf_h_talks_create, MANAGE},
    {"GET", "/api/compliance", xf_h_compliance, ANY},
    {"GET", "/api/compliance/board", xf_h_compliance_board, ANY},
    {"GET", "/api/compliance/rules", xf_h_compliance_rules_get, ANY},
    {"PUT", "/api/compliance/rules", xf_h_compliance_rules_put,
     XF_ROLE_BIT(XF_ROLE_ADMIN)},

    /* points (issue 5): rulebook, claims, ledger, leaderboards */
    {"GET", "/api/point-rules", xf_h_point_rules_list, ANY},
    {"POST", "/api/point-rules", xf_h_point_rules_create, OVERSEE},
    {"GET", "/api/point-rules/{id}", xf_h_point_rules_get, ANY},
    {"PATCH", "/api/point-rules/{id}", xf_h_point_rules_patch, OVERSEE},
    {"GET", "/api/point-settings", xf_h_point_settings_get, ANY},
    {"PUT", "/api/point-settings", xf_h_point_settings_put,
     XF_ROLE_BIT(XF_ROLE_ADMIN)},
    {"GET", "/api/claims", xf_h_claims_list, ANY},
    {"POST", "/api/claims", xf_h_claims_create, ANY},
    {"GET", "/api/claims/{id}", xf_h_claims_get, ANY},
    {"POST", "/api/claims/{id}/approve", xf_h_claims_approve, MANAGE},
    {"POST", "/api/claims/{id}/reject", xf_h_claims_reject, MANAGE},
    {"GET", "/api/ledger", xf_h_ledger_list, ANY},
    {"POST", "/api/ledger", xf_h_ledger_create, MANAGE},
    {"GET", "/api/ledger/{id}", xf_h_ledger_get, ANY},
    {"POST", "/api/ledger/{id}/reverse", xf_h_ledger_reverse, MANAGE},
    {"GET", "/api/points/me", xf_h_points_me, ANY},
    {"GET", "/api/leaderboards/members", xf_h_leaderboard_members, ANY},
    {"GET", "/api/leaderboards/orgs", xf_h_leaderboard_orgs, ANY},
    {"GET", "/api/point-notices", xf_h_point_notices_list, ANY},
    {"POST", "/api/point-notices", xf_h_point_notices_create, OVERSEE},
    {"GET", "/api/point-notices/{id}", xf_h_point_notices_get, ANY},
    {"GET", "/api/point-notices/{id}/objections", xf_h_point_objections_list,
     ANY},
    {"POST", "/api/point-notices/{id}/objections", xf_h_point_objections_create,
     ANY},
    {"POST", "/api/point-objections/{id}/answer", xf_h_point_objections_answer,
     OVERSEE},

    /* plans and tasks (issue 6): plans, tasks, milestones, duties */
    {"GET", "/api/tasks/reminders", xf_h_tasks_reminders, ANY},
    {"GET", "/api/tasks/board", xf_h_tasks_board, ANY},
    {"GET", "/api/tasks", xf_h_tasks_list, ANY},
    {"POST", "/api/tasks", xf_h_tasks_create, MANAGE},
    {"GET", "/api/tasks/{id}", xf_h_tasks_get, ANY},
    {"PATCH", "/api/tasks/{id}", xf_h_tasks_patch, MANAGE},
    {"DELETE", "/api/tasks/{id}", xf_h_tasks_delete, MANAGE},
    {"POST", "/api/tasks/{id}/cascade", xf_h_tasks_cascade, MANAGE},
    {"GET", "/api/tasks/{id}/progress", xf_h_tasks_reports, ANY},
    {"POST", "/api/tasks/{id}/progress", xf_h_tasks_report, MANAGE},
    {"POST", "/api/tasks/{id}/milestones", xf_h_milestones_create, MANAGE},
    {"PATCH", "/api/tasks/{id}/milestones/{mid}", xf_h_milestones_patch,
     MANAGE},
    {"DELETE", "/api/tasks/{id}/milestones/{mid}", xf_h_milestones_delete,
     MANAGE},
    {"POST", "/api/tasks/{id}/acceptance", xf_h_tasks_accept, OVERSEE},
    {"GET", "/api/acceptance", xf_h_acceptance_summary, ANY},
    {"GET", "/api/plans", xf_h_plans_list, ANY},
    {"POST", "/api/plans", xf_h_plans_create, MANAGE},
    {"GET", "/api/plans/{id}", xf_h_plans_get, ANY},
    {"PATCH", "/api/plans/{id}", xf_h_plans_patch, MANAGE},
    {"DELETE", "/api/plans/{id}", xf_h_plans_delete, MANAGE},
    {"GET", "/api/duties", xf_h_duties_list, ANY},
    {"POST", "/api/duties", xf_h_duties_create, MANAGE},
    {"POST", "/api/duties/copy", xf_h_duties_copy, MANAGE},
    {"GET", "/api/duties/{id}", xf_h_duties_get, ANY},
    {"PATCH", "/api/duties/{id}", xf_h_duties_patch, MANAGE},
    {"DELETE", "/api/duties/{id}", xf_h_duties_delete, MANAGE},
    {"GET", "/api/duties/{id}/evidence", xf_h_duty_evidence_list, ANY},
    {"POST", "/api/duties/{id}/evidence", xf_h_duty_evidence_create, MANAGE},
    {"DELETE", "/api/duties/{id}/evidence/{eid}", xf_h_duty_evidence_delete,
     MANAGE},
    {"GET", "/api/duty-assignments", xf_h_duty_assignments_list, ANY},
    {"POST", "/api/duty-assignments", xf_h_duty_assignments_create, MANAGE},
    {"DELETE", "/api/duty-assignments/{id}", xf_h_duty_assignments_delete,
     MANAGE},
    {"GET", "/api/duty-reports", xf_h_duty_report, ANY},
};

static const xf_body_limit body_limits[] = {
    /* attachments of meetings: photos, scans, documents */
    {"POST", "/api/meetings/{id}/attachments", XF_FILE_MAX_BYTES},
};

const xf_body_limit *xf_api_body_limits(size_t *n)
{
	*n = sizeof body_limits / sizeof body_limits[0];
	return body_limits;
}

const xf_route *xf_api_routes(size_t *n)
{
	*n = sizeof routes / sizeof routes[0];
	return routes;
}

static int is_write(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

int xf_api_authenticate(xf_req *r, const xf_route *route)
{
	int via_cookie;
	const char *token = xf_req_credential(r, &via_cookie);
	if (!token || route->auth == XF_AUTH_PUBLIC)
		return 0;
	xf_db *db = xf_svc_db();
	if (!db) {
		xf_reply_error(r, 503, "unavailable", "数据库暂时不可用", NULL);
		return 503;
	}
	xf_principal *p = xf_arena_calloc(&r->arena, 1, sizeof *p);
	if (!p) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return 500;
	}
	xf_ctx c;
	xf_ctx_init(&c, db, &r->arena, NULL, NULL);
	int rc = xf_session_resolve(&c, token, r->epoch, &p->user, &p->scope,
	                            &p->csrf);
	if (rc == XF_E_UNAUTHORIZED)
		return 0; /* anonymous: the role check answers 401 */
	if (rc != XF_OK) {
		xf_reply_error(r, xf_api_status(rc), c.err.code, c.err.message,
		               NULL);
		return rc;
	}
	if (via_cookie && is_write(r->method)) {
		const char *sent = xf_req_header(r, "X-CSRF-Token");
		if (!sent || !xf_secret_equal(sent, p->csrf)) {
			xf_reply_error(r, 403, "csrf_failed",
			               "安全校验失败，请刷新页面后重试", NULL);
			return 403;
		}
	}
	p->token = xf_arena_strdup(&r->arena, token);
	r->principal = p;
	r->user = p->user.username;
	r->roles = 0;
	for (int i = 0; i < p->scope.n; i++)
		r->roles |= XF_ROLE_BIT(p->scope.g[i].role);
	return 0;
}
