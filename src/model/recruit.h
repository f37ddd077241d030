/*
 * recruit.h - 发展党员: a person in the procedure (a recruit: not yet a
 * member), one recorded step of the 25, and the timeline of a person's
 * steps, with their one JSON form each.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_RECRUIT_H
#define XF_MODEL_RECRUIT_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_recruit {
	int64_t id, org_id;
	const char *org_path, *org_name;
	const char *name, *gender, *id_number, *birth_date, *phone;
	const char *stage;     /* xf_recruit_stages */
	const char *next_step; /* xf_recruit_steps; NULL when complete */
	const char *due_step;  /* the step due_on belongs to, or NULL */
	const char *due_on;    /* YYYY-MM-DD or NULL */
	int due_deadline;      /* due_on is a deadline (overdue past it) */
	int64_t member_id; /* the member record from 预备党员 on, or 0 */
	int64_t created_by, created_at, updated_at;
	int days_left; /* to due_on from today; filled by the service */
} xf_recruit;

/* One recorded step with its figures (0 where the step has none). */
typedef struct xf_recruit_entry {
	int64_t id, recruit_id;
	const char *step, *done_on;
	int assessments, reports, training_days, training_hours;
	int members, absent, present, yes, extend_months;
	const char *note; /* or NULL */
	int64_t created_by;
	const char *created_by_name; /* username, or NULL */
	int64_t created_at;
} xf_recruit_entry;

/* The 25 steps of a person as the timeline shows them: state "done"
 * (recorded and standing), "next" (the next step), "open" (may be
 * recorded now), "locked" (a prerequisite is missing); done_on the
 * latest record's date or NULL. */
typedef struct xf_recruit_line {
	const char *step, *state, *done_on;
	int phase;
} xf_recruit_line;

/* The JSON form of a recruit; may_see_pii as for members (the ID number,
 * phone and birth date masked by model/pii.h otherwise). */
void xf_recruit_json_open(xf_jw *w, const xf_recruit *r, int may_see_pii);
void xf_recruit_json(xf_jw *w, const xf_recruit *r, int may_see_pii);
void xf_recruit_entry_json(xf_jw *w, const xf_recruit_entry *e);
void xf_recruit_line_json(xf_jw *w, const xf_recruit_line *l);

#endif
