/*
 * snapshot.h (service) - the before and after of an audited write: each
 * entity in its one JSON form (model/), so the audit log shows an entity
 * the way the API does. Personal data is shown unmasked: the audit log
 * is read only by those who may see it (service/audit.h).
 *
 * Each returns the JSON text allocated in a (it lives as long as a), or
 * NULL when out of memory.
 */
#ifndef XF_SERVICE_SNAPSHOT_H
#define XF_SERVICE_SNAPSHOT_H

#include "base/arena.h"
#include "base/date.h"
#include "model/activity.h"
#include "model/assessment.h"
#include "model/case.h"
#include "model/dues.h"
#include "model/duty.h"
#include "model/honor.h"
#include "model/joint_project.h"
#include "model/lecture.h"
#include "model/meeting.h"
#include "model/member.h"
#include "model/org.h"
#include "model/plan.h"
#include "model/point.h"
#include "model/point_notice.h"
#include "model/program.h"
#include "model/recruit.h"
#include "model/scheme.h"
#include "model/task.h"
#include "model/term.h"
#include "model/user.h"
#include "model/visit.h"

char *xf_snap_org(xf_arena *a, const xf_org *o);
char *xf_snap_member(xf_arena *a, const xf_member *m);
char *xf_snap_user(xf_arena *a, const xf_user *u);
char *xf_snap_cluster(xf_arena *a, const xf_cluster *c);
char *xf_snap_joint_project(xf_arena *a, const xf_joint_project *p);
char *xf_snap_cw_tag(xf_arena *a, const xf_cw_tag *t);
char *xf_snap_jp_review(xf_arena *a, const xf_jp_review *v);

char *xf_snap_meeting(xf_arena *a, const xf_meeting *m);
char *xf_snap_measure(xf_arena *a, const xf_measure *m);
char *xf_snap_talk(xf_arena *a, const xf_talk *t);

char *xf_snap_point_rule(xf_arena *a, const xf_point_rule *r);
char *xf_snap_point_claim(xf_arena *a, const xf_point_claim *c);
char *xf_snap_point_entry(xf_arena *a, const xf_point_entry *e);
/* A notice without its rows, in state (xf_point_notice_state). */
char *xf_snap_point_notice(xf_arena *a, const xf_point_notice *n,
                           const char *state);
char *xf_snap_point_objection(xf_arena *a, const xf_point_objection *o);

/* today decides the statuses shown. */
char *xf_snap_task(xf_arena *a, const xf_task *t, xf_date today);
char *xf_snap_milestone(xf_arena *a, const xf_milestone *m, xf_date today);
char *xf_snap_progress(xf_arena *a, const xf_progress *p);
char *xf_snap_acceptance(xf_arena *a, const xf_acceptance *x, const xf_task *t);
char *xf_snap_honor(xf_arena *a, const xf_honor *h);
char *xf_snap_case_call(xf_arena *a, const xf_case_call *k);
char *xf_snap_case_submission(xf_arena *a, const xf_case_submission *sub);
char *xf_snap_program(xf_arena *a, const xf_program *p);
char *xf_snap_program_application(xf_arena *a, const xf_program_application *v);
char *xf_snap_brand(xf_arena *a, const xf_brand *b);
char *xf_snap_brand_review(xf_arena *a, const xf_brand_review *v);

char *xf_snap_plan(xf_arena *a, const xf_plan *p);

char *xf_snap_duty(xf_arena *a, const xf_duty *d);
char *xf_snap_duty_assignment(xf_arena *a, const xf_duty_assignment *as);
char *xf_snap_duty_evidence(xf_arena *a, const xf_duty_evidence *e);

/* A scheme with its indicators; a star rating. */
char *xf_snap_scheme(xf_arena *a, const xf_scheme *s);
char *xf_snap_star_rating(xf_arena *a, const xf_star_rating *r);
char *xf_snap_assessment_score(xf_arena *a, const xf_assessment_score *sc);

/* An activity; a sign-up to it. */
char *xf_snap_activity(xf_arena *a, const xf_activity *v);
char *xf_snap_activity_signup(xf_arena *a, const xf_activity_signup *v);
/* A lecture (党课). */
char *xf_snap_lecture(xf_arena *a, const xf_lecture *v);
/* 四必访: a trigger; a visit without its personal notes ("notes": null). */
char *xf_snap_visit_trigger(xf_arena *a, const xf_visit_trigger *t);
char *xf_snap_visit(xf_arena *a, const xf_visit *v);
char *xf_snap_visit_kind(xf_arena *a, const xf_visit_kind *k);
/* 发展党员: a recruit (personal data masked), a recorded step. */
char *xf_snap_recruit(xf_arena *a, const xf_recruit *r);
char *xf_snap_recruit_entry(xf_arena *a, const xf_recruit_entry *e);
/* 党费: a base; the months of one payment (an array). */
char *xf_snap_dues_base(xf_arena *a, const xf_dues_base *base);
char *xf_snap_dues_payments(xf_arena *a, const xf_dues_payment *p, int n);
/* 换届: a term with its positions. */
char *xf_snap_term(xf_arena *a, const xf_term *t);

#endif
