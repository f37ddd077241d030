/*
 * routes.c - the route table and the authenticator.
 *
 * A route is one declaration: method, pattern, handler, who may call it,
 * the JSON body's field table, the query string's field table and the
 * body limit (0: the server's). Lookup does not depend on the order of the
 * lines (http/server.h: literal segments win over {x} ones); they are
 * grouped by resource, and docs/api.md's endpoint index follows them.
 */
#include "api/api.h"
#include "api/assessments.h"
#include "api/attachments.h"
#include "api/audit.h"
#include "api/catalog.h"
#include "api/compliance.h"
#include "api/duties.h"
#include "api/input.h"
#include "api/leaderboards.h"
#include "api/meetings.h"
#include "api/members.h"
#include "api/notices.h"
#include "api/orgs.h"
#include "api/plans.h"
#include "api/points.h"
#include "api/register.h"
#include "api/reviews.h"
#include "api/schemes.h"
#include "api/system.h"
#include "api/tasks.h"
#include "api/users.h"
#include "domain/files.h"

#include "service/auth.h"

#include <string.h>

#define ANY XF_AUTH_USER
#define MANAGE                                                                 \
	(XF_ROLE_BIT(XF_ROLE_ADMIN) | XF_ROLE_BIT(XF_ROLE_COMMITTEE) |         \
	 XF_ROLE_BIT(XF_ROLE_SECRETARY))
#define OVERSEE (XF_ROLE_BIT(XF_ROLE_ADMIN) | XF_ROLE_BIT(XF_ROLE_COMMITTEE))

/* {method, pattern, handler, who, body table, query table, body limit};
 * the tables live next to their handlers (declared in api.h, duties.h,
 * meetings.h, points.h and tasks.h). */
