/*
 * attachment.c - the JSON form of attachments.
 */
#include "model/attachment.h"

#include "base/date.h"

#include <stdio.h>

void xf_attachment_json_open(xf_jw *w, const xf_attachment *t)
{
	char at[32], url[48];
	xf_time_iso(t->uploaded_at, at);
	snprintf(url, sizeof url, "/api/attachments/%lld", (long long)t->id);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", t->id);
	xf_jw_kint(w, "meeting_id", t->meeting_id);
	xf_jw_kint(w, "org_id", t->org_id);
	xf_jw_kstr(w, "name", t->name);
	xf_jw_kstr(w, "type", t->type);
	xf_jw_kint(w, "size", t->size);
	xf_jw_kstr(w, "sha256", t->hash);
	xf_jw_kid(w, "uploaded_by", t->uploaded_by);
	xf_jw_kstr(w, "uploaded_by_name", t->uploaded_by_name);
	xf_jw_kstr(w, "uploaded_at", at);
	xf_jw_kstr(w, "url", url);
}
