/*
 * lectures.c (api) - /api/lectures: the lecture library (党课库); the
 * files of a lecture are served by api/attachments.c.
 */
#include "api/lectures.h"

#include "api/api.h"
#include "domain/lectures.h"
#include "model/case.h"
#include "model/lecture.h"
#include "service/lectures.h"

#include <string.h>

/* The fields of a lecture after its organization (a lecture stays with
 * its organization: a change names no org_id); required when creating. */
enum { L_TITLE, L_SPEAKER, L_GIVEN, L_KIND, L_SUMMARY, L_ORG, L_COUNT };
#define LECTURE_FIELDS(req)                                                    \
	{"title", XF_F_STR, req, 0, 1, 100, NULL, "党课题目"},                 \
	    {"speaker", XF_F_STR, req, 0, 1, 60, NULL, "授课人"},              \
	    {"given_on", XF_F_DATE, req, 0, 0, 0, NULL, "授课日期"},           \
	    {"kind", XF_F_ENUM, req, 0, 0, 0, xf_lecture_kinds, "党课类型"},   \
	{                                                                      \
		"summary", XF_F_STR, 0, 1, 0, 5000, NULL, "内容简介"       \
	}

static const xf_field create_fields[L_COUNT] = {
    LECTURE_FIELDS(1),
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "所属组织"},
};
const xf_body_table xf_lectures_create_body = XF_BODY_TABLE(create_fields);
static const xf_field patch_fields[L_ORG] = {LECTURE_FIELDS(0)};
const xf_body_table xf_lectures_patch_body = XF_BODY_TABLE(patch_fields);

static void lecture_input(const xf_val *v, int with_org, xf_lecture_input *in)
{
	memset(in, 0, sizeof *in);
	XF_TAKE_STR(in, title, v[L_TITLE]);
	XF_TAKE_STR(in, speaker, v[L_SPEAKER]);
	XF_TAKE_STR(in, given_on, v[L_GIVEN]);
	XF_TAKE_STR(in, kind, v[L_KIND]);
	XF_TAKE_STR(in, summary, v[L_SUMMARY]);
	if (with_org)
		in->org_id = v[L_ORG].i;
}

/* POST /api/lectures: 201 with the lecture. */
XF_CTX_HANDLER(xf_h_lectures_create, xf_lecture_input in; xf_lecture l;
               lecture_input(r->body_vals, 1, &in),
               xf_lecture_create(&c, &in, &l),
               XF_ANSWER(r, 201, xf_lecture_json, &l))

XF_ID_HANDLER(xf_h_lectures_patch, xf_lecture_input in; xf_lecture l;
              lecture_input(r->body_vals, 0, &in),
              xf_lecture_update(&c, id, &in, &l),
              XF_ANSWER(r, 200, xf_lecture_json, &l))

XF_ID_HANDLER(xf_h_lectures_get, xf_lecture l, xf_lecture_read(&c, id, &l),
              XF_ANSWER(r, 200, xf_lecture_json, &l))

XF_ID_OK_HANDLER(xf_h_lectures_delete, xf_lecture_remove(&c, id))

/* GET /api/lectures?org=&kind=&year=&q= */
enum { Q_KIND = XF_QP_ORG + 1, Q_YEAR, Q_Q };
static const xf_param list_params[] = {
    XF_PARAMS_ORG_PAGE,
    XF_PARAM_CODE("kind", xf_lecture_kinds, "党课类型"),
    XF_PARAM_YEAR,
    {.name = "q", .type = XF_Q_STR, .max = 50, .label = "关键词"},
};
const xf_query_table xf_lectures_list_query = XF_QUERY_TABLE(list_params);

/* The page of lectures matching the query values. */
static int list_of(xf_ctx *c, const xf_val *q, int offset, int limit,
                   xf_lecture **items, int *n, int64_t *total)
{
	xf_lecture_filter f = {
	    .year = q[Q_YEAR].present ? (int)q[Q_YEAR].i : 0,
	    .kind = q[Q_KIND].present ? q[Q_KIND].s : NULL,
	    .q = q[Q_Q].present ? q[Q_Q].s : NULL,
	};
	return xf_lecture_list(c, q[XF_QP_ORG].i, &f, offset, limit, items, n,
	                       total);
}

XF_LIST_HANDLER(xf_h_lectures_list, xf_lecture, xf_lecture_json,
                list_of(&c, q, XF_LIST_OUT))

static const xf_field nominate_fields[] = {
    {"call_id", XF_F_ID, 1, 0, 0, 0, NULL, "案例征集"},
};
const xf_body_table xf_lectures_nominate_body = XF_BODY_TABLE(nominate_fields);

/* POST /api/lectures/{id}/nominate {"call_id"}: 201 with the submission. */
XF_ID_HANDLER(xf_h_lectures_nominate, xf_case_submission s,
              xf_lecture_nominate(&c, id, r->body_vals[0].i, &s),
              XF_ANSWER(r, 201, xf_case_submission_json, &s, 1))
