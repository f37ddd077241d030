/*
 * schema_v26.c - migration 26: kept subtree counts (org_counts).
 * - org_counts: per organization and (dim, item) its direct and its
 *   subtree count. dim 'status': members not transferred out (left_on
 *   IS NULL) by status, direct = of the organization itself; dims 'kind'
 *   and 'level': organizations by kind and by level, direct = its child
 *   organizations, subtree = the organizations of its subtree, itself
 *   included. Kept by triggers on members and orgs, which add a row's
 *   contribution to every organization on its path (the ids of a
 *   materialized path) and take the old one away; an org's temporary
 *   path ("#new-...") counts for nothing. Filled here from the rows.
 */
#include "store/schema.h"

/* The recount of store/org_counts.c (rebuild, verify), filled in once. */
#define ORG_COUNTS_FILL                                                        \
	"INSERT INTO org_counts (org_id, dim, item, direct, subtree) "         \
	"SELECT a.id, 'status', m.status, "                                    \
	"SUM(CASE WHEN m.org_id = a.id THEN 1 ELSE 0 END), COUNT(*) "          \
	"FROM orgs a JOIN members m ON m.org_path >= a.path "                  \
	"AND m.org_path < substr(a.path, 1, length(a.path) - 1) || '0' "       \
	"WHERE m.left_on IS NULL GROUP BY a.id, m.status;"                     \
	"INSERT INTO org_counts (org_id, dim, item, direct, subtree) "         \
	"SELECT a.id, 'kind', d.kind, "                                        \
	"SUM(CASE WHEN d.parent_id = a.id THEN 1 ELSE 0 END), COUNT(*) "       \
	"FROM orgs a JOIN orgs d ON d.path >= a.path "                         \
	"AND d.path < substr(a.path, 1, length(a.path) - 1) || '0' "           \
	"GROUP BY a.id, d.kind;"                                               \
	"INSERT INTO org_counts (org_id, dim, item, direct, subtree) "         \
	"SELECT a.id, 'level', d.level, "                                      \
	"SUM(CASE WHEN d.parent_id = a.id THEN 1 ELSE 0 END), COUNT(*) "       \
	"FROM orgs a JOIN orgs d ON d.path >= a.path "                         \
	"AND d.path < substr(a.path, 1, length(a.path) - 1) || '0' "           \
	"GROUP BY a.id, d.level;"

/* SQLite: the ancestors of path P are json_each of "[1,5,9]". */
#define SQ_IDS(p)                                                              \
	"json_each(CASE WHEN " p " LIKE '/%' THEN '[' || "                     \
	"replace(trim(" p ", '/'), '/', ',') || ']' ELSE '[]' END)"
#define SQ_ADD(p, direct_id, dim, item, n)                                     \
	" INSERT INTO org_counts (org_id, dim, item, direct, subtree)"         \
	" SELECT value, " dim ", " item ", CASE WHEN value = " direct_id       \
	" THEN " n " ELSE 0 END, " n                                           \
	" FROM " SQ_IDS(p) " WHERE 1"                                          \
	                   " ON CONFLICT (org_id, dim, item) DO UPDATE SET"    \
	                   " direct = direct + excluded.direct,"               \
	                   " subtree = subtree + excluded.subtree;"

/* The SQLite triggers. */
#define SQ_MEMBER_CHANGED                                                      \
	"(NEW.org_path IS NOT OLD.org_path OR NEW.org_id IS NOT OLD.org_id "   \
	"OR NEW.status IS NOT OLD.status)"
#define SQ_MEMBER_INS                                                          \
	"CREATE TRIGGER org_counts_member_ins AFTER INSERT ON members "        \
	"WHEN NEW.left_on IS NULL BEGIN" SQ_ADD("NEW.org_path", "NEW.org_id",  \
	                                        "'status'", "NEW.status",      \
	                                        "1") " END;"
#define SQ_MEMBER_DEL                                                          \
	"CREATE TRIGGER org_counts_member_del AFTER DELETE ON members "        \
	"WHEN OLD.left_on IS NULL BEGIN" SQ_ADD("OLD.org_path", "OLD.org_id",  \
	                                        "'status'", "OLD.status",      \
	                                        "-1") " END;"
#define SQ_MEMBER_OLD                                                          \
	"CREATE TRIGGER org_counts_member_old AFTER UPDATE ON members "        \
	"WHEN OLD.left_on IS NULL AND (NEW.left_on IS NOT NULL "               \
	"OR " SQ_MEMBER_CHANGED                                                \
	") BEGIN" SQ_ADD("OLD.org_path", "OLD.org_id", "'status'",             \
	                 "OLD.status", "-1") " END;"
#define SQ_MEMBER_NEW                                                          \
	"CREATE TRIGGER org_counts_member_new AFTER UPDATE ON members "        \
	"WHEN NEW.left_on IS NULL AND (OLD.left_on IS NOT NULL "               \
	"OR " SQ_MEMBER_CHANGED                                                \
	") BEGIN" SQ_ADD("NEW.org_path", "NEW.org_id", "'status'",             \
	                 "NEW.status", "1") " END;"
