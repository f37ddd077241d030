/*
 * schema_v18.c - migration 18: the lecture library (党课库).
 * - lectures: a lecture given in an organization (title, speaker, day,
 *   kind, summary); its slides and videos are attachments of subject
 *   "lecture" (schema v11).
 */
#include "store/schema.h"

const char xf_schema_v18[] =
    "CREATE TABLE lectures ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL,"
    " speaker TEXT NOT NULL,"
    " given_on TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " summary TEXT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX lectures_path ON lectures(org_path, given_on);";
