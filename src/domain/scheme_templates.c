/*
 * scheme_templates.c - the two assessment schemes shipped from practice
 * (assessment.h): 五星创评 and 堡垒指数. Static data.
 */
#include "domain/assessment.h"

#define LIN(a, b)                                                              \
	{                                                                      \
		.kind = XF_MAP_LINEAR, .from = (a), .to = (b)                  \
	}

static const xf_indicator five_star[] = {
    {.code = "FT",
     .title = "第一议题学习落实",
     .kind = "data",
     .source = "first_topic_rate",
     .max_x10 = 150,
     .map = LIN(60, 100)},
    {.code = "SH",
     .title = "三会一课规范开展",
     .kind = "data",
     .source = "sanhui_rate",
     .max_x10 = 150,
     .map = {.kind = XF_MAP_STEPS,
             .nsteps = 3,
             .step_min = {60, 80, 95},
             .step_x10 = {60, 120, 150}}},
    {.code = "OT",
     .title = "组织生活按时开展",
     .kind = "data",
     .source = "on_time_rate",
     .max_x10 = 100,
     .map = LIN(50, 100)},
    {.code = "TK",
     .title = "重点任务按期完成",
     .kind = "data",
     .source = "task_on_time_rate",
     .max_x10 = 150,
     .map = LIN(50, 100)},
    {.code = "AC",
     .title = "年终考核验收",
     .kind = "data",
     .source = "acceptance_avg",
     .max_x10 = 150,
     .map = LIN(60, 100)},
    {.code = "PT",
     .title = "党员积分管理",
     .kind = "data",
     .source = "member_points_avg",
     .max_x10 = 100,
     .map = {.kind = XF_MAP_RANK}},
    {.code = "DT",
     .title = "三级五岗履职尽责",
     .kind = "manual",
     .max_x10 = 200},
    {.code = "CX",
     .title = "创新创优（加分）",
     .kind = "bonus",
     .max_x10 = 100},
};

static const xf_indicator fortress[] = {
    {.code = "GX", .title = "共性指标", .kind = "data", .max_x10 = 600},
    {.code = "GX1",
     .title = "第一议题落实率",
     .parent = "GX",
     .kind = "data",
     .source = "first_topic_rate",
     .max_x10 = 200,
     .map = LIN(60, 100)},
    {.code = "GX2",
     .title = "三会一课完成率",
     .parent = "GX",
     .kind = "data",
     .source = "sanhui_rate",
     .max_x10 = 200,
     .map = LIN(60, 100)},
    {.code = "GX3",
     .title = "重点任务按期完成率",
     .parent = "GX",
     .kind = "data",
     .source = "task_on_time_rate",
     .max_x10 = 200,
     .map = LIN(50, 100)},
    {.code = "PX",
     .title = "个性指标（由下级党组织细化）",
     .kind = "manual",
     .max_x10 = 400,
     .open = 1},
    {.code = "FX", .title = "反向扣分", .kind = "deduction", .max_x10 = 100},
    {.code = "VT", .title = "一票否决（严重违纪违法等）", .kind = "veto"},
};

const xf_scheme_template xf_scheme_templates[] = {
    {"five_star",
     "五星创评",
     "8 项指标，基础分 100 分，创新加分 10 分；"
     "五星须有创新加分，五星不超过 10%、四星不超过 30%",
     "branch,general_branch,temp_branch",
     five_star,
     (int)(sizeof five_star / sizeof five_star[0]),
     {{900, 800, 700, 600}, {10, 30}, "CX"}},
    {"fortress",
     "堡垒指数",
     "共性指标 60 分（取自平台记录）+ 个性指标 40 "
     "分（下级党组织细化）+ 反向扣分与一票否决",
     "branch,general_branch,temp_branch",
     fortress,
     (int)(sizeof fortress / sizeof fortress[0]),
     {{900, 800, 700, 600}, {0, 0}, NULL}},
};

const int xf_scheme_template_count =
    (int)(sizeof xf_scheme_templates / sizeof xf_scheme_templates[0]);
