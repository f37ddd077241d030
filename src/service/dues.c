/*
 * dues.c (service) - 党费: setting bases, recording payments with their
 * checks, and the year read as a grid, an unpaid list, totals per
 * organization, or a member's own year.
 */
#include "service/dues.h"

#include "base/date.h"
#include "domain/dues.h"
#include "domain/scope.h"
#include "service/snapshot.h"
#include "store/dues.h"
#include "store/members.h"
#include "store/orgs.h"

#include <stdlib.h>
#include <string.h>

static const char no_member[] = "党员不存在";
static const char not_yours[] =
    "只有党员所在组织的书记、上级党委或管理员可以登记党费";

/* Loads member_id for a write: 422 when missing or unreadable, 403 when
 * the caller may read but not write it. */
static int member_for_write(xf_ctx *c, int64_t member_id, xf_member *m)
{
	memset(m, 0, sizeof *m);
	int drc = xf_store_member_get(c->db, c->a, member_id, m);
	if (drc == XF_DB_DONE ||
	    (drc == XF_DB_ROW && !xf_can_read(c, m->org_path)))
		return xf_invalid(c, no_member, "member_id");
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	if (!xf_can_write(c, m->org_path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden", not_yours,
		               "member_id");
	return XF_OK;
}

static int this_year(xf_ctx *c)
{
	return xf_date_today(c->now).y;
}

static int base_tx(xf_ctx *c, int64_t member_id, int year, const char *category,
                   int64_t income_fen, xf_dues_base *b)
{
	memset(b, 0, sizeof *b);
	xf_member m;
	int rc = member_for_write(c, member_id, &m);
	if (rc != XF_OK)
		return rc;
	if (year > this_year(c) + 1)
		return xf_invalid(
		    c, "只能核定本年度、下一年度或以往年度的党费基数", "year");
	if (!category)
		category = XF_DUES_DEFAULT_CATEGORY;
	int64_t monthly = xf_dues_monthly_fen(category, income_fen);
	if (monthly < 0)
		return xf_invalid(c, "党员类别不在可选范围内", "category");
	xf_dues_base before;
	memset(&before, 0, sizeof before);
	int found =
	    xf_store_dues_base_get(c->db, c->a, member_id, year, &before);
	if (found != XF_DB_ROW && found != XF_DB_DONE)
		return xf_fail_db(c, found);
	b->member_id = member_id;
	b->year = year;
	b->category = category;
	b->income_fen = income_fen;
	b->monthly_fen = monthly;
	b->rate_bp = xf_dues_rate_bp(category, income_fen);
	b->set_by = c->user_id;
	b->set_at = c->now;
	const char *was = NULL;
	if (found == XF_DB_ROW) {
		before.rate_bp =
		    xf_dues_rate_bp(before.category, before.income_fen);
		was = xf_snap_dues_base(c->a, &before);
	}
	return xf_audit_db(c, xf_store_dues_base_put(c->db, b),
	                   found == XF_DB_ROW ? "update" : "create",
	                   "dues_base", member_id, m.org_path, was,
	                   xf_snap_dues_base(c->a, b));
}

int xf_dues_base_set(xf_ctx *c, int64_t member_id, int year,
                     const char *category, int64_t income_fen,
                     xf_dues_base *out)
{
	XF_RETURN_WRITE_TX(
	    c, base_tx(c, member_id, year, category, income_fen, out));
}

/* Fills the service's fields of r from its masks, joined_on and today. */
static void fill_row(xf_ctx *c, xf_dues_row *r)
{
	char end[11];
	xf_date_format((xf_date){r->year, 12, 31}, end);
	r->year_mask = xf_dues_owed_mask(r->joined_on, r->year, end);
	r->owed_mask = xf_dues_owed_mask(r->joined_on, r->year, xf_today(c));
	r->unpaid_mask = r->owed_mask & ~(int)r->paid_mask;
	if (r->has_base) {
		r->due_fen = xf_dues_months_in(r->owed_mask) * r->monthly_fen;
		r->unpaid_fen =
		    xf_dues_months_in(r->unpaid_mask) * r->monthly_fen;
	}
}

/* The year of member_id (no scope filter: the caller checked it). */
static int member_year(xf_ctx *c, int64_t member_id, int year, xf_dues_row *r)
{
	xf_ranges all = {.n = 1, .lo = {"/"}, .hi = {"0"}};
	xf_dues_row *rows;
	int n;
	int64_t total;
	int drc = xf_store_dues_rows(c->db, c->a, &all, member_id, year, 0, 1,
	                             &rows, &n, &total);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (n != 1)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", no_member,
		               "member_id");
	*r = rows[0];
	fill_row(c, r);
	return XF_OK;
}

