/*
 * imports.c (service) - the roster and organization tree imports: the
 * organizations of the caller's scope indexed by name to resolve what
 * the rows name, every row created through the create use case inside
 * one write transaction, row errors collected instead of ending it, and
 * one audit row for the import itself.
 */
#include "service/imports.h"

#include "base/buf.h"

#include <stdlib.h>
#include <string.h>

/* Most organizations of a scope the index holds. */
#define MAX_SCOPE_ORGS 200000

int xf_import_error_add(xf_arena *a, xf_import_result *res, int row,
                        const char *field, const char *message)
{
	if (res->nerrors == res->nalloc) {
		int na = res->nalloc ? res->nalloc * 2 : 32;
		xf_import_error *p = xf_arena_calloc(a, (size_t)na, sizeof *p);
		if (!p)
			return -1;
		if (res->nerrors)
			memcpy(p, res->errors,
			       (size_t)res->nerrors * sizeof *p);
		res->errors = p;
		res->nalloc = na;
	}
	const char *m = xf_arena_strdup(a, message ? message : "");
	if (!m)
		return -1;
	res->errors[res->nerrors] =
	    (xf_import_error){row, field, m, res->nerrors};
	res->nerrors++;
	return 0;
}

/* ---- the organizations a row may name ---------------------------------- */

typedef struct org_ref {
	int64_t id, parent_id;
	const char *name, *path;
} org_ref;

typedef struct org_index {
	org_ref *items; /* [0, nsorted) sorted by name; then added ones */
	int n, nsorted, alloc;
	org_ref **by_id; /* [0, nsorted) sorted by id */
} org_index;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const org_ref *)a)->name, ((const org_ref *)b)->name);
}

static int by_id(const void *a, const void *b)
{
	int64_t x = (*(org_ref *const *)a)->id, y = (*(org_ref *const *)b)->id;
	return x < y ? -1 : x > y;
}

static int index_add(xf_ctx *c, org_index *ix, const xf_org *o)
{
	if (ix->n == ix->alloc) {
		int na = ix->alloc ? ix->alloc * 2 : 256;
		org_ref *p = xf_arena_calloc(c->a, (size_t)na, sizeof *p);
		if (!p)
			return xf_oom(c);
		if (ix->n)
			memcpy(p, ix->items, (size_t)ix->n * sizeof *p);
		ix->items = p;
		ix->alloc = na;
	}
	ix->items[ix->n++] = (org_ref){o->id, o->parent_id, o->name, o->path};
	return XF_OK;
}

/* Loads the organizations of the caller's scope into ix. */
static int index_load(xf_ctx *c, org_index *ix)
{
	memset(ix, 0, sizeof *ix);
	xf_ranges rg;
	xf_list_ranges(c, &rg);
	for (int k = 0; k < rg.n; k++) {
		xf_org_page p;
		int rc = xf_store_org_subtree(c->db, c->a, rg.lo[k], rg.hi[k],
		                              MAX_SCOPE_ORGS, &p);
		if (rc != XF_DB_OK)
			return xf_fail_db(c, rc);
		for (int i = 0; i < p.n; i++)
			if ((rc = index_add(c, ix, &p.items[i])) != XF_OK)
				return rc;
	}
	if (ix->n)
		qsort(ix->items, (size_t)ix->n, sizeof *ix->items, by_name);
	ix->nsorted = ix->n;
	ix->by_id = xf_arena_calloc(c->a, (size_t)ix->n + 1, sizeof *ix->by_id);
	if (!ix->by_id)
		return xf_oom(c);
	for (int i = 0; i < ix->n; i++)
		ix->by_id[i] = &ix->items[i];
	if (ix->n)
		qsort(ix->by_id, (size_t)ix->n, sizeof *ix->by_id, by_id);
	return XF_OK;
}

