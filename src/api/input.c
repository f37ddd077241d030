/*
 * input.c - edge validation of JSON bodies, query strings and path ids
 * against the field tables of the routes, and the validator that runs
 * them before a handler.
 */
#include "api/input.h"

#include "api/api.h"

#include "base/date.h"
#include "base/utf8.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void free_json(void *p)
{
	json_decref(p);
}

static int blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

static int invalid(xf_req *r, const char *field, const char *label,
                   const char *what)
{
	char *msg =
	    xf_arena_printf(&r->arena, "%s%s", label ? label : field, what);
	xf_reply_error(r, 422, "invalid_field", msg ? msg : "字段不正确",
	               field);
	return -1;
}

const char *xf_field_check(xf_arena *a, const xf_field *f, json_t *v,
                           xf_val *out)
{
	out->present = 1;
	if (json_is_null(v)) {
		/* null only where the field says so: a service never sees a
		 * NULL it did not ask for */
		if (!f->nullable)
			return "不能为空";
		out->is_null = 1;
		return NULL;
	}
	switch (f->type) {
	case XF_F_STR:
	case XF_F_DATE:
	case XF_F_ENUM: {
		if (!json_is_string(v))
			return "应为文本";
		const char *s = json_string_value(v);
		size_t len = json_string_length(v);
		if (strlen(s) != len || !xf_utf8_valid(s, len))
			return "含有无效字符";
		for (size_t k = 0; k < len; k++) {
			unsigned char ch = (unsigned char)s[k];
			if ((ch < 0x20 && ch != '\n' && ch != '\r' &&
			     ch != '\t') ||
			    ch == 0x7f)
				return "含有控制字符";
		}
		if (f->type == XF_F_STR) {
			size_t chars = xf_utf8_chars(s, len);
			if ((int64_t)chars < f->min ||
			    (f->min >= 1 && blank(s)))
				return f->min <= 1 ? "不能为空" : "太短";
			if ((int64_t)chars > f->max)
				return "太长";
		} else if (f->type == XF_F_DATE) {
			xf_date d;
			if (xf_date_parse(s, &d) != 0)
				return "应为有效日期（YYYY-MM-DD）";
		} else {
			if (!xf_code_valid(f->codes, s))
				return "取值不在允许范围内";
		}
		out->s = xf_arena_strndup(a, s, len);
		return out->s ? NULL : "内存不足";
	}
	case XF_F_INT:
	case XF_F_ID: {
		int64_t min = f->type == XF_F_ID ? 1 : f->min;
		int64_t max = f->type == XF_F_ID ? INT64_MAX / 2 : f->max;
		if (!json_is_integer(v))
			return "应为整数";
		json_int_t i = json_integer_value(v);
		if (i < min || i > max)
			return "超出允许范围";
		out->i = i;
		return NULL;
	}
	case XF_F_X10: {
		if (!json_is_number(v))
			return "应为数值";
		double d = json_number_value(v) * 10.0;
		double t = d < 0 ? -d : d;
		if (!(t < 1e15)) /* NaN and huge values too */
			return "超出允许范围";
		if (t - (double)(int64_t)(t + 0.5) > 1e-6 ||
		    (double)(int64_t)(t + 0.5) - t > 1e-6)
			return "最多保留一位小数";
		int64_t i = (int64_t)(d < 0 ? d - 0.5 : d + 0.5);
		if (i < f->min || i > f->max)
			return "超出允许范围";
		out->i = i;
		return NULL;
	}
	case XF_F_BOOL:
		if (!json_is_boolean(v))
			return "应为布尔值";
		out->i = json_is_true(v);
		return NULL;
	case XF_F_ARRAY:
		if (!json_is_array(v))
			return "应为数组";
		if ((int64_t)json_array_size(v) > f->max)
			return "项目过多";
		out->j = v;
		return NULL;
	case XF_F_OBJECT:
		if (!json_is_object(v))
			return "应为对象";
		out->j = v;
		return NULL;
	}
	return "不正确";
}

int xf_input_value(xf_req *r, const xf_field *f, json_t *v, xf_val *out,
                   const char *path)
{
	const char *what = xf_field_check(&r->arena, f, v, out);
	return what ? invalid(r, path ? path : f->name, f->label, what) : 0;
}

