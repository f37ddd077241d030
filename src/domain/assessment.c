/*
 * assessment.c - the indicator tree checks, sources, mappings, index
 * roll-up and star ratings of assessment.h (the rules are written there).
 */
#include "domain/assessment.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const xf_code xf_indicator_kinds[] = {
    {"data", "数据指标"},    {"manual", "评分指标"}, {"bonus", "加分项"},
    {"deduction", "扣分项"}, {"veto", "一票否决"},   {NULL, NULL}};

const xf_code xf_assessment_sources[] = {
    {"first_topic_rate", "第一议题落实率"},
    {"sanhui_rate", "三会一课完成率"},
    {"on_time_rate", "组织生活按时率"},
    {"task_on_time_rate", "任务按期完成率"},
    {"acceptance_avg", "年终验收平均分"},
    {"member_points_avg", "党员平均积分"},
    {"org_points", "组织积分"},
    {"honors", "荣誉成果"},
    {"review_score", "述职评议得分"},
    {NULL, NULL}};

const xf_code xf_star_rating_states[] = {{"self_assessed", "已自评"},
                                         {"reviewed", "已评定"},
                                         {"decided", "已认定"},
                                         {NULL, NULL}};

const xf_code xf_notice_subjects[] = {{"points_board", "先锋榜"},
                                      {"star_ratings", "星级评定"},
                                      {"case_selection", "案例评选"},
                                      {NULL, NULL}};

const xf_code xf_scheme_states[] = {{"draft", "草稿"},
                                    {"published", "已发布"},
                                    {"replaced", "已替换"},
                                    {NULL, NULL}};

const xf_code xf_indicator_no_data[] = {
    {"full", "无数据得满分"}, {"zero", "无数据不得分"}, {NULL, NULL}};

const xf_code xf_assessment_record_kinds[] = {
    {"missing_meeting", "未开展会议"},
    {"late_meeting", "补开会议"},
    {"missing_first_topic", "未记录第一议题"},
    {"late_task", "逾期任务"},
    {NULL, NULL}};

int xf_source_ready(int src)
{
	return src >= 0 && src < XF_SRC_COUNT;
}

int xf_points_x10(double points)
{
	return (int)floor(points * 10.0 + 0.5 + 1e-9);
}

static int side(int kind)
{
	return kind == XF_IND_MANUAL ? XF_IND_DATA : kind;
}

static int find(const xf_indicator *ind, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ind[i].code, code) == 0)
			return i;
	return -1;
}

__attribute__((format(printf, 5, 6))) static int fail(char msg[200],
                                                      const char **field,
                                                      const char *f, int ix,
                                                      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	*field = f;
	vsnprintf(msg, 200, fmt, ap);
	va_end(ap);
	return ix;
}

static int code_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > XF_IND_CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		      c == '.'))
			return 0;
	}
	return 1;
}

