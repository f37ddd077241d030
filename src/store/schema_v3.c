/*
 * schema_v3.c - migration 3: points (积分) and the 先锋榜.
 *
 * - point_rules / point_rule_versions: the rulebook. A rule keeps a stable
 *   id; every change is a new version valid from a date (valid_to is the
 *   exclusive end, NULL while current). kind 'member' rules give member
 *   points, kind 'org' rules organization points (组织积分). A rule issued
 *   by an org applies to that org's subtree; org_id NULL: city-wide.
 * - point_settings: the yearly base score and floor of each kind.
 * - point_claims: a member's claim (申报) with evidence, decided once.
 * - point_ledger: append-only (the store has no UPDATE or DELETE of it).
 *   A correction is a reversal entry (reverses_id, unique: an entry is
 *   reversed at most once). member_id NULL marks an organization entry.
 *   Entries carry the org at that time and their month/quarter/year, so
 *   totals and caps are plain range-free lookups. veto is +1 for a veto
 *   entry, -1 for its reversal, 0 otherwise. The member and org indexes
 *   carry the columns `points verify` reads, so its two passes over the
 *   ledger are index-only scans in (member|org, year, id) order.
 * - point_member_totals / point_org_totals: kept in the same transaction
 *   as every ledger entry; `xianfeng points verify` recomputes them.
 *   Periods are text ("2024", "2024Q3", "2024-07") in byte order.
 * - point_notices / point_notice_rows / point_objections: publication
 *   (公示) of a frozen board and the objections (异议) to it. The rows of
 *   a notice are copied from the board when it is published and only ever
 *   inserted (the store has no UPDATE or DELETE of them), so a notice
 *   never changes when the ledger does. A member has at most one open
 *   objection per notice (partial unique index); status is open, upheld
 *   or dismissed.
 */
#include "store/schema.h"

