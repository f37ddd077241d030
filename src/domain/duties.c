/*
 * duties.c - the levels and posts of the duty lists (三级五岗) and the
 * rule of which duty items apply to a post holder (duties.h).
 */
#include "domain/duties.h"

#include "domain/orgs.h"
#include "domain/scope.h"

#include <stddef.h>
#include <string.h>

const xf_code xf_duty_posts[] = {
    {"secretary", "书记"},
    {"deputy_secretary", "副书记"},
    {"committee_member", "委员"},
    {"organ_secretary", "机关党委书记"},
    {"discipline_secretary", "机关纪委书记"},
    {"branch_secretary", "支部书记"},
    {"organization_officer", "组织委员"},
    {"publicity_officer", "宣传委员"},
    {"discipline_officer", "纪检委员"},
    {NULL, NULL},
};

const xf_code xf_duty_evidence_kinds[] = {
    {"task", "任务"},       {"meeting", "会议"}, {"ledger", "积分记录"},
    {"record", "履职记录"}, {NULL, NULL},
};

/* The posts of each level: committees, organ committees, branches. */
static const char *const committee_posts[] = {"secretary", "deputy_secretary",
                                              "committee_member", NULL};
static const char *const organ_posts[] = {"organ_secretary", "deputy_secretary",
                                          "discipline_secretary",
                                          "committee_member", NULL};
static const char *const branch_posts[] = {"branch_secretary",
                                           "deputy_secretary",
                                           "organization_officer",
                                           "publicity_officer",
                                           "discipline_officer",
                                           "committee_member",
                                           NULL};

int xf_duty_level_valid(const char *level)
{
	int kind = xf_org_kind_parse(level);
	return kind >= 0 && kind != XF_ORGK_GROUP;
}

const char *xf_duty_level_title(const char *level)
{
	return xf_duty_level_valid(level) ? xf_code_label(xf_org_kinds, level)
	                                  : "";
}

const char *xf_duty_post_title(const char *post)
{
	return xf_code_label(xf_duty_posts, post);
}

const char *xf_duty_evidence_title(const char *kind)
{
	return xf_code_label(xf_duty_evidence_kinds, kind);
}

const char *const *xf_duty_level_posts(const char *level)
{
	if (!xf_duty_level_valid(level))
		return NULL;
	if (strcmp(level, "organ_committee") == 0)
		return organ_posts;
	if (strcmp(level, "work_committee") == 0 ||
	    strcmp(level, "party_committee") == 0)
		return committee_posts;
	return branch_posts;
}

int xf_duty_post_valid(const char *level, const char *post)
{
	const char *const *p = xf_duty_level_posts(level);
	if (!p || !post)
		return 0;
	for (; *p; p++)
		if (strcmp(*p, post) == 0)
			return 1;
	return 0;
}

int xf_duty_applies(const char *duty_path, int duty_year,
                    const char *duty_level, const char *duty_post,
                    const char *org_path, const char *org_kind, int year)
{
	if (!duty_level || !duty_post || !org_kind)
		return 0;
	return duty_year == year && strcmp(duty_level, org_kind) == 0 &&
	       xf_duty_post_valid(duty_level, duty_post) &&
	       xf_path_within(org_path, duty_path);
}
