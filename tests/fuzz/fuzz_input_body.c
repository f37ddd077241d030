/*
 * fuzz_input_body.c - libFuzzer harness for the validation of JSON request
 * bodies (api/input.c: xf_input_body, xf_input_object, xf_input_value).
 *
 * The field tables of the API are static in src/api/ (orgs.c, members.c,
 * users.c, system.c), so the tables below mirror them; scripts/fuzz.sh
 * warns when they drift. Every input is checked against every table, the
 * way the handlers call it, including the nested role objects of
 * /api/users. Invariants:
 *   - on success, every present value obeys its field: strings are valid
 *     UTF-8 within their character limits and not blank when they may not
 *     be empty, dates parse, enums are listed, integers and ids are in
 *     range, arrays are short enough; required fields are present; every
 *     key of the body is a field of the table; nothing was written to
 *     r->out;
 *   - null is accepted only for a nullable field. The handlers turn an
 *     accepted null into "set this to NULL", so a null for a field that is
 *     not nullable (the "kind" of an org PATCH, say) reaches the service
 *     as a NULL it does not expect;
 *   - on failure, r->out holds {"error":{"code","message"[,"field"]}}
 *     that jansson parses, and the status is 400 or 422.
 *
 * sources: src/api/input.c src/http/server.c src/http/cache.c
 * sources: src/http/headers.c
 * sources: src/base/arena.c
 * sources: src/base/buf.c src/base/jw.c src/base/utf8.c src/base/date.c
 * libs: jansson libmicrohttpd
 * mirrors: src/api
 */
#include "api/input.h"
#include "base/date.h"
#include "base/utf8.h"
#include "domain/scope.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* input.c's xf_api_ctx() needs these; the harness never calls it. */
xf_db *xf_svc_db(void)
{
	return NULL;
}

void xf_ctx_init(xf_ctx *c, xf_db *db, xf_arena *a, const xf_scope *scope,
                 const char *username)
{
	(void)c, (void)db, (void)a, (void)scope, (void)username;
	abort();
}

/* ---- the tables, as in src/api/ ---------------------------------------- */
/* Laid out as in the sources, one field a line: scripts/fuzz.sh warns when
 * a field line of src/api/ is missing here. */
// clang-format off

static const char *const genders[] = {"male", "female", NULL};
static const char *const statuses[] = {"full", "probationary", NULL};

#define MEMBER_FIELDS(req)                                                     \
	{                                                                      \
		{"name", XF_F_STR, req, 0, 1, 100, NULL, "姓名"},              \
		{"gender", XF_F_ENUM, req, 0, 0, 0, genders, "性别"},          \
		{"id_number", XF_F_STR, req, 0, 1, 18, NULL, "身份证号码"},    \
		{"phone", XF_F_STR, req, 0, 1, 20, NULL, "手机号码"},          \
		{"org_id", XF_F_ID, req, 0, 0, 0, NULL, "所属组织"},           \
		{"status", XF_F_ENUM, req, 0, 0, 0, statuses, "党员状态"},     \
		{"joined_on", XF_F_DATE, req, 0, 0, 0, NULL, "入党日期"},      \
		{"full_on", XF_F_DATE, 0, 1, 0, 0, NULL, "转正日期"},          \
		{"ethnicity", XF_F_STR, 0, 1, 0, 20, NULL, "民族"},            \
		{"education", XF_F_STR, 0, 1, 0, 20, NULL, "学历"},            \
		{"position", XF_F_STR, 0, 1, 0, 100, NULL, "职务"},            \
	}

static const xf_field member_create[] = MEMBER_FIELDS(1);
static const xf_field member_patch[] = MEMBER_FIELDS(0);

static const xf_field member_transfer[] = {
	{"to_org_id", XF_F_ID, 1, 0, 0, 0, NULL, "转入组织"},
	{"reason", XF_F_STR, 1, 0, 1, 500, NULL, "转接原因"},
};

static const char *const kinds[] = {
	"work_committee", "party_committee", "organ_committee",
	"general_branch", "branch",          "temp_branch",
	"group",          NULL};
static const char *const levels[] = {"city", "county", "township", NULL};