static int leaf_check(xf_indicator *d, char msg[200], const char **field, int i)
{
	int k = d->k;
	if (k == XF_IND_VETO) {
		if (d->max_x10 != 0 || d->src >= 0 || d->map.kind)
			return fail(msg, field, "max", i,
			            "指标 %s：一票否决项没有分值和数据来源",
			            d->code);
		return -1;
	}
	if (d->max_x10 <= 0)
		return fail(msg, field, "max", i, "指标 %s：分值须大于 0",
		            d->code);
	if (k == XF_IND_MANUAL && (d->src >= 0 || d->map.kind))
		return fail(msg, field, "source", i,
		            "指标 %s：评分指标由上级评分，不设数据来源",
		            d->code);
	if (k == XF_IND_DATA && d->src < 0)
		return fail(msg, field, "source", i,
		            "指标 %s：数据指标须有数据来源", d->code);
	if (d->src >= 0 && !xf_source_ready(d->src))
		return fail(msg, field, "source", i,
		            "指标 %s：该数据来源尚未启用（相关登记功能未建）",
		            d->code);
	if ((d->src >= 0) != (d->map.kind != XF_MAP_NONE))
		return fail(msg, field, "mapping", i,
		            "指标 %s：数据来源和计分方式须同时设置", d->code);
	const xf_mapping *m = &d->map;
	if (m->kind == XF_MAP_LINEAR && m->from == m->to)
		return fail(msg, field, "mapping", i,
		            "指标 %s：线性计分的起点和终点不能相同", d->code);
	if (m->kind == XF_MAP_STEPS) {
		if (m->nsteps < 1 || m->nsteps > XF_STEPS_MAX)
			return fail(msg, field, "mapping", i,
			            "指标 %s：分档计分须有 1 到 10 档",
			            d->code);
		/* insertion sort by min, then the points must not exceed max */
		xf_mapping *w = &d->map;
		for (int a = 1; a < w->nsteps; a++)
			for (int b = a;
			     b > 0 && w->step_min[b] < w->step_min[b - 1];
			     b--) {
				double t = w->step_min[b];
				w->step_min[b] = w->step_min[b - 1];
				w->step_min[b - 1] = t;
				int p = w->step_x10[b];
				w->step_x10[b] = w->step_x10[b - 1];
				w->step_x10[b - 1] = p;
			}
		for (int a = 0; a < w->nsteps; a++) {
			if (w->step_x10[a] < 0 || w->step_x10[a] > d->max_x10)
				return fail(
				    msg, field, "mapping", i,
				    "指标 %s：分档得分须在 0 到 %.1f 之间",
				    d->code, d->max_x10 / 10.0);
			if (a > 0 && w->step_min[a] == w->step_min[a - 1])
				return fail(msg, field, "mapping", i,
				            "指标 %s：分档的下限不能重复",
				            d->code);
		}
	}
	return -1;
}

