/*
 * system.c - /api/health, /api/auth/login, /api/auth/logout, /api/me.
 */
#include "api/system.h"
#include "api/api.h"

#include "api/input.h"
#include "base/date.h"
#include "base/jw.h"
#include "model/user.h"
#include "service/auth.h"

#include <time.h>

static const char *version = "dev";
static const char *db_name = "sqlite";

void xf_api_set_info(const char *v, const char *name)
{
	version = v;
	db_name = name;
}

void xf_api_ok(xf_req *r)
{
	xf_buf_adds(&r->out, "{\"ok\":true}");
	xf_reply_json(r, 200);
}

void xf_h_health(xf_req *r)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "status", "ok");
	xf_jw_kstr(&w, "db", db_name);
	xf_jw_kstr(&w, "version", version);
	/* the server's calendar day (Asia/Shanghai): clients and tests build
	 * their dates from it, not from their own clocks */
	char today[11];
	xf_date_format(xf_date_today(time(NULL)), today);
	xf_jw_kstr(&w, "today", today);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

static const xf_field login_fields[] = {
    {"username", XF_F_STR, 1, 0, 1, 64, NULL, "用户名"},
    {"password", XF_F_STR, 1, 0, 1, 128, NULL, "密码"},
};
const xf_body_table xf_login_body = XF_BODY_TABLE(login_fields);

void xf_api_set_session(xf_req *r, const char *token)
{
	r->set_cookie = xf_arena_printf(
	    &r->arena,
	    "xf_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d",
	    token, XF_SESSION_SECONDS);
}

void xf_h_login(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_user u;
	const char *token, *csrf;
	if (xf_api_failed(r, &c,
	                  xf_login(&c, v[0].s, v[1].s, &token, &csrf, &u)))
		return;
	r->user = u.username;
	xf_api_set_session(r, token);
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "token", token);
	xf_jw_kstr(&w, "csrf", csrf);
	xf_jw_key(&w, "user");
	xf_user_json(&w, &u);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

void xf_h_logout(xf_req *r)
{
	xf_principal *p = r->principal;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c, xf_logout(&c, p->token)))
		return;
	r->set_cookie = "xf_session=; Path=/; HttpOnly; SameSite=Strict; "
	                "Max-Age=0";
	xf_api_ok(r);
}

static const xf_field password_fields[] = {
    {"old_password", XF_F_STR, 1, 0, 1, 128, NULL, "原密码"},
    {"new_password", XF_F_STR, 1, 0, 8, 128, NULL, "新密码"},
};
const xf_body_table xf_me_password_body = XF_BODY_TABLE(password_fields);

void xf_h_me_password(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c, xf_user_change_password(&c, v[0].s, v[1].s)))
		return;
	r->set_cookie = "xf_session=; Path=/; HttpOnly; SameSite=Strict; "
	                "Max-Age=0";
	xf_api_ok(r);
}

void xf_h_me(xf_req *r)
{
	xf_principal *p = r->principal;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_user_json_open(&w, &p->user);
	xf_jw_kstr(&w, "csrf", p->csrf);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}
