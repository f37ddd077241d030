/*
 * snapshot.c (service) - audit snapshots: an entity's JSON form written
 * into a buffer and copied into the arena.
 */
#include "service/snapshot.h"

#include "base/date.h"
#include "domain/duties.h"
#include "service/attendance.h"
#include "service/measures.h"
#include "service/meetings.h"
#include "service/schemes.h"
#include "service/talks.h"
#include "service/tasks.h"

#include <string.h>

/* Writes through call (onto w) and returns the text in a. */
#define SNAP(a, call)                                                          \
	do {                                                                   \
		xf_buf b;                                                      \
		xf_buf_init(&b, 1 << 20);                                      \
		xf_jw w;                                                       \
		xf_jw_init(&w, &b);                                            \
		call;                                                          \
		char *s =                                                      \
		    b.failed ? NULL : xf_arena_strndup(a, b.data, b.len);      \
		xf_buf_free(&b);                                               \
		return s;                                                      \
	} while (0)

/* Defines xf_snap_NAME for an entity whose writer, xf_NAME_json, takes the
 * entity alone. */
#define SNAP_OF(name)                                                          \
	char *xf_snap_##name(xf_arena *a, const xf_##name *v)                  \
	{                                                                      \
		SNAP(a, xf_##name##_json(&w, v));                              \
	}

SNAP_OF(org)
SNAP_OF(user)
SNAP_OF(cluster)
SNAP_OF(joint_project)
SNAP_OF(cw_tag)
SNAP_OF(jp_review)
SNAP_OF(measure)
SNAP_OF(talk)
SNAP_OF(point_claim)
SNAP_OF(point_entry)
SNAP_OF(point_objection)
SNAP_OF(progress)
SNAP_OF(program)
SNAP_OF(program_application)
SNAP_OF(activity)
SNAP_OF(activity_signup)
SNAP_OF(lecture)

char *xf_snap_member(xf_arena *a, const xf_member *m)
{
	SNAP(a, xf_member_json(&w, m, 0)); /* masked: no clear PII at rest */
}

char *xf_snap_meeting(xf_arena *a, const xf_meeting *m)
{
	xf_meeting_facts f = xf_meeting_facts_of(m);
	SNAP(a, xf_meeting_json(&w, m, &f, NULL, 0));
}

char *xf_snap_point_rule(xf_arena *a, const xf_point_rule *r)
{
	SNAP(a, xf_point_rule_json(&w, r, 0));
}

char *xf_snap_point_notice(xf_arena *a, const xf_point_notice *n,
                           const char *state)
{
	SNAP(a, xf_point_notice_json(&w, n, state, 0, NULL, 0));
}

char *xf_snap_honor(xf_arena *a, const xf_honor *h)
{
	SNAP(a, (xf_honor_json_open(&w, h), xf_jw_obj_end(&w)));
}

char *xf_snap_case_call(xf_arena *a, const xf_case_call *k)
{
	SNAP(a, xf_case_call_json(&w, k));
}

char *xf_snap_case_submission(xf_arena *a, const xf_case_submission *sub)
{
	SNAP(a, xf_case_submission_json(&w, sub, 1));
}

char *xf_snap_brand(xf_arena *a, const xf_brand *br)
{
	SNAP(a, (xf_brand_json_open(&w, br), xf_jw_obj_end(&w)));
}

char *xf_snap_brand_review(xf_arena *a, const xf_brand_review *v)
{
	SNAP(a, (xf_brand_review_json_open(&w, v), xf_jw_obj_end(&w)));
}

char *xf_snap_plan(xf_arena *a, const xf_plan *p)
{
	SNAP(a, (xf_plan_json_open(&w, p), xf_jw_obj_end(&w)));
}

char *xf_snap_task(xf_arena *a, const xf_task *t, xf_date today)
{
	xf_task_facts f = xf_task_facts_on(t, today);
	SNAP(a, xf_task_json(&w, t, &f));
}

char *xf_snap_milestone(xf_arena *a, const xf_milestone *m, xf_date today)
{
	xf_milestone_facts f = xf_milestone_facts_on(m, today);
	SNAP(a, xf_milestone_json(&w, m, &f));
}

char *xf_snap_acceptance(xf_arena *a, const xf_acceptance *x, const xf_task *t)
{
	int on_time = t->done_on ? xf_task_done_on_time(t) : 0;
	SNAP(a, xf_acceptance_json(&w, x, t, on_time));
}

char *xf_snap_duty(xf_arena *a, const xf_duty *d)
{
	SNAP(a, (xf_duty_json_open(&w, d, xf_duty_level_title(d->level),
	                           xf_duty_post_title(d->post)),
	         xf_jw_obj_end(&w)));
}

char *xf_snap_duty_assignment(xf_arena *a, const xf_duty_assignment *as)
{
	SNAP(a, (xf_duty_assignment_json_open(&w, as,
	                                      xf_duty_level_title(as->org_kind),
	                                      xf_duty_post_title(as->post)),
	         xf_jw_obj_end(&w)));
}

char *xf_snap_duty_evidence(xf_arena *a, const xf_duty_evidence *e)
{
	SNAP(a, xf_duty_evidence_json(&w, e, xf_duty_evidence_title(e->kind)));
}

char *xf_snap_scheme(xf_arena *a, const xf_scheme *scheme)
{
	SNAP(a, xf_scheme_write(&w, scheme));
}

char *xf_snap_star_rating(xf_arena *a, const xf_star_rating *r)
{
	SNAP(a, xf_star_rating_json(&w, r));
}

char *xf_snap_assessment_score(xf_arena *a, const xf_assessment_score *sc)
{
	SNAP(a, xf_assessment_score_json(&w, sc));
}

char *xf_snap_visit_trigger(xf_arena *a, const xf_visit_trigger *t)
{
	SNAP(a, xf_visit_trigger_json(&w, t));
}

char *xf_snap_visit(xf_arena *a, const xf_visit *v)
{
	SNAP(a, xf_visit_json(&w, v, 0));
}

char *xf_snap_visit_kind(xf_arena *a, const xf_visit_kind *k)
{
	SNAP(a, xf_visit_kind_json(&w, k));
}

char *xf_snap_recruit(xf_arena *a, const xf_recruit *r)
{
	SNAP(a, xf_recruit_json(&w, r, 0));
}

char *xf_snap_recruit_entry(xf_arena *a, const xf_recruit_entry *e)
{
	SNAP(a, xf_recruit_entry_json(&w, e));
}

char *xf_snap_dues_base(xf_arena *a, const xf_dues_base *base)
{
	SNAP(a, xf_dues_base_json(&w, base));
}

static void dues_payments_json(xf_jw *w, const xf_dues_payment *p, int n)
{
	xf_jw_arr(w);
	for (int i = 0; i < n; i++)
		xf_dues_payment_json(w, &p[i]);
	xf_jw_arr_end(w);
}

char *xf_snap_dues_payments(xf_arena *a, const xf_dues_payment *p, int n)
{
	SNAP(a, dues_payments_json(&w, p, n));
}

char *xf_snap_term(xf_arena *a, const xf_term *t)
{
	SNAP(a, xf_term_json(&w, t));
}
