/*
 * api.h - the HTTP API: the route table handed to the server, the
 * authenticator and the validator, and the handlers (one file per
 * resource) with the field tables of their routes.
 */
#ifndef XF_API_H
#define XF_API_H

#include "domain/scope.h"
#include "http/server.h"
#include "model/user.h"

#include <stddef.h>

/* The caller of a request (r->principal); scope first, so the service
 * layer can take it as its xf_scope. Lives in the request arena. */
typedef struct xf_principal {
	xf_scope scope;
	xf_user user;
	const char *token;
	const char *csrf;
} xf_principal;

#define XF_ROLE_BIT(r) (1u << (r))

const xf_route *xf_api_routes(size_t *n);
int xf_api_authenticate(xf_req *r, const xf_route *route);
/*
 * The validator of every route (xf_http_config.validate, api/input.c):
 * each {x} of the path is a positive id (404), then the query string
 * against the route's query table (r->query_vals), then the body against
 * its body table (r->body_vals). Returns 0, or the status of the answer
 * it wrote.
 */
int xf_api_validate(xf_req *r, const xf_route *route);
/* Sets the version string reported by /api/health and the db name. */
void xf_api_set_info(const char *version, const char *db_name);

void xf_h_health(xf_req *r);
void xf_h_login(xf_req *r);
extern const struct xf_body_table xf_login_body;
void xf_h_logout(xf_req *r);
void xf_h_me(xf_req *r);
void xf_h_me_password(xf_req *r);
extern const struct xf_body_table xf_me_password_body;
/* GET /api/catalog: the code lists with their Chinese labels. */
void xf_h_catalog(xf_req *r);

void xf_h_orgs_create(xf_req *r);
extern const struct xf_body_table xf_orgs_create_body;
void xf_h_orgs_list(xf_req *r);
extern const struct xf_query_table xf_orgs_list_query;
void xf_h_orgs_get(xf_req *r);
void xf_h_orgs_patch(xf_req *r);
extern const struct xf_body_table xf_orgs_patch_body;
void xf_h_orgs_delete(xf_req *r);
void xf_h_orgs_children(xf_req *r);
void xf_h_orgs_tree(xf_req *r);
void xf_h_orgs_stats(xf_req *r);
void xf_h_clusters_create(xf_req *r);
extern const struct xf_body_table xf_clusters_create_body;
void xf_h_clusters_list(xf_req *r);
extern const struct xf_query_table xf_clusters_list_query;
void xf_h_clusters_get(xf_req *r);
void xf_h_clusters_add_org(xf_req *r);
extern const struct xf_body_table xf_clusters_add_org_body;
void xf_h_clusters_remove_org(xf_req *r);

void xf_h_members_create(xf_req *r);
extern const struct xf_body_table xf_members_create_body;
void xf_h_members_list(xf_req *r);
extern const struct xf_query_table xf_members_list_query;
void xf_h_members_get(xf_req *r);
void xf_h_members_patch(xf_req *r);
extern const struct xf_body_table xf_members_patch_body;
void xf_h_members_delete(xf_req *r);
void xf_h_members_transfer(xf_req *r);
extern const struct xf_body_table xf_members_transfer_body;
void xf_h_members_transfers(xf_req *r);

void xf_h_users_create(xf_req *r);
extern const struct xf_body_table xf_users_create_body;
void xf_h_users_list(xf_req *r);
extern const struct xf_query_table xf_users_list_query;
void xf_h_users_get(xf_req *r);
void xf_h_users_patch(xf_req *r);
extern const struct xf_body_table xf_users_patch_body;

void xf_h_audit_list(xf_req *r);
extern const struct xf_query_table xf_audit_list_query;

/* Shared answer helpers */
void xf_api_ok(xf_req *r); /* {"ok":true} */

#endif
