/*
 * honors.h - the rules of the honors and results registry (荣誉与成果) and
 * of party-building brands (党建品牌): the code lists people file honors
 * under, and the counts a year is reported by ("一等奖1个、二等奖5个").
 *
 * The categories, levels and grades are the words committees write in
 * their documents; their codes are those words (code and label alike),
 * so that an answer's counts read as the speech does. Pure functions: no
 * allocation, no I/O.
 */
#ifndef XF_DOMAIN_HONORS_H
#define XF_DOMAIN_HONORS_H

#include "domain/codes.h"

#include <stddef.h>

/* 先进集体 / 先进个人 / 调研成果 / 案例 / 品牌 / 会议发言 / 其他 */
extern const xf_code xf_honor_categories[];
/* 国家级 / 省级 / 市级 / 县级 */
extern const xf_code xf_honor_levels[];
/* 特等奖 / 一等奖 / 二等奖 / 三等奖 / 优秀奖 / 十佳 / 百优 / 优秀 / 其他 */
extern const xf_code xf_honor_grades[];
/* Where a registry entry came from: entered by hand, or written by a
 * creation program's or a case selection's decision. */
extern const xf_code xf_honor_sources[];
/* A brand's yearly review: 优秀 / 良好 / 一般 / 较差 */
extern const xf_code xf_brand_grades[];

/* The categories an honor of a member may have (先进个人, 调研成果, 案例,
 * 会议发言, 其他): 1 if category fits a member; 先进集体 and 品牌 are an
 * organization's. */
int xf_honor_category_personal(const char *category);
/* 1 if category fits an organization (every category but 先进个人). */
int xf_honor_category_collective(const char *category);

/* Counts per code of table t: counts[i] is the count of t[i]. */
typedef struct xf_code_counts {
	const xf_code *table;
	int counts[16]; /* the tables here have at most 16 codes */
} xf_code_counts;
/* Adds n to code s (ignored when s is not a code of the table). */
void xf_code_counts_add(xf_code_counts *k, const char *s, int n);
/*
 * Writes the counts as a phrase in the table's order, leaving out zeros:
 * "一等奖1个、二等奖5个、三等奖3个" into out[0..cap) (NUL-terminated,
 * truncated at a whole item). Returns the length, 0 when all are zero.
 */
size_t xf_code_counts_phrase(const xf_code_counts *k, char *out, size_t cap);

#endif
