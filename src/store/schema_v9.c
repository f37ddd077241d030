/*
 * schema_v9.c - migration 9: live review sessions (述职评议).
 * - reviews / review_criteria: a session of a committee with its scoring
 *   method, grade thresholds and criteria (each with its maximum, x10);
 * - review_presenters: who reports, in order, each waiting, open (being
 *   scored) or closed (scores frozen), with the chair's 整改清单;
 * - review_judges: invited users, each with a weight and its org path
 *   (a judge does not score a presenter of its own organization);
 * - review_scores: one judge's score of one criterion of one presenter.
 */
#include "store/schema.h"

const char xf_schema_v9[] =
    "CREATE TABLE reviews ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " title TEXT NOT NULL,"
    " held_on TEXT NOT NULL,"
    " method TEXT NOT NULL,"
    " grades TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " created_by BIGINT, created_at BIGINT NOT NULL, closed_at BIGINT);"
    "CREATE INDEX reviews_path ON reviews(org_path, held_on);"
    "CREATE TABLE review_criteria ("
    " review_id BIGINT NOT NULL REFERENCES reviews(id),"
    " pos INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " max_x10 INTEGER NOT NULL,"
    " PRIMARY KEY (review_id, pos));"
    "CREATE TABLE review_presenters ("
    " id {ID},"
    " review_id BIGINT NOT NULL REFERENCES reviews(id),"
    " pos INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " org_id BIGINT REFERENCES orgs(id),"
    " org_path TEXT{C},"
    " member_id BIGINT REFERENCES members(id),"
    " state TEXT NOT NULL,"
    " opened_at BIGINT, closed_at BIGINT,"
    " rectification TEXT);"
    "CREATE INDEX review_presenters_review ON review_presenters(review_id, "
    "pos);"
    "CREATE TABLE review_judges ("
    " id {ID},"
    " review_id BIGINT NOT NULL REFERENCES reviews(id),"
    " user_id BIGINT NOT NULL REFERENCES users(id),"
    " weight INTEGER NOT NULL,"
    " weight_role TEXT,"
    " created_at BIGINT NOT NULL);"
    "CREATE UNIQUE INDEX review_judges_user ON review_judges(review_id, "
    "user_id);"
    "CREATE TABLE review_scores ("
    " presenter_id BIGINT NOT NULL REFERENCES review_presenters(id),"
    " judge_id BIGINT NOT NULL REFERENCES review_judges(id),"
    " crit INTEGER NOT NULL,"
    " score_x10 INTEGER NOT NULL,"
    " scored_at BIGINT NOT NULL,"
    " PRIMARY KEY (presenter_id, judge_id, crit));";
