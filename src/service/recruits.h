/*
 * recruits.h (service) - 发展党员 (recruitment): a person enters the
 * procedure with an application, and each of the 25 steps is recorded,
 * dated, after the rules of domain/recruit.h allow it (a refusal is 422
 * with code "rule" and the rule in Chinese). Written and read by whoever
 * manages the person's branch: its secretary, the committees above, the
 * admin. At the approval (上级党委审批) the member record (预备党员,
 * joined_on the approval date) is created by the members' create use
 * case in the same transaction; at the conversion it becomes 正式党员
 * with full_on the end of the 预备期.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_RECRUITS_H
#define XF_SERVICE_RECRUITS_H

#include "domain/recruit.h"
#include "service/attachments.h"
#include "service/ctx.h"
#include "store/recruits.h"

typedef struct xf_recruit_input {
	int64_t org_id;
	const char *name, *gender, *id_number, *phone;
	const char *applied_on; /* the date of step 1, 递交入党申请书 */
	const char *note;       /* or NULL */
} xf_recruit_input;

/* A recruit with its recorded steps and the timeline of the 25. */
typedef struct xf_recruit_detail {
	xf_recruit r;
	xf_recruit_entry *steps;
	int n;
	xf_recruit_line lines[XF_RS_COUNT];
	int may_see_pii;
} xf_recruit_detail;

int xf_recruit_create(xf_ctx *c, const xf_recruit_input *in,
                      xf_recruit_detail *out);
int xf_recruit_read(xf_ctx *c, int64_t id, xf_recruit_detail *out);
/* Records step e->step on e->done_on with its figures for recruit id. */
int xf_recruit_record(xf_ctx *c, int64_t id, xf_recruit_entry *e,
                      xf_recruit_detail *out);
/* Recruits of org_id's subtree (0: the caller's scope) at stage (NULL:
 * any); due_only: those with a step due, the earliest first; days_left
 * filled; paged. */
int xf_recruit_list(xf_ctx *c, int64_t org_id, const char *stage, int due_only,
                    int offset, int limit, xf_recruit **out, int *n,
                    int64_t *total);
/* Whether the caller sees the recruit's ID number and phone unmasked. */
int xf_recruit_full_pii(const xf_ctx *c, const xf_recruit *r);

/* A person's file (申请书, 思想汇报, 志愿书 …): 100 files each. */
extern const xf_attachment_subject xf_recruit_files;

#endif
