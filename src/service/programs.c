/*
 * programs.c (service) - creation programs and their applications (see
 * programs.h): who may open, apply, assess, review, publish and decide,
 * the checks of the timetable and of the evidence against the caller's
 * scope, and the honors an award writes.
 */
#include "service/programs.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/jw.h"
#include "service/honors.h"
#include "service/snapshot.h"
#include "store/attachments.h"
#include "store/duties.h"
#include "store/meetings.h"
#include "store/tasks.h"

#include <stdio.h>
#include <string.h>

#define DEFAULT_NOTICE_DAYS 5

static const xf_record program_rec = {
    "创建评选不存在", "只有发起创建评选的党委（工委）或管理员可以操作", NULL};
static const xf_record app_rec = {"申报不存在", "无权操作该申报", NULL};

/* 1 if the caller may see program p: it reads the program's organization,
 * or one of its grants lies under it (an organization that may apply). */
static int may_see(const xf_ctx *c, const xf_program *p)
{
	if (xf_can_read(c, p->org_path))
		return 1;
	for (int i = 0; c->scope && i < c->scope->n; i++)
		if (xf_path_within(c->scope->g[i].org_path, p->org_path))
			return 1;
	return 0;
}

/* Loads program id: to read it (visible to the caller, else 404) or to
 * act as its committee (XF_FOR_WRITE: 403 when visible but not the
 * committee's). */
static int load_program(xf_ctx *c, int64_t id, int mode, xf_program *p)
{
	memset(p, 0, sizeof *p);
	int found = xf_store_program_get(c->db, c->a, id, p);
	if (found != XF_DB_ROW)
		return xf_loaded(c, found, NULL, XF_FOR_READ, &program_rec);
	if (!may_see(c, p))
		return xf_fail(c, XF_E_NOT_FOUND, "not_found",
		               program_rec.missing, NULL);
	if (mode == XF_FOR_WRITE && !xf_committee_over(c, p->org_path, 0))
		return xf_forbidden(c, program_rec.forbidden);
	return XF_OK;
}

static int load_details(xf_ctx *c, xf_program *p)
{
	int drc = xf_store_program_criteria(c->db, c->a, p->id, &p->criteria,
	                                    &p->ncriteria);
	if (drc == XF_DB_OK && !p->eligible_subtree)
		drc = xf_store_program_eligible(c->db, c->a, p->id,
		                                &p->eligible, &p->neligible);
	return xf_from_db(c, drc);
}

static xf_program_dates dates_of(const xf_program *p)
{
	return (xf_program_dates){p->applications_open, p->applications_close,
	                          p->review_by};
}

/* 409 unless today lies in the program's application window. */
static int check_window(xf_ctx *c, const xf_program *p)
{
	xf_program_dates d = dates_of(p);
	int w = xf_program_window(&d, xf_today(c));
	if (w == XF_WINDOW_BEFORE)
		return xf_fail(c, XF_E_CONFLICT, "window_not_open",
		               "申报尚未开始", NULL);
	if (w == XF_WINDOW_AFTER)
		return xf_fail(c, XF_E_CONFLICT, "window_closed", "申报已截止",
		               NULL);
	if (p->notice_id)
		return xf_fail(c, XF_E_CONFLICT, "already_published",
		               "候选名单已公示，不能再申报或修改", NULL);
	return XF_OK;
}

/* ---- programs ------------------------------------------------------------*/

