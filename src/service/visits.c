/*
 * visits.c (service) - 四必访: who may record a trigger or a visit (whoever
 * manages the member's organization), the checks of their dates, the due
 * list with days left, the records with their notes shown or hidden, and
 * the coverage per organization.
 */
#include "service/visits.h"

#include "base/date.h"
#include "service/snapshot.h"
#include "store/members.h"

#include <string.h>

static const xf_record trigger_rec = {
    "走访事项不存在", "只有本组织书记、上级党委或管理员可以登记走访",
    "trigger_id"};

static void fill_days_left(xf_ctx *c, xf_visit_trigger *t)
{
	xf_date due;
	if (xf_date_parse(t->due_on, &due) == 0)
		t->days_left = xf_visit_days_left(due, xf_date_today(c->now));
}

static int kinds_tx(xf_ctx *c, xf_visit_kind **out, int *n)
{
	xf_visit_kind *kept;
	int nk;
	int drc = xf_store_visit_kind_list(c->db, c->a, &kept, &nk);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int nb = (int)xf_code_count(xf_visit_kinds);
	*out = xf_arena_calloc(c->a, (size_t)(nb + nk) + 1, sizeof **out);
	if (!*out)
		return xf_oom(c);
	for (int i = 0; i < nb; i++) {
		const xf_visit_rule *r =
		    xf_visit_rule_of(xf_visit_kinds[i].code);
		(*out)[i] = (xf_visit_kind){xf_visit_kinds[i].code,
		                            xf_visit_kinds[i].label, r->days,
		                            r->owner, 1};
	}
	for (int i = 0; i < nk; i++)
		(*out)[nb + i] = kept[i];
	*n = nb + nk;
	return XF_OK;
}

int xf_visit_kind_list(xf_ctx *c, xf_visit_kind **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, kinds_tx(c, out, n));
}

static int kind_create_tx(xf_ctx *c, const xf_visit_kind *k)
{
	if (!xf_is_admin(c))
		return xf_forbidden(c, "只有管理员可以维护走访事由");
	if (!xf_visit_kind_code_ok(k->code))
		return xf_invalid(c,
		                  "代码应为 2 至 32 位小写字母、数字或下划线，"
		                  "以字母开头，且不与内置事由重复",
		                  "code");
	for (int i = 0; xf_visit_kinds[i].code; i++)
		if (strcmp(xf_visit_kinds[i].label, k->label) == 0)
			return xf_fail(c, XF_E_CONFLICT, "duplicate_kind",
			               "已有同名走访事由", "label");
	int drc = xf_store_visit_kind_insert(c->db, k, c->user_id, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "duplicate_kind",
		               "已有相同代码或名称的走访事由", "code");
	return xf_audit_db(c, drc, "create", "visit_kind", 0, NULL, NULL,
	                   xf_snap_visit_kind(c->a, k));
}

int xf_visit_kind_create(xf_ctx *c, const xf_visit_kind *k)
{
	XF_RETURN_WRITE_TX(c, kind_create_tx(c, k));
}

static int trigger_tx(xf_ctx *c, int64_t member_id, const char *kind,
                      const char *occurred_on, xf_visit_trigger *t)
{
	memset(t, 0, sizeof *t);
	xf_visit_rule kept;
	const xf_visit_rule *rule = xf_visit_rule_of(kind);
	if (!rule) {
		xf_visit_kind k;
		int krc = xf_store_visit_kind_get(c->db, c->a, kind, &k);
		if (krc == XF_DB_DONE)
			return xf_invalid(c, "走访事由不在可选范围内", "kind");
		if (krc != XF_DB_ROW)
			return xf_fail_db(c, krc);
		kept = (xf_visit_rule){k.code, k.days, k.owed_by};
		rule = &kept;
	}
	xf_member m;
	int rc = xf_member_for_write(c, member_id, trigger_rec.forbidden, &m);
	if (rc != XF_OK)
		return rc;
	xf_date occ;
	if (xf_date_parse(occurred_on, &occ) != 0)
		return xf_invalid(c, "日期格式应为 YYYY-MM-DD", "occurred_on");
	if (xf_date_cmp(occ, xf_date_today(c->now)) > 0)
		return xf_invalid(c, "发生日期不能晚于今天", "occurred_on");
	char due[11];
	xf_date_format(xf_visit_due_on(occ, rule->days), due);
	XF_SET_MEMBER(t, m);
	t->kind = rule->kind;
	t->occurred_on = occurred_on;
	t->due_on = xf_arena_strdup(c->a, due);
	t->owed_by = rule->owner;
	t->created_by = c->user_id;
	if (!t->due_on)
		return xf_oom(c);
	fill_days_left(c, t);
	int drc = xf_store_visit_trigger_insert(c->db, t, c->now);
	return xf_audit_db(c, drc, "create", "visit_trigger", t->id,
	                   t->org_path, NULL, xf_snap_visit_trigger(c->a, t));
}

int xf_visit_trigger_create(xf_ctx *c, int64_t member_id, const char *kind,
                            const char *occurred_on, xf_visit_trigger *out)
{
	XF_RETURN_WRITE_TX(c, trigger_tx(c, member_id, kind, occurred_on, out));
}

