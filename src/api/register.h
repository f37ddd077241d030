/*
 * register.h (api) - handlers of the yearly attendance register (出席登记簿) as
 * JSON and xlsx, with the field tables of their routes. Routes in routes.c; the
 * API is documented in docs/api.md.
 */
#ifndef XF_API_REGISTER_H
#define XF_API_REGISTER_H

#include "api/handler.h"

xf_api_handler xf_h_attendance_register;
xf_api_handler xf_h_attendance_register_xlsx;
/* the query of both forms of the register */
extern const struct xf_query_table xf_attendance_register_query;

#endif
