/*
 * activities.c (api) - /api/activities: activities with sign-ups and a
 * waiting list (a member signs up for itself), attendance recorded by the
 * organizer, lists (upcoming or past) and a year's counts.
 */
#include "api/activities.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "base/jw.h"
#include "domain/activities.h"
#include "model/activity.h"
#include "model/fields.h"
#include "service/activities.h"

#include <jansson.h>
#include <string.h>

enum {
	F_TITLE,
	F_ORG,
	F_STARTS,
	F_PLACE,
	F_CAPACITY,
	F_CLOSES,
	F_KIND,
	F_DESC,
	F_COUNT
};
static const xf_field create_fields[F_COUNT] = {
    {"title", XF_F_STR, 1, 0, 1, 200, NULL, "活动名称"},
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "主办组织"},
    {"starts_at", XF_F_STR, 1, 0, 1, 40, NULL, "活动时间"},
    {"place", XF_F_STR, 1, 0, 1, 200, NULL, "活动地点"},
    {"capacity", XF_F_INT, 1, 0, 1, XF_ACTIVITY_CAPACITY_MAX, NULL, "名额"},
    {"signup_closes_at", XF_F_STR, 1, 0, 1, 40, NULL, "报名截止时间"},
    {"kind", XF_F_ENUM, 0, 1, 0, 0, xf_activity_kinds, "活动类别"},
    {"description", XF_F_STR, 0, 1, 0, 2000, NULL, "活动说明"},
};
const xf_body_table xf_activities_create_body = XF_BODY_TABLE(create_fields);

/* POST /api/activities: 201 with the activity. */
/* The activity of a checked create body v. */
static xf_activity_input activity_input(const xf_val *v)
{
	return (xf_activity_input){.title = v[F_TITLE].s,
	                           .org_id = v[F_ORG].i,
	                           .starts_at = v[F_STARTS].s,
	                           .place = v[F_PLACE].s,
	                           .capacity = (int)v[F_CAPACITY].i,
	                           .signup_closes_at = v[F_CLOSES].s,
	                           .kind = xf_val_str(&v[F_KIND]),
	                           .description = xf_val_str(&v[F_DESC])};
}

XF_CTX_HANDLER(xf_h_activities_create,
               xf_activity_input in = activity_input(r->body_vals);
               xf_activity a, xf_activity_create(&c, &in, &a),
               XF_ANSWER(r, 201, xf_activity_json, &a))

XF_ID_HANDLER(xf_h_activities_get, xf_activity a, xf_activity_read(&c, id, &a),
              XF_ANSWER(r, 200, xf_activity_json, &a))

/* GET /api/activities?org=&year=&upcoming=1&past=1 */
enum { L_UPCOMING = XF_QP_YEAR + 1, L_PAST };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_YEAR_PAGE,
    {.name = "upcoming", .type = XF_Q_BOOL},
    {.name = "past", .type = XF_Q_BOOL},
};
const xf_query_table xf_activities_list_query = XF_QUERY_TABLE(list_params);

/* The page of the list's query q; upcoming and past together are
 * refused. */
static int list(xf_ctx *c, const xf_val *q, int offset, int limit,
                xf_activity **as, int *n, int64_t *total)
{
	if (q[L_UPCOMING].i && q[L_PAST].i)
		return xf_invalid(c, "upcoming 与 past 不能同时指定", "past");
	int when = q[L_UPCOMING].i ? 1 : q[L_PAST].i ? 2 : 0;
	return xf_activity_list(c, q[XF_QP_ORG].i, (int)q[XF_QP_YEAR].i, when,
	                        offset, limit, as, n, total);
}

XF_LIST_HANDLER(xf_h_activities_list, xf_activity, xf_activity_json,
                list(&c, q, XF_LIST_OUT))

/* GET /api/activities/stats?org=&year= (this year when absent) */
const xf_query_table xf_activities_stats_query =
    XF_QUERY_TABLE(xf_org_year_now_params);

