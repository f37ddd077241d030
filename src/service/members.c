/*
 * members.c (service) - party member use cases.
 */
#include "service/members.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/jw.h"
#include "base/phone.h"
#include "domain/idnum.h"
#include "domain/names.h"
#include "service/crud.h"
#include "service/snapshot.h"
#include "service/transfers.h"
#include "store/orgs.h"

#include <string.h>

int xf_member_full_pii(const xf_ctx *c, const xf_member *m)
{
	return !c->scope || xf_scope_sees_pii(c->scope, m->org_path);
}

/* The longest path ("/1/5/") that every one of paths[0..n) starts with,
 * in a. */
static const char *common_path(xf_arena *a, const xf_member *ms, int n)
{
	const char *p = ms[0].org_path;
	size_t len = strlen(p);
	for (int i = 1; i < n && len; i++) {
		size_t k = 0;
		while (k < len && ms[i].org_path[k] == p[k])
			k++;
		len = k;
	}
	while (len && p[len - 1] != '/')
		len--;
	return xf_arena_strndup(a, p, len);
}

static int pii_audit(xf_ctx *c, const xf_member *ms, int n, const char *via)
{
	enum { MAX_IDS = 1000 };
	int shown = 0, first = -1;
	xf_buf b;
	xf_buf_init(&b, 1 << 16);
	xf_jw w;
	xf_jw_init(&w, &b);
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "via", via);
	xf_jw_key(&w, "ids");
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++) {
		if (!xf_member_full_pii(c, &ms[i]))
			continue;
		if (first < 0)
			first = i;
		if (shown++ < MAX_IDS)
			xf_jw_int(&w, ms[i].id);
	}
	xf_jw_arr_end(&w);
	xf_jw_kint(&w, "count", shown);
	xf_jw_obj_end(&w);
	const char *after =
	    b.failed ? NULL : xf_arena_strndup(c->a, b.data, b.len);
	xf_buf_free(&b);
	if (!shown)
		return XF_OK;
	if (!after)
		return xf_oom(c);
	const char *path =
	    shown == 1 ? ms[first].org_path : common_path(c->a, ms, n);
	return xf_audit(c, "read_pii", "member", shown == 1 ? ms[first].id : 0,
	                path, NULL, after);
}

int xf_member_pii_shown(xf_ctx *c, const xf_member *members, int n,
                        const char *via)
{
	int seen = 0;
	for (int i = 0; i < n && !seen; i++)
		seen = xf_member_full_pii(c, &members[i]);
	if (!seen)
		return XF_OK;
	XF_RETURN_WRITE_TX(c, pii_audit(c, members, n, via));
}

static int readable(const xf_ctx *c, const xf_member *m)
{
	return !c->scope ||
	       xf_scope_can_read_member(c->scope, m->id, m->org_path);
}

/* Loads a member to read it or to change it (mode, as xf_loaded); a
 * member may also read its own record. */
static int load(xf_ctx *c, int64_t id, int mode, xf_member *m)
{
	int found = xf_store_member_get(c->db, c->a, id, m);
	if (found == XF_DB_ROW && mode == XF_FOR_READ && readable(c, m))
		return XF_OK;
	static const xf_record member = {"党员不存在", "无权修改该党员信息",
	                                 NULL};
	return xf_loaded(c, found, found == XF_DB_ROW ? m->org_path : NULL,
	                 mode, &member);
}

/* Loads the target org of a member; it must be writable by the caller. */
static int target_org(xf_ctx *c, int64_t org_id, const char *field, xf_org *o)
{
	int rc = xf_org_named(c, org_id, "所属组织不存在", field, o);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_write(c, o->path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "无权在该组织下管理党员", field);
	return XF_OK;
}

