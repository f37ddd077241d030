/*
 * duty.h - the duty lists (三级五岗) as every layer sees them: a duty
 * item, a person assigned to a post, and evidence linked to an item for
 * one post holder; with their one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct and live as long as it;
 * optional ones are NULL.
 */
#ifndef XF_MODEL_DUTY_H
#define XF_MODEL_DUTY_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_duty {
	int64_t id, org_id, source_id, created_by, created_at, updated_at;
	const char *org_path, *org_name;
	int year, seq;
	const char *level, *post, *title, *content; /* content or NULL */
} xf_duty;

typedef struct xf_duty_assignment {
	int64_t id, org_id, member_id, created_by, created_at;
	const char *org_path, *org_name, *org_kind, *member_name;
	int year;
	const char *post;
	int64_t evidence_count;
} xf_duty_assignment;

typedef struct xf_duty_evidence {
	int64_t id, duty_id, assignment_id, ref_id, created_by, created_at;
	const char *org_path, *kind, *title, *note, *done_on; /* note or NULL */
} xf_duty_evidence;

/*
 * The JSON forms, with the Chinese names of the codes as domain/duties.h
 * gives them (xf_duty_level_title, xf_duty_post_title,
 * xf_duty_evidence_title). _open leaves the object open for more keys.
 * An assignment's level is the kind of its organization.
 */
void xf_duty_json_open(xf_jw *w, const xf_duty *d, const char *level_title,
                       const char *post_title);
void xf_duty_assignment_json_open(xf_jw *w, const xf_duty_assignment *a,
                                  const char *level_title,
                                  const char *post_title);
void xf_duty_evidence_json(xf_jw *w, const xf_duty_evidence *e,
                           const char *kind_title);

#endif