static int is_number_code(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 3 || s[0] == '0')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int create_tx(xf_ctx *c, const xf_program_input *in, xf_program *p)
{
	xf_org o;
	int rc = xf_org_for_committee(
	    c, in->org_id, "组织不存在",
	    "只有党委（工委）或管理员可以发起创建评选", &o);
	if (rc != XF_OK)
		return rc;
	memset(p, 0, sizeof *p);
	p->org_id = o.id;
	p->org_path = o.path;
	p->org_name = o.name;
	p->org_level = o.level;
	p->title = in->title;
	p->kind = in->kind;
	p->year = in->year;
	p->eligible_subtree = in->eligible_subtree;
	p->applications_open = in->applications_open;
	p->applications_close = in->applications_close;
	p->review_by = in->review_by;
	p->notice_days =
	    in->notice_days ? in->notice_days : DEFAULT_NOTICE_DAYS;
	p->created_by = c->user_id;
	xf_program_dates d = dates_of(p);
	int bad = xf_program_dates_check(&d);
	if (bad == 2)
		return xf_invalid(c, "申报截止日期不能早于开始日期",
		                  "applications_close");
	if (bad == 3)
		return xf_invalid(c, "评审截止日期不能早于申报截止日期",
		                  "review_by");
	xf_date today = xf_date_today(c->now);
	if (p->year < today.y - 1 || p->year > today.y + 1)
		return xf_invalid(c, "年度应为去年、今年或明年", "year");
	if (in->ncriteria < 1)
		return xf_invalid(c, "请至少填写一条创建标准", "criteria");
	p->criteria =
	    xf_arena_calloc(c->a, (size_t)in->ncriteria, sizeof *p->criteria);
	if (!p->criteria)
		return xf_oom(c);
	for (int i = 0; i < in->ncriteria; i++) {
		xf_program_criterion *k = &p->criteria[i];
		*k = in->criteria[i];
		if (!k->code)
			k->code = xf_arena_printf(c->a, "%d", i + 1);
		if (!k->code)
			return xf_oom(c);
		if (!is_number_code(k->code))
			return xf_invalid(c, "标准编号应为 1 至 999 的数字",
			                  "criteria");
		for (int j = 0; j < i; j++)
			if (strcmp(p->criteria[j].code, k->code) == 0)
				return xf_invalid(c, "标准编号重复",
				                  "criteria");
	}
	p->ncriteria = in->ncriteria;
	if (!p->eligible_subtree && in->neligible < 1)
		return xf_invalid(c, "请指定可以申报的组织", "eligible");
	int drc = xf_store_program_insert(c->db, p, c->now);
	for (int i = 0; drc == XF_DB_OK && i < p->ncriteria; i++)
		drc = xf_store_program_criterion_insert(c->db, p->id, i + 1,
		                                        &p->criteria[i]);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (!p->eligible_subtree) {
		p->eligible = xf_arena_calloc(c->a, (size_t)in->neligible,
		                              sizeof *p->eligible);
		if (!p->eligible)
			return xf_oom(c);
		for (int i = 0; i < in->neligible; i++) {
			xf_org e;
			rc = xf_org_named(c, in->eligible[i], "组织不存在",
			                  "eligible", &e);
			if (rc != XF_OK)
				return rc;
			if (!xf_path_within(e.path, o.path) || e.id == o.id)
				return xf_invalid(
				    c, "可申报的组织应为发起组织的下级",
				    "eligible");
			drc = xf_store_program_eligible_insert(c->db, p->id,
			                                       e.id);
			if (drc == XF_DB_UNIQUE)
				return xf_invalid(c, "可申报的组织重复",
				                  "eligible");
			if (drc != XF_DB_OK)
				return xf_fail_db(c, drc);
			p->eligible[p->neligible++] = e.id;
		}
	}
	return xf_audit(c, "create", "program", p->id, p->org_path, NULL,
	                xf_snap_program(c->a, p));
}

