/*
 * joint_project.h - a joint project (党建联建项目) with its partner
 * organizations and central-work tags, its yearly review, a central-work
 * tag (中心工作标签), and each one's JSON form.
 * Strings point into the arena the store read them into.
 */
#ifndef XF_MODEL_JOINT_PROJECT_H
#define XF_MODEL_JOINT_PROJECT_H

#include "base/jw.h"
#include "model/fields.h"
#include "model/year_review.h"

#include <stdint.h>

/* A partner organization of a project. */
typedef struct xf_jp_org {
	int64_t org_id;
	const char *org_name, *org_path;
} xf_jp_org;

/* A central-work tag; project_count: the projects that carry it. */
typedef struct xf_cw_tag {
	int64_t id;
	const char *name;
	int sort;
	int64_t project_count;
} xf_cw_tag;

/* The fields of a joint project (model/fields.h list), in the order of
 * its JSON form and of the store's columns; the organization is the lead
 * one. */
#define XF_JOINT_PROJECT_FIELDS(F, N, A, J, T)                                 \
	F(T, I64, id, "id")                                                    \
	F(T, STR, title, "title")                                              \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, ID, cluster_id, "cluster_id") /* 0: none */                       \
	F(T, OPT, cluster_name, "cluster_name")                                \
	F(T, INT, year, "year")                                                \
	F(T, STR, goals, "goals")                                              \
	F(T, STR, outcomes, "outcomes")                                        \
	F(T, STR, status, "status")                                            \
	F(T, ID, task_id, "task_id") /* 0: none (its task was deleted) */      \
	F(T, INT, task_percent, "percent") /* the task's rolled-up progress */ \
	F(T, I64, attachment_count, "attachment_count")                        \
	F(T, OPT, last_grade, "last_grade") /* the latest review's, or NULL */ \
	XF_STAMP_FIELDS(F, N, A, J, T)

typedef struct xf_joint_project {
	XF_FIELDS_DECL(XF_JOINT_PROJECT_FIELDS)
	xf_jp_org *partners;
	int npartners;
	xf_cw_tag *tags; /* id and name only */
	int ntags;
} xf_joint_project;

/* A project's yearly review: subject_id is the project's id. */
typedef xf_year_review xf_jp_review;

/* The JSON forms; _open leaves the object open for more keys. */
void xf_joint_project_json_open(xf_jw *w, const xf_joint_project *p);
void xf_joint_project_json(xf_jw *w, const xf_joint_project *p);
void xf_jp_review_json(xf_jw *w, const xf_jp_review *v);
void xf_cw_tag_json(xf_jw *w, const xf_cw_tag *t);

#endif
