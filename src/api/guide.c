/*
 * guide.c (api) - /api/guide: articles of the practice guide with their
 * versions, the list by tag and the Chinese full-text search.
 */
#include "api/guide.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "base/buf.h"
#include "service/guide.h"

#include <string.h>

enum { G_TITLE, G_BODY, G_TAGS, G_COUNT };
#define GUIDE_FIELDS(req)                                                      \
	{"title", XF_F_STR, req, 0, 1, XF_GUIDE_TITLE_CHARS, NULL, "标题"},    \
	    {"body", XF_F_STR, req, 0, 1, XF_GUIDE_BODY_CHARS, NULL, "正文"},  \
	{                                                                      \
		"tags", XF_F_ARRAY, 0, 1, 0, XF_GUIDE_TAGS_MAX, NULL, "标签" \
	}
static const xf_field create_fields[G_COUNT] = {GUIDE_FIELDS(1)};
const xf_body_table xf_guide_create_body = XF_BODY_TABLE(create_fields);
static const xf_field patch_fields[G_COUNT] = {GUIDE_FIELDS(0)};
const xf_body_table xf_guide_patch_body = XF_BODY_TABLE(patch_fields);

static const xf_field tag_field = {"tags", XF_F_STR,           1,    0,
                                   1,      XF_GUIDE_TAG_CHARS, NULL, "标签"};

/* The tags of the body, each followed by '\n', into in; 0, or -1 with
 * a 422 answered. */
static int guide_input(xf_req *r, const xf_val *v, xf_guide_input *in)
{
	memset(in, 0, sizeof *in);
	XF_TAKE_STR(in, title, v[G_TITLE]);
	XF_TAKE_STR(in, body, v[G_BODY]);
	in->has_tags = v[G_TAGS].present;
	in->tags = "";
	json_t *arr = v[G_TAGS].j;
	if (!arr || !json_is_array(arr))
		return 0;
	xf_buf b;
	xf_buf_init(&b, 4096);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		xf_val t;
		const char *bad = xf_field_check(&r->arena, &tag_field,
		                                 json_array_get(arr, i), &t);
		if (!bad && strchr(t.s, '\n'))
			bad = "不能包含换行";
		if (bad) {
			xf_buf_free(&b);
			xf_reply_error(
			    r, 422, "invalid_field",
			    xf_arena_printf(&r->arena, "标签%s", bad), "tags");
			return -1;
		}
		xf_buf_adds(&b, t.s);
		xf_buf_addc(&b, '\n');
	}
	in->tags = b.len ? xf_arena_strndup(&r->arena, b.data, b.len) : "";
	xf_buf_free(&b);
	return 0;
}

static void write_full(xf_jw *w, const xf_guide_article *g)
{
	xf_guide_article_json(w, g, 1);
}

static void write_brief(xf_jw *w, const xf_guide_article *g)
{
	xf_guide_article_json(w, g, 0);
}

/* POST /api/guide/articles: 201 with the article. */
XF_READ_HANDLER(xf_h_guide_create, xf_guide_input in;
                xf_guide_article g, guide_input(r, r->body_vals, &in),
                xf_guide_create(&c, &in, &g), XF_ANSWER(r, 201, write_full, &g))

/* PATCH /api/guide/articles/{id}: the new version. */
XF_ID_READ_HANDLER(xf_h_guide_patch, xf_guide_input in;
                   xf_guide_article g, guide_input(r, r->body_vals, &in),
                   xf_guide_update(&c, id, &in, &g),
                   XF_ANSWER(r, 200, write_full, &g))

XF_ID_HANDLER(xf_h_guide_get, xf_guide_article g, xf_guide_read(&c, id, &g),
              XF_ANSWER(r, 200, write_full, &g))

XF_ID_OK_HANDLER(xf_h_guide_delete, xf_guide_remove(&c, id))

/* GET /api/guide/articles/{id}/versions: {"items":[..],"total"}. */
XF_ID_ITEMS_HANDLER(xf_h_guide_versions, xf_guide_article, write_full,
                    xf_guide_versions(&c, id, XF_ITEMS_OUT))

/* GET /api/guide/articles?tag=&page=&size= */
enum { L_TAG = XF_QP_SIZE + 1 };
static const xf_param list_params[] = {
    XF_PARAMS_PAGE,
    {.name = "tag",
     .type = XF_Q_STR,
     .max = XF_GUIDE_TAG_CHARS,
     .label = "标签"},
};
const xf_query_table xf_guide_list_query = XF_QUERY_TABLE(list_params);

XF_LIST_HANDLER(xf_h_guide_list, xf_guide_article, write_brief,
                xf_guide_list(&c, xf_val_str(&q[L_TAG]), XF_LIST_OUT))

/* GET /api/guide/search?q=: the articles ranked by match (at most 50),
 * {"items":[..],"total"}. */
static const xf_param search_params[] = {
    {.name = "q",
     .type = XF_Q_STR,
     .required = 1,
     .min = 1,
     .max = 50,
     .label = "搜索关键词"},
};
const xf_query_table xf_guide_search_query = XF_QUERY_TABLE(search_params);

XF_ITEMS_HANDLER(xf_h_guide_search, xf_guide_article, write_brief,
                 xf_guide_search(&c, r->query_vals[0].s, XF_ITEMS_OUT))
