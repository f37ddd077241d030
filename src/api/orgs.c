/*
 * orgs.c (api) - /api/orgs and /api/clusters: parse and validate input,
 * call the service, render JSON.
 */
#include "api/orgs.h"
#include "api/api.h"
#include "api/page.h"

#include "api/input.h"
#include "base/jw.h"
#include "domain/orgs.h"
#include "model/org.h"
#include "service/orgs.h"

#include <string.h>

enum {
	F_NAME,
	F_KIND,
	F_LEVEL,
	F_PARENT,
	F_EST,
	F_PROJECT,
	F_STARTS,
	F_ENDS,
	F_CLOSED,
	F_COUNT
};

/* required on create: name, kind, level and parent_id */
#define ORG_FIELDS(req)                                                          \
	{                                                                        \
		{"name", XF_F_STR, req, 0, 1, 100, NULL, "组织名称"},            \
		    {"kind", XF_F_ENUM, req, 0, 0, 0, xf_org_kinds, "组织类型"}, \
		    {"level", XF_F_ENUM, req, 0, 0, 0, xf_org_levels, "层级"},   \
		    {"parent_id", XF_F_ID, req, 1, 0, 0, NULL, "上级组织"},      \
		    {"established_on", XF_F_DATE, 0, 1, 0, 0, NULL, "成立日期"}, \
		    {"project", XF_F_STR, 0, 1, 0, 200, NULL, "所属项目"},       \
		    {"starts_on", XF_F_DATE, 0, 1, 0, 0, NULL, "开始日期"},      \
		    {"ends_on", XF_F_DATE, 0, 1, 0, 0, NULL, "结束日期"},        \
		    {"closed_on", XF_F_DATE, 0, 1, 0, 0, NULL, "撤销日期"},      \
	}

static const xf_field patch_fields[F_COUNT] = ORG_FIELDS(0);
const xf_body_table xf_orgs_patch_body = XF_BODY_TABLE(patch_fields);

static const xf_field create_fields[F_COUNT] = ORG_FIELDS(1);
const xf_body_table xf_orgs_create_body = XF_BODY_TABLE(create_fields);

static void to_input(const xf_val *v, xf_org_input *in)
{
	XF_TAKE_STR(in, name, v[F_NAME]);
	XF_TAKE_STR(in, kind, v[F_KIND]);
	XF_TAKE_STR(in, level, v[F_LEVEL]);
	XF_TAKE_STR(in, established_on, v[F_EST]);
	XF_TAKE_STR(in, project, v[F_PROJECT]);
	XF_TAKE_STR(in, starts_on, v[F_STARTS]);
	XF_TAKE_STR(in, ends_on, v[F_ENDS]);
	XF_TAKE_STR(in, closed_on, v[F_CLOSED]);
	XF_TAKE_INT(in, parent_id, v[F_PARENT]);
}

static void answer_page(xf_req *r, const xf_org_page *p)
{
	XF_PAGE_ANSWER(r, xf_org_json, p->items, p->n, p->total);
}

XF_CTX_HANDLER(xf_h_orgs_create, xf_org_input in = {0}; xf_org o;
               to_input(r->body_vals, &in), xf_org_create(&c, &in, &o),
               XF_ANSWER(r, 201, xf_org_json, &o))

XF_ID_HANDLER(xf_h_orgs_patch, xf_org_input in = {0}; xf_org o;
              to_input(r->body_vals, &in), xf_org_update(&c, id, &in, &o),
              XF_ANSWER(r, 200, xf_org_json, &o))

XF_ID_HANDLER(xf_h_orgs_get, xf_org o, xf_org_read(&c, id, &o),
              XF_ANSWER(r, 200, xf_org_json, &o))

XF_ID_OK_HANDLER(xf_h_orgs_delete, xf_org_remove(&c, id))

static void counts(xf_jw *w, const char *key, const xf_count *c, int n)
{
	xf_jw_key(w, key);
	xf_jw_obj(w);
	for (int i = 0; i < n; i++)
		xf_jw_kint(w, c[i].key, c[i].n);
	xf_jw_obj_end(w);
}

static void stats_json(xf_jw *w, const xf_org_stats *s, int64_t id)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "org_id", id);
	xf_jw_kint(w, "orgs", s->orgs);
	xf_jw_kint(w, "members", s->members);
	counts(w, "orgs_by_kind", s->by_kind, s->nkind);
	counts(w, "orgs_by_level", s->by_level, s->nlevel);
	counts(w, "members_by_status", s->by_status, s->nstatus);
	xf_jw_obj_end(w);
}