static const xf_field org_patch[] = {
	{"name", XF_F_STR, 0, 0, 1, 100, NULL, "组织名称"},
	{"kind", XF_F_ENUM, 0, 0, 0, 0, kinds, "组织类型"},
	{"level", XF_F_ENUM, 0, 0, 0, 0, levels, "层级"},
	{"parent_id", XF_F_ID, 0, 1, 0, 0, NULL, "上级组织"},
	{"established_on", XF_F_DATE, 0, 1, 0, 0, NULL, "成立日期"},
	{"project", XF_F_STR, 0, 1, 0, 200, NULL, "所属项目"},
	{"starts_on", XF_F_DATE, 0, 1, 0, 0, NULL, "开始日期"},
	{"ends_on", XF_F_DATE, 0, 1, 0, 0, NULL, "结束日期"},
	{"closed_on", XF_F_DATE, 0, 1, 0, 0, NULL, "撤销日期"},
};

static const xf_field org_create[] = {
	{"name", XF_F_STR, 1, 0, 1, 100, NULL, "组织名称"},
	{"kind", XF_F_ENUM, 1, 0, 0, 0, kinds, "组织类型"},
	{"level", XF_F_ENUM, 1, 0, 0, 0, levels, "层级"},
	{"parent_id", XF_F_ID, 1, 1, 0, 0, NULL, "上级组织"},
	{"established_on", XF_F_DATE, 0, 1, 0, 0, NULL, "成立日期"},
	{"project", XF_F_STR, 0, 1, 0, 200, NULL, "所属项目"},
	{"starts_on", XF_F_DATE, 0, 1, 0, 0, NULL, "开始日期"},
	{"ends_on", XF_F_DATE, 0, 1, 0, 0, NULL, "结束日期"},
	{"closed_on", XF_F_DATE, 0, 1, 0, 0, NULL, "撤销日期"},
};

static const xf_field cluster[] = {
	{"name", XF_F_STR, 1, 0, 1, 100, NULL, "片区名称"},
	{"description", XF_F_STR, 0, 1, 0, 2000, NULL, "说明"},
};

