/*
 * orgs.h - the code lists of the organization tree: the kinds of party
 * organizations (DESIGN.md §2) and the levels (市/县/乡) they sit at, with
 * their Chinese labels (codes.h).
 */
#ifndef XF_DOMAIN_ORGS_H
#define XF_DOMAIN_ORGS_H

#include "domain/codes.h"

/* Organization kinds; the order of xf_org_kinds. */
typedef enum {
	XF_ORGK_WORK_COMMITTEE = 0, /* 机关工委 */
	XF_ORGK_PARTY_COMMITTEE,    /* 党组（党委） */
	XF_ORGK_ORGAN_COMMITTEE,    /* 机关党委 */
	XF_ORGK_GENERAL_BRANCH,     /* 党总支 */
	XF_ORGK_BRANCH,             /* 党支部 */
	XF_ORGK_TEMP_BRANCH,        /* 临时党支部 */
	XF_ORGK_GROUP,              /* 党小组 */
	XF_ORGK_COUNT
} xf_org_kind;

/* The kinds, indexed by xf_org_kind. */
extern const xf_code xf_org_kinds[];
/* city 市级, county 县（区）级, township 乡镇（街道）级. */
extern const xf_code xf_org_levels[];

/* "work_committee" ... → kind, or -1 (NULL included). */
int xf_org_kind_parse(const char *s);
/* Code of a kind, "" if out of range. */
const char *xf_org_kind_name(int kind);

#endif
