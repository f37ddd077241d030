/*
 * guide.c - the JSON form of an article of the practice guide.
 */
#include "model/guide.h"

#include "model/fields.h"

#include <string.h>

static const xf_jfield article_fields[] = {
    XF_JF(I64, xf_guide_article, "id", id),
    XF_JF(INT, xf_guide_article, "version", version),
    XF_JF(STR, xf_guide_article, "title", title),
    XF_JF(ID, xf_guide_article, "edited_by", edited_by),
    XF_JF(STR, xf_guide_article, "editor_name", editor_name),
    XF_JF(TIME, xf_guide_article, "created_at", created_at),
    XF_JF(TIME, xf_guide_article, "updated_at", updated_at),
};

void xf_guide_article_json(xf_jw *w, const xf_guide_article *g, int with_body)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, g, article_fields);
	if (with_body) {
		xf_jw_key(w, "body");
		xf_jw_str(w, g->body);
	}
	xf_jw_key(w, "tags");
	xf_jw_arr(w);
	for (const char *p = g->tags ? g->tags : ""; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		xf_jw_strn(w, p, n);
		p += n + (nl ? 1 : 0);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}
