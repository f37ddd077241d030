/*
 * schema_v30.c - migration 30: the compliance board's kept tally by year.
 * - meeting_year_tallies: per organization, meeting kind and year ('YYYY'
 *   of counts_on) the same counts as meeting_tallies keeps by month (on
 *   time, late, without a first topic). A board whose period ends a year
 *   (the fourth quarter, December) evaluates the year's slots: it reads
 *   the months of the period's quarter and this one row per kind instead
 *   of twelve months (service/compliance.c). Keyed by org_id like the
 *   monthly tally; rows that fall to zero are deleted; WITHOUT ROWID on
 *   SQLite.
 * - triggers keep it in the transaction of every write of meetings, as
 *   those of migration 27 keep the months.
 * - filled from the meetings already there; `xianfeng tallies verify`
 *   recomputes it (store/meeting_tallies.c, "compliance_years").
 */
#include "store/schema.h"

/* The SQLite trigger steps adding (NEW) or taking away (OLD) a meeting. */
#define SQ_ADD                                                                 \
	"INSERT INTO meeting_year_tallies (org_id, year, kind, on_time, late," \
	" no_ft) VALUES (NEW.org_id, substr(NEW.counts_on, 1, 4), NEW.kind,"   \
	" NEW.late = 0, NEW.late <> 0, NEW.has_ft = 0)"                        \
	" ON CONFLICT (org_id, year, kind) DO UPDATE SET"                      \
	" on_time = on_time + excluded.on_time,"                               \
	" late = late + excluded.late, no_ft = no_ft + excluded.no_ft;"
#define SQ_SUB                                                                 \
	"UPDATE meeting_year_tallies SET on_time = on_time - (OLD.late = 0),"  \
	" late = late - (OLD.late <> 0), no_ft = no_ft - (OLD.has_ft = 0)"     \
	" WHERE org_id = OLD.org_id AND year = substr(OLD.counts_on, 1, 4)"    \
	" AND kind = OLD.kind;"                                                \
	"DELETE FROM meeting_year_tallies WHERE org_id = OLD.org_id"           \
	" AND year = substr(OLD.counts_on, 1, 4) AND kind = OLD.kind"          \
	" AND on_time = 0 AND late = 0;"

const char xf_schema_v30[] =
    "CREATE TABLE meeting_year_tallies ("
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " year TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " on_time INTEGER NOT NULL,"
    " late INTEGER NOT NULL,"
    " no_ft INTEGER NOT NULL,"
    " PRIMARY KEY (org_id, year, kind)){SQ} WITHOUT ROWID{/SQ};"
    "INSERT INTO meeting_year_tallies (org_id, year, kind, on_time, late,"
    " no_ft) SELECT org_id, substr(counts_on, 1, 4), kind,"
    " SUM(CASE WHEN late = 0 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN late <> 0 THEN 1 ELSE 0 END),"
    " SUM(CASE WHEN has_ft = 0 THEN 1 ELSE 0 END)"
    " FROM meetings GROUP BY org_id, substr(counts_on, 1, 4), kind;"
    "{SQ}CREATE TRIGGER meeting_year_tallies_insert AFTER INSERT ON meetings"
    " BEGIN " SQ_ADD " END;"
    "CREATE TRIGGER meeting_year_tallies_delete AFTER DELETE ON meetings"
    " BEGIN " SQ_SUB " END;"
    "CREATE TRIGGER meeting_year_tallies_update"
    " AFTER UPDATE OF org_id, kind, counts_on, late, has_ft ON meetings"
    " WHEN OLD.org_id IS NOT NEW.org_id OR OLD.kind IS NOT NEW.kind"
    " OR OLD.counts_on IS NOT NEW.counts_on OR OLD.late IS NOT NEW.late"
    " OR OLD.has_ft IS NOT NEW.has_ft"
    " BEGIN " SQ_SUB SQ_ADD " END;{/SQ}"
    "{PG}CREATE FUNCTION meeting_year_tallies_keep() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP <> 'INSERT' THEN"
    " UPDATE meeting_year_tallies SET"
    " on_time = on_time - CASE WHEN OLD.late = 0 THEN 1 ELSE 0 END,"
    " late = late - CASE WHEN OLD.late <> 0 THEN 1 ELSE 0 END,"
    " no_ft = no_ft - CASE WHEN OLD.has_ft = 0 THEN 1 ELSE 0 END"
    " WHERE org_id = OLD.org_id AND year = substr(OLD.counts_on, 1, 4)"
    " AND kind = OLD.kind;"
    " DELETE FROM meeting_year_tallies WHERE org_id = OLD.org_id"
    " AND year = substr(OLD.counts_on, 1, 4) AND kind = OLD.kind"
    " AND on_time = 0 AND late = 0;"
    " END IF;"
    " IF TG_OP <> 'DELETE' THEN"
    " INSERT INTO meeting_year_tallies AS t (org_id, year, kind, on_time,"
    " late, no_ft) VALUES (NEW.org_id, substr(NEW.counts_on, 1, 4),"
    " NEW.kind, CASE WHEN NEW.late = 0 THEN 1 ELSE 0 END,"
    " CASE WHEN NEW.late <> 0 THEN 1 ELSE 0 END,"
    " CASE WHEN NEW.has_ft = 0 THEN 1 ELSE 0 END)"
    " ON CONFLICT (org_id, year, kind) DO UPDATE SET"
    " on_time = t.on_time + EXCLUDED.on_time,"
    " late = t.late + EXCLUDED.late, no_ft = t.no_ft + EXCLUDED.no_ft;"
    " END IF;"
    " RETURN NULL; END $$;"
    "CREATE TRIGGER meeting_year_tallies_write AFTER INSERT OR DELETE"
    " ON meetings FOR EACH ROW EXECUTE FUNCTION meeting_year_tallies_keep();"
    "CREATE TRIGGER meeting_year_tallies_update"
    " AFTER UPDATE OF org_id, kind, counts_on, late, has_ft ON meetings"
    " FOR EACH ROW WHEN ((OLD.org_id, OLD.kind, OLD.counts_on, OLD.late,"
    " OLD.has_ft) IS DISTINCT FROM (NEW.org_id, NEW.kind, NEW.counts_on,"
    " NEW.late, NEW.has_ft))"
    " EXECUTE FUNCTION meeting_year_tallies_keep();{/PG}";
