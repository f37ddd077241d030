/*
 * points.h (api) - handlers of the points rulebook and settings, claims (申报)
 * and the ledger, with the field tables of their routes. Routes in routes.c;
 * the API is documented in docs/api.md.
 */
#ifndef XF_API_POINTS_H
#define XF_API_POINTS_H

#include "api/handler.h"

#include <jansson.h>

xf_api_handler xf_h_point_rules_list;
extern const struct xf_query_table xf_point_rules_list_query;
xf_api_handler xf_h_point_rules_create;
extern const struct xf_body_table xf_point_rules_create_body;
xf_api_handler xf_h_point_rules_get;
xf_api_handler xf_h_point_rules_patch;
extern const struct xf_body_table xf_point_rules_patch_body;
xf_api_handler xf_h_point_settings_get;
extern const struct xf_query_table xf_point_settings_get_query;
xf_api_handler xf_h_point_settings_put;
extern const struct xf_body_table xf_point_settings_put_body;
xf_api_handler xf_h_claims_list;
extern const struct xf_query_table xf_claims_list_query;
xf_api_handler xf_h_claims_create;
extern const struct xf_body_table xf_claims_create_body;
xf_api_handler xf_h_claims_get;
xf_api_handler xf_h_claims_approve;
extern const struct xf_body_table xf_claims_approve_body;
xf_api_handler xf_h_claims_reject;
extern const struct xf_body_table xf_claims_reject_body;
/*
 * The "evidence" array of POST /api/claims, checked element by element (a
 * field table cannot say "an array of texts"): at most 10 strings of 1 to
 * 500 characters (file names or references), each obeying the text rule
 * of every field (xf_input_value: valid UTF-8 without NUL or other control
 * characters but tab and line breaks, not blank). Pure: no database, no caller
 * needed; the libFuzzer harness tests/fuzz/fuzz_input_arrays.c and the unit
 * tests call it as the handler does.
 *
 * arr is borrowed; NULL or a JSON null means no evidence. On success
 * returns 0 with *json the array as compact JSON text, in r's arena or a
 * static "[]", and *n its length: the text is stored as given and later
 * written raw into answers. Otherwise returns -1 with *json "[]", *n 0 and
 * the error answer written to r: 422 invalid_field naming "evidence" (500
 * if memory runs out).
 */
int xf_input_claim_evidence(xf_req *r, json_t *arr, const char **json, int *n)
    __attribute__((warn_unused_result));
xf_api_handler xf_h_ledger_list;
extern const struct xf_query_table xf_ledger_list_query;
xf_api_handler xf_h_ledger_create;
extern const struct xf_body_table xf_ledger_create_body;
xf_api_handler xf_h_ledger_get;
xf_api_handler xf_h_ledger_reverse;
extern const struct xf_body_table xf_ledger_reverse_body;

#endif
