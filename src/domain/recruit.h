/*
 * recruit.h - the rules of 发展党员 (recruitment of party members): the 25
 * steps of the procedure in its 5 phases (中国共产党发展党员工作细则), the
 * 5 stages a person passes (入党申请人 → 入党积极分子 → 发展对象 → 预备党员
 * → 正式党员), the check of a step against the person's recorded steps
 * (prerequisites, earliest dates, deadlines that refuse, the 政审 valid
 * one year, the votes of the branch meeting), and the next step with its
 * due date.
 *
 * Pure functions over plain values: no allocation, no I/O. A message
 * written by a check lives in the verdict the caller passed.
 */
#ifndef XF_DOMAIN_RECRUIT_H
#define XF_DOMAIN_RECRUIT_H

#include "base/date.h"
#include "domain/codes.h"

/* The steps, in the order of the procedure (index + 1 is the step's
 * number, 1..25). */
typedef enum {
	XF_RS_APPLY,    /* 1 递交入党申请书 */
	XF_RS_TALK,     /* 2 党组织派人谈话 (one month) */
	XF_RS_ACTIVIST, /* 3 推荐和确定入党积极分子 (支委会) */
	XF_RS_ACTIVIST_FILED,  /* 4 报上级党委备案 */
	XF_RS_MENTORS,         /* 5 指定培养联系人 */
	XF_RS_CULTURE,         /* 6 培养教育考察 (≥ 1 year) */
	XF_RS_CANDIDATE,       /* 7 确定发展对象 */
	XF_RS_CANDIDATE_FILED, /* 8 报上级党委备案 */
	XF_RS_SPONSORS,        /* 9 确定入党介绍人 */
	XF_RS_VETTING,         /* 10 政治审查 (valid one year) */
	XF_RS_TRAINING,        /* 11 集中培训 (≥ 3 days or 24 hours) */
	XF_RS_COMMITTEE,       /* 12 支部委员会审查 */
	XF_RS_PRE_REVIEW,      /* 13 上级党委预审 */
	XF_RS_FORM,            /* 14 填写入党志愿书 */
	XF_RS_VOTE,            /* 15 支部大会讨论 (one month of 13) */
	XF_RS_HIGHER_TALK,     /* 16 上级党委派人谈话 */
	XF_RS_APPROVAL,        /* 17 上级党委审批 (3 months of 15) */
	XF_RS_APPROVAL_FILED,  /* 18 再上级党委组织部门备案 */
	XF_RS_PLACEMENT,       /* 19 编入党支部和党小组 */
	XF_RS_OATH,            /* 20 入党宣誓 */
	XF_RS_PROBATION,       /* 21 继续教育考察 */
	XF_RS_CONV_APPLY,    /* 22 提出转正申请 (the end of 预备期) */
	XF_RS_CONV_VOTE,     /* 23 支部大会讨论转正 */
	XF_RS_CONV_APPROVAL, /* 24 上级党委审批转正 (or extension) */
	XF_RS_ARCHIVE,       /* 25 材料归档 */
	XF_RS_COUNT
} xf_recruit_step_id;

/* The stages of a person: applicant 入党申请人, activist 入党积极分子,
 * candidate 发展对象, probationary 预备党员, full 正式党员. */
extern const xf_code xf_recruit_stages[];
/* The 25 steps: code and label, in the order of the procedure. */
extern const xf_code xf_recruit_steps[];
/* The 5 phases of the procedure, as the 25 steps are grouped. */
extern const xf_code xf_recruit_phases[];

/* One step of the table; its code and label are xf_recruit_steps[i]. */
typedef struct xf_recruit_step {
	int phase;        /* 1..5 */
	int prereq[5];    /* steps that must be recorded first, -1 ends */
	int repeatable;   /* may be recorded again (see recruit.c) */
	int vote;         /* carries the votes of a branch meeting */
	const char *rule; /* what the step asks, in Chinese, for the UI */
} xf_recruit_step;

extern const xf_recruit_step xf_recruit_table[XF_RS_COUNT];
/* The step of code, or -1. */
int xf_recruit_step_of(const char *code);

/* One recorded step with the figures some steps carry (0 when not). */
typedef struct xf_recruit_rec {
	int step;
	xf_date on;
	int assessments, reports; /* 6: 半年考察 and 季度思想汇报 counted */
	int training_days, training_hours; /* 11 */
	int members, absent, present, yes; /* 15, 23: the vote */
	int extend_months;                 /* 24: 0 converted, 6..12 extended */
} xf_recruit_rec;

/* A person's file: birth date (y 0 when unknown) and the steps recorded,
 * in the order they were recorded (by date, then by entry). */
typedef struct xf_recruit_file {
	xf_date birth;
	const xf_recruit_rec *recs;
	int n;
} xf_recruit_file;

/* The result of a check: rule is a short code (NULL when allowed), field
 * the input that breaks it, message the rule in Chinese. */
typedef struct xf_recruit_verdict {
	const char *rule, *field;
	char message[256];
} xf_recruit_verdict;

/* Checks recording rec against f on today. Returns 0 when allowed, else
 * -1 with v filled. Rules (codes): future, under_age, missing_prereq,
 * too_early, already_done, vetting_expired, revote_needed,
 * restart_needed, second_extension, extension_months, figures,
 * assessments, reports, training, vote_count, vote_quorum,
 * vote_majority. */
int xf_recruit_check(const xf_recruit_file *f, const xf_recruit_rec *rec,
                     xf_date today, xf_recruit_verdict *v);

/* The vote of a branch meeting (支部大会): members = the full members of
 * the branch with a vote; absent = those whose absence the branch approved
 * (因病、出差等经批准请假), who do not count as entitled; present = full
 * members present; yes = votes for. Entitled = members - absent. Passes
 * when present * 2 > entitled (到会有表决权的正式党员超过应到会人数的半数)
 * and yes * 2 > entitled (赞成人数超过应到会有表决权正式党员的半数, as
 * the 细则 art. 30 counts). Returns 0, or -1 with v filled. */
int xf_recruit_vote_check(int members, int absent, int present, int yes,
                          xf_recruit_verdict *v);

/* The latest record of step that still stands: recorded, and not older
 * than the standing records of its prerequisites (a re-vote makes the
 * talk held before it stale). NULL when none. */
const xf_recruit_rec *xf_recruit_current(const xf_recruit_file *f, int step);

/* The stage reached: an index into xf_recruit_stages, -1 before the
 * application is recorded. */
int xf_recruit_stage(const xf_recruit_file *f);
/* The end of the 预备期: approval + 12 months + any extension; y 0 before
 * approval. */
xf_date xf_recruit_probation_end(const xf_recruit_file *f);

/* What is due next: next is the first step that may be recorded now (-1
 * when the procedure is complete); due_step the step whose date governs
 * (a deadline running, else the next step's earliest date), due_on that
 * date (y 0 when none), deadline 1 if due_on is a deadline (overdue when
 * passed), days_left from today, negative when overdue. allowed[i] 1 for
 * each step that may be recorded now, as far as prerequisites, repeats
 * and the order go (its dates are checked when recorded). */
typedef struct xf_recruit_due {
	int next, due_step;
	xf_date due_on;
	int deadline, days_left, overdue;
	int allowed[XF_RS_COUNT];
} xf_recruit_due;
void xf_recruit_next(const xf_recruit_file *f, xf_date today,
                     xf_recruit_due *out);

#endif
