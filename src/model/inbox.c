/*
 * inbox.c - the JSON form of an inbox item (model/inbox.h).
 */
#include "model/inbox.h"

#include "model/fields.h"

static const xf_jfield item_fields[] = {
    XF_JF(STR, xf_inbox_item, "kind", kind),
    XF_JF(STR, xf_inbox_item, "title", title),
    XF_JF(STR, xf_inbox_item, "due_on", due_on),
};

static const xf_jfield item_tail[] = {
    XF_JF(ID, xf_inbox_item, "org_id", org_id),
    XF_JF(STR, xf_inbox_item, "link", link),
    XF_JF(STR, xf_inbox_item, "ref", ref),
};

void xf_inbox_item_json(xf_jw *w, const xf_inbox_item *it)
{
	xf_jw_obj(w);
	xf_jw_fields(w, it, item_fields, XF_NFIELDS(item_fields), NULL);
	xf_jw_key(w, "days_left");
	if (it->has_days_left)
		xf_jw_int(w, it->days_left);
	else
		xf_jw_null(w);
	xf_jw_fields(w, it, item_tail, XF_NFIELDS(item_tail), NULL);
	xf_jw_obj_end(w);
}
