/*
 * duty.h - the duty lists (三级五岗) as every layer sees them: a duty
 * item, a person assigned to a post, and evidence linked to an item for
 * one post holder; with their one JSON form.
 *
 * Layer-neutral: includes only base/ and model/fields.h. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long as
 * it; optional ones are NULL.
 */
#ifndef XF_MODEL_DUTY_H
#define XF_MODEL_DUTY_H

#include "base/jw.h"
#include "model/fields.h"

#include <stdint.h>

/* The fields of the three (model/fields.h lists), in the order of their
 * JSON forms and of the store's columns. A0, A1: the Chinese names of
 * the level and the post (of the kind, for evidence). */
#define XF_DUTY_FIELDS(F, N, A, J, T)                                          \
	F(T, I64, id, "id")                                                    \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, INT, year, "year")                                                \
	F(T, STR, level, "level")                                              \
	A(T, 0, "level_title")                                                 \
	F(T, STR, post, "post")                                                \
	A(T, 1, "post_title")                                                  \
	F(T, INT, seq, "seq")                                                  \
	F(T, STR, title, "title")                                              \
	F(T, OPT, content, "content") /* or NULL */                            \
	F(T, ID, source_id, "source_id")                                       \
	N(T, ID, created_by)                                                   \
	F(T, TIME, created_at, "created_at")                                   \
	F(T, TIME, updated_at, "updated_at")
#define XF_DUTY_ASSIGNMENT_FIELDS(F, N, A, J, T)                               \
	F(T, I64, id, "id")                                                    \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, STR, org_kind, "level")                                           \
	A(T, 0, "level_title")                                                 \
	F(T, INT, year, "year")                                                \
	F(T, STR, post, "post")                                                \
	A(T, 1, "post_title")                                                  \
	F(T, I64, member_id, "member_id")                                      \
	F(T, STR, member_name, "member_name")                                  \
	F(T, I64, evidence_count, "evidence_count")                            \
	N(T, ID, created_by)                                                   \
	F(T, TIME, created_at, "created_at")
#define XF_DUTY_EVIDENCE_FIELDS(F, N, A, J, T)                                 \
	F(T, I64, id, "id")                                                    \
	F(T, I64, duty_id, "duty_id")                                          \
	F(T, I64, assignment_id, "assignment_id")                              \
	N(T, STR, org_path)                                                    \
	F(T, STR, kind, "kind")                                                \
	A(T, 0, "kind_title")                                                  \
	F(T, ID, ref_id, "ref_id")                                             \
	F(T, STR, title, "title")                                              \
	F(T, OPT, note, "note") /* or NULL */                                  \
	F(T, STR, done_on, "on")                                               \
	N(T, ID, created_by)                                                   \
	F(T, TIME, created_at, "created_at")

XF_FIELDS_STRUCT(xf_duty, XF_DUTY_FIELDS);

XF_FIELDS_STRUCT(xf_duty_assignment, XF_DUTY_ASSIGNMENT_FIELDS);

XF_FIELDS_STRUCT(xf_duty_evidence, XF_DUTY_EVIDENCE_FIELDS);

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
