/*
 * schemes.h (api) - handlers of assessment schemes (考核办法), with the
 * field tables of their routes. Routes in routes.c; the API is documented
 * in docs/api.md.
 */
#ifndef XF_API_SCHEMES_H
#define XF_API_SCHEMES_H

#include "http/server.h"

void xf_h_schemes_create(xf_req *r);
extern const struct xf_body_table xf_schemes_create_body;
void xf_h_schemes_list(xf_req *r);
extern const struct xf_query_table xf_schemes_list_query;
void xf_h_schemes_templates(xf_req *r);
void xf_h_schemes_get(xf_req *r);
void xf_h_schemes_patch(xf_req *r);
extern const struct xf_body_table xf_schemes_patch_body;
void xf_h_schemes_delete(xf_req *r);
void xf_h_schemes_publish(xf_req *r);
extern const struct xf_body_table xf_schemes_publish_body;
void xf_h_schemes_versions_create(xf_req *r);

#endif