int xf_input_object(xf_req *r, json_t *obj, const xf_field *fields, size_t n,
                    xf_val *vals, const char *path)
{
	if (!json_is_object(obj)) {
		xf_reply_error(r, 422, "invalid_field", "应为对象", path);
		return -1;
	}
	memset(vals, 0, n * sizeof *vals);
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		size_t i = 0;
		while (i < n && strcmp(fields[i].name, key) != 0)
			i++;
		const char *name = key;
		if (path)
			name = xf_arena_printf(&r->arena, "%s.%s", path, key);
		if (i == n) {
			size_t kl = strlen(key);
			const char *shown =
			    xf_utf8_valid(key, kl) && kl <= 64 ? name : "?";
			char *msg = xf_arena_printf(&r->arena,
			                            "不支持的字段：%s", shown);
			xf_reply_error(r, 422, "unknown_field",
			               msg ? msg : "不支持的字段", shown);
			return -1;
		}
		if (xf_input_value(r, &fields[i], v, &vals[i], name) != 0)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (fields[i].required &&
		    (!vals[i].present ||
		     (vals[i].is_null && !fields[i].nullable)))
			return invalid(r,
			               path ? xf_arena_printf(&r->arena,
			                                      "%s.%s", path,
			                                      fields[i].name)
			                    : fields[i].name,
			               fields[i].label, "为必填项");
	}
	return 0;
}

/* Whether a value holds, at any depth, a number that was an integer
 * beyond 64 bits (read as a real). */
static int holds_huge(json_t *v, int depth)
{
	if (json_is_real(v)) {
		double d = json_real_value(v);
		return d >= 9.2e18 || d <= -9.2e18;
	}
	if (depth > 32)
		return 0;
	size_t i;
	json_t *x;
	const char *k;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
		{
			if (holds_huge(x, depth + 1))
				return 1;
		}
	} else if (json_is_object(v)) {
		json_object_foreach(v, k, x)
		{
			if (holds_huge(x, depth + 1))
				return 1;
		}
	}
	return 0;
}

/*
 * A body jansson refused for an integer beyond 64 bits: read it again
 * with integers as reals only to find the member that holds it, and
 * answer 422 naming that field (400 when none is found).
 */
static int refuse_huge_integer(xf_req *r, const xf_field *fields, size_t n)
{
	json_error_t err;
	json_t *root =
	    json_loadb(r->body.data, r->body.len,
	               JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &err);
	const char *key = NULL, *label = NULL;
	json_t *v;
	if (root && json_is_object(root)) {
		const char *k;
		json_object_foreach(root, k, v)
		{
			if (!holds_huge(v, 0))
				continue;
			for (size_t i = 0; i < n && !label; i++)
				if (strcmp(fields[i].name, k) == 0)
					label = fields[i].label;
			size_t kl = strlen(k);
			key = xf_utf8_valid(k, kl) && kl <= 64
			          ? xf_arena_strdup(&r->arena, k)
			          : "?";
			break;
		}
	}
	json_decref(root);
	if (!key) {
		xf_reply_error(r, 400, "bad_json", "请求内容不是有效的 JSON",
		               NULL);
		return -1;
	}
	return invalid(r, key, label, "超出允许范围");
}

int xf_input_body(xf_req *r, const xf_field *fields, size_t n, xf_val *vals)
{
	json_error_t err;
	json_t *root = json_loadb(r->body.data ? r->body.data : "", r->body.len,
	                          JSON_REJECT_DUPLICATES, &err);
	if (!root && strstr(err.text, "too big"))
		return refuse_huge_integer(r, fields, n);
	if (!root) {
		xf_reply_error(r, 400, "bad_json", "请求内容不是有效的 JSON",
		               NULL);
		return -1;
	}
	r->cleanup = free_json;
	r->cleanup_arg = root;
	if (!json_is_object(root)) {
		xf_reply_error(r, 400, "bad_json", "请求内容应为 JSON 对象",
		               NULL);
		return -1;
	}
	return xf_input_object(r, root, fields, n, vals, NULL);
}

