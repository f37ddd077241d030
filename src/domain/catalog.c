/*
 * catalog.c - the table of catalogues (catalog.h). The codes and labels
 * themselves live next to the rules that use them.
 */
#include "domain/catalog.h"

#include "domain/activities.h"
#include "domain/assessment.h"
#include "domain/audit.h"
#include "domain/campaigns.h"
#include "domain/cases.h"
#include "domain/compliance.h"
#include "domain/dues.h"
#include "domain/duties.h"
#include "domain/honors.h"
#include "domain/inbox.h"
#include "domain/joint_projects.h"
#include "domain/lectures.h"
#include "domain/members.h"
#include "domain/orgs.h"
#include "domain/points.h"
#include "domain/programs.h"
#include "domain/recruit.h"
#include "domain/reviews.h"
#include "domain/scope.h"
#include "domain/tasks.h"
#include "domain/terms.h"
#include "domain/transfers.h"
#include "domain/visits.h"

#include <stddef.h>

const xf_catalogue xf_catalogues[] = {
    {"roles", xf_roles, NULL},
    {"org_kinds", xf_org_kinds, NULL},
    {"org_levels", xf_org_levels, NULL},
    {"member_statuses", xf_member_statuses, NULL},
    {"genders", xf_genders, NULL},
    {"meeting_kinds", xf_meeting_kinds, NULL},
    {"meeting_frequencies", xf_meeting_frequencies, NULL},
    {"attendance_statuses", xf_attendance_statuses, NULL},
    {"compliance_statuses", xf_compliance_statuses, NULL},
    {"task_statuses", xf_task_statuses, NULL},
    {"milestone_statuses", xf_milestone_statuses, NULL},
    {"task_evidence_kinds", xf_task_evidence_kinds, NULL},
    {"duty_levels", xf_org_kinds, xf_duty_level_valid},
    {"duty_posts", xf_duty_posts, NULL},
    {"duty_evidence_kinds", xf_duty_evidence_kinds, NULL},
    {"point_categories", xf_point_categories, NULL},
    {"point_subjects", xf_point_subjects, NULL},
    {"point_cap_periods", xf_point_cap_periods, NULL},
    {"point_approvers", xf_roles, xf_points_approver_valid},
    {"claim_statuses", xf_claim_statuses, NULL},
    {"ledger_sources", xf_ledger_sources, NULL},
    {"notice_kinds", xf_point_notice_kinds, NULL},
    {"notice_states", xf_point_notice_states, NULL},
    {"objection_statuses", xf_point_objection_statuses, NULL},
    {"point_record_kinds", xf_point_record_kinds, NULL},
    {"notice_subjects", xf_notice_subjects, NULL},
    {"indicator_kinds", xf_indicator_kinds, NULL},
    {"assessment_sources", xf_assessment_sources, NULL},
    {"star_rating_states", xf_star_rating_states, NULL},
    {"review_methods", xf_review_methods, NULL},
    {"review_grades", xf_review_grades, NULL},
    {"scheme_states", xf_scheme_states, NULL},
    {"indicator_no_data", xf_indicator_no_data, NULL},
    {"assessment_record_kinds", xf_assessment_record_kinds, NULL},
    {"honor_categories", xf_honor_categories, NULL},
    {"honor_levels", xf_honor_levels, NULL},
    {"honor_grades", xf_honor_grades, NULL},
    {"honor_sources", xf_honor_sources, NULL},
    {"brand_grades", xf_brand_grades, NULL},
    {"case_stages", xf_case_stages, NULL},
    {"program_kinds", xf_program_kinds, NULL},
    {"program_app_states", xf_program_app_states, NULL},
    {"program_verdicts", xf_program_verdicts, NULL},
    {"program_conclusions", xf_program_conclusions, NULL},
    {"program_evidence_kinds", xf_program_evidence_kinds, NULL},
    {"visit_kinds", xf_visit_kinds, NULL},
    {"visit_owners", xf_visit_owners, NULL},
    {"recruit_stages", xf_recruit_stages, NULL},
    {"recruit_steps", xf_recruit_steps, NULL},
    {"recruit_phases", xf_recruit_phases, NULL},
    {"audit_actions", xf_audit_actions, NULL},
    {"audit_entities", xf_audit_entities, NULL},
    {"inbox_kinds", xf_inbox_kinds, NULL},
    {"activity_kinds", xf_activity_kinds, NULL},
    {"dues_categories", xf_dues_categories, NULL},
    {"joint_project_statuses", xf_joint_project_statuses, NULL},
    {"term_positions", xf_term_positions, NULL},
    {"term_states", xf_term_states, NULL},
    {"transfer_kinds", xf_transfer_kinds, NULL},
    {"transfer_states", xf_transfer_states, NULL},
    {"lecture_kinds", xf_lecture_kinds, NULL},
    {"campaign_statuses", xf_campaign_statuses, NULL},
    {"campaign_item_kinds", xf_campaign_item_kinds, NULL},
    {NULL, NULL, NULL},
};