/* The years a payment touches, each read once. */
typedef struct pay_years {
	int n;
	xf_dues_row rows[XF_DUES_PAY_MONTHS];
} pay_years;

static int year_of(xf_ctx *c, int64_t member_id, int year, pay_years *ys,
                   xf_dues_row **out)
{
	for (int i = 0; i < ys->n; i++)
		if (ys->rows[i].year == year) {
			*out = &ys->rows[i];
			return XF_OK;
		}
	int rc = member_year(c, member_id, year, &ys->rows[ys->n]);
	if (rc == XF_OK)
		*out = &ys->rows[ys->n++];
	return rc;
}

static const char *yuan(xf_ctx *c, int64_t fen)
{
	return xf_arena_printf(c->a, "%lld.%02lld", (long long)(fen / 100),
	                       (long long)(fen % 100));
}

static int pay_tx(xf_ctx *c, int64_t member_id, const char *const *months,
                  int n, int64_t amount_fen, const char *paid_on,
                  const char *payer, xf_dues_payment **out)
{
	*out = NULL;
	xf_member m;
	int rc = member_for_write(c, member_id, &m);
	if (rc != XF_OK)
		return rc;
	if (n < 1 || n > XF_DUES_PAY_MONTHS)
		return xf_invalid(c, "每次缴纳 1 至 24 个月", "months");
	xf_date day;
	if (!paid_on)
		paid_on = xf_today(c);
	if (xf_date_parse(paid_on, &day) != 0)
		return xf_invalid(c, "日期格式应为 YYYY-MM-DD", "paid_on");
	if (xf_date_cmp(day, xf_date_today(c->now)) > 0)
		return xf_invalid(c, "缴纳日期不能晚于今天", "paid_on");
	xf_dues_payment *p = xf_arena_calloc(c->a, (size_t)n, sizeof *p);
	pay_years *ys = xf_arena_calloc(c->a, 1, sizeof *ys);
	if (!p || !ys)
		return xf_oom(c);
	int64_t expected = 0;
	for (int i = 0; i < n; i++) {
		int y, mo;
		if (xf_dues_month_parse(months[i], &y, &mo) != 0)
			return xf_invalid(c, "月份格式应为 YYYY-MM", "months");
		for (int k = 0; k < i; k++)
			if (p[k].year == y && p[k].month == mo)
				return xf_invalid(
				    c,
				    xf_arena_printf(c->a, "月份 %s 重复",
				                    months[i]),
				    "months");
		if (y > this_year(c))
			return xf_invalid(c,
			                  "只能缴纳本年度及以前月份的党费，"
			                  "不能预缴下一年度",
			                  "months");
		if (!xf_dues_month_owed(m.joined_on, y, mo))
			return xf_invalid(
			    c,
			    xf_arena_printf(c->a,
			                    "%s 不在应缴月份内：党费自入党"
			                    "次月起缴纳",
			                    months[i]),
			    "months");
		xf_dues_row *yr;
		rc = year_of(c, member_id, y, ys, &yr);
		if (rc != XF_OK)
			return rc;
		if (!yr->has_base)
			return xf_invalid(
			    c,
			    xf_arena_printf(c->a, "%d 年度尚未核定党费基数", y),
			    "months");
		if ((yr->paid_mask >> mo) & 1)
			return xf_fail(
			    c, XF_E_CONFLICT, "already_paid",
			    xf_arena_printf(c->a, "%s 的党费已缴纳", months[i]),
			    "months");
		p[i] = (xf_dues_payment){member_id,       y,       mo,
		                         yr->monthly_fen, paid_on, payer,
		                         c->user_id};
		expected += yr->monthly_fen;
	}
	if (amount_fen != expected)
		return xf_fail(c, XF_E_INVALID, "amount_mismatch",
		               xf_arena_printf(c->a,
		                               "缴纳金额应为 %s 元（%d 个月"
		                               "合计）",
		                               yuan(c, expected), n),
		               "amount_fen");
	for (int i = 0; i < n; i++) {
		int drc = xf_store_dues_payment_insert(c->db, &p[i], c->now);
		if (drc == XF_DB_UNIQUE)
			return xf_fail(
			    c, XF_E_CONFLICT, "already_paid",
			    xf_arena_printf(c->a, "%s 的党费已缴纳", months[i]),
			    "months");
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	*out = p;
	return xf_audit(c, "create", "dues_payment", member_id, m.org_path,
	                NULL, xf_snap_dues_payments(c->a, p, n));
}

int xf_dues_pay(xf_ctx *c, int64_t member_id, const char *const *months, int n,
                int64_t amount_fen, const char *paid_on, const char *payer,
                xf_dues_payment **out)
{
	XF_RETURN_WRITE_TX(c, pay_tx(c, member_id, months, n, amount_fen,
	                             paid_on, payer, out));
}

static int grid_tx(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                   xf_dues_row **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	rc = xf_from_db(c, xf_store_dues_rows(c->db, c->a, &r, 0, year, offset,
	                                      limit, out, n, total));
	for (int i = 0; rc == XF_OK && i < *n; i++)
		fill_row(c, &(*out)[i]);
	return rc;
}

int xf_dues_grid(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                 xf_dues_row **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, grid_tx(c, org_id, year, offset, limit, out, n, total));
}