int xf_program_create(xf_ctx *c, const xf_program_input *in, xf_program *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int read_tx(xf_ctx *c, int64_t id, xf_program *p)
{
	int rc = load_program(c, id, XF_FOR_READ, p);
	return rc == XF_OK ? load_details(c, p) : rc;
}

int xf_program_read(xf_ctx *c, int64_t id, xf_program *out)
{
	XF_RETURN_READ_TX(c, read_tx(c, id, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, int year, const char *kind,
                   int offset, int limit, xf_program **out, int *n,
                   int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK)
		return rc;
	xf_program_filter f = {.ranges = &r, .year = year, .kind = kind};
	/* the programs over the caller's own organizations */
	int nw = 0;
	for (int i = 0; !org_id && !xf_is_admin(c) && c->scope &&
	                i < c->scope->n && nw < XF_PROGRAM_WITHIN;
	     i++)
		f.within[nw++] = c->scope->g[i].org_path;
	if (r.n == 0 && nw == 0)
		return XF_OK;
	return xf_from_db(c, xf_store_program_list(c->db, c->a, &f, offset,
	                                           limit, out, n, total));
}

int xf_program_list(xf_ctx *c, int64_t org_id, int year, const char *kind,
                    int offset, int limit, xf_program **out, int *n,
                    int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, list_tx(c, org_id, year, kind, offset, limit, out, n, total));
}

/* ---- applications --------------------------------------------------------*/

/* 1 if organization o may apply to program p. */
static int eligible(const xf_program *p, const xf_org *o)
{
	if (p->eligible_subtree)
		return o->id != p->org_id &&
		       xf_path_within(o->path, p->org_path);
	for (int i = 0; i < p->neligible; i++)
		if (p->eligible[i] == o->id)
			return 1;
	return 0;
}

static int apply_tx(xf_ctx *c, int64_t id, int64_t org_id,
                    xf_program_application *a)
{
	xf_program p;
	int rc = load_program(c, id, XF_FOR_READ, &p);
	if (rc == XF_OK)
		rc = load_details(c, &p);
	if (rc != XF_OK)
		return rc;
	xf_org o;
	rc = xf_org_for_write(c, org_id, "组织不存在", "只能为本组织申报", &o);
	if (rc != XF_OK)
		return rc;
	if (!eligible(&p, &o))
		return xf_fail(c, XF_E_INVALID, "not_eligible",
		               "该组织不在本次创建评选的申报范围内", "org_id");
	rc = check_window(c, &p);
	if (rc != XF_OK)
		return rc;
	memset(a, 0, sizeof *a);
	a->program_id = p.id;
	a->program_title = p.title;
	a->program_path = p.org_path;
	XF_SET_ORG(a, o);
	a->state = "draft";
	a->created_by = c->user_id;
	a->items_total = p.ncriteria;
	int drc = xf_store_program_app_insert(c->db, a, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "already_applied",
		               "该组织已申报本次创建评选", "org_id");
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	drc = xf_store_program_app_items(c->db, c->a, a->id, p.id, &a->items,
	                                 &a->nitems);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "create", "program_application", a->id, a->org_path,
	                NULL, xf_snap_program_application(c->a, a));
}

int xf_program_apply(xf_ctx *c, int64_t id, int64_t org_id,
                     xf_program_application *out)
{
	XF_RETURN_WRITE_TX(c, apply_tx(c, id, org_id, out));
}

/* Who the caller is to an application. */
enum { AS_READER = 0 };

/*
 * Loads application id for who (0: to read; XF_PROGRAM_APPLICANT: to act
 * for the applying organization; XF_PROGRAM_COMMITTEE: to act as the
 * program's committee): 404 when the caller may not read it, 403 when it
 * may read but not act so.
 */
static int load_app(xf_ctx *c, int64_t id, int who, xf_program_application *a)
{
	memset(a, 0, sizeof *a);
	int found = xf_store_program_app_get(c->db, c->a, id, a);
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? a->org_path : NULL,
	                   XF_FOR_READ, &app_rec);
	if (rc != XF_OK)
		return rc;
	if (who == XF_PROGRAM_APPLICANT && !xf_can_write(c, a->org_path))
		return xf_forbidden(c, "只有申报组织可以填报、提交或撤回");
	if (who == XF_PROGRAM_COMMITTEE &&
	    !xf_committee_over(c, a->program_path, 0))
		return xf_forbidden(c, program_rec.forbidden);
	return XF_OK;
}

static int with_items(xf_ctx *c, xf_program_application *a)
{
	return xf_from_db(c, xf_store_program_app_items(c->db, c->a, a->id,
	                                                a->program_id,
	                                                &a->items, &a->nitems));
}

/* Moves a to the state action leads to (409 when it may not). */
static int step(xf_ctx *c, xf_program_application *a, xf_program_action act,
                int who)
{
	const char *next;
	int t = xf_program_transition(a->state, act, who, a->conclusion, &next);
	if (t == XF_PT_ROLE)
		return xf_forbidden(c, "无权进行该操作");
	if (t == XF_PT_STATE)
		return xf_fail(
		    c, XF_E_CONFLICT, "wrong_state",
		    xf_arena_printf(
		        c->a, "申报当前为“%s”状态，不能进行该操作",
		        xf_code_label(xf_program_app_states, a->state)),
		    NULL);
	a->state = next;
	return XF_OK;
}

static int app_read_tx(xf_ctx *c, int64_t id, xf_program_application *a)
{
	int rc = load_app(c, id, AS_READER, a);
	return rc == XF_OK ? with_items(c, a) : rc;
}

int xf_program_app_read(xf_ctx *c, int64_t id, xf_program_application *out)
{
	XF_RETURN_READ_TX(c, app_read_tx(c, id, out));
}