/* Parses a decimal in [1, max]; returns -1 on anything else. */
int xf_parse_id(const char *s, int64_t max, int64_t *out)
{
	if (!s || !*s || strlen(s) > 18 || strspn(s, "0123456789") != strlen(s))
		return -1;
	int64_t v = strtoll(s, NULL, 10);
	if (v < 1 || v > max)
		return -1;
	*out = v;
	return 0;
}

/* ---- query strings ------------------------------------------------------ */

/* The 422 answer for parameter p: its label (or "参数 <name> ") and
 * what is wrong. */
static int bad_param(xf_req *r, const xf_param *p, const char *what)
{
	char *msg =
	    p->label ? xf_arena_printf(&r->arena, "%s%s", p->label, what)
	             : xf_arena_printf(&r->arena, "参数 %s %s", p->name, what);
	xf_reply_error(r, 422, "invalid_field", msg ? msg : "参数不正确",
	               p->name);
	return -1;
}

/* Digits only, at most 18 of them, into *out; -1 otherwise. */
static int parse_digits(const char *s, int64_t *out)
{
	size_t n = strlen(s);
	if (n == 0 || n > 18 || strspn(s, "0123456789") != n)
		return -1;
	*out = strtoll(s, NULL, 10);
	return 0;
}

/* The current period of kind at the request's time, into out. */
static int current(xf_req *r, const xf_param *p, xf_val *out)
{
	xf_period now = xf_period_of(
	    xf_date_today(r->now),
	    p->now == XF_NOW_QUARTER ? XF_PERIOD_QUARTER : XF_PERIOD_YEAR);
	char text[12];
	xf_period_format(now, text);
	out->present = 1;
	out->i = now.year;
	out->s = xf_arena_strdup(&r->arena, text);
	if (out->s)
		return 0;
	xf_reply_error(r, 500, "internal", "内存不足", NULL);
	return -1;
}

int xf_input_param(xf_req *r, const xf_param *p, const char *s, xf_val *out)
{
	memset(out, 0, sizeof *out);
	if (!s || !*s) {
		if (p->required)
			return bad_param(r, p, "为必填项");
		if (p->now && (p->type == XF_Q_PERIOD || p->type == XF_Q_YEAR))
			return current(r, p, out);
		if (!p->dflt)
			return 0;
		s = p->dflt;
	}
	out->present = 1;
	out->s = s;
	switch (p->type) {
	case XF_Q_ID:
		if (xf_parse_id(s, INT64_MAX / 2, &out->i) != 0)
			return bad_param(r, p, "应为正整数");
		return 0;
	case XF_Q_INT:
		if (parse_digits(s, &out->i) != 0 || out->i < p->min ||
		    out->i > p->max) {
			char *what = xf_arena_printf(
			    &r->arena, "应为 %lld 到 %lld 之间的整数",
			    (long long)p->min, (long long)p->max);
			return bad_param(r, p, what ? what : "不正确");
		}
		return 0;
	case XF_Q_BOOL:
		if (strcmp(s, "1") == 0 || strcmp(s, "true") == 0)
			out->i = 1;
		else if (strcmp(s, "0") != 0 && strcmp(s, "false") != 0)
			return bad_param(r, p, "应为 1、0、true 或 false");
		return 0;
	case XF_Q_STR: {
		size_t n = strlen(s);
		if (!xf_utf8_valid(s, n) ||
		    (int64_t)xf_utf8_chars(s, n) > p->max)
			return bad_param(r, p, "不正确");
		return 0;
	}
	case XF_Q_ENUM:
		if (p->codes)
			return xf_code_valid(p->codes, s)
			           ? 0
			           : bad_param(r, p, "取值不在允许范围内");
		for (int64_t i = 0; p->enums[i]; i++) {
			if (strcmp(p->enums[i], s) == 0) {
				out->i = i;
				return 0;
			}
		}
		return bad_param(r, p, "不正确");
	case XF_Q_DATE: {
		xf_date d;
		if (xf_date_parse(s, &d) != 0)
			return bad_param(r, p, "应为有效日期（YYYY-MM-DD）");
		return 0;
	}
	case XF_Q_PERIOD: {
		xf_period per;
		if (xf_period_parse(s, &per) != 0)
			return bad_param(r, p,
			                 "应为 2024、2024Q3 或 2024-07 的形式");
		out->i = per.year;
		return 0;
	}
	case XF_Q_YEAR: {
		xf_period per;
		if (xf_period_parse(s, &per) != 0 || per.kind != XF_PERIOD_YEAR)
			return bad_param(r, p, "应为 1900 到 2200 之间的年份");
		out->i = per.year;
		return 0;
	}
	}
	return bad_param(r, p, "不正确");
}

