/*
 * schemes.c (api) - /api/schemes: assessment schemes (考核办法) with their
 * indicator trees, templates, publication and versions.
 */
#include "api/schemes.h"
#include "api/api.h"
#include "api/page.h"

#include "api/bodies.h"
#include "api/input.h"
#include "base/jw.h"
#include "domain/assessment.h"
#include "domain/orgs.h"
#include "service/schemes.h"

#include <string.h>

enum {
	S_NAME,
	S_YEAR,
	S_ORG,
	S_KINDS,
	S_ADOPTS,
	S_TEMPLATE,
	S_INDICATORS,
	S_STARS,
	S_COUNT
};
static const xf_field scheme_fields[S_COUNT] = {
    {"name", XF_F_STR, 1, 0, 1, 100, NULL, "办法名称"},
    {"year", XF_F_INT, 1, 0, 1900, 2200, NULL, "年度"},
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "制定组织"},
    {"org_kinds", XF_F_ARRAY, 0, 1, 0, XF_ORGK_COUNT, NULL, "适用组织类型"},
    {"adopts", XF_F_ID, 0, 1, 0, 0, NULL, "采用的上级办法"},
    {"template", XF_F_STR, 0, 1, 1, 32, NULL, "模板"},
    {"indicators", XF_F_ARRAY, 0, 1, 0, XF_IND_MAX, NULL, "指标"},
    {"stars", XF_F_OBJECT, 0, 1, 0, 0, NULL, "星级规则"},
};
const xf_body_table xf_schemes_create_body = XF_BODY_TABLE(scheme_fields);

enum { E_NAME, E_KINDS, E_INDICATORS, E_STARS, E_COUNT };
static const xf_field edit_fields[E_COUNT] = {
    {"name", XF_F_STR, 0, 0, 1, 100, NULL, "办法名称"},
    {"org_kinds", XF_F_ARRAY, 0, 0, 1, XF_ORGK_COUNT, NULL, "适用组织类型"},
    {"indicators", XF_F_ARRAY, 0, 0, 0, XF_IND_MAX, NULL, "指标"},
    {"stars", XF_F_OBJECT, 0, 0, 0, 0, NULL, "星级规则"},
};
const xf_body_table xf_schemes_patch_body = XF_BODY_TABLE(edit_fields);

enum {
	I_CODE,
	I_TITLE,
	I_PARENT,
	I_MAX,
	I_KIND,
	I_SOURCE,
	I_PARAMS,
	I_MAPPING,
	I_OPEN,
	I_COUNT
};
static const xf_field ind_fields[I_COUNT] = {
    {"code", XF_F_STR, 1, 0, 1, XF_IND_CODE_MAX, NULL, "指标编码"},
    {"title", XF_F_STR, 1, 0, 1, 100, NULL, "指标名称"},
    {"parent", XF_F_STR, 0, 1, 1, XF_IND_CODE_MAX, NULL, "上级指标"},
    {"max", XF_F_X10, 1, 0, 0, 1000, NULL, "分值"},
    {"kind", XF_F_ENUM, 1, 0, 0, 0, xf_indicator_kinds, "指标类型"},
    {"source", XF_F_ENUM, 0, 1, 0, 0, xf_assessment_sources, "数据来源"},
    {"params", XF_F_OBJECT, 0, 1, 0, 0, NULL, "参数"},
    {"mapping", XF_F_OBJECT, 0, 1, 0, 0, NULL, "计分方式"},
    {"open", XF_F_BOOL, 0, 0, 0, 0, NULL, "留给下级"},
};

enum { P_NO_DATA, P_COUNT };
static const xf_field param_fields[P_COUNT] = {
    {"no_data", XF_F_ENUM, 0, 0, 0, 0, xf_indicator_no_data, "无数据时"},
};

