/*
 * schema_v5.c - migration 5: attachments of meetings: photos,
 * scans and documents, stored content-addressed in the database. Tokens
 * {ID}, {C} and {B} are explained in migrate.c.
 *
 * blobs holds each distinct content once, keyed by its SHA-256 (hex);
 * attachments are the named uses of a blob by a meeting, carrying the
 * meeting's org path for scope checks and tree moves. There is no foreign
 * key from attachments to blobs: a blob is deleted in the transaction that
 * deletes its last attachment (store/attachments.c), before or after the
 * attachment rows depending on the statement, which a key would forbid.
 */
#include "store/schema.h"

const char xf_schema_v5[] =
    "CREATE TABLE blobs ("
    " hash TEXT PRIMARY KEY,"
    " size BIGINT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " data {B} NOT NULL);"
    "CREATE TABLE attachments ("
    " id {ID},"
    " meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
    " org_path TEXT{C} NOT NULL,"
    " blob_hash TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " size BIGINT NOT NULL,"
    " uploaded_by BIGINT,"
    " uploaded_at BIGINT NOT NULL);"
    "CREATE INDEX attachments_meeting ON attachments(meeting_id, id);"
    "CREATE INDEX attachments_blob ON attachments(blob_hash);"
    "CREATE INDEX attachments_path ON attachments(org_path);";