int xf_input_query(xf_req *r, const xf_param *params, size_t n, xf_val *vals)
{
	for (size_t i = 0; i < n; i++)
		if (xf_input_param(r, &params[i],
		                   xf_req_query(r, params[i].name),
		                   &vals[i]) != 0)
			return -1;
	return 0;
}

/* The index of parameter name in the route's query table. */
static size_t param_index(const xf_req *r, const char *name)
{
	const xf_query_table *t = r->route ? r->route->query : NULL;
	size_t i = 0;
	while (t && i < t->n && strcmp(t->params[i].name, name) != 0)
		i++;
	assert(t && i < t->n && r->query_vals);
	return i;
}

const xf_param xf_page_params[2] = {XF_PARAMS_PAGE};
const xf_param xf_org_page_params[3] = {XF_PARAMS_ORG_PAGE};
const xf_param xf_org_year_page_params[4] = {XF_PARAMS_ORG_YEAR_PAGE};
const xf_param xf_org_year_now_params[2] = {XF_PARAMS_ORG_YEAR_NOW};
const xf_param xf_org_needed_year_now_params[2] = {
    {.name = "org", .type = XF_Q_ID, .required = 1, .label = "组织"},
    XF_PARAM_YEAR_NOW,
};

void xf_query_page(const xf_req *r, int *offset, int *limit)
{
	int64_t page = r->query_vals[param_index(r, "page")].i;
	int64_t size = r->query_vals[param_index(r, "size")].i;
	*offset = (int)((page - 1) * size);
	*limit = (int)size;
}

int xf_input_path_id(xf_req *r, int i, int64_t *out)
{
	if (i >= r->nparam ||
	    xf_parse_id(r->param[i], INT64_MAX / 2, out) != 0) {
		xf_reply_error(r, 404, "not_found", "记录不存在", NULL);
		return -1;
	}
	return 0;
}

/* n values in the arena, zeroed; NULL with a 500 answer. */
void *xf_input_calloc(xf_req *r, size_t n, size_t size)
{
	void *p = xf_arena_calloc(&r->arena, n + 1, size);
	if (!p)
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
	return p;
}

int xf_input_ids(xf_req *r, json_t *arr, const char *name, const char *label,
                 int64_t *ids)
{
	const xf_field f = {name, XF_F_ID, 1, 0, 0, 0, NULL, label};
	int n = (int)json_array_size(arr); /* 0 for NULL */
	for (int i = 0; i < n; i++) {
		xf_val x;
		char *path = xf_arena_printf(&r->arena, "%s[%d]", name, i);
		if (xf_input_value(r, &f, json_array_get(arr, (size_t)i), &x,
		                   path) != 0)
			return -1;
		ids[i] = x.i;
	}
	return n;
}

const xf_val *xf_input_items(xf_req *r, json_t *arr, const char *name,
                             const xf_field *fields, size_t nf, int *n,
                             void *out, size_t size)
{
	size_t len = json_array_size(arr); /* 0 for NULL or not an array */
	xf_val *vals = xf_input_calloc(r, len * nf, sizeof *vals);
	if (!vals)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		char *path = xf_arena_printf(&r->arena, "%s[%zu]", name, i);
		if (xf_input_object(r, json_array_get(arr, i), fields, nf,
		                    vals + i * nf, path) != 0)
			return NULL;
	}
	*n = (int)len;
	if (out) {
		void *room = xf_input_calloc(r, len, size);
		if (!room)
			return NULL;
		memcpy(out, &room, sizeof room);
	}
	return vals;
}

