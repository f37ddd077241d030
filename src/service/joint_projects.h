/*
 * joint_projects.h (service) - joint projects (党建联建项目 / 党建共同体):
 * a project led by one organization with partner organizations across
 * districts and clusters, tagged with the city's central work, its
 * goals, outcomes with evidence (attachments, subject joint_project) and
 * a yearly review. Its milestones and progress are those of a task on
 * the chart (挂图作战) created with it at the lead organization: they are
 * changed through the task routes (service/tasks.h, milestones.h), not
 * copied here.
 *
 * Scope: the lead's and the partners' subtrees and the committees above
 * them read a project (others get 404); whoever may write the lead
 * organization (its managers, the committees above, admin) changes it
 * (others get 403); the yearly review needs a committee strictly above
 * the lead (or admin). Central-work tags are kept by the admin.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_JOINT_PROJECTS_H
#define XF_SERVICE_JOINT_PROJECTS_H

#include "service/attachments.h"
#include "service/ctx.h"
#include "service/milestones.h"
#include "store/joint_projects.h"

/* A new project, or a change (has_* for the fields given). start_on,
 * due_on and milestones make the task (create only). */
typedef struct xf_jp_input {
	int64_t org_id, cluster_id;
	const char *title, *goals, *outcomes, *status, *start_on, *due_on;
	int year;
	const int64_t *partner_ids, *tag_ids;
	int npartners, ntags;
	const xf_milestone_input *milestones;
	int nmilestones;
	int has_cluster_id, has_title, has_goals, has_outcomes, has_status,
	    has_year, has_partner_ids, has_tag_ids;
} xf_jp_input;

int xf_jp_create(xf_ctx *c, const xf_jp_input *in, xf_joint_project *out);
int xf_jp_update(xf_ctx *c, int64_t id, const xf_jp_input *in,
                 xf_joint_project *out);
/* Deletes the project and its task (409 when the task was cascaded). */
int xf_jp_remove(xf_ctx *c, int64_t id);

/* A project with its task, milestones, reviews and whether the caller
 * may change it. */
typedef struct xf_jp_page {
	xf_joint_project p;
	xf_task task; /* task.id 0: none */
	xf_milestone *ms;
	int nms;
	xf_jp_review *reviews;
	int nreviews;
	int may_write;
} xf_jp_page;
int xf_jp_read(xf_ctx *c, int64_t id, xf_jp_page *out);

/* Projects the caller may read, by cluster, tag, organization (lead or
 * partner) and year (0: any); paged. */
int xf_jp_list(xf_ctx *c, const xf_jp_filter *f, int offset, int limit,
               xf_joint_project **out, int *n, int64_t *total);

/* The review of a year (from the project's year to this year). */
int xf_jp_review_put(xf_ctx *c, int64_t id, int year, const char *grade,
                     const char *notes, xf_jp_review *out);

/* Outcomes' evidence: 30 files a project, added by its writers. */
extern const xf_attachment_subject xf_joint_project_files;

/* Central-work tags: the list (anyone), and changes (admin). */
int xf_cw_tag_list(xf_ctx *c, xf_cw_tag **out, int *n);
int xf_cw_tag_create(xf_ctx *c, const char *name, int sort, xf_cw_tag *out);
int xf_cw_tag_update(xf_ctx *c, int64_t id, const char *name, int has_sort,
                     int sort, xf_cw_tag *out);
/* Refused (409) while a project carries the tag. */
int xf_cw_tag_remove(xf_ctx *c, int64_t id);

#endif
