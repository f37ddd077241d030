/*
 * duties.h - the rules of the duty lists (三级五岗): which organization
 * kinds are duty levels, which posts each level has, the Chinese names
 * of levels, posts and evidence kinds, and when a duty item applies to a
 * person's post.
 *
 * A duty item is set by an organization (its path) for a year, a level
 * (an organization kind) and a post. It applies to whoever holds that post
 * in that year in an organization of that kind at or below the setting
 * organization. Pure functions: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_DUTIES_H
#define XF_DOMAIN_DUTIES_H

#include "domain/codes.h"

/* 1 if an organization of this kind has duty lists (every kind of
 * xf_org_kinds but 党小组); 0 otherwise (NULL included). */
int xf_duty_level_valid(const char *level);
/* The Chinese name of a level (its organization kind's), or "" if not a
 * level. */
const char *xf_duty_level_title(const char *level);
/* The posts of a level in the order of its forms, NULL-terminated; NULL
 * if not a level. */
const char *const *xf_duty_level_posts(const char *level);
/* 1 if post is a post of the level; 0 otherwise. */
int xf_duty_post_valid(const char *level, const char *post);
/* Every post with its Chinese name (codes.h). */
extern const xf_code xf_duty_posts[];
/* The Chinese name of a post code, or "" if unknown. */
const char *xf_duty_post_title(const char *post);

/* Evidence kinds: "task", "meeting", "ledger", "record". */
extern const xf_code xf_duty_evidence_kinds[];
/* The Chinese name of an evidence kind, or "" if unknown. */
const char *xf_duty_evidence_title(const char *kind);

/*
 * 1 if a duty item set at duty_path for (duty_year, duty_level, duty_post)
 * applies to a post held in year in an organization of kind org_kind at
 * org_path: same year, level and post, and org_path at or below
 * duty_path. 0 otherwise, and for malformed paths.
 */
int xf_duty_applies(const char *duty_path, int duty_year,
                    const char *duty_level, const char *duty_post,
                    const char *org_path, const char *org_kind, int year);

#endif
