/*
 * schema_v13.c - migration 13: case selection (十佳/百优 案例评选).
 * - case_calls: a call (征集) by an organization, its deadline and stage
 *   (open, closed, selected, published, decided); the notice (公示) of
 *   its selection once published.
 * - case_criteria, case_tiers, case_reviewers: the call's criteria with
 *   their maxima (x10), its tiers with their places, its reviewers.
 * - case_submissions: a case submitted by an organization in the call's
 *   scope; score (x10), rank and tier (0-based; NULL: not selected) are
 *   written by the selection.
 * - case_scores: one reviewer's score of one criterion of a submission.
 */
#include "store/schema.h"

const char xf_schema_v13[] =
    "CREATE TABLE case_calls ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL,"
    " year INTEGER NOT NULL,"
    " deadline TEXT NOT NULL,"
    " stage TEXT NOT NULL,"
    " notice_id BIGINT,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX case_calls_path ON case_calls(org_path, id);"
    "CREATE TABLE case_criteria ("
    " call_id BIGINT NOT NULL REFERENCES case_calls(id) ON DELETE CASCADE,"
    " pos INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " max_x10 INTEGER NOT NULL,"
    " PRIMARY KEY (call_id, pos));"
    "CREATE TABLE case_tiers ("
    " call_id BIGINT NOT NULL REFERENCES case_calls(id) ON DELETE CASCADE,"
    " pos INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " places INTEGER NOT NULL,"
    " PRIMARY KEY (call_id, pos));"
    "CREATE TABLE case_reviewers ("
    " call_id BIGINT NOT NULL REFERENCES case_calls(id) ON DELETE CASCADE,"
    " user_id BIGINT NOT NULL REFERENCES users(id),"
    " PRIMARY KEY (call_id, user_id));"
    "CREATE INDEX case_reviewers_user ON case_reviewers(user_id);"
    "CREATE TABLE case_submissions ("
    " id {ID},"
    " call_id BIGINT NOT NULL REFERENCES case_calls(id) ON DELETE CASCADE,"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL,"
    " summary TEXT NOT NULL,"
    " body TEXT NOT NULL,"
    " score_x10 INTEGER,"
    " rank INTEGER,"
    " tier INTEGER,"
    " created_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE INDEX case_submissions_call ON case_submissions(call_id, id);"
    "CREATE TABLE case_scores ("
    " submission_id BIGINT NOT NULL REFERENCES case_submissions(id)"
    " ON DELETE CASCADE,"
    " reviewer_id BIGINT NOT NULL,"
    " crit INTEGER NOT NULL,"
    " score_x10 INTEGER NOT NULL,"
    " scored_at BIGINT NOT NULL,"
    " PRIMARY KEY (submission_id, reviewer_id, crit));";
