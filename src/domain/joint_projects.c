/*
 * joint_projects.c - the rules of joint projects: statuses and the
 * partner list check.
 */
#include "domain/joint_projects.h"

const xf_code xf_joint_project_statuses[] = {
    {"planned", "筹备中"},   {"active", "推进中"}, {"done", "已完成"},
    {"suspended", "已中止"}, {NULL, NULL},
};

int xf_jp_partners_check(int64_t lead_id, const int64_t *ids, int n)
{
	for (int i = 0; i < n; i++) {
		if (ids[i] == lead_id)
			return -1;
		for (int k = 0; k < i; k++)
			if (ids[k] == ids[i])
				return -2;
	}
	return 0;
}
