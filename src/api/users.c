/*
 * users.c (api) - /api/users: accounts and their roles per organization.
 */
#include "api/users.h"
#include "api/api.h"
#include "api/page.h"

#include "api/bodies.h"
#include "api/input.h"
#include "base/jw.h"
#include "model/user.h"
#include "service/auth.h"

static const xf_field role_fields[] = {
    {"role", XF_F_ENUM, 1, 0, 0, 0, xf_roles, "角色"},
    {"org_id", XF_F_ID, 0, 1, 0, 0, NULL, "角色所属组织"},
};

enum {
	F_USERNAME,
	F_PASSWORD,
	F_DISPLAY,
	F_MEMBER,
	F_DISABLED,
	F_ROLES,
	F_COUNT
};

/* required on create: username and password */
#define USER_FIELDS(req)                                                         \
	{                                                                        \
		{"username", XF_F_STR, req, 0, 2, 64, NULL, "用户名"},           \
		    {"password", XF_F_STR, req, 0, 1, 128, NULL, "密码"},        \
		    {"display_name", XF_F_STR, 0, 1, 0, 50, NULL, "姓名"},       \
		    {"member_id", XF_F_ID, 0, 1, 0, 0, NULL, "关联党员"},        \
		    {"disabled", XF_F_BOOL, 0, 0, 0, 0, NULL, "停用"},           \
		    {"roles", XF_F_ARRAY, 0, 0, 0, XF_MAX_GRANTS, NULL, "角色"}, \
	}

static const xf_field create_fields[F_COUNT] = USER_FIELDS(1);
const xf_body_table xf_users_create_body = XF_BODY_TABLE(create_fields);

static const xf_field patch_fields[F_COUNT] = USER_FIELDS(0);
const xf_body_table xf_users_patch_body = XF_BODY_TABLE(patch_fields);

/* Reads the body (checked against create_fields, or patch_fields when
 * patch) into in; -1 after writing an error answer. */
static int read_input(xf_req *r, int patch, xf_user_input *in)
{
	const xf_val *v = r->body_vals;
	if (v[F_USERNAME].present && patch) {
		xf_reply_error(r, 422, "invalid_field", "用户名不能修改",
		               "username");
		return -1;
	}
	in->username = v[F_USERNAME].s;
	XF_TAKE_STR(in, password, v[F_PASSWORD]);
	XF_TAKE_STR(in, display_name, v[F_DISPLAY]);
	in->member_id = v[F_MEMBER].is_null ? 0 : v[F_MEMBER].i;
	in->has_member_id = v[F_MEMBER].present;
	in->disabled = (int)v[F_DISABLED].i;
	in->has_disabled = v[F_DISABLED].present;
	in->has_roles = v[F_ROLES].present && !v[F_ROLES].is_null;
	if (!in->has_roles)
		return 0;
	json_t *arr = v[F_ROLES].j;
	size_t n = json_array_size(arr);
	in->roles = xf_arena_calloc(&r->arena, n ? n : 1, sizeof *in->roles);
	if (!in->roles)
		return -1;
	for (size_t i = 0; i < n; i++) {
		xf_val rv[2];
		char *path = xf_arena_printf(&r->arena, "roles[%zu]", i);
		if (xf_input_object(r, json_array_get(arr, i), role_fields, 2,
		                    rv, path) != 0)
			return -1;
		in->roles[i].role = rv[0].s;
		in->roles[i].org_id = rv[1].is_null ? 0 : rv[1].i;
	}
	in->nroles = (int)n;
	return 0;
}

XF_READ_HANDLER(xf_h_users_create, xf_user_input in = {0};
                xf_user u, read_input(r, 0, &in), xf_user_create(&c, &in, &u),
                XF_ANSWER(r, 201, xf_user_json, &u))

XF_ID_READ_HANDLER(xf_h_users_patch, xf_user_input in = {0};
                   xf_user u, read_input(r, 1, &in),
                   xf_user_update(&c, id, &in, &u),
                   XF_ANSWER(r, 200, xf_user_json, &u))

XF_ID_HANDLER(xf_h_users_get, xf_user u, xf_user_read(&c, id, &u),
              XF_ANSWER(r, 200, xf_user_json, &u))

/* ?page=&size=&q= */
enum { Q_Q = XF_QP_SIZE + 1 };
static const xf_param list_params[] = {
    XF_PARAMS_PAGE,
    {.name = "q", .type = XF_Q_STR, .max = 64},
};
const xf_query_table xf_users_list_query = XF_QUERY_TABLE(list_params);

XF_LIST_HANDLER(xf_h_users_list, xf_user, xf_user_json,
                xf_user_list(&c, q[Q_Q].s, XF_LIST_OUT))

/* DELETE /api/users/{id}/sessions: every session of the user ends. */
XF_ID_OK_HANDLER(xf_h_users_sessions_end, xf_user_sessions_end(&c, id))

/* POST /api/users/{id}/unlock: failed logins of the user are forgotten. */
XF_ID_OK_HANDLER(xf_h_users_unlock, xf_user_unlock(&c, id))

/* The nested objects of this file's bodies, for the registry (bodies.h). */
const xf_body xf_users_bodies[] = {
    XF_BODY("POST /api/users", "roles[]", role_fields),
    XF_BODY("PATCH /api/users/{id}", "roles[]", role_fields),
    {0},
};
