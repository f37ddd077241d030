/*
 * schema_v28.c - migration 28: kept subtree counts (org_counts).
 * - org_counts: per organization and (dim, item) its direct and its
 *   subtree count. dim 'status': members not transferred out (left_on
 *   IS NULL) by status, direct = of the organization itself; dims 'kind'
 *   and 'level': organizations by kind and by level, direct = its child
 *   organizations, subtree = the organizations of its subtree, itself
 *   included. Kept by triggers on members and orgs, which add a row's
 *   contribution to every organization on its path (the ids of a
 *   materialized path) and take the old one away (SQLite: per row;
 *   PostgreSQL: per statement, over its transition tables, so that a
 *   COPY updates each row of org_counts once); an org's temporary path
 *   ("#new-...") counts for nothing. Filled here from the rows.
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

/* PostgreSQL: statement triggers over the transition tables, so that a
 * COPY or a move's UPDATE adds up its rows once per ancestor. rows
 * selects (direct_id, path, n) and the dims' items. */
#define PG_UPSERT                                                              \
	" ON CONFLICT (org_id, dim, item) DO UPDATE SET"                       \
	" direct = org_counts.direct + excluded.direct,"                       \
	" subtree = org_counts.subtree + excluded.subtree;"
#define PG_ADD(dims, rows)                                                     \
	" INSERT INTO org_counts (org_id, dim, item, direct, subtree)"         \
	" SELECT a, d.dim, d.item,"                                            \
	" SUM(CASE WHEN a = r.direct_id THEN r.n ELSE 0 END), SUM(r.n)"        \
	" FROM (" rows ") r, LATERAL (VALUES " dims ") d(dim, item),"          \
	" unnest(org_counts_ids(r.path)) a GROUP BY a, d.dim, d.item"          \
	" HAVING SUM(r.n) <> 0 OR SUM(CASE WHEN a = r.direct_id THEN r.n"      \
	" ELSE 0 END) <> 0 ORDER BY 1, 2, 3" PG_UPSERT
#define PG_MEMBER_ROWS(t, n)                                                   \
	"SELECT org_id AS direct_id, org_path AS path, status, " n " AS n "    \
	"FROM " t " WHERE left_on IS NULL"
#define PG_MEMBER_DIMS "('status', r.status)"
#define PG_ORG_ROWS(t, n)                                                      \
	"SELECT parent_id AS direct_id, path, kind, level, " n " AS n FROM " t
#define PG_ORG_DIMS "('kind', r.kind), ('level', r.level)"
#define PG_FN(name, body)                                                      \
	"CREATE FUNCTION " name "() RETURNS trigger LANGUAGE plpgsql AS $$"    \
	" BEGIN" body " RETURN NULL; END $$;"
#define PG_TRIGGER(name, event, tables, table)                                 \
	"CREATE TRIGGER " name " AFTER " event " ON " table                    \
	" REFERENCING " tables " FOR EACH STATEMENT EXECUTE FUNCTION " name    \
	"();"

#define PG_IDS                                                                 \
	"CREATE FUNCTION org_counts_ids(p TEXT) RETURNS BIGINT[] "             \
	"LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN p LIKE '/%' "           \
	"THEN string_to_array(trim(both '/' from p), '/')::BIGINT[] "          \
	"ELSE '{}'::BIGINT[] END $$;"
#define PG_MEMBERS_OLD PG_MEMBER_ROWS("old_rows", "-1")
#define PG_MEMBERS_NEW PG_MEMBER_ROWS("new_rows", "1")
#define PG_ORGS_OLD    PG_ORG_ROWS("old_rows", "-1")
#define PG_ORGS_NEW    PG_ORG_ROWS("new_rows", "1")
#define PG_OLD         "OLD TABLE AS old_rows"
#define PG_NEW         "NEW TABLE AS new_rows"
#define PG_MEMBERS_INS                                                         \
	PG_FN("org_counts_members_ins",                                        \
	      PG_ADD(PG_MEMBER_DIMS, PG_MEMBERS_NEW))                          \
	PG_TRIGGER("org_counts_members_ins", "INSERT", PG_NEW, "members")
#define PG_MEMBERS_DEL                                                         \
	PG_FN("org_counts_members_del",                                        \
	      PG_ADD(PG_MEMBER_DIMS, PG_MEMBERS_OLD))                          \
	PG_TRIGGER("org_counts_members_del", "DELETE", PG_OLD, "members")
#define PG_MEMBERS_UPD                                                         \
	PG_FN("org_counts_members_upd", PG_ADD(PG_MEMBER_DIMS, PG_MEMBERS_OLD  \
	                                       " UNION ALL " PG_MEMBERS_NEW))  \
	PG_TRIGGER("org_counts_members_upd", "UPDATE", PG_OLD " " PG_NEW,      \
	           "members")
#define PG_ORGS_INS                                                            \
	PG_FN("org_counts_orgs_ins", PG_ADD(PG_ORG_DIMS, PG_ORGS_NEW))         \
	PG_TRIGGER("org_counts_orgs_ins", "INSERT", PG_NEW, "orgs")
#define PG_ORGS_DEL                                                            \
	PG_FN("org_counts_orgs_del",                                           \
	      PG_ADD(PG_ORG_DIMS, PG_ORGS_OLD) " DELETE FROM org_counts "      \
	                                       "WHERE org_id IN (SELECT id "   \
	                                       "FROM old_rows);")              \
	PG_TRIGGER("org_counts_orgs_del", "DELETE", PG_OLD, "orgs")
#define PG_ORGS_UPD                                                            \
	PG_FN("org_counts_orgs_upd",                                           \
	      PG_ADD(PG_ORG_DIMS, PG_ORGS_OLD " UNION ALL " PG_ORGS_NEW))      \
	PG_TRIGGER("org_counts_orgs_upd", "UPDATE", PG_OLD " " PG_NEW, "orgs")

const char xf_schema_v28[] =
    "CREATE TABLE org_counts ("
    " org_id BIGINT NOT NULL,"
    " dim TEXT NOT NULL,"
    " item TEXT NOT NULL,"
    " direct BIGINT NOT NULL,"
    " subtree BIGINT NOT NULL,"
    " PRIMARY KEY (org_id, dim, item));" ORG_COUNTS_FILL
    "{SQ}" SQ_MEMBER_INS SQ_MEMBER_DEL SQ_MEMBER_OLD SQ_MEMBER_NEW SQ_ORG_INS
        SQ_ORG_DEL SQ_ORG_UPD "{/SQ}"
    "{PG}" PG_IDS PG_MEMBERS_INS PG_MEMBERS_DEL PG_MEMBERS_UPD PG_ORGS_INS
        PG_ORGS_DEL PG_ORGS_UPD "{/PG}";
