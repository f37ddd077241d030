/*
 * schema_v2.c - migration 2: organizational life: meetings with
 * their 第一议题, follow-up measures, attendance, talks (谈心谈话) and the
 * configured meeting rules. Tokens {ID} and {C} are explained in migrate.c.
 *
 * Rows that belong to an organization carry its path (org_path) so that a
 * subtree is one range scan. A meeting keeps its Shanghai date (held_on,
 * for lists by period) and the date it counts for (counts_on: held_on, or
 * the last day of the period it makes up, with late = 1). The supervision
 * board aggregates GROUP BY org, kind, month over counts_on; the two
 * covering indexes serve it from either end (a small subtree over a long
 * range, or the whole city over one quarter) without reading the table.
 */
#include "store/schema.h"

const char xf_schema_v2[] =
    "CREATE TABLE meetings ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " kind TEXT NOT NULL,"
    " held_at BIGINT NOT NULL,"
    " held_on TEXT NOT NULL,"
    " counts_on TEXT NOT NULL,"
    " makeup_for TEXT,"
    " late INTEGER NOT NULL DEFAULT 0,"
    " has_ft INTEGER NOT NULL DEFAULT 0,"
    " place TEXT, topic TEXT NOT NULL, host TEXT, recorder TEXT,"
    " lecturer TEXT, agenda TEXT, minutes TEXT,"
    " ft_title TEXT, ft_source TEXT, ft_speech_date TEXT,"
    " ft_discussion TEXT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
    "CREATE INDEX meetings_path_held ON meetings(org_path, held_on);"
    "CREATE INDEX meetings_org_held ON meetings(org_id, held_on);"
    "CREATE INDEX meetings_path_counts ON meetings(org_path, counts_on,"
    " org_id, kind, late, has_ft);"
    "CREATE INDEX meetings_counts_path ON meetings(counts_on, org_path,"
    " org_id, kind, late, has_ft);"
    "CREATE TABLE meeting_measures ("
    " id {ID},"
    " meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL, owner TEXT NOT NULL,"
    " due_on TEXT NOT NULL, done_on TEXT,"
    " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
    "CREATE INDEX meeting_measures_meeting ON meeting_measures(meeting_id);"
    "CREATE INDEX meeting_measures_path ON meeting_measures(org_path, due_on);"
    "CREATE TABLE meeting_attendance ("
    " meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    " status TEXT NOT NULL,"
    " PRIMARY KEY (meeting_id, member_id));"
    "CREATE INDEX meeting_attendance_member ON meeting_attendance(member_id,"
    " meeting_id);"
    "CREATE TABLE talks ("
    " id {ID},"
    " member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " held_on TEXT NOT NULL, notes TEXT NOT NULL,"
    " created_by BIGINT, created_at BIGINT NOT NULL);"
    "CREATE INDEX talks_member ON talks(member_id, held_on);"
    "CREATE INDEX talks_path ON talks(org_path, held_on);"
    "CREATE TABLE meeting_rules ("
    " org_kind TEXT NOT NULL, meeting_kind TEXT NOT NULL,"
    " frequency TEXT NOT NULL,"
    " PRIMARY KEY (org_kind, meeting_kind));";