/* → {"year","activities","past","confirmed","waiting","attended",
 * "by_kind":{"culture":n,…}} */
static const xf_jfield stats_fields[] = {
    XF_JF(INT, xf_activity_stats, "year", year),
    XF_JF(I64, xf_activity_stats, "activities", activities),
    XF_JF(I64, xf_activity_stats, "past", past),
    XF_JF(I64, xf_activity_stats, "confirmed", confirmed),
    XF_JF(I64, xf_activity_stats, "waiting", waiting),
    XF_JF(I64, xf_activity_stats, "attended", attended),
};

static void stats_json(xf_jw *w, const xf_activity_stats *s)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, s, stats_fields);
	xf_jw_key(w, "by_kind");
	xf_jw_obj(w);
	for (int k = 0; k < 8 && xf_activity_kinds[k].code; k++)
		xf_jw_kint(w, xf_activity_kinds[k].code, s->kind_counts[k]);
	xf_jw_obj_end(w);
	xf_jw_obj_end(w);
}

XF_CTX_HANDLER(xf_h_activities_stats, const xf_val *q = r->query_vals;
               xf_activity_stats s,
               xf_activity_stats_read(&c, q[XF_QN_ORG].i, (int)q[XF_QN_YEAR].i,
                                      &s),
               XF_ANSWER(r, 200, stats_json, &s))

/* POST /api/activities/{id}/signups: 201 with the caller's sign-up
 * ({"status":"confirmed"|"waiting","position",…}). */
XF_ID_HANDLER(xf_h_activities_sign_up, xf_activity_signup s,
              xf_activity_sign_up(&c, id, &s),
              XF_ANSWER(r, 201, xf_activity_signup_json, &s))

/* DELETE /api/activities/{id}/signups/me → {"ok":true,
 * "promoted_member_id"} */
static void cancel_json(xf_jw *w, const int64_t *promoted)
{
	xf_jw_obj(w);
	xf_jw_kbool(w, "ok", 1);
	xf_jw_kid(w, "promoted_member_id", *promoted);
	xf_jw_obj_end(w);
}

XF_ID_HANDLER(xf_h_activities_cancel, int64_t promoted,
              xf_activity_cancel(&c, id, &promoted),
              XF_ANSWER(r, 200, cancel_json, &promoted))

/* GET /api/activities/{id}/signups → {"items":[…],"total"} */
XF_ID_ITEMS_HANDLER(xf_h_activities_signups, xf_activity_signup,
                    xf_activity_signup_json,
                    xf_activity_signups(&c, id, XF_ITEMS_OUT))

static const xf_field attendance_fields[] = {
    {"member_ids", XF_F_ARRAY, 1, 0, 0, 2 * XF_ACTIVITY_CAPACITY_MAX, NULL,
     "出席党员"},
};
const xf_body_table xf_activities_attendance_body =
    XF_BODY_TABLE(attendance_fields);

/* PUT /api/activities/{id}/attendance {"member_ids":[…]} → {"ok":true} */
void xf_h_activities_attendance(xf_req *r)
{
	json_t *arr = r->body_vals[0].j;
	int n = (int)json_array_size(arr);
	int64_t *ids = xf_input_calloc(r, (size_t)n, sizeof *ids);
	if (!ids)
		return;
	for (int i = 0; i < n; i++) {
		static const xf_field id_field = {
		    "member_ids", XF_F_ID, 1, 0, 0, 0, NULL, "出席党员"};
		xf_val x;
		char *at = xf_arena_printf(&r->arena, "member_ids[%d]", i);
		if (xf_input_value(r, &id_field, json_array_get(arr, (size_t)i),
		                   &x, at) != 0)
			return;
		for (int j = 0; j < i; j++)
			if (ids[j] == x.i) {
				xf_reply_error(r, 422, "invalid_field",
				               "出席党员重复", at);
				return;
			}
		ids[i] = x.i;
	}
	xf_ctx c;
	int64_t id;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_activity_attendance(&c, id, ids, n)))
		xf_api_ok(r);
}