const char xf_schema_v3[] =
    "CREATE TABLE point_rules ("
    " id {ID},"
    " kind TEXT NOT NULL,"
    " org_id BIGINT REFERENCES orgs(id),"
    " org_path TEXT{C},"
    " created_at BIGINT NOT NULL);"
    "CREATE TABLE point_rule_versions ("
    " id {ID},"
    " rule_id BIGINT NOT NULL REFERENCES point_rules(id),"
    " version INTEGER NOT NULL,"
    " valid_from TEXT{C} NOT NULL,"
    " valid_to TEXT{C},"
    " category TEXT NOT NULL,"
    " item TEXT NOT NULL,"
    " description TEXT NOT NULL DEFAULT '',"
    " points INTEGER NOT NULL,"
    " cap INTEGER,"
    " cap_period TEXT NOT NULL,"
    " needs_evidence INTEGER NOT NULL,"
    " needs_approval INTEGER NOT NULL,"
    " approver_role TEXT NOT NULL,"
    " veto INTEGER NOT NULL,"
    " created_at BIGINT NOT NULL, created_by BIGINT,"
    " UNIQUE (rule_id, version));"
    "CREATE TABLE point_settings ("
    " kind TEXT NOT NULL, year INTEGER NOT NULL,"
    " base INTEGER NOT NULL, floor INTEGER NOT NULL,"
    " updated_at BIGINT NOT NULL,"
    " PRIMARY KEY (kind, year));"
    "CREATE TABLE point_claims ("
    " id {ID},"
    " member_id BIGINT NOT NULL REFERENCES members(id),"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " rule_id BIGINT NOT NULL REFERENCES point_rules(id),"
    " description TEXT NOT NULL,"
    " evidence TEXT NOT NULL DEFAULT '[]',"
    " status TEXT NOT NULL,"
    " created_by BIGINT, created_at BIGINT NOT NULL,"
    " decided_by BIGINT, decided_at BIGINT, decision_reason TEXT,"
    " ledger_id BIGINT, points INTEGER);"
    "CREATE INDEX point_claims_path ON point_claims(org_path, status, id);"
    "CREATE INDEX point_claims_member ON point_claims(member_id, id);"
    "CREATE TABLE point_ledger ("
    " id {ID},"
    " member_id BIGINT REFERENCES members(id),"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " rule_id BIGINT NOT NULL REFERENCES point_rules(id),"
    " rule_version_id BIGINT NOT NULL REFERENCES point_rule_versions(id),"
    " points INTEGER NOT NULL,"
    " asked INTEGER NOT NULL,"
    " occurred_on TEXT{C} NOT NULL,"
    " month TEXT{C} NOT NULL, quarter TEXT{C} NOT NULL,"
    " year TEXT{C} NOT NULL,"
    " source TEXT NOT NULL,"
    " reason TEXT NOT NULL,"
    " note TEXT NOT NULL DEFAULT '',"
    " claim_id BIGINT REFERENCES point_claims(id),"
    " record_ref TEXT,"
    " reverses_id BIGINT UNIQUE REFERENCES point_ledger(id),"
    " veto INTEGER NOT NULL DEFAULT 0,"
    " actor_id BIGINT, actor_name TEXT,"
    " created_at BIGINT NOT NULL);"
    "CREATE INDEX point_ledger_member ON point_ledger(member_id, year, id,"
    " month, points, veto, org_id);"
    "CREATE INDEX point_ledger_org ON point_ledger(org_id, year, id, month,"
    " points, member_id);"
    "CREATE INDEX point_ledger_path ON point_ledger(org_path, id);"
    "CREATE TABLE point_member_totals ("
    " member_id BIGINT NOT NULL,"
    " period TEXT{C} NOT NULL,"
    " org_id BIGINT NOT NULL,"
    " org_path TEXT{C} NOT NULL,"
    " points BIGINT NOT NULL,"
    " entries BIGINT NOT NULL,"
    " vetoed INTEGER NOT NULL,"
    " last_entry_id BIGINT NOT NULL,"
    " PRIMARY KEY (member_id, period));"
    "CREATE INDEX point_member_totals_board"
    " ON point_member_totals(period, points, member_id);"
    "CREATE INDEX point_member_totals_subtree"
    " ON point_member_totals(period, org_path, points, member_id, org_id,"
    " vetoed);"
    "CREATE TABLE point_org_totals ("
    " org_id BIGINT NOT NULL,"
    " period TEXT{C} NOT NULL,"
    " points BIGINT NOT NULL,"
    " entries BIGINT NOT NULL,"
    " members BIGINT NOT NULL,"
    " org_points BIGINT NOT NULL,"
    " org_entries BIGINT NOT NULL,"
    " PRIMARY KEY (org_id, period));"
    "CREATE TABLE point_notices ("
    " id {ID},"
    " org_id BIGINT NOT NULL REFERENCES orgs(id),"
    " org_path TEXT{C} NOT NULL,"
    " period TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " org_kind TEXT,"
    " title TEXT NOT NULL,"
    " opens_on TEXT{C} NOT NULL, closes_on TEXT{C} NOT NULL,"
    " base BIGINT NOT NULL,"
    " nrows INTEGER NOT NULL,"
    " created_by BIGINT, created_at BIGINT NOT NULL);"
    "CREATE INDEX point_notices_path ON point_notices(org_path, id);"
    "CREATE TABLE point_notice_rows ("
    " notice_id BIGINT NOT NULL REFERENCES point_notices(id),"
    " pos INTEGER NOT NULL,"
    " rank_no INTEGER NOT NULL,"
    " member_id BIGINT,"
    " org_id BIGINT NOT NULL,"
    " name TEXT NOT NULL, org_name TEXT NOT NULL,"
    " points BIGINT NOT NULL,"
    " headcount BIGINT NOT NULL, average_x100 BIGINT NOT NULL,"
    " vetoed INTEGER NOT NULL,"
    " PRIMARY KEY (notice_id, pos));"
    "CREATE INDEX point_notice_rows_member"
    " ON point_notice_rows(member_id, notice_id);"
    "CREATE TABLE point_objections ("
    " id {ID},"
    " notice_id BIGINT NOT NULL REFERENCES point_notices(id),"
    " member_id BIGINT NOT NULL REFERENCES members(id),"
    " org_path TEXT{C} NOT NULL,"
    " user_id BIGINT,"
    " text TEXT NOT NULL,"
    " status TEXT NOT NULL,"
    " answer TEXT, answered_by BIGINT, answered_at BIGINT,"
    " created_at BIGINT NOT NULL);"
    "CREATE INDEX point_objections_notice ON point_objections(notice_id, id);"
    "CREATE UNIQUE INDEX point_objections_open"
    " ON point_objections(notice_id, member_id) WHERE status = 'open';";
