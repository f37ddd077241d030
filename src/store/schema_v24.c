/*
 * schema_v24.c - migration 24: 换届 (terms of committees).
 * - org_terms: one election of an organization's committee: the day it
 *   was held, the term's length and the day it ends (fixed when
 *   recorded), the voters entitled and present, its state (pending until
 *   the higher committee approves: the approving organization, the day
 *   and the number of its reply); the organization's path is kept on the
 *   row so a subtree's terms are one range scan.
 * - term_positions: the members elected and their positions (书记,
 *   副书记, 委员) with the votes each received.
 * - transfers: 组织关系转接 as a workflow (domain/transfers.h): within the
 *   tree, out to an organization outside the platform, in from outside;
 *   each side's organization and path (NULL for the outside one, named in
 *   outside_from / outside_to), the letter of introduction (number, day of
 *   issue, deadline), the state, the person (for a transfer in: the
 *   fields the member is created with on arrival).
 * - members.left_on: the day a member transferred out of the platform
 *   arrived elsewhere; such a member leaves the roster (the row and its
 *   history stay).
 */
#include "store/schema.h"

const char xf_schema_v24[] =
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
    " UNIQUE (term_id, member_id));"
    "CREATE TABLE transfers ("
    " id {ID},"
    " kind TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " member_id BIGINT,"
    " person_name TEXT NOT NULL,"
    " gender TEXT, id_number TEXT, phone TEXT, status TEXT, joined_on TEXT,"
    " from_org_id BIGINT REFERENCES orgs(id),"
    " from_path TEXT{C},"
    " outside_from TEXT,"
    " to_org_id BIGINT REFERENCES orgs(id),"
    " to_path TEXT{C},"
    " outside_to TEXT,"
    " letter_no TEXT NOT NULL,"
    " issued_on TEXT NOT NULL,"
    " deadline_on TEXT NOT NULL,"
    " reason TEXT,"
    " arrived_on TEXT,"
    " note TEXT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX transfers_from ON transfers(from_path);"
    "CREATE INDEX transfers_to ON transfers(to_path);"
    "CREATE INDEX transfers_member ON transfers(member_id);"
    "ALTER TABLE members ADD COLUMN left_on TEXT;";
