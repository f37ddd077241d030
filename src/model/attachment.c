/*
 * attachment.c - the JSON form of attachments.
 */
#include "model/attachment.h"

#include "model/fields.h"

#include <stdio.h>
#include <string.h>

static const xf_jfield attachment_fields[] = {
    XF_JF(I64, xf_attachment, "id", id),
    XF_JF(STR, xf_attachment, "subject", subject),
    XF_JF(I64, xf_attachment, "subject_id", subject_id),
    XF_JF(I64, xf_attachment, "org_id", org_id),
    XF_JF(STR, xf_attachment, "name", name),
    XF_JF(STR, xf_attachment, "type", type),
    XF_JF(I64, xf_attachment, "size", size),
    XF_JF(STR, xf_attachment, "sha256", hash),
    XF_JF(ID, xf_attachment, "uploaded_by", uploaded_by),
    XF_JF(STR, xf_attachment, "uploaded_by_name", uploaded_by_name),
    XF_JF(TIME, xf_attachment, "uploaded_at", uploaded_at),
};

void xf_attachment_json_open(xf_jw *w, const xf_attachment *t)
{
	char url[48];
	snprintf(url, sizeof url, "/api/attachments/%lld", (long long)t->id);
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, attachment_fields);
	if (t->subject && strcmp(t->subject, "meeting") == 0)
		xf_jw_kint(w, "meeting_id", t->subject_id);
	xf_jw_kstr(w, "url", url);
}