int xf_api_validate(xf_req *r, const xf_route *route)
{
	int64_t id;
	for (int i = 0; i < r->nparam; i++)
		if (xf_input_path_id(r, i, &id) != 0)
			return r->status;
	const xf_query_table *q = route->query;
	xf_val *vals;
	if (q) {
		if (!(vals = xf_input_calloc(r, q->n, sizeof *vals)) ||
		    xf_input_query(r, q->params, q->n, vals) != 0)
			return r->status;
		r->query_vals = vals;
	}
	const xf_body_table *b = route->body;
	if (b) {
		if (!(vals = xf_input_calloc(r, b->n, sizeof *vals)) ||
		    (!(b->optional && r->body.len == 0) &&
		     xf_input_body(r, b->fields, b->n, vals) != 0))
			return r->status;
		r->body_vals = vals;
	}
	return 0;
}

int xf_api_ctx(xf_req *r, xf_ctx *c)
{
	xf_db *db = xf_svc_db();
	if (!db) {
		xf_reply_error(r, 503, "unavailable", "数据库暂时不可用", NULL);
		return -1;
	}
	xf_ctx_init(c, db, &r->arena, r->principal, r->user);
	if (r->now)
		c->now = r->now; /* the time the defaults of the query used */
	c->client_addr = r->client_addr;
	c->user_agent = xf_req_header(r, "User-Agent");
	return 0;
}

int xf_api_ctx_id(xf_req *r, xf_ctx *c, int64_t *id)
{
	if (xf_input_path_id(r, 0, id) != 0)
		return -1;
	return xf_api_ctx(r, c);
}

int xf_api_ctx_id2(xf_req *r, xf_ctx *c, int64_t *id, int64_t *id2)
{
	if (xf_input_path_id(r, 0, id) != 0 || xf_input_path_id(r, 1, id2) != 0)
		return -1;
	return xf_api_ctx(r, c);
}

int xf_api_ctx_id_year(xf_req *r, xf_ctx *c, int64_t *id, int *year)
{
	int64_t y;
	if (xf_api_ctx_id(r, c, id) != 0)
		return -1;
	if (xf_parse_id(r->param[1], 9999, &y) != 0) {
		xf_reply_error(r, 404, "not_found", "年度不正确", NULL);
		return -1;
	}
	*year = (int)y;
	return 0;
}

int xf_api_status(int kind)
{
	switch (kind) {
	case XF_E_INVALID:
		return 422;
	case XF_E_NOT_FOUND:
		return 404;
	case XF_E_FORBIDDEN:
		return 403;
	case XF_E_CONFLICT:
		return 409;
	case XF_E_UNAUTHORIZED:
		return 401;
	case XF_E_THROTTLED:
		return 429;
	case XF_E_BUSY:
		return 503;
	default:
		return 500;
	}
}

void xf_api_fail(xf_req *r, const xf_ctx *c)
{
	xf_reply_error(r, xf_api_status(c->err.kind),
	               c->err.code ? c->err.code : "internal",
	               c->err.message ? c->err.message : "服务器内部错误",
	               c->err.field);
}

int xf_api_failed(xf_req *r, const xf_ctx *c, int rc)
{
	if (rc == XF_OK)
		return 0;
	xf_api_fail(r, c);
	return 1;
}

int xf_input_scores(xf_req *r, json_t *obj, const char *field, int max,
                    const char **names, int *vals_x10)
{
	static const xf_field f = {"scores", XF_F_X10, 1,    0,
	                           0,        10000,    NULL, "分数"};
	int n = (int)json_object_size(obj);
	if (n < 1 || n > max) {
		xf_reply_error(
		    r, 422, "invalid_field",
		    xf_arena_printf(&r->arena, "评分须有 1 到 %d 项", max),
		    field);
		return -1;
	}
	int i = 0;
	const char *key;
	json_t *val;
	json_object_foreach(obj, key, val)
	{
		xf_val x;
		if (!xf_utf8_valid(key, strlen(key)) || strlen(key) > 120) {
			xf_reply_error(r, 422, "invalid_field",
			               "评分项名称不正确", field);
			return -1;
		}
		char *at = xf_arena_printf(&r->arena, "%s.%s", field, key);
		if (xf_input_value(r, &f, val, &x, at) != 0)
			return -1;
		names[i] = key;
		vals_x10[i++] = (int)x.i;
	}
	return n;
}