static const org_ref *find_id(const org_index *ix, int64_t id)
{
	org_ref key = {.id = id}, *kp = &key;
	org_ref **p = bsearch(&kp, ix->by_id, (size_t)ix->nsorted,
	                      sizeof *ix->by_id, by_id);
	if (p)
		return *p;
	for (int i = ix->nsorted; i < ix->n; i++)
		if (ix->items[i].id == id)
			return &ix->items[i];
	return NULL;
}

/* Whether o's ancestors, nearest first, are named names[k-1], ..., [0]. */
static int ancestors_match(const org_index *ix, const org_ref *o, char **names,
                           int k)
{
	for (int i = k - 1; i >= 0; i--) {
		o = o->parent_id ? find_id(ix, o->parent_id) : NULL;
		if (!o || strcmp(o->name, names[i]) != 0)
			return 0;
	}
	return 1;
}

/* Cuts text at '/' into trimmed names (in a); their count, 0 if any is
 * empty. */
static int split_path(xf_arena *a, const char *text, char **names, int max)
{
	int n = 0;
	const char *p = text;
	for (;;) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (!len || n == max)
			return 0;
		names[n] = xf_arena_strndup(a, p, len);
		if (!names[n])
			return 0;
		n++;
		if (!end)
			return n;
		p = end + 1;
	}
}

/* Finds the organization text names: its id, or 0 with the message of
 * why not in *why. */
