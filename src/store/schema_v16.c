/*
 * schema_v16.c - migration 16: 四必访 (visits that must happen).
 * - visit_triggers: an event recorded for a member (kind, the day it
 *   occurred) with the visit it owes: due_on and the role that owes it,
 *   fixed when recorded; the member's organization path is kept on the
 *   row so a subtree's triggers are one range scan.
 * - visits: the record that settles one trigger (at most one): visitor,
 *   day, personal notes, help given, and whether it was in time.
 * - visit_kinds: the kinds the admin keeps beside the built-in ones
 *   (domain/visits.c), each with its deadline and the role owing it.
 */
#include "store/schema.h"

const char xf_schema_v16[] =
    "CREATE TABLE visit_triggers ("
    " id {ID},"
    " member_id BIGINT NOT NULL,"
    " member_name TEXT NOT NULL,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " kind TEXT NOT NULL,"
    " occurred_on TEXT NOT NULL,"
    " due_on TEXT NOT NULL,"
    " owed_by TEXT NOT NULL,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL);"
    "CREATE INDEX visit_triggers_path ON visit_triggers(org_path, due_on);"
    "CREATE TABLE visits ("
    " id {ID},"
    " trigger_id BIGINT NOT NULL UNIQUE REFERENCES visit_triggers(id),"
    " visitor_id BIGINT NOT NULL,"
    " visited_on TEXT NOT NULL,"
    " notes TEXT,"
    " help_given TEXT,"
    " on_time INTEGER NOT NULL,"
    " created_at BIGINT NOT NULL);"
    "CREATE TABLE visit_kinds ("
    " code TEXT{C} PRIMARY KEY,"
    " label TEXT NOT NULL UNIQUE,"
    " days INTEGER NOT NULL,"
    " owed_by TEXT NOT NULL,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL);";
