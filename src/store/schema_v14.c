/*
 * schema_v14.c - migration 14: creation programs (创建评选: 模范机关、清廉
 * 机关、文明机关创建).
 * - programs: a committee's program of a year with its timetable; the
 *   orgs that may apply are its organization's subtree, or the list in
 *   program_eligible; notice_id is its candidates' 公示 once published.
 * - program_criteria: the checklist, in order; code is a number (it is a
 *   path segment of the item routes).
 * - program_applications: one per organization and program, with the
 *   review's conclusion and site visit; program_items: an application's
 *   self-assessment per criterion with its evidence (a JSON array the
 *   service writes) and the committee's verdict and note.
 */
#include "store/schema.h"

const char xf_schema_v14[] =
    "CREATE TABLE programs ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " year INTEGER NOT NULL,"
    " eligible_subtree INTEGER NOT NULL,"
    " applications_open TEXT NOT NULL,"
    " applications_close TEXT NOT NULL,"
    " review_by TEXT NOT NULL,"
    " notice_days INTEGER NOT NULL,"
    " notice_id BIGINT REFERENCES point_notices(id),"
    " decided_at BIGINT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX programs_path ON programs(org_path, year);"
    "CREATE TABLE program_criteria ("
    " program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,"
    " pos INTEGER NOT NULL,"
    " code TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " evidence TEXT NOT NULL,"
    " max_score INTEGER,"
    " required INTEGER NOT NULL,"
    " PRIMARY KEY (program_id, code));"
    "CREATE TABLE program_eligible ("
    " program_id BIGINT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " PRIMARY KEY (program_id, org_id));"
    "CREATE TABLE program_applications ("
    " id {ID},"
    " program_id BIGINT NOT NULL REFERENCES programs(id),"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " state TEXT NOT NULL,"
    " conclusion TEXT,"
    " review_notes TEXT,"
    " visit_date TEXT,"
    " visit_notes TEXT,"
    " submitted_at BIGINT,"
    " reviewed_at BIGINT,"
    " decided_at BIGINT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE UNIQUE INDEX program_applications_org ON "
    "program_applications(program_id, org_id);"
    "CREATE INDEX program_applications_path ON "
    "program_applications(org_path);"
    "CREATE TABLE program_items ("
    " application_id BIGINT NOT NULL REFERENCES program_applications(id)"
    " ON DELETE CASCADE,"
    " code TEXT NOT NULL,"
    " self_assessment TEXT,"
    " evidence TEXT,"
    " verdict TEXT,"
    " note TEXT,"
    " updated_at BIGINT NOT NULL,"
    " PRIMARY KEY (application_id, code));";
