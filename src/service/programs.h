/*
 * programs.h (service) - creation programs (创建评选: 模范机关、清廉机关、
 * 文明机关创建): a committee opens a program of a year with its criteria,
 * the organizations that may apply and a timetable; an organization
 * applies, assesses itself per criterion with evidence (records of the
 * platform it may read, links, text, files) and submits; the committee
 * reviews each application per criterion, publishes the candidates as a
 * 公示 (service/notices.h, subject "program_candidates") and, once the
 * notice has closed with every objection answered, decides: each awarded
 * organization gets its entry in the honors registry (source "program").
 * The rules are domain/programs.h.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_PROGRAMS_H
#define XF_SERVICE_PROGRAMS_H

#include "domain/programs.h"
#include "service/attachments.h"
#include "service/ctx.h"
#include "service/notices.h"
#include "store/programs.h"

/* An application's files: 30 each, added by its applicant while it is a
 * draft; read by whoever reads the application. */
extern const xf_attachment_subject xf_application_files;

/* A new program; criteria codes NULL are numbered by position. */
typedef struct xf_program_input {
	const char *title, *kind;
	int64_t org_id;
	int year;
	xf_program_criterion *criteria;
	int ncriteria;
	int eligible_subtree;
	const int64_t *eligible;
	int neligible;
	const char *applications_open, *applications_close, *review_by;
	int notice_days; /* 0: 5 */
} xf_program_input;

int xf_program_create(xf_ctx *c, const xf_program_input *in, xf_program *out);
/* A program with its criteria and eligible list: readable by whoever
 * reads its organization, and by those under it (who may apply). */
int xf_program_read(xf_ctx *c, int64_t id, xf_program *out);
/* Programs of org_id's subtree (0: the caller's scope, and the programs
 * over the caller's organization); year, kind 0 / NULL: any. */
int xf_program_list(xf_ctx *c, int64_t org_id, int year, const char *kind,
                    int offset, int limit, xf_program **out, int *n,
                    int64_t *total);

/* org_id applies to program id: 201 with the draft. */
int xf_program_apply(xf_ctx *c, int64_t id, int64_t org_id,
                     xf_program_application *out);
/* An application with its items. */
int xf_program_app_read(xf_ctx *c, int64_t id, xf_program_application *out);
/* Applications of a program (0: any), of one organization (0: any) in
 * the caller's scope, in state (NULL: any). The program's committee sees
 * them all, an organization its own. */
int xf_program_app_list(xf_ctx *c, int64_t program_id, int64_t org_id,
                        const char *state, int offset, int limit,
                        xf_program_application **out, int *n, int64_t *total);

/* One piece of evidence of an item. */
typedef struct xf_program_evidence {
	const char *kind; /* xf_program_evidence_kinds */
	int64_t ref;      /* meeting, task, duty: the record's id */
	const char *url, *text;
} xf_program_evidence;

/* The self-assessment of item code of application id. */
int xf_program_item_assess(xf_ctx *c, int64_t id, const char *code,
                           const char *self_assessment,
                           const xf_program_evidence *ev, int nev,
                           xf_program_application *out);
int xf_program_app_submit(xf_ctx *c, int64_t id, xf_program_application *out);
int xf_program_app_withdraw(xf_ctx *c, int64_t id, xf_program_application *out);

/* The committee's verdict of one item. */
typedef struct xf_program_item_verdict {
	const char *code, *verdict, *note;
} xf_program_item_verdict;

typedef struct xf_program_review_input {
	const xf_program_item_verdict *items;
	int nitems;
	const char *visit_date, *visit_notes; /* NULL: no site visit */
	const char *notes;                    /* or NULL */
	const char *conclusion;               /* candidate, rejected */
} xf_program_review_input;

int xf_program_app_review(xf_ctx *c, int64_t id,
                          const xf_program_review_input *in,
                          xf_program_application *out);

/* Publishes the candidates of program id as a notice: window
 * [opens_on or today, closes_on or opens_on + notice_days - 1]. */
int xf_program_publish(xf_ctx *c, int64_t id, const char *opens_on,
                       const char *closes_on, const char *title,
                       xf_point_notice_full *out);
/*
 * For a program_candidates notice (service/notices.c), in the caller's
 * write transaction: with notice_id 0, the reviewed applications of
 * program id concluded as candidates (*out, *n; 409 when the program is
 * published already or an application awaits review); with a notice_id,
 * records the notice on the program and moves every reviewed
 * application to candidate or rejected (out and n unused).
 */
int xf_program_candidates_freeze(xf_ctx *c, int64_t id, int64_t notice_id,
                                 xf_program_application **out, int *n);

/* Decides program id: the candidates named in awarded are awarded (an
 * entry in the honors registry each), the others not. */
int xf_program_decide(xf_ctx *c, int64_t id, const int64_t *awarded, int n,
                      xf_program *out);

/* Withdraws the decision of program id: its awarded and not awarded
 * applications are candidates again, the honors it wrote are deleted
 * (xf_honor_withdraw_in_tx); the program may then be decided anew. */
int xf_program_undecide(xf_ctx *c, int64_t id, xf_program *out);

#endif