static int app_list_tx(xf_ctx *c, int64_t program_id, int64_t org_id,
                       const char *state, int offset, int limit,
                       xf_program_application **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK)
		return rc;
	if (program_id) {
		xf_program p;
		rc = load_program(c, program_id, XF_FOR_READ, &p);
		if (rc != XF_OK)
			return rc;
	}
	if (r.n == 0)
		return XF_OK;
	xf_program_app_filter f = {.ranges = &r,
	                           .program_id = program_id,
	                           .org_id = org_id,
	                           .state = state};
	return xf_from_db(c, xf_store_program_app_list(c->db, c->a, &f, offset,
	                                               limit, out, n, total));
}

int xf_program_app_list(xf_ctx *c, int64_t program_id, int64_t org_id,
                        const char *state, int offset, int limit,
                        xf_program_application **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, app_list_tx(c, program_id, org_id, state, offset,
	                                 limit, out, n, total));
}

/* The program of application a, for its timetable. */
static int program_of(xf_ctx *c, const xf_program_application *a, xf_program *p)
{
	memset(p, 0, sizeof *p);
	int drc = xf_store_program_get(c->db, c->a, a->program_id, p);
	return drc == XF_DB_ROW
	           ? XF_OK
	           : xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
}

/* Loads application id for who (as load_app) with its items and its
 * program p. */
static int load_app_program(xf_ctx *c, int64_t id, int who,
                            xf_program_application *a, xf_program *p)
{
	int rc = load_app(c, id, who, a);
	if (rc == XF_OK)
		rc = with_items(c, a);
	return rc == XF_OK ? program_of(c, a, p) : rc;
}

/* Checks evidence i: a record the caller may read (its title is kept
 * with the link), a web link, or a text. */
static int check_evidence(xf_ctx *c, int i, const xf_program_evidence *e,
                          const char **title)
{
	const char *field = xf_arena_printf(c->a, "evidence[%d]", i);
	const char *path = NULL;
	int drc = XF_DB_DONE;
	*title = NULL;
	if (strcmp(e->kind, "link") == 0) {
		if (!e->url || (strncmp(e->url, "https://", 8) != 0 &&
		                strncmp(e->url, "http://", 7) != 0))
			return xf_invalid(
			    c, "链接应以 http:// 或 https:// 开头", field);
		return XF_OK;
	}
	if (strcmp(e->kind, "text") == 0)
		return e->text ? XF_OK : xf_invalid(c, "请填写文字说明", field);
	if (!e->ref)
		return xf_invalid(c, "请选择引用的记录", field);
	if (strcmp(e->kind, "meeting") == 0) {
		xf_meeting m;
		memset(&m, 0, sizeof m);
		drc = xf_store_meeting_get(c->db, c->a, e->ref, &m);
		path = m.org_path;
		*title = m.topic;
	} else if (strcmp(e->kind, "task") == 0) {
		xf_task t;
		memset(&t, 0, sizeof t);
		drc = xf_store_task_get(c->db, c->a, e->ref, &t);
		path = t.org_path;
		*title = t.title;
	} else if (strcmp(e->kind, "duty") == 0) {
		xf_duty d;
		memset(&d, 0, sizeof d);
		drc = xf_store_duty_get(c->db, c->a, e->ref, &d);
		path = d.org_path;
		*title = d.title;
	}
	if (drc == XF_DB_DONE || (drc == XF_DB_ROW && !xf_can_read(c, path)))
		return xf_invalid(c, "引用的记录不存在或无权查看", field);
	return drc == XF_DB_ROW ? XF_OK : xf_fail_db(c, drc);
}

/* The evidence as the JSON array kept with the item, in c->a. */
static const char *evidence_json(xf_ctx *c, const xf_program_evidence *ev,
                                 const char *const *titles, int n)
{
	xf_buf b;
	xf_buf_init(&b, 1 << 20);
	xf_jw w;
	xf_jw_init(&w, &b);
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++) {
		xf_jw_obj(&w);
		xf_jw_kstr(&w, "kind", ev[i].kind);
		xf_jw_kid(&w, "ref", ev[i].ref);
		xf_jw_kstr(&w, "title", titles[i]);
		xf_jw_kstr(&w, "url", ev[i].url);
		xf_jw_kstr(&w, "text", ev[i].text);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	char *s = b.failed ? NULL : xf_arena_strndup(c->a, b.data, b.len);
	xf_buf_free(&b);
	return s;
}

