/*
 * lecture.c - the JSON form of a lecture of the lecture library.
 */
#include "model/lecture.h"

#include "model/fields.h"

static const xf_jfield lecture_fields[] = {
    XF_JF(I64, xf_lecture, "id", id),
    XF_JF(STR, xf_lecture, "title", title),
    XF_JF(STR, xf_lecture, "speaker", speaker),
    XF_JF(STR, xf_lecture, "given_on", given_on),
    XF_JF(STR, xf_lecture, "kind", kind),
    XF_JF(STR, xf_lecture, "summary", summary),
    XF_JF(I64, xf_lecture, "org_id", org_id),
    XF_JF(STR, xf_lecture, "org_name", org_name),
    XF_JF(I64, xf_lecture, "attachment_count", attachment_count),
    XF_JF(ID, xf_lecture, "created_by", created_by),
    XF_JF(TIME, xf_lecture, "created_at", created_at),
    XF_JF(TIME, xf_lecture, "updated_at", updated_at),
};

void xf_lecture_json(xf_jw *w, const xf_lecture *l)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, l, lecture_fields);
	xf_jw_obj_end(w);
}