static const xf_route routes[] = {
    {"GET", "/api/health", xf_h_health, XF_AUTH_PUBLIC, NULL, NULL, 0},
    {"POST", "/api/auth/login", xf_h_login, XF_AUTH_PUBLIC, &xf_login_body,
     NULL, 0},
    {"POST", "/api/auth/logout", xf_h_logout, ANY, NULL, NULL, 0},
    {"GET", "/api/me", xf_h_me, ANY, NULL, NULL, 0},
    {"POST", "/api/me/password", xf_h_me_password, ANY, &xf_me_password_body,
     NULL, 0},
    {"GET", "/api/catalog", xf_h_catalog, ANY, NULL, NULL, 0},

    {"GET", "/api/orgs", xf_h_orgs_list, ANY, NULL, &xf_orgs_list_query, 0},
    {"POST", "/api/orgs", xf_h_orgs_create, MANAGE, &xf_orgs_create_body, NULL,
     0},
    {"GET", "/api/orgs/{id}", xf_h_orgs_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/orgs/{id}", xf_h_orgs_patch, MANAGE, &xf_orgs_patch_body,
     NULL, 0},
    {"DELETE", "/api/orgs/{id}", xf_h_orgs_delete, MANAGE, NULL, NULL, 0},
    {"GET", "/api/orgs/{id}/children", xf_h_orgs_children, ANY, NULL, NULL, 0},
    {"GET", "/api/orgs/{id}/tree", xf_h_orgs_tree, ANY, NULL, NULL, 0},
    {"GET", "/api/orgs/{id}/stats", xf_h_orgs_stats, ANY, NULL, NULL, 0},

    {"GET", "/api/clusters", xf_h_clusters_list, ANY, NULL,
     &xf_clusters_list_query, 0},
    {"POST", "/api/clusters", xf_h_clusters_create, OVERSEE,
     &xf_clusters_create_body, NULL, 0},
    {"GET", "/api/clusters/{id}", xf_h_clusters_get, ANY, NULL, NULL, 0},
    {"POST", "/api/clusters/{id}/orgs", xf_h_clusters_add_org, OVERSEE,
     &xf_clusters_add_org_body, NULL, 0},
    {"DELETE", "/api/clusters/{id}/orgs/{org}", xf_h_clusters_remove_org,
     OVERSEE, NULL, NULL, 0},

    {"GET", "/api/members", xf_h_members_list, ANY, NULL,
     &xf_members_list_query, 0},
    {"POST", "/api/members", xf_h_members_create, MANAGE,
     &xf_members_create_body, NULL, 0},
    {"GET", "/api/members/{id}", xf_h_members_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/members/{id}", xf_h_members_patch, MANAGE,
     &xf_members_patch_body, NULL, 0},
    {"DELETE", "/api/members/{id}", xf_h_members_delete, MANAGE, NULL, NULL, 0},
    {"POST", "/api/members/{id}/transfer", xf_h_members_transfer, MANAGE,
     &xf_members_transfer_body, NULL, 0},
    {"GET", "/api/members/{id}/transfers", xf_h_members_transfers, ANY, NULL,
     NULL, 0},

    {"GET", "/api/users", xf_h_users_list, OVERSEE, NULL, &xf_users_list_query,
     0},
    {"POST", "/api/users", xf_h_users_create, OVERSEE, &xf_users_create_body,
     NULL, 0},
    {"GET", "/api/users/{id}", xf_h_users_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/users/{id}", xf_h_users_patch, OVERSEE,
     &xf_users_patch_body, NULL, 0},

    {"GET", "/api/audit", xf_h_audit_list, OVERSEE, NULL, &xf_audit_list_query,
     0},

    /* organizational life: meetings, attendance, compliance */
    {"GET", "/api/meetings", xf_h_meetings_list, ANY, NULL,
     &xf_meetings_list_query, 0},
    {"POST", "/api/meetings", xf_h_meetings_create, MANAGE,
     &xf_meetings_create_body, NULL, 0},
    {"GET", "/api/meetings/{id}", xf_h_meetings_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/meetings/{id}", xf_h_meetings_patch, MANAGE,
     &xf_meetings_patch_body, NULL, 0},
    {"DELETE", "/api/meetings/{id}", xf_h_meetings_delete, MANAGE, NULL, NULL,
     0},
    {"GET", "/api/meetings/{id}/attendance", xf_h_meetings_attendance_get, ANY,
     NULL, NULL, 0},
    {"PUT", "/api/meetings/{id}/attendance", xf_h_meetings_attendance_put,
     MANAGE, &xf_meetings_attendance_put_body, NULL, 0},
    {"GET", "/api/meetings/{id}/attachments", xf_h_attachments_list, ANY, NULL,
     NULL, 0},
    {"POST", "/api/meetings/{id}/attachments", xf_h_attachments_upload, MANAGE,
     NULL, NULL, XF_FILE_MAX_BYTES},
    {"GET", "/api/attachments/{id}", xf_h_attachments_get, ANY, NULL, NULL, 0},
    {"DELETE", "/api/attachments/{id}", xf_h_attachments_delete, MANAGE, NULL,
     NULL, 0},
    {"GET", "/api/attendance/register", xf_h_attendance_register, ANY, NULL,
     &xf_attendance_register_query, 0},
    {"GET", "/api/attendance/register.xlsx", xf_h_attendance_register_xlsx, ANY,
     NULL, &xf_attendance_register_query, 0},
    {"POST", "/api/meetings/{id}/measures", xf_h_measures_create, MANAGE,
     &xf_measures_create_body, NULL, 0},
    {"GET", "/api/measures", xf_h_measures_list, ANY, NULL,
     &xf_measures_list_query, 0},
    {"PATCH", "/api/measures/{id}", xf_h_measures_patch, MANAGE,
     &xf_measures_patch_body, NULL, 0},
    {"DELETE", "/api/measures/{id}", xf_h_measures_delete, MANAGE, NULL, NULL,
     0},
    {"GET", "/api/talks/due", xf_h_talks_due, ANY, NULL, &xf_talks_due_query,
     0},
    {"GET", "/api/talks", xf_h_talks_list, ANY, NULL, &xf_talks_list_query, 0},
    {"POST", "/api/talks", xf_h_talks_create, MANAGE, &xf_talks_create_body,
     NULL, 0},
    {"GET", "/api/compliance", xf_h_compliance, ANY, NULL, &xf_compliance_query,
     0},
    {"GET", "/api/compliance/board", xf_h_compliance_board, ANY, NULL,
     &xf_compliance_query, 0},
    {"GET", "/api/compliance/rules", xf_h_compliance_rules_get, ANY, NULL, NULL,
     0},
    {"PUT", "/api/compliance/rules", xf_h_compliance_rules_put,
     XF_ROLE_BIT(XF_ROLE_ADMIN), &xf_compliance_rules_put_body, NULL, 0},

    /* points: rulebook, claims, ledger, leaderboards */
    {"GET", "/api/point-rules", xf_h_point_rules_list, ANY, NULL,
     &xf_point_rules_list_query, 0},
    {"POST", "/api/point-rules", xf_h_point_rules_create, OVERSEE,
     &xf_point_rules_create_body, NULL, 0},
    {"GET", "/api/point-rules/{id}", xf_h_point_rules_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/point-rules/{id}", xf_h_point_rules_patch, OVERSEE,
     &xf_point_rules_patch_body, NULL, 0},
    {"GET", "/api/point-settings", xf_h_point_settings_get, ANY, NULL,
     &xf_point_settings_get_query, 0},
    {"PUT", "/api/point-settings", xf_h_point_settings_put,
     XF_ROLE_BIT(XF_ROLE_ADMIN), &xf_point_settings_put_body, NULL, 0},
    {"GET", "/api/claims", xf_h_claims_list, ANY, NULL, &xf_claims_list_query,
     0},
    {"POST", "/api/claims", xf_h_claims_create, ANY, &xf_claims_create_body,
     NULL, 0},
    {"GET", "/api/claims/{id}", xf_h_claims_get, ANY, NULL, NULL, 0},
    {"POST", "/api/claims/{id}/approve", xf_h_claims_approve, MANAGE,
     &xf_claims_approve_body, NULL, 0},
    {"POST", "/api/claims/{id}/reject", xf_h_claims_reject, MANAGE,
     &xf_claims_reject_body, NULL, 0},
    {"GET", "/api/ledger", xf_h_ledger_list, ANY, NULL, &xf_ledger_list_query,
     0},
    {"POST", "/api/ledger", xf_h_ledger_create, MANAGE, &xf_ledger_create_body,
     NULL, 0},
    {"GET", "/api/ledger/{id}", xf_h_ledger_get, ANY, NULL, NULL, 0},
    {"POST", "/api/ledger/{id}/reverse", xf_h_ledger_reverse, MANAGE,
     &xf_ledger_reverse_body, NULL, 0},
    {"GET", "/api/points/me", xf_h_points_me, ANY, NULL, &xf_points_me_query,
     0},
    {"GET", "/api/leaderboards/members", xf_h_leaderboard_members, ANY, NULL,
     &xf_leaderboard_members_query, 0},
    {"GET", "/api/leaderboards/orgs", xf_h_leaderboard_orgs, ANY, NULL,
     &xf_leaderboard_orgs_query, 0},
    {"GET", "/api/point-notices", xf_h_point_notices_list, ANY, NULL,
     &xf_point_notices_list_query, 0},
    {"POST", "/api/point-notices", xf_h_point_notices_create, OVERSEE,
     &xf_point_notices_create_body, NULL, 0},
    {"GET", "/api/point-notices/{id}", xf_h_point_notices_get, ANY, NULL, NULL,
     0},
    {"GET", "/api/point-notices/{id}/objections", xf_h_point_objections_list,
     ANY, NULL, &xf_point_objections_list_query, 0},
    {"POST", "/api/point-notices/{id}/objections", xf_h_point_objections_create,
     ANY, &xf_point_objections_create_body, NULL, 0},
    {"POST", "/api/point-objections/{id}/answer", xf_h_point_objections_answer,
     OVERSEE, &xf_point_objections_answer_body, NULL, 0},
    /* 公示 of any subject: the same notices, objections and answers */
    {"GET", "/api/notices", xf_h_point_notices_list, ANY, NULL,
     &xf_point_notices_list_query, 0},
    {"POST", "/api/notices", xf_h_notices_create, OVERSEE,
     &xf_notices_create_body, NULL, 0},
    {"GET", "/api/notices/{id}", xf_h_point_notices_get, ANY, NULL, NULL, 0},
    {"GET", "/api/notices/{id}/objections", xf_h_point_objections_list, ANY,
     NULL, &xf_point_objections_list_query, 0},
    {"POST", "/api/notices/{id}/objections", xf_h_point_objections_create, ANY,
     &xf_point_objections_create_body, NULL, 0},
    {"POST", "/api/objections/{id}/answer", xf_h_point_objections_answer,
     OVERSEE, &xf_point_objections_answer_body, NULL, 0},

    /* assessment: schemes, the index, star ratings */
    {"GET", "/api/schemes", xf_h_schemes_list, ANY, NULL,
     &xf_schemes_list_query, 0},
    {"POST", "/api/schemes", xf_h_schemes_create, OVERSEE,
     &xf_schemes_create_body, NULL, 0},
    {"GET", "/api/schemes/templates", xf_h_schemes_templates, ANY, NULL, NULL,
     0},
    {"GET", "/api/schemes/{id}", xf_h_schemes_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/schemes/{id}", xf_h_schemes_patch, OVERSEE,
     &xf_schemes_patch_body, NULL, 0},
    {"DELETE", "/api/schemes/{id}", xf_h_schemes_delete, OVERSEE, NULL, NULL,
     0},
    {"POST", "/api/schemes/{id}/publish", xf_h_schemes_publish, OVERSEE,
     &xf_schemes_publish_body, NULL, 0},
    {"POST", "/api/schemes/{id}/versions", xf_h_schemes_versions_create,
     OVERSEE, NULL, NULL, 0},
    {"GET", "/api/assessments", xf_h_assessments_list, ANY, NULL,
     &xf_assessments_list_query, 0},
    {"GET", "/api/assessments.xlsx", xf_h_assessments_xlsx, ANY, NULL,
     &xf_assessments_list_query, 0},
    {"GET", "/api/assessments/{id}/{year}", xf_h_assessments_get, ANY, NULL,
     NULL, 0},
    {"PUT", "/api/assessments/{id}/{year}/scores", xf_h_assessments_scores_put,
     OVERSEE, &xf_assessments_scores_body, NULL, 0},
    {"GET", "/api/star-ratings", xf_h_star_ratings_list, ANY, NULL,
     &xf_star_ratings_list_query, 0},
    {"POST", "/api/star-ratings", xf_h_star_ratings_create, MANAGE,
     &xf_star_ratings_create_body, NULL, 0},
    {"GET", "/api/star-ratings/summary", xf_h_star_ratings_summary, ANY, NULL,
     &xf_star_ratings_summary_query, 0},
    {"GET", "/api/star-ratings/{id}", xf_h_star_ratings_get, ANY, NULL, NULL,
     0},
    {"POST", "/api/star-ratings/{id}/review", xf_h_star_ratings_review, OVERSEE,
     &xf_star_ratings_review_body, NULL, 0},
    {"POST", "/api/star-ratings/{id}/decide", xf_h_star_ratings_decide, OVERSEE,
     NULL, NULL, 0},

    /* review sessions (述职评议): the chair, its judges, the results */
    {"GET", "/api/reviews", xf_h_reviews_list, ANY, NULL,
     &xf_reviews_list_query, 0},
    {"POST", "/api/reviews", xf_h_reviews_create, OVERSEE,
     &xf_reviews_create_body, NULL, 0},
    {"GET", "/api/reviews/{id}", xf_h_reviews_get, ANY, NULL, NULL, 0},
    {"POST", "/api/reviews/{id}/judges", xf_h_reviews_judges_add, OVERSEE,
     &xf_reviews_judges_body, NULL, 0},
    {"POST", "/api/reviews/{id}/presenters/{pid}/open",
     xf_h_reviews_presenter_open, OVERSEE, NULL, NULL, 0},
    {"POST", "/api/reviews/{id}/presenters/{pid}/close",
     xf_h_reviews_presenter_close, OVERSEE, &xf_reviews_presenter_close_body,
     NULL, 0},
    {"PUT", "/api/reviews/{id}/presenters/{pid}/scores",
     xf_h_reviews_scores_put, ANY, &xf_reviews_scores_body, NULL, 0},
    {"GET", "/api/reviews/{id}/results", xf_h_reviews_results, ANY, NULL, NULL,
     0},
    {"GET", "/api/reviews/{id}/results.xlsx", xf_h_reviews_results_xlsx, ANY,
     NULL, NULL, 0},
    {"GET", "/api/reviews/{id}/events", xf_h_reviews_events, ANY, NULL, NULL,
     0},
    {"POST", "/api/reviews/join", xf_h_reviews_join, XF_AUTH_PUBLIC,
     &xf_reviews_join_body, NULL, 0},
    {"GET", "/api/reviews/{id}/judges/{jid}/qr.svg", xf_h_reviews_judge_qr,
     OVERSEE, NULL, NULL, 0},
    {"POST", "/api/reviews/{id}/close", xf_h_reviews_close, OVERSEE, NULL, NULL,
     0},

    /* plans and tasks: plans, tasks, milestones, duties */
    {"GET", "/api/tasks/reminders", xf_h_tasks_reminders, ANY, NULL,
     &xf_tasks_reminders_query, 0},
    {"GET", "/api/tasks/board", xf_h_tasks_board, ANY, NULL,
     &xf_tasks_board_query, 0},
    {"GET", "/api/tasks", xf_h_tasks_list, ANY, NULL, &xf_tasks_list_query, 0},
    {"POST", "/api/tasks", xf_h_tasks_create, MANAGE, &xf_tasks_create_body,
     NULL, 0},
    {"GET", "/api/tasks/{id}", xf_h_tasks_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/tasks/{id}", xf_h_tasks_patch, MANAGE, &xf_tasks_patch_body,
     NULL, 0},
    {"DELETE", "/api/tasks/{id}", xf_h_tasks_delete, MANAGE, NULL, NULL, 0},
    {"POST", "/api/tasks/{id}/cascade", xf_h_tasks_cascade, MANAGE,
     &xf_tasks_cascade_body, NULL, 0},
    {"GET", "/api/tasks/{id}/progress", xf_h_tasks_reports, ANY, NULL, NULL, 0},
    {"POST", "/api/tasks/{id}/progress", xf_h_tasks_report, MANAGE,
     &xf_tasks_report_body, NULL, 0},
    {"POST", "/api/tasks/{id}/milestones", xf_h_milestones_create, MANAGE,
     &xf_milestones_create_body, NULL, 0},
    {"PATCH", "/api/tasks/{id}/milestones/{mid}", xf_h_milestones_patch, MANAGE,
     &xf_milestones_patch_body, NULL, 0},
    {"DELETE", "/api/tasks/{id}/milestones/{mid}", xf_h_milestones_delete,
     MANAGE, NULL, NULL, 0},
    {"POST", "/api/tasks/{id}/acceptance", xf_h_tasks_accept, OVERSEE,
     &xf_tasks_accept_body, NULL, 0},
    {"GET", "/api/acceptance", xf_h_acceptance_summary, ANY, NULL,
     &xf_tasks_board_query, 0},
    {"GET", "/api/plans", xf_h_plans_list, ANY, NULL, &xf_plans_list_query, 0},
    {"POST", "/api/plans", xf_h_plans_create, MANAGE, &xf_plans_create_body,
     NULL, 0},
    {"GET", "/api/plans/{id}", xf_h_plans_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/plans/{id}", xf_h_plans_patch, MANAGE, &xf_plans_patch_body,
     NULL, 0},
    {"DELETE", "/api/plans/{id}", xf_h_plans_delete, MANAGE, NULL, NULL, 0},
    {"GET", "/api/duties", xf_h_duties_list, ANY, NULL, &xf_duties_list_query,
     0},
    {"POST", "/api/duties", xf_h_duties_create, MANAGE, &xf_duties_create_body,
     NULL, 0},
    {"POST", "/api/duties/copy", xf_h_duties_copy, MANAGE, &xf_duties_copy_body,
     NULL, 0},
    {"GET", "/api/duties/{id}", xf_h_duties_get, ANY, NULL, NULL, 0},
    {"PATCH", "/api/duties/{id}", xf_h_duties_patch, MANAGE,
     &xf_duties_patch_body, NULL, 0},
    {"DELETE", "/api/duties/{id}", xf_h_duties_delete, MANAGE, NULL, NULL, 0},
    {"GET", "/api/duties/{id}/evidence", xf_h_duty_evidence_list, ANY, NULL,
     &xf_duty_evidence_list_query, 0},
    {"POST", "/api/duties/{id}/evidence", xf_h_duty_evidence_create, MANAGE,
     &xf_duty_evidence_create_body, NULL, 0},
    {"DELETE", "/api/duties/{id}/evidence/{eid}", xf_h_duty_evidence_delete,
     MANAGE, NULL, NULL, 0},
    {"GET", "/api/duty-assignments", xf_h_duty_assignments_list, ANY, NULL,
     &xf_duty_assignments_list_query, 0},
    {"POST", "/api/duty-assignments", xf_h_duty_assignments_create, MANAGE,
     &xf_duty_assignments_create_body, NULL, 0},
    {"DELETE", "/api/duty-assignments/{id}", xf_h_duty_assignments_delete,
     MANAGE, NULL, NULL, 0},
    {"GET", "/api/duty-reports", xf_h_duty_report, ANY, NULL,
     &xf_duty_report_query, 0},
};

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
