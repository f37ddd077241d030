/*
 * schema_v15.c - migration 15: activities (机关文化、普惠服务活动) with
 * sign-ups and a waiting list.
 * - activities: an organization's activity with its time, place,
 *   capacity and sign-up window (unix seconds); the members of its
 *   organization's subtree may sign up; year is the year of starts_at
 *   in Asia/Shanghai, for the yearly lists and counts.
 * - activity_signups: one row per member and activity while signed up;
 *   status "confirmed" or "waiting"; the id orders the waiting list (the
 *   earliest sign-up moves up first); a cancellation deletes the row.
 */
#include "store/schema.h"

const char xf_schema_v15[] =
    "CREATE TABLE activities ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " place TEXT NOT NULL,"
    " description TEXT,"
    " starts_at BIGINT NOT NULL,"
    " signup_closes_at BIGINT NOT NULL,"
    " capacity INTEGER NOT NULL,"
    " year INTEGER NOT NULL,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX activities_path ON activities(org_path, year);"
    "CREATE TABLE activity_signups ("
    " id {ID},"
    " activity_id BIGINT NOT NULL REFERENCES activities(id),"
    " member_id BIGINT NOT NULL REFERENCES members(id),"
    " status TEXT NOT NULL,"
    " attended INTEGER NOT NULL,"
    " signed_up_at BIGINT NOT NULL);"
    "CREATE UNIQUE INDEX activity_signups_member ON "
    "activity_signups(activity_id, member_id);";