int xf_indicators_check(xf_indicator *ind, int n, int total_x10,
                        xf_tree_totals *tot, char msg[200], const char **field)
{
	memset(tot, 0, sizeof *tot);
	if (n < 1 || n > XF_IND_MAX)
		return fail(msg, field, "indicators", n, "指标须有 1 到 64 项");
	for (int i = 0; i < n; i++) {
		xf_indicator *d = &ind[i];
		if (!code_ok(d->code))
			return fail(
			    msg, field, "code", i,
			    "指标编码须为 1 到 32 个字母、数字或 _ - .");
		if (find(ind, i, d->code) >= 0)
			return fail(msg, field, "code", i, "指标编码 %s 重复",
			            d->code);
		d->k = xf_code_index(xf_indicator_kinds, d->kind);
		if (d->k < 0)
			return fail(
			    msg, field, "kind", i,
			    "指标 %s：类型须为 data、manual、bonus、deduction "
			    "或 veto",
			    d->code);
		d->src = -1;
		if (d->source) {
			d->src =
			    xf_code_index(xf_assessment_sources, d->source);
			if (d->src < 0)
				return fail(msg, field, "source", i,
				            "指标 %s：没有这个数据来源",
				            d->code);
		}
		if (d->open && (d->k != XF_IND_MANUAL || d->parent))
			return fail(
			    msg, field, "open", i,
			    "指标 %s：留给下级的个性指标须为一级评分指标",
			    d->code);
		if (d->max_x10 < 0 || d->max_x10 > 1000)
			return fail(msg, field, "max", i,
			            "指标 %s：分值须在 0 到 100 之间", d->code);
	}
	for (int i = 0; i < n; i++) {
		xf_indicator *d = &ind[i];
		d->parent_ix = -1;
		d->leaf = 1;
		if (d->parent) {
			d->parent_ix = find(ind, n, d->parent);
			if (d->parent_ix < 0 || d->parent_ix == i)
				return fail(msg, field, "parent", i,
				            "指标 %s：上级指标不存在", d->code);
		}
	}
	for (int i = 0; i < n; i++) {
		xf_indicator *d = &ind[i];
		int depth = 1;
		for (int p = d->parent_ix; p >= 0; p = ind[p].parent_ix)
			if (++depth > 3)
				return fail(
				    msg, field, "parent", i,
				    "指标 %s：指标最多三级（或上级关系成环）",
				    d->code);
		d->depth = depth;
		if (d->parent_ix >= 0) {
			xf_indicator *p = &ind[d->parent_ix];
			p->leaf = 0;
			if (side(p->k) != side(d->k) || d->k == XF_IND_VETO ||
			    p->k == XF_IND_VETO)
				return fail(
				    msg, field, "kind", i,
				    "指标 "
				    "%s：下级指标须与上级同类（计分项、加分"
				    "项或扣分项），一票否决项不分级",
				    d->code);
		}
	}
	for (int i = 0; i < n; i++) {
		xf_indicator *d = &ind[i];
		if (d->leaf) {
			int r = leaf_check(d, msg, field, i);
			if (r >= 0)
				return r;
			continue;
		}
		if (d->src >= 0 || d->map.kind)
			return fail(
			    msg, field, "source", i,
			    "指标 %s：有下级的指标按下级合计，不设数据来源",
			    d->code);
		int sum = 0;
		for (int j = 0; j < n; j++)
			if (ind[j].parent_ix == i)
				sum += ind[j].max_x10;
		if (sum != d->max_x10)
			return fail(
			    msg, field, "max", i,
			    "指标 %s：分值 %.1f 不等于下级分值之和 %.1f",
			    d->code, d->max_x10 / 10.0, sum / 10.0);
	}
	for (int i = 0; i < n; i++) {
		if (ind[i].parent_ix >= 0)
			continue;
		switch (ind[i].k) {
		case XF_IND_BONUS:
			tot->bonus_x10 += ind[i].max_x10;
			break;
		case XF_IND_DEDUCTION:
			tot->deduction_x10 += ind[i].max_x10;
			break;
		case XF_IND_VETO:
			tot->vetoes++;
			break;
		default:
			tot->scored_x10 += ind[i].max_x10;
		}
	}
	if (tot->scored_x10 != total_x10)
		return fail(msg, field, "max", n,
		            "计分指标一级分值合计 %.1f，应为 %.1f",
		            tot->scored_x10 / 10.0, total_x10 / 10.0);
	return -1;
}

static int ratio(int64_t num, int64_t den, double *v)
{
	if (den <= 0)
		return 0;
	*v = 100.0 * (double)num / (double)den;
	return 1;
}

int xf_source_value(int src, const xf_org_figures *f, double *v)
{
	switch (src) {
	case XF_SRC_FIRST_TOPIC_RATE:
		return ratio(f->ft_recorded, f->ft_meetings, v);
	case XF_SRC_SANHUI_RATE:
		return ratio(f->sanhui_held, f->sanhui_due, v);
	case XF_SRC_ON_TIME_RATE:
		return ratio(f->slots_on_time, f->slots_due, v);
	case XF_SRC_TASK_ON_TIME_RATE:
		return ratio(f->tasks_on_time, f->tasks_due, v);
	case XF_SRC_ACCEPTANCE_AVG:
		if (f->accepted <= 0)
			return 0;
		*v = (double)f->score_sum / (double)f->accepted;
		return 1;
	case XF_SRC_MEMBER_POINTS_AVG:
		if (f->members <= 0)
			return 0;
		*v = (double)f->member_points / (double)f->members;
		return 1;
	case XF_SRC_ORG_POINTS:
		*v = (double)f->org_points;
		return 1;
	case XF_SRC_HONORS:
		*v = (double)f->honors;
		return 1;
	case XF_SRC_REVIEW_SCORE:
		if (f->reviews <= 0)
			return 0;
		*v = (double)f->review_pct_x10_sum / 10.0 / (double)f->reviews;
		return 1;
	default:
		return 0;
	}
}

static int clamp(int p, int max)
{
	return p < 0 ? 0 : p > max ? max : p;
}

