/*
 * schema_v18.c - migration 18: 发展党员 (recruitment).
 * - recruits: a person in the procedure (not yet a member) in the branch
 *   that develops them, with the organization's path for subtree scans;
 *   the stage reached and what is due next (step, date, whether the date
 *   is a deadline) are kept on the row by the write that records a step,
 *   so the due lists are one range scan ordered by due_on; member_id is
 *   the member record created at the approval (预备党员).
 * - recruit_steps: each recorded step of the 25 (domain/recruit.h) with
 *   the figures some steps carry; a step may be recorded again where the
 *   rules allow it (a new 政审, a re-vote), the latest counts.
 */
#include "store/schema.h"

const char xf_schema_v18[] =
    "CREATE TABLE recruits ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " name TEXT NOT NULL,"
    " gender TEXT NOT NULL,"
    " id_number TEXT NOT NULL,"
    " id_number_bi TEXT NOT NULL UNIQUE,"
    " birth_date TEXT NOT NULL,"
    " phone TEXT NOT NULL,"
    " stage TEXT NOT NULL,"
    " next_step TEXT,"
    " due_step TEXT,"
    " due_on TEXT,"
    " due_deadline INTEGER NOT NULL DEFAULT 0,"
    " member_id BIGINT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX recruits_path ON recruits(org_path, due_on);"
    "CREATE TABLE recruit_steps ("
    " id {ID},"
    " recruit_id BIGINT NOT NULL REFERENCES recruits(id),"
    " step TEXT NOT NULL,"
    " done_on TEXT NOT NULL,"
    " assessments INTEGER NOT NULL DEFAULT 0,"
    " reports INTEGER NOT NULL DEFAULT 0,"
    " training_days INTEGER NOT NULL DEFAULT 0,"
    " training_hours INTEGER NOT NULL DEFAULT 0,"
    " members INTEGER NOT NULL DEFAULT 0,"
    " absent INTEGER NOT NULL DEFAULT 0,"
    " present INTEGER NOT NULL DEFAULT 0,"
    " yes INTEGER NOT NULL DEFAULT 0,"
    " extend_months INTEGER NOT NULL DEFAULT 0,"
    " note TEXT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL);"
    "CREATE INDEX recruit_steps_recruit ON recruit_steps(recruit_id,"
    " done_on, id);";