/* Every member's year within org_id's subtree (0: the caller's scope),
 * up to XF_DUES_MAX_MEMBERS (422 too_many_rows beyond); *r the ranges. */
static int all_rows(xf_ctx *c, int64_t org_id, int year, xf_ranges *r,
                    xf_dues_row **out, int *n)
{
	*n = 0;
	int rc = xf_list_scope(c, org_id, "org", r);
	if (rc != XF_OK || r->n == 0)
		return rc;
	int64_t total;
	rc = xf_from_db(c, xf_store_dues_rows(c->db, c->a, r, 0, year, 0,
	                                      XF_DUES_MAX_MEMBERS, out, n,
	                                      &total));
	if (rc == XF_OK && total > XF_DUES_MAX_MEMBERS)
		return xf_fail(c, XF_E_INVALID, "too_many_rows",
		               "党员人数过多，请选择下级组织查看", "org");
	for (int i = 0; rc == XF_OK && i < *n; i++)
		fill_row(c, &(*out)[i]);
	return rc;
}

static int unpaid_tx(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                     xf_dues_row **out, int *n, int64_t *total,
                     int64_t *sum_fen, int64_t *sum_months)
{
	xf_ranges r;
	xf_dues_row *rows;
	int nrows;
	int rc = all_rows(c, org_id, year, &r, &rows, &nrows);
	if (rc != XF_OK || nrows == 0)
		return rc;
	int kept = 0;
	for (int i = 0; i < nrows; i++) {
		if (!rows[i].unpaid_mask)
			continue;
		*sum_fen += rows[i].unpaid_fen;
		*sum_months += xf_dues_months_in(rows[i].unpaid_mask);
		rows[kept++] = rows[i];
	}
	*total = kept;
	if (offset < kept) {
		*out = rows + offset;
		*n = kept - offset < limit ? kept - offset : limit;
	}
	return XF_OK;
}

int xf_dues_unpaid(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                   xf_dues_row **out, int *n, int64_t *total, int64_t *sum_fen,
                   int64_t *sum_months)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	*sum_fen = 0;
	*sum_months = 0;
	XF_RETURN_READ_TX(c, unpaid_tx(c, org_id, year, offset, limit, out, n,
	                               total, sum_fen, sum_months));
}