static const xf_program_item *item_of(const xf_program_application *a,
                                      const char *code)
{
	for (int i = 0; i < a->nitems; i++)
		if (strcmp(a->items[i].code, code) == 0)
			return &a->items[i];
	return NULL;
}

static int assess_tx(xf_ctx *c, int64_t id, const char *code, const char *self,
                     const xf_program_evidence *ev, int nev,
                     xf_program_application *a)
{
	xf_program p;
	int rc = load_app_program(c, id, XF_PROGRAM_APPLICANT, a, &p);
	if (rc != XF_OK)
		return rc;
	if (!item_of(a, code))
		return xf_fail(c, XF_E_NOT_FOUND, "not_found",
		               "该创建标准不存在", NULL);
	rc = step(c, a, XF_PA_EDIT, XF_PROGRAM_APPLICANT);
	if (rc == XF_OK)
		rc = check_window(c, &p);
	if (rc != XF_OK)
		return rc;
	const char **titles =
	    xf_arena_calloc(c->a, (size_t)nev + 1, sizeof *titles);
	if (!titles)
		return xf_oom(c);
	for (int i = 0; i < nev; i++) {
		rc = check_evidence(c, i, &ev[i], &titles[i]);
		if (rc != XF_OK)
			return rc;
	}
	const char *json = evidence_json(c, ev, titles, nev);
	if (!json)
		return xf_oom(c);
	char *before = xf_snap_program_application(c->a, a);
	int drc = xf_store_program_item_assess(c->db, a->id, code, self, json,
	                                       c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_program_app_get(c->db, c->a, id, a);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	rc = with_items(c, a);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "update", "program_application", a->id, a->org_path,
	                before, xf_snap_program_application(c->a, a));
}

int xf_program_item_assess(xf_ctx *c, int64_t id, const char *code,
                           const char *self_assessment,
                           const xf_program_evidence *ev, int nev,
                           xf_program_application *out)
{
	XF_RETURN_WRITE_TX(
	    c, assess_tx(c, id, code, self_assessment, ev, nev, out));
}