enum { T_THRESHOLDS, T_QUOTAS, T_FIVE, T_COUNT };
static const xf_field star_fields[T_COUNT] = {
    {"thresholds", XF_F_ARRAY, 0, 0, 4, 4, NULL, "星级分数线"},
    {"quotas", XF_F_OBJECT, 0, 0, 0, 0, NULL, "星级名额比例"},
    {"five_requires", XF_F_STR, 0, 1, 1, XF_IND_CODE_MAX, NULL, "五星条件"},
};
static const xf_field threshold_field = {
    "thresholds", XF_F_X10, 1, 0, 0, 2000, NULL, "星级分数线"};
enum { Q5, Q4, Q_COUNT };
static const xf_field quota_fields[Q_COUNT] = {
    {"5", XF_F_INT, 0, 0, 0, 100, NULL, "五星名额比例"},
    {"4", XF_F_INT, 0, 0, 0, 100, NULL, "四星名额比例"},
};

static int bad(xf_req *r, const char *field, const char *msg)
{
	xf_reply_error(r, 422, "invalid_field", msg, field);
	return -1;
}

/* A number of a mapping: a JSON number, |v| < 1e9. */
static int number(json_t *v, double *out)
{
	if (!json_is_number(v))
		return -1;
	double d = json_number_value(v);
	if (!(d > -1e9 && d < 1e9))
		return -1;
	*out = d;
	return 0;
}

static int mapping(xf_req *r, json_t *m, const char *path, xf_mapping *out)
{
	memset(out, 0, sizeof *out);
	const char *f = xf_arena_printf(&r->arena, "%s.mapping", path);
	if (json_object_size(m) != 1)
		return bad(r, f, "计分方式须为 linear、steps 或 rank 之一");
	json_t *v;
	if ((v = json_object_get(m, "linear"))) {
		out->kind = XF_MAP_LINEAR;
		if (!json_is_array(v) || json_array_size(v) != 2 ||
		    number(json_array_get(v, 0), &out->from) != 0 ||
		    number(json_array_get(v, 1), &out->to) != 0)
			return bad(r, f, "线性计分应为 [起点, 终点] 两个数值");
		return 0;
	}
	if ((v = json_object_get(m, "steps"))) {
		out->kind = XF_MAP_STEPS;
		size_t n = json_is_array(v) ? json_array_size(v) : 0;
		if (n < 1 || n > XF_STEPS_MAX)
			return bad(r, f,
			           "分档计分应为 1 到 10 个 [下限, 得分]");
		for (size_t i = 0; i < n; i++) {
			json_t *s = json_array_get(v, i);
			xf_val p;
			if (!json_is_array(s) || json_array_size(s) != 2 ||
			    number(json_array_get(s, 0), &out->step_min[i]) !=
			        0)
				return bad(r, f, "分档计分应为 [下限, 得分]");
			static const xf_field pts = {
			    "steps", XF_F_X10, 1, 0, 0, 1000, NULL, "分档得分"};
			if (xf_input_value(r, &pts, json_array_get(s, 1), &p,
			                   f) != 0)
				return -1;
			out->step_x10[i] = (int)p.i;
		}
		out->nsteps = (int)n;
		return 0;
	}
	if ((v = json_object_get(m, "rank"))) {
		out->kind = XF_MAP_RANK;
		const char *s = json_is_string(v) ? json_string_value(v) : NULL;
		if (!s || (strcmp(s, "desc") != 0 && strcmp(s, "asc") != 0))
			return bad(r, f,
			           "排名计分应为 \"desc\"（高者优先）或 "
			           "\"asc\"（低者优先）");
		out->asc = strcmp(s, "asc") == 0;
		return 0;
	}
	return bad(r, f, "计分方式须为 linear、steps 或 rank 之一");
}

