/*
 * plan.h - a year plan (年初部署) and its items as every layer sees them,
 * with their one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_PLAN_H
#define XF_MODEL_PLAN_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_plan_item {
	int64_t id, plan_id, lead_org_id;
	const char *lead_org_name;
	int seq;
	const char *title, *goal, *measures; /* goal, measures or NULL */
	int64_t task_id; /* the task it became (0 if none) */
} xf_plan_item;

typedef struct xf_plan {
	int64_t id, org_id, created_by, created_at, updated_at;
	const char *org_path, *org_name, *title;
	int year;
	int64_t item_count;
	int64_t task_count; /* tasks of the plan, cascaded ones included */
} xf_plan;

/* The JSON form of a plan's own fields (not its items) and of an item
 * (not its task), each object left open for more keys. */
void xf_plan_json_open(xf_jw *w, const xf_plan *p);
void xf_plan_item_json_open(xf_jw *w, const xf_plan_item *it);

#endif
