/*
 * scope.c - role names, materialized organization paths, and the checks
 * that bound every read and write to the caller's subtrees.
 */
#include "domain/scope.h"

#include <string.h>

/* Row i is role i + 1 (xf_role starts at 1). */
const xf_code xf_roles[] = {
    {"admin", "系统管理员"},
    {"committee", "机关工委"},
    {"secretary", "党组织书记"},
    {"member", "党员"},
    {"judge", "评委"},
    {"screen", "大屏"},
    {NULL, NULL},
};

#define ROLE_LAST XF_ROLE_SCREEN

static int role_known(int role)
{
	return role >= XF_ROLE_ADMIN && role <= ROLE_LAST;
}

int xf_role_parse(const char *s)
{
	return xf_code_index(xf_roles, s) + 1;
}

const char *xf_role_name(int role)
{
	return role_known(role) ? xf_roles[role - 1].code : "";
}

const char *xf_role_title(int role)
{
	return role_known(role) ? xf_roles[role - 1].label : "";
}

/* ---- paths ---------------------------------------------------------------*/

/* Reads the id that starts at p (just after a '/') up to the next '/'.
 * Returns its length, or 0 if it is no positive int64 without leading
 * zeros followed by '/'. */
static size_t read_id(const char *p, int64_t *id)
{
	const int64_t max_tenth = INT64_MAX / 10;
	int64_t v = 0;
	size_t n = 0;

	if (p[0] < '1' || p[0] > '9')
		return 0;
	while (p[n] >= '0' && p[n] <= '9') {
		int digit = p[n] - '0';
		if (v > max_tenth || (v == max_tenth && digit > INT64_MAX % 10))
			return 0;
		v = v * 10 + digit;
		n++;
	}
	if (p[n] != '/')
		return 0;
	*id = v;
	return n;
}

/* Walks a path: returns its depth (ids - 1) and stores the last two ids,
 * or returns -1 if it is not valid. */
static int path_walk(const char *path, int64_t *parent, int64_t *self)
{
	int64_t prev = 0, id = 0;
	int ids = 0;
	size_t i = 1;

	if (!path || path[0] != '/' ||
	    strnlen(path, XF_PATH_MAX) >= XF_PATH_MAX)
		return -1;
	while (path[i] != '\0') {
		size_t n = read_id(path + i, &id);
		if (n == 0)
			return -1;
		prev = ids ? *self : 0;
		*self = id;
		ids++;
		i += n + 1;
	}
	if (ids == 0)
		return -1;
	if (parent)
		*parent = ids > 1 ? prev : 0;
	return ids - 1;
}

int xf_path_valid(const char *path)
{
	int64_t self;
	return path_walk(path, NULL, &self) >= 0;
}

int xf_path_within(const char *path, const char *ancestor)
{
	if (!xf_path_valid(path) || !xf_path_valid(ancestor))
		return 0;
	/* A valid ancestor ends in '/', so a prefix match ends on a
	 * boundary. */
	return strncmp(path, ancestor, strlen(ancestor)) == 0;
}

/* Writes v > 0 in decimal at p (room for 19 digits); returns its length. */
static size_t put_id(char *p, int64_t v)
{
	char tmp[20];
	size_t n = 0;
	while (v > 0) {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	}
	for (size_t i = 0; i < n; i++)
		p[i] = tmp[n - 1 - i];
	return n;
}

int xf_path_child(const char *parent_path, int64_t id, char *out, size_t n)
{
	char tmp[XF_PATH_MAX + 24];
	size_t len = 0;

	if (id <= 0 || !out)
		return -1;
	if (parent_path && parent_path[0] != '\0') {
		if (!xf_path_valid(parent_path))
			return -1;
		len = strlen(parent_path);
		memcpy(tmp, parent_path, len);
	} else {
		tmp[len++] = '/';
	}
	len += put_id(tmp + len, id);
	tmp[len++] = '/';
	if (len >= XF_PATH_MAX || len >= n)
		return -1;
	memcpy(out, tmp, len);
	out[len] = '\0';
	return 0;
}

int xf_path_range_end(const char *prefix, char *out, size_t n)
{
	if (!out || !xf_path_valid(prefix))
		return -1;
	size_t len = strlen(prefix);
	if (len >= n)
		return -1;
	memmove(out, prefix, len);
	out[len - 1] = '0';
	out[len] = '\0';
	return 0;
}

int xf_path_depth(const char *path)
{
	int64_t self;
	return path_walk(path, NULL, &self);
}

int64_t xf_path_parent_id(const char *path)
{
	int64_t parent, self;
	return path_walk(path, &parent, &self) < 0 ? -1 : parent;
}

