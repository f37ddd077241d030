/*
 * system.h (api) - handlers of health, login and logout, the caller (/api/me)
 * and its password, with the field tables of their routes. Routes in routes.c;
 * the API is documented in docs/api.md.
 */
#ifndef XF_API_SYSTEM_H
#define XF_API_SYSTEM_H

#include "api/handler.h"

xf_api_handler xf_h_health;
xf_api_handler xf_h_login;
extern const struct xf_body_table xf_login_body;
xf_api_handler xf_h_logout;
xf_api_handler xf_h_me;
xf_api_handler xf_h_me_password;
extern const struct xf_body_table xf_me_password_body;
xf_api_handler xf_h_me_sessions;
xf_api_handler xf_h_me_session_end;
xf_api_handler xf_h_me_totp;
xf_api_handler xf_h_me_totp_confirm;
extern const struct xf_body_table xf_me_totp_confirm_body;

#endif
