/*
 * joint_project.h - a joint project (党建联建项目) with its partner
 * organizations and central-work tags, its yearly review, a central-work
 * tag (中心工作标签), and each one's JSON form.
 * Strings point into the arena the store read them into.
 */
#ifndef XF_MODEL_JOINT_PROJECT_H
#define XF_MODEL_JOINT_PROJECT_H

#include "base/jw.h"
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

typedef struct xf_joint_project {
	int64_t id;
	const char *title;
	int64_t org_id; /* the lead organization */
	const char *org_path, *org_name;
	int64_t cluster_id; /* 0: none */
	const char *cluster_name;
	int year;
	const char *goals, *outcomes, *status;
	int64_t task_id;  /* 0: none (its task was deleted) */
	int task_percent; /* the task's rolled-up progress */
	int64_t attachment_count;
	const char *last_grade; /* the latest review's grade, or NULL */
	int64_t created_by, created_at, updated_at;
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
