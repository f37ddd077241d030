/*
 * joint_projects.h - the rules of joint projects (党建联建项目 /
 * 党建共同体): the statuses a project goes through and the checks of
 * its partner list. Pure functions: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_JOINT_PROJECTS_H
#define XF_DOMAIN_JOINT_PROJECTS_H

#include "domain/codes.h"

#include <stdint.h>

/* planned 筹备中 / active 推进中 / done 已完成 / suspended 已中止 */
extern const xf_code xf_joint_project_statuses[];

/* The most partner organizations and tags one project names. */
#define XF_JP_MAX_PARTNERS 50
#define XF_JP_MAX_TAGS     10

/* What is wrong with a partner list of n ids led by lead_id: -1 when a
 * partner is the lead itself, -2 when an id repeats, 0 when it is fine. */
int xf_jp_partners_check(int64_t lead_id, const int64_t *ids, int n);

#endif
