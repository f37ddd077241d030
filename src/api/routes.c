/*
 * routes.c - the route table and the authenticator.
 *
 * A route is one declaration: method, pattern, handler, who may call it,
 * the JSON body's field table, the query string's field table and the
 * body limit (0: the server's). Lookup does not depend on the order of the
 * lines (http/server.h: literal segments win over {x} ones); they are
 * grouped by resource, and docs/api.md's endpoint index follows them.
 */
#include "api/activities.h"
#include "api/api.h"
#include "api/assessments.h"
#include "api/attachments.h"
#include "api/audit.h"
#include "api/campaigns.h"
#include "api/cases.h"
#include "api/catalog.h"
#include "api/clusters.h"
#include "api/cockpit.h"
#include "api/compliance.h"
#include "api/dues.h"
#include "api/duties.h"
#include "api/guide.h"
#include "api/honors.h"
#include "api/imports.h"
#include "api/inbox.h"
#include "api/input.h"
#include "api/joint_projects.h"
#include "api/leaderboards.h"
#include "api/lectures.h"
#include "api/meetings.h"
#include "api/members.h"
#include "api/notices.h"
#include "api/orgs.h"
#include "api/plans.h"
#include "api/points.h"
#include "api/programs.h"
#include "api/recruits.h"
#include "api/register.h"
#include "api/reports.h"
#include "api/reviews.h"
#include "api/schemes.h"
#include "api/system.h"
#include "api/tasks.h"
#include "api/terms.h"
#include "api/transfers.h"
#include "api/users.h"
#include "api/visits.h"
#include "domain/files.h"

#include "service/auth.h"

#include <string.h>

#define ANY XF_AUTH_USER
#define MANAGE                                                                 \
	(XF_ROLE_BIT(XF_ROLE_ADMIN) | XF_ROLE_BIT(XF_ROLE_COMMITTEE) |         \
	 XF_ROLE_BIT(XF_ROLE_SECRETARY))
#define OVERSEE (XF_ROLE_BIT(XF_ROLE_ADMIN) | XF_ROLE_BIT(XF_ROLE_COMMITTEE))

/* {method, pattern, handler, who[, body table][, query table][, body
 * limit]}: what a route does not name is none (the server's limit for
 * the body); the tables live next to their handlers (declared in api.h,
 * duties.h, meetings.h, points.h and tasks.h). */