static int indicators(xf_req *r, json_t *arr, xf_scheme_input *in)
{
	int n = (int)json_array_size(arr);
	xf_indicator *ind =
	    xf_arena_calloc(&r->arena, (size_t)n + 1, sizeof *ind);
	if (!ind)
		return bad(r, NULL, "内存不足");
	for (int i = 0; i < n; i++) {
		xf_val v[I_COUNT];
		char *path = xf_arena_printf(&r->arena, "indicators[%d]", i);
		if (xf_input_object(r, json_array_get(arr, (size_t)i),
		                    ind_fields, I_COUNT, v, path) != 0)
			return -1;
		xf_indicator *d = &ind[i];
		d->code = v[I_CODE].s;
		d->title = v[I_TITLE].s;
		d->parent = xf_val_str(&v[I_PARENT]);
		d->max_x10 = (int)v[I_MAX].i;
		d->kind = v[I_KIND].s;
		d->source = xf_val_str(&v[I_SOURCE]);
		d->open = (int)v[I_OPEN].i;
		if (v[I_PARAMS].present && !v[I_PARAMS].is_null) {
			xf_val p[P_COUNT];
			char *pp =
			    xf_arena_printf(&r->arena, "%s.params", path);
			if (xf_input_object(r, v[I_PARAMS].j, param_fields,
			                    P_COUNT, p, pp) != 0)
				return -1;
			d->no_data_zero = p[P_NO_DATA].present &&
			                  strcmp(p[P_NO_DATA].s, "zero") == 0;
		}
		if (v[I_MAPPING].present && !v[I_MAPPING].is_null &&
		    mapping(r, v[I_MAPPING].j, path, &d->map) != 0)
			return -1;
	}
	in->ind = ind;
	in->nind = n;
	return 0;
}

static int stars(xf_req *r, json_t *obj, xf_scheme_input *in)
{
	xf_val v[T_COUNT];
	if (xf_input_object(r, obj, star_fields, T_COUNT, v, "stars") != 0)
		return -1;
	in->has_stars = 1;
	xf_star_rules_default(&in->stars);
	if (v[T_THRESHOLDS].present)
		for (int i = 0; i < 4; i++) {
			xf_val t;
			if (xf_input_value(
			        r, &threshold_field,
			        json_array_get(v[T_THRESHOLDS].j, (size_t)i),
			        &t, "stars.thresholds") != 0)
				return -1;
			in->stars.min_x10[i] = (int)t.i;
		}
	if (v[T_QUOTAS].present) {
		xf_val q[Q_COUNT];
		if (xf_input_object(r, v[T_QUOTAS].j, quota_fields, Q_COUNT, q,
		                    "stars.quotas") != 0)
			return -1;
		in->stars.quota_pct[0] = (int)q[Q5].i;
		in->stars.quota_pct[1] = (int)q[Q4].i;
	}
	in->stars.five_requires = xf_val_str(&v[T_FIVE]);
	return 0;
}

/* The kinds array as "branch,general_branch". */
static int kinds(xf_req *r, json_t *arr, const char **out)
{
	size_t n = json_array_size(arr);
	char *s = xf_arena_calloc(&r->arena, 200, 1);
	if (!s)
		return bad(r, NULL, "内存不足");
	for (size_t i = 0; i < n; i++) {
		json_t *k = json_array_get(arr, i);
		const char *v = json_is_string(k) ? json_string_value(k) : NULL;
		if (xf_org_kind_parse(v) < 0)
			return bad(r, "org_kinds", "适用组织类型不正确");
		if (strlen(s) + strlen(v) + 2 < 200) {
			if (*s)
				strcat(s, ",");
			strcat(s, v);
		}
	}
	*out = n ? s : NULL;
	return 0;
}

static void answer(xf_req *r, int status, const xf_scheme *s)
{
	XF_ANSWER(r, status, xf_scheme_write, s);
}

void xf_h_schemes_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_scheme_input in = {0};
	xf_ctx c;
	xf_scheme s;
	if (v[S_INDICATORS].present && !v[S_INDICATORS].is_null &&
	    indicators(r, v[S_INDICATORS].j, &in) != 0)
		return;
	if (v[S_STARS].present && !v[S_STARS].is_null &&
	    stars(r, v[S_STARS].j, &in) != 0)
		return;
	if (v[S_KINDS].present && !v[S_KINDS].is_null &&
	    kinds(r, v[S_KINDS].j, &in.org_kinds) != 0)
		return;
	if (!in.ind && !xf_val_str(&v[S_TEMPLATE]) && !v[S_ADOPTS].present) {
		bad(r, "indicators", "须给出指标，或选用模板，或采用上级办法");
		return;
	}
	if (xf_api_ctx(r, &c) != 0)
		return;
	in.name = v[S_NAME].s;
	in.year = (int)v[S_YEAR].i;
	in.org_id = v[S_ORG].i;
	in.adopts_id =
	    v[S_ADOPTS].present && !v[S_ADOPTS].is_null ? v[S_ADOPTS].i : 0;
	in.template_code = xf_val_str(&v[S_TEMPLATE]);
	if (!xf_api_failed(r, &c, xf_scheme_create(&c, &in, &s)))
		answer(r, 201, &s);
}