/* Checks a merged member record against the roster rules. */
static int check_member(xf_ctx *c, xf_member *m)
{
	if (!xf_person_name_ok(m->name))
		return xf_invalid(c, XF_PERSON_NAME_RULE, "name");
	xf_date birth;
	int male = 0;
	int e = xf_idnum_check(m->id_number, &birth, &male);
	if (e != XF_IDNUM_OK)
		return xf_fail(c, XF_E_INVALID, "invalid_field",
		               xf_idnum_error_text(e), "id_number");
	xf_date today = xf_date_today(c->now);
	if (xf_date_cmp(birth, today) > 0)
		return xf_invalid(c, "身份证号码中的出生日期晚于今天",
		                  "id_number");
	char b[11];
	xf_date_format(birth, b);
	m->birth_date = xf_arena_strdup(c->a, b);
	if (strcmp(m->gender, male ? "male" : "female") != 0)
		return xf_invalid(c, "性别与身份证号码不一致", "gender");
	if (!m->phone || !xf_phone_is_mobile(m->phone))
		return xf_invalid(c, "手机号码应为11位大陆手机号", "phone");
	xf_date d;
	if (xf_date_parse(m->joined_on, &d) != 0 || xf_date_cmp(d, today) > 0)
		return xf_invalid(c, "入党日期不能晚于今天", "joined_on");
	if (xf_date_cmp(d, birth) <= 0)
		return xf_invalid(c, "入党日期不能早于出生日期", "joined_on");
	if (m->full_on && strcmp(m->full_on, m->joined_on) < 0)
		return xf_invalid(c, "转正日期不能早于入党日期", "full_on");
	return XF_OK;
}

static int check_idnum_free(xf_ctx *c, const char *idn, int64_t self)
{
	int64_t other = 0;
	int rc = xf_store_member_by_idnum(c->db, idn, &other);
	if (rc != XF_DB_OK)
		return xf_fail_db(c, rc);
	if (other && other != self)
		return xf_fail(c, XF_E_CONFLICT, "id_number_taken",
		               "该身份证号码已登记", "id_number");
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_member_input *in, xf_member *m)
{
	xf_org o;
	int rc = target_org(c, in->org_id, "org_id", &o);
	if (rc != XF_OK)
		return rc;
	memset(m, 0, sizeof *m);
	XF_SET_ORG(m, o);
	m->name = in->name;
	m->gender = in->gender;
	m->id_number = in->id_number;
	m->phone = in->phone;
	m->status = in->status;
	m->joined_on = in->joined_on;
	m->full_on = in->full_on;
	m->ethnicity = in->ethnicity;
	m->education = in->education;
	m->position = in->position;
	rc = check_member(c, m);
	if (rc == XF_OK)
		rc = check_idnum_free(c, m->id_number, 0);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_member_insert(c->db, m, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "id_number_taken",
		               "该身份证号码已登记", "id_number");
	if (drc == XF_DB_OK)
		drc = xf_store_org_add_members(c->db, o.id, 1);
	return xf_audit_db(c, drc, "create", "member", m->id, m->org_path, NULL,
	                   xf_snap_member(c->a, m));
}

int xf_member_create_in_tx(xf_ctx *c, const xf_member_input *in, xf_member *out)
{
	return create_tx(c, in, out);
}

int xf_member_create(xf_ctx *c, const xf_member_input *in, xf_member *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

int xf_member_read(xf_ctx *c, int64_t id, xf_member *out)
{
	XF_RETURN_READ_TX(c, load(c, id, XF_FOR_READ, out));
}

static int update_tx(xf_ctx *c, int64_t id, const xf_member_input *in,
                     xf_member *m)
{
	int rc = load(c, id, XF_FOR_WRITE, m);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_member(c->a, m);
	if (in->has_org_id && in->org_id != m->org_id)
		return xf_invalid(c, "调整所属组织请使用组织关系转接",
		                  "org_id");
	XF_TAKE(m, in, name);
	XF_TAKE(m, in, gender);
	XF_TAKE(m, in, id_number);
	XF_TAKE(m, in, phone);
	XF_TAKE(m, in, status);
	XF_TAKE(m, in, joined_on);
	XF_TAKE(m, in, full_on);
	XF_TAKE(m, in, ethnicity);
	XF_TAKE(m, in, education);
	XF_TAKE(m, in, position);
	rc = check_member(c, m);
	if (rc == XF_OK)
		rc = check_idnum_free(c, m->id_number, m->id);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_member_update(c->db, m, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "id_number_taken",
		               "该身份证号码已登记", "id_number");
	return xf_audit_db(c, drc, "update", "member", m->id, m->org_path,
	                   before, xf_snap_member(c->a, m));
}

int xf_member_update_in_tx(xf_ctx *c, int64_t id, const xf_member_input *in,
                           xf_member *out)
{
	return update_tx(c, id, in, out);
}

int xf_member_update(xf_ctx *c, int64_t id, const xf_member_input *in,
                     xf_member *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

static int load_any(xf_ctx *c, int64_t id, int mode, void *m)
{
	return load(c, id, mode, m);
}

/* A removed member leaves its organization's count. */
static int after_delete(xf_ctx *c, int64_t id, const void *item)
{
	(void)id;
	const xf_member *m = item;
	return xf_from_db(c, xf_store_org_add_members(c->db, m->org_id, -1));
}

XF_CRUD_FNS(member_fns, xf_member, xf_store_member_get, xf_snap_member);
static const xf_crud members = {XF_CRUD_OF(member_fns, xf_member, "member"),
                                .del = xf_store_member_delete, .load = load_any,
                                .after_delete = after_delete};

int xf_member_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &members, id);
}

