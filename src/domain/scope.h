/*
 * scope.h - roles and the rules of who may see and change what on the
 * organization tree.
 *
 * Organizations carry materialized paths: the ids from the root down, in
 * decimal, between slashes ("/1/5/23/"; a root is "/1/"). An organization's
 * subtree is every path that starts with its path, which a store can scan
 * as the byte range [path, xf_path_range_end(path)).
 *
 * The caller's scope is a value (xf_scope) built once per request from its
 * user's grants; the functions here only read it. Every check fails closed:
 * a NULL scope, an unknown role, or a malformed path (the one asked about or
 * a grant's) grants nothing. Only admin is not bound to paths: its checks
 * pass whatever path is given, NULL included.
 * Pure functions: no allocation, no I/O.
 */
#ifndef XF_SCOPE_H
#define XF_SCOPE_H

#include "domain/codes.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
	XF_ROLE_ADMIN = 1, /* system administrator: everything */
	XF_ROLE_COMMITTEE, /* work committee staff: its subtree, users, PII */
	XF_ROLE_SECRETARY, /* branch secretary: reads and writes its subtree */
	XF_ROLE_MEMBER,    /* party member: own record, its org's boards */
	XF_ROLE_JUDGE,     /* evaluator: only the sessions it is invited to */
	XF_ROLE_SCREEN     /* wall display: reads its subtree */
} xf_role;

/* The roles with their Chinese names; row i is role i + 1. */
extern const xf_code xf_roles[];
/* "admin", "committee", "secretary", "member", "judge", "screen" → role;
 * anything else (NULL included) → 0. */
int xf_role_parse(const char *s);
/* The code name of a role (as xf_role_parse() reads it), or "" if none. */
const char *xf_role_name(int role);
/* The Chinese name shown to users, or "" if none. */
const char *xf_role_title(int role);

#define XF_PATH_MAX   256 /* bytes of a path including its NUL */
#define XF_MAX_GRANTS 16

typedef struct {
	int role;
	int64_t org_id;
	char org_path[XF_PATH_MAX];
} xf_grant;

typedef struct {
	int64_t user_id;
	int64_t member_id; /* 0 if the user is not a member */
	int n;
	xf_grant g[XF_MAX_GRANTS];
} xf_scope;

/* ---- paths ---------------------------------------------------------------*/

/* Returns 1 if path is "/id/.../id/" with at least one id, each a positive
 * decimal int64 without leading zeros, and shorter than XF_PATH_MAX. */
int xf_path_valid(const char *path);
/* Returns 1 if path is ancestor or lies below it (a prefix ending on a '/'
 * boundary, so "/1/50/" is not within "/1/5/"); 0 otherwise, and 0 when
 * either path is not valid. */
int xf_path_within(const char *path, const char *ancestor);
/* Writes the path of child id under parent_path into out[n]; a NULL or ""
 * parent makes the root "/id/". out may be parent_path. Returns 0, or -1
 * if the parent is not valid, id <= 0, or the result does not fit in n
 * bytes or in XF_PATH_MAX. */
int xf_path_child(const char *parent_path, int64_t id, char *out, size_t n);
/* Writes the exclusive upper end of a subtree's range in strcmp order: the
 * prefix with its last '/' replaced by '0' ("/1/5/" → "/1/50"). For every
 * valid path p, prefix <= p < end exactly when p is within prefix, because
 * '0' is the byte after '/' and a valid path never ends in a digit. Returns
 * 0, or -1 if prefix is not valid or the result does not fit in n. */
int xf_path_range_end(const char *prefix, char *out, size_t n);
/* Depth below the root: "/1/" → 0, "/1/5/" → 1; -1 for a bad path. */
int xf_path_depth(const char *path);
/* Id of the node's parent, 0 for a root, -1 for a bad path. */
int64_t xf_path_parent_id(const char *path);
/* Id of the node itself (the last one), -1 for a bad path. */
int64_t xf_path_id(const char *path);
/* Id of the root of the node's tree (the first one), -1 for a bad path. */
int64_t xf_path_root_id(const char *path);

/* ---- scope ---------------------------------------------------------------*/

/* Resets s to a user with no grants. */
void xf_scope_init(xf_scope *s, int64_t user_id, int64_t member_id);
/* Appends a grant. Returns 0, or -1 if s is full, the role unknown, or
 * org_path is not a valid path (an admin grant may have a NULL or "" path,
 * as it is not bound to a subtree). */
int xf_scope_add(xf_scope *s, int role, int64_t org_id, const char *org_path);

/* Scope rules. admin: everything. committee, secretary: read and write
 * their org's subtree. screen: reads its subtree. member: its own member
 * record and its org's public boards, but no org data. judge: no org data. */
int xf_scope_is_admin(const xf_scope *s);
/* admin, or a committee/secretary/screen grant whose path contains path. */
int xf_scope_can_read_org(const xf_scope *s, const char *path);
/* admin, or a committee/secretary grant whose path contains path. */
int xf_scope_can_write_org(const xf_scope *s, const char *path);
/* Full ID numbers and phone numbers: admin, or a committee grant whose path
 * contains path. */
int xf_scope_sees_pii(const xf_scope *s, const char *path);
/* Users and their grants: admin, or a committee grant containing path. */
int xf_scope_can_manage_users(const xf_scope *s, const char *path);
/* A member's record (member_id, of the org at org_path): whoever can read
 * that org, and the member itself. */
int xf_scope_can_read_member(const xf_scope *s, int64_t member_id,
                             const char *org_path);
/* The first admin grant; else the committee/secretary/screen grant with the
 * shortest org_path (the first of equals); else NULL. Points into s. */
const xf_grant *xf_scope_widest(const xf_scope *s);
/* Returns 1 if s holds a grant of role. */
int xf_scope_has_role(const xf_scope *s, int role);

#endif