static int due_tx(xf_ctx *c, int64_t org_id, int offset, int limit,
                  xf_visit_trigger **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	rc = xf_from_db(c, xf_store_visit_due(c->db, c->a, &r, offset, limit,
	                                      out, n, total));
	for (int i = 0; rc == XF_OK && i < *n; i++)
		fill_days_left(c, &(*out)[i]);
	return rc;
}

int xf_visit_due_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                      xf_visit_trigger **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, due_tx(c, org_id, offset, limit, out, n, total));
}

static int visit_tx(xf_ctx *c, int64_t trigger_id, const char *visited_on,
                    const char *notes, const char *help_given, xf_visit *v)
{
	memset(v, 0, sizeof *v);
	xf_visit_trigger t;
	memset(&t, 0, sizeof t);
	int found = xf_store_visit_trigger_get(c->db, c->a, trigger_id, &t);
	if (found == XF_DB_DONE ||
	    (found == XF_DB_ROW && !xf_can_read(c, t.org_path)))
		return xf_invalid(c, trigger_rec.missing, "trigger_id");
	if (found != XF_DB_ROW)
		return xf_fail_db(c, found);
	if (!xf_can_write(c, t.org_path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               trigger_rec.forbidden, "trigger_id");
	if (t.visit_id)
		return xf_fail(c, XF_E_CONFLICT, "already_visited",
		               "该走访事项已登记走访", "trigger_id");
	xf_date day, occ, due;
	if (xf_date_parse(visited_on, &day) != 0 ||
	    xf_date_parse(t.occurred_on, &occ) != 0 ||
	    xf_date_parse(t.due_on, &due) != 0)
		return xf_invalid(c, "日期格式应为 YYYY-MM-DD", "visited_on");
	if (xf_date_cmp(day, xf_date_today(c->now)) > 0)
		return xf_invalid(c, "走访日期不能晚于今天", "visited_on");
	if (xf_date_cmp(day, occ) < 0)
		return xf_invalid(c, "走访日期不能早于事由发生日期",
		                  "visited_on");
	v->trigger_id = t.id;
	v->visitor_id = c->user_id;
	v->visited_on = visited_on;
	v->notes = notes;
	v->help_given = help_given;
	v->on_time = xf_visit_on_time(day, due);
	int drc = xf_store_visit_insert(c->db, v, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "already_visited",
		               "该走访事项已登记走访", "trigger_id");
	if (drc == XF_DB_OK)
		drc = xf_store_visit_get(c->db, c->a, v->id, v);
	return xf_audit_found(c, drc, "create", "visit", v->id, v->org_path,
	                      NULL, xf_snap_visit(c->a, v));
}

int xf_visit_create(xf_ctx *c, int64_t trigger_id, const char *visited_on,
                    const char *notes, const char *help_given, xf_visit *out)
{
	XF_RETURN_WRITE_TX(
	    c, visit_tx(c, trigger_id, visited_on, notes, help_given, out));
}

int xf_visit_notes_shown(const xf_ctx *c, const xf_visit *v)
{
	if (!c->scope)
		return 1;
	return v->visitor_id == c->user_id ||
	       xf_committee_over(c, v->org_path, 1);
}

/* The first and last day of year as YYYY-MM-DD into first and last. */
static void year_days(int year, char first[11], char last[11])
{
	xf_date_format((xf_date){year, 1, 1}, first);
	xf_date_format((xf_date){year, 12, 31}, last);
}

static int list_tx(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                   xf_visit **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	char first[11] = "", last[11] = "";
	if (year)
		year_days(year, first, last);
	return xf_from_db(c, xf_store_visit_list(c->db, c->a, &r, first, last,
	                                         offset, limit, out, n, total));
}

int xf_visit_list(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                  xf_visit **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, list_tx(c, org_id, year, offset, limit, out, n, total));
}

static int coverage_tx(xf_ctx *c, int64_t org_id, int year,
                       xf_visit_coverage_row **out, int *n,
                       xf_visit_coverage_row *sum)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	char first[11], last[11];
	year_days(year, first, last);
	int drc =
	    xf_store_visit_coverage(c->db, c->a, &r, first, last, xf_today(c),
	                            XF_VISIT_COVERAGE_ORGS, out, n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < *n; i++) {
		xf_visit_coverage_row *k = &(*out)[i];
		k->coverage = xf_visit_coverage(k->on_time, k->owed);
		sum->owed += k->owed;
		sum->done += k->done;
		sum->on_time += k->on_time;
		sum->overdue_open += k->overdue_open;
	}
	sum->coverage = xf_visit_coverage(sum->on_time, sum->owed);
	return XF_OK;
}

int xf_visit_coverage_read(xf_ctx *c, int64_t org_id, int year,
                           xf_visit_coverage_row **out, int *n,
                           xf_visit_coverage_row *sum)
{
	*out = NULL;
	*n = 0;
	memset(sum, 0, sizeof *sum);
	XF_RETURN_READ_TX(c, coverage_tx(c, org_id, year, out, n, sum));
}
