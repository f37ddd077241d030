/*
 * schema_v22.c - migration 22: accounts and sessions (等保 2.0).
 * - sessions are made again with a numeric id (shown to their owner and
 *   revoked by it), the time last seen (idle timeout), the client's
 *   address and user agent; existing sessions end (everyone logs in again).
 * - login_failures are made again keyed by username and client address,
 *   so that failures from one address never lock the owner out on another.
 * - users gain a TOTP second factor: the base32 secret (stored plain until
 *   the data-protection key exists), whether it is on, and the last time
 *   step accepted (a code is never accepted twice); recovery_codes keeps
 *   the SHA-256 of each one-time recovery code.
 */
#include "store/schema.h"

const char xf_schema_v22[] =
    "DROP TABLE sessions;"
    "CREATE TABLE sessions ("
    " id {ID},"
    " token_hash TEXT NOT NULL UNIQUE,"
    " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    " csrf TEXT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " last_seen BIGINT NOT NULL,"
    " expires_at BIGINT NOT NULL,"
    " addr TEXT NOT NULL,"
    " user_agent TEXT NOT NULL);"
    "CREATE INDEX sessions_user ON sessions(user_id);"
    "DROP TABLE login_failures;"
    "CREATE TABLE login_failures ("
    " id {ID}, username TEXT NOT NULL, addr TEXT NOT NULL,"
    " at BIGINT NOT NULL);"
    "CREATE INDEX login_failures_user ON login_failures(username, addr, at);"
    "ALTER TABLE users ADD COLUMN totp_secret TEXT;"
    "ALTER TABLE users ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;"
    "CREATE TABLE recovery_codes ("
    " user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    " code_hash TEXT NOT NULL,"
    " used_at BIGINT,"
    " PRIMARY KEY (user_id, code_hash));";
