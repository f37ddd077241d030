/*
 * guide.c (service) - the practice guide's use cases.
 */
#include "service/guide.h"

#include "base/buf.h"
#include "domain/guide.h"

#include <string.h>

/* The audit's picture of an article: its JSON form without the body (the
 * bodies are kept in the versions). */
static const char *snap(xf_ctx *c, const xf_guide_article *g)
{
	xf_buf b;
	xf_buf_init(&b, 1 << 16);
	xf_jw w;
	xf_jw_init(&w, &b);
	xf_guide_article_json(&w, g, 0);
	const char *s = b.failed ? NULL : xf_arena_strndup(c->a, b.data, b.len);
	xf_buf_free(&b);
	return s;
}

static int load(xf_ctx *c, int64_t id, xf_guide_article *g)
{
	memset(g, 0, sizeof *g);
	int drc = xf_store_guide_get(c->db, c->a, id, g);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "指南文章不存在",
		               NULL);
	return drc == XF_DB_ROW ? XF_OK : xf_fail_db(c, drc);
}

static int create_tx(xf_ctx *c, const xf_guide_input *in, xf_guide_article *g)
{
	memset(g, 0, sizeof *g);
	g->title = in->title;
	g->body = in->body;
	g->tags = in->tags ? in->tags : "";
	g->edited_by = c->user_id;
	g->created_at = g->updated_at = c->now;
	int drc = xf_store_guide_insert(c->db, g);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	g->editor_name = c->username;
	return xf_audit(c, "create", "guide_article", g->id, NULL, NULL,
	                snap(c, g));
}

int xf_guide_create(xf_ctx *c, const xf_guide_input *in, xf_guide_article *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int update_tx(xf_ctx *c, int64_t id, const xf_guide_input *in,
                     xf_guide_article *g)
{
	int rc = load(c, id, g);
	if (rc != XF_OK)
		return rc;
	const char *before = snap(c, g);
	XF_TAKE(g, in, title);
	XF_TAKE(g, in, body);
	XF_TAKE(g, in, tags);
	g->version++;
	g->edited_by = c->user_id;
	g->editor_name = c->username;
	g->updated_at = c->now;
	return xf_audit_db(c, xf_store_guide_update(c->db, g), "update",
	                   "guide_article", id, NULL, before, snap(c, g));
}

int xf_guide_update(xf_ctx *c, int64_t id, const xf_guide_input *in,
                    xf_guide_article *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

static int remove_tx(xf_ctx *c, int64_t id)
{
	xf_guide_article g;
	int rc = load(c, id, &g);
	if (rc != XF_OK)
		return rc;
	return xf_audit_db(c, xf_store_guide_delete(c->db, id), "delete",
	                   "guide_article", id, NULL, snap(c, &g), NULL);
}

int xf_guide_remove(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, remove_tx(c, id));
}

int xf_guide_read(xf_ctx *c, int64_t id, xf_guide_article *out)
{
	XF_RETURN_READ_TX(c, load(c, id, out));
}

static int versions_tx(xf_ctx *c, int64_t id, xf_guide_article **out, int *n)
{
	xf_guide_article g;
	int rc = load(c, id, &g);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_guide_versions(c->db, c->a, id, out, n));
}

int xf_guide_versions(xf_ctx *c, int64_t id, xf_guide_article **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, versions_tx(c, id, out, n));
}

int xf_guide_list(xf_ctx *c, const char *tag, int offset, int limit,
                  xf_guide_article **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_guide_list(c->db, c->a, tag, offset,
	                                         limit, out, n, total)));
}

int xf_guide_search(xf_ctx *c, const char *q, xf_guide_article **out, int *n)
{
	*out = NULL;
	*n = 0;
	const char *terms[XF_GUIDE_TERMS_MAX];
	char *copy = xf_arena_strdup(c->a, q ? q : "");
	if (!copy)
		return xf_oom(c);
	int nterms = xf_guide_terms(copy, terms, XF_GUIDE_TERMS_MAX);
	if (nterms < 0)
		return xf_invalid(c, "关键词最多 5 个", "q");
	if (nterms == 0)
		return xf_invalid(c, "请输入搜索关键词", "q");
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_guide_search(c->db, c->a, q, terms,
	                                           nterms, out, n)));
}