/* The members of org_id (its subtree unless !subtree) or, without it, of
 * the caller's ranges already in f. */
static int list_read(xf_ctx *c, int64_t org_id, int subtree,
                     xf_member_filter *f, xf_member_page *out)
{
	if (org_id) {
		int rc = xf_list_scope(c, org_id, "org", &f->ranges);
		if (rc != XF_OK)
			return rc;
		if (!subtree)
			f->org_id = org_id;
	}
	return xf_from_db(c, xf_store_member_list(c->db, c->a, f, out));
}

int xf_member_list(xf_ctx *c, int64_t org_id, int subtree, const char *q,
                   const char *status, int sort, int offset, int limit,
                   xf_member_page *out)
{
	xf_member_filter f = {.q = q,
	                      .status = status,
	                      .sort = sort,
	                      .offset = offset,
	                      .limit = limit};
	memset(out, 0, sizeof *out);
	if (!org_id && xf_list_ranges(c, &f.ranges) == 0) {
		/* A member-only user lists itself at most. */
		if (c->scope && c->scope->member_id) {
			xf_member *m = xf_arena_calloc(c->a, 1, sizeof *m);
			if (!m)
				return xf_oom(c);
			if (xf_member_read(c, c->scope->member_id, m) ==
			    XF_OK) {
				out->items = m;
				out->n = offset == 0 ? 1 : 0;
				out->total = 1;
			}
			c->err.kind = 0;
		}
		return XF_OK;
	}
	XF_RETURN_READ_TX(c, list_read(c, org_id, subtree, &f, out));
}

static int transfer_tx(xf_ctx *c, int64_t id, int64_t to_org,
                       const char *reason, xf_member *m)
{
	int rc = load(c, id, XF_FOR_WRITE, m);
	if (rc != XF_OK)
		return rc;
	if (m->org_id == to_org)
		return xf_invalid(c, "转入组织与当前组织相同", "to_org_id");
	const char *before = xf_snap_member(c->a, m);
	xf_org o;
	rc = target_org(c, to_org, "to_org_id", &o);
	if (rc != XF_OK)
		return rc;
	int64_t from = m->org_id;
	XF_SET_ORG(m, o);
	int drc = xf_store_member_update(c->db, m, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_org_add_members(c->db, from, -1);
	if (drc == XF_DB_OK)
		drc = xf_store_org_add_members(c->db, o.id, 1);
	if (drc == XF_DB_OK)
		drc = xf_store_transfer_insert(c->db, id, from, o.id, reason,
		                               c->user_id, c->now);
	return xf_audit_db(c, drc, "transfer", "member", id, m->org_path,
	                   before, xf_snap_member(c->a, m));
}

int xf_member_transfer(xf_ctx *c, int64_t id, int64_t to_org,
                       const char *reason, xf_member *out)
{
	XF_RETURN_WRITE_TX(c, transfer_tx(c, id, to_org, reason, out));
}

static int transfers_read(xf_ctx *c, int64_t id, xf_transfer **out, int *n)
{
	xf_member m;
	int rc = load(c, id, XF_FOR_READ, &m);
	if (rc != XF_OK)
		return rc;
	rc = xf_from_db(c, xf_store_transfer_list(c->db, c->a, id, out, n));
	for (int i = 0; rc == XF_OK && i < *n; i++) {
		(*out)[i].kind = "in_tree";
		(*out)[i].state = "arrived";
	}
	/* the transfers of the workflow (service/transfers.h) first */
	return rc == XF_OK ? xf_transfer_history_rows(c, id, out, n) : rc;
}

int xf_member_transfers(xf_ctx *c, int64_t id, xf_transfer **out, int *n)
{
	XF_RETURN_READ_TX(c, transfers_read(c, id, out, n));
}
