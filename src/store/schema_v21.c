/*
 * schema_v21.c - migration 21: the audit log becomes a hash chain.
 * - audit.seq: the record's place in the chain (1, 2, ...);
 *   audit.prev_hash: the hash of the record before it ('' for the first);
 *   audit.hash: SHA-256 (hex) of the record's canonical form, which
 *   includes seq and prev_hash (store/audit.c). Rows written before this
 *   migration get theirs when a command migrates the database
 *   (xf_store_audit_chain_old, called by xf_cli_open_db).
 * - audit_head: one row, the last record's seq and hash. A write updates
 *   it first, which takes its row lock (PostgreSQL) or the write lock
 *   (SQLite), so two transactions never chain on the same predecessor.
 * - append-only: triggers refuse UPDATE and DELETE of a chained record
 *   (an UPDATE that fills the chain columns of an old row still passes)
 *   and, on PostgreSQL, TRUNCATE.
 */
#include "store/schema.h"

const char xf_schema_v21[] =
    "ALTER TABLE audit ADD COLUMN seq BIGINT;"
    "ALTER TABLE audit ADD COLUMN prev_hash TEXT;"
    "ALTER TABLE audit ADD COLUMN hash TEXT;"
    "CREATE INDEX audit_seq ON audit(seq);"
    "CREATE TABLE audit_head ("
    " id INTEGER NOT NULL PRIMARY KEY,"
    " seq BIGINT NOT NULL,"
    " hash TEXT NOT NULL);"
    "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');"
    "{SQ}CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    " WHEN OLD.hash IS NOT NULL BEGIN"
    " SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN"
    " SELECT RAISE(ABORT, 'the audit log is append-only'); END;{/SQ}"
    "{PG}CREATE FUNCTION audit_append_only() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP = 'UPDATE' AND OLD.hash IS NULL THEN RETURN NEW; END IF;"
    " RAISE EXCEPTION 'the audit log is append-only'; END $$;"
    "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit"
    " FOR EACH ROW EXECUTE FUNCTION audit_append_only();"
    "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit"
    " FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();{/PG}";