void xf_h_schemes_patch(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_scheme_input in = {0};
	xf_ctx c;
	xf_scheme s;
	int64_t id;
	if (xf_input_path_id(r, 0, &id) != 0)
		return;
	if (v[E_INDICATORS].present &&
	    indicators(r, v[E_INDICATORS].j, &in) != 0)
		return;
	if (v[E_STARS].present && stars(r, v[E_STARS].j, &in) != 0)
		return;
	if (v[E_KINDS].present && kinds(r, v[E_KINDS].j, &in.org_kinds) != 0)
		return;
	if (xf_api_ctx(r, &c) != 0)
		return;
	in.name = xf_val_str(&v[E_NAME]);
	if (!xf_api_failed(r, &c, xf_scheme_update(&c, id, &in, &s)))
		answer(r, 200, &s);
}

XF_ID_HANDLER(xf_h_schemes_get, xf_scheme s, xf_scheme_get(&c, id, &s),
              answer(r, 200, &s))

XF_ID_OK_HANDLER(xf_h_schemes_delete, xf_scheme_delete(&c, id))

enum { B_FROM, B_COUNT };
static const xf_field publish_fields[B_COUNT] = {
    {"effective_from", XF_F_DATE, 0, 0, 0, 0, NULL, "施行日期"},
};
const xf_body_table xf_schemes_publish_body =
    XF_OPTIONAL_BODY_TABLE(publish_fields);

XF_ID_HANDLER(xf_h_schemes_publish, xf_scheme s,
              xf_scheme_publish(&c, id, xf_val_str(&r->body_vals[B_FROM]), &s),
              answer(r, 200, &s))

XF_ID_HANDLER(xf_h_schemes_versions_create, xf_scheme s,
              xf_scheme_new_version(&c, id, &s), answer(r, 201, &s))

void xf_h_schemes_templates(xf_req *r)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_scheme_templates_write(&w);
	xf_reply_json(r, 200);
}

/* ?page=&size=&org=&year= */
const xf_query_table xf_schemes_list_query =
    XF_QUERY_TABLE(xf_org_year_page_params);

/* An item of the list: the scheme's own fields. */
static void scheme_item(xf_jw *w, const xf_scheme *s)
{
	xf_scheme_json_open(w, s);
	xf_jw_obj_end(w);
}

XF_LIST_HANDLER(xf_h_schemes_list, xf_scheme, scheme_item,
                xf_scheme_list(&c, q[XF_QP_ORG].i, (int)q[XF_QP_YEAR].i,
                               XF_LIST_OUT))

/* ?org=&year=: the published schemes over an organization. */
const xf_query_table xf_schemes_applicable_query =
    XF_QUERY_TABLE(xf_org_needed_year_now_params);

XF_ITEMS_HANDLER(xf_h_schemes_applicable, xf_scheme, xf_scheme_write,
                 xf_scheme_applicable(&c, r->query_vals[XF_QN_ORG].i,
                                      (int)r->query_vals[XF_QN_YEAR].i,
                                      XF_ITEMS_OUT))

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_schemes_bodies[] = {
    XF_BODY("POST /api/schemes", "indicators[]", ind_fields),
    XF_BODY("POST /api/schemes", "indicators[].params", param_fields),
    XF_BODY("POST /api/schemes", "stars", star_fields),
    XF_BODY("POST /api/schemes", "stars.quotas", quota_fields),
    {0},
};