/* Writes a after a step and audits action. */
static int save(xf_ctx *c, xf_program_application *a, const char *action,
                const char *before)
{
	int drc = xf_store_program_app_update(c->db, a, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	a->updated_at = c->now;
	return xf_audit(c, action, "program_application", a->id, a->org_path,
	                before, xf_snap_program_application(c->a, a));
}

/* The start of step s by who on application id: loads it (as
 * load_app_program), keeps its snapshot in *before and takes the step. */
static int load_app_step(xf_ctx *c, int64_t id, xf_program_action s, int who,
                         xf_program_application *a, xf_program *p,
                         char **before)
{
	*before = NULL;
	int rc = load_app_program(c, id, who, a, p);
	if (rc != XF_OK)
		return rc;
	*before = xf_snap_program_application(c->a, a);
	return step(c, a, s, who);
}

static int submit_tx(xf_ctx *c, int64_t id, xf_program_application *a)
{
	xf_program p;
	char *before;
	int rc = load_app_step(c, id, XF_PA_SUBMIT, XF_PROGRAM_APPLICANT, a, &p,
	                       &before);
	if (rc == XF_OK)
		rc = check_window(c, &p);
	if (rc != XF_OK)
		return rc;
	for (int i = 0; i < a->nitems; i++)
		if (!a->items[i].self_assessment)
			return xf_fail(
			    c, XF_E_CONFLICT, "items_incomplete",
			    xf_arena_printf(c->a, "第 %s 条“%s”尚未自评",
			                    a->items[i].code, a->items[i].name),
			    NULL);
	a->submitted_at = c->now;
	return save(c, a, "submit", before);
}

int xf_program_app_submit(xf_ctx *c, int64_t id, xf_program_application *out)
{
	XF_RETURN_WRITE_TX(c, submit_tx(c, id, out));
}

static int withdraw_tx(xf_ctx *c, int64_t id, xf_program_application *a)
{
	int rc = load_app(c, id, XF_PROGRAM_APPLICANT, a);
	if (rc != XF_OK)
		return rc;
	char *before = xf_snap_program_application(c->a, a);
	rc = step(c, a, XF_PA_WITHDRAW, XF_PROGRAM_APPLICANT);
	if (rc != XF_OK)
		return rc;
	rc = save(c, a, "withdraw", before);
	return rc == XF_OK ? with_items(c, a) : rc;
}

int xf_program_app_withdraw(xf_ctx *c, int64_t id, xf_program_application *out)
{
	XF_RETURN_WRITE_TX(c, withdraw_tx(c, id, out));
}

static int review_tx(xf_ctx *c, int64_t id, const xf_program_review_input *in,
                     xf_program_application *a)
{
	xf_program p;
	char *before;
	int rc = load_app_step(c, id, XF_PA_REVIEW, XF_PROGRAM_COMMITTEE, a, &p,
	                       &before);
	if (rc != XF_OK)
		return rc;
	if (p.notice_id)
		return xf_fail(c, XF_E_CONFLICT, "already_published",
		               "候选名单已公示，不能再修改评审", NULL);
	if (in->visit_date && strcmp(in->visit_date, xf_today(c)) > 0)
		return xf_invalid(c, "实地察看日期不能晚于今天",
		                  "site_visit.date");
	for (int i = 0; i < in->nitems; i++) {
		const xf_program_item_verdict *v = &in->items[i];
		if (!item_of(a, v->code))
			return xf_invalid(
			    c, "没有该编号的创建标准",
			    xf_arena_printf(c->a, "items.%s", v->code));
		int drc = xf_store_program_item_verdict(
		    c->db, a->id, v->code, v->verdict, v->note, c->now);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	rc = with_items(c, a);
	if (rc != XF_OK)
		return rc;
	xf_program_verdict *vs =
	    xf_arena_calloc(c->a, (size_t)a->nitems + 1, sizeof *vs);
	if (!vs)
		return xf_oom(c);
	for (int i = 0; i < a->nitems; i++)
		vs[i] = (xf_program_verdict){a->items[i].verdict,
		                             a->items[i].required};
	const char *allowed = xf_program_conclusion(vs, a->nitems);
	if (!allowed)
		return xf_invalid(c, "请对每条创建标准给出评定意见", "items");
	if (strcmp(in->conclusion, "candidate") == 0 &&
	    strcmp(allowed, "candidate") != 0)
		return xf_invalid(c, "有必备标准未达标，不能列为候选",
		                  "conclusion");
	a->conclusion = in->conclusion;
	a->review_notes = in->notes;
	a->visit_date = in->visit_date;
	a->visit_notes = in->visit_date ? in->visit_notes : NULL;
	a->reviewed_at = c->now;
	return save(c, a, "review", before);
}

int xf_program_app_review(xf_ctx *c, int64_t id,
                          const xf_program_review_input *in,
                          xf_program_application *out)
{
	XF_RETURN_WRITE_TX(c, review_tx(c, id, in, out));
}

/* ---- publication and decision --------------------------------------------*/

int xf_program_publish(xf_ctx *c, int64_t id, const char *opens_on,
                       const char *closes_on, const char *title,
                       xf_point_notice_full *out)
{
	xf_program p;
	int rc;
	XF_READ_TX(c, rc, load_program(c, id, XF_FOR_WRITE, &p));
	if (rc != XF_OK)
		return rc;
	const char *opens = opens_on ? opens_on : xf_today(c);
	if (!closes_on) {
		xf_date d;
		if (xf_date_parse(opens, &d) != 0)
			return xf_invalid(c, "公示开始日期不正确", "opens_on");
		char s[11];
		xf_date_format(
		    xf_date_from_days(xf_date_days(d) + p.notice_days - 1), s);
		closes_on = xf_arena_strdup(c->a, s);
		if (!closes_on)
			return xf_oom(c);
	}
	xf_point_notice_input in = {
	    .subject = "program_candidates",
	    .subject_id = p.id,
	    .year = p.year,
	    .org_id = p.org_id,
	    .opens_on = opens,
	    .closes_on = closes_on,
	    .title = title ? title
	                   : xf_arena_printf(c->a, "%s候选名单公示", p.title)};
	return xf_point_notice_publish(c, &in, out);
}

int xf_program_candidates_freeze(xf_ctx *c, int64_t id, int64_t notice_id,
                                 xf_program_application **out, int *n)
{
	xf_program p;
	int rc = load_program(c, id, XF_FOR_WRITE, &p);
	if (rc != XF_OK)
		return rc;
	if (p.notice_id)
		return xf_fail(c, XF_E_CONFLICT, "already_published",
		               "候选名单已公示", NULL);
	xf_ranges r = {.n = 1};
	if (xf_subtree_range(c, p.org_path, &r.lo[0], &r.hi[0]) != 0)
		return xf_oom(c);
	xf_program_app_filter f = {.ranges = &r, .program_id = id};
	xf_program_application *as;
	int na;
	int64_t total;
	int drc = xf_store_program_app_list(c->db, c->a, &f, 0, 1000, &as, &na,
	                                    &total);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int k = 0;
	for (int i = 0; i < na; i++) {
		if (strcmp(as[i].state, "submitted") == 0)
			return xf_fail(c, XF_E_CONFLICT, "unreviewed",
			               xf_arena_printf(c->a,
			                               "“%s”的申报尚未评审",
			                               as[i].org_name),
			               NULL);
		if (strcmp(as[i].state, "reviewed") != 0)
			continue;
		if (notice_id) {
			char *before =
			    xf_snap_program_application(c->a, &as[i]);
			rc = step(c, &as[i], XF_PA_PUBLISH,
			          XF_PROGRAM_COMMITTEE);
			if (rc == XF_OK)
				rc = save(c, &as[i], "publish", before);
			if (rc != XF_OK)
				return rc;
		} else if (strcmp(as[i].conclusion, "candidate") == 0) {
			as[k++] = as[i];
		}
	}
	if (!notice_id) {
		*out = as;
		*n = k;
		return XF_OK;
	}
	drc = xf_store_program_set_notice(c->db, id, notice_id, c->now);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_CONFLICT, "already_published",
		               "候选名单已公示", NULL);
	return xf_from_db(c, drc);
}

/* The end of a change of program p: drc is the store's answer to its
 * write; reads p again with its details and audits action from before. */
static int changed(xf_ctx *c, int drc, xf_program *p, const char *action,
                   const char *before)
{
	int64_t id = p->id;
	if (drc == XF_DB_OK)
		drc = xf_store_program_get(c->db, c->a, id, p);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	int rc = load_details(c, p);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, action, "program", id, p->org_path, before,
	                xf_snap_program(c->a, p));
}

