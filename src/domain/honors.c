/*
 * honors.c - code lists of the honors registry and brands, and the counts
 * a year is reported by.
 */
#include "domain/honors.h"

#include <stdio.h>
#include <string.h>

const xf_code xf_honor_categories[] = {
    {"先进集体", "先进集体"}, {"先进个人", "先进个人"},
    {"调研成果", "调研成果"}, {"案例", "案例"},
    {"品牌", "品牌"},         {"会议发言", "会议发言"},
    {"其他", "其他"},         {NULL, NULL},
};

const xf_code xf_honor_levels[] = {
    {"国家级", "国家级"}, {"省级", "省级"}, {"市级", "市级"},
    {"县级", "县级"},     {NULL, NULL},
};

const xf_code xf_honor_grades[] = {
    {"特等奖", "特等奖"}, {"一等奖", "一等奖"}, {"二等奖", "二等奖"},
    {"三等奖", "三等奖"}, {"优秀奖", "优秀奖"}, {"十佳", "十佳"},
    {"百优", "百优"},     {"优秀", "优秀"},     {"其他", "其他"},
    {NULL, NULL},
};

const xf_code xf_honor_sources[] = {
    {"manual", "登记"},
    {"program", "创建评选"},
    {"case", "案例评选"},
    {NULL, NULL},
};

const xf_code xf_brand_grades[] = {
    {"优秀", "优秀"}, {"良好", "良好"}, {"一般", "一般"},
    {"较差", "较差"}, {NULL, NULL},
};

int xf_honor_category_personal(const char *category)
{
	return xf_code_valid(xf_honor_categories, category) &&
	       strcmp(category, "先进集体") != 0 &&
	       strcmp(category, "品牌") != 0;
}

int xf_honor_category_collective(const char *category)
{
	return xf_code_valid(xf_honor_categories, category) &&
	       strcmp(category, "先进个人") != 0;
}

void xf_code_counts_add(xf_code_counts *k, const char *s, int n)
{
	int i = xf_code_index(k->table, s);
	if (i >= 0 && i < (int)(sizeof k->counts / sizeof k->counts[0]))
		k->counts[i] += n;
}

size_t xf_code_counts_phrase(const xf_code_counts *k, char *out, size_t cap)
{
	size_t len = 0;
	if (cap)
		out[0] = '\0';
	int n = (int)xf_code_count(k->table);
	for (int i = 0; i < n && i < 16; i++) {
		if (!k->counts[i])
			continue;
		char item[96];
		int m = snprintf(item, sizeof item, "%s%s%d个", len ? "、" : "",
		                 k->table[i].label, k->counts[i]);
		if (m < 0 || (size_t)m >= sizeof item || len + (size_t)m >= cap)
			break;
		memcpy(out + len, item, (size_t)m + 1);
		len += (size_t)m;
	}
	return len;
}
