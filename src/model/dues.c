/*
 * dues.c (model) - the JSON forms of 党费 bases, payments, a member's
 * year and an organization's totals.
 */
#include "model/dues.h"

#include "model/fields.h"

static const xf_jfield base_fields[] = {
    XF_JF(I64, xf_dues_base, "member_id", member_id),
    XF_JF(INT, xf_dues_base, "year", year),
    XF_JF(STR, xf_dues_base, "category", category),
    XF_JF(I64, xf_dues_base, "income_fen", income_fen),
    XF_JF(I64, xf_dues_base, "monthly_fen", monthly_fen),
    XF_JF(INT, xf_dues_base, "rate_bp", rate_bp),
    XF_JF(ID, xf_dues_base, "set_by", set_by),
    XF_JF(TIME, xf_dues_base, "set_at", set_at),
};

void xf_dues_base_json(xf_jw *w, const xf_dues_base *b)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, b, base_fields);
	xf_jw_obj_end(w);
}

static void month_str(int year, int month, char out[8])
{
	unsigned y = (unsigned)year % 10000, m = (unsigned)month % 100;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '\0';
}

static const xf_jfield payment_fields[] = {
    XF_JF(I64, xf_dues_payment, "member_id", member_id),
    XF_JF(I64, xf_dues_payment, "amount_fen", amount_fen),
    XF_JF(STR, xf_dues_payment, "paid_on", paid_on),
    XF_JF(STR, xf_dues_payment, "payer", payer),
    XF_JF(ID, xf_dues_payment, "recorded_by", recorded_by),
};

void xf_dues_payment_json(xf_jw *w, const xf_dues_payment *p)
{
	char month[8];
	month_str(p->year, p->month, month);
	xf_jw_obj(w);
	xf_jw_kstr(w, "month", month);
	XF_JW_FIELDS(w, p, payment_fields);
	xf_jw_obj_end(w);
}

const char *xf_dues_month_state(const xf_dues_row *r, int m)
{
	if ((r->paid_mask >> m) & 1)
		return "paid";
	if ((r->owed_mask >> m) & 1)
		return "unpaid";
	if ((r->year_mask >> m) & 1)
		return "upcoming";
	return "not_owed";
}

static const xf_jfield row_fields[] = {
    XF_JF(I64, xf_dues_row, "member_id", member_id),
    XF_JF(STR, xf_dues_row, "name", name),
    XF_JF(I64, xf_dues_row, "org_id", org_id),
    XF_JF(STR, xf_dues_row, "org_name", org_name),
    XF_JF(STR, xf_dues_row, "status", status),
    XF_JF(STR, xf_dues_row, "joined_on", joined_on),
    XF_JF(INT, xf_dues_row, "year", year),
    XF_JF(STR, xf_dues_row, "category", category),
    XF_JF(I64, xf_dues_row, "paid_fen", paid_fen),
    XF_JF(I64, xf_dues_row, "due_fen", due_fen),
    XF_JF(I64, xf_dues_row, "unpaid_fen", unpaid_fen),
};

void xf_dues_row_json(xf_jw *w, const xf_dues_row *r)
{
	char month[8];
	xf_jw_obj(w);
	XF_JW_FIELDS(w, r, row_fields);
	xf_jw_key(w, "income_fen");
	if (r->has_base)
		xf_jw_int(w, r->income_fen);
	else
		xf_jw_null(w);
	xf_jw_key(w, "monthly_fen");
	if (r->has_base)
		xf_jw_int(w, r->monthly_fen);
	else
		xf_jw_null(w);
	xf_jw_key(w, "unpaid_months");
	xf_jw_arr(w);
	for (int m = 1; m <= 12; m++)
		if ((r->unpaid_mask >> m) & 1) {
			month_str(r->year, m, month);
			xf_jw_str(w, month);
		}
	xf_jw_arr_end(w);
	xf_jw_key(w, "months");
	xf_jw_arr(w);
	for (int m = 1; m <= 12; m++) {
		month_str(r->year, m, month);
		xf_jw_obj(w);
		xf_jw_kstr(w, "month", month);
		xf_jw_kstr(w, "state", xf_dues_month_state(r, m));
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

static const xf_jfield total_fields[] = {
    XF_JF(I64, xf_dues_total, "org_id", org_id),
    XF_JF(STR, xf_dues_total, "org_name", org_name),
    XF_JF(INT, xf_dues_total, "depth", depth),
    XF_JF(I64, xf_dues_total, "members", members),
    XF_JF(I64, xf_dues_total, "no_base", no_base),
    XF_JF(I64, xf_dues_total, "unpaid_members", unpaid_members),
    XF_JF(I64, xf_dues_total, "unpaid_months", unpaid_months),
    XF_JF(I64, xf_dues_total, "due_fen", due_fen),
    XF_JF(I64, xf_dues_total, "paid_fen", paid_fen),
    XF_JF(I64, xf_dues_total, "unpaid_fen", unpaid_fen),
};

void xf_dues_total_json(xf_jw *w, const xf_dues_total *t)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, t, total_fields);
	xf_jw_obj_end(w);
}