static const xf_route routes[] = {
    {"GET", "/api/health", xf_h_health, .auth = XF_AUTH_PUBLIC},
    {"POST", "/api/auth/login", xf_h_login, .auth = XF_AUTH_PUBLIC,
     .body = &xf_login_body},
    {"POST", "/api/auth/logout", xf_h_logout, .auth = ANY},
    {"GET", "/api/me", xf_h_me, .auth = ANY},
    {"POST", "/api/me/password", xf_h_me_password, .auth = ANY,
     .body = &xf_me_password_body},
    {"GET", "/api/catalog", xf_h_catalog, .auth = ANY},
    /* accounts and sessions (等保): own sessions, TOTP, unlock */
    {"GET", "/api/me/sessions", xf_h_me_sessions, .auth = ANY},
    {"DELETE", "/api/me/sessions/{id}", xf_h_me_session_end, .auth = ANY},
    {"POST", "/api/me/totp", xf_h_me_totp, .auth = OVERSEE},
    {"POST", "/api/me/totp/confirm", xf_h_me_totp_confirm, .auth = OVERSEE,
     .body = &xf_me_totp_confirm_body},
    {"DELETE", "/api/users/{id}/sessions", xf_h_users_sessions_end,
     .auth = OVERSEE},
    {"POST", "/api/users/{id}/unlock", xf_h_users_unlock, .auth = OVERSEE},

    {"GET", "/api/orgs", xf_h_orgs_list, .auth = ANY,
     .query = &xf_orgs_list_query},
    {"POST", "/api/orgs", xf_h_orgs_create, .auth = MANAGE,
     .body = &xf_orgs_create_body},
    {"GET", "/api/orgs/{id}", xf_h_orgs_get, .auth = ANY},
    {"PATCH", "/api/orgs/{id}", xf_h_orgs_patch, .auth = MANAGE,
     .body = &xf_orgs_patch_body},
    {"DELETE", "/api/orgs/{id}", xf_h_orgs_delete, .auth = MANAGE},
    {"GET", "/api/orgs/{id}/children", xf_h_orgs_children, .auth = ANY},
    {"GET", "/api/orgs/{id}/tree", xf_h_orgs_tree, .auth = ANY},
    {"GET", "/api/orgs/{id}/stats", xf_h_orgs_stats, .auth = ANY},

    {"GET", "/api/clusters", xf_h_clusters_list, .auth = ANY,
     .query = &xf_clusters_list_query},
    {"POST", "/api/clusters", xf_h_clusters_create, .auth = OVERSEE,
     .body = &xf_clusters_create_body},
    {"GET", "/api/clusters/{id}", xf_h_clusters_get, .auth = ANY,
     .query = &xf_clusters_get_query},
    {"POST", "/api/clusters/{id}/orgs", xf_h_clusters_add_org, .auth = OVERSEE,
     .body = &xf_clusters_add_org_body},
    {"DELETE", "/api/clusters/{id}/orgs/{org}", xf_h_clusters_remove_org,
     .auth = OVERSEE},

    {"GET", "/api/members", xf_h_members_list, .auth = ANY,
     .query = &xf_members_list_query},
    {"POST", "/api/members", xf_h_members_create, .auth = MANAGE,
     .body = &xf_members_create_body},
    {"GET", "/api/members/{id}", xf_h_members_get, .auth = ANY},
    {"PATCH", "/api/members/{id}", xf_h_members_patch, .auth = MANAGE,
     .body = &xf_members_patch_body},
    {"DELETE", "/api/members/{id}", xf_h_members_delete, .auth = MANAGE},
    {"POST", "/api/members/{id}/transfer", xf_h_members_transfer,
     .auth = MANAGE, .body = &xf_members_transfer_body},
    {"GET", "/api/members/{id}/transfers", xf_h_members_transfers, .auth = ANY},

    {"GET", "/api/import/templates/members.xlsx", xf_h_import_template_members,
     .auth = MANAGE},
    {"GET", "/api/import/templates/orgs.xlsx", xf_h_import_template_orgs,
     .auth = MANAGE},
    {"POST", "/api/import/members", xf_h_import_members, .auth = MANAGE,
     .max_body = XF_IMPORT_MAX_BYTES},
    {"POST", "/api/import/orgs", xf_h_import_orgs, .auth = MANAGE,
     .max_body = XF_IMPORT_MAX_BYTES},

    {"GET", "/api/users", xf_h_users_list, .auth = OVERSEE,
     .query = &xf_users_list_query},
    {"POST", "/api/users", xf_h_users_create, .auth = OVERSEE,
     .body = &xf_users_create_body},
    {"GET", "/api/users/{id}", xf_h_users_get, .auth = ANY},
    {"PATCH", "/api/users/{id}", xf_h_users_patch, .auth = OVERSEE,
     .body = &xf_users_patch_body},

    {"GET", "/api/audit", xf_h_audit_list, .auth = OVERSEE,
     .query = &xf_audit_list_query},

    /* organizational life: meetings, attendance, compliance */
    {"GET", "/api/meetings", xf_h_meetings_list, .auth = ANY,
     .query = &xf_meetings_list_query},
    {"POST", "/api/meetings", xf_h_meetings_create, .auth = MANAGE,
     .body = &xf_meetings_create_body},
    {"GET", "/api/meetings/{id}", xf_h_meetings_get, .auth = ANY},
    {"PATCH", "/api/meetings/{id}", xf_h_meetings_patch, .auth = MANAGE,
     .body = &xf_meetings_patch_body},
    {"DELETE", "/api/meetings/{id}", xf_h_meetings_delete, .auth = MANAGE},
    {"GET", "/api/meetings/{id}/attendance", xf_h_meetings_attendance_get,
     .auth = ANY},
    {"PUT", "/api/meetings/{id}/attendance", xf_h_meetings_attendance_put,
     .auth = MANAGE, .body = &xf_meetings_attendance_put_body},
    {"GET", "/api/meetings/{id}/attachments", xf_h_attachments_list,
     .auth = ANY},
    {"POST", "/api/meetings/{id}/attachments", xf_h_attachments_upload,
     .auth = MANAGE, .max_body = XF_FILE_MAX_BYTES},
    {"GET", "/api/honors/{id}/attachments", xf_h_honor_attachments_list,
     .auth = ANY},
    {"POST", "/api/honors/{id}/attachments", xf_h_honor_attachments_upload,
     .auth = OVERSEE, .max_body = XF_FILE_MAX_BYTES},
    {"GET", "/api/attachments/{id}", xf_h_attachments_get, .auth = ANY},
    {"DELETE", "/api/attachments/{id}", xf_h_attachments_delete,
     .auth = MANAGE},
    {"GET", "/api/attendance/register", xf_h_attendance_register, .auth = ANY,
     .query = &xf_attendance_register_query},
    {"GET", "/api/attendance/register.xlsx", xf_h_attendance_register_xlsx,
     .auth = ANY, .query = &xf_attendance_register_query},
    {"POST", "/api/meetings/{id}/measures", xf_h_measures_create,
     .auth = MANAGE, .body = &xf_measures_create_body},
    {"GET", "/api/measures", xf_h_measures_list, .auth = ANY,
     .query = &xf_measures_list_query},
    {"PATCH", "/api/measures/{id}", xf_h_measures_patch, .auth = MANAGE,
     .body = &xf_measures_patch_body},
    {"DELETE", "/api/measures/{id}", xf_h_measures_delete, .auth = MANAGE},
    {"GET", "/api/talks/due", xf_h_talks_due, .auth = ANY,
     .query = &xf_talks_due_query},
    {"GET", "/api/talks", xf_h_talks_list, .auth = ANY,
     .query = &xf_talks_list_query},
    {"POST", "/api/talks", xf_h_talks_create, .auth = MANAGE,
     .body = &xf_talks_create_body},
    {"GET", "/api/compliance", xf_h_compliance, .auth = ANY,
     .query = &xf_compliance_query},
    {"GET", "/api/compliance/board", xf_h_compliance_board, .auth = ANY,
     .query = &xf_compliance_query},
    {"GET", "/api/compliance/rules", xf_h_compliance_rules_get, .auth = ANY},
    {"PUT", "/api/compliance/rules", xf_h_compliance_rules_put,
     .auth = XF_ROLE_BIT(XF_ROLE_ADMIN), .body = &xf_compliance_rules_put_body},

    /* points: rulebook, claims, ledger, leaderboards */
    {"GET", "/api/point-rules", xf_h_point_rules_list, .auth = ANY,
     .query = &xf_point_rules_list_query},
    {"POST", "/api/point-rules", xf_h_point_rules_create, .auth = OVERSEE,
     .body = &xf_point_rules_create_body},
    {"GET", "/api/point-rules/{id}", xf_h_point_rules_get, .auth = ANY},
    {"PATCH", "/api/point-rules/{id}", xf_h_point_rules_patch, .auth = OVERSEE,
     .body = &xf_point_rules_patch_body},
    {"GET", "/api/point-settings", xf_h_point_settings_get, .auth = ANY,
     .query = &xf_point_settings_get_query},
    {"PUT", "/api/point-settings", xf_h_point_settings_put,
     .auth = XF_ROLE_BIT(XF_ROLE_ADMIN), .body = &xf_point_settings_put_body},
    {"GET", "/api/claims", xf_h_claims_list, .auth = ANY,
     .query = &xf_claims_list_query},
    {"POST", "/api/claims", xf_h_claims_create, .auth = ANY,
     .body = &xf_claims_create_body},
    {"GET", "/api/claims/{id}", xf_h_claims_get, .auth = ANY},
    {"POST", "/api/claims/{id}/approve", xf_h_claims_approve, .auth = MANAGE,
     .body = &xf_claims_approve_body},
    {"POST", "/api/claims/{id}/reject", xf_h_claims_reject, .auth = MANAGE,
     .body = &xf_claims_reject_body},
    {"GET", "/api/ledger", xf_h_ledger_list, .auth = ANY,
     .query = &xf_ledger_list_query},
    {"POST", "/api/ledger", xf_h_ledger_create, .auth = MANAGE,
     .body = &xf_ledger_create_body},
    {"GET", "/api/ledger/{id}", xf_h_ledger_get, .auth = ANY},
    {"POST", "/api/ledger/{id}/reverse", xf_h_ledger_reverse, .auth = MANAGE,
     .body = &xf_ledger_reverse_body},
    {"GET", "/api/points/me", xf_h_points_me, .auth = ANY,
     .query = &xf_points_me_query},
    {"GET", "/api/leaderboards/members", xf_h_leaderboard_members, .auth = ANY,
     .query = &xf_leaderboard_members_query},
    {"GET", "/api/leaderboards/orgs", xf_h_leaderboard_orgs, .auth = ANY,
     .query = &xf_leaderboard_orgs_query},
    {"GET", "/api/point-notices", xf_h_point_notices_list, .auth = ANY,
     .query = &xf_point_notices_list_query},
    {"POST", "/api/point-notices", xf_h_point_notices_create, .auth = OVERSEE,
     .body = &xf_point_notices_create_body},
    {"GET", "/api/point-notices/{id}", xf_h_point_notices_get, .auth = ANY},
    {"GET", "/api/point-notices/{id}/objections", xf_h_point_objections_list,
     .auth = ANY, .query = &xf_point_objections_list_query},
    {"POST", "/api/point-notices/{id}/objections", xf_h_point_objections_create,
     .auth = ANY, .body = &xf_point_objections_create_body},
    {"POST", "/api/point-objections/{id}/answer", xf_h_point_objections_answer,
     .auth = OVERSEE, .body = &xf_point_objections_answer_body},
    /* 公示 of any subject: the same notices, objections and answers */
    {"GET", "/api/notices", xf_h_point_notices_list, .auth = ANY,
     .query = &xf_point_notices_list_query},
    {"POST", "/api/notices", xf_h_notices_create, .auth = OVERSEE,
     .body = &xf_notices_create_body},
    {"GET", "/api/notices/{id}", xf_h_point_notices_get, .auth = ANY},
    {"GET", "/api/notices/{id}/objections", xf_h_point_objections_list,
     .auth = ANY, .query = &xf_point_objections_list_query},
    {"POST", "/api/notices/{id}/objections", xf_h_point_objections_create,
     .auth = ANY, .body = &xf_point_objections_create_body},
    {"POST", "/api/objections/{id}/answer", xf_h_point_objections_answer,
     .auth = OVERSEE, .body = &xf_point_objections_answer_body},

    /* assessment: schemes, the index, star ratings */
    {"GET", "/api/schemes", xf_h_schemes_list, .auth = ANY,
     .query = &xf_schemes_list_query},
    {"POST", "/api/schemes", xf_h_schemes_create, .auth = OVERSEE,
     .body = &xf_schemes_create_body},
    {"GET", "/api/schemes/templates", xf_h_schemes_templates, .auth = ANY},
    {"GET", "/api/schemes/applicable", xf_h_schemes_applicable, .auth = ANY,
     .query = &xf_schemes_applicable_query},
    {"GET", "/api/schemes/{id}", xf_h_schemes_get, .auth = ANY},
    {"PATCH", "/api/schemes/{id}", xf_h_schemes_patch, .auth = OVERSEE,
     .body = &xf_schemes_patch_body},
    {"DELETE", "/api/schemes/{id}", xf_h_schemes_delete, .auth = OVERSEE},
    {"POST", "/api/schemes/{id}/publish", xf_h_schemes_publish, .auth = OVERSEE,
     .body = &xf_schemes_publish_body},
    {"POST", "/api/schemes/{id}/versions", xf_h_schemes_versions_create,
     .auth = OVERSEE},
    {"GET", "/api/assessments", xf_h_assessments_list, .auth = ANY,
     .query = &xf_assessments_list_query},
    {"GET", "/api/assessments.xlsx", xf_h_assessments_xlsx, .auth = ANY,
     .query = &xf_assessments_list_query},
    {"GET", "/api/assessments/{id}/{year}", xf_h_assessments_get, .auth = ANY},
    {"PUT", "/api/assessments/{id}/{year}/scores", xf_h_assessments_scores_put,
     .auth = OVERSEE, .body = &xf_assessments_scores_body},
    {"GET", "/api/star-ratings", xf_h_star_ratings_list, .auth = ANY,
     .query = &xf_star_ratings_list_query},
    {"POST", "/api/star-ratings", xf_h_star_ratings_create, .auth = MANAGE,
     .body = &xf_star_ratings_create_body},
    {"GET", "/api/star-ratings/summary", xf_h_star_ratings_summary, .auth = ANY,
     .query = &xf_star_ratings_summary_query},
    {"GET", "/api/star-ratings/{id}", xf_h_star_ratings_get, .auth = ANY},
    {"POST", "/api/star-ratings/{id}/review", xf_h_star_ratings_review,
     .auth = OVERSEE, .body = &xf_star_ratings_review_body},
    {"POST", "/api/star-ratings/{id}/decide", xf_h_star_ratings_decide,
     .auth = OVERSEE},

    /* review sessions (述职评议): the chair, its judges, the results */
    {"GET", "/api/reviews", xf_h_reviews_list, .auth = ANY,
     .query = &xf_reviews_list_query},
    {"POST", "/api/reviews", xf_h_reviews_create, .auth = OVERSEE,
     .body = &xf_reviews_create_body},
    {"GET", "/api/reviews/{id}", xf_h_reviews_get, .auth = ANY},
    {"POST", "/api/reviews/{id}/judges", xf_h_reviews_judges_add,
     .auth = OVERSEE, .body = &xf_reviews_judges_body},
    {"POST", "/api/reviews/{id}/presenters/{pid}/open",
     xf_h_reviews_presenter_open, .auth = OVERSEE},
    {"POST", "/api/reviews/{id}/presenters/{pid}/close",
     xf_h_reviews_presenter_close, .auth = OVERSEE,
     .body = &xf_reviews_presenter_close_body},
    {"PUT", "/api/reviews/{id}/presenters/{pid}/scores",
     xf_h_reviews_scores_put, .auth = ANY, .body = &xf_reviews_scores_body},
    {"GET", "/api/reviews/{id}/results", xf_h_reviews_results, .auth = ANY},
    {"GET", "/api/reviews/{id}/results.xlsx", xf_h_reviews_results_xlsx,
     .auth = ANY},
    {"GET", "/api/reviews/{id}/events", xf_h_reviews_events, .auth = ANY},
    {"POST", "/api/reviews/join", xf_h_reviews_join, .auth = XF_AUTH_PUBLIC,
     .body = &xf_reviews_join_body},
    {"GET", "/api/reviews/{id}/judges/{jid}/qr.svg", xf_h_reviews_judge_qr,
     .auth = OVERSEE},
    {"POST", "/api/reviews/{id}/close", xf_h_reviews_close, .auth = OVERSEE},

    /* plans and tasks: plans, tasks, milestones, duties */
    {"GET", "/api/tasks/reminders", xf_h_tasks_reminders, .auth = ANY,
     .query = &xf_tasks_reminders_query},
    {"GET", "/api/tasks/board", xf_h_tasks_board, .auth = ANY,
     .query = &xf_tasks_board_query},
    {"GET", "/api/tasks", xf_h_tasks_list, .auth = ANY,
     .query = &xf_tasks_list_query},
    {"POST", "/api/tasks", xf_h_tasks_create, .auth = MANAGE,
     .body = &xf_tasks_create_body},
    {"GET", "/api/tasks/{id}", xf_h_tasks_get, .auth = ANY},
    {"PATCH", "/api/tasks/{id}", xf_h_tasks_patch, .auth = MANAGE,
     .body = &xf_tasks_patch_body},
    {"DELETE", "/api/tasks/{id}", xf_h_tasks_delete, .auth = MANAGE},
    {"POST", "/api/tasks/{id}/cascade", xf_h_tasks_cascade, .auth = MANAGE,
     .body = &xf_tasks_cascade_body},
    {"GET", "/api/tasks/{id}/progress", xf_h_tasks_reports, .auth = ANY},
    {"POST", "/api/tasks/{id}/progress", xf_h_tasks_report, .auth = MANAGE,
     .body = &xf_tasks_report_body},
    {"POST", "/api/tasks/{id}/milestones", xf_h_milestones_create,
     .auth = MANAGE, .body = &xf_milestones_create_body},
    {"PATCH", "/api/tasks/{id}/milestones/{mid}", xf_h_milestones_patch,
     .auth = MANAGE, .body = &xf_milestones_patch_body},
    {"DELETE", "/api/tasks/{id}/milestones/{mid}", xf_h_milestones_delete,
     .auth = MANAGE},
    {"POST", "/api/tasks/{id}/acceptance", xf_h_tasks_accept, .auth = OVERSEE,
     .body = &xf_tasks_accept_body},
    {"GET", "/api/acceptance", xf_h_acceptance_summary, .auth = ANY,
     .query = &xf_tasks_board_query},
    {"GET", "/api/plans", xf_h_plans_list, .auth = ANY,
     .query = &xf_plans_list_query},
    {"POST", "/api/plans", xf_h_plans_create, .auth = MANAGE,
     .body = &xf_plans_create_body},
    {"GET", "/api/plans/{id}", xf_h_plans_get, .auth = ANY},
    {"PATCH", "/api/plans/{id}", xf_h_plans_patch, .auth = MANAGE,
     .body = &xf_plans_patch_body},
    {"DELETE", "/api/plans/{id}", xf_h_plans_delete, .auth = MANAGE},
    {"GET", "/api/duties", xf_h_duties_list, .auth = ANY,
     .query = &xf_duties_list_query},
    {"POST", "/api/duties", xf_h_duties_create, .auth = MANAGE,
     .body = &xf_duties_create_body},
    {"POST", "/api/duties/copy", xf_h_duties_copy, .auth = MANAGE,
     .body = &xf_duties_copy_body},
    {"GET", "/api/duties/{id}", xf_h_duties_get, .auth = ANY},
    {"PATCH", "/api/duties/{id}", xf_h_duties_patch, .auth = MANAGE,
     .body = &xf_duties_patch_body},
    {"DELETE", "/api/duties/{id}", xf_h_duties_delete, .auth = MANAGE},
    {"GET", "/api/duties/{id}/evidence", xf_h_duty_evidence_list, .auth = ANY,
     .query = &xf_duty_evidence_list_query},
    {"POST", "/api/duties/{id}/evidence", xf_h_duty_evidence_create,
     .auth = MANAGE, .body = &xf_duty_evidence_create_body},
    {"DELETE", "/api/duties/{id}/evidence/{eid}", xf_h_duty_evidence_delete,
     .auth = MANAGE},
    {"GET", "/api/duty-assignments", xf_h_duty_assignments_list, .auth = ANY,
     .query = &xf_duty_assignments_list_query},
    {"POST", "/api/duty-assignments", xf_h_duty_assignments_create,
     .auth = MANAGE, .body = &xf_duty_assignments_create_body},
    {"DELETE", "/api/duty-assignments/{id}", xf_h_duty_assignments_delete,
     .auth = MANAGE},
    {"GET", "/api/duty-reports", xf_h_duty_report, .auth = ANY,
     .query = &xf_duty_report_query},

    {"GET", "/api/case-calls", xf_h_case_calls_list, .auth = ANY,
     .query = &xf_case_calls_list_query},
    {"POST", "/api/case-calls", xf_h_case_calls_create, .auth = OVERSEE,
     .body = &xf_case_calls_create_body},
    {"GET", "/api/case-calls/{id}", xf_h_case_calls_get, .auth = ANY},
    {"POST", "/api/case-calls/{id}/close", xf_h_case_calls_close,
     .auth = OVERSEE},
    {"GET", "/api/case-calls/{id}/submissions",
     xf_h_case_calls_submissions_list, .auth = ANY},
    {"POST", "/api/case-calls/{id}/submissions",
     xf_h_case_calls_submissions_create, .auth = MANAGE,
     .body = &xf_case_submissions_create_body},
    {"GET", "/api/case-calls/{id}/assignments", xf_h_case_calls_assignments,
     .auth = ANY},
    {"POST", "/api/case-calls/{id}/select", xf_h_case_calls_select,
     .auth = OVERSEE},
    {"POST", "/api/case-calls/{id}/publish", xf_h_case_calls_publish,
     .auth = OVERSEE, .body = &xf_case_calls_publish_body},
    {"POST", "/api/case-calls/{id}/decide", xf_h_case_calls_decide,
     .auth = OVERSEE, .body = &xf_case_calls_decide_body},
    {"GET", "/api/case-submissions/{id}", xf_h_case_submissions_get,
     .auth = ANY},
    {"PATCH", "/api/case-submissions/{id}", xf_h_case_submissions_patch,
     .auth = MANAGE, .body = &xf_case_submissions_patch_body},
    {"DELETE", "/api/case-submissions/{id}", xf_h_case_submissions_delete,
     .auth = MANAGE},
    {"PUT", "/api/case-submissions/{id}/scores", xf_h_case_submissions_scores,
     .auth = ANY, .body = &xf_case_submissions_scores_body},
    {"GET", "/api/case-submissions/{id}/attachments",
     xf_h_case_attachments_list, .auth = ANY},
    {"POST", "/api/case-submissions/{id}/attachments",
     xf_h_case_attachments_upload, .auth = MANAGE,
     .max_body = XF_FILE_MAX_BYTES},
    {"GET", "/api/cases", xf_h_cases_list, .auth = ANY,
     .query = &xf_cases_list_query},
    {"GET", "/api/cases/{id}", xf_h_cases_get, .auth = ANY},

    {"GET", "/api/lectures", xf_h_lectures_list, .auth = ANY,
     .query = &xf_lectures_list_query},
    {"POST", "/api/lectures", xf_h_lectures_create, .auth = MANAGE,
     .body = &xf_lectures_create_body},
    {"GET", "/api/lectures/{id}", xf_h_lectures_get, .auth = ANY},
    {"PATCH", "/api/lectures/{id}", xf_h_lectures_patch, .auth = MANAGE,
     .body = &xf_lectures_patch_body},
    {"DELETE", "/api/lectures/{id}", xf_h_lectures_delete, .auth = MANAGE},
    {"POST", "/api/lectures/{id}/nominate", xf_h_lectures_nominate,
     .auth = MANAGE, .body = &xf_lectures_nominate_body},
    {"GET", "/api/lectures/{id}/attachments", xf_h_lecture_attachments_list,
     .auth = ANY},
    {"POST", "/api/lectures/{id}/attachments", xf_h_lecture_attachments_upload,
     .auth = MANAGE, .max_body = XF_FILE_MAX_BYTES},
    {"GET", "/api/campaigns", xf_h_campaigns_list, .auth = ANY,
     .query = &xf_campaigns_list_query},
    {"POST", "/api/campaigns", xf_h_campaigns_create, .auth = OVERSEE,
     .body = &xf_campaigns_create_body},
    {"GET", "/api/campaigns/{id}", xf_h_campaigns_get, .auth = ANY},
    {"POST", "/api/campaigns/{id}/reports", xf_h_campaigns_report,
     .auth = MANAGE, .body = &xf_campaigns_report_body},
    {"PUT", "/api/campaigns/{id}/reports/{rid}/rating", xf_h_campaigns_rate,
     .auth = OVERSEE, .body = &xf_campaigns_rate_body},
    {"GET", "/api/campaigns/{id}/ranking", xf_h_campaigns_ranking, .auth = ANY},
    {"GET", "/api/campaigns/{id}/ranking.xlsx", xf_h_campaigns_ranking_xlsx,
     .auth = ANY},
    {"POST", "/api/campaigns/{id}/close", xf_h_campaigns_close, .auth = OVERSEE,
     .body = &xf_campaigns_close_body},
    {"GET", "/api/campaign-reports/{id}/attachments",
     xf_h_campaign_report_attachments_list, .auth = ANY},
    {"POST", "/api/campaign-reports/{id}/attachments",
     xf_h_campaign_report_attachments_upload, .auth = MANAGE,
     .max_body = XF_FILE_MAX_BYTES},

    {"GET", "/api/honors", xf_h_honors_list, .auth = ANY,
     .query = &xf_honors_list_query},
    {"POST", "/api/honors", xf_h_honors_create, .auth = OVERSEE,
     .body = &xf_honors_create_body},
    {"GET", "/api/honors/summary", xf_h_honors_summary, .auth = ANY,
     .query = &xf_honors_summary_query},
    {"GET", "/api/honors/summary.xlsx", xf_h_honors_summary_xlsx, .auth = ANY,
     .query = &xf_honors_summary_query},
    {"GET", "/api/honors/{id}", xf_h_honors_get, .auth = ANY},
    {"PATCH", "/api/honors/{id}", xf_h_honors_patch, .auth = OVERSEE,
     .body = &xf_honors_patch_body},
    {"DELETE", "/api/honors/{id}", xf_h_honors_delete, .auth = OVERSEE},
    {"GET", "/api/brands", xf_h_brands_list, .auth = ANY,
     .query = &xf_brands_list_query},
    {"POST", "/api/brands", xf_h_brands_create, .auth = MANAGE,
     .body = &xf_brands_create_body},
    {"GET", "/api/brands/{id}", xf_h_brands_get, .auth = ANY},
    {"PATCH", "/api/brands/{id}", xf_h_brands_patch, .auth = MANAGE,
     .body = &xf_brands_patch_body},
    {"DELETE", "/api/brands/{id}", xf_h_brands_delete, .auth = MANAGE},

    {"PUT", "/api/brands/{id}/reviews/{year}", xf_h_brands_review,
     .auth = OVERSEE, .body = &xf_brands_review_body},
    /* generated reports: the year's report as PDF or Word */
    {"GET", "/api/reports/annual", xf_h_reports_annual, .auth = MANAGE,
     .query = &xf_reports_annual_query},
    /* the inbox (待办) */
    {"GET", "/api/inbox", xf_h_inbox, .auth = ANY},
    {"GET", "/api/inbox/count", xf_h_inbox_count, .auth = ANY},
    /* exports of list pages: each list's own query table, all its rows */
    {"GET", "/api/members.xlsx", xf_h_members_xlsx, .auth = ANY,
     .query = &xf_members_list_query},
    {"GET", "/api/meetings.xlsx", xf_h_meetings_xlsx, .auth = ANY,
     .query = &xf_meetings_list_query},
    {"GET", "/api/compliance/board.xlsx", xf_h_compliance_board_xlsx,
     .auth = ANY, .query = &xf_compliance_query},
    {"GET", "/api/leaderboards/members.xlsx", xf_h_leaderboard_members_xlsx,
     .auth = ANY, .query = &xf_leaderboard_members_query},
    {"GET", "/api/leaderboards/orgs.xlsx", xf_h_leaderboard_orgs_xlsx,
     .auth = ANY, .query = &xf_leaderboard_orgs_query},
    {"GET", "/api/tasks.xlsx", xf_h_tasks_xlsx, .auth = ANY,
     .query = &xf_tasks_list_query},
    {"GET", "/api/tasks/board.xlsx", xf_h_tasks_board_xlsx, .auth = ANY,
     .query = &xf_tasks_board_query},
    {"GET", "/api/duties.xlsx", xf_h_duties_xlsx, .auth = ANY,
     .query = &xf_duties_list_query},
    {"GET", "/api/duty-assignments.xlsx", xf_h_duty_assignments_xlsx,
     .auth = ANY, .query = &xf_duty_assignments_list_query},
    {"GET", "/api/audit.xlsx", xf_h_audit_xlsx, .auth = OVERSEE,
     .query = &xf_audit_list_query},
    /* the cockpit (驾驶舱) and the live events of the walls (大屏) */
    {"GET", "/api/cockpit", xf_h_cockpit, .auth = ANY,
     .query = &xf_cockpit_query},
    {"GET", "/api/cockpit/events", xf_h_cockpit_events, .auth = ANY,
     .query = &xf_cockpit_query},

    /* creation programs (创建评选) and their applications */
    {"GET", "/api/programs", xf_h_programs_list, .auth = ANY,
     .query = &xf_programs_list_query},
    {"POST", "/api/programs", xf_h_programs_create, .auth = OVERSEE,
     .body = &xf_programs_create_body},
    {"GET", "/api/programs/{id}", xf_h_programs_get, .auth = ANY},
    {"GET", "/api/programs/{id}/applications", xf_h_programs_applications,
     .auth = ANY, .query = &xf_programs_applications_query},
    {"POST", "/api/programs/{id}/applications", xf_h_programs_apply,
     .auth = MANAGE, .body = &xf_programs_apply_body},
    {"POST", "/api/programs/{id}/publish", xf_h_programs_publish,
     .auth = OVERSEE, .body = &xf_programs_publish_body},
    {"POST", "/api/programs/{id}/decide", xf_h_programs_decide, .auth = OVERSEE,
     .body = &xf_programs_decide_body},
    {"DELETE", "/api/programs/{id}/decision", xf_h_programs_undecide,
     .auth = OVERSEE},
    {"GET", "/api/program-applications", xf_h_program_apps_list, .auth = ANY,
     .query = &xf_program_apps_list_query},
    {"GET", "/api/program-applications/{id}", xf_h_program_apps_get,
     .auth = ANY},
    {"PUT", "/api/program-applications/{id}/items/{code}",
     xf_h_program_apps_item, .auth = MANAGE,
     .body = &xf_program_apps_item_body},
    {"POST", "/api/program-applications/{id}/submit", xf_h_program_apps_submit,
     .auth = MANAGE},
    {"POST", "/api/program-applications/{id}/withdraw",
     xf_h_program_apps_withdraw, .auth = MANAGE},
    {"PUT", "/api/program-applications/{id}/review", xf_h_program_apps_review,
     .auth = OVERSEE, .body = &xf_program_apps_review_body},
    {"GET", "/api/program-applications/{id}/attachments",
     xf_h_application_attachments_list, .auth = ANY},
    {"POST", "/api/program-applications/{id}/attachments",
     xf_h_application_attachments_upload, .auth = MANAGE,
     .max_body = XF_FILE_MAX_BYTES},
    /* activities (机关文化、普惠服务) with sign-ups and a waiting list */
    {"GET", "/api/activities", xf_h_activities_list, .auth = ANY,
     .query = &xf_activities_list_query},
    {"POST", "/api/activities", xf_h_activities_create, .auth = MANAGE,
     .body = &xf_activities_create_body},
    {"GET", "/api/activities/stats", xf_h_activities_stats, .auth = ANY,
     .query = &xf_activities_stats_query},
    {"GET", "/api/activities/{id}", xf_h_activities_get, .auth = ANY},
    {"POST", "/api/activities/{id}/signups", xf_h_activities_sign_up,
     .auth = ANY},
    {"DELETE", "/api/activities/{id}/signups/me", xf_h_activities_cancel,
     .auth = ANY},
    {"GET", "/api/activities/{id}/signups", xf_h_activities_signups,
     .auth = ANY},
    {"PUT", "/api/activities/{id}/attendance", xf_h_activities_attendance,
     .auth = MANAGE, .body = &xf_activities_attendance_body},

    /* 四必访: kinds, triggers, the due list, visit records, coverage */
    {"GET", "/api/visits/kinds", xf_h_visit_kinds_list, .auth = MANAGE},
    {"POST", "/api/visits/kinds", xf_h_visit_kinds_create, .auth = OVERSEE,
     .body = &xf_visit_kinds_create_body},
    {"POST", "/api/visits/triggers", xf_h_visit_triggers_create, .auth = MANAGE,
     .body = &xf_visit_triggers_create_body},
    {"GET", "/api/visits/due", xf_h_visits_due, .auth = MANAGE,
     .query = &xf_visits_due_query},
    {"POST", "/api/visits", xf_h_visits_create, .auth = MANAGE,
     .body = &xf_visits_create_body},
    {"GET", "/api/visits", xf_h_visits_list, .auth = MANAGE,
     .query = &xf_visits_list_query},
    {"GET", "/api/visits/coverage", xf_h_visits_coverage, .auth = MANAGE,
     .query = &xf_visits_coverage_query},
    /* 发展党员: recruits, their steps, the due list, their files */
    {"POST", "/api/recruits", xf_h_recruits_create, .auth = MANAGE,
     .body = &xf_recruits_create_body},
    {"GET", "/api/recruits", xf_h_recruits_list, .auth = MANAGE,
     .query = &xf_recruits_list_query},
    {"GET", "/api/recruits/due", xf_h_recruits_due, .auth = MANAGE,
     .query = &xf_recruits_due_query},
    {"GET", "/api/recruits/{id}", xf_h_recruits_get, .auth = MANAGE},
    {"POST", "/api/recruits/{id}/steps", xf_h_recruit_steps_create,
     .auth = MANAGE, .body = &xf_recruit_steps_create_body},
    {"GET", "/api/recruits/{id}/attachments", xf_h_recruit_attachments_list,
     .auth = MANAGE},
    {"POST", "/api/recruits/{id}/attachments", xf_h_recruit_attachments_upload,
     .auth = MANAGE, .max_body = XF_FILE_MAX_BYTES},
    /* the practice guide (实务指南): read by every user, written by the
     * admin and the committee */
    {"GET", "/api/guide/articles", xf_h_guide_list, .auth = ANY,
     .query = &xf_guide_list_query},
    {"POST", "/api/guide/articles", xf_h_guide_create, .auth = OVERSEE,
     .body = &xf_guide_create_body},
    {"GET", "/api/guide/articles/{id}", xf_h_guide_get, .auth = ANY},
    {"PATCH", "/api/guide/articles/{id}", xf_h_guide_patch, .auth = OVERSEE,
     .body = &xf_guide_patch_body},
    {"DELETE", "/api/guide/articles/{id}", xf_h_guide_delete, .auth = OVERSEE},
    {"GET", "/api/guide/articles/{id}/versions", xf_h_guide_versions,
     .auth = ANY},
    {"GET", "/api/guide/search", xf_h_guide_search, .auth = ANY,
     .query = &xf_guide_search_query},
    /* 党费: bases, payments, the grid, the unpaid list, totals; a member's
     * own year */
    {"PUT", "/api/dues/base", xf_h_dues_base_put, .auth = MANAGE,
     .body = &xf_dues_base_body},
    {"POST", "/api/dues/payments", xf_h_dues_pay, .auth = MANAGE,
     .body = &xf_dues_pay_body},
    {"GET", "/api/dues", xf_h_dues_grid, .auth = MANAGE,
     .query = &xf_dues_grid_query},
    {"GET", "/api/dues.xlsx", xf_h_dues_grid_xlsx, .auth = MANAGE,
     .query = &xf_dues_grid_query},
    {"GET", "/api/dues/unpaid", xf_h_dues_unpaid, .auth = MANAGE,
     .query = &xf_dues_unpaid_query},
    {"GET", "/api/dues/totals", xf_h_dues_totals, .auth = MANAGE,
     .query = &xf_dues_totals_query},
    {"GET", "/api/dues/totals.xlsx", xf_h_dues_totals_xlsx, .auth = MANAGE,
     .query = &xf_dues_totals_query},
    {"GET", "/api/me/dues", xf_h_dues_mine, .auth = ANY,
     .query = &xf_dues_mine_query},
    /* clusters that work (片区: name, lead by year) and joint projects
     * (党建联建项目) with the central-work tags the admin keeps */
    {"PUT", "/api/clusters/{id}", xf_h_clusters_put, .auth = OVERSEE,
     .body = &xf_clusters_put_body},
    {"DELETE", "/api/clusters/{id}", xf_h_clusters_delete, .auth = OVERSEE},
    {"PUT", "/api/clusters/{id}/leads/{year}", xf_h_clusters_lead,
     .auth = OVERSEE, .body = &xf_clusters_lead_body},
    {"GET", "/api/joint-projects", xf_h_joint_projects_list, .auth = ANY,
     .query = &xf_joint_projects_list_query},
    {"GET", "/api/joint-projects.xlsx", xf_h_joint_projects_xlsx, .auth = ANY,
     .query = &xf_joint_projects_list_query},
    {"POST", "/api/joint-projects", xf_h_joint_projects_create, .auth = MANAGE,
     .body = &xf_joint_projects_create_body},
    {"GET", "/api/joint-projects/{id}", xf_h_joint_projects_get, .auth = ANY},
    {"PATCH", "/api/joint-projects/{id}", xf_h_joint_projects_patch,
     .auth = MANAGE, .body = &xf_joint_projects_patch_body},
    {"DELETE", "/api/joint-projects/{id}", xf_h_joint_projects_delete,
     .auth = MANAGE},
    {"PUT", "/api/joint-projects/{id}/reviews/{year}",
     xf_h_joint_projects_review, .auth = OVERSEE,
     .body = &xf_joint_projects_review_body},
    {"GET", "/api/joint-projects/{id}/attachments",
     xf_h_joint_project_attachments_list, .auth = ANY},
    {"POST", "/api/joint-projects/{id}/attachments",
     xf_h_joint_project_attachments_upload, .auth = MANAGE,
     .max_body = XF_FILE_MAX_BYTES},
    {"GET", "/api/central-work-tags", xf_h_cw_tags_list, .auth = ANY},
    {"POST", "/api/central-work-tags", xf_h_cw_tags_create,
     .auth = XF_ROLE_BIT(XF_ROLE_ADMIN), .body = &xf_cw_tags_create_body},
    {"PATCH", "/api/central-work-tags/{id}", xf_h_cw_tags_patch,
     .auth = XF_ROLE_BIT(XF_ROLE_ADMIN), .body = &xf_cw_tags_patch_body},
    {"DELETE", "/api/central-work-tags/{id}", xf_h_cw_tags_delete,
     .auth = XF_ROLE_BIT(XF_ROLE_ADMIN)},
    /* 换届: elections of committees, their approval, the board */
    {"POST", "/api/orgs/{id}/terms", xf_h_org_terms_create, .auth = MANAGE,
     .body = &xf_org_terms_create_body},
    {"GET", "/api/orgs/{id}/terms", xf_h_org_terms_list, .auth = ANY},
    {"GET", "/api/terms/due", xf_h_terms_due, .auth = MANAGE,
     .query = &xf_terms_due_query},
    {"GET", "/api/terms/{id}", xf_h_terms_get, .auth = ANY},
    {"POST", "/api/terms/{id}/approve", xf_h_terms_approve, .auth = MANAGE,
     .body = &xf_terms_approve_body},
    /* 组织关系转接: transfers within the tree, out and in, their steps */
    {"POST", "/api/transfers", xf_h_transfers_create, .auth = MANAGE,
     .body = &xf_transfers_create_body},
    {"GET", "/api/transfers", xf_h_transfers_list, .auth = MANAGE,
     .query = &xf_transfers_list_query},
    {"GET", "/api/transfers/{id}", xf_h_transfers_get, .auth = MANAGE},
    {"POST", "/api/transfers/{id}/approve", xf_h_transfers_approve,
     .auth = MANAGE, .body = &xf_transfers_step_body},
    {"POST", "/api/transfers/{id}/reject", xf_h_transfers_reject,
     .auth = MANAGE, .body = &xf_transfers_step_body},
    {"POST", "/api/transfers/{id}/arrive", xf_h_transfers_arrive,
     .auth = MANAGE, .body = &xf_transfers_arrive_body},
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