/* The applications to program p (loaded) from its organization's
 * subtree, in state (NULL: any), at most 1000: *as in c->a. */
static int program_apps(xf_ctx *c, const xf_program *p, const char *state,
                        xf_program_application **as, int *na)
{
	xf_ranges r = {.n = 1};
	if (xf_subtree_range(c, p->org_path, &r.lo[0], &r.hi[0]) != 0)
		return xf_oom(c);
	xf_program_app_filter f = {
	    .ranges = &r, .program_id = p->id, .state = state};
	int64_t total;
	return xf_from_db(c, xf_store_program_app_list(c->db, c->a, &f, 0, 1000,
	                                               as, na, &total));
}

static int decide_tx(xf_ctx *c, int64_t id, const int64_t *awarded, int n,
                     xf_program *p)
{
	int rc = load_program(c, id, XF_FOR_WRITE, p);
	if (rc != XF_OK)
		return rc;
	if (!p->notice_id)
		return xf_fail(c, XF_E_CONFLICT, "not_published",
		               "候选名单尚未公示，不能认定", NULL);
	if (p->decided_at)
		return xf_fail(c, XF_E_CONFLICT, "already_decided",
		               "本次创建评选已认定", NULL);
	xf_point_notice nt;
	memset(&nt, 0, sizeof nt);
	int drc = xf_store_point_notice_get(c->db, c->a, p->notice_id, &nt);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	int may = xf_program_may_decide(xf_today(c), nt.closes_on,
	                                (long)nt.open_objections);
	if (may == 1)
		return xf_fail(
		    c, XF_E_CONFLICT, "notice_open",
		    xf_arena_printf(c->a, "公示期至 %s，公示结束后才能认定",
		                    nt.closes_on),
		    NULL);
	if (may == 2)
		return xf_fail(c, XF_E_CONFLICT, "objection_open",
		               "公示中尚有未答复的异议，答复后才能认定", NULL);
	xf_program_application *as;
	int na;
	if ((rc = program_apps(c, p, "candidate", &as, &na)) != XF_OK)
		return rc;
	for (int j = 0; j < n; j++) {
		int found = 0;
		for (int i = 0; i < na; i++)
			found |= as[i].id == awarded[j];
		if (!found)
			return xf_invalid(
			    c, "只能认定公示中的候选组织",
			    xf_arena_printf(c->a, "awarded[%d]", j));
	}
	char title[512];
	xf_program_honor_title(p->year, p->kind, p->title, title, sizeof title);
	for (int i = 0; i < na; i++) {
		int award = 0;
		for (int j = 0; j < n; j++)
			award |= as[i].id == awarded[j];
		char *before = xf_snap_program_application(c->a, &as[i]);
		rc = step(c, &as[i], award ? XF_PA_AWARD : XF_PA_PASS,
		          XF_PROGRAM_COMMITTEE);
		as[i].decided_at = c->now;
		if (rc == XF_OK)
			rc = save(c, &as[i], "decide", before);
		if (rc != XF_OK)
			return rc;
		if (!award)
			continue;
		xf_honor h = {.org_id = as[i].org_id,
		              .title = xf_arena_strdup(c->a, title),
		              .category = "先进集体",
		              .level = xf_program_honor_level(p->org_level),
		              .year = p->year,
		              .awarded_by = p->org_name,
		              .awarded_on = xf_today(c),
		              .source = "program",
		              .source_ref = xf_arena_printf(
		                  c->a, "program:%lld:%lld", (long long)p->id,
		                  (long long)as[i].org_id)};
		if (!h.title || !h.source_ref)
			return xf_oom(c);
		rc = xf_honor_award_in_tx(c, &h);
		if (rc != XF_OK)
			return rc;
	}
	char *before = xf_snap_program(c->a, p);
	drc = xf_store_program_set_decided(c->db, id, c->now);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_CONFLICT, "already_decided",
		               "本次创建评选已认定", NULL);
	return changed(c, drc, p, "decide", before);
}

