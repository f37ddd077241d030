/*
 * system.c - /api/health, /api/auth/login, /api/auth/logout, /api/me.
 */
#include "api/system.h"
#include "api/api.h"

#include "api/input.h"
#include "api/page.h"
#include "api/qr.h"
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
    {"otp", XF_F_STR, 0, 1, 0, 32, NULL, "动态验证码"},
};
const xf_body_table xf_login_body = XF_BODY_TABLE(login_fields);

void xf_api_session_begin(xf_req *r, xf_jw *w, const char *user,
                          const char *token, const char *csrf)
{
	r->user = user;
	r->set_cookie = xf_arena_printf(
	    &r->arena,
	    "xf_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d",
	    token, xf_auth_settings_now()->max_seconds);
	xf_jw_init(w, &r->out);
	xf_jw_obj(w);
	xf_jw_kstr(w, "token", token);
	xf_jw_kstr(w, "csrf", csrf);
}

/* Answers {"ok":true} with the session cookie cleared. */
static void ok_signed_out(xf_req *r)
{
	r->set_cookie = "xf_session=; Path=/; HttpOnly; SameSite=Strict; "
	                "Max-Age=0";
	xf_api_ok(r);
}

void xf_h_login(xf_req *r)
{
	const xf_val *v = r->body_vals;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_user u;
	const char *token, *csrf;
	int retry_after = 0;
	xf_login_input in = {v[0].s, v[1].s, v[2].s};
	int rc = xf_login(&c, &in, &token, &csrf, &u, &retry_after);
	if (rc == XF_E_THROTTLED || rc == XF_E_BUSY)
		xf_reply_header(
		    r, "Retry-After",
		    xf_arena_printf(&r->arena, "%d",
		                    retry_after > 0 ? retry_after : 1));
	if (xf_api_failed(r, &c, rc))
		return;
	xf_jw w;
	xf_api_session_begin(r, &w, u.username, token, csrf);
	xf_jw_key(&w, "user");
	xf_user_json(&w, &u);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 200);
}

XF_CTX_HANDLER(xf_h_logout, xf_principal *p = r->principal,
               xf_logout(&c, p->token), ok_signed_out(r))

static const xf_field password_fields[] = {
    {"old_password", XF_F_STR, 1, 0, 1, 128, NULL, "原密码"},
    {"new_password", XF_F_STR, 1, 0, 1, 128, NULL, "新密码"},
};
const xf_body_table xf_me_password_body = XF_BODY_TABLE(password_fields);

XF_CTX_HANDLER(xf_h_me_password, const xf_val *v = r->body_vals,
               xf_user_change_password(&c, v[0].s, v[1].s), ok_signed_out(r))

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

/* GET /api/me/sessions: the caller's live sessions, the current marked. */
XF_ITEMS_HANDLER(xf_h_me_sessions, xf_session_info, xf_session_info_json,
                 xf_my_sessions(&c, ((xf_principal *)r->principal)->token,
                                XF_ITEMS_OUT))

/* DELETE /api/me/sessions/{id}: the caller ends one of its sessions. */
XF_ID_OK_HANDLER(xf_h_me_session_end, xf_my_session_end(&c, id))

/* POST /api/me/totp: a new secret, its otpauth URL (and the URL as a QR
 * code's SVG, qr_svg), and the recovery codes, shown this once. */
/* {"secret","otpauth_url","qr_svg","recovery_codes"} of setup t. */
static void totp_json(xf_jw *w, const xf_totp_setup *t)
{
	xf_jw_obj(w);
	xf_jw_kstr(w, "secret", t->secret);
	xf_jw_kstr(w, "otpauth_url", t->otpauth_url);
	/* the URL as a QR code for the phone's authenticator app */
	xf_buf svg;
	xf_buf_init(&svg, 1u << 20);
	if (xf_qr_svg(&svg, t->otpauth_url) == 0 && svg.data) {
		xf_jw_key(w, "qr_svg");
		xf_jw_strn(w, svg.data, svg.len);
	}
	xf_buf_free(&svg);
	xf_jw_key(w, "recovery_codes");
	xf_jw_arr(w);
	for (int i = 0; i < t->ncodes; i++)
		xf_jw_str(w, t->recovery_codes[i]);
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

XF_CTX_HANDLER(xf_h_me_totp, xf_totp_setup t, xf_totp_begin(&c, &t),
               XF_ANSWER(r, 201, totp_json, &t))

static const xf_field totp_confirm_fields[] = {
    {"code", XF_F_STR, 1, 0, 6, 6, NULL, "动态验证码"},
};
const xf_body_table xf_me_totp_confirm_body =
    XF_BODY_TABLE(totp_confirm_fields);

/* POST /api/me/totp/confirm {"code"}: turns the second factor on. */
XF_CTX_OK_HANDLER(xf_h_me_totp_confirm, xf_totp_confirm(&c, r->body_vals[0].s))
