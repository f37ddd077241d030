/*
 * schema_v8.c - migration 8: assessment of organizations.
 * - schemes / scheme_indicators: the 考核办法, its versions (a lineage
 *   shares lineage_id) and its indicator tree, one row per indicator in
 *   the order given; mapping as text ("linear:60:100", "steps:60=4,80=8",
 *   "rank:desc"); inherited marks the indicators copied from the adopted
 *   higher scheme (adopts_id).
 * - assessment_scores: the committee's scores of manual, bonus, deduction
 *   and veto items of an organization's year, each with its reason.
 * - star_ratings / star_rating_evidence: the 星级评定 procedure of an
 *   organization's year, one per organization and year.
 * - point_notices gains a subject (points_board, star_ratings) and its
 *   rows the stars frozen by a star_ratings notice.
 */
#include "store/schema.h"

const char xf_schema_v8[] =
    "CREATE TABLE schemes ("
    " id {ID},"
    " lineage_id BIGINT,"
    " version INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " year INTEGER NOT NULL,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " org_kinds TEXT NOT NULL,"
    " adopts_id BIGINT REFERENCES schemes(id),"
    " state TEXT NOT NULL,"
    " effective_from TEXT,"
    " stars TEXT NOT NULL,"
    " created_by BIGINT, created_at BIGINT NOT NULL,"
    " published_by BIGINT, published_at BIGINT);"
    "CREATE INDEX schemes_path ON schemes(org_path, year);"
    "CREATE INDEX schemes_year ON schemes(year, state);"
    "CREATE TABLE scheme_indicators ("
    " scheme_id BIGINT NOT NULL REFERENCES schemes(id),"
    " pos INTEGER NOT NULL,"
    " code TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " parent TEXT,"
    " max_x10 INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " source TEXT,"
    " no_data TEXT,"
    " mapping TEXT,"
    " open_slot INTEGER NOT NULL,"
    " inherited INTEGER NOT NULL,"
    " PRIMARY KEY (scheme_id, pos));"
    "CREATE TABLE assessment_scores ("
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " year INTEGER NOT NULL,"
    " code TEXT NOT NULL,"
    " org_path TEXT{C} NOT NULL,"
    " points_x10 INTEGER NOT NULL,"
    " reason TEXT NOT NULL,"
    " scored_by BIGINT,"
    " scored_at BIGINT NOT NULL,"
    " PRIMARY KEY (org_id, year, code));"
    "CREATE INDEX assessment_scores_path ON assessment_scores(year, org_path);"
    "CREATE TABLE star_ratings ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " year INTEGER NOT NULL,"
    " state TEXT NOT NULL,"
    " claimed INTEGER NOT NULL,"
    " computed INTEGER NOT NULL,"
    " score_x10 INTEGER NOT NULL,"
    " self_note TEXT,"
    " reviewed_stars INTEGER, review_reason TEXT, visit_notes TEXT,"
    " reviewed_by BIGINT, reviewed_at BIGINT,"
    " notice_id BIGINT REFERENCES point_notices(id),"
    " decided_stars INTEGER, decided_by BIGINT, decided_at BIGINT,"
    " created_by BIGINT, created_at BIGINT NOT NULL);"
    "CREATE UNIQUE INDEX star_ratings_org_year ON star_ratings(org_id, year);"
    "CREATE INDEX star_ratings_path ON star_ratings(year, org_path);"
    "CREATE TABLE star_rating_evidence ("
    " rating_id BIGINT NOT NULL REFERENCES star_ratings(id),"
    " pos INTEGER NOT NULL,"
    " text TEXT NOT NULL,"
    " PRIMARY KEY (rating_id, pos));"
    "ALTER TABLE point_notices ADD COLUMN subject TEXT NOT NULL"
    " DEFAULT 'points_board';"
    "ALTER TABLE point_notice_rows ADD COLUMN stars INTEGER;";
