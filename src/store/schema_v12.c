/*
 * schema_v12.c - migration 12: points written from records (自动记分).
 * - point_rule_versions.record_kind / record_qualifier: the kind of
 *   record a rule's version scores by itself (codes of
 *   xf_point_record_kinds, domain/points.h) and an optional qualifier
 *   (a meeting kind); NULL: a manual rule (claims and awards).
 * - point_ledger.record_group: the record an automatic entry comes from,
 *   as a whole ("meeting:42" for its attendance, "task:7" for its
 *   milestones, "duty_evidence:9"); record_ref names the part. Correcting
 *   or deleting the record reads its group's entries by this index and
 *   reverses those that no longer hold. Reversals leave it NULL.
 */
#include "store/schema.h"

const char xf_schema_v12[] =
    "ALTER TABLE point_rule_versions ADD COLUMN record_kind TEXT;"
    "ALTER TABLE point_rule_versions ADD COLUMN record_qualifier TEXT;"
    "ALTER TABLE point_ledger ADD COLUMN record_group TEXT;"
    "CREATE INDEX point_ledger_record_group ON point_ledger(record_group)"
    " WHERE record_group IS NOT NULL;";