#define SQ_ORG(row, n)                                                         \
	SQ_ADD(row ".path", row ".parent_id", "'kind'", row ".kind", n)        \
	SQ_ADD(row ".path", row ".parent_id", "'level'", row ".level", n)
#define SQ_ORG_INS                                                             \
	"CREATE TRIGGER org_counts_org_ins AFTER INSERT ON orgs "              \
	"BEGIN" SQ_ORG("NEW", "1") " END;"
#define SQ_ORG_DEL                                                             \
	"CREATE TRIGGER org_counts_org_del AFTER DELETE ON orgs "              \
	"BEGIN" SQ_ORG("OLD", "-1") " DELETE FROM org_counts "                 \
	                            "WHERE org_id = OLD.id; END;"
#define SQ_ORG_UPD                                                             \
	"CREATE TRIGGER org_counts_org_upd AFTER UPDATE ON orgs "              \
	"WHEN NEW.path IS NOT OLD.path OR NEW.parent_id IS NOT OLD.parent_id " \
	"OR NEW.kind IS NOT OLD.kind OR NEW.level IS NOT OLD.level "           \
	"BEGIN" SQ_ORG("OLD", "-1") SQ_ORG("NEW", "1") " END;"

const char xf_schema_v26[] =
    "CREATE TABLE org_counts ("
    " org_id BIGINT NOT NULL,"
    " dim TEXT NOT NULL,"
    " item TEXT NOT NULL,"
    " direct BIGINT NOT NULL,"
    " subtree BIGINT NOT NULL,"
    " PRIMARY KEY (org_id, dim, item));" ORG_COUNTS_FILL
    "{SQ}" SQ_MEMBER_INS SQ_MEMBER_DEL SQ_MEMBER_OLD SQ_MEMBER_NEW SQ_ORG_INS
        SQ_ORG_DEL SQ_ORG_UPD "{/SQ}"
    /* PostgreSQL */
    "{PG}CREATE FUNCTION org_counts_add(p TEXT, direct_id BIGINT,"
    " d TEXT, i TEXT, n BIGINT) RETURNS void LANGUAGE sql AS $$"
    " INSERT INTO org_counts (org_id, dim, item, direct, subtree)"
    " SELECT a, d, i, CASE WHEN a = direct_id THEN n ELSE 0 END, n"
    " FROM unnest(CASE WHEN p LIKE '/%'"
    " THEN string_to_array(trim(both '/' from p), '/')::BIGINT[]"
    " ELSE '{}'::BIGINT[] END) a"
    " ON CONFLICT (org_id, dim, item) DO UPDATE SET"
    " direct = org_counts.direct + excluded.direct,"
    " subtree = org_counts.subtree + excluded.subtree $$;"
    "CREATE FUNCTION org_counts_member() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP = 'UPDATE' AND NEW.org_path = OLD.org_path"
    " AND NEW.org_id = OLD.org_id AND NEW.status = OLD.status"
    " AND (NEW.left_on IS NULL) = (OLD.left_on IS NULL) THEN"
    " RETURN NULL; END IF;"
    " IF TG_OP <> 'INSERT' AND OLD.left_on IS NULL THEN"
    " PERFORM org_counts_add(OLD.org_path, OLD.org_id, 'status',"
    " OLD.status, -1); END IF;"
    " IF TG_OP <> 'DELETE' AND NEW.left_on IS NULL THEN"
    " PERFORM org_counts_add(NEW.org_path, NEW.org_id, 'status',"
    " NEW.status, 1); END IF;"
    " RETURN NULL; END $$;"
    "CREATE TRIGGER org_counts_member AFTER INSERT OR DELETE OR UPDATE"
    " ON members FOR EACH ROW EXECUTE FUNCTION org_counts_member();"
    "CREATE FUNCTION org_counts_org() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " IF TG_OP = 'UPDATE' AND NEW.path = OLD.path"
    " AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id"
    " AND NEW.kind = OLD.kind AND NEW.level = OLD.level THEN"
    " RETURN NULL; END IF;"
    " IF TG_OP <> 'INSERT' THEN"
    " PERFORM org_counts_add(OLD.path, OLD.parent_id, 'kind', OLD.kind, -1);"
    " PERFORM org_counts_add(OLD.path, OLD.parent_id, 'level', OLD.level,"
    " -1); END IF;"
    " IF TG_OP = 'DELETE' THEN"
    " DELETE FROM org_counts WHERE org_id = OLD.id; RETURN NULL; END IF;"
    " PERFORM org_counts_add(NEW.path, NEW.parent_id, 'kind', NEW.kind, 1);"
    " PERFORM org_counts_add(NEW.path, NEW.parent_id, 'level', NEW.level, 1);"
    " RETURN NULL; END $$;"
    "CREATE TRIGGER org_counts_org AFTER INSERT OR DELETE OR UPDATE"
    " ON orgs FOR EACH ROW EXECUTE FUNCTION org_counts_org();{/PG}";
