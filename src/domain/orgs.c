/*
 * orgs.c - the kinds and levels of party organizations (orgs.h).
 */
#include "domain/orgs.h"

const xf_code xf_org_kinds[] = {
    [XF_ORGK_WORK_COMMITTEE] = {"work_committee", "机关工委"},
    [XF_ORGK_PARTY_COMMITTEE] = {"party_committee", "党组（党委）"},
    [XF_ORGK_ORGAN_COMMITTEE] = {"organ_committee", "机关党委"},
    [XF_ORGK_GENERAL_BRANCH] = {"general_branch", "党总支"},
    [XF_ORGK_BRANCH] = {"branch", "党支部"},
    [XF_ORGK_TEMP_BRANCH] = {"temp_branch", "临时党支部"},
    [XF_ORGK_GROUP] = {"group", "党小组"},
    [XF_ORGK_COUNT] = {NULL, NULL},
};

const xf_code xf_org_levels[] = {
    {"city", "市级"},
    {"county", "县（区）级"},
    {"township", "乡镇（街道）级"},
    {NULL, NULL},
};

int xf_org_kind_parse(const char *s)
{
	return xf_code_index(xf_org_kinds, s);
}

const char *xf_org_kind_name(int kind)
{
	return kind >= 0 && kind < XF_ORGK_COUNT ? xf_org_kinds[kind].code : "";
}