static int64_t resolve(xf_ctx *c, const org_index *ix, const char *text,
                       const char **why)
{
	char *names[16];
	int k = split_path(c->a, text, names, 16);
	if (k == 0) {
		*why = xf_arena_printf(c->a, "党组织“%s”的写法不正确", text);
		return 0;
	}
	const char *last = names[k - 1];
	int64_t found = 0;
	int matches = 0;
	/* the sorted part: the run of equal names */
	int lo = 0, hi = ix->nsorted;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (strcmp(ix->items[mid].name, last) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (int i = lo;
	     i < ix->nsorted && strcmp(ix->items[i].name, last) == 0; i++)
		if (ancestors_match(ix, &ix->items[i], names, k - 1)) {
			found = ix->items[i].id;
			matches++;
		}
	for (int i = ix->nsorted; i < ix->n; i++)
		if (strcmp(ix->items[i].name, last) == 0 &&
		    ancestors_match(ix, &ix->items[i], names, k - 1)) {
			found = ix->items[i].id;
			matches++;
		}
	if (matches == 1)
		return found;
	*why = matches == 0
	           ? xf_arena_printf(
	                 c->a, "党组织“%s”不存在或不在您的管理范围内", text)
	           : xf_arena_printf(c->a,
	                             "有多个党组织名为“%s”，请写明上级组织，"
	                             "如“上级组织/%s”",
	                             text, last);
	if (!*why)
		*why = "党组织无法识别";
	return 0;
}

/* ---- the use cases ------------------------------------------------------- */

/* Records the row's failure (c->err) in res; returns XF_OK to go on, or
 * the error when it is not about the row (database, memory). */
static int row_failed(xf_ctx *c, xf_import_result *res, int row, int rc)
{
	if (rc != XF_E_INVALID && rc != XF_E_CONFLICT && rc != XF_E_FORBIDDEN &&
	    rc != XF_E_NOT_FOUND)
		return rc;
	int e =
	    xf_import_error_add(c->a, res, row, c->err.field, c->err.message);
	memset(&c->err, 0, sizeof c->err);
	return e == 0 ? XF_OK : xf_oom(c);
}

/* The end of an import's transaction: one audit row when it commits;
 * otherwise a failure that rolls it back. */
static int finish(xf_ctx *c, const char *entity, int dry_run,
                  xf_import_result *res, int created)
{
	if (res->nerrors || dry_run) {
		res->created = 0;
		return xf_fail(c, XF_E_INVALID, "import_invalid",
		               dry_run ? "校验完成，未导入数据"
		                       : "文件中有错误，未导入任何数据",
		               "file");
	}
	res->created = created;
	const xf_grant *g = c->scope ? xf_scope_widest(c->scope) : NULL;
	const char *after = xf_arena_printf(
	    c->a, "{\"rows\":%d,\"created\":%d}", res->rows, created);
	if (!after)
		return xf_oom(c);
	return xf_audit(c, "import", entity, 0,
	                g && g->org_path[0] ? g->org_path : NULL, NULL, after);
}

/* Marks the later rows whose ID number an earlier row has. */
typedef struct idn_ref {
	const char *idn;
	int row, i;
} idn_ref;

static int by_idn(const void *a, const void *b)
{
	const idn_ref *x = a, *y = b;
	int d = strcmp(x->idn, y->idn);
	return d ? d : x->row - y->row;
}

static int mark_duplicates(xf_ctx *c, xf_member_row *rows, int n,
                           xf_import_result *res)
{
	idn_ref *refs = xf_arena_calloc(c->a, (size_t)n + 1, sizeof *refs);
	if (!refs)
		return xf_oom(c);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (!rows[i].bad && rows[i].in.id_number)
			refs[m++] =
			    (idn_ref){rows[i].in.id_number, rows[i].row, i};
	qsort(refs, (size_t)m, sizeof *refs, by_idn);
	int first = 0; /* the first row of the current run of one number */
	for (int k = 1; k < m; k++) {
		if (strcmp(refs[first].idn, refs[k].idn) != 0) {
			first = k;
			continue;
		}
		const char *msg = xf_arena_printf(
		    c->a, "身份证号码与第 %d 行重复", refs[first].row);
		rows[refs[k].i].bad = 1;
		if (!msg || xf_import_error_add(c->a, res, refs[k].row,
		                                "id_number", msg) != 0)
			return xf_oom(c);
	}
	return XF_OK;
}

/* The rows without an error. */
static int count_valid(xf_arena *a, const xf_import_result *res)
{
	int max = 0;
	for (int k = 0; k < res->nerrors; k++)
		if (res->errors[k].row > max)
			max = res->errors[k].row;
	unsigned char *seen = xf_arena_calloc(a, (size_t)max + 1, 1);
	int bad = 0;
	for (int k = 0; seen && k < res->nerrors; k++)
		if (!seen[res->errors[k].row]) {
			seen[res->errors[k].row] = 1;
			bad++;
		}
	return res->rows - bad;
}

static int members_tx(xf_ctx *c, xf_member_row *rows, int n, int dry_run,
                      xf_import_result *res, int cell_errors)
{
	res->nerrors = cell_errors; /* a retry starts again */
	org_index ix;
	int rc = index_load(c, &ix);
	if (rc != XF_OK)
		return rc;
	int created = 0;
	for (int i = 0; i < n; i++) {
		xf_member_row *r = &rows[i];
		if (r->bad)
			continue;
		const char *why = NULL;
		int64_t org =
		    r->org && *r->org ? resolve(c, &ix, r->org, &why) : 0;
		if (!org) {
			if (xf_import_error_add(
			        c->a, res, r->row, "org_id",
			        why ? why : "所属党组织不能为空") != 0)
				return xf_oom(c);
			continue;
		}
		xf_member_input in = r->in;
		in.org_id = org;
		in.has_org_id = 1;
		xf_member m;
		rc = xf_member_create_in_tx(c, &in, &m);
		if (rc == XF_OK)
			created++;
		else if ((rc = row_failed(c, res, r->row, rc)) != XF_OK)
			return rc;
	}
	res->valid = count_valid(c->a, res);
	return finish(c, "member", dry_run, res, created);
}

/* Runs an import's transaction; a dry run's rollback is its success. */
#define IMPORT_TX(c, dry_run, res, call)                                       \
	do {                                                                   \
		int rc_;                                                       \
		XF_WRITE_TX(c, rc_, call);                                     \
		if (rc_ == XF_E_INVALID && (dry_run) &&                        \
		    strcmp((c)->err.code, "import_invalid") == 0) {            \
			memset(&(c)->err, 0, sizeof(c)->err);                  \
			rc_ = XF_OK;                                           \
		}                                                              \
		return rc_;                                                    \
	} while (0)

int xf_import_members(xf_ctx *c, xf_member_row *rows, int n, int dry_run,
                      xf_import_result *res)
{
	res->rows = n;
	int rc = mark_duplicates(c, rows, n, res);
	if (rc != XF_OK)
		return rc;
	int cell_errors = res->nerrors;
	IMPORT_TX(c, dry_run, res,
	          members_tx(c, rows, n, dry_run, res, cell_errors));
}

/* The cluster named name among cl[0..ncl): its id, or 0. */
static int64_t cluster_named(const xf_cluster *cl, int ncl, const char *name)
{
	for (int i = 0; i < ncl; i++)
		if (strcmp(cl[i].name, name) == 0)
			return cl[i].id;
	return 0;
}

/* Adds the organization o of row r to the cluster r names, if any. */
static int join_cluster(xf_ctx *c, const xf_org_row *r, const xf_org *o,
                        const xf_cluster *cl, int ncl, xf_import_result *res)
{
	if (!r->cluster || !*r->cluster)
		return XF_OK;
	int64_t id = cluster_named(cl, ncl, r->cluster);
	if (!id) {
		const char *m =
		    xf_arena_printf(c->a, "片区“%s”不存在", r->cluster);
		return xf_import_error_add(c->a, res, r->row, "cluster",
		                           m ? m : "片区不存在") == 0
		           ? XF_OK
		           : xf_oom(c);
	}
	xf_cluster out;
	int rc = xf_cluster_add_in_tx(c, id, o->id, &out);
	return rc == XF_OK ? rc : row_failed(c, res, r->row, rc);
}

static int orgs_tx(xf_ctx *c, xf_org_row *rows, int n, int dry_run,
                   xf_import_result *res, int cell_errors)
{
	res->nerrors = cell_errors;
	org_index ix;
	int rc = index_load(c, &ix);
	if (rc != XF_OK)
		return rc;
	xf_cluster *cl = NULL;
	int ncl = 0;
	for (int i = 0; i < n; i++)
		if (rows[i].cluster && *rows[i].cluster) {
			rc = xf_store_cluster_list(c->db, c->a, &cl, &ncl);
			if (rc != XF_DB_OK)
				return xf_fail_db(c, rc);
			break;
		}
	int created = 0;
	for (int i = 0; i < n; i++) {
		xf_org_row *r = &rows[i];
		if (r->bad)
			continue;
		xf_org_input in = r->in;
		in.parent_id = 0;
		in.has_parent_id = 1;
		if (r->parent && *r->parent) {
			const char *why = NULL;
			in.parent_id = resolve(c, &ix, r->parent, &why);
			if (!in.parent_id) {
				if (xf_import_error_add(c->a, res, r->row,
				                        "parent_id", why) != 0)
					return xf_oom(c);
				continue;
			}
		}
		xf_org o;
		rc = xf_org_create_in_tx(c, &in, &o);
		if (rc == XF_OK) {
			created++;
			if ((rc = index_add(c, &ix, &o)) != XF_OK ||
			    (rc = join_cluster(c, r, &o, cl, ncl, res)) !=
			        XF_OK)
				return rc;
		} else if ((rc = row_failed(c, res, r->row, rc)) != XF_OK) {
			return rc;
		}
	}
	res->valid = count_valid(c->a, res);
	return finish(c, "org", dry_run, res, created);
}

int xf_import_orgs(xf_ctx *c, xf_org_row *rows, int n, int dry_run,
                   xf_import_result *res)
{
	res->rows = n;
	int cell_errors = res->nerrors;
	IMPORT_TX(c, dry_run, res,
	          orgs_tx(c, rows, n, dry_run, res, cell_errors));
}