int xf_program_decide(xf_ctx *c, int64_t id, const int64_t *awarded, int n,
                      xf_program *out)
{
	XF_RETURN_WRITE_TX(c, decide_tx(c, id, awarded, n, out));
}

static int undecide_tx(xf_ctx *c, int64_t id, xf_program *p)
{
	int rc = load_program(c, id, XF_FOR_WRITE, p);
	if (rc != XF_OK)
		return rc;
	char *before = xf_snap_program(c->a, p);
	int drc = xf_store_program_clear_decided(c->db, id, c->now);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_CONFLICT, "not_decided",
		               "本次创建评选尚未认定", NULL);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_program_application *as;
	int na;
	if ((rc = program_apps(c, p, NULL, &as, &na)) != XF_OK)
		return rc;
	for (int i = 0; i < na; i++) {
		int awarded = strcmp(as[i].state, "awarded") == 0;
		if (!awarded && strcmp(as[i].state, "not_awarded") != 0)
			continue;
		char *was = xf_snap_program_application(c->a, &as[i]);
		rc = step(c, &as[i], XF_PA_UNDECIDE, XF_PROGRAM_COMMITTEE);
		as[i].decided_at = 0;
		if (rc == XF_OK)
			rc = save(c, &as[i], "withdraw", was);
		if (rc == XF_OK && awarded)
			rc = xf_honor_withdraw_in_tx(
			    c, xf_arena_printf(c->a, "program:%lld:%lld",
			                       (long long)p->id,
			                       (long long)as[i].org_id));
		if (rc != XF_OK)
			return rc;
	}
	return changed(c, XF_DB_OK, p, "withdraw", before);
}

int xf_program_undecide(xf_ctx *c, int64_t id, xf_program *out)
{
	XF_RETURN_WRITE_TX(c, undecide_tx(c, id, out));
}

/* ---- files ----------------------------------------------------------------*/

static int load_subject(xf_ctx *c, int64_t id, int mode, int64_t *org_id,
                        const char **org_path)
{
	xf_program_application a;
	int rc = load_app(
	    c, id, mode == XF_FOR_WRITE ? XF_PROGRAM_APPLICANT : AS_READER, &a);
	if (rc == XF_OK && mode == XF_FOR_WRITE &&
	    strcmp(a.state, "draft") != 0)
		return xf_fail(c, XF_E_CONFLICT, "wrong_state",
		               "申报已提交，不能再上传材料", NULL);
	if (rc == XF_OK) {
		*org_id = a.org_id;
		*org_path = a.org_path;
	}
	return rc;
}

const xf_attachment_subject xf_application_files = {
    "program_application", 30, "每份申报最多上传 30 个佐证材料",
    .load = load_subject};
