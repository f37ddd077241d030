/*
 * message.c - the JSON form of an outside message (model/message.h): the
 * body a webhook receives.
 */
#include "model/message.h"

#include "model/fields.h"

static const xf_jfield message_fields[] = {
    XF_JF(STR, xf_message, "kind", kind),
    XF_JF(STR, xf_message, "title", title),
    XF_JF(STR, xf_message, "body", body),
    XF_JF(STR, xf_message, "link", link),
    XF_JF(STR, xf_message, "ref", ref),
    XF_JF(ID, xf_message, "org_id", org_id),
    XF_JF(TIME, xf_message, "created_at", created_at),
};

static const xf_jfield recipient_fields[] = {
    XF_JF(I64, xf_message, "user_id", user_id),
    XF_JF(STR, xf_message, "name", name),
    XF_JF(STR, xf_message, "phone", phone),
};

void xf_message_json(xf_jw *w, const xf_message *m)
{
	xf_jw_obj(w);
	xf_jw_kstr(w, "id", m->id);
	xf_jw_fields(w, m, message_fields, XF_NFIELDS(message_fields), NULL);
	xf_jw_key(w, "recipient");
	xf_jw_obj(w);
	xf_jw_fields(w, m, recipient_fields, XF_NFIELDS(recipient_fields),
	             NULL);
	xf_jw_obj_end(w);
	xf_jw_obj_end(w);
}
