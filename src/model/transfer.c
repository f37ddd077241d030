/*
 * transfer.c - the JSON form of a transfer of 组织关系转接.
 */
#include "model/transfer.h"

#include "model/fields.h"

static const xf_jfield fields[] = {
    XF_JF(I64, xf_org_transfer, "id", id),
    XF_JF(STR, xf_org_transfer, "kind", kind),
    XF_JF(STR, xf_org_transfer, "state", state),
    XF_JF(ID, xf_org_transfer, "member_id", member_id),
    XF_JF(STR, xf_org_transfer, "person_name", person_name),
    XF_JF(ID, xf_org_transfer, "from_org_id", from_org_id),
    XF_JF(STR, xf_org_transfer, "from_org_name", from_org_name),
    XF_JF(STR, xf_org_transfer, "outside_from", outside_from),
    XF_JF(ID, xf_org_transfer, "to_org_id", to_org_id),
    XF_JF(STR, xf_org_transfer, "to_org_name", to_org_name),
    XF_JF(STR, xf_org_transfer, "outside_to", outside_to),
    XF_JF(STR, xf_org_transfer, "letter_no", letter_no),
    XF_JF(STR, xf_org_transfer, "issued_on", issued_on),
    XF_JF(STR, xf_org_transfer, "deadline_on", deadline_on),
    XF_JF(INT, xf_org_transfer, "days_left", days_left),
    XF_JF(BOOL, xf_org_transfer, "overdue", overdue),
    XF_JF(STR, xf_org_transfer, "reason", reason),
    XF_JF(STR, xf_org_transfer, "arrived_on", arrived_on),
    XF_JF(STR, xf_org_transfer, "note", note),
    XF_JF(ID, xf_org_transfer, "created_by", created_by),
    XF_JF(TIME, xf_org_transfer, "created_at", created_at),
    XF_JF(TIME, xf_org_transfer, "updated_at", updated_at),
};

void xf_org_transfer_json(xf_jw *w, const xf_org_transfer *t)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, fields);
	xf_jw_obj_end(w);
}
