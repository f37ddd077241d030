/*
 * schema_v27.c - migration 27: the compliance board's kept tally.
 * - meeting_tallies: per organization, meeting kind and month ('YYYY-MM'
 *   of counts_on) the meetings counted on time (late = 0), late, and of
 *   them those without a first topic (has_ft = 0) - what the supervision
 *   board sums (xf_store_meeting_tally, store/meeting_tallies.c). Keyed by
 *   org_id, so moving an organization changes nothing here; rows that
 *   fall to zero are deleted. On SQLite WITHOUT ROWID: the rows live in
 *   the primary key's order, so a subtree's board reads each org's months
 *   as one range (half the time of the meetings' covering index).
 * - triggers keep it in the transaction of every write of meetings
 *   (insert, delete, update of org_id/kind/counts_on/late/has_ft), on
 *   every path: use cases, imports, the bulk loader's COPY, the demo.
 * - filled from the meetings already there; `xianfeng tallies verify`
 *   recomputes it (store/meeting_tallies.c).
 */
#include "store/schema.h"

/* The SQLite trigger steps adding (NEW) or taking away (OLD) a meeting. */
#define SQ_ADD                                                                 \
	"INSERT INTO meeting_tallies (org_id, month, kind, on_time, late,"     \
	" no_ft) VALUES (NEW.org_id, substr(NEW.counts_on, 1, 7), NEW.kind,"   \
	" NEW.late = 0, NEW.late <> 0, NEW.has_ft = 0)"                        \
	" ON CONFLICT (org_id, month, kind) DO UPDATE SET"                     \
	" on_time = on_time + excluded.on_time,"                               \
	" late = late + excluded.late, no_ft = no_ft + excluded.no_ft;"
#define SQ_SUB                                                                 \
	"UPDATE meeting_tallies SET on_time = on_time - (OLD.late = 0),"       \
	" late = late - (OLD.late <> 0), no_ft = no_ft - (OLD.has_ft = 0)"     \
	" WHERE org_id = OLD.org_id AND month = substr(OLD.counts_on, 1, 7)"   \
	" AND kind = OLD.kind;"                                                \
	"DELETE FROM meeting_tallies WHERE org_id = OLD.org_id"                \
	" AND month = substr(OLD.counts_on, 1, 7) AND kind = OLD.kind"         \
	" AND on_time = 0 AND late = 0;"

const char xf_schema_v27[] =
    "CREATE TABLE meeting_tallies ("
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " month TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " on_time INTEGER NOT NULL,"
    " late INTEGER NOT NULL,"
    " no_ft INTEGER NOT NULL,"
    " PRIMARY KEY (org_id, month, kind)){SQ} WITHOUT ROWID{/SQ};"
    "INSERT INTO meeting_tallies (org_id, month, kind, on_time, late, no_ft)"
    " SELECT org_id, substr(counts_on, 1, 7), kind,"
    " SUM(CASE WHEN late = 0 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN late <> 0 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN has_ft = 0 THEN 1 ELSE 0 END)"
    " FROM meetings GROUP BY org_id, substr(counts_on, 1, 7), kind;"
    "{SQ}CREATE TRIGGER meeting_tallies_insert AFTER INSERT ON meetings"
    " BEGIN " SQ_ADD " END;"
    "CREATE TRIGGER meeting_tallies_delete AFTER DELETE ON meetings"
    " BEGIN " SQ_SUB " END;"
    "CREATE TRIGGER meeting_tallies_update"
    " AFTER UPDATE OF org_id, kind, counts_on, late, has_ft ON meetings"
    " WHEN OLD.org_id IS NOT NEW.org_id OR OLD.kind IS NOT NEW.kind"
    " OR OLD.counts_on IS NOT NEW.counts_on OR OLD.late IS NOT NEW.late"
    " OR OLD.has_ft IS NOT NEW.has_ft"
    " BEGIN " SQ_SUB SQ_ADD " END;{/SQ}"
    "{PG}CREATE FUNCTION meeting_tallies_keep() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP <> 'INSERT' THEN"
    " UPDATE meeting_tallies SET"
    " on_time = on_time - CASE WHEN OLD.late = 0 THEN 1 ELSE 0 END,"
    " late = late - CASE WHEN OLD.late <> 0 THEN 1 ELSE 0 END,"
    " no_ft = no_ft - CASE WHEN OLD.has_ft = 0 THEN 1 ELSE 0 END"
    " WHERE org_id = OLD.org_id AND month = substr(OLD.counts_on, 1, 7)"
    " AND kind = OLD.kind;"
    " DELETE FROM meeting_tallies WHERE org_id = OLD.org_id"
    " AND month = substr(OLD.counts_on, 1, 7) AND kind = OLD.kind"
    " AND on_time = 0 AND late = 0;"
    " END IF;"
    " IF TG_OP <> 'DELETE' THEN"
    " INSERT INTO meeting_tallies AS t (org_id, month, kind, on_time,"
    " late, no_ft) VALUES (NEW.org_id, substr(NEW.counts_on, 1, 7),"
    " NEW.kind, CASE WHEN NEW.late = 0 THEN 1 ELSE 0 END,"
    " CASE WHEN NEW.late <> 0 THEN 1 ELSE 0 END,"
    " CASE WHEN NEW.has_ft = 0 THEN 1 ELSE 0 END)"
    " ON CONFLICT (org_id, month, kind) DO UPDATE SET"
    " on_time = t.on_time + EXCLUDED.on_time,"
    " late = t.late + EXCLUDED.late, no_ft = t.no_ft + EXCLUDED.no_ft;"
    " END IF;"
    " RETURN NULL; END $$;"
    "CREATE TRIGGER meeting_tallies_write AFTER INSERT OR DELETE ON meetings"
    " FOR EACH ROW EXECUTE FUNCTION meeting_tallies_keep();"
    "CREATE TRIGGER meeting_tallies_update"
    " AFTER UPDATE OF org_id, kind, counts_on, late, has_ft ON meetings"
    " FOR EACH ROW WHEN ((OLD.org_id, OLD.kind, OLD.counts_on, OLD.late,"
    " OLD.has_ft) IS DISTINCT FROM (NEW.org_id, NEW.kind, NEW.counts_on,"
    " NEW.late, NEW.has_ft))"
    " EXECUTE FUNCTION meeting_tallies_keep();{/PG}";
