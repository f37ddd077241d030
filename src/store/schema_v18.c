/*
 * schema_v18.c - migration 18: 换届 (terms of committees).
 * - org_terms: one election of an organization's committee: the day it
 *   was held, the term's length and the day it ends (fixed when
 *   recorded), the voters entitled and present, its state (pending until
 *   the higher committee approves: the approving organization, the day
 *   and the number of its reply); the organization's path is kept on the
 *   row so a subtree's terms are one range scan.
 * - term_positions: the members elected and their positions (书记,
 *   副书记, 委员) with the votes each received.
 */
#include "store/schema.h"

const char xf_schema_v18[] =
    "CREATE TABLE org_terms ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " elected_on TEXT NOT NULL,"
    " years INTEGER NOT NULL,"
    " ends_on TEXT NOT NULL,"
    " entitled INTEGER NOT NULL,"
    " present INTEGER NOT NULL,"
    " state TEXT NOT NULL,"
    " approved_by_org BIGINT REFERENCES orgs(id),"
    " approved_on TEXT,"
    " approval_no TEXT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL);"
    "CREATE INDEX org_terms_org ON org_terms(org_id, elected_on);"
    "CREATE INDEX org_terms_path ON org_terms(org_path);"
    "CREATE TABLE term_positions ("
    " id {ID},"
    " term_id BIGINT NOT NULL REFERENCES org_terms(id),"
    " member_id BIGINT NOT NULL,"
    " member_name TEXT NOT NULL,"
    " position TEXT NOT NULL,"
    " votes INTEGER,"
    " UNIQUE (term_id, member_id));";