/* An organization's index in totals, for the lookup by id. */
typedef struct org_index {
	int64_t id;
	int at;
} org_index;

static int by_id(const void *x, const void *y)
{
	int64_t a = ((const org_index *)x)->id, b = ((const org_index *)y)->id;
	return (a > b) - (a < b);
}

static int by_path(const void *x, const void *y)
{
	return strcmp(((const xf_dues_total *)x)->org_path,
	              ((const xf_dues_total *)y)->org_path);
}

static void add_row(xf_dues_total *t, const xf_dues_row *r)
{
	t->members++;
	t->no_base += !r->has_base;
	t->unpaid_members += r->unpaid_mask != 0;
	t->unpaid_months += xf_dues_months_in(r->unpaid_mask);
	t->due_fen += r->due_fen;
	t->paid_fen += r->paid_fen;
	t->unpaid_fen += r->unpaid_fen;
}

/* The organizations of the ranges r, in path order, as empty totals. */
static int total_orgs(xf_ctx *c, const xf_ranges *r, xf_dues_total **out,
                      int *n)
{
	*out = xf_arena_calloc(c->a, XF_DUES_MAX_ORGS, sizeof **out);
	if (!*out)
		return xf_oom(c);
	*n = 0;
	for (int k = 0; k < r->n; k++) {
		xf_org_page p;
		int drc = xf_store_org_subtree(c->db, c->a, r->lo[k], r->hi[k],
		                               XF_DUES_MAX_ORGS - *n, &p);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		for (int i = 0; i < p.n; i++)
			(*out)[(*n)++] = (xf_dues_total){
			    .org_id = p.items[i].id,
			    .org_name = p.items[i].name,
			    .org_path = p.items[i].path,
			    .depth = p.items[i].depth,
			};
		if (*n >= XF_DUES_MAX_ORGS)
			break;
	}
	qsort(*out, (size_t)*n, sizeof **out, by_path);
	return XF_OK;
}

static int totals_tx(xf_ctx *c, int64_t org_id, int year, xf_dues_total **out,
                     int *n, xf_dues_total *sum)
{
	xf_ranges r;
	xf_dues_row *rows;
	int nrows;
	int rc = all_rows(c, org_id, year, &r, &rows, &nrows);
	if (rc != XF_OK || r.n == 0)
		return rc;
	rc = total_orgs(c, &r, out, n);
	if (rc != XF_OK)
		return rc;
	org_index *idx = xf_arena_calloc(c->a, (size_t)*n + 1, sizeof *idx);
	if (!idx)
		return xf_oom(c);
	for (int i = 0; i < *n; i++)
		idx[i] = (org_index){(*out)[i].org_id, i};
	qsort(idx, (size_t)*n, sizeof *idx, by_id);
	for (int i = 0; i < nrows; i++) {
		add_row(sum, &rows[i]);
		/* every organization on the member's path within the list */
		const char *s = rows[i].org_path;
		while (s && *s == '/' && s[1]) {
			char *end;
			org_index key = {strtoll(s + 1, &end, 10), 0};
			org_index *hit =
			    bsearch(&key, idx, (size_t)*n, sizeof *idx, by_id);
			if (hit)
				add_row(&(*out)[hit->at], &rows[i]);
			s = end;
		}
	}
	return XF_OK;
}

int xf_dues_totals(xf_ctx *c, int64_t org_id, int year, xf_dues_total **out,
                   int *n, xf_dues_total *sum)
{
	*out = NULL;
	*n = 0;
	memset(sum, 0, sizeof *sum);
	XF_RETURN_READ_TX(c, totals_tx(c, org_id, year, out, n, sum));
}

static int mine_tx(xf_ctx *c, int year, xf_dues_row *out)
{
	int64_t member_id = c->scope ? c->scope->member_id : 0;
	if (!member_id)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found",
		               "当前用户未关联党员档案", NULL);
	return member_year(c, member_id, year, out);
}

int xf_dues_mine(xf_ctx *c, int year, xf_dues_row *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, mine_tx(c, year, out));
}