static const xf_field cluster_org[] = {
	{"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "组织"},
};

static const xf_field login[] = {
	{"username", XF_F_STR, 1, 0, 1, 64, NULL, "用户名"},
	{"password", XF_F_STR, 1, 0, 1, 128, NULL, "密码"},
};

static const xf_field me_password[] = {
	{"old_password", XF_F_STR, 1, 0, 1, 128, NULL, "原密码"},
	{"new_password", XF_F_STR, 1, 0, 8, 128, NULL, "新密码"},
};

static const char *const role_names[] = {"admin", "committee", "secretary",
					 "member", "judge", "screen", NULL};

static const xf_field user_role[] = {
	{"role", XF_F_ENUM, 1, 0, 0, 0, role_names, "角色"},
	{"org_id", XF_F_ID, 0, 1, 0, 0, NULL, "角色所属组织"},
};

static const xf_field user_create[] = {
	{"username", XF_F_STR, 1, 0, 2, 64, NULL, "用户名"},
	{"password", XF_F_STR, 1, 0, 8, 128, NULL, "密码"},
	{"display_name", XF_F_STR, 0, 1, 0, 50, NULL, "姓名"},
	{"member_id", XF_F_ID, 0, 1, 0, 0, NULL, "关联党员"},
	{"disabled", XF_F_BOOL, 0, 0, 0, 0, NULL, "停用"},
	{"roles", XF_F_ARRAY, 0, 0, 0, XF_MAX_GRANTS, NULL, "角色"},
};

static const xf_field user_patch[] = {
	{"username", XF_F_STR, 0, 0, 2, 64, NULL, "用户名"},
	{"password", XF_F_STR, 0, 0, 8, 128, NULL, "密码"},
	{"display_name", XF_F_STR, 0, 1, 0, 50, NULL, "姓名"},
	{"member_id", XF_F_ID, 0, 1, 0, 0, NULL, "关联党员"},
	{"disabled", XF_F_BOOL, 0, 0, 0, 0, NULL, "停用"},
	{"roles", XF_F_ARRAY, 0, 0, 0, XF_MAX_GRANTS, NULL, "角色"},
};

/* src/api/meetings.c; XF_ATTENDANCE_MAX as in service/meetings.h */
#define XF_ATTENDANCE_MAX 2000

static const char *const meeting_kinds[] = {
	"branch_congress", "branch_committee",  "group_meeting",
	"party_lecture",   "theme_day",         "life_meeting",
	"democratic_review", "committee_meeting", "first_topic",
	NULL};
static const char *const attendance[] = {"present",        "late",
					 "sick_leave",     "official_leave",
					 "personal_leave", "absent",
					 NULL};

#define MEETING_FIELDS(req, kinds)                                             \
	{                                                                      \
		{"org_id", XF_F_ID, req, 0, 0, 0, NULL, "所属组织"},           \
		{"kind", XF_F_ENUM, req, 0, 0, 0, kinds, "会议类型"},          \
		{"held_at", XF_F_STR, req, 0, 1, 40, NULL, "会议时间"},        \
		{"makeup_for", XF_F_STR, 0, 1, 0, 10, NULL, "补开所属期间"},   \
		{"place", XF_F_STR, 0, 1, 0, 200, NULL, "会议地点"},           \
		{"topic", XF_F_STR, req, 0, 1, 200, NULL, "会议主题"},         \
		{"host", XF_F_STR, 0, 1, 0, 50, NULL, "主持人"},               \
		{"recorder", XF_F_STR, 0, 1, 0, 50, NULL, "记录人"},           \
		{"lecturer", XF_F_STR, 0, 1, 0, 50, NULL, "授课人"},           \
		{"agenda", XF_F_STR, 0, 1, 0, 5000, NULL, "会议议程"},         \
		{"minutes", XF_F_STR, 0, 1, 0, 20000, NULL, "会议记录"},       \
	}

static const xf_field meeting_create[] = MEETING_FIELDS(1, meeting_kinds);
static const xf_field meeting_patch[] = MEETING_FIELDS(0, meeting_kinds);

/* The nested "first_topic" object of a meeting. */
static const xf_field first_topic[] = {
	{"title", XF_F_STR, 1, 0, 1, 200, NULL, "第一议题学习内容"},
	{"source", XF_F_STR, 0, 1, 0, 200, NULL, "出处"},
	{"speech_date", XF_F_DATE, 0, 1, 0, 0, NULL, "讲话日期"},
	{"discussion", XF_F_STR, 0, 1, 0, 5000, NULL, "研讨情况"},
};

static const xf_field attendance_fields[] = {
	{"items", XF_F_ARRAY, 1, 0, 0, XF_ATTENDANCE_MAX, NULL, "出席情况"},
};
static const xf_field attendee[] = {
	{"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
	{"status", XF_F_ENUM, 1, 0, 0, 0, attendance, "出席情况"},
};

#define MEASURE_FIELDS(req)                                                    \
	{                                                                      \
		{"title", XF_F_STR, req, 0, 1, 500, NULL, "举措内容"},         \
		{"owner", XF_F_STR, req, 0, 1, 50, NULL, "责任人"},            \
		{"due_on", XF_F_DATE, req, 0, 0, 0, NULL, "完成时限"},         \
		{"done_on", XF_F_DATE, 0, 1, 0, 0, NULL, "完成日期"},          \
	}
static const xf_field measure_create[] = MEASURE_FIELDS(1);
static const xf_field measure_patch[] = MEASURE_FIELDS(0);

static const xf_field talk[] = {
	{"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
	{"held_on", XF_F_DATE, 1, 0, 0, 0, NULL, "谈话日期"},
	{"notes", XF_F_STR, 1, 0, 1, 5000, NULL, "谈话记录"},
};

// clang-format on

#define N(t) (sizeof(t) / sizeof((t)[0]))

/* A table, and for an ARRAY field whose items are objects (users' roles,
 * attendance items) the index of that field and the items' table. */
static const struct table {
	const char *name;
	const xf_field *f;
	size_t n;
	int items_at; /* -1: none */
	const char *items_name;
	const xf_field *items;
	size_t nitems;
} tables[] = {
    {"members create", member_create, N(member_create), -1, 0, 0, 0},
    {"members patch", member_patch, N(member_patch), -1, 0, 0, 0},
    {"members transfer", member_transfer, N(member_transfer), -1, 0, 0, 0},
    {"orgs create", org_create, N(org_create), -1, 0, 0, 0},
    {"orgs patch", org_patch, N(org_patch), -1, 0, 0, 0},
    {"clusters", cluster, N(cluster), -1, 0, 0, 0},
    {"cluster orgs", cluster_org, N(cluster_org), -1, 0, 0, 0},
    {"login", login, N(login), -1, 0, 0, 0},
    {"me password", me_password, N(me_password), -1, 0, 0, 0},
    {"users create", user_create, N(user_create), 5, "roles", user_role,
     N(user_role)},
    {"users patch", user_patch, N(user_patch), 5, "roles", user_role,
     N(user_role)},
    {"meetings create", meeting_create, N(meeting_create), -1, 0, 0, 0},
    {"meetings patch", meeting_patch, N(meeting_patch), -1, 0, 0, 0},
    {"first topic", first_topic, N(first_topic), -1, 0, 0, 0},
    {"attendance", attendance_fields, N(attendance_fields), 0, "items",
     attendee, N(attendee)},
    {"measures create", measure_create, N(measure_create), -1, 0, 0, 0},
    {"measures patch", measure_patch, N(measure_patch), -1, 0, 0, 0},
    {"talks", talk, N(talk), -1, 0, 0, 0},
};

#define MAX_FIELDS 16

/* ---- invariants ------------------------------------------------------- */

static void fail(const struct table *t, const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_input_body [%s]: %s%s%s\n", t->name, what,
	        detail ? ": " : "", detail ? detail : "");
	abort();
}

/* Checks that one accepted value obeys its field. */
static void check_value(const struct table *t, const xf_field *f,
                        const xf_val *v)
{
	if (!v->present) {
		if (v->is_null || v->s || v->j)
			fail(t, "absent field carries a value", f->name);
		if (f->required)
			fail(t, "required field missing but accepted", f->name);
		return;
	}
	if (v->is_null) {
		if (!f->nullable)
			fail(t,
			     "null accepted for a field that is not nullable",
			     f->name);
		return;
	}
	switch (f->type) {
	case XF_F_STR:
	case XF_F_DATE:
	case XF_F_ENUM: {
		if (!v->s)
			fail(t, "accepted text value is NULL", f->name);
		size_t len = strlen(v->s);
		if (!xf_utf8_valid(v->s, len))
			fail(t, "accepted text is not valid UTF-8", f->name);
		if (f->type == XF_F_STR) {
			int64_t chars = (int64_t)xf_utf8_chars(v->s, len);
			if (chars < f->min || chars > f->max)
				fail(t, "accepted text outside its limits",
				     f->name);
			if (f->min >= 1 && v->s[strspn(v->s, " \t\r\n")] == 0)
				fail(t,
				     "accepted blank text for a field that "
				     "may not be empty",
				     f->name);
		} else if (f->type == XF_F_DATE) {
			xf_date d;
			if (xf_date_parse(v->s, &d) != 0)
				fail(t, "accepted date does not parse",
				     f->name);
		} else {
			int ok = 0;
			for (const char *const *e = f->enums; *e; e++)
				ok |= strcmp(*e, v->s) == 0;
			if (!ok)
				fail(t, "accepted enum value not listed",
				     f->name);
		}
		break;
	}
	case XF_F_INT:
		if (v->i < f->min || v->i > f->max)
			fail(t, "accepted integer out of range", f->name);
		break;
	case XF_F_ID:
		if (v->i < 1)
			fail(t, "accepted id not positive", f->name);
		break;
	case XF_F_BOOL:
		if (v->i != 0 && v->i != 1)
			fail(t, "accepted bool not 0 or 1", f->name);
		break;
	case XF_F_ARRAY:
		if (!json_is_array(v->j) ||
		    (int64_t)json_array_size(v->j) > f->max)
			fail(t, "accepted array bad", f->name);
		break;
	}
}

/* Checks the values accepted for obj (a parsed copy of what was given). */
static void check_accepted(const struct table *t, const xf_field *f, size_t n,
                           const xf_val *vals, json_t *obj)
{
	if (!json_is_object(obj))
		fail(t, "accepted a body that is not an object", NULL);
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v)
	{
		size_t i = 0;
		while (i < n && strcmp(f[i].name, key) != 0)
			i++;
		if (i == n)
			fail(t, "accepted an unknown key", key);
		if (!vals[i].present)
			fail(t, "given key not marked present", key);
		if (json_is_null(v) != vals[i].is_null)
			fail(t, "is_null disagrees with the body", key);
	}
	for (size_t i = 0; i < n; i++)
		check_value(t, &f[i], &vals[i]);
}

/* Checks an error answer: {"error":{"code":s,"message":s[,"field":s]}}. */
static void check_error(const struct table *t, const xf_req *r)
{
	if (r->status != 400 && r->status != 422)
		fail(t, "unexpected error status", NULL);
	if (r->out.failed)
		fail(t, "error answer overflowed its buffer", NULL);
	json_error_t err;
	json_t *doc = json_loadb(r->out.data, r->out.len, 0, &err);
	if (!doc)
		fail(t, "error answer is not JSON", err.text);
	json_t *e = json_object_get(doc, "error");
	if (!json_is_object(doc) || json_object_size(doc) != 1 ||
	    !json_is_object(e))
		fail(t, "error answer lacks {\"error\":{...}}", r->out.data);
	json_t *code = json_object_get(e, "code");
	json_t *msg = json_object_get(e, "message");
	json_t *field = json_object_get(e, "field");
	size_t want = 2 + (field != NULL);
	if (!json_is_string(code) || !json_is_string(msg) ||
	    json_string_length(code) == 0 || json_string_length(msg) == 0 ||
	    (field && !json_is_string(field)) || json_object_size(e) != want)
		fail(t, "error answer malformed", r->out.data);
	if (strcmp(json_string_value(code), "bad_json") == 0 &&
	    r->status != 400)
		fail(t, "bad_json answered without 400", NULL);
	json_decref(doc);
}

static xf_req *req_new(const uint8_t *data, size_t size)
{
	xf_req *r = calloc(1, sizeof *r);
	if (!r)
		abort();
	xf_arena_init(&r->arena, 64u << 20);
	xf_buf_init(&r->body, 1u << 20);
	xf_buf_init(&r->out, 256u << 20);
	r->method = "POST";
	r->url = "/api/fuzz";
	if (size && xf_buf_add(&r->body, data, size) != 0)
		abort();
	return r;
}

static void req_free(xf_req *r)
{
	if (r->cleanup)
		r->cleanup(r->cleanup_arg);
	xf_buf_free(&r->body);
	xf_buf_free(&r->out);
	xf_arena_reset(&r->arena);
	free(r);
}

/* Validates the items of an ARRAY field the way the handlers do
 * (api/users.c for roles, api/meetings.c for attendance). */
static int check_items(const struct table *t, xf_req *r, json_t *arr)
{
	for (size_t i = 0; i < json_array_size(arr); i++) {
		xf_val iv[MAX_FIELDS];
		char *path =
		    xf_arena_printf(&r->arena, "%s[%zu]", t->items_name, i);
		json_t *item = json_array_get(arr, i);
		if (xf_input_object(r, item, t->items, t->nitems, iv, path) !=
		    0)
			return -1;
		check_accepted(t, t->items, t->nitems, iv, item);
		if (r->out.len != 0)
			fail(t, "accepted item wrote an answer", NULL);
	}
	return 0;
}

static void run_table(const struct table *t, const uint8_t *data, size_t size,
                      json_t *doc)
{
	xf_val vals[MAX_FIELDS];
	xf_req *r = req_new(data, size);
	int rc = xf_input_body(r, t->f, t->n, vals);
	if (rc == 0) {
		if (!doc)
			fail(t, "accepted a body jansson rejects", NULL);
		if (r->out.len != 0 || r->status != 0)
			fail(t, "accepted body wrote an answer", NULL);
		if (!r->cleanup)
			fail(t, "parsed body has no cleanup hook", NULL);
		check_accepted(t, t->f, t->n, vals, doc);
		if (t->items_at >= 0 && vals[t->items_at].present &&
		    !vals[t->items_at].is_null)
			rc = check_items(t, r, vals[t->items_at].j);
	} else if (rc != -1) {
		fail(t, "unexpected return code", NULL);
	}
	if (rc != 0)
		check_error(t, r);
	req_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_error_t err;
	/* The reference parse: the same flags as input.c. */
	json_t *doc =
	    json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &err);
	for (size_t i = 0; i < N(tables); i++)
		run_table(&tables[i], data, size, doc);
	json_decref(doc);
	return 0;
}