int64_t xf_path_id(const char *path)
{
	int64_t self;
	return path_walk(path, NULL, &self) < 0 ? -1 : self;
}

int64_t xf_path_root_id(const char *path)
{
	int64_t self, root = 0;
	return path_walk(path, NULL, &self) < 0 ? -1
	       : read_id(path + 1, &root)       ? root
	                                        : -1;
}

/* ---- scope ---------------------------------------------------------------*/

void xf_scope_init(xf_scope *s, int64_t user_id, int64_t member_id)
{
	memset(s, 0, sizeof *s);
	s->user_id = user_id;
	s->member_id = member_id;
}

int xf_scope_add(xf_scope *s, int role, int64_t org_id, const char *org_path)
{
	if (!s || s->n < 0 || s->n >= XF_MAX_GRANTS || !role_known(role))
		return -1;
	if (!org_path)
		org_path = "";
	if (!(role == XF_ROLE_ADMIN && org_path[0] == '\0') &&
	    !xf_path_valid(org_path))
		return -1;
	xf_grant *g = &s->g[s->n++];
	g->role = role;
	g->org_id = org_id;
	memcpy(g->org_path, org_path, strlen(org_path) + 1);
	return 0;
}

/* Number of grants to look at, whatever garbage n holds. */
static int grant_count(const xf_scope *s)
{
	if (!s || s->n < 0)
		return 0;
	return s->n > XF_MAX_GRANTS ? XF_MAX_GRANTS : s->n;
}

int xf_scope_has_role(const xf_scope *s, int role)
{
	int n = grant_count(s);
	for (int i = 0; i < n; i++)
		if (s->g[i].role == role)
			return 1;
	return 0;
}

int xf_scope_is_admin(const xf_scope *s)
{
	return xf_scope_has_role(s, XF_ROLE_ADMIN);
}

/* Role bits for grant_covers(). */
#define BIT(role) (1u << (role))

/* Returns 1 if s is admin or holds a grant whose role is in roles and
 * whose subtree contains path. */
static int grant_covers(const xf_scope *s, unsigned roles, const char *path)
{
	int n = grant_count(s);

	if (xf_scope_is_admin(s))
		return 1;
	for (int i = 0; i < n; i++) {
		const xf_grant *g = &s->g[i];
		if (!role_known(g->role) || !(roles & BIT(g->role)))
			continue;
		/* org_path may be garbage: xf_path_valid() reads at most
		 * XF_PATH_MAX bytes of it. */
		if (xf_path_within(path, g->org_path))
			return 1;
	}
	return 0;
}

int xf_scope_can_read_org(const xf_scope *s, const char *path)
{
	return grant_covers(s,
	                    BIT(XF_ROLE_COMMITTEE) | BIT(XF_ROLE_SECRETARY) |
	                        BIT(XF_ROLE_SCREEN),
	                    path);
}

int xf_scope_can_write_org(const xf_scope *s, const char *path)
{
	return grant_covers(s, BIT(XF_ROLE_COMMITTEE) | BIT(XF_ROLE_SECRETARY),
	                    path);
}

int xf_scope_sees_pii(const xf_scope *s, const char *path)
{
	return grant_covers(s, BIT(XF_ROLE_COMMITTEE), path);
}

int xf_scope_can_manage_users(const xf_scope *s, const char *path)
{
	return grant_covers(s, BIT(XF_ROLE_COMMITTEE), path);
}

int xf_scope_can_read_member(const xf_scope *s, int64_t member_id,
                             const char *org_path)
{
	if (!s)
		return 0;
	if (member_id > 0 && s->member_id == member_id)
		return 1;
	return xf_scope_can_read_org(s, org_path);
}

const xf_grant *xf_scope_widest(const xf_scope *s)
{
	const unsigned roles = BIT(XF_ROLE_COMMITTEE) | BIT(XF_ROLE_SECRETARY) |
	                       BIT(XF_ROLE_SCREEN);
	const xf_grant *best = NULL;
	size_t best_len = 0;
	int n = grant_count(s);

	for (int i = 0; i < n; i++)
		if (s->g[i].role == XF_ROLE_ADMIN)
			return &s->g[i];
	for (int i = 0; i < n; i++) {
		const xf_grant *g = &s->g[i];
		if (!role_known(g->role) || !(roles & BIT(g->role)))
			continue;
		if (!xf_path_valid(g->org_path))
			continue;
		size_t len = strlen(g->org_path);
		if (!best || len < best_len) {
			best = g;
			best_len = len;
		}
	}
	return best;
}