int xf_mapping_points(const xf_mapping *m, double v, int max_x10, int rank,
                      int peers)
{
	switch (m->kind) {
	case XF_MAP_LINEAR: {
		if (m->from == m->to)
			return 0;
		double t = (v - m->from) / (m->to - m->from);
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		return clamp(xf_points_x10(t * max_x10 / 10.0), max_x10);
	}
	case XF_MAP_STEPS: {
		int p = 0;
		for (int i = 0; i < m->nsteps; i++)
			if (m->step_min[i] <= v)
				p = m->step_x10[i];
		return clamp(p, max_x10);
	}
	case XF_MAP_RANK:
		if (peers <= 1 || rank < 1)
			return rank < 1 ? 0 : max_x10;
		return clamp(xf_points_x10((double)max_x10 * (peers - rank) /
		                           (peers - 1) / 10.0),
		             max_x10);
	default:
		return 0;
	}
}

void xf_index_roll_up(const xf_indicator *ind, int n, xf_ind_result *res,
                      xf_index *out)
{
	memset(out, 0, sizeof *out);
	/* groups from the deepest level up: depth 3 children are leaves */
	for (int depth = 2; depth >= 1; depth--)
		for (int i = 0; i < n; i++) {
			if (ind[i].leaf || ind[i].depth != depth)
				continue;
			int sum = 0;
			for (int j = 0; j < n; j++)
				if (ind[j].parent_ix == i)
					sum += res[j].points_x10;
			res[i].points_x10 = clamp(sum, ind[i].max_x10);
			res[i].scored = 1;
		}
	for (int i = 0; i < n; i++) {
		int k = ind[i].k;
		if (k == XF_IND_DATA || k == XF_IND_MANUAL)
			res[i].lost_x10 = ind[i].max_x10 - res[i].points_x10;
		if (k == XF_IND_VETO && res[i].set)
			out->vetoed = 1;
		if (ind[i].parent_ix >= 0)
			continue;
		int p = clamp(res[i].points_x10, ind[i].max_x10);
		if (k == XF_IND_BONUS)
			out->bonus_x10 += p;
		else if (k == XF_IND_DEDUCTION)
			out->deduction_x10 += p;
		else if (k != XF_IND_VETO)
			out->scored_x10 += p;
	}
	int s = out->scored_x10 + out->bonus_x10 - out->deduction_x10;
	out->score_x10 = s < 0 ? 0 : s;
}

void xf_star_rules_default(xf_star_rules *r)
{
	static const int mins[4] = {900, 800, 700, 600};
	memcpy(r->min_x10, mins, sizeof mins);
	r->quota_pct[0] = r->quota_pct[1] = 0;
	r->five_requires = NULL;
}

int xf_stars_of(const xf_star_rules *r, int score_x10, int vetoed, int five_ok)
{
	if (vetoed)
		return 1;
	for (int i = 0; i < 4; i++)
		if (score_x10 >= r->min_x10[i])
			return i == 0 && !five_ok ? 4 : 5 - i;
	return 1;
}

void xf_stars_quota(const xf_star_rules *r, const int64_t *scores, int n,
                    int *stars, int *capped)
{
	for (int i = 0; i < n; i++)
		capped[i] = 0;
	for (int lv = 0; lv < 2; lv++) {
		int level = 5 - lv, q = r->quota_pct[lv];
		if (q <= 0)
			continue;
		int allowed = (int)((int64_t)n * q / 100), kept = 0, full = 0;
		for (int i = 0; i < n;) {
			int j = i; /* the tie group [i, j) */
			while (j < n && scores[j] == scores[i])
				j++;
			int at = 0;
			for (int k = i; k < j; k++)
				at += stars[k] == level;
			if (at && (full || kept + at > allowed)) {
				full =
				    1; /* nobody ranked below keeps the level */
				for (int k = i; k < j; k++)
					if (stars[k] == level) {
						stars[k] = level - 1;
						capped[k] = 1;
					}
			} else {
				kept += at;
			}
			i = j;
		}
	}
}
