/*
 * schema_v17.c - migration 17: the practice guide (实务指南).
 * - guide_articles: the latest version of each article; tags are kept
 *   as text (each followed by a newline) for the answer, and one row per
 *   tag in guide_tags for the list by tag.
 * - guide_versions: every version written, the latest included.
 * - full-text search: on SQLite an FTS5 table with the trigram tokenizer
 *   (rowid = article id), written by the store with each version; on
 *   PostgreSQL pg_trgm GIN indexes on title and body (LIKE '%词%').
 */
#include "store/schema.h"

const char xf_schema_v17[] =
    "CREATE TABLE guide_articles ("
    " id {ID},"
    " version INTEGER NOT NULL,"
    " title TEXT NOT NULL,"
    " body TEXT NOT NULL,"
    " tags TEXT NOT NULL,"
    " edited_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " updated_at BIGINT NOT NULL);"
    "CREATE TABLE guide_versions ("
    " article_id BIGINT NOT NULL REFERENCES guide_articles(id)"
    " ON DELETE CASCADE,"
    " version INTEGER NOT NULL,"
    " title TEXT NOT NULL,"
    " body TEXT NOT NULL,"
    " tags TEXT NOT NULL,"
    " edited_by BIGINT,"
    " edited_at BIGINT NOT NULL,"
    " PRIMARY KEY (article_id, version));"
    "CREATE TABLE guide_tags ("
    " article_id BIGINT NOT NULL REFERENCES guide_articles(id)"
    " ON DELETE CASCADE,"
    " tag TEXT NOT NULL,"
    " PRIMARY KEY (article_id, tag));"
    "CREATE INDEX guide_tags_tag ON guide_tags(tag);"
    "{SQ}CREATE VIRTUAL TABLE guide_fts USING fts5(title, body,"
    " tokenize='trigram');{/SQ}"
    "{PG}CREATE EXTENSION IF NOT EXISTS pg_trgm;"
    "CREATE INDEX guide_title_trgm ON guide_articles"
    " USING gin (title gin_trgm_ops);"
    "CREATE INDEX guide_body_trgm ON guide_articles"
    " USING gin (body gin_trgm_ops);{/PG}";
