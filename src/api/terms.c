/*
 * terms.c (api) - 换届: POST/GET /api/orgs/{id}/terms (record an election,
 * the history), GET /api/terms/{id}, POST /api/terms/{id}/approve (the
 * higher committee) and GET /api/terms/due (the board with countdowns).
 */
#include "api/terms.h"

#include "api/api.h"
#include "api/bodies.h"
#include "api/input.h"
#include "api/page.h"
#include "base/jw.h"
#include "domain/terms.h"
#include "model/term.h"
#include "service/terms.h"

enum { E_ELECTED, E_YEARS, E_ENTITLED, E_PRESENT, E_POSITIONS };
static const xf_field create_fields[] = {
    {"elected_on", XF_F_DATE, 1, 0, 0, 0, NULL, "选举日期"},
    {"years", XF_F_INT, 0, 1, 3, 5, NULL, "任期（年）"},
    {"entitled", XF_F_INT, 1, 0, 1, 100000, NULL, "应到会人数"},
    {"present", XF_F_INT, 1, 0, 1, 100000, NULL, "实到会人数"},
    {"positions", XF_F_ARRAY, 1, 0, 0, XF_TERM_POSITIONS_MAX, NULL, "当选人"},
};
const xf_body_table xf_org_terms_create_body = XF_BODY_TABLE(create_fields);

enum { P_MEMBER, P_POSITION, P_VOTES, P_COUNT };
static const xf_field position_fields[] = {
    {"member_id", XF_F_ID, 1, 0, 0, 0, NULL, "党员"},
    {"position", XF_F_ENUM, 1, 0, 0, 0, xf_term_positions, "职务"},
    {"votes", XF_F_INT, 0, 1, 1, 100000, NULL, "得票数"},
};

/* POST /api/orgs/{id}/terms: 201 with the term, pending approval. */
void xf_h_org_terms_create(xf_req *r)
{
	const xf_val *v = r->body_vals;
	int n;
	xf_term_position *ps;
	const xf_val *pv =
	    xf_input_items(r, v[E_POSITIONS].j, "positions", position_fields,
	                   P_COUNT, &n, &ps, sizeof *ps);
	if (!pv)
		return;
	for (int i = 0; i < n; i++) {
		const xf_val *p = &pv[i * P_COUNT];
		ps[i].member_id = p[P_MEMBER].i;
		ps[i].position = p[P_POSITION].s;
		ps[i].votes = p[P_VOTES].i;
	}
	xf_term in = {.elected_on = v[E_ELECTED].s,
	              .years = (int)v[E_YEARS].i,
	              .entitled = v[E_ENTITLED].i,
	              .present = v[E_PRESENT].i,
	              .positions = ps,
	              .npositions = n};
	xf_ctx c;
	int64_t id;
	xf_term t;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (!xf_api_failed(r, &c, xf_term_create(&c, id, &in, &t)))
		XF_ANSWER(r, 201, xf_term_json, &t);
}

/* GET /api/orgs/{id}/terms: {"items":[term…],"total":N}, latest first. */
XF_ID_ITEMS_HANDLER(xf_h_org_terms_list, xf_term, xf_term_json,
                    xf_term_history(&c, id, XF_ITEMS_OUT))

/* GET /api/terms/{id}: the term with its positions. */
XF_ID_HANDLER(xf_h_terms_get, xf_term t, xf_term_read(&c, id, &t),
              XF_ANSWER(r, 200, xf_term_json, &t))

enum { A_ON, A_NO };
static const xf_field approve_fields[] = {
    {"approved_on", XF_F_DATE, 1, 0, 0, 0, NULL, "批复日期"},
    {"approval_no", XF_F_STR, 0, 1, 0, 60, NULL, "批复文号"},
};
const xf_body_table xf_terms_approve_body = XF_BODY_TABLE(approve_fields);

/* POST /api/terms/{id}/approve: 200 with the approved term. */
XF_ID_HANDLER(xf_h_terms_approve, const xf_val *v = r->body_vals;
              xf_term t,
              xf_term_approve(&c, id, v[A_ON].s, xf_val_str(&v[A_NO]), &t),
              XF_ANSWER(r, 200, xf_term_json, &t))

/* GET /api/terms/due?org=&due=1&page=&size= */
enum { D_DUE = XF_QP_ORG + 1 };
static const xf_param due_params[] = {
    XF_PARAMS_ORG_PAGE,
    {.name = "due", .type = XF_Q_BOOL},
};
const xf_query_table xf_terms_due_query = XF_QUERY_TABLE(due_params);

XF_LIST_HANDLER(xf_h_terms_due, xf_term, xf_term_json,
                xf_term_board(&c, q[XF_QP_ORG].i, (int)q[D_DUE].i, XF_LIST_OUT))

const xf_body xf_terms_bodies[] = {
    XF_BODY("POST /api/orgs/{id}/terms", "positions[]", position_fields),
    {0},
};