XF_ID_HANDLER(xf_h_orgs_stats, xf_org_stats s, xf_org_count(&c, id, &s),
              XF_ANSWER(r, 200, stats_json, &s, id))

/* ?page=&size=&q=&kind=&level=&roots= */
enum { OL_Q = XF_QP_SIZE + 1, OL_KIND, OL_LEVEL, OL_ROOTS };
static const xf_param list_params[] = {
    XF_PARAMS_PAGE,
    {.name = "q", .type = XF_Q_STR, .max = 100},
    XF_PARAM_CODE("kind", xf_org_kinds, "组织类型"),
    XF_PARAM_CODE("level", xf_org_levels, "层级"),
    {.name = "roots", .type = XF_Q_BOOL},
};
const xf_query_table xf_orgs_list_query = XF_QUERY_TABLE(list_params);

/* The filter of the list's checked query q. */
static xf_org_filter list_filter(const xf_val *q)
{
	return (xf_org_filter){.q = q[OL_Q].s,
	                       .kind = q[OL_KIND].s,
	                       .level = q[OL_LEVEL].s,
	                       .roots = (int)q[OL_ROOTS].i};
}

XF_CTX_HANDLER(xf_h_orgs_list, xf_org_filter f = list_filter(r->query_vals);
               xf_org_page p; xf_query_page(r, &f.offset, &f.limit),
                              xf_org_list(&c, &f, &p), answer_page(r, &p))

/* GET /api/orgs/{id}/children: the direct children, each with the
 * members of its whole subtree (subtree_member_count). */
/* A child organization o with its subtree's member count. */
static void child_json(xf_jw *w, const xf_org *o)
{
	xf_org_json_open(w, o, 0);
	xf_jw_kint(w, "subtree_member_count", o->subtree_member_count);
	xf_jw_obj_end(w);
}

XF_ID_HANDLER(xf_h_orgs_children, xf_org_page p, xf_org_children(&c, id, &p),
              XF_PAGE_ANSWER(r, child_json, p.items, p.n, p.total))

/* Writes items[*i] and, recursively, the nodes below it. */
static void tree_node(xf_jw *w, const xf_org_page *p, int *i)
{
	const xf_org *o = &p->items[*i];
	xf_org_json_open(w, o, 1);
	xf_jw_key(w, "children");
	xf_jw_arr(w);
	(*i)++;
	while (*i < p->n && p->items[*i].parent_id == o->id)
		tree_node(w, p, i);
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

static void tree_json(xf_jw *w, const xf_org_page *p)
{
	int i = 0;
	if (p->n > 0)
		tree_node(w, p, &i);
}

XF_ID_HANDLER(xf_h_orgs_tree, xf_org_page p, xf_org_tree(&c, id, &p),
              XF_ANSWER(r, 200, tree_json, &p))

/* ---- clusters ---------------------------------------------------------- */

static const xf_field cluster_fields[] = {
    {"name", XF_F_STR, 1, 0, 1, 100, NULL, "片区名称"},
    {"description", XF_F_STR, 0, 1, 0, 2000, NULL, "说明"},
};
const xf_body_table xf_clusters_create_body = XF_BODY_TABLE(cluster_fields);

XF_CTX_HANDLER(xf_h_clusters_create, const xf_val *v = r->body_vals;
               xf_cluster cl, xf_cluster_create(&c, v[0].s, v[1].s, &cl),
               XF_ANSWER(r, 201, xf_cluster_json, &cl))

/* ?page=&size= */
const xf_query_table xf_clusters_list_query = XF_QUERY_TABLE(xf_page_params);

void xf_h_clusters_list(xf_req *r)
{
	xf_ctx c;
	xf_cluster *cl;
	int n, offset, limit;
	xf_query_page(r, &offset, &limit);
	if (xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c, xf_cluster_list(&c, &cl, &n)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = offset; i < n && i < offset + limit; i++)
		xf_cluster_json(&w, &cl[i]);
	xf_page_end(r, &w, n);
}

static const xf_field cluster_org_fields[] = {
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "组织"},
};
const xf_body_table xf_clusters_add_org_body =
    XF_BODY_TABLE(cluster_org_fields);

XF_ID_HANDLER(xf_h_clusters_add_org, const xf_val *v = r->body_vals;
              xf_cluster cl, xf_cluster_add(&c, id, v[0].i, &cl),
              XF_ANSWER(r, 200, xf_cluster_json, &cl))

XF_ID2_HANDLER(xf_h_clusters_remove_org, xf_cluster cl,
               xf_cluster_remove(&c, id, id2, &cl),
               XF_ANSWER(r, 200, xf_cluster_json, &cl))
