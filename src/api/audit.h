/*
 * audit.h (api) - handlers of the audit log, with the field tables of
 * their routes. Routes in routes.c; the API is documented in docs/api.md.
 */
#ifndef XF_API_AUDIT_H
#define XF_API_AUDIT_H

#include "api/handler.h"

xf_api_handler xf_h_audit_list;
extern const struct xf_query_table xf_audit_list_query;
xf_api_handler xf_h_audit_xlsx; /* the list in Excel */

#endif
